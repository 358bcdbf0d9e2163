"""Document relevance: is an article about the same incident as the rest of the folder?

First the folder's articles are grouped by event
(:mod:`summarize.evidence.grouping`): an article outside the largest group is
about another event, and its reason names that event's topic. Within the
largest group, an article is taken for a report of another incident when, compared with the
others, at least two of these hold:

- **figures**: it gives casualty or damage counts, and almost none of them
  occur in any other article, while the other articles share counts among
  themselves;
- **wording**: its vocabulary overlaps the others' much less than theirs
  overlap each other (cosine of log term counts over content words; a weak
  signal, since translated articles share few words with the rest);
- **date**: it names a day for what it reports that differs from the day the
  other articles agree on.

With fewer than three articles there is no majority to compare against, so
nothing is flagged."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from statistics import median

from summarize.evidence.features import DocumentFeatures
from summarize.evidence.grouping import EventGroup, cosine, group_events, word_vectors

MIN_ARTICLES = 3
FIGURE_SHARE_MAX = 0.25
FIGURE_SHARE_REST_MIN = 0.5
SIMILARITY_RATIO = 0.5


@dataclass
class Relevance:
    """The verdict for one article."""

    document: str
    on_event: bool
    reason: str | None = None
    signals: list[str] = field(default_factory=list)
    similarity: float = 0.0
    figure_share: float | None = None


def _figure_share(f: DocumentFeatures, others: Sequence[DocumentFeatures]) -> float | None:
    if len(f.figures) < 2:
        return None
    elsewhere = set().union(*(o.figures for o in others)) if others else set()
    return len(f.figures & elsewhere) / len(f.figures)


def judge_relevance(
    features: Sequence[DocumentFeatures], groups: Sequence[EventGroup] | None = None
) -> list[Relevance]:
    """A verdict per article, in input order: articles outside the event group
    (``groups[0]``; grouped here when not given) report another event; within it,
    the single-incident signals decide."""
    if groups is None:
        groups = group_events(features)
    if len(groups) < 2:
        return _judge_incident(features)
    main = set(groups[0].documents)
    inside = {v.document: v for v in _judge_incident([f for f in features if f.document in main])}
    elsewhere = {d: g for g in groups[1:] for d in g.documents}
    return [
        inside[f.document]
        if f.document in inside
        else Relevance(f.document, False, another_event(elsewhere[f.document], f), ["group"])
        for f in features
    ]


def another_event(group: EventGroup, article: DocumentFeatures) -> str:
    """The off-event reason for ``article``, of ``group``: its headline, the names
    its group uses most and the words only its group uses, each quoted as this
    article writes it (article text stays in quotes, never in the narrator's voice,
    and stays checkable against the article the reason is about)."""
    parts = [f'headlined "{article.headline}"'] if article.headline else []
    names = [
        n
        for n in group.names
        if n in article.phrases and n.casefold() not in article.headline.casefold()
    ]
    if names:
        parts.append("naming " + ", ".join(f'"{n}"' for n in names))
    words = [article.forms[w] for w in group.words if w in article.forms]
    if words:
        parts.append(
            "with words the other articles do not use: " + ", ".join(f'"{w}"' for w in words)
        )
    return "another event (" + "; ".join(parts) + ")." if parts else "another event."


def _judge_incident(features: Sequence[DocumentFeatures]) -> list[Relevance]:
    """The single-incident signals (figures, wording, date) for one event group."""
    if len(features) < MIN_ARTICLES:
        return [Relevance(f.document, True) for f in features]
    vectors = word_vectors([f.words for f in features], idf=False)
    n = len(features)
    best = [max(cosine(vectors[i], vectors[j]) for j in range(n) if j != i) for i in range(n)]
    shares = [_figure_share(f, [o for o in features if o is not f]) for f in features]
    out: list[Relevance] = []
    for i, f in enumerate(features):
        rest_best = [best[j] for j in range(n) if j != i]
        rest_shares = [s for j, s in enumerate(shares) if j != i and s is not None]
        signals: list[str] = []
        reasons: list[str] = []
        share = shares[i]
        if (
            share is not None
            and share <= FIGURE_SHARE_MAX
            and rest_shares
            and median(rest_shares) >= FIGURE_SHARE_REST_MIN
        ):
            signals.append("figures")
            own = sorted(f.figures, key=lambda x: (x[0], -x[1]))[:4]
            reasons.append(
                "its figures ("
                + ", ".join(f"{v:,} {k}" for k, v in own)
                + ") appear in no other article"
            )
        if best[i] < SIMILARITY_RATIO * median(rest_best):
            signals.append("wording")
            reasons.append(
                f"its wording overlaps the other articles less (similarity {best[i]:.2f} "
                f"against a median of {median(rest_best):.2f})"
            )
        others_dates = Counter(
            o.event_date for o in features if o is not f and o.event_date is not None
        )
        if f.event_date is not None and others_dates:
            agreed, count = others_dates.most_common(1)[0]
            if count >= 2 and f.event_date != agreed:
                signals.append("date")
                reasons.append(
                    f"it dates what it reports to {f.event_date.isoformat()}, "
                    f"not {agreed.isoformat()}"
                )
        off = len(signals) >= 2
        out.append(
            Relevance(
                f.document,
                not off,
                ("a different incident: " + "; ".join(reasons) + ".") if off else None,
                signals,
                best[i],
                share,
            )
        )
    return out
