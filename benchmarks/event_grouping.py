"""How well event grouping separates the events of a mixed folder.

Builds folders from AllSides 2021 stories (each story: one event, reported by a
left, a centre and a right outlet) with a fixed seed and compares the groups
:func:`summarize.evidence.grouping.group_events` finds with the stories:

- **mixed folders**: one story's three articles plus one or two articles from
  each of one to three other stories; pairwise precision/recall (a pair of
  articles in one group is right when they come from one story), the adjusted
  Rand index, and how often the largest group is exactly the main story;
- **single-story folders**: every story alone; any split is a false one.

Stories are split by their position in the file: the even ones were looked at
while choosing the threshold (``--stories tune``), the odd ones were not
(``--stories held-out``, the default). ``--merge-at`` tries another threshold.

    PYTHONPATH=. .venv/bin/python benchmarks/event_grouping.py [--stories tune|held-out|all]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from collections.abc import Sequence
from math import comb
from pathlib import Path

from summarize.evidence.features import DocumentFeatures, document_features
from summarize.evidence.grouping import MERGE_AT, group_events

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "allsides"
SEED = 12
FOLDERS = 300

Story = tuple[int, list[DocumentFeatures]]


def load_stories(path: Path) -> list[Story]:
    """Stories with all three articles, in file order; article ids ``<story>-<side>``."""
    out: list[Story] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        story = json.loads(line)
        feats = []
        for side in ("left", "center", "right"):
            item = (story.get("news") or {}).get(side) or {}
            if item.get("newBody"):
                title = item.get("newsTitle") or ""
                text = title + "\n" + "\n".join(item["newBody"])
                feats.append(document_features(f"{story['id']}-{side}", text, headline=title))
        if len(feats) == 3:
            out.append((int(story["id"]), feats))
    return out


def pair_counts(truth: Sequence[int], found: Sequence[int]) -> tuple[int, int, int]:
    """(pairs together in both, together in ``found``, together in ``truth``)."""
    both = same_found = same_truth = 0
    for i in range(len(truth)):
        for j in range(i + 1, len(truth)):
            t, f = truth[i] == truth[j], found[i] == found[j]
            both += t and f
            same_found += f
            same_truth += t
    return both, same_found, same_truth


def adjusted_rand(truth: Sequence[int], found: Sequence[int]) -> float:
    """Hubert and Arabie's adjusted Rand index of two labellings."""
    n = len(truth)
    index = sum(comb(c, 2) for c in Counter(zip(truth, found, strict=True)).values())
    a = sum(comb(c, 2) for c in Counter(truth).values())
    b = sum(comb(c, 2) for c in Counter(found).values())
    expected = a * b / comb(n, 2)
    top = (a + b) / 2
    return 1.0 if top == expected else (index - expected) / (top - expected)


def labels(folder: Sequence[DocumentFeatures], merge_at: float) -> tuple[list[int], list[str]]:
    groups = group_events(folder, merge_at)
    where = {d: k for k, g in enumerate(groups) for d in g.documents}
    return [where[f.document] for f in folder], list(groups[0].documents)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stories", choices=("tune", "held-out", "all"), default="held-out")
    parser.add_argument("--merge-at", type=float, default=MERGE_AT)
    parser.add_argument("--folders", type=int, default=FOLDERS)
    args = parser.parse_args()
    path = DATA / "allsides-2021.jsonl"
    if not path.exists():
        print(f"skipped: {path} not found", file=sys.stderr)
        return 0
    stories = load_stories(path)
    if args.stories == "tune":
        stories = stories[::2]
    elif args.stories == "held-out":
        stories = stories[1::2]
    rng = random.Random(SEED)
    both = same_found = same_truth = exact_main = 0
    aris: list[float] = []
    for _ in range(args.folders):
        main_story, *others = rng.sample(stories, rng.randint(2, 4))
        folder = list(main_story[1])
        truth = [main_story[0]] * 3
        for sid, feats in others:
            picked = rng.sample(feats, rng.randint(1, 2))
            folder += picked
            truth += [sid] * len(picked)
        order = list(range(len(folder)))
        rng.shuffle(order)
        folder = [folder[i] for i in order]
        truth = [truth[i] for i in order]
        found, main_docs = labels(folder, args.merge_at)
        b, f, t = pair_counts(truth, found)
        both, same_found, same_truth = both + b, same_found + f, same_truth + t
        aris.append(adjusted_rand(truth, found))
        expected = sorted(d.document for d in main_story[1])
        exact_main += sorted(main_docs) == expected
    split = sum(len(group_events(feats, args.merge_at)) > 1 for _, feats in stories)
    print(f"stories: {args.stories} ({len(stories)}), merge at {args.merge_at}, seed {SEED}")
    print(f"mixed folders: {args.folders} (2-4 stories, 4-9 articles)")
    print(f"  pairwise precision {both / max(same_found, 1):.3f}")
    print(f"  pairwise recall    {both / max(same_truth, 1):.3f}")
    print(f"  mean adjusted Rand {sum(aris) / len(aris):.3f}")
    print(f"  largest group is exactly the main story: {exact_main / args.folders:.1%}")
    print(f"single-story folders split (false): {split}/{len(stories)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
