"""Event grouping: which articles of a folder report the same event.

A folder is meant to hold reports of one event, but users mix folders (three
articles on airline cancellations and one on a death in prison; nine
Afghanistan stories in one folder). The articles are clustered here, the way
news story detection does it (KeyGraph-style story clustering, as in
taranis-ai/story-clustering: TF-IDF weighted keywords and named entities,
cosine between documents, merge above a similarity threshold):

- two articles' similarity is the cosine of their content-word vectors (log
  term count times the folder's inverse document frequency, smoothed with
  :data:`IDF_SMOOTHING` pseudo-documents so that in a folder of three the words
  all share still count), plus a small bonus for each casualty or damage count
  both state;
- complete-link agglomerative clustering merges the two most similar groups
  while every pair across them is at least :data:`MERGE_AT` similar; ties go to
  the pair holding the earliest articles, so the result does not depend on the
  order the articles were listed in except to break exact ties;
- groups whose articles are on average at least :data:`JOIN_AT` similar are
  then merged (average link): complete link alone splits a folder of short
  reports in which some pair shares few words;
- a group of one article is weak evidence of a second event (an opinion piece
  or a translation shares few words with the news reports), so it rejoins the
  group it is most similar to unless its plain word overlap with it (log counts,
  no inverse document frequency) is below :data:`LONE_AT`.

A second cosine over proper nouns was tried and separated the AllSides stories
less well (short excerpts often share no name); the thresholds were chosen on
the even-numbered AllSides stories and are reported on the odd-numbered ones by
``benchmarks/event_grouping.py``.

The largest group is the event; ties go to the group holding the earliest
article. Each other group is named by its headline and the proper nouns it uses
most, which the off-event reason quotes."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from summarize.evidence.features import DocumentFeatures

MERGE_AT = 0.12
"""Similarity every pair across two groups needs for complete link to merge them."""
IDF_SMOOTHING = 6
"""Pseudo-documents in the inverse document frequency ``log((k+n)/(k+df)) + 1``."""
JOIN_AT = 0.13
"""Mean similarity at which two groups are one event after all."""
LONE_AT = 0.035
"""A lone article joins the group it is most similar to when its mean similarity
to that group is at least this: one article is weak evidence of a second event."""
FIGURE_BONUS = 0.05
"""Added to a pair's similarity per shared count (at most :data:`FIGURE_BONUS_MAX`)."""
FIGURE_BONUS_MAX = 0.15
MAX_ARTICLES = 300
"""Larger folders are not grouped: clustering costs grow with the cube of the
number of articles (300 articles: about 2 s)."""
TOPIC_NAMES = 3
SHARED_WORDS = 5


@dataclass(frozen=True)
class EventGroup:
    """One group of articles that report the same event."""

    documents: tuple[str, ...]
    """Ids, in article order."""
    topic: str
    """What the group is about: its headline, else its most used proper nouns."""
    names: tuple[str, ...]
    """Its most used proper nouns, most used first."""
    words: tuple[str, ...] = ()
    """Content words its articles share that the rest of the folder does not use."""


def word_vectors(bags: Sequence[Counter[str]], idf: bool = True) -> list[dict[str, float]]:
    """Unit vectors of log word counts (1 + ln c), weighted by the folder's smoothed
    IDF when ``idf``: their dot product is the cosine of two articles' wording."""
    k = IDF_SMOOTHING
    n = len(bags)
    df: Counter[str] = Counter()
    for bag in bags:
        df.update(bag.keys())
    vectors: list[dict[str, float]] = []
    for bag in bags:
        vec = {
            w: (1 + math.log(c)) * (math.log((k + n) / (k + df[w])) + 1 if idf else 1.0)
            for w, c in bag.items()
        }
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        vectors.append({w: v / norm for w, v in vec.items()})
    return vectors


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """The dot product of two :func:`word_vectors`."""
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(w, 0.0) for w, v in a.items())


def similarities(
    words: Sequence[Counter[str]], figures: Sequence[set[tuple[str, int]]], idf: bool = True
) -> list[list[float]]:
    """Pairwise article similarity (symmetric, 1.0 on the diagonal)."""
    n = len(words)
    wv = word_vectors(words, idf)
    sim = [[1.0] * n for _ in range(n)]
    for i in range(n):
        for j in range(i + 1, n):
            s = cosine(wv[i], wv[j])
            s += min(FIGURE_BONUS_MAX, FIGURE_BONUS * len(figures[i] & figures[j]))
            sim[i][j] = sim[j][i] = s
    return sim


def cluster(sim: Sequence[Sequence[float]], merge_at: float = MERGE_AT) -> list[list[int]]:
    """Complete-link agglomerative clustering of ``sim``: groups of indices, each
    sorted, listed by their first index."""
    groups: dict[int, list[int]] = {i: [i] for i in range(len(sim))}
    link = {(i, j): sim[i][j] for i in range(len(sim)) for j in range(i + 1, len(sim))}
    while link:
        (a, b), best = max(link.items(), key=lambda kv: (kv[1], -kv[0][0], -kv[0][1]))
        if best < merge_at:
            break
        groups[a] = sorted(groups[a] + groups.pop(b))
        for c in groups:
            if c == a:
                continue
            ac, bc = (min(a, c), max(a, c)), (min(b, c), max(b, c))
            link[ac] = min(link[ac], link.pop(bc))
        del link[(a, b)]
        link = {k: v for k, v in link.items() if b not in k}
    return [groups[k] for k in sorted(groups)]


def merge_close(
    groups: Sequence[Sequence[int]], sim: Sequence[Sequence[float]], join_at: float = JOIN_AT
) -> list[list[int]]:
    """``groups`` with the two whose mean pairwise similarity is highest merged while
    it is at least ``join_at`` (ties: the pair holding the earliest articles)."""
    out = sorted((sorted(g) for g in groups), key=min)

    def mean_link(a: list[int], b: list[int]) -> float:
        return sum(sim[i][j] for i in a for j in b) / (len(a) * len(b))

    while len(out) > 1:
        best, x, y = max(
            (mean_link(out[x], out[y]), -x, -y)
            for x in range(len(out))
            for y in range(x + 1, len(out))
        )
        if best < join_at:
            break
        out[-x] = sorted(out[-x] + out.pop(-y))
    return out


def attach_loners(
    groups: Sequence[Sequence[int]], sim: Sequence[Sequence[float]], lone_at: float = LONE_AT
) -> list[list[int]]:
    """``groups`` with each one-article group (taken in article order) moved into
    the group it is most similar to (mean similarity; ties: the earlier group)
    when that similarity is at least ``lone_at``."""
    out = [list(g) for g in groups]
    for lone in sorted(g[0] for g in groups if len(g) == 1):
        others = [g for g in out if g != [lone]]
        if not others or [lone] not in out:
            continue
        scored = [(sum(sim[lone][j] for j in g) / len(g), -min(g), k) for k, g in enumerate(others)]
        score, _, k = max(scored)
        if score >= lone_at:
            out.remove([lone])
            others[k].append(lone)
            others[k].sort()
    return sorted(out, key=min)


def order_groups(groups: Sequence[Sequence[int]]) -> list[list[int]]:
    """The event first (the largest group; ties: the one with the earliest
    article), then the others in the same order."""
    return sorted((list(g) for g in groups), key=lambda g: (-len(g), min(g)))


def group_events(
    features: Sequence[DocumentFeatures], merge_at: float = MERGE_AT
) -> list[EventGroup]:
    """The folder's articles in event groups, the event first (see the module); a
    folder of more than :data:`MAX_ARTICLES` is one group."""
    if not features:
        return []
    if len(features) > MAX_ARTICLES:
        topic, names = topic_of(features)
        return [EventGroup(tuple(f.document for f in features), topic, names)]
    sim = similarities([f.words for f in features], [f.figures for f in features])
    out: list[EventGroup] = []
    plain = similarities([f.words for f in features], [f.figures for f in features], idf=False)
    groups = merge_close(cluster(sim, merge_at), sim)
    for members in order_groups(attach_loners(groups, plain)):
        chosen = [features[i] for i in members]
        topic, names = topic_of(chosen)
        words = distinctive_words(chosen, [f for f in features if f not in chosen])
        out.append(EventGroup(tuple(f.document for f in chosen), topic, names, tuple(words)))
    return out


def topic_of(group: Sequence[DocumentFeatures]) -> tuple[str, tuple[str, ...]]:
    """A group's topic: its first headline, and its most used name phrases (ties:
    first used)."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for f in group:
        for phrase, c in f.phrases.items():
            counts[phrase] += c
            first.setdefault(phrase, len(first))
    names = tuple(sorted(counts, key=lambda p: (-counts[p], first[p]))[:TOPIC_NAMES])
    headline = next((f.headline.strip() for f in group if f.headline.strip()), "")
    return (headline or ", ".join(names)), names


def distinctive_words(
    group: Sequence[DocumentFeatures], rest: Sequence[DocumentFeatures]
) -> list[str]:
    """The content words that most of ``group`` uses and the rest of the folder does
    not, most used first."""
    elsewhere: set[str] = set()
    for f in rest:
        elsewhere.update(f.words)
    used: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for f in group:
        used.update(w for w in f.words if w not in elsewhere)
        total.update({w: c for w, c in f.words.items() if w not in elsewhere})
    quorum = (len(group) + 1) // 2
    kept = [w for w in used if used[w] >= quorum]
    return sorted(kept, key=lambda w: (-used[w], -total[w], w))[:SHARED_WORDS]
