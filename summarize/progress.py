"""Progress lines for long inputs, on the ``summarize.progress`` logger.

A run that reads an article long enough to be parsed in pieces (see
:data:`summarize.evidence.nlp.CHUNK_CHARS`) takes seconds to minutes; its
stages report on this logger at INFO ("parsing ARTICLE: 40/100 pieces",
"composing the summary", "verifying the summary"). The command line shows these records on stderr
(:mod:`summarize.cli.logs`); a library caller sees them only if it enables the
logger. Short inputs report nothing."""

from __future__ import annotations

import logging

PROGRESS_LOGGER = "summarize.progress"
log = logging.getLogger(PROGRESS_LOGGER)

#: A stage of many steps reports about this many times (each tenth done).
REPORTS_PER_STAGE = 10


def stage(message: str) -> None:
    """Report that a stage of a long run starts."""
    log.info("%s", message)


class Steps:
    """A stage of ``total`` steps: :meth:`done` reports each time another tenth is
    done (so a 100-step stage prints at most ten lines, whatever its speed)."""

    def __init__(self, label: str, total: int, unit: str) -> None:
        self.label = label
        self.total = max(total, 1)
        self.unit = unit
        self._reported = 0

    def done(self, count: int) -> None:
        tenth = min(count, self.total) * REPORTS_PER_STAGE // self.total
        if tenth > self._reported:
            self._reported = tenth
            log.info("%s: %d/%d %s", self.label, count, self.total, self.unit)
