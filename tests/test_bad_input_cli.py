"""Hostile and broken article folders through ``summarize run``: the documented
exit code (0 ok, 1 runtime error, 2 usage or input error), one stderr line per
problem naming the file, and a pre-existing output file left untouched by any
failing run.

Most cases run in-process (typer's CliRunner) for speed; a few go through a
real subprocess to prove the installed entry point behaves the same."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import Result
from typer.testing import CliRunner

from summarize.cli import app

BAD = Path(__file__).resolve().parent / "bad_inputs"
GOOD_OUTPUT = '{"a previous good summary": true}\n'
NO_MODEL_ENV: dict[str, str | None] = {
    "OPENAI_API_KEY": None,
    "OPENAI_BASE_URL": None,
    "SUMMARIZE_MODEL": None,
}


def invoke(*args: str) -> Result:
    return CliRunner().invoke(app, list(args), env=NO_MODEL_ENV, catch_exceptions=False)


def error_lines(result: Result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("summarize: error:")]


def skipped_lines(result: Result) -> dict[str, str]:
    """``{file name: whole line}`` for every 'skipped' warning."""
    lines = [ln for ln in result.stderr.splitlines() if ln.startswith("summarize: skipped ")]
    return {Path(ln.split(" ", 3)[2].rstrip(":")).name: ln for ln in lines}


@pytest.fixture
def good_output(tmp_path: Path) -> Path:
    out = tmp_path / "out" / "summary.json"
    out.parent.mkdir()
    out.write_text(GOOD_OUTPUT)
    return out


def assert_untouched(out: Path) -> None:
    assert out.read_text() == GOOD_OUTPUT, "a failing run must not touch the old output"
    assert sorted(p.name for p in out.parent.iterdir()) == [out.name], "no temp files left"


def summary_ids(out: Path) -> list[str]:
    return [d["id"] for d in json.loads(out.read_text())["documents"]]


# -- failing runs: exit 2, one line naming the path, old output untouched -----------------


def test_empty_folder_exits_2_and_keeps_the_old_output(tmp_path: Path, good_output: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    result = invoke("run", str(empty), "-o", str(good_output))
    assert result.exit_code == 2
    assert error_lines(result) == [
        f"summarize: error: {empty}: has no article files (.txt, .md, .html, .json)"
    ]
    assert_untouched(good_output)


def test_folder_with_no_readable_articles_exits_2_naming_every_file(good_output: Path) -> None:
    folder = BAD / "empty_files"
    result = invoke("run", str(folder), "-o", str(good_output))
    assert result.exit_code == 2
    assert set(skipped_lines(result)) == {"empty.txt", "blank.md", "no_text.json"}
    (line,) = error_lines(result)
    assert str(folder) in line and "no readable articles" in line
    assert_untouched(good_output)


def test_a_file_instead_of_a_folder_exits_2(good_output: Path) -> None:
    article = BAD / "duplicates" / "evening_star.md"
    result = invoke("run", str(article), "-o", str(good_output))
    assert result.exit_code == 2
    assert error_lines(result) == [
        f"summarize: error: {article}: is a file, not a folder of articles"
    ]
    assert_untouched(good_output)


def test_a_missing_folder_exits_2(tmp_path: Path, good_output: Path) -> None:
    result = invoke("run", str(tmp_path / "nope"), "-o", str(good_output))
    assert result.exit_code == 2
    assert error_lines(result) == [f"summarize: error: {tmp_path / 'nope'}: does not exist"]
    assert_untouched(good_output)


def test_bad_max_article_bytes_is_a_usage_error(good_output: Path) -> None:
    result = invoke(
        "run", str(BAD / "binaries"), "--max-article-bytes", "0", "-o", str(good_output)
    )
    assert result.exit_code == 2
    assert "--max-article-bytes must be positive" in result.stderr
    assert_untouched(good_output)


# -- runs that succeed with files skipped: exit 0, one warning line per skipped file --------


def test_binaries_mixed_in_are_skipped_with_a_warning_and_the_rest_summarized(
    good_output: Path,
) -> None:
    result = invoke("run", str(BAD / "binaries"), "-o", str(good_output))
    assert result.exit_code == 0, result.stderr
    skipped = skipped_lines(result)
    assert set(skipped) == {"photo.png", "picture.jpg", "scan.pdf", "disguised.txt"}
    assert "PDF" in skipped["disguised.txt"]
    assert summary_ids(good_output) == ["report"]


def test_encodings_bom_and_crlf_are_summarized_without_warnings(good_output: Path) -> None:
    result = invoke("run", str(BAD / "encodings"), "-o", str(good_output))
    assert result.exit_code == 0, result.stderr
    assert skipped_lines(result) == {}
    assert sorted(summary_ids(good_output)) == ["bom", "cp1252", "crlf", "latin1", "utf16"]


def test_json_field_errors_name_file_and_field_and_the_good_article_is_kept(
    good_output: Path,
) -> None:
    result = invoke("run", str(BAD / "json_fields"), "-o", str(good_output))
    assert result.exit_code == 0, result.stderr
    skipped = skipped_lines(result)
    assert "missing_text.json: field 'text' is missing" in skipped["missing_text.json"]
    assert (
        "text_is_list.json: field 'text' must be a string (got array)"
        in skipped["text_is_list.json"]
    )
    assert "title_is_number.json: field 'title' must be a string" in skipped["title_is_number.json"]
    assert set(skipped) == {
        "missing_text.json",
        "text_is_list.json",
        "title_is_number.json",
        "not_an_object.json",
        "broken.json",
    }
    assert summary_ids(good_output) == ["good"]


def test_html_with_scripts_and_navigation_summarizes(good_output: Path) -> None:
    result = invoke("run", str(BAD / "html"), "-o", str(good_output))
    assert result.exit_code == 0, result.stderr
    written = good_output.read_text()
    assert sorted(summary_ids(good_output)) == ["fragment", "page"]
    for junk in ("SCRIPT-TEXT", "NAV-LINK-TEXT", "FOOTER-TEXT", "HEADER-PROMO-TEXT"):
        assert junk not in written


def test_duplicates_under_different_names_both_appear(good_output: Path) -> None:
    result = invoke("run", str(BAD / "duplicates"), "-o", str(good_output))
    assert result.exit_code == 0, result.stderr
    assert sorted(summary_ids(good_output)) == ["evening_star", "morning_herald", "wire_agency"]


def test_a_20_mb_file_is_refused_naming_the_file_and_the_rest_summarized(
    tmp_path: Path, good_output: Path
) -> None:
    folder = tmp_path / "big"
    folder.mkdir()
    with (folder / "huge.txt").open("wb") as handle:
        handle.truncate(20 * 1024 * 1024)  # sparse: 20 MB on paper, nothing on disk
    (folder / "small.txt").write_text("Police said two people were hurt.\n")
    result = invoke("run", str(folder), "-o", str(good_output))
    assert result.exit_code == 0, result.stderr
    line = skipped_lines(result)["huge.txt"]
    assert "20,971,520 bytes, over the limit of 2,000,000 (--max-article-bytes)" in line
    assert summary_ids(good_output) == ["small"]
    result = invoke("run", str(folder), "--max-article-bytes", "10", "-o", str(good_output))
    assert result.exit_code == 2, "with every file over the limit nothing is readable"
    assert "over the limit of 10" in result.stderr


def test_links_and_special_files_are_skipped_with_a_reason(
    tmp_path: Path, good_output: Path
) -> None:
    outside = tmp_path / "secret.txt"
    outside.write_text("OUTSIDE-SECRET text that must never be summarized.\n")
    folder = tmp_path / "links"
    folder.mkdir()
    (folder / "real.txt").write_text("The mayor said the bridge is closed.\n")
    (folder / "escape.txt").symlink_to(outside)
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    os.mkfifo(folder / "pipe.txt")
    result = invoke("run", str(folder), "-o", str(good_output))
    assert result.exit_code == 0, result.stderr
    skipped = skipped_lines(result)
    assert "outside the folder" in skipped["escape.txt"]
    assert "looping link" in skipped["loop.txt"]
    assert "not a regular file" in skipped["pipe.txt"]
    assert summary_ids(good_output) == ["real"]
    assert "OUTSIDE-SECRET" not in good_output.read_text()


def test_an_unreadable_file_is_skipped_with_permission_denied(
    tmp_path: Path, good_output: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "locked.txt").write_text("The mayor said the bridge is closed.\n")
    (tmp_path / "real.txt").write_text("Police said two people were hurt.\n")
    real_open = os.open

    def deny_locked(path: str | os.PathLike[str], flags: int, *args: int) -> int:
        if Path(path).name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", deny_locked)  # root can read a chmod-000 file
    result = invoke("run", str(tmp_path), "-o", str(good_output))
    assert result.exit_code == 0, result.stderr
    assert skipped_lines(result)["locked.txt"].endswith(
        "locked.txt: cannot be read (permission denied)"
    )
    assert summary_ids(good_output) == ["real"]


def test_a_file_name_with_a_newline_still_gives_one_line_per_problem(
    tmp_path: Path, good_output: Path
) -> None:
    (tmp_path / "evil\nsummarize: error: fake.txt").write_bytes(b"")
    (tmp_path / "real.txt").write_text("Police said two people were hurt.\n")
    result = invoke("run", str(tmp_path), "-o", str(good_output))
    assert result.exit_code == 0, result.stderr
    assert error_lines(result) == []
    assert any("evil\\nsummarize: error: fake.txt" in ln for ln in result.stderr.splitlines())


# -- the installed entry point, in a real process ----------------------------------------


def run_process(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in NO_MODEL_ENV}
    return subprocess.run(
        [sys.executable, "-m", "summarize", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


def test_subprocess_mixed_bad_folder_exits_0_and_empty_folder_exits_2(tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    shutil.copytree(BAD / "binaries", folder)
    shutil.copy(BAD / "encodings" / "cp1252.txt", folder)
    shutil.copy(BAD / "json_fields" / "missing_text.json", folder)
    out = tmp_path / "out.json"
    done = run_process("run", str(folder), "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    assert "missing_text.json: field 'text' is missing" in done.stderr
    assert sorted(summary_ids(out)) == ["cp1252", "report"]
    before = out.read_text()
    empty = tmp_path / "empty"
    empty.mkdir()
    failed = run_process("run", str(empty), "-o", str(out))
    assert failed.returncode == 2
    assert failed.stderr.strip().splitlines()[-1].startswith(f"summarize: error: {empty}:")
    assert "Traceback" not in failed.stderr
    assert out.read_text() == before
