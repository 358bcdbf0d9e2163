"""Score the attribution extractor on the PolNeAR development split.

    python benchmarks/polnear.py [--data DIR] [--limit N] [--processes P]

Gold: ``attributions/*.ann`` (BRAT standoff: ``Source``, ``Cue`` and
``Content`` spans, possibly in several fragments). A text annotated by more
than one annotator is scored against one of them only: the ``.ann`` whose
annotator suffix (after the last ``_``) sorts first.

Each role is scored as a set of spans per text, like a span tagger:

- exact: a predicted span counts if some gold span of the same role has the
  very same character fragments (a split quote must match in both pieces);
- overlap: predicted and gold spans of one role are paired one-to-one when they
  share at least one character (greedy, in text order);
- chars: precision/recall over the characters covered by each role.

Throughput is articles per second (wall clock) over every text scored, model
load excluded and included (the load is timed separately, in this process),
plus the CPU time spent, which does not depend on what else the machine runs.
Each process count is timed in its own child forked from the freshly loaded
pipeline (by default 1 process, then one per CPU), and must give the very same
relations; the scores are those relations'.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from summarize.evidence.attribution import extract_many
from summarize.evidence.nlp import load_nlp
from summarize.evidence.types import Attribution
from summarize.models import Article

ROLES = ("Source", "Cue", "Content")
PUBLISHED = {  # exact-span F1, CofeNet (COLING 2022), sentence level
    "rule baseline": (10.7, 22.8, 5.6),
    "BERT-CRF": (82.2, 74.9, 71.0),
    "BERT + CofeNet": (83.2, 75.3, 72.9),
}
DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear-dev"

Fragments = tuple[tuple[int, int], ...]


def read_gold(path: Path) -> dict[str, set[Fragments]]:
    """Spans of each role in one ``.ann`` file."""
    spans: dict[str, set[Fragments]] = {role: set() for role in ROLES}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2 or not parts[0].startswith("T"):
            continue
        kind, _, ranges = parts[1].partition(" ")
        if kind in spans:
            frags = tuple((int(a), int(b)) for a, b in (r.split() for r in ranges.split(";")))
            spans[kind].add(frags)
    return spans


def gold_files(data: Path) -> list[tuple[Path, Path]]:
    """``(text, annotation)`` pairs, one annotator per text (first by suffix)."""
    chosen: dict[str, Path] = {}
    for ann in sorted(
        (data / "attributions").glob("*.ann"), key=lambda p: p.stem.rsplit("_", 1)[::-1]
    ):
        chosen.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    pairs = []
    for stem, ann in sorted(chosen.items()):
        text = data / "text" / f"{stem}.txt"
        if text.is_file():
            pairs.append((text, ann))
    return pairs


def predicted(rels: Iterable[Attribution]) -> dict[str, set[Fragments]]:
    spans: dict[str, set[Fragments]] = {role: set() for role in ROLES}
    for rel in rels:
        if rel.source is not None:
            spans["Source"].add(((rel.source.start, rel.source.end),))
        spans["Cue"].add(((rel.cue.start, rel.cue.end),))
        parts = rel.content_parts or [rel.content]
        spans["Content"].add(tuple((p.start, p.end) for p in parts))
    return spans


@dataclass
class Counts:
    pred: int = 0
    gold: int = 0
    hit: int = 0

    def prf(self, hit_gold: int | None = None) -> tuple[float, float, float]:
        p = self.hit / self.pred if self.pred else 0.0
        r = (self.hit if hit_gold is None else hit_gold) / self.gold if self.gold else 0.0
        return p, r, 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Scores:
    exact: dict[str, Counts] = field(default_factory=lambda: {r: Counts() for r in ROLES})
    overlap: dict[str, Counts] = field(default_factory=lambda: {r: Counts() for r in ROLES})
    chars: dict[str, Counts] = field(default_factory=lambda: {r: Counts() for r in ROLES})


def _chars(spans: set[Fragments]) -> set[int]:
    return {i for frags in spans for a, b in frags for i in range(a, b)}


def _overlap_pairs(pred: set[Fragments], gold: set[Fragments]) -> int:
    taken: set[Fragments] = set()
    hits = 0
    for p in sorted(pred):
        pc = _chars({p})
        for g in sorted(gold):
            if g not in taken and pc & _chars({g}):
                taken.add(g)
                hits += 1
                break
    return hits


def score(scores: Scores, pred: dict[str, set[Fragments]], gold: dict[str, set[Fragments]]) -> None:
    for role in ROLES:
        p, g = pred[role], gold[role]
        for kind, hit in (("exact", len(p & g)), ("overlap", _overlap_pairs(p, g))):
            counts = getattr(scores, kind)[role]
            counts.pred += len(p)
            counts.gold += len(g)
            counts.hit += hit
        pc, gc = _chars(p), _chars(g)
        c = scores.chars[role]
        c.pred += len(pc)
        c.gold += len(gc)
        c.hit += len(pc & gc)


def _row(name: str, cells: Iterable[float]) -> str:
    return f"| {name:<34} | " + " | ".join(f"{v:6.1f}" for v in cells) + " |"


def report(scores: Scores, n: int) -> str:
    lines = [
        f"PolNeAR dev: {n} texts (first annotator per text)",
        "",
        "| F1                                 | source |    cue | content |",
        "|------------------------------------|--------|--------|---------|",
    ]
    for kind in ("exact", "overlap", "chars"):
        f1 = (100 * getattr(scores, kind)[r].prf()[2] for r in ROLES)
        lines.append(_row(f"summarize, {kind}", f1))
    for name, values in PUBLISHED.items():
        lines.append(_row(f"{name} (published, exact)", values))
    lines += [
        "",
        "| P / R                              | source      | cue         | content     |",
    ]
    lines.append("|------------------------------------|-------------|-------------|-------------|")
    for kind in ("exact", "overlap", "chars"):
        cells = []
        for role in ROLES:
            p, r, _ = getattr(scores, kind)[role].prf()
            cells.append(f"{100 * p:4.1f} / {100 * r:4.1f}")
        lines.append(f"| summarize, {kind:<23} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def throughput_line(n: int, load_s: float, run_s: float, cpu_s: float, processes: int) -> str:
    return (
        f"throughput ({processes} process{'es' if processes > 1 else ''}): "
        f"{n / run_s:.1f} articles/s model load excluded, "
        f"{n / (run_s + load_s):.1f} articles/s included "
        f"(load {load_s:.2f} s, extraction {run_s:.2f} s, CPU {cpu_s:.2f} s)"
    )


def _cpu_seconds() -> float:
    """CPU time of this process and its finished worker processes."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


Timed = tuple[list[list[Attribution]], float, float]


def _timed(articles: list[Article], processes: int, batch_size: int) -> Timed:
    cpu_started = _cpu_seconds()
    started = time.perf_counter()
    results = extract_many(articles, n_process=processes, batch_size=batch_size)
    return results, time.perf_counter() - started, _cpu_seconds() - cpu_started


def _timed_cold(articles: list[Article], processes: int, batch_size: int) -> Timed:
    """:func:`_timed` in a child forked from the freshly loaded pipeline, so no
    run is sped up by the word cache an earlier run filled."""
    if "fork" not in mp.get_all_start_methods():
        return _timed(articles, processes, batch_size)
    ctx = mp.get_context("fork")
    receive, send = ctx.Pipe(duplex=False)

    def child() -> None:
        send.send(_timed(articles, processes, batch_size))

    proc = ctx.Process(target=child)
    proc.start()
    timed: Timed = receive.recv()
    proc.join()
    return timed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=None, help="score only the first N texts")
    parser.add_argument(
        "--processes",
        default=f"1,{os.cpu_count() or 1}",
        help="comma-separated parser process counts to time, each over every text "
        "(default: 1 and this machine's CPU count)",
    )
    parser.add_argument("--batch-size", type=int, default=32, help="texts per parser batch")
    args = parser.parse_args(argv)
    pairs = gold_files(args.data)[: args.limit]
    if not pairs:
        print(f"no PolNeAR texts under {args.data}", file=sys.stderr)
        return 2
    articles = [Article(id=t.stem, text=t.read_text(encoding="utf-8")) for t, _ in pairs]
    started = time.perf_counter()
    load_nlp()
    load_s = time.perf_counter() - started
    load_avg = os.getloadavg()[0]
    counts = list(dict.fromkeys(int(c) for c in args.processes.split(",")))
    timings: list[str] = []
    first: list[list[Attribution]] | None = None
    for processes in counts:
        results, run_s, cpu_s = _timed_cold(articles, processes, args.batch_size)
        if first is not None and results != first:
            print(f"{processes} processes gave other relations than {counts[0]}", file=sys.stderr)
            return 1
        first = first or results
        timings.append(throughput_line(len(articles), load_s, run_s, cpu_s, processes))
    scores = Scores()
    for (_, ann), rels in zip(pairs, first or [], strict=True):
        score(scores, predicted(rels), read_gold(ann))
    print(report(scores, len(articles)))
    print()
    print("\n".join(timings))
    print(f"1-minute load average at start {load_avg:.2f} on {os.cpu_count()} cores")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
