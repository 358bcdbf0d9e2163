"""Score rules a record author relies on: documents, disputes, sides, empty denominators."""

from __future__ import annotations

from typing import Any

from summarize.evaluation.gold import parse_gold
from summarize.evaluation.scoring import ALL_SCORES, score_summary
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

TEXT_A = (
    "Mayor Jane Roe said the bridge will stay closed for six weeks. The union said three months."
)
ARTICLES = [Article(id="a", text=TEXT_A), Article(id="b", text="Last year the bridge closed.")]
GOLD: dict[str, Any] = {
    "format": "summarize-gold/1",
    "event_id": "bridge",
    "event": {"description": "Bridge closure", "date": None, "location": []},
    "documents": [{"id": "a", "on_event": True}, {"id": "b", "on_event": False}],
    "actors": [
        {"id": "mayor", "name": "Jane Roe", "aliases": ["the mayor"], "side": "city"},
        {
            "id": "union",
            "name": "Transit Workers Union",
            "aliases": ["the union"],
            "side": "workers",
        },
    ],
    "claims": [
        {
            "id": "c1",
            "weight": "core",
            "speakers": ["mayor"],
            "statement": "The bridge will stay closed for six weeks.",
            "must_include": [["six weeks"]],
            "documents": ["a"],
        },
        {
            "id": "c2",
            "weight": "supporting",
            "speakers": ["union"],
            "statement": "The closure could last three months.",
            "must_include": [["three months"]],
            "documents": ["a"],
        },
    ],
    "disputes": [{"id": "d1", "topic": "length", "claims": ["c1", "c2"]}],
    "required_sides": ["city", "workers"],
    "loaded_terms": ["boondoggle"],
}


def claim(cid: str, statement: str, speaker: str, doc: str = "a") -> Claim:
    return Claim(
        id=cid,
        statement=statement,
        speaker=Speaker(name=speaker),
        evidence=[Evidence(document=doc, quote="the bridge")],
        reported_by=[doc],
    )


def summary(claims: list[Claim], documents: list[DocumentInfo], **extra: Any) -> EventSummary:
    return EventSummary(
        event=Event(title="Bridge"),
        summary=extra.pop("text", "The bridge closed."),
        claims=claims,
        disputes=extra.pop("disputes", []),
        documents=documents,
        provenance=Provenance(engine="test", tool_version="0"),
    )


BOTH = [
    claim("s1", "Jane Roe said it stays closed for six weeks.", "the Mayor"),
    claim("s2", "The union said it could be three months.", "Transit Workers Union"),
]


def test_every_documented_key_is_reported_with_an_explanation() -> None:
    card = score_summary(summary(BOTH, []), parse_gold(GOLD), ARTICLES).to_json()
    for key in ALL_SCORES:
        assert key in card and card["explanations"][key]
    assert card["matched_claims"] == 2 and card["attribution_accuracy"] == 1.0


def test_an_off_event_document_is_handled_when_flagged_or_left_out_uncited() -> None:
    gold = parse_gold(GOLD)
    flagged = summary(BOTH, [DocumentInfo(id="b", on_event=False)])
    left_out = summary(BOTH, [DocumentInfo(id="a", on_event=True)])
    listed = summary(BOTH, [DocumentInfo(id="b", on_event=True)])
    cited = summary([*BOTH, claim("s3", "The bridge closed last year.", "x", doc="b")], [])
    assert score_summary(flagged, gold, ARTICLES).value("offevent_flagged") == 1.0
    assert score_summary(left_out, gold, ARTICLES).value("offevent_flagged") == 1.0
    assert score_summary(listed, gold, ARTICLES).value("offevent_flagged") == 0.0
    card = score_summary(cited, gold, ARTICLES)
    assert card.value("offevent_flagged") == 0.0
    assert "cited by a claim" in card.scores["offevent_flagged"].explanation


def test_a_dispute_is_found_only_when_it_links_claims_matched_to_two_gold_claims() -> None:
    gold = parse_gold(GOLD)
    linked = [Dispute(topic="how long", claim_ids=["s1", "s2"], description="")]
    unmatched = [Dispute(topic="how long", claim_ids=["s1", "zz"], description="")]
    assert score_summary(summary(BOTH, [], disputes=linked), gold).value("dispute_recall") == 1.0
    assert score_summary(summary(BOTH, [], disputes=unmatched), gold).value("dispute_recall") == 0


def test_side_coverage_counts_sides_of_matched_claims() -> None:
    card = score_summary(summary(BOTH[:1], []), parse_gold(GOLD))
    assert card.value("side_coverage") == 0.5
    assert "workers: no matched claim" in card.scores["side_coverage"].explanation


def test_empty_denominators_score_one_and_say_so() -> None:
    data = {
        **GOLD,
        "disputes": [],
        "required_sides": [],
        "documents": [{"id": "a", "on_event": True}, {"id": "b", "on_event": True}],
    }
    card = score_summary(summary([], []), parse_gold(data), ARTICLES)
    for name in (
        "attribution_accuracy",
        "dispute_recall",
        "side_coverage",
        "offevent_flagged",
        "grounding_rate",
    ):
        assert card.value(name) == 1.0
        assert card.scores[name].denominator == 0
    assert card.value("claim_recall_core") == 0.0  # the record asked for claims: 0 of 1
    assert card.value("loaded_per_100_words") == 0.0
    assert "no off-event documents" in card.scores["offevent_flagged"].explanation


def test_grounding_is_not_measured_without_articles() -> None:
    card = score_summary(summary(BOTH, []), parse_gold(GOLD), None)
    assert card.value("grounding_rate") is None
    assert "not measured" in card.scores["grounding_rate"].explanation


def test_the_records_loaded_terms_add_to_the_lexicon() -> None:
    card = score_summary(summary(BOTH, [], text="A boondoggle, said nobody."), parse_gold(GOLD))
    hit = card.details["loaded_hits"][0]
    assert (hit["term"], hit["where"], hit["start"]) == ("boondoggle", "summary", 2)
    quoted = summary(BOTH, [], text='It was "a boondoggle", the union said.')
    assert score_summary(quoted, parse_gold(GOLD)).value("narrator_loaded_terms") == 0
