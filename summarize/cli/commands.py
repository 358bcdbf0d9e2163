"""``summarize run``, ``check``, ``schema`` and ``version``: one folder, one summary."""

from __future__ import annotations

import asyncio
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated

import typer

from summarize.atomic import check_writable, write_atomic
from summarize.cli.options import (
    BaseUrlOpt,
    ContextOpt,
    EngineOpt,
    FormatOpt,
    KeyEnvOpt,
    MaxArticleBytesOpt,
    MaxInputTokensOpt,
    MaxRetriesOpt,
    MaxTokensOpt,
    ModelOpt,
    ModeOpt,
    OutOpt,
    SeedOpt,
    SplitOpt,
    TemperatureOpt,
    TimeoutOpt,
    VerboseOpt,
    cli_errors,
    emit,
    one_line,
    plural,
    read_summary,
    say,
)
from summarize.config import EngineName, Settings
from summarize.errors import EXIT_RUNTIME, ConfigError, ValidationExhaustedError
from summarize.evidence.grouping import MAX_ARTICLES as MAX_GROUPED
from summarize.loader import no_articles_error, scan_folder
from summarize.models import Article
from summarize.render import FORMATS, render
from summarize.version import __version__


def run(
    folder: Annotated[Path, typer.Argument(help="Folder of articles about one event.")],
    output: OutOpt = None,
    engine: EngineOpt = None,
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    api_key_env: KeyEnvOpt = Settings.api_key_env,
    mode: ModeOpt = Settings.mode.value,
    fmt: FormatOpt = "json",
    temperature: TemperatureOpt = Settings.temperature,
    seed: SeedOpt = None,
    max_retries: MaxRetriesOpt = Settings.max_retries,
    timeout: TimeoutOpt = Settings.timeout,
    max_input_tokens: MaxInputTokensOpt = None,
    max_tokens: MaxTokensOpt = None,
    context: ContextOpt = None,
    max_article_bytes: MaxArticleBytesOpt = Settings.max_article_bytes,
    split: SplitOpt = False,
    verbose: VerboseOpt = False,
) -> None:
    """Summarize one folder of articles into an attributed EventSummary."""
    from summarize.api import asummarize_articles, split_articles
    from summarize.verify import check_summary

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
            timeout=timeout,
            max_input_tokens=max_input_tokens,
            max_tokens=max_tokens,
            context_tokens=context,
            max_article_bytes=max_article_bytes,
        )
        settings.check()
        if split and output is None:
            raise ConfigError("--split writes one file per event: give --output")
        if output is not None:
            check_writable(output)  # fail before the run, not after paying for it
        report = scan_folder(folder, max_article_bytes=max_article_bytes)
        for skipped in report.skipped:
            say(one_line(f"summarize: skipped {skipped.path}: {skipped.reason}"))
        for note in report.notes:
            say(one_line(f"summarize: note: {note}"))
        if not report.articles:
            raise no_articles_error(folder, report)
        chosen = settings.resolved_engine()
        say(
            f"summarize: {plural(len(report.articles), 'article')}, engine {chosen}"
            + (f", model {settings.model}" if chosen is EngineName.LLM else "")
        )
        groups = split_articles(report.articles)
        if len(report.articles) > MAX_GROUPED:
            say(
                f"summarize: note: more than {MAX_GROUPED} articles: not grouped by event "
                "(every article is taken for a report of one event)"
            )
        if len(groups) > 1 and not split:
            say(
                f"summarize: warning: the folder mixes {len(groups)} events; the largest "
                f"({plural(len(groups[0]), 'article')}) is summarized and the other "
                "articles are marked off-event; --split writes one record per event"
            )
        runs: list[tuple[Sequence[Article], Path | None]] = [(report.articles, output)]
        if split:
            runs = list(zip(groups, group_paths(output, len(groups)), strict=True))
        for k, (articles, path) in enumerate(runs, start=1):
            if split and len(runs) > 1:
                say(f"summarize: event {k} of {len(runs)}: {plural(len(articles), 'article')}")
            try:
                summary = asyncio.run(asummarize_articles(articles, settings=settings))
            except ValidationExhaustedError as exc:
                keep_failed_reply(exc, path)
                raise
            emit(render(summary, fmt, articles=articles), path)
            # The run refuses a summary with errors; its warnings (loaded words in the
            # narrator's voice) are the ones ``summarize check`` would report.
            for issue in check_summary(summary, articles).warnings:
                say(one_line(f"summarize: warning: {issue}"))


def group_paths(output: Path | None, count: int) -> list[Path | None]:
    """Where ``run --split`` writes each event's record: the first (the event) to
    ``output``, event k beside it as ``OUT.group<k>.<ext>``."""
    if output is None:
        return [None] * count
    return [
        output,
        *(output.with_name(f"{output.stem}.group{k}{output.suffix}") for k in range(2, count + 1)),
    ]


def keep_failed_reply(exc: ValidationExhaustedError, output: Path | None) -> None:
    """Write the model's last reply next to the output (``OUT.failed.json``) and say where."""
    if output is None or exc.last_reply is None:
        return
    path = output.with_name(output.stem + ".failed.json")
    write_atomic(path, exc.last_reply)
    exc.reply_file = str(path)
    say(f"summarize: the model's last reply is in {path}")


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
                f"{plural(len(report.errors), 'error')}, "
                f"{plural(len(report.warnings), 'warning')}; "
                f"{report.quotes_grounded}/{plural(report.quotes_checked, 'quote')} grounded"
            )
        if failed:
            raise typer.Exit(EXIT_RUNTIME)


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


def version() -> None:
    """Print the version."""
    typer.echo(__version__)
