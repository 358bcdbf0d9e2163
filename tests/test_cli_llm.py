"""``summarize run --engine llm`` end to end against the fake server, in-process
(typer's CliRunner), then ``summarize check`` on what it wrote."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from fake_openai import FakeOpenAI, Reply, auto_reply
from typer.testing import CliRunner

from summarize.cli import app
from summarize.resources import load_schema

ENV_VARS = ("OPENAI_API_KEY", "OPENAI_BASE_URL", "SUMMARIZE_MODEL")


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in ENV_VARS:
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_run_with_llm_writes_a_schema_valid_record_that_check_passes(
    fake_openai: FakeOpenAI, examples_dir: Path, tmp_path: Path, clean_env: pytest.MonkeyPatch
) -> None:
    fake_openai.responder = auto_reply
    out = tmp_path / "out.json"
    code, stdout, stderr = invoke(
        "run", str(examples_dir), "--engine", "llm", "--base-url", fake_openai.base_url,
        "--model", "test", "-o", str(out),
    )  # fmt: skip
    assert code == 0, stderr
    assert stdout == ""
    assert "engine llm, model test" in stderr
    record = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(load_schema("event_summary.schema.json")).validate(record)
    assert record["provenance"]["engine"] == "llm"
    assert record["provenance"]["model"] == "test"
    assert record["provenance"]["usage"]["requests"] == 1
    assert {d["id"] for d in record["documents"]} == {p.stem for p in examples_dir.iterdir()}
    [request] = fake_openai.chat_requests
    assert request["response_format"]["type"] == "json_schema"

    code, stdout, stderr = invoke("check", str(out), str(examples_dir))
    assert code == 0, stdout + stderr
    assert "0 errors" in stdout


def test_environment_variables_configure_the_llm_engine(
    fake_openai: FakeOpenAI, examples_dir: Path, clean_env: pytest.MonkeyPatch
) -> None:
    clean_env.setenv("OPENAI_BASE_URL", fake_openai.base_url)
    clean_env.setenv("SUMMARIZE_MODEL", "env-model")
    fake_openai.responder = auto_reply
    code, stdout, stderr = invoke(
        "run", str(examples_dir), "--mode", "tools", "--temperature", "0.5", "--seed", "11"
    )
    assert code == 0, stderr
    assert json.loads(stdout)["provenance"]["model"] == "env-model"
    [request] = fake_openai.chat_requests
    assert (request["model"], request["temperature"], request["seed"]) == ("env-model", 0.5, 11)
    assert request["tool_choice"]["function"]["name"] == "SummaryReply"
    assert fake_openai.requests[0].headers["authorization"] == "Bearer not-needed"


def test_exhausted_validation_exits_1_with_the_failure_and_writes_nothing(
    fake_openai: FakeOpenAI, examples_dir: Path, tmp_path: Path, clean_env: pytest.MonkeyPatch
) -> None:
    fake_openai.script(Reply.text('{"event": '), Reply.text('{"event": '))
    out = tmp_path / "out.json"
    code, _, stderr = invoke(
        "run", str(examples_dir), "--engine", "llm", "--base-url", fake_openai.base_url,
        "--model", "test", "--max-retries", "1", "-o", str(out),
    )  # fmt: skip
    assert code == 1
    assert "failed validation on all 2 attempt(s)" in stderr
    assert "not valid JSON" in stderr
    assert not out.exists()
    assert len(fake_openai.chat_requests) == 2
