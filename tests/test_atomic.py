"""Atomic output writes: the old file or the new one, never half of either."""

from __future__ import annotations

import os
import stat
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from summarize.atomic import check_writable, write_atomic
from summarize.errors import OutputError


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_write_replaces_the_file_and_leaves_no_temp_file(tmp_path: Path) -> None:
    out = tmp_path / "s.json"
    out.write_text("old")
    write_atomic(out, "new \u201cquoted\u201d\n")
    assert out.read_text(encoding="utf-8") == "new \u201cquoted\u201d\n"
    assert leftovers(tmp_path) == []


def test_new_file_gets_the_usual_permissions_not_the_temp_files(tmp_path: Path) -> None:
    out = tmp_path / "s.json"
    old_mask = os.umask(0o022)
    try:
        write_atomic(out, "x")
    finally:
        os.umask(old_mask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o644


def test_replaced_file_keeps_its_permissions(tmp_path: Path) -> None:
    out = tmp_path / "s.json"
    out.write_text("old")
    out.chmod(0o640)
    write_atomic(out, "new")
    assert stat.S_IMODE(out.stat().st_mode) == 0o640


@pytest.mark.parametrize(
    ("make", "problem"),
    [
        (lambda d: d / "missing" / "out.json", "does not exist"),
        (lambda d: d / "afile" / "out.json", "is a file, not a folder"),
        (lambda d: d, "is a folder"),
    ],
)
def test_impossible_targets_raise_output_error_naming_them(
    tmp_path: Path, make: Callable[[Path], Path], problem: str
) -> None:
    (tmp_path / "afile").write_text("I am a file")
    target = make(tmp_path)
    with pytest.raises(OutputError, match=problem) as info:
        write_atomic(target, "x")
    assert info.value.path == str(target)
    with pytest.raises(OutputError, match=problem):
        check_writable(target)
    assert (tmp_path / "afile").read_text() == "I am a file"


def test_failed_write_keeps_the_old_file_and_removes_the_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "s.json"
    out.write_text("old")

    def disk_full(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(OutputError, match="No space left on device"):
        write_atomic(out, "new")
    assert out.read_text() == "old"
    assert leftovers(tmp_path) == []


def test_text_that_cannot_be_encoded_is_an_output_error_not_a_crash(tmp_path: Path) -> None:
    out = tmp_path / "s.json"
    out.write_text("old")
    with pytest.raises(OutputError):
        write_atomic(out, "half a surrogate \ud800")
    assert out.read_text() == "old"
    assert leftovers(tmp_path) == []


def test_check_writable_reports_an_unwritable_folder(tmp_path: Path) -> None:
    target = Path("/proc/summarize-test-output.json")
    if not Path("/proc").is_dir():
        pytest.skip("no /proc on this platform")
    with pytest.raises(OutputError, match="cannot write to '/proc'"):
        check_writable(target)
    assert not target.exists()


def test_a_fifo_is_written_through_not_replaced(tmp_path: Path) -> None:
    # The same path as "-o /dev/stdout" or "-o /dev/null": a rename would put a plain
    # file where the device was (as root, for everyone on the machine).
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this platform")
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[str] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_text()))
    reader.start()
    check_writable(fifo)
    write_atomic(fifo, "through the pipe\n")
    reader.join(timeout=10)
    assert received == ["through the pipe\n"]
    assert stat.S_ISFIFO(fifo.stat().st_mode), "still a FIFO"
    assert leftovers(tmp_path) == []


def test_a_link_to_the_output_keeps_pointing_at_the_new_file(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("old")
    link = tmp_path / "latest.json"
    link.symlink_to(real)
    write_atomic(link, "new")
    assert link.is_symlink()
    assert real.read_text() == "new"
