"""What every ``summarize`` command shares: each option declared once as an
``Annotated`` alias, and the helpers that talk to the terminal (``say``,
``cli_errors``, masking, ``emit``, ``read_summary``, plural agreement)."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

from summarize.atomic import write_atomic
from summarize.cli.logs import cli_logging
from summarize.config import EngineName, ModeName
from summarize.errors import EXIT_RUNTIME, SummarizeError
from summarize.models import EventSummary

# -- options ----------------------------------------------------------------------
EngineOpt = Annotated[
    str | None,
    typer.Option(
        "--engine",
        help=f"{' or '.join(EngineName)} (default: llm when a model is configured).",
    ),
]
ModelOpt = Annotated[str | None, typer.Option("--model", help="Model name (env SUMMARIZE_MODEL).")]
BaseUrlOpt = Annotated[
    str | None, typer.Option("--base-url", help="OpenAI-compatible endpoint (env OPENAI_BASE_URL).")
]
KeyEnvOpt = Annotated[
    str, typer.Option("--api-key-env", help="Name of the variable that holds the API key.")
]
ModeOpt = Annotated[
    str, typer.Option("--mode", help=f"Structured-output mode: {ModeName.choices()}.")
]
FormatOpt = Annotated[str, typer.Option("--format", "-f", help="json, markdown or html.")]
OutOpt = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")
]
TemperatureOpt = Annotated[float, typer.Option("--temperature", help="Sampling temperature.")]
SeedOpt = Annotated[
    int | None, typer.Option("--seed", help="Sampling seed, where the server honours it.")
]
MaxRetriesOpt = Annotated[
    int, typer.Option("--max-retries", help="Re-asks after a reply fails validation.")
]
TimeoutOpt = Annotated[
    float, typer.Option("--timeout", help="Seconds to wait for one model reply.")
]
MaxInputTokensOpt = Annotated[
    int | None,
    typer.Option(
        "--max-input-tokens",
        help="Events whose prompt is larger are summarized map-reduce style (llm engine).",
    ),
]
MaxTokensOpt = Annotated[
    int | None,
    typer.Option(
        "--max-tokens", help="Reply length limit (llm engine; default: sized from the prompt)."
    ),
]
ContextOpt = Annotated[
    int | None,
    typer.Option(
        "--context",
        help="The endpoint's context in tokens: a larger prompt is refused before sending.",
    ),
]
MaxArticleBytesOpt = Annotated[
    int,
    typer.Option(
        "--max-article-bytes",
        help="Files larger than this are refused, never read into a prompt.",
    ),
]
SplitOpt = Annotated[
    bool,
    typer.Option(
        "--split",
        help="When the folder mixes events, write one record per event: the largest "
        "to --output, the others beside it as OUT.group2.json, OUT.group3.json, ...",
    ),
]
VerboseOpt = Annotated[bool, typer.Option("--verbose", "-v", help="More detail on stderr.")]


# -- terminal helpers -------------------------------------------------------------
def say(message: str) -> None:
    """A message for the person at the terminal (stderr)."""
    typer.echo(message, err=True)


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """``1 article``, ``2 articles``: ``count`` with the noun agreeing with it."""
    return f"{count} {noun if count == 1 else (nouns or noun + 's')}"


def mask_secrets(text: str) -> str:
    """``text`` with the value of every ``*API_KEY``/``*_TOKEN``/``*_SECRET`` variable masked."""
    for name, value in sorted(os.environ.items()):
        if len(value) >= 8 and name.upper().endswith(("API_KEY", "_TOKEN", "_SECRET")):
            text = text.replace(value, "***")
    return text


def one_line(message: str) -> str:
    """``message`` on one line: newlines and other control characters (from file
    names or server replies) escaped, and any API key in the environment masked."""
    return "".join(
        ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii")
        for ch in mask_secrets(message)
    )


@contextmanager
def cli_errors(verbose: bool = False) -> Iterator[None]:
    """Turn package errors into one stderr line and their exit code; never show locals.
    Log records of the package and of instructor go through one handler meanwhile
    (:func:`summarize.cli.logs.cli_logging`)."""
    with cli_logging(lambda line: say(one_line(line)), verbose):
        try:
            yield
        except SummarizeError as exc:
            say(one_line(f"summarize: error: {exc}"))
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:
            say("summarize: interrupted")
            raise typer.Exit(130) from None
        except (typer.Exit, typer.Abort):
            raise
        except Exception as exc:
            if verbose:
                import traceback

                sys.stderr.write(mask_secrets("".join(traceback.format_exception(exc))))
            say(one_line(f"summarize: internal error: {type(exc).__name__}: {exc}"))
            raise typer.Exit(EXIT_RUNTIME) from None


def emit(text: str, output: Path | None) -> None:
    """Write ``text`` to ``output`` atomically, or to stdout."""
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        write_atomic(output, text)
        say(f"summarize: wrote {output}")


def read_summary(path: Path) -> EventSummary:
    """Read and validate an EventSummary JSON file, naming the file on failure."""
    from pydantic import ValidationError

    from summarize.errors import InputError

    try:
        return EventSummary.model_validate_json(path.read_bytes())
    except OSError as exc:
        raise InputError(path, f"cannot be read ({exc.strerror or exc})") from None
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "(top level)"
        raise InputError(path, f"is not a valid EventSummary: {where}: {first['msg']}") from None
