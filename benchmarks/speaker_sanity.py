"""Junk speakers in the offline engine's claims on the NeuS test clusters.

    PYTHONPATH=. .venv/bin/python benchmarks/speaker_sanity.py [--split 153] [--limit N]

A claim's speaker is *junk* when it is a single capitalised word that names no
person, organisation or group: spaCy's entity recogniser, run over the cluster's
three articles, never tags that word as (part of) a PERSON, nor as a whole ORG or
NORP, and it is no title or body word of :mod:`summarize.lang.titles` ("Police",
"Officials"; a body's head word alone, "Bureau", is none). "Tuesday",
"Hollywood", "Island", "Labor" (of "the Department of Labor") and "Bureau" (of
"Portland's Police Bureau") are junk; "Iran" (tagged GPE: a country speaking for its
government), plurals ("Residents") and lower-case nouns ("the mechanic") are
counted apart, not as junk.

The clusters are split in two: test_0 .. test_{split-1} (the half rules were tuned
on) and test_{split} .. test_306 (left untouched); counts are printed per half,
with every junk speaker and every GPE speaker and the sentence each came from.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import cast

from neus import DATA, load_clusters

from summarize import summarize_articles
from summarize.evidence.nlp import load_ner
from summarize.lang.titles import GENERIC_SPEAKER_WORDS, ORG_WORDS, PERSON_TITLES
from summarize.models import Article

#: Single words that name a speaker: titles ("President"), bodies named by one word
#: ("Congress", "Police"). A body's head word that needs its name ("Bureau",
#: "Department", "Campaign") is not here: alone it is the fragment of a name.
TITLE_LIST = PERSON_TITLES | ORG_WORDS | GENERIC_SPEAKER_WORDS
_WORD_RE = re.compile(r"[\w][\w.'\u2019-]*")


@dataclass
class Half:
    name: str
    clusters: int = 0
    claims: int = 0
    single: int = 0
    kinds: Counter[str] = field(default_factory=Counter)
    junk: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)

    def line(self) -> str:
        kinds = ", ".join(f"{k} {n}" for k, n in sorted(self.kinds.items()))
        rate = 100 * len(self.junk) / max(self.claims, 1)
        return (
            f"{self.name}: {self.clusters} clusters, {self.claims} claims, "
            f"{self.single} single-word speakers ({kinds}); junk {len(self.junk)} "
            f"= {rate:.1f}% of claims"
        )


def _labels(texts: Sequence[str]) -> dict[str, set[str]]:
    """Lower-cased word or name -> the entity labels it was given in ``texts``:
    a PERSON's every word, an ORG's/NORP's/GPE's whole name (without "the")."""
    out: dict[str, set[str]] = {}
    for doc in load_ner().pipe(texts):
        for ent in doc.ents:
            name = re.sub(r"^the\s+", "", ent.text.strip(), flags=re.IGNORECASE)
            name = re.sub(r"['\u2019]s$", "", name).lower()
            out.setdefault(name, set()).add(ent.label_)
            if ent.label_ == "PERSON":
                for word in name.split():
                    out.setdefault(word, set()).add("PERSON")
    return out


def kind_of(name: str, labels: dict[str, set[str]]) -> str:
    """``person``, ``org``, ``group``, ``title``, ``government`` (GPE), ``plural``,
    ``description`` (a lower-case common noun) or ``junk``."""
    word = name.lower().strip(".,'\u2019")
    tags = labels.get(word, set())
    if "PERSON" in tags:
        return "person"
    if "ORG" in tags:
        return "org"
    if "NORP" in tags:
        return "group"
    if word in TITLE_LIST:
        return "title"
    if "GPE" in tags:
        return "government"
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return "plural"
    if name[:1].islower():
        return "description"  # "the mechanic": a person by a common noun
    return "junk"


def count(clusters: Sequence[tuple[int, list[str]]], half: Half) -> None:
    for number, sources in clusters:
        articles = [Article(id=f"d{k + 1}", text=text) for k, text in enumerate(sources)]
        summary = summarize_articles(articles, engine="offline")
        labels = _labels(sources)
        half.clusters += 1
        for claim in summary.claims:
            half.claims += 1
            words = _WORD_RE.findall(claim.speaker.name)
            if len(words) != 1:
                continue
            half.single += 1
            kind = kind_of(words[0], labels)
            half.kinds[kind] += 1
            if kind in ("junk", "government"):
                quote = claim.evidence[0].quote[:100].replace("\n", " ")
                line = f"test_{number}: {claim.speaker.name!r} <- {quote!r}"
                (half.junk if kind == "junk" else half.places).append(line)
        if half.clusters % 25 == 0:
            print(f"  {half.name}: {half.clusters} clusters", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--split", type=int, default=153, help="first untouched cluster")
    parser.add_argument("--limit", type=int, default=0, help="first N clusters of each half")
    parser.add_argument("--half", choices=("tuned", "untouched", "both"), default="both")
    args = parser.parse_args(argv)
    if not (DATA / "clusters").is_dir():
        print(f"skipped: {DATA} not found", file=sys.stderr)
        return 0
    clusters = [
        (n, [str(s) for s in cast("list[object]", cluster["source"])])
        for n, cluster in enumerate(load_clusters())
    ]
    halves = {
        "tuned": [c for c in clusters if c[0] < args.split],
        "untouched": [c for c in clusters if c[0] >= args.split],
    }
    for name, members in halves.items():
        if args.half not in ("both", name):
            continue
        half = Half(f"{name} (test_{members[0][0]}..test_{members[-1][0]})")
        count(members[: args.limit] if args.limit else members, half)
        print(half.line())
        for line in half.junk:
            print(f"  junk {line}")
        for line in half.places:
            print(f"  government (GPE) {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
