"""Casualty and damage figures as the compose stage reads them."""

from __future__ import annotations

from summarize.evidence.figures import find_figures


def _facts(text: str) -> list[tuple[str, str, int, str | None, bool]]:
    return [(f.kind, f.group, f.value, f.qualifier, f.included) for f in find_figures(text)]


def test_number_words_digits_and_qualifiers() -> None:
    text = (
        "At least ten civilians were killed, including two children, and 35 others injured. "
        "More than 20 houses were destroyed."
    )
    assert _facts(text) == [
        ("killed", "people", 10, "at least", False),
        ("killed", "children", 2, None, True),
        ("injured", "people", 35, None, False),
        ("destroyed", "houses", 20, "more than", False),
    ]


def test_participles_before_the_number() -> None:
    text = (
        "12 people were killed when missiles hit Ganja, injuring 40 as well. Reports pointed "
        "to the destruction of as many as 20 houses."
    )
    assert _facts(text) == [
        ("killed", "people", 12, None, False),
        ("injured", "people", 40, None, False),
        ("destroyed", "houses", 20, "as many as", False),
    ]


def test_numbers_that_count_nothing_are_not_figures() -> None:
    text = (
        "The truce of October 10, 1994 held for 26 years; 20% of the land lies 50 miles away. "
        "date 2020-10-17 Houses destroyed at 12:50."
    )
    assert find_figures(text) == []


def test_among_the_dead_and_large_numbers() -> None:
    assert _facts("Two kids are among the dead. Nearly 30,000 people were killed.") == [
        ("killed", "children", 2, None, False),
        ("killed", "people", 30000, "nearly", False),
    ]


def test_phrase_is_neutral_and_keeps_the_source_number() -> None:
    (fig,) = find_figures("at least ten civilians were killed")
    assert fig.phrase() == "at least ten civilians were killed"
