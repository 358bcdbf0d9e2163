"""Overhead: the pipeline's own time per event, by stage, for the seed folder
against a fake server that replies at once (no latency).

Stages: load (read files), evidence (sentences, attributions, duplicates:
spaCy), prompt (condense + render messages; the engine keeps them for its
call, as in a batch), model call (openai client + instructor + grounding
validator; the loopback server's own time included),
verify (check_summary), render (JSON, schema-validated) and write (atomic,
fsync). Target: under 50 ms per seed-sized event.

    python benchmarks/batch_overhead.py [--repeat 20] [FOLDER]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from batch_common import REPO, warm_up
from batch_server import server_process

from summarize.api import make_engine
from summarize.atomic import write_atomic
from summarize.config import Settings
from summarize.evidence.bundle import build_bundle
from summarize.loader import load_folder
from summarize.render import render_json
from summarize.verify import check_summary


async def one(engine: object, folder: Path, out: Path) -> dict[str, float]:
    times: dict[str, float] = {}
    t = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal t
        now = time.perf_counter()
        times[name] = now - t
        t = now

    articles = load_folder(folder)
    lap("load")
    bundle = build_bundle(articles)
    lap("evidence")
    engine.messages(bundle)  # type: ignore[attr-defined]
    lap("prompt")
    summary = await engine.compose(bundle)  # type: ignore[attr-defined]
    lap("model call")
    assert check_summary(summary, articles).ok
    lap("verify")
    text = render_json(summary)
    lap("render")
    write_atomic(out / "event.json", text)
    lap("write")
    return times


async def run(repeat: int, folder: Path, base_url: str) -> list[dict[str, float]]:
    engine = make_engine(Settings(engine="llm", model="fake-model", base_url=base_url))
    with tempfile.TemporaryDirectory() as tmp:
        await one(engine, folder, Path(tmp))  # warm the connection and caches
        return [await one(engine, folder, Path(tmp)) for _ in range(repeat)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("folder", nargs="?", default=str(REPO / "examples" / "ganja"))
    args = parser.parse_args()
    warm_up()
    with server_process(0.0) as base_url:
        rows = asyncio.run(run(args.repeat, Path(args.folder), base_url))
    print(f"folder: {args.folder}; {args.repeat} runs, median ms per stage:")
    total = 0.0
    for stage in rows[0]:
        median = statistics.median(r[stage] for r in rows) * 1000
        total += median
        print(f"  {stage:32s} {median:8.1f}")
    without = total - statistics.median(r["evidence"] for r in rows) * 1000
    print(f"  {'total':32s} {total:8.1f}  (target < 50: {'met' if total < 50 else 'NOT met'})")
    print(f"  {'total without evidence':32s} {without:8.1f}")
    print(f"  share of a 3 s model call: {total / 30:.1f}%")


if __name__ == "__main__":
    main()
