"""Near-duplicate passages across articles: syndicated wire copy.

Outlets often run the same agency text with small edits (curly vs straight
quotes, "reports" vs "information", a dropped clause). Sentences of at least
:data:`MIN_WORDS` words are compared across articles through shared word
4-grams, and kept as copies when their folded texts are at least
:data:`MIN_RATIO` similar (rapidfuzz ``ratio``) or when the shorter one's
4-grams are at least :data:`MIN_CONTAINMENT` in the other (the same quote
with a different attribution tail). Copies are grouped
transitively; each group is one :class:`DuplicateGroup` listing every article
that carries the passage (first occurrence first), so later stages can say it
once and credit every outlet."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from rapidfuzz import fuzz

from summarize.evidence.types import DuplicateGroup, Sentence, Span
from summarize.textnorm import fold_casefold

MIN_WORDS = 8
MIN_RATIO = 85.0
MIN_CONTAINMENT = 0.6
_SHINGLE = 4
_WORD_RE = re.compile(r"\w+")


def _shingles(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + _SHINGLE]) for i in range(len(words) - _SHINGLE + 1)}


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def find_duplicates(sentences: Sequence[Sentence]) -> list[DuplicateGroup]:
    """Groups of sentences that two or more documents carry near-verbatim."""
    if len({s.document for s in sentences}) < 2:
        return []  # (one long article's common word runs would be compared all pairs)
    units: list[tuple[Sentence, str, set[tuple[str, ...]]]] = []
    for sentence in sentences:
        folded = fold_casefold(sentence.text)
        words = _WORD_RE.findall(folded)
        if len(words) >= MIN_WORDS:
            units.append((sentence, " ".join(words), _shingles(words)))
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for n, (_, _, shingles) in enumerate(units):
        for shingle in shingles:
            index[shingle].append(n)
    uf = _UnionFind(len(units))
    for n, (sentence, text, shingles) in enumerate(units):
        candidates: set[int] = set()
        for shingle in shingles:
            candidates.update(m for m in index[shingle] if m > n)
        for m in candidates:
            other, other_text, other_shingles = units[m]
            if other.document == sentence.document:
                continue
            shared = len(shingles & other_shingles) / min(len(shingles), len(other_shingles))
            if shared >= MIN_CONTAINMENT or fuzz.ratio(text, other_text) >= MIN_RATIO:
                uf.union(n, m)
    members: dict[int, list[int]] = defaultdict(list)
    for n in range(len(units)):
        members[uf.find(n)].append(n)
    groups: list[DuplicateGroup] = []
    for root in sorted(members):
        first_per_doc: dict[str, Sentence] = {}
        for n in members[root]:
            first_per_doc.setdefault(units[n][0].document, units[n][0])
        if len(first_per_doc) < 2:
            continue
        found = list(first_per_doc.values())
        groups.append(
            DuplicateGroup(
                text=found[0].text,
                occurrences=[Span(start=s.start, end=s.end, text=s.text) for s in found],
                documents=[s.document for s in found],
            )
        )
    return groups
