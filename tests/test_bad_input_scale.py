"""2,000 small article files through ``summarize run``: every one is loaded and
listed. Kept apart from the other CLI cases because the whole pipeline runs
over all of them; timings are printed by benchmarks/bad_input_scale.py."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from summarize.cli import app

NO_MODEL_ENV: dict[str, str | None] = {
    "OPENAI_API_KEY": None,
    "OPENAI_BASE_URL": None,
    "SUMMARIZE_MODEL": None,
}


def test_two_thousand_small_files_summarize(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(2000):
        (folder / f"a{i:04d}.txt").write_text(f"Officials said {i} boats were counted.\n")
    out = tmp_path / "many.json"
    result = CliRunner().invoke(app, ["run", str(folder), "-o", str(out)], env=NO_MODEL_ENV)
    assert result.exit_code == 0, result.stderr
    documents = json.loads(out.read_text())["documents"]
    assert sorted(d["id"] for d in documents) == [f"a{i:04d}" for i in range(2000)]
