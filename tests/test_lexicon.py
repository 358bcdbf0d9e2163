"""The loaded-language lexicon: one test per category, plus its format and exceptions."""

from __future__ import annotations

import json

import pytest

from summarize.neutrality import find_loaded, load_lexicon
from summarize.resources import package_data

CATEGORIES = (
    "pejorative_labels",
    "atrocity_and_terror_framing",
    "loaded_territorial_terms",
    "intensifiers",
    "biased_reporting_verbs",
)


def categories_in(text: str) -> set[str]:
    return {hit.category for hit in find_loaded(text)}


def test_the_lexicon_file_keeps_its_format_and_five_categories() -> None:
    data = json.loads(package_data("loaded_lexicon.json").read_text(encoding="utf-8"))
    assert data["format"] == "summarize-lexicon/1"
    assert tuple(data["categories"]) == CATEGORIES
    for entries in data["categories"].values():
        assert entries and all(isinstance(e, str) and e.strip() == e for e in entries)
    assert load_lexicon().version == data["version"]


def test_pejorative_labels() -> None:
    assert categories_in("The regime's thugs arrested him.") == {"pejorative_labels"}
    assert categories_in("The government's police arrested him.") == set()


def test_atrocity_and_terror_framing() -> None:
    assert categories_in("It was a massacre of civilians.") == {"atrocity_and_terror_framing"}
    assert categories_in("Twelve civilians were killed.") == set()


def test_loaded_territorial_terms() -> None:
    assert categories_in("After the liberation of the town") == {"loaded_territorial_terms"}
    assert categories_in("After the army took control of the town") == set()


def test_intensifiers() -> None:
    assert categories_in("A shocking and blatant move") == {"intensifiers"}
    assert categories_in("A sudden and unannounced move") == set()


def test_biased_reporting_verbs() -> None:
    assert categories_in("The minister slammed the plan and boasted of success.") == {
        "biased_reporting_verbs"
    }
    assert categories_in("The minister criticised the plan and spoke of success.") == set()


@pytest.mark.parametrize(
    "text",
    [
        "The Department of Homeland Security said so.",
        "The group claimed responsibility for the attack.",
        "Extreme heat is forecast.",
    ],
)
def test_names_and_idioms_in_the_exceptions_are_not_loaded(text: str) -> None:
    assert find_loaded(text) == []


def test_a_listed_word_is_still_loaded_outside_its_exception() -> None:
    assert [h.term for h in find_loaded("They claimed the homeland was theirs.")] == [
        "claimed",
        "homeland",
    ]
