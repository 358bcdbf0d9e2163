"""``summarize eval ...``: score summaries against hand-labelled gold records.

* ``eval score``    score one saved summary against one gold record
* ``eval run``      summarize every suite with an engine, score, check thresholds
* ``eval report``   one HTML report comparing saved runs
* ``eval validate`` check gold records against ``summarize-gold/1``

Exit codes: 0 ok, 1 runtime error (a suite failed), 2 usage or input error
(a bad gold record, an unknown score), 3 a quality threshold was missed."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from summarize.cli.options import (
    BaseUrlOpt,
    EngineOpt,
    ModelOpt,
    cli_errors,
    plural,
    read_summary,
    say,
)
from summarize.config import Settings
from summarize.errors import EXIT_RUNTIME, EXIT_THRESHOLD

eval_app = typer.Typer(
    help="Score summaries against hand-labelled gold records.",
    no_args_is_help=True,
    rich_markup_mode=None,
)


@eval_app.callback()
def _eval() -> None:
    """Score summaries against hand-labelled gold records."""


def _value_table(rows: list[tuple[str, dict[str, Any]]], scores: tuple[str, ...]) -> str:
    from summarize.evaluation.report_html import SHORT

    def cell(value: object) -> str:
        if value is None:
            return "n/a"
        if isinstance(value, float):
            return f"{value:.3f}"
        return str(value)

    heads = ["suite", *(SHORT[s] for s in scores)]
    body = [[name, *(cell(values.get(s)) for s in scores)] for name, values in rows]
    widths = [max(len(r[i]) for r in [heads, *body]) for i in range(len(heads))]
    lines = [
        "  ".join(
            h.ljust(w) if i == 0 else h.rjust(w)
            for i, (h, w) in enumerate(zip(heads, widths, strict=True))
        )
    ]
    for row in body:
        lines.append(
            "  ".join(
                v.ljust(w) if i == 0 else v.rjust(w)
                for i, (v, w) in enumerate(zip(row, widths, strict=True))
            )
        )
    return "\n".join(lines)


@eval_app.command("score")
def score_command(
    summary_path: Annotated[Path, typer.Option("--summary", help="EventSummary JSON file.")],
    gold_path: Annotated[Path, typer.Option("--gold", help="Gold record (summarize-gold/1).")],
    articles: Annotated[
        Path | None,
        typer.Option(
            help="The articles folder (for grounding); default: articles/ beside the gold."
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Score one summary against one gold record and explain every score."""
    from summarize.evaluation.gold import check_documents, load_gold
    from summarize.evaluation.scoring import ALL_SCORES, score_summary
    from summarize.loader import load_folder

    with cli_errors():
        gold = load_gold(gold_path)
        summary = read_summary(summary_path)
        folder = articles if articles is not None else gold_path.parent / "articles"
        loaded = None
        if articles is not None or folder.is_dir():
            loaded = load_folder(folder)
            check_documents(gold, [a.id for a in loaded], str(folder))
        else:
            say(
                f"summarize: no articles folder at {folder}; grounding not measured "
                "(pass --articles DIR)"
            )
        card = score_summary(summary, gold, loaded)
        if as_json:
            typer.echo(json.dumps(card.to_json(), indent=2, ensure_ascii=False))
            return
        width = max(len(s) for s in ALL_SCORES)
        for name in ALL_SCORES:
            score = card.scores[name]
            shown = (
                "n/a"
                if score.value is None
                else (f"{score.value:.3f}" if isinstance(score.value, float) else str(score.value))
            )
            typer.echo(f"{name.ljust(width)}  {shown:>7}  {score.explanation}")


@eval_app.command("run")
def run_command(
    suites: Annotated[
        list[Path],
        typer.Argument(
            help="Suite folders (gold.json + articles/ or source.json), "
            "or folders of suites, e.g. evals/*."
        ),
    ],
    engine: EngineOpt = None,
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    out: Annotated[
        Path | None,
        typer.Option("--out", help="Output folder (default: runs/eval-<UTC time>)."),
    ] = None,
    minimum: Annotated[
        list[str] | None,
        typer.Option("--min", help="Aggregate threshold NAME=VALUE (repeatable)."),
    ] = None,
    maximum: Annotated[
        list[str] | None,
        typer.Option("--max", help="Aggregate ceiling NAME=VALUE, e.g. loaded_per_100_words=1."),
    ] = None,
    min_file: Annotated[
        Path | None,
        typer.Option("--min-file", help="Thresholds file (summarize-thresholds/1)."),
    ] = None,
    html_path: Annotated[
        Path | None, typer.Option("--html", help="Also write an HTML report here.")
    ] = None,
    compare: Annotated[
        list[Path] | None,
        typer.Option("--compare", help="Saved run folder(s) to include in the HTML report."),
    ] = None,
    rescore: Annotated[
        bool,
        typer.Option("--rescore", help="Re-score the summaries saved in --out; no model calls."),
    ] = False,
    work_dir: Annotated[
        Path | None,
        typer.Option(
            "--work-dir", help="Where assembled suites' articles go (default: a temp dir)."
        ),
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print aggregate.json to stdout.")
    ] = False,
) -> None:
    """Summarize every suite, score it, write records, and check thresholds."""
    from summarize.errors import ConfigError
    from summarize.evaluation import runner
    from summarize.evaluation import suites as suite_mod
    from summarize.evaluation import thresholds as th
    from summarize.evaluation.scoring import ALL_SCORES

    with cli_errors():
        if rescore and out is None:
            raise ConfigError("--rescore needs --out: the run folder whose summaries to re-score")
        bounds = [th.parse_option(t, "min") for t in minimum or []]
        bounds += [th.parse_option(t, "max") for t in maximum or []]
        limits = th.combine(th.load_thresholds(min_file) if min_file else None, bounds)
        found, passed = suite_mod.discover(suites)
        for p in passed:
            say(f"summarize: not a suite, passed over: {p.path} ({p.reason})")
        if not found:
            raise ConfigError("no suites found among the given paths")
        settings = Settings.from_env(engine=engine, model=model, base_url=base_url)
        if not rescore:
            settings.check()
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
        out_dir = out or Path("runs") / f"eval-{stamp}"
        run = asyncio.run(
            runner.run_suites(
                found,
                out_dir,
                settings=settings,
                rescore=rescore,
                work_dir=work_dir,
                progress=lambda m: say(f"summarize: {m}"),
            )
        )
        aggregate = run.aggregate()
        per_suite = {r.name: r.values for r in run.scored}
        misses, notes = th.check(limits, aggregate, per_suite)
        for note in notes:
            say(f"summarize: {note}")
        path = runner.write_manifest(
            run,
            {
                "thresholds": limits.to_json(),
                "misses": [str(m) for m in misses],
            },
        )
        rows = [(name, values) for name, values in per_suite.items()]
        if run.scored:
            rows.append(("MEAN", aggregate))
        if as_json:
            typer.echo(path.read_text(encoding="utf-8").rstrip())
        else:
            typer.echo(_value_table(rows, ALL_SCORES))
        for r in run.results:
            if r.status != "ok":
                say(f"summarize: {r.status}: {r.name}: {r.message}")
        scored = f"{len(run.scored)} of {plural(len(run.results), 'suite')} scored"
        say(f"summarize: wrote {path} ({scored})")
        if html_path is not None:
            from summarize.atomic import write_atomic
            from summarize.evaluation.report_html import render_report

            runs = [runner.load_run(out_dir), *(runner.load_run(p) for p in compare or [])]
            write_atomic(html_path, render_report(runs))
            say(f"summarize: wrote {html_path}")
        for miss in misses:
            say(f"summarize: threshold missed: {miss}")
        if run.errors:
            raise typer.Exit(EXIT_RUNTIME)
        if misses:
            raise typer.Exit(EXIT_THRESHOLD)
        if limits:
            say("summarize: all thresholds met")


@eval_app.command("report")
def report_command(
    runs: Annotated[list[Path], typer.Argument(help="Saved run folders (with aggregate.json).")],
    html_path: Annotated[Path, typer.Option("--html", help="Write the HTML report here.")],
) -> None:
    """One HTML report comparing saved runs (engines, models, prompt versions)."""
    from summarize.atomic import write_atomic
    from summarize.evaluation.report_html import render_report
    from summarize.evaluation.runner import load_run

    with cli_errors():
        write_atomic(html_path, render_report([load_run(p) for p in runs]))
        say(f"summarize: wrote {html_path}")


@eval_app.command("validate")
def validate_command(
    golds: Annotated[list[Path], typer.Argument(help="gold.json files to check.")],
) -> None:
    """Check gold records against summarize-gold/1; name the field of the first problem."""
    from summarize.errors import GoldFormatError
    from summarize.evaluation.gold import load_gold

    failed = False
    for path in golds:
        try:
            gold = load_gold(path)
        except GoldFormatError as exc:
            failed = True
            say(f"summarize: invalid: {exc}")
            continue
        counts = [
            plural(len(gold.claims), "claim"),
            plural(len(gold.actors), "actor"),
            plural(len(gold.disputes), "dispute"),
        ]
        typer.echo(f"ok: {path} ({', '.join(counts)})")
    if failed:
        sys.exit(2)
