"""Long articles are parsed in pieces: cost grows with length, results do not change."""

from __future__ import annotations

import pytest

from summarize.evidence import nlp
from summarize.evidence.attribution import extract_attributions
from summarize.models import Article

PARAGRAPHS = [
    f"Officials in district {n} said on Monday that the river had risen by {n} metres. "
    f'"We are moving families to higher ground," said Mayor Ana Costa of district {n}.'
    for n in range(1, 13)
]


def test_pieces_join_back_to_the_text_and_cut_at_paragraph_breaks() -> None:
    text = "\n\n".join(PARAGRAPHS)
    parts = nlp.pieces(text, limit=400)
    assert "".join(parts) == text
    assert len(parts) > 3
    assert all(len(p) <= 400 for p in parts)
    assert all(p.endswith("\n\n") for p in parts[:-1])


def test_a_long_article_parsed_in_pieces_gives_the_same_relations(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    article = Article(id="long", text="\n\n".join(PARAGRAPHS))
    whole = extract_attributions(article)
    monkeypatch.setattr(nlp, "CHUNK_CHARS", 400)
    assert len(nlp.pieces(article.text)) > 3  # the parse below really runs in pieces
    in_pieces = extract_attributions(article)
    assert len(whole) >= len(PARAGRAPHS)  # at least one relation per paragraph
    assert [(r.source_name, r.cue.start, r.content.text) for r in in_pieces] == [
        (r.source_name, r.cue.start, r.content.text) for r in whole
    ]
    assert all(article.text[r.cue.start : r.cue.end] == r.cue.text for r in in_pieces)
