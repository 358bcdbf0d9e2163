"""Does the narrator-voice loaded-term score tell neutral writing from slanted writing?

Over every AllSides story (``../shared/data/allsides/allsides-2021.jsonl``) with
an editors' roundup and a left, centre and right article, count loaded terms
in the narrator's voice (``summarize.neutrality.find_loaded``: the project's
lexicon, quoted text excluded) per 100 words, for the roundup and for each
side. The editors write their roundups to be neutral, so a valid score puts
the roundups below the left and right articles on average.

    python benchmarks/neutrality_validity.py [--data PATH] [--json]

Prints the mean per-story rate, the pooled rate (all hits / all words), how
often the roundup scores below each side in the same story, and the hits by
lexicon category. Nothing here is tuned to pass: the numbers are what they are.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from summarize.neutrality import find_loaded, word_count

SIDES = ("left", "center", "right")
DEFAULT_DATA = (
    Path(__file__).resolve().parents[1].parent / "shared/data/allsides/allsides-2021.jsonl"
)


def stories(path: Path) -> list[dict[str, Any]]:
    """Stories with a roundup and all three sides."""
    out = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            news = row.get("news") or {}
            if row.get("roundup") and all((news.get(s) or {}).get("newBody") for s in SIDES):
                out.append(row)
    return out


def texts(story: dict[str, Any]) -> dict[str, str]:
    """The roundup and each side's body, paragraphs joined by blank lines."""
    out = {"roundup": "\n\n".join(story["roundup"])}
    for side in SIDES:
        out[side] = "\n\n".join(story["news"][side]["newBody"])
    return out


def measure(rows: list[dict[str, Any]]) -> dict[str, Any]:
    kinds = ("roundup", *SIDES)
    rates: dict[str, list[float]] = {k: [] for k in kinds}
    hits: dict[str, int] = dict.fromkeys(kinds, 0)
    words: dict[str, int] = dict.fromkeys(kinds, 0)
    categories: dict[str, Counter[str]] = {k: Counter() for k in kinds}
    terms: dict[str, Counter[str]] = {k: Counter() for k in kinds}
    lower: dict[str, int] = dict.fromkeys(SIDES, 0)
    higher: dict[str, int] = dict.fromkeys(SIDES, 0)
    for story in rows:
        per: dict[str, float] = {}
        for kind, text in texts(story).items():
            found = find_loaded(text)
            n_words = word_count(text)
            per[kind] = 100.0 * len(found) / n_words if n_words else 0.0
            rates[kind].append(per[kind])
            hits[kind] += len(found)
            words[kind] += n_words
            categories[kind].update(h.category for h in found)
            terms[kind].update(h.term for h in found)
        for side in SIDES:
            lower[side] += per["roundup"] < per[side]
            higher[side] += per["roundup"] > per[side]
    return {
        "stories": len(rows),
        "mean_per_100_words": {k: round(statistics.fmean(v), 3) for k, v in rates.items()},
        "pooled_per_100_words": {
            k: round(100.0 * hits[k] / words[k], 3) if words[k] else 0.0 for k in kinds
        },
        "hits": hits,
        "words": words,
        "roundup_strictly_lower_than": {s: round(lower[s] / len(rows), 3) for s in SIDES},
        "roundup_strictly_higher_than": {s: round(higher[s] / len(rows), 3) for s in SIDES},
        "by_category": {k: dict(categories[k].most_common()) for k in kinds},
        "top_terms": {k: terms[k].most_common(12) for k in kinds},
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--json", action="store_true", help="print the numbers as JSON")
    args = parser.parse_args()
    if not args.data.is_file():
        print(f"AllSides data not found at {args.data} (it lives in ../shared)", file=sys.stderr)
        return 2
    result = measure(stories(args.data))
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"AllSides stories with a roundup and three sides: {result['stories']}")
    print(f"{'text':<8} {'mean/100w':>10} {'pooled/100w':>12} {'hits':>6} {'words':>8}")
    for kind in ("roundup", *SIDES):
        print(
            f"{kind:<8} {result['mean_per_100_words'][kind]:>10.3f} "
            f"{result['pooled_per_100_words'][kind]:>12.3f} {result['hits'][kind]:>6} "
            f"{result['words'][kind]:>8}"
        )
    for side in SIDES:
        share = result["roundup_strictly_lower_than"][side]
        worse = result["roundup_strictly_higher_than"][side]
        print(
            f"roundup lower than {side} in {share:.1%} of stories, higher in {worse:.1%} "
            "(the rest are ties, mostly 0 = 0)"
        )
    mean = result["mean_per_100_words"]
    verdict = mean["roundup"] < mean["left"] and mean["roundup"] < mean["right"]
    print(f"roundups below left and right on average: {'yes' if verdict else 'NO'}")
    for kind in ("roundup", *SIDES):
        print(f"top terms, {kind}: " + ", ".join(f"{t} {n}" for t, n in result["top_terms"][kind]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
