"""The summary paragraph, written from composed claims with neutral templates.

Every statement of fact about the event is attributed in-line ("According to
X, ..."), figures are given with their sources, disagreements and denials are
named, and articles left out are said to be left out. Sources' own words
appear only inside quotation marks."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from summarize.compose.disputes import FoundDispute
from summarize.compose.figures import Figure
from summarize.neutrality import find_loaded

MAX_QUOTED_CLAIMS = 4


@dataclass(frozen=True)
class ClaimView:
    """What the prose needs of one composed claim."""

    id: str
    speaker: str  # as a statement names it ("the Armenian Defense Ministry")
    statement: str
    figures: tuple[Figure, ...]
    wider_scope: bool
    denial: bool
    sources: int  # independent reporting articles
    documents: tuple[str, ...]


def _join(items: Sequence[str]) -> str:
    items = list(dict.fromkeys(items))
    if len(items) <= 1:
        return items[0] if items else ""
    return ", ".join(items[:-1]) + " and " + items[-1]


def _figure_sentence(view: ClaimView) -> str | None:
    figs = [f for f in view.figures if not f.included]
    if not figs:
        return None
    seen: set[tuple[str, str]] = set()
    phrases: list[str] = []
    for f in figs:
        if f.key in seen:
            continue
        seen.add(f.key)
        phrase = f.phrase()
        included = [g for g in view.figures if g.included and g.kind == f.kind]
        if included:
            phrase += f", including {included[0].number_text} {included[0].noun or 'children'}"
        phrases.append(phrase)
    lead = "gave an overall toll: " if view.wider_scope else ""
    body = _join(phrases)
    if lead:
        return f"{view.speaker[0].upper()}{view.speaker[1:]} also {lead}{body} ({_docs(view)})."
    return f"According to {_lower_article(view.speaker)}, {body} ({_docs(view)})."


def _lower_article(speaker: str) -> str:
    return "the" + speaker[3:] if speaker.startswith("The ") else speaker


def _docs(view: ClaimView) -> str:
    label = "article" if len(view.documents) == 1 else "articles"
    return f"{label} {_join(list(view.documents))}"


def _sentence(statement: str) -> str:
    text = statement.rstrip()
    return text if text.endswith((".", "!", "?", '."', '?"', '!"')) else text + "."


def compose_prose(
    *,
    title: str,
    date: str | None,
    location: str | None,
    on_event: Sequence[str],
    off_event: Sequence[tuple[str, str]],
    claims: Sequence[ClaimView],
    disputes: Sequence[FoundDispute],
    claim_index: dict[str, int],
    copied: Sequence[tuple[str, ...]] = (),
) -> str:
    """The neutral summary paragraph."""
    parts: list[str] = []
    when = f" on {date}" if date else ""
    n = len(on_event)
    if n:
        parts.append(
            f"{n} {'article reports' if n == 1 else 'articles report'} on the "
            f"{title[0].lower()}{title[1:]}{when}; every account below is attributed to its source."
        )
    used: set[str] = set()
    # Figures, the most widely reported first; event figures before running tolls.
    figure_claims = sorted(
        (c for c in claims if c.figures and not c.denial),
        key=lambda c: (c.wider_scope, -c.sources, claim_index[c.id]),
    )
    for view in figure_claims[:6]:
        sentence = _figure_sentence(view)
        if sentence and not find_loaded(sentence):
            parts.append(sentence)
            used.add(view.id)
    for dispute in disputes:
        if dispute.topic.startswith("denial"):
            continue
        parts.append(f"The figures differ ({dispute.topic}).")
    denials = [c for c in claims if c.denial]
    for view in denials[:3]:
        parts.append(_sentence(view.statement) + f" ({_docs(view)})")
        used.add(view.id)
    others = sorted(
        (c for c in claims if c.id not in used),
        key=lambda c: (-c.sources, claim_index[c.id]),
    )
    quoted = 0
    for view in others:
        if quoted >= MAX_QUOTED_CLAIMS:
            break
        if view.sources < 2 and quoted >= 2:
            continue
        if len(view.statement) > 320:
            continue
        parts.append(_sentence(view.statement) + f" ({_docs(view)})")
        quoted += 1
    for group in copied:
        parts.append(
            f"Articles {_join(list(group))} carry the same agency text in places; "
            "it is counted once."
        )
    for doc, reason in off_event:
        parts.append(f"Article {doc} was not used: {_first_lower(reason)}")
    text = " ".join(p.strip() for p in parts if p.strip())
    return re.sub(r"\s+", " ", text).strip()


def _first_lower(text: str) -> str:
    return text[:1].lower() + text[1:] if text else text
