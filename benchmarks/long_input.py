"""Wall time and peak RSS of ``summarize run --engine offline`` on one long article.

The article is the PolNeAR dev texts joined in file-name order (paragraphs
kept), repeated as often as needed and cut at a paragraph break to N kB, so the
same size always gives the same article. Each size runs in its own subprocess;
CPU seconds are its user + system time and that of any worker it started
(``getrusage(RUSAGE_CHILDREN)`` before and after: wall time depends on what else
the machine runs, CPU time much less); peak RSS is the largest resident set of
one of those processes (not their sum; sizes run smallest first, so it is the
current size's).

    python benchmarks/long_input.py [100,200,400,1000] [--texts DIR] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEXTS = ROOT.parent / "shared" / "data" / "polnear-dev" / "text"


def article(texts: Path, kilobytes: int) -> str:
    """The first ``kilobytes`` kB (1,000 bytes) of the joined texts, cut at a paragraph break."""
    joined = "\n\n".join(p.read_text(encoding="utf-8").strip() for p in sorted(texts.glob("*.txt")))
    size = kilobytes * 1000
    text = joined
    while len(text.encode("utf-8")) < size:
        text += "\n\n" + joined
    cut = text.encode("utf-8")[:size].decode("utf-8", errors="ignore")
    end = cut.rfind("\n\n")
    return (cut[:end] if end > 0 else cut) + "\n"


def run(folder: Path, out: Path) -> tuple[float, float, float, int]:
    """Wall seconds, CPU seconds (the run and any worker it started), the peak RSS in
    MB of the largest of those processes, and the exit code."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "summarize", "run", str(folder), "--engine", "offline"],
        stdout=out.open("w", encoding="utf-8"),
        stderr=subprocess.PIPE,
        env=env,
        check=False,
        text=True,
    )
    wall = time.perf_counter() - started
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return wall, cpu, after.ru_maxrss / 1024, proc.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="?", default="100,200,400,1000", help="kB, comma-separated")
    parser.add_argument("--texts", type=Path, default=TEXTS)
    parser.add_argument("--keep", type=Path, help="keep each size's record here")
    args = parser.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(","))
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    with tempfile.TemporaryDirectory() as tmp:
        for kb in sizes:
            folder = Path(tmp) / f"long-{kb}kb"
            folder.mkdir()
            (folder / "article.txt").write_text(article(args.texts, kb), encoding="utf-8")
            out_dir = args.keep or Path(tmp)
            out_dir.mkdir(parents=True, exist_ok=True)
            wall, cpu, peak, code = run(folder, out_dir / f"long-{kb}kb.json")
            load = os.getloadavg()[0]
            status = "" if code == 0 else f"  (exit {code})"
            print(
                f"{kb:>5} kB: {wall:6.1f} s wall  {cpu:6.1f} s CPU  peak RSS {peak:6.0f} MB  "
                f"load {load:.2f}{status}",
                flush=True,
            )


if __name__ == "__main__":
    main()
