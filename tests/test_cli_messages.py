"""What the command line says (#13): help shows flags as flags, counts agree with
their nouns, each log line appears once in one format, instructor's records stay
off the root logger, and ``run`` reports the loaded-word warnings ``check`` would."""

from __future__ import annotations

import json
import logging
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from batch_fakes import mapreduce_reply
from click.testing import Result
from fake_openai import FakeOpenAI, Reply, auto_reply
from typer.testing import CliRunner

from summarize.cli import app

NO_MODEL_ENV: dict[str, str | None] = {
    "OPENAI_API_KEY": None,
    "OPENAI_BASE_URL": None,
    "SUMMARIZE_MODEL": None,
}


def invoke(*args: str, env: dict[str, str | None] | None = None) -> Result:
    return CliRunner().invoke(app, list(args), env={**NO_MODEL_ENV, **(env or {})})


@pytest.fixture
def one_article(examples_dir: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "event"
    folder.mkdir()
    shutil.copy(sorted(examples_dir.iterdir())[0], folder)
    return folder


# -- help -----------------------------------------------------------------------------
def test_batch_help_shows_flags_without_a_value() -> None:
    result = invoke("batch", "--help", env={"COLUMNS": "120"})
    assert result.exit_code == 0
    rows = [ln.strip(" \u2502") for ln in result.stdout.splitlines()]  # also a rich panel's
    lines = {row.split()[0]: row for row in rows if row.startswith("--")}
    for flag in ("--resume", "--no-cache", "--refresh", "--help"):
        words = lines[flag].split()
        assert words[1][0].isupper(), f"{flag} is shown taking a value: {lines[flag]!r}"
    assert lines["--timeout"].split()[1] == "<float>", "options that take a value say so"


# -- counts ---------------------------------------------------------------------------
def test_one_article_and_one_event_are_singular(one_article: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    result = invoke("run", str(one_article), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert "summarize: 1 article, engine offline" in result.stderr.splitlines()

    record = json.loads(out.read_text(encoding="utf-8"))
    claim = record["claims"][0]
    claim["evidence"], claim["quote"] = claim["evidence"][:1], None
    record.update(claims=[claim], disputes=[], summary="Officials slammed it.")
    one = tmp_path / "one.json"
    one.write_text(json.dumps(record), encoding="utf-8")
    result = invoke("check", str(one), str(one_article))
    assert result.stdout.splitlines()[-1] == "0 errors, 1 warning; 1/1 quote grounded"

    root = tmp_path / "root"
    root.mkdir()
    shutil.copytree(one_article, root / "event")
    result = invoke("batch", str(root), "-o", str(tmp_path / "outs"), "--no-cache", "-q")
    assert result.exit_code == 0, result.stderr
    assert "summarize: 1/1 event ok, 0 failed;" in result.stderr


# -- logging --------------------------------------------------------------------------
class _CurrentStderr(logging.Handler):
    """A host application's root handler (as ``logging.basicConfig`` makes one)."""

    def emit(self, record: logging.LogRecord) -> None:
        sys.stderr.write(f"{record.name}:{record.getMessage()}\n")


@pytest.fixture
def host_root_handler() -> Iterator[None]:
    root = logging.getLogger()
    handler = _CurrentStderr()
    root.addHandler(handler)
    try:
        yield
    finally:
        root.removeHandler(handler)


def test_a_skipped_file_is_one_line_in_one_format_and_logging_is_put_back(
    examples_dir: Path, tmp_path: Path, host_root_handler: None
) -> None:
    out = tmp_path / "out.json"
    assert invoke("run", str(examples_dir), "-o", str(out)).exit_code == 0
    folder = tmp_path / "articles"
    shutil.copytree(examples_dir, folder)
    (folder / "empty.txt").write_text("")
    result = invoke("check", str(out), str(folder))
    assert result.exit_code == 0, result.stderr
    mentions = [ln for ln in result.stderr.splitlines() if "empty.txt" in ln]
    assert mentions == [f"summarize: skipped {folder / 'empty.txt'}: is empty (no article text)"]
    package = logging.getLogger("summarize")
    assert package.propagate and not package.handlers, "the command leaves logging as it was"


def test_instructor_records_stay_off_the_root_logger_unless_verbose(
    fake_openai: FakeOpenAI,
    examples_dir: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    args = [
        "run", str(examples_dir), "--engine", "llm", "--base-url", fake_openai.base_url,
        "--model", "test", "--max-retries", "1",
    ]  # fmt: skip
    fake_openai.script(Reply.text('{"event": '), Reply.text('{"event": '))
    with caplog.at_level(logging.DEBUG):
        result = invoke(*args)
    assert result.exit_code == 1
    assert [r for r in caplog.records if r.name.startswith("instructor")] == []
    assert "instructor" not in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("summarize: error: ")

    fake_openai.script(Reply.text('{"event": '), Reply.text('{"event": '))
    verbose = invoke(*args, "--verbose")
    shown = [ln for ln in verbose.stderr.splitlines() if "Max retries exceeded" in ln]
    # the llm engine makes one instructor call per attempt (it re-asks itself), so
    # instructor gives up once per attempt: 2 with --max-retries 1, each shown once
    assert len(shown) == 2 and all(ln.startswith("summarize: instructor.") for ln in shown)


# -- warnings after a run -------------------------------------------------------------
def test_run_prints_the_loaded_word_warnings_that_check_reports(
    fake_openai: FakeOpenAI, examples_dir: Path, tmp_path: Path
) -> None:
    def loaded_reply(body: dict[str, Any]) -> Reply:
        content = auto_reply(body).content or ""
        return Reply.text(content.replace("documents report the event", "outlets slammed it"))

    fake_openai.responder = loaded_reply
    out = tmp_path / "out.json"
    result = invoke(
        "run", str(examples_dir), "--engine", "llm", "--base-url", fake_openai.base_url,
        "--model", "test", "-o", str(out),
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    prefix = "summarize: warning: "
    warned = [ln.removeprefix(prefix) for ln in result.stderr.splitlines() if ln.startswith(prefix)]
    assert any("'slammed'" in w for w in warned)

    check = invoke("check", str(out), str(examples_dir))
    reported = [ln.removeprefix("warning: ") for ln in check.stdout.splitlines()]
    assert warned == [ln for ln in reported if "loaded term" in ln]
    assert f"{len(warned)} warnings;" in check.stdout


# -- run takes the batch's model options ------------------------------------------------
def test_run_maps_per_article_when_the_prompt_passes_max_input_tokens(
    fake_openai: FakeOpenAI, tmp_path: Path
) -> None:
    folder = tmp_path / "event"
    folder.mkdir()
    for k in range(3):
        text = " ".join(
            f"Officials in district {k} said on day {i} that {i + k} roads were closed."
            for i in range(40)
        )
        (folder / f"a{k}.txt").write_text(text + "\n", encoding="utf-8")
    fake_openai.responder = mapreduce_reply
    base = ["run", str(folder), "--engine", "llm", "--base-url", fake_openai.base_url]
    result = invoke(*base, "--model", "test", "--max-input-tokens", "1500")
    assert result.exit_code == 0, result.stderr
    names = [
        (r.get("response_format") or {}).get("json_schema", {}).get("name")
        for r in fake_openai.chat_requests
    ]
    mapped = names.count("ArticleClaims")
    assert mapped >= 3 and names[-1] != "ArticleClaims" and len(names) == mapped + 1
    assert json.loads(result.stdout)["provenance"]["usage"]["requests"] == len(names)

    fake_openai.reset()
    fake_openai.responder = mapreduce_reply
    assert invoke(*base, "--model", "test").exit_code == 0
    assert len(fake_openai.chat_requests) == 1, "without the option, one call"


def test_run_gives_up_on_a_silent_server_after_timeout(
    fake_openai: FakeOpenAI, examples_dir: Path
) -> None:
    fake_openai.script(*[Reply.hang(3)] * 4)
    result = invoke(
        "run", str(examples_dir), "--engine", "llm", "--base-url", fake_openai.base_url,
        "--model", "test", "--timeout", "0.2",
    )  # fmt: skip
    assert result.exit_code == 1
    assert "did not answer within 0.2 s" in result.stderr
