"""Run many events at once: every subfolder of a root folder is one event.

Events run concurrently on one asyncio loop, at most ``concurrency`` model
calls at a time. Loading and evidence extraction (CPU work, spaCy) run ahead
of the model calls, for up to ``concurrency`` further events, in worker
processes for a large batch (:mod:`summarize.batch.evidence_pool`) or one
thread for a small one; writing outputs (fsync) runs in a small thread pool.
So the event loop's thread only sends requests, validates replies and
renders, and model calls keep flowing. Each event ends in exactly
one of: an output record written atomically (``<event>.json``, plus
``<event>.md``/``.html`` for other formats), a failure (recorded, the batch
goes on), or a budget skip. Every outcome gets a ``manifest.jsonl`` line as it
happens. With ``resume`` an event whose output exists and validates against
the schema is not run again, so a killed run, restarted, neither loses nor
repeats work; the reply cache (:mod:`summarize.batch.cache`) means even an
event that was cut off half-way re-sends nothing it already had answered.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import sys
import time
from collections.abc import Sequence
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

import httpx

from summarize.api import calls_model, compose_verified, make_engine
from summarize.atomic import write_atomic
from summarize.batch.cache import ReplyCache, default_cache_dir
from summarize.batch.evidence_pool import (
    Prepared,
    PrepareFailure,
    auto_workers,
    evidence_executor,
    prepare_or_describe,
)
from summarize.batch.manifest import (
    FAILED,
    MANIFEST_NAME,
    OK,
    SKIPPED_BUDGET,
    ManifestEntry,
    ManifestWriter,
)
from summarize.batch.pricing import (
    Budget,
    Calibration,
    Estimate,
    Price,
    PriceTable,
    estimate_event,
    load_price_table,
    schema_prompt_chars,
)
from summarize.batch.progress import Progress
from summarize.batch.transport import CachingTransport, CallStats, current_stats
from summarize.config import Settings
from summarize.engines.base import Engine, ModelEngine
from summarize.errors import (
    ConfigError,
    InputError,
    NotAFolderError,
    OutputError,
    SummarizeError,
    describe,
)
from summarize.evidence.types import EvidenceBundle
from summarize.models import Article, EventSummary
from summarize.render import FORMATS, render, render_json, validate_summary_dict

DEFAULT_CONCURRENCY = 8
SUFFIXES = {"json": ".json", "markdown": ".md", "html": ".html"}


@dataclass(frozen=True)
class BatchOptions:
    """What ``summarize batch`` was asked to do."""

    root: Path
    out_dir: Path
    fmt: str = "json"
    concurrency: int = DEFAULT_CONCURRENCY
    resume: bool = False
    cache_dir: Path | None = None
    use_cache: bool = True
    refresh: bool = False
    prices: Path | None = None
    budget_usd: float | None = None
    max_input_tokens: int | None = None
    progress: bool = True
    #: Worker processes for loading + evidence: ``None`` chooses by batch size and
    #: cores (:func:`~summarize.batch.evidence_pool.auto_workers`), 0 = one thread.
    evidence_workers: int | None = None

    def check(self) -> None:
        if self.fmt not in FORMATS:
            raise ConfigError(f"--format: unknown format '{self.fmt}' ({', '.join(FORMATS)})")
        if self.concurrency < 1:
            raise ConfigError("--concurrency must be 1 or more")
        if self.budget_usd is not None and self.budget_usd < 0:
            raise ConfigError("--budget-usd must be 0 or more")
        if self.max_input_tokens is not None and self.max_input_tokens < 1:
            raise ConfigError("--max-input-tokens must be 1 or more")
        if self.evidence_workers is not None and self.evidence_workers < 0:
            raise ConfigError("evidence workers must be 0 or more")


@dataclass
class BatchResult:
    """Every event's manifest entry, in event order, and the run's warnings."""

    entries: list[ManifestEntry]
    warnings: list[str] = field(default_factory=list)
    elapsed_s: float = 0.0
    #: CPU seconds the evidence stage took (in its worker processes or thread).
    evidence_cpu_s: float = 0.0

    def with_status(self, status: str) -> list[ManifestEntry]:
        return [e for e in self.entries if e.status == status]

    @property
    def failed(self) -> list[ManifestEntry]:
        return self.with_status(FAILED)

    @property
    def ok(self) -> bool:
        """True when every event has a valid output."""
        return all(e.status == OK for e in self.entries)

    @property
    def total_tokens(self) -> int:
        return sum(e.tokens.get("total", 0) for e in self.entries if not e.resumed)

    @property
    def cost_usd(self) -> float | None:
        costs = [e.cost_usd for e in self.entries if not e.resumed]
        return None if any(c is None for c in costs) else sum(c or 0.0 for c in costs)


def discover_events(root: Path) -> list[Path]:
    """The event folders under ``root`` (non-hidden subfolders), sorted by name."""
    if not root.exists():
        raise NotAFolderError(root, "does not exist")
    if not root.is_dir():
        raise NotAFolderError(root, "is a file, not a folder of event folders")
    events = sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith("."))
    if not events:
        raise InputError(root, "has no subfolders; each event must be a folder of articles")
    return events


def output_paths(out_dir: Path, event: str, fmt: str) -> tuple[Path, Path]:
    """The JSON record of an event, and the file in the requested format."""
    record = out_dir / f"{event}.json"
    return record, out_dir / f"{event}{SUFFIXES[fmt]}"


def existing_output_valid(out_dir: Path, event: str, fmt: str) -> bool:
    """True when the event's record exists and validates against the schema (and,
    for Markdown or HTML, the rendered file exists too)."""
    record, rendered = output_paths(out_dir, event, fmt)
    try:
        data = json.loads(record.read_text(encoding="utf-8"))
        validate_summary_dict(data)
        EventSummary.model_validate(data)
    except Exception:
        return False
    return rendered.is_file()


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _prompt_chars(bundle: EvidenceBundle, engine: Engine | None) -> int:
    """Characters of the request the event's model call will send (messages, and the
    response schema as an endpoint bills it), for the budget estimate. The ``llm``
    engine keeps the messages it renders here for the call that follows."""
    if not isinstance(engine, ModelEngine):
        return 0
    return engine.prompt_chars(bundle) + schema_prompt_chars(engine.response_schema())


class BatchRunner:
    """One batch run. ``engine`` replaces the engine the settings would build
    (tests and benchmarks); ``http_transport`` the real network transport under
    the cache (for tuning connection limits)."""

    def __init__(
        self,
        settings: Settings,
        options: BatchOptions,
        *,
        engine: Engine | None = None,
        stream: TextIO | None = None,
    ) -> None:
        options.check()
        settings.check()
        self.settings = settings
        self.options = options
        self.stream = stream if stream is not None else sys.stderr
        self.warnings: list[str] = []
        self._engine = engine
        self._uses_model = (
            isinstance(engine, ModelEngine) if engine is not None else calls_model(settings)
        )
        self._prices: PriceTable = load_price_table(options.prices)
        self._price: Price | None = None
        if self._uses_model:
            self._price = self._prices.lookup(settings.model)
            if self._price is None:
                if options.budget_usd is not None:
                    raise ConfigError(
                        f"--budget-usd needs a price for model '{settings.model}': "
                        "add it to a JSON file passed with --prices"
                    )
                self._warn(
                    f"no price known for model '{settings.model}'; its cost is shown as "
                    "unknown (pass --prices FILE to set one)"
                )
        self._budget = Budget(options.budget_usd)
        self._calibration = Calibration()
        self._cache: ReplyCache | None = None
        self._http: httpx.AsyncClient | None = None
        self._cpu: Executor | None = None
        self._evidence_cpu_s = 0.0
        self._io = ThreadPoolExecutor(max_workers=4, thread_name_prefix="summarize-output")

    def _warn(self, message: str) -> None:
        self.warnings.append(message)
        if self.options.progress:
            self.stream.write(f"summarize: warning: {message}\n")
            self.stream.flush()

    # engine -------------------------------------------------------------------
    def _build_engine(self) -> Engine:
        if self._engine is not None:
            return self._engine
        if not self._uses_model:
            return make_engine(self.settings)
        if self.options.use_cache:
            self._cache = ReplyCache(self.options.cache_dir or default_cache_dir())
        limits = httpx.Limits(
            max_connections=max(self.options.concurrency * 2, 10),
            max_keepalive_connections=max(self.options.concurrency, 10),
        )
        transport = CachingTransport(
            httpx.AsyncHTTPTransport(limits=limits),
            self._cache,
            prompt_version=None,
            refresh=self.options.refresh,
        )
        self._http = httpx.AsyncClient(transport=transport, timeout=self.settings.timeout)
        engine = make_engine(
            self.settings, http_client=self._http, max_input_tokens=self.options.max_input_tokens
        )
        if isinstance(engine, ModelEngine):
            transport.prompt_version = engine.prompt_version
        return engine

    # evidence -----------------------------------------------------------------
    def start_evidence(self, events: int) -> list[Future[None]]:
        """Start the evidence workers for a batch of ``events``; return the futures
        of their warm-up (the NLP model load). :meth:`run` calls this itself when
        it was not called before."""
        if self._cpu is not None:
            return []
        workers = self.options.evidence_workers
        self._cpu, warming = evidence_executor(auto_workers(events) if workers is None else workers)
        return warming

    async def _prepare(self, folder: Path) -> Prepared | PrepareFailure:
        assert self._cpu is not None
        loop = asyncio.get_running_loop()
        args = (folder, self.settings.max_article_bytes)
        try:
            return await loop.run_in_executor(self._cpu, prepare_or_describe, *args)
        except BrokenProcessPool as exc:
            # a worker died (killed, out of memory, or a script that starts a batch
            # without an ``if __name__ == "__main__"`` guard): go on in a thread
            if not isinstance(self._cpu, ThreadPoolExecutor):
                self._warn(f"evidence worker process failed ({exc}); going on in a thread")
                self._cpu.shutdown(wait=False, cancel_futures=True)
                self._cpu, _ = evidence_executor(0)
            return await loop.run_in_executor(self._cpu, prepare_or_describe, *args)

    # one event ----------------------------------------------------------------

    def _estimate(self, bundle: EvidenceBundle, engine: Engine | None = None) -> Estimate | None:
        if self._price is None or not self._uses_model:
            return None
        return estimate_event(_prompt_chars(bundle, engine), bundle)

    def _write(self, event: str, summary: EventSummary, articles: Sequence[Article]) -> str:
        record, rendered = output_paths(self.options.out_dir, event, self.options.fmt)
        if rendered != record:
            write_atomic(rendered, render(summary, self.options.fmt, articles=articles))
        write_atomic(record, render_json(summary))  # last: its presence marks completion
        return str(rendered)

    async def _run_event(
        self, engine: Engine, folder: Path, prepared: Prepared | PrepareFailure
    ) -> ManifestEntry:
        """One event's model call, verification and output (its evidence is ready);
        its latency counts the evidence stage's own time, not its wait in line."""
        stats = CallStats()
        current_stats.set(stats)
        started = time.monotonic()
        entry = ManifestEntry(event=folder.name, status=FAILED)
        estimate = 0.0
        estimated: Estimate | None = None
        admitted = False
        if isinstance(prepared, PrepareFailure):
            entry.error = prepared.error
            entry.latency_s = 0.0
            entry.finished_at = _now()
            return entry
        started -= prepared.seconds
        self._evidence_cpu_s += prepared.cpu_seconds
        bundle = prepared.bundle
        try:
            loop = asyncio.get_running_loop()
            estimated = self._estimate(bundle, engine)
            if estimated is not None and self._price is not None:
                estimate = entry.record_estimate(self._calibration.adjust(estimated), self._price)
            if self._budget.limit is not None:
                if not self._budget.admit(estimate):
                    entry.status = SKIPPED_BUDGET
                    entry.error = {
                        "type": "BudgetExceededError",
                        "message": f"not started: the estimated cost would pass the budget "
                        f"of ${self._budget.limit:g}",
                    }
                    return entry
                admitted = True
            summary = await compose_verified(engine, bundle)
            entry.output = await loop.run_in_executor(
                self._io, self._write, folder.name, summary, bundle.articles
            )
            entry.status = OK
        except SummarizeError as exc:
            entry.error = describe(exc)
        except Exception as exc:  # one event's bug must not stop the batch
            entry.error = {"type": type(exc).__name__, "message": f"internal error: {exc}"}
        finally:
            cost = (
                self._price.cost(stats.prompt_tokens, stats.completion_tokens)
                if self._price is not None
                else None
            )
            if estimated is not None and not stats.cache_hits:
                self._calibration.observe(estimated, stats.prompt_tokens, stats.completion_tokens)
            if admitted:
                self._budget.settle(estimate, cost or 0.0)
            else:
                self._budget.spent += cost or 0.0
            entry.attempts = stats.requests
            entry.cache_hits = stats.cache_hits
            entry.tokens = {
                "prompt": stats.prompt_tokens,
                "completion": stats.completion_tokens,
                "total": stats.total_tokens,
            }
            entry.cached_tokens = stats.cached_prompt_tokens + stats.cached_completion_tokens
            entry.cost_usd = cost if self._uses_model else 0.0
            entry.latency_s = round(time.monotonic() - started, 4)
            entry.finished_at = _now()
        return entry

    def _resumed_entry(self, event: str, previous: ManifestEntry | None) -> ManifestEntry:
        _, rendered = output_paths(self.options.out_dir, event, self.options.fmt)
        if previous is not None and previous.status == OK:
            entry = ManifestEntry.from_dict(vars(previous).copy())
        else:
            entry = ManifestEntry(event=event, status=OK, finished_at=_now())
        entry.output = str(rendered)
        entry.resumed = True
        return entry

    # the batch ----------------------------------------------------------------
    async def run(self) -> BatchResult:
        started = time.monotonic()
        events = discover_events(self.options.root)
        out_dir = self.options.out_dir
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(out_dir, f"cannot create ({exc.strerror or exc})") from None
        manifest = ManifestWriter(out_dir / MANIFEST_NAME, keep_existing=self.options.resume)
        progress = Progress(total=len(events), stream=self.stream, enabled=self.options.progress)
        if self._uses_model and self._price is None:
            progress.cost_usd = None
        semaphore = asyncio.Semaphore(self.options.concurrency)
        # events prepared ahead of a model slot, or in one: bounds bundles held in memory
        window = asyncio.Semaphore(2 * self.options.concurrency)
        entries: dict[str, ManifestEntry] = {}
        try:
            engine = self._build_engine()
            self.start_evidence(len(events))

            async def one(folder: Path) -> None:
                if self.options.resume and existing_output_valid(
                    out_dir, folder.name, self.options.fmt
                ):
                    entry = self._resumed_entry(folder.name, manifest.previous.get(folder.name))
                else:
                    async with window:
                        prepared = await self._prepare(folder)
                        async with semaphore:
                            entry = await self._run_event(engine, folder, prepared)
                entries[folder.name] = entry
                manifest.append(entry)
                self._count(progress, entry)
                progress.update()

            await asyncio.gather(*(one(folder) for folder in events))
        finally:
            manifest.close()
            progress.close()
            await self._close()
        manifest.finalize(e.name for e in events)
        ordered = [entries[e.name] for e in events if e.name in entries]
        return BatchResult(ordered, self.warnings, time.monotonic() - started, self._evidence_cpu_s)

    def _count(self, progress: Progress, entry: ManifestEntry) -> None:
        if entry.status == OK:
            progress.done += 1
        elif entry.status == FAILED:
            progress.failed += 1
        else:
            progress.skipped += 1
        if not entry.resumed:
            progress.tokens += entry.tokens.get("total", 0)
            if progress.cost_usd is not None and entry.cost_usd is not None:
                progress.cost_usd += entry.cost_usd

    async def _close(self) -> None:
        if self._http is not None:
            await self._http.aclose()
        if self._cache is not None:
            self._cache.close()
        if self._cpu is not None:
            self._cpu.shutdown(wait=False, cancel_futures=True)
        self._io.shutdown(wait=True)


def run_batch(
    settings: Settings,
    options: BatchOptions,
    *,
    engine: Engine | None = None,
    stream: TextIO | None = None,
) -> BatchResult:
    """Run a batch to the end (sync wrapper around :meth:`BatchRunner.run`)."""
    return asyncio.run(BatchRunner(settings, options, engine=engine, stream=stream).run())


def failure_lines(entries: Sequence[ManifestEntry]) -> list[str]:
    """One line per event that did not end with an output, for stderr."""
    lines: list[str] = []
    for e in entries:
        if e.status == OK:
            continue
        message = (e.error or {}).get("message", "") if e.error else ""
        lines.append(f"  {e.event}: {e.status}: {message}")
    return lines


__all__ = [
    "DEFAULT_CONCURRENCY",
    "BatchOptions",
    "BatchResult",
    "BatchRunner",
    "discover_events",
    "existing_output_valid",
    "failure_lines",
    "run_batch",
]
