"""Claim matching (must_include, one to one) and speaker-name folding."""

from __future__ import annotations

import pytest

from summarize.evaluation.gold import GoldActor, GoldClaim
from summarize.evaluation.matching import (
    match_claims,
    must_include_holds,
    name_matches,
    speaker_matches,
)
from summarize.models import Claim, Evidence, Speaker


def gold_claim(cid: str, statement: str, must: list[list[str]]) -> GoldClaim:
    return GoldClaim(cid, "core", ("x",), statement, tuple(tuple(g) for g in must), ("a",))


def claim(cid: str, statement: str, quote: str | None = None) -> Claim:
    return Claim(
        id=cid,
        statement=statement,
        speaker=Speaker(name="Someone"),
        quote=quote,
        evidence=[Evidence(document="a", quote="x")],
        reported_by=["a"],
    )


@pytest.mark.parametrize(
    ("groups", "text", "expected"),
    [
        ([["civilian"]], "Twelve civilians were killed", True),
        ([["civilian"]], "noncivilian targets", False),
        ([["CIVILIAN"]], "civilians", True),
        ([["six weeks", "6 weeks"]], "closed for 6  weeks", True),
        ([["six weeks"], ["mayor"]], "six weeks, said the union", False),
        ([["12"]], "killed 112 people", False),
        ([["$2 billion"]], "cost $2 billion", True),
        ([["Kata'ib"]], "Kata\u2019ib Hezbollah used them", True),
        ([], "anything", True),
    ],
)
def test_must_include_is_case_insensitive_and_starts_at_a_word(
    groups: list[list[str]], text: str, expected: bool
) -> None:
    assert must_include_holds(groups, text) is expected


def test_the_quote_counts_toward_must_include() -> None:
    gold = [gold_claim("g", "The union said three months", [["three months"]])]
    assert match_claims(gold, [claim("s", "The union gave a longer estimate.")]) == []
    found = match_claims(gold, [claim("s", "The union gave an estimate.", "three months")])
    assert [(m.gold_id, m.summary_id) for m in found] == [("g", "s")]


def test_matching_is_one_to_one_and_keeps_every_possible_match() -> None:
    # s1 fits both gold claims and overlaps g1 best; s2 fits only g1. A greedy
    # matcher gives g1 to s1 and loses g2; the optimal one matches both.
    gold = [
        gold_claim("g1", "The mayor said the bridge closes for six weeks", [["weeks"]]),
        gold_claim("g2", "Repairs will take weeks of work", [["weeks"]]),
    ]
    summary = [
        claim("s1", "The mayor said the bridge closes for six weeks of repairs"),
        claim("s2", "Closed for weeks, the mayor said"),
    ]
    matches = {(m.gold_id, m.summary_id) for m in match_claims(gold, summary)}
    assert len(matches) == 2
    assert len({g for g, _ in matches}) == len({s for _, s in matches}) == 2


def test_among_candidates_the_highest_word_overlap_wins() -> None:
    gold = [gold_claim("g", "The union said the closure could last three months", [["months"]])]
    summary = [
        claim("s1", "Months of delays are possible"),
        claim("s2", "The union said the closure could last three months"),
    ]
    assert [m.summary_id for m in match_claims(gold, summary)] == ["s2"]


@pytest.mark.parametrize(
    ("summary_name", "gold_name", "expected"),
    [
        ("Hajiyev", "Hikmet Hajiyev", True),
        ("hikmet HAJIYEV", "Hikmet Hajiyev", True),
        ("Mevlut Cavusoglu", "Mevlüt Çavuşoğlu", True),
        ("Turkish Foreign Minister Mevlüt Çavuşoğlu", "Mevlut Cavusoglu", True),
        ("Armenia's Foreign Ministry", "Armenia Foreign Ministry", True),
        ("U.S. military", "US military", True),
        ("Haji", "Hikmet Hajiyev", False),
        ("the", "the mayor", False),
        ("Roe", "Jane Roe", True),
        ("Jane Doe", "Jane Roe", False),
    ],
)
def test_speaker_names_fold_case_accents_punctuation_on_whole_words(
    summary_name: str, gold_name: str, expected: bool
) -> None:
    assert name_matches(summary_name, gold_name) is expected


def test_aliases_count_as_the_actor() -> None:
    actors = [GoldActor("mayor", "Jane Roe", ("the mayor", "Riverton mayor"), "city")]
    assert speaker_matches("Riverton Mayor", actors) == "Riverton mayor"
    assert speaker_matches("Transit Workers Union", actors) is None
