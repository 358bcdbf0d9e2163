"""Loading and evidence extraction (spaCy) for a batch, off the event loop.

The evidence stage is the batch's heaviest CPU work, and Python runs one
thread of it at a time: done in a thread of the process that also sends the
model requests, it holds back every request in flight. So a large batch on a
machine with more than one core runs it in worker processes
(``spawn``-started, each loading the NLP model once, warmed as the pool starts),
and the event loop only sends requests, validates replies and writes outputs.
A small batch, or a machine with few cores, keeps the stage in a single thread:
on 2 cores, shared with the model server and other work, a worker process
measured slower than the thread for short events (moving each bundle between
processes costs the event loop about as much as the stage it saves).

What crosses the process boundary is picklable by construction: a
:class:`Prepared` event, or a :class:`PrepareFailure` holding the error's
description (package errors do not all survive pickling)."""

from __future__ import annotations

import multiprocessing
import os
import time
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from summarize.errors import SummarizeError, describe
from summarize.evidence.bundle import build_bundle
from summarize.evidence.types import EvidenceBundle
from summarize.loader import no_articles_error, scan_folder
from summarize.models import Article

#: Events a batch must have before the stage moves to worker processes (a
#: worker's start-up, ~1-3 s with the NLP model, must pay for itself).
PROCESS_MIN_EVENTS = 20
#: Cores a machine needs before the automatic choice starts worker processes.
PROCESS_MIN_CPUS = 4
#: Most worker processes the automatic choice starts.
MAX_AUTO_WORKERS = 4


@dataclass(frozen=True)
class Prepared:
    """One event's evidence (its articles are ``bundle.articles``), the seconds it
    took to make it, and the CPU seconds of the thread that made it."""

    bundle: EvidenceBundle
    seconds: float = 0.0
    cpu_seconds: float = 0.0


@dataclass(frozen=True)
class PrepareFailure:
    """Why an event could not be prepared (``{"type", "message"}``, as in the manifest)."""

    error: dict[str, str]


def prepare_event(folder: Path, max_article_bytes: int) -> Prepared:
    """Read ``folder``'s articles and build their evidence bundle (raises on failure)."""
    started, cpu = time.perf_counter(), time.thread_time()
    report = scan_folder(folder, max_article_bytes=max_article_bytes)
    if not report.articles:
        raise no_articles_error(folder, report)
    bundle = build_bundle(report.articles)
    return Prepared(bundle, time.perf_counter() - started, time.thread_time() - cpu)


def prepare_or_describe(folder: Path, max_article_bytes: int) -> Prepared | PrepareFailure:
    """:func:`prepare_event`, with any error turned into a picklable description."""
    try:
        return prepare_event(folder, max_article_bytes)
    except SummarizeError as exc:
        return PrepareFailure({k: str(v) for k, v in describe(exc).items()})
    except Exception as exc:  # one event's bug must not stop the batch
        return PrepareFailure({"type": type(exc).__name__, "message": f"internal error: {exc}"})


def warm() -> None:
    """Load the NLP model (run once in each worker as the pool starts)."""
    build_bundle([Article(id="warm-up", text="The mayor said the bridge will close.")])


def auto_workers(events: int, cpus: int | None = None) -> int:
    """Worker processes for a batch of ``events``: none (a thread) for a small batch
    or fewer than :data:`PROCESS_MIN_CPUS` cores; else one per core beyond the
    event loop's and the model server's, at most :data:`MAX_AUTO_WORKERS`."""
    cpus = cpus if cpus is not None else (os.cpu_count() or 1)
    if events < PROCESS_MIN_EVENTS or cpus < PROCESS_MIN_CPUS:
        return 0
    return min(cpus - 2, MAX_AUTO_WORKERS)


def evidence_executor(workers: int) -> tuple[Executor, list[Future[None]]]:
    """A pool of ``workers`` spawn-started processes and the futures of their
    warm-up (started at once), or one thread and no warm-up when ``workers`` is 0.

    A failed warm-up (say, no NLP model installed) fails again, described, on
    the first event, so its future's outcome may be ignored."""
    if workers <= 0:
        return ThreadPoolExecutor(max_workers=1, thread_name_prefix="summarize-evidence"), []
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"))
    return pool, [pool.submit(warm) for _ in range(workers)]


__all__ = [
    "MAX_AUTO_WORKERS",
    "PROCESS_MIN_CPUS",
    "PROCESS_MIN_EVENTS",
    "PrepareFailure",
    "Prepared",
    "auto_workers",
    "evidence_executor",
    "prepare_event",
    "prepare_or_describe",
    "warm",
]
