"""Typed errors. Everything the package raises on purpose derives from
:class:`SummarizeError`; each carries the CLI exit code it maps to."""

from __future__ import annotations

from pathlib import Path
from typing import Any

EXIT_OK = 0
EXIT_RUNTIME = 1
EXIT_USAGE = 2
EXIT_THRESHOLD = 3


class SummarizeError(Exception):
    """Base of every error the package raises on purpose."""

    exit_code: int = EXIT_RUNTIME


class ConfigError(SummarizeError):
    """Bad options or settings (unknown engine, missing model, bad price file)."""

    exit_code = EXIT_USAGE


class NlpModelMissingError(ConfigError):
    """No spaCy English pipeline could be loaded. ``tried`` names the packages looked for."""

    def __init__(self, tried: tuple[str, ...], install: str) -> None:
        self.tried = tried
        self.install = install
        super().__init__(
            f"no spaCy English model found (tried {', '.join(tried)}); install one with: {install}"
        )


class InputError(SummarizeError):
    """A problem with an input file or folder. ``path`` names it."""

    exit_code = EXIT_USAGE

    def __init__(self, path: Path | str, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class NotAFolderError(InputError):
    """The input path does not exist or is not a folder."""


class NoArticlesError(InputError):
    """The folder holds no readable article."""


class ArticleReadError(InputError):
    """One file could not be read or decoded as an article."""


class OutputError(SummarizeError):
    """The output could not be written (missing or read-only directory)."""

    def __init__(self, path: Path | str, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class OutputPathError(OutputError):
    """The output path cannot be used at all (missing folder, a file in its way, a
    folder in its place), found before the run starts: a usage error."""

    exit_code = EXIT_USAGE


class ModelError(SummarizeError):
    """The model endpoint failed after the transport's retries."""


class ValidationExhaustedError(ModelError):
    """The model's replies kept failing validation after every allowed retry.

    ``last_reply`` is the last raw reply text; ``failures`` the reasons it failed;
    ``reply_file`` where the caller saved ``last_reply`` (the CLI sets it)."""

    def __init__(self, message: str, *, last_reply: str | None, failures: list[str]) -> None:
        self.last_reply = last_reply
        self.failures = failures
        self.reply_file: str | None = None
        listed = "; ".join(failures[:10])
        super().__init__(f"{message}: {listed}" if listed else message)


class PromptTooLongError(ConfigError):
    """The prompt does not fit the endpoint's context. ``prompt_tokens`` is the
    estimate, ``context_tokens`` the context known or configured."""

    def __init__(self, *, prompt_tokens: int, context_tokens: int, message: str) -> None:
        self.prompt_tokens = prompt_tokens
        self.context_tokens = context_tokens
        super().__init__(message)


class GoldFormatError(SummarizeError):
    """A gold record breaks the ``summarize-gold/1`` format. ``field`` names where."""

    exit_code = EXIT_USAGE

    def __init__(self, path: Path | str, field: str, problem: str) -> None:
        self.path = str(path)
        self.field = field
        self.problem = problem
        super().__init__(f"{self.path}: {field}: {problem}")


class BudgetExceededError(SummarizeError):
    """Starting another request would pass the configured cost budget."""


def describe(exc: BaseException) -> dict[str, Any]:
    """A JSON-safe description of an error for manifests and logs (no locals)."""
    return {"type": type(exc).__name__, "message": str(exc)}
