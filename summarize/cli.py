"""The ``summarize`` command line. Data goes to stdout, messages to stderr.

Exit codes: 0 ok, 1 runtime error, 2 usage or input error, 3 eval threshold missed."""

from __future__ import annotations

import asyncio
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

from summarize.atomic import check_writable, write_atomic
from summarize.cli_batch import batch_command
from summarize.cli_eval import eval_app
from summarize.config import Settings
from summarize.errors import EXIT_RUNTIME, EXIT_USAGE, ConfigError, SummarizeError
from summarize.loader import DEFAULT_MAX_ARTICLE_BYTES, no_articles_error, scan_folder
from summarize.models import EventSummary
from summarize.render import FORMATS, render
from summarize.version import __version__

app = typer.Typer(
    name="summarize",
    help="Neutral, attributed event summaries from folders of news articles.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
app.add_typer(eval_app, name="eval")
app.command("batch")(batch_command)


def say(message: str) -> None:
    """A message for the person at the terminal (stderr)."""
    typer.echo(message, err=True)


def mask_secrets(text: str) -> str:
    """``text`` with the value of every ``*API_KEY``/``*_TOKEN``/``*_SECRET`` variable masked."""
    for name, value in os.environ.items():
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
    """Turn package errors into one stderr line and their exit code; never show locals."""
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


EngineOpt = Annotated[
    str | None,
    typer.Option("--engine", help="llm or offline (default: llm when a model is configured)"),
]
ModelOpt = Annotated[str | None, typer.Option("--model", help="Model name (env SUMMARIZE_MODEL).")]
BaseUrlOpt = Annotated[
    str | None, typer.Option("--base-url", help="OpenAI-compatible endpoint (env OPENAI_BASE_URL).")
]
KeyEnvOpt = Annotated[
    str, typer.Option("--api-key-env", help="Name of the variable that holds the API key.")
]
ModeOpt = Annotated[
    str, typer.Option("--mode", help="Structured-output mode: json, md_json or tools.")
]
FormatOpt = Annotated[str, typer.Option("--format", "-f", help="json, markdown or html.")]
OutOpt = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")
]


@app.command()
def run(
    folder: Annotated[Path, typer.Argument(help="Folder of articles about one event.")],
    output: OutOpt = None,
    engine: EngineOpt = None,
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    api_key_env: KeyEnvOpt = "OPENAI_API_KEY",
    mode: ModeOpt = "json",
    fmt: FormatOpt = "json",
    temperature: Annotated[float, typer.Option(help="Sampling temperature.")] = 0.0,
    seed: Annotated[
        int | None, typer.Option(help="Sampling seed, where the server honours it.")
    ] = None,
    max_retries: Annotated[int, typer.Option(help="Re-asks after a reply fails validation.")] = 2,
    max_article_bytes: Annotated[
        int, typer.Option(help="Files larger than this are refused, never read into a prompt.")
    ] = DEFAULT_MAX_ARTICLE_BYTES,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="More detail on stderr.")
    ] = False,
) -> None:
    """Summarize one folder of articles into an attributed EventSummary."""
    from summarize.api import asummarize_articles

    with cli_errors(verbose):
        if fmt not in FORMATS:
            choices = ", ".join(FORMATS)
            raise ConfigError(f"--format: unknown format '{fmt}' (choose from: {choices})")
        settings = Settings.from_env(
            engine=engine,
            model=model,
            base_url=base_url,
            api_key_env=api_key_env,
            mode=mode,
            temperature=temperature,
            seed=seed,
            max_retries=max_retries,
            max_article_bytes=max_article_bytes,
        )
        settings.check()
        if output is not None:
            check_writable(output)  # fail before the run, not after paying for it
        report = scan_folder(folder, max_article_bytes=max_article_bytes)
        for skipped in report.skipped:
            say(one_line(f"summarize: skipped {skipped.path}: {skipped.reason}"))
        for note in report.notes:
            say(one_line(f"summarize: note: {note}"))
        if not report.articles:
            raise no_articles_error(folder, report)
        say(
            f"summarize: {len(report.articles)} articles, engine {settings.resolved_engine()}"
            + (f", model {settings.model}" if settings.resolved_engine() == "llm" else "")
        )
        summary = asyncio.run(asummarize_articles(report.articles, settings=settings))
        emit(render(summary, fmt, articles=report.articles), output)


@app.command()
def check(
    summary_path: Annotated[
        Path, typer.Argument(metavar="SUMMARY", help="EventSummary JSON file.")
    ],
    folder: Annotated[Path, typer.Argument(help="The article folder it summarizes.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    strict: Annotated[bool, typer.Option(help="Fail on warnings (loaded language) too.")] = False,
) -> None:
    """Check a summary's quotes, evidence, ids and numbers against the articles."""
    from summarize.loader import load_folder
    from summarize.verify import check_summary

    with cli_errors():
        summary = read_summary(summary_path)
        report = check_summary(summary, load_folder(folder))
        failed = report.errors + (report.warnings if strict else [])
        if as_json:
            typer.echo(
                json.dumps(
                    {
                        "ok": not failed,
                        "grounding_rate": report.grounding_rate,
                        "issues": [
                            {
                                "kind": i.kind,
                                "where": i.where,
                                "message": i.message,
                                "severity": i.severity,
                            }
                            for i in report.issues
                        ],
                    },
                    indent=2,
                )
            )
        else:
            for issue in report.issues:
                typer.echo(f"{issue.severity}: {issue}")
            typer.echo(
                f"{len(report.errors)} errors, {len(report.warnings)} warnings; "
                f"{report.quotes_grounded}/{report.quotes_checked} quotes grounded"
            )
        if failed:
            raise typer.Exit(EXIT_RUNTIME)


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


@app.command()
def schema(
    gold: Annotated[
        bool, typer.Option("--gold", help="Print the gold record schema instead.")
    ] = False,
) -> None:
    """Print the JSON Schema that output records validate against."""
    from summarize.resources import schemas_dir

    name = "gold_record.schema.json" if gold else "event_summary.schema.json"
    with cli_errors():
        sys.stdout.write((schemas_dir() / name).read_text(encoding="utf-8"))


@app.command()
def version() -> None:
    """Print the version."""
    typer.echo(__version__)


def main() -> None:
    """Console entry point."""
    try:
        app()
    except SystemExit as exc:
        code = exc.code
        if isinstance(code, int) and code not in (0, 1, 2, 3, 130):
            sys.exit(EXIT_USAGE)
        raise
