"""Off-event articles are found from their figures, dates and wording, not their ids."""

from __future__ import annotations

import datetime as dt

from summarize.evidence.dates import reference_date, report_date
from summarize.evidence.features import document_features
from summarize.evidence.relevance import judge_relevance
from summarize.models import Article

ON = [
    Article(
        id="x1",
        published=dt.date(2031, 3, 2),
        text="A blast at the Riverton plant killed 12 people and injured 40, the fire chief said "
        "on Sunday. Ten houses were destroyed.",
    ),
    Article(
        id="x2",
        text="The fire chief said Sunday that 12 people were killed and 40 injured in the Riverton "
        "plant blast. Residents said ten houses were destroyed.",
    ),
    Article(
        id="x3",
        text="Twelve people were killed in Sunday's explosion at a plant in Riverton, officials "
        "said, and 40 people were injured.",
    ),
]
OFF = Article(
    id="x4",
    text="A fire at the Riverton plant on Tuesday killed 3 workers and injured 7, the company "
    "said. It was the second fire there this year; 2 people were killed in May.",
)


def _judge(articles: list[Article]) -> dict[str, bool]:
    ref = reference_date(articles)
    feats = [document_features(a.id, a.text, report_date(a, ref)) for a in articles]
    return {v.document: v.on_event for v in judge_relevance(feats)}


def test_article_with_other_figures_and_day_is_off_event() -> None:
    verdicts = _judge([*ON, OFF])
    assert verdicts == {"x1": True, "x2": True, "x3": True, "x4": False}


def test_reason_names_the_evidence() -> None:
    ref = reference_date([*ON, OFF])
    feats = [document_features(a.id, a.text, report_date(a, ref)) for a in [*ON, OFF]]
    off = next(v for v in judge_relevance(feats) if not v.on_event)
    assert off.reason is not None
    assert "no other article" in off.reason and "2031-02-" in off.reason


def test_one_or_two_articles_are_never_flagged() -> None:
    assert _judge([OFF]) == {"x4": True}
    assert _judge([ON[0], OFF]) == {"x1": True, "x4": True}


def test_three_articles_on_one_event_are_all_kept() -> None:
    assert all(_judge(ON).values())


def test_report_day_resolves_a_weekday_against_the_published_date() -> None:
    assert report_date(ON[0], None) == dt.date(2031, 3, 2)  # a Sunday
    assert report_date(OFF, dt.date(2031, 3, 2)) == dt.date(2031, 2, 25)  # the Tuesday before
