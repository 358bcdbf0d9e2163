"""Narrator voice: what counts as quoted (the source's voice) and what does not."""

from __future__ import annotations

import pytest

from summarize.neutrality import find_loaded, quoted_spans, word_count


def quoted(text: str) -> list[str]:
    return [text[a:b] for a, b in quoted_spans(text)]


@pytest.mark.parametrize(
    "text",
    [
        'He called it "a brutal attack".',
        "He called it \u201ca brutal attack\u201d.",
        "He called it 'a brutal attack'.",
        "He called it \u2018a brutal attack\u2019.",
        "He called it \u201ea brutal attack\u201c.",
        "He called it \u00aba brutal attack\u00bb.",
        'He called it "a brutal attack\u201d.',
    ],
)
def test_quoted_loaded_words_are_the_sources_voice(text: str) -> None:
    assert find_loaded(text) == []
    assert find_loaded(text, quoted_ok=False)  # the word is there, just quoted


@pytest.mark.parametrize(
    "text",
    [
        "Armenia's brutal attack",
        "Armenia\u2019s brutal attack",
        "The officers' brutal raid",
        "In the '90s the brutal war ended",
        "Rock 'n' roll was a brutal business",
        "They don't call it brutal",
    ],
)
def test_apostrophes_are_not_quotes(text: str) -> None:
    assert [h.term for h in find_loaded(text)] == ["brutal"]


def test_an_unclosed_double_quote_runs_to_the_end_of_its_paragraph_only() -> None:
    text = 'He said "a brutal day and\n\nthen a brutal night.'
    hits = find_loaded(text)
    assert len(hits) == 1 and hits[0].start > text.index("\n\n")


def test_quotes_nest_without_closing_the_outer_one() -> None:
    text = "He said \"they called it 'a sham' and a brutal one\" yesterday."
    assert quoted(text) == ["\"they called it 'a sham' and a brutal one\""]


def test_hits_carry_positions_and_plurals_fold_to_the_entry() -> None:
    text = "Two massacres and a regime."
    hits = find_loaded(text)
    assert [(h.term, text[h.start : h.end]) for h in hits] == [
        ("massacre", "massacres"),
        ("regime", "regime"),
    ]


def test_extra_terms_are_matched_as_whole_words() -> None:
    assert [h.term for h in find_loaded("Erivan forces moved.", ["Erivan forces"])] == [
        "erivan forces"
    ]
    assert find_loaded("Erivanian forces moved.", ["Erivan forces"]) == []


def test_word_count_counts_contractions_once() -> None:
    assert word_count("Armenia's army didn't fire, officials said.") == 6
