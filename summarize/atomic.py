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


def _is_special(target: Path) -> bool:
    """True for an existing target (through links) that is neither a regular file nor
    a folder: a device such as ``/dev/null`` or ``/dev/stdout``, a FIFO, a socket."""
    try:
        mode = os.stat(target).st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def _real(target: Path) -> Path:
    """Where a link points (so the rename replaces the file, not the link)."""
    return Path(os.path.realpath(target)) if target.is_symlink() else target


def check_writable(path: Path | str) -> Path:
    """Raise :class:`OutputError` now if ``path`` could not be written later.

    Called before a run starts, so a bad ``--output`` fails fast instead of
    after the model has been paid for. Writes and removes a temporary file."""
    target = Path(path)
    if _is_special(target):
        if not os.access(target, os.W_OK):
            raise OutputPathError(target, "cannot be written (permission denied)")
        return target
    folder = _check_target(_real(target))
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
    new file (a temporary file alone would leave it readable by its owner only).
    A device or FIFO (``-o /dev/stdout``) is written straight through, never
    replaced; a link to a file has the file it points to replaced, not the link."""
    target = Path(path)
    if _is_special(target):
        return _write_through(target, text)
    shown = target
    target = _real(target)
    folder = _check_target(target)
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except OSError:
        mode = _new_file_mode()
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(shown, f"cannot write to '{folder}' ({exc.strerror or exc})") from None
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
        raise OutputError(shown, f"cannot write ({_problem(exc)})") from None
    return shown


def _problem(exc: Exception) -> str:
    return exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)


def _write_through(target: Path, text: str) -> Path:
    try:
        with open(target, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except (OSError, UnicodeError) as exc:
        raise OutputError(target, f"cannot write ({_problem(exc)})") from None
    return target
