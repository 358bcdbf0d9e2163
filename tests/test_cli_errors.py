"""Errors at the command line: an unusable output path is found before the run
starts (exit 2), a write that fails at the end leaves the old file (exit 1),
unexpected errors are one line without a traceback, and every message is one
line with any API key masked."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import Result
from typer.testing import CliRunner

from summarize.cli import app
from summarize.cli.options import one_line

BAD = Path(__file__).resolve().parent / "bad_inputs"
ARTICLES = BAD / "duplicates"
GOOD_OUTPUT = '{"a previous good summary": true}\n'
NO_MODEL_ENV: dict[str, str | None] = {
    "OPENAI_API_KEY": None,
    "OPENAI_BASE_URL": None,
    "SUMMARIZE_MODEL": None,
}


def invoke(*args: str, env: dict[str, str | None] | None = None) -> Result:
    return CliRunner().invoke(app, list(args), env={**NO_MODEL_ENV, **(env or {})})


def only_error_line(result: Result) -> str:
    lines = result.stderr.strip().splitlines()
    assert lines, "an error must be reported on stderr"
    assert "Traceback" not in result.stderr
    return lines[-1]


@pytest.mark.parametrize(
    ("where", "problem"),
    [
        ("missing/out.json", "output folder '{d}/missing' does not exist"),
        ("afile/out.json", "'{d}/afile' is a file, not a folder"),
        ("adir", "is a folder; give a file name for the output"),
    ],
)
def test_unusable_output_path_exits_2_before_the_run(
    tmp_path: Path, where: str, problem: str
) -> None:
    (tmp_path / "afile").write_text("not a folder")
    (tmp_path / "adir").mkdir()
    target = tmp_path / where
    result = invoke("run", str(ARTICLES), "-o", str(target))
    assert result.exit_code == 2
    expected = f"summarize: error: {target}: {problem.format(d=tmp_path)}"
    assert only_error_line(result) == expected
    assert "articles, engine" not in result.stderr, "the run must not start"
    assert (tmp_path / "afile").read_text() == "not a folder"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["adir", "afile"]
    assert list((tmp_path / "adir").iterdir()) == []


def test_output_in_an_unwritable_folder_exits_2() -> None:
    if not Path("/proc").is_dir():
        pytest.skip("no /proc on this platform (used because root can write read-only folders)")
    result = invoke("run", str(ARTICLES), "-o", "/proc/summary.json")
    assert result.exit_code == 2
    assert only_error_line(result).startswith(
        "summarize: error: /proc/summary.json: cannot write to '/proc'"
    )


def test_a_write_failing_at_the_end_exits_1_and_keeps_the_old_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "summary.json"
    out.write_text(GOOD_OUTPUT)

    def disk_full(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    result = invoke("run", str(ARTICLES), "-o", str(out))
    assert result.exit_code == 1
    assert only_error_line(result) == (
        f"summarize: error: {out}: cannot write (No space left on device)"
    )
    assert out.read_text() == GOOD_OUTPUT
    assert [p.name for p in tmp_path.iterdir()] == ["summary.json"]


def test_bad_options_exit_2_and_keep_the_old_output(tmp_path: Path) -> None:
    out = tmp_path / "summary.json"
    out.write_text(GOOD_OUTPUT)
    for args in (["--format", "xml"], ["--engine", "nope"], ["--mode", "nope"]):
        result = invoke("run", str(ARTICLES), "-o", str(out), *args)
        assert result.exit_code == 2, args
        assert only_error_line(result).startswith("summarize: error:")
    assert out.read_text() == GOOD_OUTPUT


def test_an_unexpected_error_is_one_line_exit_1_and_traceback_only_with_verbose(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom\nsecond line")

    monkeypatch.setattr("summarize.cli.commands.scan_folder", boom)
    result = invoke("run", str(ARTICLES))
    assert result.exit_code == 1
    assert only_error_line(result) == (
        "summarize: internal error: RuntimeError: boom\\nsecond line"
    )
    verbose = invoke("run", str(ARTICLES), "--verbose")
    assert verbose.exit_code == 1
    assert "Traceback" in verbose.stderr


def test_check_with_broken_summary_or_folder_exits_2_naming_the_file(tmp_path: Path) -> None:
    missing = tmp_path / "missing.json"
    result = invoke("check", str(missing), str(ARTICLES))
    assert result.exit_code == 2
    assert only_error_line(result).startswith(f"summarize: error: {missing}: cannot be read")
    broken = tmp_path / "broken.json"
    broken.write_text('{"event": {"title": 3}}')
    result = invoke("check", str(broken), str(ARTICLES))
    assert result.exit_code == 2
    assert f"{broken}: is not a valid EventSummary" in only_error_line(result)
    good = tmp_path / "good.json"
    assert invoke("run", str(ARTICLES), "-o", str(good)).exit_code == 0
    empty = tmp_path / "empty"
    empty.mkdir()
    result = invoke("check", str(good), str(empty))
    assert result.exit_code == 2
    assert only_error_line(result).startswith(f"summarize: error: {empty}: has no article files")


def test_one_line_escapes_control_characters_and_masks_keys(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-SECRET-1234567890")
    monkeypatch.setenv("OTHER_API_KEY", "another-secret-value")
    message = one_line("bad key sk-test-SECRET-1234567890 and another-secret-value\nin\x1b[31m red")
    assert message == "bad key *** and ***\\nin\\x1b[31m red"
    assert one_line("caf\u00e9 \u201cquoted\u201d") == "caf\u00e9 \u201cquoted\u201d"
