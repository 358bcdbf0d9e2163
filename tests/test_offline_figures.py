"""A casualty figure only where the number counts the killed or injured (issue
#12): on NeuS test clusters "over 80 days of protests", "led GE through 20
years" and "a 27-year-old black man" became "N people were killed"."""

from __future__ import annotations

import re

import pytest

from summarize import summarize_articles
from summarize.evidence.figures import find_figures
from summarize.models import Article, EventSummary

_CASUALTY_RE = re.compile(r"\b\d+\s+\w+\s+(?:was|were)\s+(?:killed|injured)\b")


def _run(*texts: str) -> EventSummary:
    articles = [
        Article(id=f"a{n}", outlet=f"Outlet {n}", text=text)
        for n, text in enumerate(texts, start=1)
    ]
    return summarize_articles(articles, engine="offline")


PROTESTS = (
    "Portland police said they were struggling to answer emergency calls as violence "
    "continues to escalate amid over 80 days of Black Lives Matter protests. Officers told "
    "reporters on Sunday that dozens of people were struggling to reach the operators."
)
WELCH = (
    "Jack Welch, who led GE through 20 years of its greatest financial success, has died. "
    '"Today is a sad day for the entire GE family," GE chief executive Larry Culp said.'
)
WELCH_WIRE = (
    "Jack Welch, who led General Electric for 20 years, died at the age of 84. "
    "His wife Suzy said that he died at home, surrounded by family."
)
BROOKS = (
    "The killing of a 27-year-old black man in an encounter with two officers rekindled "
    "protests in Atlanta. Brooks, 27, died after he was shot twice in the back on Friday, "
    "the county medical examiner's office said in a statement."
)


@pytest.mark.parametrize(
    "texts",
    [(PROTESTS,), (WELCH, WELCH_WIRE), (BROOKS,)],
    ids=["80-days-of-protests", "20-years-at-GE", "27-year-old"],
)
def test_a_number_that_counts_something_else_gives_no_casualty_sentence(
    texts: tuple[str, ...],
) -> None:
    summary = _run(*texts)
    assert not _CASUALTY_RE.search(summary.summary), summary.summary
    assert not [c for c in summary.claims if _CASUALTY_RE.search(c.statement)]


@pytest.mark.parametrize(
    "text",
    [
        "as violence continues to escalate amid over 80 days of Black Lives Matter protests.",
        "Jack Welch, who led GE through 20 years of its greatest financial success, has died.",
        "Jack Welch, who led General Electric for 20 years, died at the age of 84.",
        "Brooks, 27, died after he was shot twice in the back.",
        "A man, aged 27, died in hospital.",
        "Brooks suffered 2 gunshot wounds to the back, his death ruled a homicide.",
        "The family was awarded $20 after the death of their son.",
    ],
)
def test_durations_ages_money_and_other_nouns_are_not_casualty_counts(text: str) -> None:
    assert find_figures(text) == []


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("12 people were killed when missiles hit Ganja, injuring 40.", {12, 40}),
        ("Two kids are among the dead.", {2}),
        ("40 Azerbaijani civilians injured", {40}),
        ("A gunman suspected of killing five police officers fled.", {5}),
        ("The shooting left 17 people dead.", {17}),
        ("Five were killed.", {5}),
    ],
)
def test_counts_of_the_killed_and_injured_are_still_figures(text: str, counts: set[int]) -> None:
    assert {f.value for f in find_figures(text)} == counts


def test_a_comma_ends_a_headline_count_so_the_next_number_keeps_its_own_kind() -> None:
    kinds = {(f.kind, f.value) for f in find_figures("Death Toll Soars: 50 Killed, 400 Wounded")}
    assert kinds == {("killed", 50), ("injured", 400)}
