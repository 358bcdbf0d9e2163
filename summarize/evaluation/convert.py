"""Turn a gold record into the summary it describes.

The result is the answer key written as an :class:`EventSummary`: one claim
per gold claim (statement, first speaker's canonical name, a verbatim
evidence sentence from the first cited document that has one), the gold
disputes, and every document with its ``on_event`` flag. A sound harness
scores it 1.0 on every share and finds no loaded term, which is what the
metamorphic tests check. It is also a handy template for writing summaries
by hand."""

from __future__ import annotations

import re
from collections.abc import Sequence

from summarize.evaluation.gold import GoldClaim, GoldRecord
from summarize.evaluation.matching import must_include_holds
from summarize.models import (
    Article,
    Claim,
    Dispute,
    DocumentInfo,
    Event,
    EventSummary,
    Evidence,
    Provenance,
    Speaker,
)
from summarize.version import __version__

_SENTENCE_RE = re.compile(r"[^\n.!?]+(?:[.!?]+|$)")


def _best_excerpt(claim: GoldClaim, text: str) -> str | None:
    """The sentence of ``text`` that satisfies most of the claim's must_include groups."""
    best: tuple[int, str] | None = None
    for match in _SENTENCE_RE.finditer(text):
        sentence = match.group(0).strip()
        if len(sentence) < 3:
            continue
        hits = sum(must_include_holds([group], sentence) for group in claim.must_include)
        if best is None or hits > best[0]:
            best = (hits, sentence)
    return best[1] if best else None


def _statement(claim: GoldClaim) -> str:
    """The gold statement, with the first string of any unmet must_include group appended."""
    statement = claim.statement
    missing = [g[0] for g in claim.must_include if not must_include_holds([g], statement)]
    return f"{statement} ({'; '.join(missing)})" if missing else statement


def gold_to_summary(gold: GoldRecord, articles: Sequence[Article]) -> EventSummary:
    """The summary a perfect engine would write for ``gold`` (see the module doc)."""
    texts = {a.id: a.text for a in articles}
    claims: list[Claim] = []
    for gc in gold.claims:
        evidence = [
            Evidence(document=doc, quote=excerpt)
            for doc in gc.documents
            if doc in texts and (excerpt := _best_excerpt(gc, texts[doc]))
        ][:1]
        if not evidence:
            raise ValueError(f"claim {gc.id}: none of its documents is among the articles")
        claims.append(
            Claim(
                id=gc.id,
                statement=_statement(gc),
                speaker=Speaker(name=gold.actor(gc.speakers[0]).name),
                evidence=evidence,
                reported_by=list(gc.documents),
            )
        )
    return EventSummary(
        event=Event(
            title=gold.event.description,
            date=gold.event.date,
            location=", ".join(gold.event.location) or None,
        ),
        summary=gold.event.description + ".",
        claims=claims,
        disputes=[
            Dispute(topic=d.topic or d.id, claim_ids=list(d.claims), description=d.topic or d.id)
            for d in gold.disputes
        ],
        documents=[
            DocumentInfo(id=d.id, on_event=d.on_event, reason=d.note) for d in gold.documents
        ],
        provenance=Provenance(engine="gold", tool_version=__version__),
    )
