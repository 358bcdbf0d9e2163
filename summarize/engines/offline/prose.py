"""The summary paragraph, written from composed claims with neutral templates.

The lead comes first: what happened, quoted from the sentences most articles
carry (see ``lead``), one sentence per article quoted; then figures, one
sentence per speaker; then the disagreements, the denials, and a few quoted
claims from sides not yet heard (none whose words the lead already quotes).

Every statement of fact about the event is attributed in-line ("According to
X, ..."), figures are given with their sources, disagreements and denials are
named, and articles left out are said to be left out. Sources' own words
appear only inside quotation marks."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from summarize.engines.offline.claims import quoted
from summarize.engines.offline.disputes import FoundDispute
from summarize.engines.offline.event import opening_line
from summarize.engines.offline.lead import LeadSentence
from summarize.evidence.figures import Figure
from summarize.lang.events import KIND_WORDS
from summarize.neutrality import find_loaded

MAX_QUOTED_CLAIMS = 2
MAX_STATEMENT_CHARS = 260
#: Figures are told killed first, then injured, then destroyed (the kinds' order).
_KIND_ORDER = {kind: i for i, kind in enumerate(KIND_WORDS)}
PROSE_GROUPS = frozenset({"people", "children", "houses"})
_NUMBERS = {1: "One", 2: "Two", 3: "Three", 4: "Four", 5: "Five", 6: "Six", 7: "Seven"}


@dataclass(frozen=True)
class ClaimView:
    """What the prose needs of one composed claim."""

    id: str
    speaker_id: int
    speaker: str  # as a statement names it ("the Armenian Defense Ministry")
    side: str  # the speaker's affiliation, or the speaker's own name when unknown
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
    if any("," in item for item in items):
        return "; ".join(items[:-1]) + "; and " + items[-1]
    return ", ".join(items[:-1]) + " and " + items[-1]


def _figure_phrases(views: Sequence[ClaimView]) -> list[str]:
    """One phrase per count, from the most widely reported claim that gives it."""
    best: dict[tuple[str, str], Figure] = {}
    included: dict[str, Figure] = {}
    for view in sorted(views, key=lambda v: -v.sources):
        for f in view.figures:
            if f.included:
                included.setdefault(f.kind, f)
            else:
                best.setdefault(f.key, f)
    for kind, part in included.items():
        best.pop((kind, part.group), None)  # "ten killed, including two children"
    phrases: list[str] = []
    for f in sorted(best.values(), key=lambda f: _KIND_ORDER.get(f.kind, 9)):
        phrase = _lower_number(f.phrase())
        sub = included.get(f.kind)
        if sub is not None and sub.group != f.group:
            phrase += f", including {_lower_number(sub.number_text)} {sub.noun or sub.group}"
        phrases.append(phrase)
    return phrases


def _lower_number(text: str) -> str:
    first = text.split(" ", 1)[0]
    return text[0].lower() + text[1:] if first.isalpha() else text


def _figure_sentences(views: Sequence[ClaimView]) -> list[str]:
    """Per speaker: "According to X, ... (articles ...)." and any running toll."""
    by_speaker: dict[int, list[ClaimView]] = {}
    for view in views:
        by_speaker.setdefault(view.speaker_id, []).append(view)
    ordered = sorted(by_speaker.values(), key=lambda vs: -max(v.sources for v in vs))
    out: list[str] = []
    for group in ordered:
        speaker = group[0].speaker
        event = [v for v in group if not v.wider_scope]
        wider = [v for v in group if v.wider_scope]
        if event:
            docs = _docs_of(event)
            out.append(
                f"According to {_lower_article(speaker)}, {_join(_figure_phrases(event))} ({docs})."
            )
        if wider:
            docs = _docs_of(wider)
            also = " also" if event else ""
            out.append(
                f"{speaker}{also} gave a running toll: {_join(_figure_phrases(wider))} ({docs})."
            )
    return out


def _lower_article(speaker: str) -> str:
    return "the" + speaker[3:] if speaker.startswith("The ") else speaker


def _docs(view: ClaimView) -> str:
    return _docs_of([view])


def _docs_of(views: Sequence[ClaimView]) -> str:
    docs = sorted({d for v in views for d in v.documents})
    label = "article" if len(docs) == 1 else "articles"
    return f"{label} {_join(docs)}"


def _attributed(view: ClaimView) -> str:
    """The claim's statement, with the articles that report it, as a sentence."""
    text = view.statement.rstrip()
    if text.endswith('."'):
        text = text[:-2] + '"'
    return f"{text.rstrip('.')} ({_docs(view)})."


def _lead_sentences(lead: Sequence[LeadSentence]) -> list[str]:
    """'Article d1 reports: "..." and "..." (also reported by article d2).', one
    sentence per article quoted."""
    out: list[str] = []
    for doc in dict.fromkeys(s.document for s in lead):
        mine = [s for s in lead if s.document == doc]
        text = " and ".join(quoted(s.text.rstrip(".")) for s in mine)
        carried = [d for d in dict.fromkeys(d for s in mine for d in s.also) if d != doc]
        also = f" (also reported by {_docs_of_ids(carried)})" if carried else ""
        out.append(f"Article {doc} reports: {text}{also}.")
    return out


def _repeats_lead(view: ClaimView, lead: Sequence[LeadSentence]) -> bool:
    """True when the claim's quoted words are already quoted in the lead."""
    return any(
        fragment in sentence.text
        for fragment in re.findall(r'"([^"]{12,})"', view.statement)
        for sentence in lead
    )


def _docs_of_ids(docs: Sequence[str]) -> str:
    label = "article" if len(docs) == 1 else "articles"
    return f"{label} {_join(list(docs))}"


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
    unread: Sequence[tuple[str, str]] = (),
    lead: Sequence[LeadSentence] = (),
    common_words: Collection[str] = (),
) -> str:
    """The neutral summary paragraph (``common_words``: words the articles write in
    lower case, which tell the title's capital from a name's)."""
    parts: list[str] = []
    when = f" on {date}" if date else ""
    n = len(on_event)
    if n:
        count = _NUMBERS.get(n, str(n))
        parts.append(opening_line(title, count, n, when, common_words))
    parts.extend(_lead_sentences(lead))
    used: set[str] = set()
    figure_views = [
        c for c in claims if not c.denial and any(f.group in PROSE_GROUPS for f in c.figures)
    ]
    for sentence in _figure_sentences(figure_views):
        if not find_loaded(sentence):
            parts.append(sentence)
    used.update(v.id for v in figure_views)
    for dispute in disputes:
        if dispute.topic.startswith("denial"):
            continue
        parts.append(f"The sources differ on the {dispute.topic}.")
    mentioned = {c.side for c in figure_views}
    denials = [c for c in claims if c.denial]
    for view in denials[:3]:
        parts.append(_attributed(view))
        used.add(view.id)
        mentioned.add(view.side)
    others = sorted(
        (
            c
            for c in claims
            if c.id not in used
            and len(c.statement) <= MAX_STATEMENT_CHARS
            and not _repeats_lead(c, lead)
        ),
        key=lambda c: (c.side in mentioned, -c.sources, -len(c.documents), claim_index[c.id]),
    )
    picked: list[ClaimView] = []
    for view in others:
        if len(picked) >= MAX_QUOTED_CLAIMS:
            break
        if any(p.side == view.side for p in picked):
            continue
        picked.append(view)
    for view in sorted(picked, key=lambda v: claim_index[v.id]):
        parts.append(_attributed(view))
    for group in copied:
        parts.append(
            f"Articles {_join(list(group))} share agency text in places; "
            "shared passages are counted once."
        )
    for doc, reason in off_event:
        parts.append(f"Article {doc} was left out because it appears to report {reason}")
    for doc, reason in unread:
        parts.append(f"Article {doc} was left out: it is {reason}.")
    text = " ".join(p.strip() for p in parts if p.strip())
    return re.sub(r"\s+", " ", text).strip()
