"""Sentence splitting and line layout: the text-level helpers the extractor relies on."""

from __future__ import annotations

from summarize.evidence.layout import parse_view, unwrap
from summarize.evidence.sentences import sentence_bounds, split_sentences
from summarize.models import Article


def test_titles_and_initials_do_not_end_a_sentence() -> None:
    text = "Sen. John Smith of the U.S. Senate spoke. Mr. J. Doe left! Did he? Yes."
    assert [text[a:b] for a, b in sentence_bounds(text)] == [
        "Sen. John Smith of the U.S. Senate spoke.",
        "Mr. J. Doe left!",
        "Did he?",
        "Yes.",
    ]


def test_dotted_initials_and_delegate_title_do_not_end_a_sentence() -> None:
    text = "Rep. G.K. Butterfield said so. Del. Stacey Plaskett agreed."
    assert [text[a:b] for a, b in sentence_bounds(text)] == [
        "Rep. G.K. Butterfield said so.",
        "Del. Stacey Plaskett agreed.",
    ]


def test_extractor_and_prompt_condenser_share_one_abbreviation_list() -> None:
    from summarize.engines.llm.condense import prompt_documents
    from summarize.evidence.types import EvidenceBundle

    text = "The data in Fig. 3 came approx. 9 hours late. Gov. Lee, Pres. Obama etc. agreed."
    expected = [
        "The data in Fig. 3 came approx. 9 hours late.",
        "Gov. Lee, Pres. Obama etc. agreed.",
    ]
    assert [text[a:b] for a, b in sentence_bounds(text)] == expected
    [doc] = prompt_documents(EvidenceBundle(articles=[Article(id="d", text=text)]))
    assert [s.text for s in doc.sentences] == expected  # the condenser uses the same sentences


def test_a_quotation_is_never_split() -> None:
    text = 'He said: "We will fight. We will win." Then he left. She wrote \u201cNo. Never.\u201d'
    assert [text[a:b] for a, b in sentence_bounds(text)] == [
        'He said: "We will fight. We will win."',
        "Then he left.",
        "She wrote \u201cNo. Never.\u201d",
    ]


def test_an_unclosed_quote_mark_does_not_join_sentences() -> None:
    text = 'The screen is 5" wide. The phone sold out. He said "go.\nNew line. Here.'
    assert [text[a:b] for a, b in sentence_bounds(text)] == [
        'The screen is 5" wide.',
        "The phone sold out.",
        'He said "go.',
        "New line.",
        "Here.",
    ]


def test_sentence_ids_and_offsets() -> None:
    article = Article(id="d", text="Headline\n\nFirst one. Second one.")
    sentences = split_sentences(article)
    assert [s.id for s in sentences] == ["d1.s1", "d1.s2", "d1.s3"]
    assert all(article.text[s.start : s.end] == s.text for s in sentences)


def test_hard_wrapped_lines_are_joined_and_headlines_kept_apart() -> None:
    wrapped = "The aide to the president, Hikmat\nHajiyev, said it was\nover.\nNext paragraph.\n"
    assert unwrap(wrapped) == (
        "The aide to the president, Hikmat Hajiyev, said it was over.\nNext paragraph.\n"
    )
    listing = "Big headline about Ganja\nThe city was hit.\nThe army said so.\n"
    assert unwrap(listing) == listing


def test_parse_view_blanks_sentences_without_cues_and_keeps_offsets() -> None:
    text = "The river rose overnight. The mayor said the bridge was closed."
    view = parse_view(text)
    assert len(view) == len(text)
    assert view.strip() == "The mayor said the bridge was closed."
