"""``summarize eval run``: summarize every suite, score it, write the records.

Layout of an output folder::

    OUT/aggregate.json            run manifest, per-suite scores, mean scores, threshold result
    OUT/<suite>/summary.json      the engine's EventSummary
    OUT/<suite>/scores.json       the score card with every explanation

Re-scoring (``rescore=True``) reads ``OUT/<suite>/summary.json`` back and
never calls a model, so scoring changes can be compared on fixed summaries."""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from summarize.atomic import write_atomic
from summarize.config import Settings
from summarize.engines.base import Engine
from summarize.errors import InputError, SummarizeError, describe
from summarize.evaluation.gold import GoldRecord, check_documents, load_gold
from summarize.evaluation.scoring import ALL_SCORES, ScoreCard, score_summary
from summarize.evaluation.suites import Suite, assemble_articles
from summarize.loader import load_folder
from summarize.models import EventSummary
from summarize.version import __version__

RUN_FORMAT = "summarize-eval-run/1"
AGGREGATE_FILE = "aggregate.json"


@dataclass
class SuiteResult:
    name: str
    status: str  # "ok", "skipped" or "error"
    message: str = ""
    gold: str | None = None
    card: ScoreCard | None = None

    @property
    def values(self) -> dict[str, float | int | None]:
        return {k: self.card.value(k) for k in ALL_SCORES} if self.card else {}


@dataclass
class RunResult:
    out_dir: Path
    engine: str
    model: str | None
    rescored: bool
    started: str
    results: list[SuiteResult] = field(default_factory=list)

    @property
    def scored(self) -> list[SuiteResult]:
        return [r for r in self.results if r.status == "ok"]

    @property
    def errors(self) -> list[SuiteResult]:
        return [r for r in self.results if r.status == "error"]

    def aggregate(self) -> dict[str, float | None]:
        """Mean of each score over the scored suites (a suite's unmeasured score is left out)."""
        means: dict[str, float | None] = {}
        for name in ALL_SCORES:
            values = [r.values[name] for r in self.scored if r.values.get(name) is not None]
            means[name] = (
                round(sum(v for v in values if v is not None) / len(values), 4)
                if (values)
                else None
            )
        return means

    @property
    def label(self) -> str:
        return self.engine + (f" / {self.model}" if self.model else "")

    def manifest(self) -> dict[str, Any]:
        return {
            "format": RUN_FORMAT,
            "label": self.label,
            "engine": self.engine,
            "model": self.model,
            "started": self.started,
            "tool_version": __version__,
            "rescored": self.rescored,
            "suites": {
                r.name: {
                    "status": r.status,
                    "message": r.message,
                    "gold": r.gold,
                    "scores": r.values,
                }
                for r in self.results
            },
            "suites_scored": len(self.scored),
            "aggregate": self.aggregate(),
        }


def _summary_path(out_dir: Path, name: str) -> Path:
    return out_dir / name / "summary.json"


def _read_saved(path: Path) -> EventSummary:
    from pydantic import ValidationError

    try:
        return EventSummary.model_validate_json(path.read_bytes())
    except OSError:
        raise InputError(
            path, "no saved summary to re-score (run without --rescore first)"
        ) from None
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "(top level)"
        raise InputError(path, f"is not a valid EventSummary: {where}: {first['msg']}") from None


def load_golds(suites: Sequence[Suite]) -> dict[str, GoldRecord]:
    """Every suite's gold record, validated before any model is called."""
    return {s.name: load_gold(s.gold_path) for s in suites}


async def run_suites(
    suites: Sequence[Suite],
    out_dir: Path,
    *,
    settings: Settings | None = None,
    engine: Engine | None = None,
    rescore: bool = False,
    work_dir: Path | None = None,
    progress: Callable[[str], None] = lambda _: None,
) -> RunResult:
    """Summarize (or re-read) and score every suite; write records into ``out_dir``.

    A suite that cannot be assembled (no ``../shared``) is skipped; a suite whose
    summary fails is recorded as an error and the others still run."""
    from summarize.api import asummarize_articles

    golds = load_golds(suites)
    out_dir.mkdir(parents=True, exist_ok=True)
    settings = settings or Settings.from_env()
    engine_name = engine.name if engine else ("saved" if rescore else settings.resolved_engine())
    model = None if engine or rescore or engine_name != "llm" else settings.model
    run = RunResult(
        out_dir, engine_name, model, rescore, dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    )
    with tempfile.TemporaryDirectory(prefix="summarize-eval-") as tmp:
        work = work_dir or Path(tmp)
        for suite in suites:
            gold = golds[suite.name]
            result = SuiteResult(suite.name, "ok", gold=str(suite.gold_path))
            run.results.append(result)
            try:
                ready = assemble_articles(suite, work)
            except InputError as exc:
                result.status, result.message = "skipped", str(exc)
                continue
            try:
                assert ready.articles is not None
                articles = load_folder(ready.articles)
                check_documents(gold, [a.id for a in articles], str(ready.articles))
                (out_dir / suite.name).mkdir(exist_ok=True)
                if rescore:
                    summary = _read_saved(_summary_path(out_dir, suite.name))
                    if run.engine == "saved":
                        run.engine = summary.provenance.engine
                        run.model = summary.provenance.model
                else:
                    progress(f"summarizing {suite.name} ({len(articles)} articles)")
                    summary = await asummarize_articles(
                        articles, engine=engine, settings=None if engine else settings
                    )
                    write_atomic(
                        _summary_path(out_dir, suite.name),
                        summary.model_dump_json(indent=2) + "\n",
                    )
                card = score_summary(summary, gold, articles)
            except SummarizeError as exc:
                result.status, result.message = "error", str(exc)
                progress(f"error in {suite.name}: {exc}")
                _write_json(out_dir / suite.name / "error.json", describe(exc))
                continue
            result.card = card
            _write_json(out_dir / suite.name / "scores.json", card.to_json())
    return run


def _write_json(path: Path, data: Any) -> None:
    write_atomic(path, json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def write_manifest(run: RunResult, extra: dict[str, Any]) -> Path:
    """Write ``aggregate.json`` (the manifest plus ``extra``, e.g. threshold results)."""
    path = run.out_dir / AGGREGATE_FILE
    _write_json(path, {**run.manifest(), **extra})
    return path


def load_run(folder: Path) -> dict[str, Any]:
    """A saved run (``aggregate.json``) with each suite's score card attached as ``card``."""
    path = folder / AGGREGATE_FILE
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(path, f"is not a saved eval run ({exc})") from None
    if data.get("format") != RUN_FORMAT:
        raise InputError(path, f"field 'format' must be {RUN_FORMAT!r}")
    for name, suite in data.get("suites", {}).items():
        scores = folder / name / "scores.json"
        if suite.get("status") == "ok" and scores.is_file():
            suite["card"] = json.loads(scores.read_text(encoding="utf-8"))
    data["folder"] = str(folder)
    return data
