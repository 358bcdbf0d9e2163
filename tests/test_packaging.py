"""Prompts and schemas ship inside the wheel, and an installed copy finds them
from any working directory."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    if proc.returncode != 0 and "No module named 'hatchling'" in proc.stderr:
        pytest.skip("hatchling is not installed in this environment")
    assert proc.returncode == 0, proc.stderr
    (whl,) = out.glob("summarize-*.whl")
    return whl


def test_wheel_contains_prompts_schemas_and_lexicon(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "summarize/schemas/event_summary.schema.json" in names
    assert "summarize/data/loaded_lexicon.json" in names
    shipped_prompts = {n for n in names if n.startswith("summarize/prompts/")}
    repo_prompts = {f"summarize/prompts/{p.name}" for p in (ROOT / "prompts").iterdir()}
    assert repo_prompts and repo_prompts <= shipped_prompts


def test_installed_wheel_runs_from_another_directory(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = dict(os.environ, PYTHONPATH=str(target))
    for key in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "SUMMARIZE_MODEL"):
        env.pop(key, None)
    code = (
        "import summarize, summarize.resources as r, json, sys;"
        "print(summarize.__file__);"
        "print(r.prompts_dir());"
        "print(json.dumps(r.load_schema('event_summary.schema.json')['$schema']))"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=elsewhere,
        env=env,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    module_file, prompts, schema_uri = proc.stdout.splitlines()
    assert module_file.startswith(str(target)), "imported the source tree, not the wheel"
    assert prompts.startswith(str(target))
    assert json.loads(schema_uri).endswith("2020-12/schema")
    run = subprocess.run(
        [sys.executable, "-m", "summarize", "run", str(ROOT / "examples" / "ganja")],
        capture_output=True,
        text=True,
        cwd=elsewhere,
        env=env,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["provenance"]["engine"] == "offline"
