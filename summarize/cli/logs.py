"""Log records during a command: one handler, one format, each message once.

The package logs warnings (a file passed over) on ``summarize.*`` loggers and
instructor logs its retries and API errors on ``instructor.*``. While a command
runs, both go to one stderr handler as ``summarize: <message>`` on one line
with secrets masked, and neither propagates to the root logger, so a root
handler the host configured (``logging.basicConfig``) cannot print them a
second time in its own format. instructor's records are shown only with
``--verbose``: the command already reports the error they describe. Everything
is put back as it was when the command ends.

Progress records of a long run (:mod:`summarize.progress`, INFO on
``summarize.progress``) are shown without ``--verbose``."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager

from summarize.progress import PROGRESS_LOGGER

PACKAGE_LOGGER = "summarize"
INSTRUCTOR_LOGGER = "instructor"


class LineHandler(logging.Handler):
    """Hands each record to ``write`` as one ``summarize: ...`` line (``write`` puts it
    on the current stderr, masked and escaped)."""

    def __init__(self, write: Callable[[str], None]) -> None:
        super().__init__()
        self.write = write

    def emit(self, record: logging.LogRecord) -> None:
        try:
            message = record.getMessage()
        except Exception:  # a malformed record must not break the command
            self.handleError(record)
            return
        prefix = "" if record.name.startswith(PACKAGE_LOGGER) else f"{record.name}: "
        self.write(f"summarize: {prefix}{message}")


@contextmanager
def _routed(name: str, handler: logging.Handler, level: int) -> Iterator[None]:
    logger = logging.getLogger(name)
    saved = (logger.propagate, logger.level)
    logger.addHandler(handler)
    logger.propagate = False
    logger.setLevel(level)
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.propagate, logger.level = saved


@contextmanager
def cli_logging(write: Callable[[str], None], verbose: bool = False) -> Iterator[None]:
    """Route the package's and instructor's log records to ``write`` as described above."""
    shown = LineHandler(write)
    progress = logging.getLogger(PROGRESS_LOGGER)
    saved_progress = progress.level
    with ExitStack() as stack:
        progress.setLevel(logging.INFO)  # a long run's stages; a short one reports none
        stack.callback(progress.setLevel, saved_progress)
        stack.enter_context(
            _routed(PACKAGE_LOGGER, shown, logging.INFO if verbose else logging.WARNING)
        )
        instructor_handler = shown if verbose else logging.NullHandler()
        stack.enter_context(
            _routed(
                INSTRUCTOR_LOGGER,
                instructor_handler,
                logging.DEBUG if verbose else logging.CRITICAL + 1,
            )
        )
        yield
