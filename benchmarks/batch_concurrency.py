"""Concurrency: 200 events against a fake server with 500 ms latency at
--concurrency 20. Ideal: 200 x 0.5 / 20 = 5 s. Target: within 1.15x.

The server runs in its own process; imports and the NLP model load (in the
evidence worker processes, or in this process with --evidence-workers 0)
happen before the clock starts (a long-running batch pays them once).

Printed: wall time against the ideal, the event loop process's own CPU per
event (what bounds the concurrency: one thread of Python runs at a time), and
the evidence stage's CPU per event (in its worker processes, or in a thread of
this process with --evidence-workers 0, where it is part of the former).

    python benchmarks/batch_concurrency.py [--events 200] [--latency 0.5] [--concurrency 20]
        [--evidence-workers N]   (default: the batch's own choice)
"""

from __future__ import annotations

import argparse
import asyncio
import concurrent.futures
import resource
import tempfile
import time
from pathlib import Path

from batch_common import make_events, warm_up
from batch_server import server_process

from summarize.batch.runner import BatchOptions, BatchRunner
from summarize.config import Settings


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=200)
    parser.add_argument("--latency", type=float, default=0.5)
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--evidence-workers", type=int, default=None)
    args = parser.parse_args()
    load = warm_up()
    with tempfile.TemporaryDirectory() as tmp, server_process(args.latency) as base_url:
        make_events(Path(tmp) / "root", args.events)
        settings = Settings(engine="llm", model="fake-model", base_url=base_url)
        options = BatchOptions(
            root=Path(tmp) / "root",
            out_dir=Path(tmp) / "out",
            concurrency=args.concurrency,
            use_cache=False,
            progress=False,
            evidence_workers=args.evidence_workers,
        )
        runner = BatchRunner(settings, options)
        started = time.perf_counter()
        warming = runner.start_evidence(args.events)
        concurrent.futures.wait(warming)
        load += time.perf_counter() - started
        cpu0, started = cpu_seconds(), time.perf_counter()
        result = asyncio.run(runner.run())
        wall, cpu = time.perf_counter() - started, cpu_seconds() - cpu0
    ideal = args.events * args.latency / args.concurrency
    ok = sum(1 for e in result.entries if e.status == "ok")
    requests = sum(e.attempts for e in result.entries)
    ratio = wall / ideal
    print(f"events: {args.events} (2 short articles each), ok: {ok}, model requests: {requests}")
    print(f"latency {args.latency} s, concurrency {args.concurrency}")
    workers = "a thread of this process" if not warming else f"{len(warming)} worker process(es)"
    print(f"evidence stage in {workers}")
    print(f"imports + NLP model load before the clock: {load:.2f} s")
    print(f"event loop process CPU: {cpu:.2f} s total, {1000 * cpu / args.events:.1f} ms per event")
    print(
        f"evidence stage CPU: {result.evidence_cpu_s:.2f} s total, "
        f"{1000 * result.evidence_cpu_s / args.events:.1f} ms per event"
    )
    print(
        f"wall time: {wall:.2f} s; ideal: {ideal:.2f} s; ratio: {ratio:.3f} "
        f"(target <= 1.15: {'met' if ratio <= 1.15 else 'NOT met'})"
    )


if __name__ == "__main__":
    main()
