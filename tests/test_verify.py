"""Grounding checks on any summary: quotes verbatim, ids exist, numbers supported."""

from __future__ import annotations

from summarize.models import (
    Article,
    Claim,
    Dispute,
    DocumentInfo,
    Event,
    Evidence,
    Speaker,
    SummaryBody,
)
from summarize.verify import check_summary

ART = Article(
    id="a",
    text="The mayor, Jane Roe, said on Monday: "
    "\u201cThe bridge will stay closed for six weeks.\u201d\n"
    "Repairs  will cost 12 million dollars, she added.",
)


def _summary(**claim_kw: object) -> SummaryBody:
    fields: dict[str, object] = {
        "id": "c1",
        "statement": "The mayor said the bridge will stay closed.",
        "speaker": Speaker(name="Jane Roe"),
        "evidence": [Evidence(document="a", quote="The bridge will stay closed for six weeks.")],
        "reported_by": ["a"],
    }
    fields.update(claim_kw)
    return SummaryBody(
        event=Event(title="Bridge closure"),
        summary="The mayor said the bridge will stay closed.",
        claims=[Claim.model_validate(fields)],
        documents=[DocumentInfo(id="a", on_event=True)],
    )


def test_verbatim_evidence_passes_with_folded_quotes_and_space() -> None:
    summary = _summary(
        quote='"The bridge will stay closed for six weeks."',
        evidence=[Evidence(document="a", quote="Repairs will cost 12 million dollars")],
        statement="The mayor said repairs will cost 12 million dollars.",
    )
    report = check_summary(summary, [ART])
    assert report.ok, report.issues
    assert report.grounding_rate == 1.0


def test_fabricated_evidence_is_an_error_naming_claim_and_document() -> None:
    report = check_summary(
        _summary(evidence=[Evidence(document="a", quote="The bridge will reopen tomorrow.")]), [ART]
    )
    assert not report.ok
    (issue,) = report.errors
    assert issue.kind == "not_verbatim"
    assert "claim c1" in str(issue) and "'a'" in str(issue)
    assert report.grounding_rate == 0.0


def test_unknown_document_ids_are_errors() -> None:
    report = check_summary(
        _summary(reported_by=["a", "zz"], evidence=[Evidence(document="b", quote="closed")]), [ART]
    )
    kinds = sorted(i.kind for i in report.errors)
    assert kinds == ["unknown_document", "unknown_document"]


def test_number_not_in_evidence_is_flagged() -> None:
    report = check_summary(_summary(statement="The mayor said 40 bridges will stay closed."), [ART])
    assert [i.kind for i in report.errors] == ["number_unsupported"]
    assert "40" in report.errors[0].message


def test_dispute_naming_missing_claim_is_an_error() -> None:
    summary = _summary()
    summary.disputes.append(Dispute(topic="length", claim_ids=["c1", "c9"], description="x"))
    assert [i.kind for i in check_summary(summary, [ART]).errors] == ["unknown_claim"]


def test_loaded_word_in_narrator_voice_is_a_warning_but_quoted_is_not() -> None:
    loud = _summary(statement="The mayor slammed the reckless closure.")
    report = check_summary(loud, [ART])
    assert report.ok
    assert {i.kind for i in report.warnings} == {"loaded_language"}
    quiet = _summary(statement='The mayor called the closure "reckless".')
    assert not check_summary(quiet, [ART]).warnings
