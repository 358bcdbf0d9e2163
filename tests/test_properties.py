"""Properties over arbitrary Unicode: the loader and the quote normaliser never
crash, and any excerpt cut from an article is found verbatim by the grounding
check. Example counts are kept modest so the file runs in seconds."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from summarize.errors import ArticleReadError
from summarize.loader import decode_bytes, load_file, scan_folder
from summarize.models import Article
from summarize.textnorm import fold, fold_strip_quotes, occurs_verbatim

FAST = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text as scrapers deliver it: any code point a file can hold, with extra weight on
# quote marks, odd white space, combining accents, BOMs and control characters.
TRICKY = (
    "\u2018\u2019\u201c\u201d\u00ab\u00bb\u00a0\u2007\u202f\u200b\ufeff"
    "\u0301\u0308\u1100\u1161\r\n\t\x00\x0b\x85\u2028`\u00b4\u2032\u1fef e'\" "
)
any_text = st.text(
    alphabet=st.one_of(st.characters(exclude_categories=("Cs",)), st.sampled_from(TRICKY)),
    max_size=300,
)


def _load(name: str, data: bytes) -> Article | None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        try:
            article = load_file(path)
        except ArticleReadError as exc:
            assert exc.path == str(path)
            assert exc.problem
            return None
        report = scan_folder(tmp)
        assert [a.text for a in report.articles] == [article.text]
        return article


@FAST
@given(text=any_text, suffix=st.sampled_from([".txt", ".md", ".html", ".json"]))
def test_loader_never_crashes_on_any_text(text: str, suffix: str) -> None:
    article = _load(f"a{suffix}", text.encode("utf-8"))
    if article is not None:
        assert article.text.strip()
        assert article.id == "a"
        json.dumps(article.model_dump(mode="json"))  # serialisable into the output


@FAST
@given(text=any_text)
def test_json_articles_with_any_text_field_never_crash(text: str) -> None:
    data = json.dumps({"text": text, "title": text[:20]}).encode("utf-8")
    article = _load("a.json", data)
    if article is not None:
        assert article.text.replace("\r", "\n").strip()


@FAST
@given(raw=st.binary(max_size=400))
def test_decoding_arbitrary_bytes_gives_text_or_a_read_error(raw: bytes) -> None:
    try:
        text = decode_bytes(raw, Path("x.txt"))
    except ArticleReadError:
        return
    text.encode("utf-8")  # never half a surrogate


@FAST
@given(text=any_text, encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
def test_unicode_files_decode_to_exactly_their_text(text: str, encoding: str) -> None:
    # UTF-16-LE's BOM followed by U+0000 is byte for byte UTF-32-LE's BOM (FF FE 00 00):
    # ambiguous by the encodings' own definition, and no article starts with NUL
    assume(not (encoding == "utf-16" and text.startswith("\x00")))
    raw = text.encode(encoding)
    try:
        decoded = decode_bytes(raw, Path("x.txt"))
    except ArticleReadError:
        assert encoding != "utf-16" and any(ch < " " for ch in text), "only control-rich text"
        return
    if encoding == "utf-8" and text.startswith("\ufeff"):
        text = text[1:]  # a leading BOM is a BOM, not text
    assert decoded == text


@FAST
@given(text=any_text)
def test_fold_is_idempotent_and_never_crashes(text: str) -> None:
    folded = fold(text)
    assert fold(folded) == folded
    assert fold_strip_quotes(folded) == fold_strip_quotes(text)


@FAST
@given(data=st.data(), text=any_text)
def test_any_excerpt_of_an_article_is_found_verbatim(data: st.DataObject, text: str) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    excerpt = text[start:end]
    if not fold_strip_quotes(excerpt):
        return  # nothing left to look for: quotes and white space only
    assert occurs_verbatim(excerpt, text)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), text=any_text.filter(lambda t: t.strip() != ""))
def test_any_excerpt_of_a_loaded_article_is_grounded_in_it(data: st.DataObject, text: str) -> None:
    article = _load("a.txt", text.encode("utf-8"))
    if article is None:
        return
    start = data.draw(st.integers(0, len(article.text)))
    end = data.draw(st.integers(start, len(article.text)))
    excerpt = article.text[start:end]
    if fold_strip_quotes(excerpt):
        assert occurs_verbatim(excerpt, article.text)


def test_invisible_characters_inside_scraped_words_do_not_break_grounding() -> None:
    article = "The cam\u00adpaign of\u2060fice said the vote was \u201cfree\u200b and fair\u201d."
    assert occurs_verbatim('campaign office said the vote was "free and fair"', article)
    assert not occurs_verbatim("campaign office said the vote was rigged", article)
