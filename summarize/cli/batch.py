"""``summarize batch ROOT -o OUTDIR``: every subfolder of ROOT is one event.

Progress, warnings and the list of failures go to stderr; the outputs and
``manifest.jsonl`` go to OUTDIR. Exit 0 when every event has a valid output,
1 when any failed (or was not started because of the budget), 2 for usage
errors."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from summarize.cli.options import (
    BaseUrlOpt,
    EngineOpt,
    FormatOpt,
    KeyEnvOpt,
    MaxArticleBytesOpt,
    MaxInputTokensOpt,
    MaxRetriesOpt,
    ModelOpt,
    ModeOpt,
    SeedOpt,
    TemperatureOpt,
    TimeoutOpt,
    cli_errors,
    plural,
    say,
)
from summarize.config import Settings
from summarize.errors import EXIT_RUNTIME


def batch_command(
    root: Annotated[Path, typer.Argument(help="Folder whose subfolders are events.")],
    out_dir: Annotated[
        Path, typer.Option("--output", "-o", help="Folder for the outputs and manifest.jsonl.")
    ],
    engine: EngineOpt = None,
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    api_key_env: KeyEnvOpt = Settings.api_key_env,
    mode: ModeOpt = Settings.mode.value,
    fmt: FormatOpt = "json",
    concurrency: Annotated[
        int, typer.Option("--concurrency", "-j", help="Events processed at the same time.")
    ] = 8,
    resume: Annotated[
        bool, typer.Option("--resume", help="Skip events whose output exists and is valid.")
    ] = False,
    cache_dir: Annotated[
        Path | None,
        typer.Option("--cache-dir", help="Folder of the reply cache (default: user cache dir)."),
    ] = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Neither read nor write the reply cache.")
    ] = False,
    refresh: Annotated[
        bool, typer.Option("--refresh", help="Ask the model again; store the fresh replies.")
    ] = False,
    prices: Annotated[
        Path | None,
        typer.Option("--prices", help="JSON price table: {model: {input, output}} USD/1M tokens."),
    ] = None,
    budget_usd: Annotated[
        float | None,
        typer.Option("--budget-usd", help="Start no event whose estimated cost would pass this."),
    ] = None,
    max_input_tokens: MaxInputTokensOpt = None,
    temperature: TemperatureOpt = Settings.temperature,
    seed: SeedOpt = None,
    max_retries: MaxRetriesOpt = Settings.max_retries,
    timeout: TimeoutOpt = Settings.timeout,
    max_article_bytes: MaxArticleBytesOpt = Settings.max_article_bytes,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress line (failures still listed).")
    ] = False,
) -> None:
    """Summarize every subfolder of ROOT (one event each) into OUTDIR."""
    from summarize.batch.runner import BatchOptions, BatchRunner, failure_lines

    with cli_errors():
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
            max_article_bytes=max_article_bytes,
        )
        options = BatchOptions(
            root=root,
            out_dir=out_dir,
            fmt=fmt,
            concurrency=concurrency,
            resume=resume,
            cache_dir=cache_dir,
            use_cache=not no_cache,
            refresh=refresh,
            prices=prices,
            budget_usd=budget_usd,
            max_input_tokens=max_input_tokens,
            progress=not quiet,
        )
        import asyncio

        result = asyncio.run(BatchRunner(settings, options).run())
        ok = sum(1 for e in result.entries if e.status == "ok")
        cost = "unknown" if result.cost_usd is None else f"${result.cost_usd:.4f}"
        say(
            f"summarize: {ok}/{plural(len(result.entries), 'event')} ok, "
            f"{len(result.failed)} failed; "
            f"{result.total_tokens:,} tokens, estimated cost {cost}, "
            f"{result.elapsed_s:.1f}s; manifest: {out_dir / 'manifest.jsonl'}"
        )
        problems = failure_lines(result.entries)
        if problems:
            say(f"summarize: {plural(len(problems), 'event')} without an output:")
            for line in problems:
                say(line)
            raise typer.Exit(EXIT_RUNTIME)
