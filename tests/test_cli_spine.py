"""The CLI's own contract: data on stdout, messages on stderr, exit codes, atomic output."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "ganja"
CLEAN_ENV_DROP = ("OPENAI_API_KEY", "OPENAI_BASE_URL", "SUMMARIZE_MODEL")


def run_cli(
    *args: str, cwd: Path | None = None, env_extra: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    import os

    env = {k: v for k, v in os.environ.items() if k not in CLEAN_ENV_DROP}
    env.update(env_extra or {})
    return subprocess.run(
        [sys.executable, "-m", "summarize", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=300,
    )


@pytest.fixture(scope="module")
def ganja_json(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("run") / "ganja.json"
    proc = run_cli("run", str(EXAMPLE), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == "", "with -o, nothing but messages should be printed (on stderr)"
    assert "offline" in proc.stderr
    return out


def test_run_without_model_uses_offline_and_writes_schema_valid_json(ganja_json: Path) -> None:
    data = json.loads(ganja_json.read_text())
    schema = json.loads(run_cli("schema").stdout)
    jsonschema.Draft202012Validator(schema).validate(data)
    assert data["provenance"]["engine"] == "offline"
    assert {d["id"] for d in data["documents"]} == {p.stem for p in EXAMPLE.iterdir()}


def test_run_prints_data_on_stdout_when_no_output_given() -> None:
    proc = run_cli("run", str(EXAMPLE), "--format", "markdown")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("# ")
    assert "summarize:" not in proc.stdout


def test_check_passes_on_a_verified_record(ganja_json: Path) -> None:
    proc = run_cli("check", str(ganja_json), str(EXAMPLE))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "0 errors" in proc.stdout


def test_check_fails_and_names_the_claim_when_a_quote_is_tampered(
    ganja_json: Path, tmp_path: Path
) -> None:
    data = json.loads(ganja_json.read_text())
    data["claims"] = [
        {
            "id": "x1",
            "statement": "An official said the city was calm.",
            "speaker": {"name": "An official"},
            "evidence": [{"document": data["documents"][0]["id"], "quote": "The city was calm."}],
            "reported_by": [data["documents"][0]["id"]],
        }
    ]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data))
    proc = run_cli("check", str(bad), str(EXAMPLE), "--json")
    assert proc.returncode == 1
    report = json.loads(proc.stdout)
    assert report["ok"] is False
    assert any(i["where"].startswith("claim x1") for i in report["issues"])


def test_check_rejects_a_file_that_is_not_a_summary(tmp_path: Path) -> None:
    bad = tmp_path / "not-summary.json"
    bad.write_text('{"hello": 1}')
    proc = run_cli("check", str(bad), str(EXAMPLE))
    assert proc.returncode == 2
    assert "not-summary.json" in proc.stderr and "not a valid EventSummary" in proc.stderr


def test_schema_command_prints_the_shipped_schema() -> None:
    proc = run_cli("schema")
    assert proc.returncode == 0
    assert json.loads(proc.stdout) == json.loads(
        (ROOT / "schemas" / "event_summary.schema.json").read_text()
    )


def test_unknown_engine_and_format_are_usage_errors(tmp_path: Path) -> None:
    proc = run_cli("run", str(EXAMPLE), "--engine", "magic")
    assert proc.returncode == 2 and "unknown engine 'magic'" in proc.stderr
    proc = run_cli("run", str(EXAMPLE), "--format", "pdf")
    assert proc.returncode == 2 and "--format" in proc.stderr


def test_llm_engine_without_model_says_what_to_do() -> None:
    proc = run_cli("run", str(EXAMPLE), "--engine", "llm")
    assert proc.returncode == 2
    assert "--model" in proc.stderr and "SUMMARIZE_MODEL" in proc.stderr


def test_failed_run_keeps_an_existing_good_output(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    out.write_text("GOOD")
    empty = tmp_path / "empty"
    empty.mkdir()
    proc = run_cli("run", str(empty), "-o", str(out))
    assert proc.returncode == 2
    assert str(empty) in proc.stderr
    assert out.read_text() == "GOOD"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out.json")] == []


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_human_formats_carry_claims_and_documents(
    ganja_json: Path, fmt: str, tmp_path: Path
) -> None:
    copy = tmp_path / "ganja"
    shutil.copytree(EXAMPLE, copy)
    proc = run_cli("run", str(copy), "--format", fmt)
    assert proc.returncode == 0, proc.stderr
    for doc in json.loads(ganja_json.read_text())["documents"]:
        assert doc["id"] in proc.stdout
    if fmt == "html":
        assert proc.stdout.lstrip().startswith("<!doctype html>")
