"""Fault survival: 200 events; 20% of requests answered by 429 (Retry-After),
500, a reply slower than the client timeout, a dropped connection or a
truncated body. Every event must end with a valid output or a listed failure,
and a --resume run must complete the failures with no duplicate outputs.

    python benchmarks/batch_faults.py [--events 200] [--rate 0.2] [--concurrency 20]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import tempfile
import time
from pathlib import Path

from batch_common import make_events, warm_up
from batch_server import server_process

from summarize.batch.runner import BatchOptions, BatchRunner
from summarize.config import Settings
from summarize.render import validate_summary_dict


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=200)
    parser.add_argument("--rate", type=float, default=0.2)
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--latency", type=float, default=0.05)
    args = parser.parse_args()
    warm_up()
    with tempfile.TemporaryDirectory() as tmp:
        root, out, cache = Path(tmp) / "root", Path(tmp) / "out", Path(tmp) / "cache"
        names = make_events(root, args.events)
        runs = []
        for responder, resume in ((f"faulty:{args.rate}", False), ("auto", True)):
            with server_process(args.latency, responder, timeout_hang=2.0) as base_url:
                settings = Settings(
                    engine="llm", model="fake-model", base_url=base_url, timeout=1.0
                )
                options = BatchOptions(
                    root=root,
                    out_dir=out,
                    cache_dir=cache,
                    resume=resume,
                    concurrency=args.concurrency,
                    progress=False,
                )
                started = time.perf_counter()
                result = asyncio.run(BatchRunner(settings, options).run())
                runs.append((result, time.perf_counter() - started))
        first, wall1 = runs[0]
        second, wall2 = runs[1]
        valid = 0
        for name in names:
            path = out / f"{name}.json"
            if path.exists():
                validate_summary_dict(json.loads(path.read_text(encoding="utf-8")))
                valid += 1
        files = sorted(p.name for p in out.iterdir() if not p.name.startswith("."))
        manifest = [json.loads(x) for x in (out / "manifest.jsonl").read_text().splitlines()]
    ok1 = [e for e in first.entries if e.status == "ok"]
    failed1 = [e for e in first.entries if e.status == "failed"]
    requests1 = sum(e.attempts for e in first.entries)
    errors = sum(len(e.error or {}) > 0 for e in failed1)
    print(
        f"run 1 (fault rate {args.rate}): {len(ok1)} ok, {len(failed1)} failed "
        f"(all with an error listed: {errors == len(failed1)}), "
        f"{requests1} HTTP requests for {args.events} events, {wall1:.1f} s"
    )
    for e in failed1[:5]:
        print(f"   failed {e.event}: {(e.error or {}).get('message', '')[:110]}")
    rerun = [e for e in second.entries if not e.resumed]
    print(
        f"run 2 (--resume, no faults): re-ran {len(rerun)} events, "
        f"{sum(e.attempts for e in rerun)} requests, {wall2:.1f} s; all ok: {second.ok}"
    )
    dupes = len(files) - len(set(files))
    print(
        f"outputs: {valid}/{args.events} valid records; files in OUTDIR: {len(files)} "
        f"(= events + manifest: {len(files) == args.events + 1}); duplicates: {dupes}; "
        f"manifest lines: {len(manifest)}, one per event: "
        f"{sorted(m['event'] for m in manifest) == sorted(names)}"
    )


if __name__ == "__main__":
    main()
