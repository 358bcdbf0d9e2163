"""Peak memory (RSS) for one 1,000-article event in map-reduce mode (--max-input-tokens),
through the batch runner, against the fake server in its own process.

    python benchmarks/batch_memory.py [--articles 1000] [--max-input-tokens 8000]
"""

from __future__ import annotations

import argparse
import asyncio
import resource
import tempfile
import time
from pathlib import Path

from batch_common import warm_up
from batch_server import server_process

from summarize.batch.runner import BatchOptions, BatchRunner
from summarize.config import Settings


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--max-input-tokens", type=int, default=8000)
    args = parser.parse_args()
    warm_up()
    with tempfile.TemporaryDirectory() as tmp:
        event = Path(tmp) / "root" / "big-event"
        event.mkdir(parents=True)
        for k in range(args.articles):
            (event / f"a{k:04d}.txt").write_text(
                f"Officials in district {k} said on Monday that {k % 50 + 2} roads were closed "
                f"after the storm. The mayor of town {k} told reporters that repairs would take "
                f"{k % 9 + 2} weeks. Residents said power was cut for {k % 7 + 1} days.\n",
                encoding="utf-8",
            )
        base = peak_mb()
        with server_process(0.0, "mapreduce") as base_url:
            settings = Settings(engine="llm", model="fake-model", base_url=base_url, timeout=60)
            options = BatchOptions(
                root=Path(tmp) / "root",
                out_dir=Path(tmp) / "out",
                use_cache=False,
                max_input_tokens=args.max_input_tokens,
                progress=False,
            )
            started = time.perf_counter()
            result = asyncio.run(BatchRunner(settings, options).run())
            wall = time.perf_counter() - started
    entry = result.entries[0]
    print(
        f"one event of {args.articles} articles, --max-input-tokens {args.max_input_tokens}: "
        f"status {entry.status}, {entry.attempts} model requests, {wall:.1f} s"
    )
    if entry.error:
        print(f"   error: {entry.error['message'][:200]}")
    print(
        f"peak RSS: {peak_mb():.0f} MB (after imports and NLP model load: {base:.0f} MB; "
        f"the event added {peak_mb() - base:.0f} MB)"
    )


if __name__ == "__main__":
    main()
