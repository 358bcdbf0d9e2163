"""Atomic file writes: a reader sees the old file or the new one, never half."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from summarize.errors import OutputError, OutputPathError


def _folder(target: Path) -> Path:
    return target.parent if str(target.parent) else Path(".")


def _check_target(target: Path) -> Path:
    """The folder ``target`` will be written in; :class:`OutputError` if it cannot be."""
    folder = _folder(target)
    if target.is_dir():
        raise OutputPathError(target, "is a folder; give a file name for the output")
    if not folder.exists():
        raise OutputPathError(target, f"output folder '{folder}' does not exist")
    if not folder.is_dir():
        raise OutputPathError(target, f"'{folder}' is a file, not a folder")
    return folder


def check_writable(path: Path | str) -> Path:
    """Raise :class:`OutputError` now if ``path`` could not be written later.

    Called before a run starts, so a bad ``--output`` fails fast instead of
    after the model has been paid for. Writes and removes a temporary file."""
    target = Path(path)
    folder = _check_target(target)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        problem = f"cannot write to '{folder}' ({exc.strerror or exc})"
        raise OutputPathError(target, problem) from None
    os.close(fd)
    with contextlib.suppress(OSError):
        os.unlink(tmp)
    return target


def _new_file_mode() -> int:
    """The mode a plain ``open(path, "w")`` would give a new file (0o666 less the umask)."""
    try:  # Linux: read the umask without changing it (os.umask is process-wide)
        status = Path("/proc/self/status").read_text(encoding="ascii", errors="replace")
        mask = int(next(ln for ln in status.splitlines() if ln.startswith("Umask:")).split()[1], 8)
    except (OSError, StopIteration, ValueError, IndexError):
        mask = os.umask(0o022)
        os.umask(mask)
    return 0o666 & ~mask


def write_atomic(path: Path | str, text: str) -> Path:
    """Write ``text`` to ``path`` via a temporary file in the same folder and a rename.

    A failure leaves any existing file untouched and raises :class:`OutputError`.
    The new file keeps the old one's permissions, or gets the usual ones for a
    new file (a temporary file alone would leave it readable by its owner only)."""
    target = Path(path)
    folder = _check_target(target)
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except OSError:
        mode = _new_file_mode()
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(target, f"cannot write to '{folder}' ({exc.strerror or exc})") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
            with contextlib.suppress(OSError):
                os.fchmod(handle.fileno(), mode)
        os.replace(tmp, target)
    except (OSError, UnicodeError) as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        problem = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise OutputError(target, f"cannot write ({problem})") from None
    return target
