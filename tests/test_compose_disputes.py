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
        "the blast. Berg said the toll since the start of the year stands at 30 people killed. "
        "Berg said a faulty boiler at the plant had caused the blast."
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
        relation(B, "Berg", "said", "a faulty boiler at the plant had caused the blast", n=2),
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


def _denial_dispute_speakers(articles: list[Article], relations: list) -> set[str]:
    body = compose_body(bundle_of(articles, relations))
    by_id = {c.id: c for c in body.claims}
    denials = [d for d in body.disputes if d.topic.startswith("denial")]
    assert len(denials) == 1
    return {by_id[cid].speaker.name for cid in denials[0].claim_ids}


PORT = Article(
    id="p",
    text=(
        "A crane fell at the Riverton depot on Tuesday. The port authority said that the crane "
        "fell because its operator had overloaded it. The fire service said that four "
        "workers were killed and six injured. Mayor Jane Roe visited the depot. "
        "Delta Shipping denied that the crane fell, which caused deaths and injuries."
    ),
)


def test_a_denial_does_not_dispute_the_consequences_it_goes_on_to_tell() -> None:
    """ "Denied that the crane fell, which caused deaths" denies the fall, not the toll."""
    relations = [
        relation(
            PORT,
            "The port authority",
            "said",
            "that the crane fell because its operator had overloaded it",
        ),
        relation(
            PORT, "The fire service", "said", "that four workers were killed and six injured", n=1
        ),
        relation(
            PORT,
            "Delta Shipping",
            "denied",
            "that the crane fell, which caused deaths and injuries",
            n=2,
        ),
    ]
    speakers = _denial_dispute_speakers([PORT], relations)
    assert "port authority" in speakers
    assert "fire service" not in speakers


TOLL = Article(
    id="t",
    text=(
        "The port authority said that the crane caused the deaths at the depot. The fire "
        "service said that 30 workers have been killed at the depot since January. "
        "Mayor Jane Roe visited the depot. "
        "Delta Shipping denied that the crane caused deaths at the depot."
    ),
)


def test_a_running_toll_is_not_what_a_denial_of_the_event_denies() -> None:
    relations = [
        relation(
            TOLL, "The port authority", "said", "that the crane caused the deaths at the depot"
        ),
        relation(
            TOLL,
            "The fire service",
            "said",
            "that 30 workers have been killed at the depot since January",
            n=1,
        ),
        relation(
            TOLL, "Delta Shipping", "denied", "that the crane caused deaths at the depot", n=2
        ),
    ]
    speakers = _denial_dispute_speakers([TOLL], relations)
    assert "port authority" in speakers
    assert "fire service" not in speakers


OWN = Article(
    id="o",
    text=(
        "Delta Shipping denied that its crane had toppled onto the loading depot. "
        "Mayor Jane Roe visited the depot. "
        "The port authority said that a Delta Shipping crane toppled onto the loading depot. "
        "The fire service said that four workers were killed when a crane fell at the depot."
    ),
)


def test_a_denial_of_its_own_act_disputes_claims_that_name_the_denier() -> None:
    """ "Denied that its crane toppled" answers who says Delta's crane did, not every
    account of a crane falling."""
    relations = [
        relation(
            OWN,
            "The port authority",
            "said",
            "that a Delta Shipping crane toppled onto the loading depot",
        ),
        relation(
            OWN,
            "The fire service",
            "said",
            "that four workers were killed when a crane fell at the depot",
            n=1,
        ),
        relation(
            OWN,
            "Delta Shipping",
            "denied",
            "that its crane had toppled onto the loading depot",
            n=2,
        ),
    ]
    speakers = _denial_dispute_speakers([OWN], relations)
    assert "port authority" in speakers
    assert "fire service" not in speakers


AGREE = Article(
    id="g",
    text=(
        "The city council said that the mayor had approved the stadium plan. "
        "The planning board said that the mayor never approved the stadium plan. "
        "Residents gathered outside the hall. "
        "The mayor's office denied that the mayor had approved the stadium plan."
    ),
)


def test_a_source_that_agrees_with_a_denial_is_not_disputed_by_it() -> None:
    """Two sources saying no to the same thing agree (issue #12: the White House and
    its press secretary were set against each other)."""
    relations = [
        relation(AGREE, "The city council", "said", "that the mayor had approved the stadium plan"),
        relation(
            AGREE,
            "The planning board",
            "said",
            "that the mayor never approved the stadium plan",
            n=1,
        ),
        relation(
            AGREE,
            "The mayor's office",
            "denied",
            "that the mayor had approved the stadium plan",
            n=2,
        ),
    ]
    speakers = _denial_dispute_speakers([AGREE], relations)
    assert "city council" in speakers
    assert "planning board" not in speakers


TWO_DAYS = Article(
    id="w",
    text=(
        "Violence continued in Riverton this week. Police chief Tom Hale said that 12 people "
        "were killed in Monday's blast at the depot. Mayor Jane Roe said that 9 people were "
        "killed in Thursday's attack on the market. Roads were closed."
    ),
)


def test_figures_of_differently_dated_incidents_are_no_dispute() -> None:
    """Issue #12: a 'number killed' dispute was invented between two different attacks."""
    relations = [
        relation(
            TWO_DAYS,
            "Police chief Tom Hale",
            "said",
            "that 12 people were killed in Monday's blast at the depot",
            name="Tom Hale",
            role="Police chief",
        ),
        relation(
            TWO_DAYS,
            "Mayor Jane Roe",
            "said",
            "that 9 people were killed in Thursday's attack on the market",
            name="Jane Roe",
            role="Mayor",
            n=1,
        ),
    ]
    body = compose_body(bundle_of([TWO_DAYS], relations))
    assert len(body.claims) == 2
    assert body.disputes == []
    # The same two figures for one day's incident are a dispute.
    same_day = Article(id="s", text=TWO_DAYS.text.replace("Thursday's attack", "Monday's attack"))
    relations = [
        relation(same_day, r.source.text, "said", c, name=r.source_name, role=r.role, n=k)
        for k, (r, c) in enumerate(
            zip(
                relations,
                [
                    "that 12 people were killed in Monday's blast at the depot",
                    "that 9 people were killed in Monday's attack on the market",
                ],
                strict=True,
            )
        )
    ]
    assert [d.topic for d in compose_body(bundle_of([same_day], relations)).disputes] == [
        "number of people killed"
    ]


BRIDGE = Article(
    id="r",
    text=(
        "Inspectors looked at the Riverton bridge last week. The transport ministry said that "
        "the Riverton bridge does not need new steel supports this year. Traffic was light. "
        "The rail union stated that the Riverton bridge will need new steel supports this "
        "year. Mayor Jane Roe added that the bridge is not only a road but a landmark."
    ),
)


def _bridge_relations() -> list:
    return [
        relation(
            BRIDGE,
            "The transport ministry",
            "said",
            "that the Riverton bridge does not need new steel supports this year",
        ),
        relation(
            BRIDGE,
            "The rail union",
            "stated",
            "that the Riverton bridge will need new steel supports this year",
            n=1,
        ),
        relation(
            BRIDGE,
            "Mayor Jane Roe",
            "added",
            "that the bridge is not only a road but a landmark",
            name="Jane Roe",
            role="Mayor",
            n=2,
        ),
    ]


def test_one_statement_said_both_ways_by_two_sides_is_a_dispute() -> None:
    body = compose_body(bundle_of([BRIDGE], _bridge_relations()))
    by_id = {c.id: c for c in body.claims}
    assert len(body.disputes) == 1
    dispute = body.disputes[0]
    assert {by_id[cid].speaker.name for cid in dispute.claim_ids} == {
        "transport ministry",
        "rail union",
    }
    assert "does not need" in dispute.description and "will need" in dispute.description


def test_statements_that_agree_are_no_dispute() -> None:
    """Both sides saying no (or both yes) agree; "not only" is no negation."""
    agree = Article(id="r", text=BRIDGE.text.replace("will need", "does not need"))
    relations = _bridge_relations()
    relations[1] = relation(
        agree,
        "The rail union",
        "stated",
        "that the Riverton bridge does not need new steel supports this year",
        n=1,
    )
    relations = [relations[0], relations[1]]
    body = compose_body(bundle_of([agree], relations))
    assert len(body.claims) == 2
    assert body.disputes == []


def test_not_only_is_no_negation() -> None:
    text = (
        "The transport ministry said that the Riverton bridge needs new steel supports this "
        "year. The rail union stated that the Riverton bridge not only needs new steel supports "
        "this year but a new deck."
    )
    article = Article(id="n", text=text)
    relations = [
        relation(
            article,
            "The transport ministry",
            "said",
            "that the Riverton bridge needs new steel supports this year",
        ),
        relation(
            article,
            "The rail union",
            "stated",
            "that the Riverton bridge not only needs new steel supports this year but a new deck",
            n=1,
        ),
    ]
    body = compose_body(bundle_of([article], relations))
    assert len(body.claims) == 2
    assert body.disputes == []


def test_one_source_named_two_ways_is_not_set_against_itself() -> None:
    """'Tucker Carlson' and 'the Tucker Carlson Tonight host' are one source."""
    text = (
        "Jane Roe said that the Riverton bridge does not need new steel supports this year. "
        "The Jane Roe campaign stated that the Riverton bridge will need new steel supports "
        "this year."
    )
    article = Article(id="j", text=text)
    relations = [
        relation(
            article,
            "Jane Roe",
            "said",
            "that the Riverton bridge does not need new steel supports this year",
        ),
        relation(
            article,
            "The Jane Roe campaign",
            "stated",
            "that the Riverton bridge will need new steel supports this year",
            n=1,
        ),
    ]
    body = compose_body(bundle_of([article], relations))
    assert len({c.speaker.name for c in body.claims}) == 2
    assert body.disputes == []


def test_a_speaker_saying_it_rejects_a_claim_is_a_denial() -> None:
    """'The company said it rejects the finding that ...' denies like 'denied that'."""
    text = (
        "Inspectors said that a faulty boiler at the Riverton plant had caused the blast. "
        "Residents gathered outside. The plant owner stated that it rejects the finding that "
        "a faulty boiler at the plant had caused the blast."
    )
    article = Article(id="k", text=text)
    relations = [
        relation(
            article,
            "Inspectors",
            "said",
            "that a faulty boiler at the Riverton plant had caused the blast",
        ),
        relation(
            article,
            "The plant owner",
            "stated",
            "that it rejects the finding that a faulty boiler at the plant had caused the blast",
            n=1,
        ),
    ]
    speakers = _denial_dispute_speakers([article], relations)
    assert speakers == {"Inspectors", "plant owner"}
