"""snap_quote: a near-verbatim quote becomes the document's own words; a paraphrase does not."""

from __future__ import annotations

import pytest

from summarize.grounding import locate, snap_quote

DOC = (
    "Hikmet Hajiyev, assistant to the Azerbaijani president, said on Twitter: "
    "\u201cCivilians are continued to be saved from the debris of destruction by "
    "emergency services.\u201d Officials said the strike \u2014 the third this month "
    "\u2014 hit a school.\nThe ministry did not comment\u2026 at first."
)

SAVED = "Civilians are continued to be saved from the debris of destruction by emergency services"


@pytest.mark.parametrize(
    "near",
    [
        SAVED.lower(),
        f'"{SAVED}."',
        SAVED.replace("destruction", "destructions"),
        "the strike - the third this month - hit a school",
        "The ministry did not comment... at first.",
        "Civilians  are\ncontinued to be saved from the debris of destruction by emergency sevices",
    ],
)
def test_near_verbatim_quotes_snap_to_the_source_text(near: str) -> None:
    span = snap_quote(near, DOC)
    assert span is not None, near
    assert DOC[span.start : span.end] == span.text
    assert locate(span.text, DOC) is not None  # the snapped text is verbatim by construction
    assert abs(len(span.text) - len(near.strip('"'))) <= 0.1 * len(near) + 4


@pytest.mark.parametrize(
    "far",
    [
        "Emergency services keep rescuing civilians from the rubble",  # a paraphrase
        "The ministry commented at once and denied it",
        "Armenia has surrendered unconditionally",
    ],
)
def test_paraphrases_do_not_snap(far: str) -> None:
    assert snap_quote(far, DOC) is None


def test_an_exact_piece_is_found_where_it_is() -> None:
    span = snap_quote("Civilians are continued to be saved from the debris", DOC)
    assert span is not None and span.text == "Civilians are continued to be saved from the debris"


def test_a_quote_that_adds_a_clause_is_not_repaired() -> None:
    longer = (
        "Civilians are continued to be saved from the debris of destruction by emergency "
        "services, and the army will retaliate"
    )
    assert snap_quote(longer, DOC) is None


def test_locate_gives_offsets_under_verbatim_folding() -> None:
    start, end = locate('said on Twitter: "Civilians are', DOC) or (0, 0)
    assert DOC[start:end] == "said on Twitter: \u201cCivilians are"
    assert locate("said on Facebook", DOC) is None
