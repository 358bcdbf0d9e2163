"""The ``offline`` engine: composes the record from attribution relations with
neutral templates; no model, no network.

Stages (each a module of this package): places and nationalities of the
folder -> document relevance (off-event articles are left out) -> draft claims
from attribution relations -> speakers made one across articles -> claims
merged across outlets -> disputes (figures, denials) -> event title, date and
place -> the summary paragraph."""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Sequence

from summarize.engines.offline.claims import (
    assign_speakers,
    draft_claims,
    speaker_phrase,
    statement,
)
from summarize.engines.offline.disputes import (
    FoundDispute,
    denial_disputes,
    figure_disputes,
    is_wider_scope,
    opposed_disputes,
)
from summarize.engines.offline.event import event_date, event_location, event_title
from summarize.engines.offline.lead import choose_lead
from summarize.engines.offline.merging import MergedClaim, merge_claims
from summarize.engines.offline.prose import ClaimView, compose_prose
from summarize.engines.offline.speakers import SpeakerIndex
from summarize.evidence.language import language_name, language_of
from summarize.evidence.relevance import Relevance
from summarize.evidence.types import EvidenceBundle
from summarize.models import (
    Article,
    Claim,
    Dispute,
    DocumentInfo,
    DroppedItem,
    Event,
    EventSummary,
    Evidence,
    Provenance,
    Speaker,
    SummaryBody,
)
from summarize.neutrality import find_loaded
from summarize.pruning import claim_errors, dropped_items
from summarize.verify import check_summary
from summarize.version import __version__

log = logging.getLogger("summarize")


class OfflineEngine:
    """Compose an :class:`EventSummary` from the evidence bundle alone."""

    name = "offline"

    async def compose(self, bundle: EvidenceBundle) -> EventSummary:
        body, dropped = await asyncio.to_thread(compose_checked, bundle)
        return EventSummary(
            **body.model_dump(),
            dropped=dropped,
            provenance=Provenance(engine=self.name, tool_version=__version__),
        )


def compose_body(bundle: EvidenceBundle) -> SummaryBody:
    """Everything but provenance, from ``bundle`` (CPU-bound; no I/O)."""
    return compose_checked(bundle)[0]


def compose_checked(bundle: EvidenceBundle) -> tuple[SummaryBody, list[DroppedItem]]:
    """Everything but provenance, and the drafted claims the verifier rejected
    (left out before disputes and prose are composed, so nothing restates them)."""
    articles = bundle.articles
    gaz = bundle.gazetteer()
    dates = bundle.report_dates
    foreign = _foreign_articles(articles)
    verdicts = [
        Relevance(v.document, False, foreign[v.document]) if v.document in foreign else v
        for v in bundle.relevance or [Relevance(a.id, True) for a in articles]
    ]
    on_event = [d for d in bundle.on_event() if d not in foreign]
    date = event_date([dates.get(d) for d in on_event])

    drafts = draft_claims(bundle, on_event, gaz)
    speakers = assign_speakers(drafts)
    merged = merge_claims(drafts, bundle.duplicates)
    merged = [m for m in merged if _usable(m, speakers)]
    merged.sort(key=lambda m: (-m.independent_sources, on_event.index(m.documents[0])))

    ids = [f"c{n}" for n in range(1, len(merged) + 1)]
    claims = [_claim(cid, m, speakers) for cid, m in zip(ids, merged, strict=True)]
    errors = _claim_errors(claims, bundle)
    dropped = dropped_items(claims, errors)
    merged = [m for m, c in zip(merged, claims, strict=True) if c.id not in errors]
    ids = [f"c{n}" for n in range(1, len(merged) + 1)]
    claims = [_claim(cid, m, speakers) for cid, m in zip(ids, merged, strict=True)]

    @functools.cache  # the speakers are settled: each is read many times below
    def name_of(speaker: int) -> str:
        name, _, _ = speakers.display(speaker)
        return speaker_phrase(name, speakers.is_person(speaker), capital=False)

    @functools.cache
    def affiliation_of(speaker: int) -> str | None:
        return speakers.display(speaker)[2]

    found = (
        figure_disputes(merged, date, name_of)
        + denial_disputes(merged, affiliation_of, name_of, event_date=date)
        + opposed_disputes(merged, affiliation_of, name_of)
    )
    disputes = [_dispute(d, ids) for d in found]

    location = event_location(on_event, gaz)
    on_articles = [a for a in articles if a.id in on_event]
    speaker_names = [speakers.display(n)[0] for n in range(len(speakers))]
    title = event_title(on_articles, gaz, location, speaker_names)
    views = [
        ClaimView(
            id=cid,
            speaker_id=m.speaker,
            side=speakers.display(m.speaker)[2] or speakers.display(m.speaker)[0],
            speaker=speaker_phrase(*_name_person(m, speakers)),
            statement=c.statement,
            figures=tuple(m.representative.figures),
            wider_scope=is_wider_scope(m, date),
            denial=m.denial,
            sources=m.independent_sources,
            documents=tuple(m.documents),
        )
        for cid, m, c in zip(ids, merged, claims, strict=True)
    ]
    copied = _copied_groups(bundle, on_event)
    summary = compose_prose(
        title=title,
        date=date.isoformat() if date else None,
        location=location,
        on_event=on_event,
        off_event=[
            (v.document, v.reason or "a different incident.")
            for v in verdicts
            if not v.on_event and v.document not in foreign
        ],
        unread=[(d, foreign[d]) for d in foreign],
        claims=views,
        disputes=found,
        claim_index={cid: n for n, cid in enumerate(ids)},
        copied=copied,
        lead=choose_lead(bundle, on_event, copied),
        common_words=gaz.common_words,
    )
    body = SummaryBody(
        event=Event(title=title, date=date, location=location),
        summary=summary,
        claims=claims,
        disputes=disputes,
        documents=[
            _document(a.id, a.outlet, a.title, v) for a, v in zip(articles, verdicts, strict=True)
        ],
    )
    return body, dropped


def _foreign_articles(articles: Sequence[Article]) -> dict[str, str]:
    """Articles not written in English, with the reason they are left out (logged)."""
    out: dict[str, str] = {}
    for article in articles:
        code = language_of(article)
        if code is None or code == "en":
            continue
        out[article.id] = (
            f"written in {language_name(code)} ({code}); the offline engine reads English only"
        )
        log.warning("article %s is %s; it is left out", article.id, out[article.id])
    return out


def _claim_errors(claims: Sequence[Claim], bundle: EvidenceBundle) -> dict[str, list[str]]:
    """The verifier's errors about each drafted claim, by claim id."""
    probe = SummaryBody(event=Event(title="-"), summary="", claims=list(claims), documents=[])
    return claim_errors(check_summary(probe, bundle.articles, bundle=bundle))


def _name_person(m: MergedClaim, speakers: SpeakerIndex) -> tuple[str, bool]:
    return speakers.display(m.speaker)[0], speakers.is_person(m.speaker)


def _usable(m: MergedClaim, speakers: SpeakerIndex) -> bool:
    name, _, _ = speakers.display(m.speaker)
    return not find_loaded(name)


def _claim(cid: str, m: MergedClaim, speakers: SpeakerIndex) -> Claim:
    name, role, affiliation = speakers.display(m.speaker)
    rep = m.representative
    if role and find_loaded(role):
        role = None
    text = statement(rep, speaker_phrase(name, speakers.is_person(m.speaker)))
    return Claim(
        id=cid,
        statement=text,
        speaker=Speaker(name=name, role=role, affiliation=affiliation),
        quote=rep.content if rep.direct else None,
        evidence=[
            Evidence(
                document=d.document,
                quote=d.excerpt,
                sentence_ids=d.sentence_ids,
                start=d.excerpt_span[0],
                end=d.excerpt_span[1],
            )
            for d in m.drafts
        ],
        reported_by=m.documents,
    )


def _dispute(found: FoundDispute, ids: Sequence[str]) -> Dispute:
    return Dispute(
        topic=found.topic,
        claim_ids=[ids[n] for n in found.claims],
        description=found.description,
    )


def _document(
    doc_id: str, outlet: str | None, title: str | None, verdict: Relevance
) -> DocumentInfo:
    return DocumentInfo(
        id=doc_id, outlet=outlet, title=title, on_event=verdict.on_event, reason=verdict.reason
    )


def _copied_groups(bundle: EvidenceBundle, on_event: Sequence[str]) -> list[tuple[str, ...]]:
    """Sets of on-event articles linked by at least three shared passages (wire copy)."""
    counts: dict[tuple[str, str], int] = {}
    for group in bundle.duplicates:
        docs = [d for d in group.documents if d in on_event]
        for i, a in enumerate(docs):
            for b in docs[i + 1 :]:
                pair = (min(a, b), max(a, b))
                counts[pair] = counts.get(pair, 0) + 1
    components: list[set[str]] = []
    for (a, b), n in counts.items():
        if n < 3:
            continue
        joined = [c for c in components if a in c or b in c]
        merged = {a, b}.union(*joined)
        components = [c for c in components if c not in joined] + [merged]
    return [tuple(d for d in on_event if d in c) for c in components]
