"""Disputes: different figures for one count, and denials."""

from __future__ import annotations

from compose_helpers import bundle_of, relation

from summarize.engines.offline import compose_body
from summarize.models import Article

A = Article(
    id="a",
    published=None,
    text=(
        "Officials in Riverton counted the damage on Monday. The city's fire chief, Anna Berg, "
        "said that 12 people were killed and 40 injured in the blast. "
        "Ben Cole, a spokesman for the plant owner, said that 9 people were killed. "
        "The plant owner denied that its boiler had caused the blast."
    ),
)
B = Article(
    id="b",
    text=(
        "A blast hit a Riverton plant on Monday. Anna Berg said that 12 people were killed in "
        "the blast. Berg said the toll since the start of the year stands at 30 people killed."
    ),
)


def _relations() -> list:
    return [
        relation(
            A,
            "Anna Berg",
            "said",
            "that 12 people were killed and 40 injured in the blast",
            role="fire chief",
        ),
        relation(A, "Ben Cole", "said", "that 9 people were killed", n=1),
        relation(A, "The plant owner", "denied", "that its boiler had caused the blast", n=2),
        relation(B, "Anna Berg", "said", "that 12 people were killed in the blast"),
        relation(
            B,
            "Berg",
            "said",
            "the toll since the start of the year stands at 30 people killed",
            n=1,
        ),
    ]


def test_different_figures_from_different_speakers_are_a_dispute() -> None:
    body = compose_body(bundle_of([A, B], _relations()))
    by_id = {c.id: c for c in body.claims}
    figure_disputes = [d for d in body.disputes if "killed" in d.topic]
    assert len(figure_disputes) == 1
    dispute = figure_disputes[0]
    speakers = {by_id[cid].speaker.name for cid in dispute.claim_ids}
    assert speakers == {"Anna Berg", "Ben Cole"}
    assert "12" in dispute.description and "9" in dispute.description
    assert "Anna Berg" in dispute.description and "Ben Cole" in dispute.description


def test_a_running_toll_is_not_set_against_the_event_figure() -> None:
    body = compose_body(bundle_of([A, B], _relations()))
    by_id = {c.id: c for c in body.claims}
    for dispute in body.disputes:
        for cid in dispute.claim_ids:
            assert "30" not in by_id[cid].statement


def test_a_denial_is_a_dispute_with_what_it_denies() -> None:
    body = compose_body(bundle_of([A, B], _relations()))
    by_id = {c.id: c for c in body.claims}
    denials = [d for d in body.disputes if d.topic.startswith("denial")]
    assert len(denials) == 1
    names = {by_id[cid].speaker.name for cid in denials[0].claim_ids}
    assert "plant owner" in names and len(names) >= 2
    denial_claim = next(c for c in body.claims if c.speaker.name == "plant owner")
    assert denial_claim.statement.startswith("The plant owner denied that")


def test_one_speaker_repeating_a_figure_is_no_dispute() -> None:
    relations = [r for r in _relations() if r.source_name not in {"Ben Cole", "The plant owner"}]
    body = compose_body(bundle_of([A, B], relations))
    assert body.disputes == []
