"""A one-line progress display on stderr: events done and failed, tokens, cost.

On a terminal the line is redrawn in place (at most ten times a second); in a
log file or pipe a plain line is written every ``log_every`` seconds and at
the end, so logs stay readable."""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from typing import TextIO

BAR_WIDTH = 24


@dataclass
class Progress:
    """Counts for the display; the runner updates them as events finish."""

    total: int
    stream: TextIO = field(default_factory=lambda: sys.stderr)
    enabled: bool = True
    log_every: float = 5.0
    done: int = 0
    failed: int = 0
    skipped: int = 0
    tokens: int = 0
    cost_usd: float | None = 0.0
    _started: float = field(default_factory=time.monotonic)
    _last_draw: float = 0.0
    _drawn: bool = False

    @property
    def finished(self) -> int:
        return self.done + self.failed + self.skipped

    def line(self) -> str:
        """The progress line, e.g. ``[#####-----] 12/200 ok 11, failed 1 | ...``."""
        share = self.finished / self.total if self.total else 1.0
        filled = int(share * BAR_WIDTH)
        bar = "#" * filled + "-" * (BAR_WIDTH - filled)
        cost = "cost unknown" if self.cost_usd is None else f"${self.cost_usd:.4f}"
        elapsed = time.monotonic() - self._started
        counts = [f"ok {self.done}", f"failed {self.failed}"]
        if self.skipped:
            counts.append(f"skipped {self.skipped}")
        head = f"[{bar}] {self.finished}/{self.total} " + ", ".join(counts)
        return f"{head} | {self.tokens:,} tokens | {cost} | {elapsed:.1f}s"

    def update(self, *, force: bool = False) -> None:
        """Redraw if enough time has passed (always when ``force``)."""
        if not self.enabled:
            return
        now = time.monotonic()
        tty = self.stream.isatty()
        interval = 0.1 if tty else self.log_every
        if not force and now - self._last_draw < interval:
            return
        self._last_draw = now
        if tty:
            self.stream.write("\r\x1b[2K" + self.line())
        else:
            self.stream.write(self.line() + "\n")
        self._drawn = True
        self.stream.flush()

    def close(self) -> None:
        """Draw the final state and end the line."""
        if not self.enabled:
            return
        self.update(force=True)
        if self.stream.isatty():
            self.stream.write("\n")
            self.stream.flush()
