"""The offline engine on the NeuS test split (307 AllSides stories, three articles
each), beside the ten published systems, by the project's own measures.

    PYTHONPATH=. .venv/bin/python benchmarks/neus.py                  # run and score
    PYTHONPATH=. .venv/bin/python benchmarks/neus.py --save S.jsonl   # also keep the summaries
    PYTHONPATH=. .venv/bin/python benchmarks/neus.py --load S.jsonl   # score kept summaries
    PYTHONPATH=. .venv/bin/python benchmarks/neus.py --limit 153      # tuning half, test_0..152
    PYTHONPATH=. .venv/bin/python benchmarks/neus.py --skip 153       # held-out half, test_153..306

Each cluster's three "title. body" strings are one folder (articles d1, d2, d3).
Printed per system: ROUGE-1/2/L F1 against the editors' roundup (``target``),
narrator loaded terms per 100 words (``summarize.neutrality.find_loaded``,
quoted passages excluded), mean words; for the offline engine also the share of
opening-only summaries (nothing but "N articles report on ..." and bookkeeping
sentences) and invented casualty sentences ("N people were killed/injured" whose
number is no killed/injured count in the sources by ``find_figures``).

ROUGE is this file's own: lowercase, tokens ``[a-z0-9]+``, no stemming, no
stop-word removal; ROUGE-N on clipped n-gram counts, ROUGE-L on the longest
common subsequence of the whole text; F1 per summary, macro-averaged, x100.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


def _data_dir() -> Path:
    """``shared/data/neus-test`` beside the checkout (or one of its parents')."""
    for parent in Path(__file__).resolve().parents:
        candidate = parent / "shared" / "data" / "neus-test"
        if candidate.is_dir():
            return candidate
    return Path("shared/data/neus-test")


DATA = _data_dir()
_TOKEN_RE = re.compile(r"[a-z0-9]+")
_SENTENCE_RE = re.compile(r"(?<=[.!?])[\"\u201d)]?\s+(?=[A-Z\"\u201c(])")
_OPENING_RE = re.compile(r"^\w+ articles? reports? on\b")
_BOOKKEEPING_RE = re.compile(r"^(?:Articles? .* share agency text|Article \S+ was left out)")
_CASUALTY_RE = re.compile(
    r"(?P<num>\d[\d,]*|[A-Za-z]+(?:\s+(?:thousand|million))?)\s+(?P<noun>[a-z]+)\s+"
    r"(?:was|were)\s+(?P<kind>killed|injured)\b"
)


def tokens(text: str) -> list[str]:
    """Lowercased alphanumeric tokens."""
    return _TOKEN_RE.findall(text.lower())


def _f1(overlap: int, produced: int, reference: int) -> float:
    if not overlap or not produced or not reference:
        return 0.0
    precision, recall = overlap / produced, overlap / reference
    return 2 * precision * recall / (precision + recall)


def rouge_n(candidate: Sequence[str], reference: Sequence[str], n: int) -> float:
    """ROUGE-N F1 on clipped n-gram counts."""
    cand = Counter(tuple(candidate[i : i + n]) for i in range(len(candidate) - n + 1))
    ref = Counter(tuple(reference[i : i + n]) for i in range(len(reference) - n + 1))
    overlap = sum((cand & ref).values())
    return _f1(overlap, sum(cand.values()), sum(ref.values()))


def lcs_length(a: Sequence[str], b: Sequence[str]) -> int:
    """Length of the longest common subsequence (bit-parallel, Hyyro 2004)."""
    if not a or not b:
        return 0
    masks: dict[str, int] = {}
    for i, tok in enumerate(a):
        masks[tok] = masks.get(tok, 0) | (1 << i)
    full = (1 << len(a)) - 1
    v = full
    for tok in b:
        u = v & masks.get(tok, 0)
        v = ((v + u) | (v - u)) & full
    return len(a) - bin(v).count("1")


def rouge_l(candidate: Sequence[str], reference: Sequence[str]) -> float:
    """ROUGE-L F1 on the longest common subsequence."""
    return _f1(lcs_length(candidate, reference), len(candidate), len(reference))


def sentences(text: str) -> list[str]:
    """The summary's sentences (simple split after . ! ? before a capital)."""
    return [s.strip() for s in _SENTENCE_RE.split(text.strip()) if s.strip()]


def opening_only(summary: str) -> bool:
    """True when the summary says nothing beyond "N articles report on the X."."""
    rest = [
        s for s in sentences(summary) if not _OPENING_RE.match(s) and not _BOOKKEEPING_RE.match(s)
    ]
    return not rest


def invented_casualties(summary: str, sources: Sequence[str]) -> list[str]:
    """Casualty sentences whose number is no killed/injured count in the sources."""
    from summarize.evidence.figures import find_figures, parse_number

    counts = {(f.kind, f.value) for text in sources for f in find_figures(text)}
    invented: list[str] = []
    for match in _CASUALTY_RE.finditer(summary):
        words = match.group("num").split()
        value = parse_number(words[0], words[1] if len(words) > 1 else None)
        if value is None:
            continue
        if (match.group("kind"), value) not in counts:
            invented.append(match.group(0))
    return invented


def loaded_terms(summary: str) -> int:
    """Loaded terms in the narrator's voice (outside quotation marks)."""
    from summarize.neutrality import find_loaded

    return len(find_loaded(summary))


@dataclass
class Row:
    """One system's scores."""

    name: str
    r1: float = 0.0
    r2: float = 0.0
    rl: float = 0.0
    loaded: int = 0
    words: int = 0
    n: int = 0

    def add(self, summary: str, target: str) -> None:
        cand, ref = tokens(summary), tokens(target)
        self.r1 += rouge_n(cand, ref, 1)
        self.r2 += rouge_n(cand, ref, 2)
        self.rl += rouge_l(cand, ref)
        self.loaded += loaded_terms(summary)
        self.words += len(summary.split())
        self.n += 1

    def cells(self) -> str:
        n = max(self.n, 1)
        per100 = 100 * self.loaded / max(self.words, 1)
        return (
            f"{self.name:28} {100 * self.r1 / n:6.1f} {100 * self.r2 / n:6.1f} "
            f"{100 * self.rl / n:6.1f} {per100:8.2f} {self.words / n:7.1f}"
        )


def load_clusters() -> list[dict[str, object]]:
    """test_0 ... test_306, in order."""
    files = sorted((DATA / "clusters").glob("test_*.json"), key=lambda p: int(p.stem.split("_")[1]))
    return [json.loads(p.read_text(encoding="utf-8")) for p in files]


def add_range_options(parser: argparse.ArgumentParser) -> None:
    """``--limit`` and ``--skip``: which clusters a NeuS benchmark reads (tuning half
    ``--limit 153``, held-out half ``--skip 153``)."""
    parser.add_argument("--limit", type=int, default=0, help="first N clusters only")
    parser.add_argument(
        "--skip", type=int, default=0, help="leave out the first N clusters (held-out half: 153)"
    )


def chosen_clusters(args: argparse.Namespace) -> tuple[list[dict[str, object]], list[int]] | None:
    """The clusters ``--skip`` / ``--limit`` choose and their numbers, or None (with a
    message) when the NeuS data is not beside the checkout."""
    if not (DATA / "clusters").is_dir():
        print(f"skipped: {DATA} not found", file=sys.stderr)
        return None
    every = load_clusters()
    numbers = list(range(len(every)))[args.skip :]
    clusters = every[args.skip :]
    if args.limit:
        clusters, numbers = clusters[: args.limit], numbers[: args.limit]
    return clusters, numbers


def offline_summaries(clusters: Sequence[dict[str, object]], progress: bool) -> list[str]:
    """The offline engine's summary for each cluster."""
    from summarize import summarize_articles
    from summarize.models import Article

    out: list[str] = []
    start = time.monotonic()
    for i, cluster in enumerate(clusters):
        sources = [str(s) for s in cluster["source"]]  # type: ignore[attr-defined]
        articles = [Article(id=f"d{k + 1}", text=text) for k, text in enumerate(sources)]
        out.append(summarize_articles(articles, engine="offline").summary)
        if progress and (i + 1) % 25 == 0:
            elapsed = time.monotonic() - start
            print(f"  {i + 1}/{len(clusters)} clusters, {elapsed:.0f} s", file=sys.stderr)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--save", type=Path, help="write the offline summaries (JSON lines)")
    parser.add_argument("--load", type=Path, help="score these summaries instead of running")
    add_range_options(parser)
    args = parser.parse_args(argv)
    chosen = chosen_clusters(args)
    if chosen is None:
        return 0
    clusters, numbers = chosen
    if args.load:
        # each line names its cluster ("test_<n>"); older files without it are in order
        lines = [json.loads(line) for line in args.load.read_text(encoding="utf-8").splitlines()]
        kept = {str(r.get("cluster", f"test_{i}")): str(r["summary"]) for i, r in enumerate(lines)}
        summaries = [kept[f"test_{n}"] for n in numbers]
    else:
        summaries = offline_summaries(clusters, progress=True)
    if args.save:
        args.save.write_text(
            "".join(
                json.dumps({"cluster": f"test_{n}", "summary": s}) + "\n"
                for n, s in zip(numbers, summaries, strict=True)
            ),
            encoding="utf-8",
        )
    targets = [str(c["target"]) for c in clusters]
    rows = [Row("summarize offline")]
    opening = 0
    invented: list[str] = []
    casualty_sentences = 0
    for summary, cluster, target in zip(summaries, clusters, targets, strict=True):
        rows[0].add(summary, target)
        opening += opening_only(summary)
        casualty_sentences += len(_CASUALTY_RE.findall(summary))
        invented += invented_casualties(summary, [str(s) for s in cluster["source"]])  # type: ignore[attr-defined]
    for path in sorted((DATA / "systems").glob("*.txt")):
        row = Row(path.stem)
        outputs = path.read_text(encoding="utf-8").splitlines()
        outputs = [outputs[n] for n in numbers if n < len(outputs)]
        for output, target in zip(outputs, targets, strict=False):
            row.add(output, target)
        rows.append(row)
    print(f"NeuS test: {len(clusters)} clusters (3 articles each)")
    print(f"{'system':28} {'R-1':>6} {'R-2':>6} {'R-L':>6} {'loaded%':>8} {'words':>7}")
    for row in sorted(rows, key=lambda r: -r.r1):
        print(row.cells())
    print(
        f"offline: opening-only summaries {opening}/{len(summaries)} "
        f"({100 * opening / max(len(summaries), 1):.1f}%); casualty sentences "
        f"{casualty_sentences}, invented {len(invented)}"
    )
    for sentence in invented:
        print(f"  invented: {sentence}")
    print("(loaded% = narrator loaded terms per 100 words; ROUGE: own, lowercase, no stemming)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
