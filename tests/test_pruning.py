"""A claim that cannot be grounded is dropped and listed; the run goes on."""

from __future__ import annotations

import pytest

from summarize import Article, SummarizeError, summarize_articles
from summarize.evidence.types import EvidenceBundle
from summarize.models import (
    Claim,
    Dispute,
    DocumentInfo,
    Event,
    EventSummary,
    Evidence,
    Provenance,
    Speaker,
)

TEXT = (
    "The mayor said 12 people were hurt in the fire. "
    "The fire chief said 15 people were hurt. "
    "A resident said the alarm never sounded."
)
ARTICLE = Article(id="a", text=TEXT)


def _claim(cid: str, statement: str, quote: str, speaker: str) -> Claim:
    return Claim(
        id=cid,
        statement=statement,
        speaker=Speaker(name=speaker),
        evidence=[Evidence(document="a", quote=quote)],
        reported_by=["a"],
    )


class _ScriptedEngine:
    name = "scripted"

    def __init__(self, summary: EventSummary) -> None:
        self.summary = summary

    async def compose(self, bundle: EvidenceBundle) -> EventSummary:
        return self.summary


def _summary(claims: list[Claim], disputes: list[Dispute], prose: str = "") -> EventSummary:
    return EventSummary(
        event=Event(title="Fire"),
        summary=prose,
        claims=claims,
        disputes=disputes,
        documents=[DocumentInfo(id="a", on_event=True)],
        provenance=Provenance(engine="scripted", tool_version="0"),
    )


def test_an_unsupported_claim_is_dropped_with_its_reason_and_its_dispute_goes() -> None:
    good = _claim(
        "c1", "The mayor said 12 people were hurt", "The mayor said 12 people were hurt", "mayor"
    )
    invented = _claim(
        "c2",
        "The fire chief said 150 people were hurt",
        "The fire chief said 15 people were hurt.",
        "fire chief",
    )
    kept = _claim(
        "c3", "A resident said the alarm never sounded", "the alarm never sounded", "resident"
    )
    summary = _summary(
        [good, invented, kept], [Dispute(topic="hurt", claim_ids=["c1", "c2"], description="d")]
    )
    out = summarize_articles([ARTICLE], engine=_ScriptedEngine(summary))
    assert [c.id for c in out.claims] == ["c1", "c3"]
    assert out.disputes == []  # one claim left: no dispute
    assert [d.claim_id for d in out.dropped] == ["c2"]
    assert "150" in out.dropped[0].reason
    assert out.dropped[0].statement == invented.statement


def test_an_error_outside_the_claims_still_fails_the_run() -> None:
    good = _claim("c1", "The mayor said 12 people were hurt", "The mayor said 12 people", "mayor")
    bad_docs = _summary([good], []).model_copy(
        update={"documents": [DocumentInfo(id="nowhere", on_event=True)]}
    )
    with pytest.raises(SummarizeError, match="nowhere"):
        summarize_articles([ARTICLE], engine=_ScriptedEngine(bad_docs))


def test_a_record_that_would_lose_most_of_its_claims_is_refused() -> None:
    invented = [
        _claim(f"c{n}", f"The mayor said {n}00 people were hurt", "The mayor said 12", "mayor")
        for n in (2, 3)
    ]
    good = _claim("c1", "The mayor said 12 people were hurt", "The mayor said 12 people", "mayor")
    with pytest.raises(SummarizeError, match="unverifiable"):
        summarize_articles([ARTICLE], engine=_ScriptedEngine(_summary([good, *invented], [])))


def test_a_name_inside_a_quoted_report_does_not_credit_that_speaker() -> None:
    # the lead quotes what an article reports; "Mayor Ann Lee" inside the quotation is
    # the article's words, not a claim that she said it
    from summarize.verify import check_summary

    text = "Mayor Ann Lee said 12 people were hurt. Residents said Mayor Ann Lee saw 15 hurt."
    article = Article(id="a", text=text)
    lee = Claim(
        id="c1",
        statement="Mayor Ann Lee said 12 people were hurt",
        speaker=Speaker(name="Ann Lee"),
        evidence=[Evidence(document="a", quote="Mayor Ann Lee said 12 people were hurt.")],
        reported_by=["a"],
    )
    lead = 'Article a reports: "Residents said Mayor Ann Lee saw 15 hurt."'
    report = check_summary(_summary([lee], [], prose=lead), [article])
    assert report.ok, [str(i) for i in report.errors]
    credited = 'Ann Lee said that "Residents said Mayor Ann Lee saw 15 hurt".'
    assert not check_summary(_summary([lee], [], prose=credited), [article]).ok


def test_a_prose_sentence_the_verifier_rejects_is_dropped_and_the_rest_kept() -> None:
    good = _claim(
        "c1", "The mayor said 12 people were hurt", "The mayor said 12 people were hurt", "mayor"
    )
    prose = "A fire broke out. Officials said 999 people died. The mayor said 12 people were hurt."
    out = summarize_articles([ARTICLE], engine=_ScriptedEngine(_summary([good], [], prose)))
    assert out.summary == "A fire broke out. The mayor said 12 people were hurt."
    assert [d.statement for d in out.dropped] == ["Officials said 999 people died."]
    assert "999" in out.dropped[0].reason
