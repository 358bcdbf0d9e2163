"""List the PolNeAR gold attributions the extractor misses, grouped by cue.

    python benchmarks/polnear_misses.py [--data DIR] [--half even|odd|all]
        [--examples N] [--top N] [--scores]

A gold relation is *missed* when no predicted cue shares a character with its
cue. Misses are grouped by the cue's head word (lower-cased) and by a rough
construction: whether that word is a known cue verb form or cue noun, an
"according to" phrase, or a cue the lists lack. ``--half`` keeps the texts of
one half of the split (sorted by file name, even or odd positions), so rules
can be found on one half and checked on the other; ``--scores`` prints the
exact-span P/R/F1 of each role on that half (as ``benchmarks/polnear.py``).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from benchmarks.polnear import DEFAULT_DATA, ROLES, Scores, gold_files, predicted, read_gold, score
from summarize.evidence.attribution import extract_many
from summarize.evidence.cues import form_table
from summarize.lang.function_words import AUXILIARIES, DETERMINERS, FUNCTION_WORDS
from summarize.lang.verbs import NOUN_CUES
from summarize.models import Article


@dataclass(frozen=True)
class GoldRelation:
    text_name: str
    cue: tuple[tuple[int, int], ...]
    cue_text: str
    sentence: str


def _spans(path: Path) -> dict[str, tuple[str, tuple[tuple[int, int], ...]]]:
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and parts[0].startswith("T"):
            kind, _, ranges = parts[1].partition(" ")
            frags = tuple((int(a), int(b)) for a, b in (r.split() for r in ranges.split(";")))
            out[parts[0]] = (kind, frags)
    return out


def gold_relations(text_path: Path, ann: Path) -> list[GoldRelation]:
    text = text_path.read_text(encoding="utf-8")
    spans = _spans(ann)
    rels = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        if not line.startswith("E"):
            continue
        args = dict(a.split(":", 1) for a in line.split("\t")[1].split()[1:])
        cue_id = args.get("Cue")
        if cue_id is None or cue_id not in spans:
            continue
        frags = spans[cue_id][1]
        a, b = frags[0][0], frags[-1][1]
        start = text.rfind("\n", 0, a) + 1
        end = text.find("\n", b)
        sentence = text[max(start, a - 160) : min(end if end >= 0 else len(text), b + 160)]
        cue_text = " ".join(text[x:y] for x, y in frags)
        rels.append(GoldRelation(text_path.stem, frags, cue_text, sentence.replace("\n", " ")))
    return rels


def construction(cue_text: str) -> tuple[str, str]:
    """(class, head word) of a gold cue."""
    words = [w.strip(".,:;\"'\u201c\u201d()").lower() for w in cue_text.split()]
    words = [w for w in words if w]
    if not words:
        return "empty", ""
    if "according" in words:
        return "according to", "according"
    forms = form_table()
    known = [forms[w.replace("\u2019", "'")] for w in words if w.replace("\u2019", "'") in forms]
    if known:
        return "known verb form", known[0]
    nouns = [w for w in words if w in NOUN_CUES]
    if nouns:
        return "known noun", nouns[0]
    skip = FUNCTION_WORDS | AUXILIARIES | DETERMINERS
    heads = [w for w in words if w not in skip and not w.endswith("ly")]
    return "not in lists", (heads or words)[0]


def half(pairs: list[tuple[Path, Path]], which: str) -> list[tuple[Path, Path]]:
    if which == "all":
        return pairs
    return pairs[0::2] if which == "even" else pairs[1::2]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--half", choices=("even", "odd", "all"), default="even")
    parser.add_argument("--examples", type=int, default=2, help="examples shown per cue word")
    parser.add_argument("--top", type=int, default=40, help="cue words listed")
    parser.add_argument("--scores", action="store_true", help="print exact P/R/F1 only")
    args = parser.parse_args(argv)
    pairs = half(gold_files(args.data), args.half)
    if not pairs:
        print(f"no PolNeAR texts under {args.data}", file=sys.stderr)
        return 2
    articles = [Article(id=t.stem, text=t.read_text(encoding="utf-8")) for t, _ in pairs]
    results = extract_many(articles)
    if args.scores:
        scores = Scores()
        for (_, ann), rels in zip(pairs, results, strict=True):
            score(scores, predicted(rels), read_gold(ann))
        print(f"PolNeAR dev, {args.half} half: {len(pairs)} texts, exact P / R / F1")
        for role in ROLES:
            p, r, f = scores.exact[role].prf()
            print(f"  {role:<8} {100 * p:5.1f} / {100 * r:5.1f} / {100 * f:5.1f}")
        return 0
    classes: Counter[str] = Counter()
    words: Counter[tuple[str, str]] = Counter()
    examples: dict[tuple[str, str], list[str]] = defaultdict(list)
    total = 0
    for (text_path, ann), rels in zip(pairs, results, strict=True):
        cues = {i for rel in rels for i in range(rel.cue.start, rel.cue.end)}
        for gold in gold_relations(text_path, ann):
            total += 1
            if any(i in cues for a, b in gold.cue for i in range(a, b)):
                continue
            kind, word = construction(gold.cue_text)
            classes[kind] += 1
            words[(kind, word)] += 1
            examples[(kind, word)].append(f"[{gold.cue_text}] {gold.sentence}")
    missed = sum(classes.values())
    print(f"{args.half} half: {len(pairs)} texts, {total} gold relations, {missed} missed cues")
    for kind, n in classes.most_common():
        print(f"  {n:4d}  {kind}")
    print()
    for (kind, word), n in words.most_common(args.top):
        print(f"{n:4d}  {word!r:<16} {kind}")
        for example in examples[(kind, word)][: args.examples]:
            print(f"        {example[:300]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
