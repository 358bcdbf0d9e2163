"""The loader reads each supported format and its metadata."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from summarize.errors import ArticleReadError
from summarize.loader import load_folder

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "ganja"


def test_seed_folder_ids_are_file_stems_and_leading_date_line_is_metadata() -> None:
    articles = {a.id: a for a in load_folder(EXAMPLE)}
    assert set(articles) == {p.stem for p in EXAMPLE.glob("*.txt")}
    first = articles["000_bf8c89e02805decc"]
    assert first.published == dt.date(2020, 10, 17)
    assert first.text.startswith("Houses destroyed in fresh missile attack on Ganja")


def test_front_matter_gives_metadata_and_is_not_article_text(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(
        "---\ntitle: Bridge closed\noutlet: Riverton Post\npublished: 2031-03-02\n"
        "url: https://example.org/a\n---\nThe mayor said the bridge will close.\n"
    )
    (art,) = load_folder(tmp_path)
    assert (art.title, art.outlet, art.url) == (
        "Bridge closed",
        "Riverton Post",
        "https://example.org/a",
    )
    assert art.published == dt.date(2031, 3, 2)
    assert art.text == "The mayor said the bridge will close.\n"


def test_json_article_fields(tmp_path: Path) -> None:
    (tmp_path / "b.json").write_text(
        json.dumps(
            {
                "text": "Officials said 3 people were hurt.",
                "title": "T",
                "outlet": "O",
                "url": "u",
                "published": "2031-03-02T10:00:00Z",
            }
        )
    )
    (art,) = load_folder(tmp_path)
    assert (art.id, art.title, art.outlet, art.published) == ("b", "T", "O", dt.date(2031, 3, 2))


def test_json_article_with_wrong_typed_text_names_file_and_field(tmp_path: Path) -> None:
    from summarize.loader import load_file

    path = tmp_path / "c.json"
    path.write_text(json.dumps({"text": ["not", "a", "string"]}))
    with pytest.raises(ArticleReadError) as info:
        load_file(path)
    assert "c.json" in str(info.value) and "'text'" in str(info.value)


def test_html_main_text_is_extracted_without_scripts_or_navigation(tmp_path: Path) -> None:
    body = " ".join(["The mayor said the bridge would stay closed for six weeks."] * 6)
    (tmp_path / "d.html").write_text(
        "<html><head><title>Bridge closed | Riverton Post</title>"
        "<script>var tracking = 'SCRIPTTEXT';</script></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>NAVTEXT News</a></nav>"
        f"<article><h1>Bridge closed</h1><p>{body}</p><p>{body}</p></article>"
        "<footer>FOOTERTEXT Copyright</footer></body></html>"
    )
    (art,) = load_folder(tmp_path)
    assert "six weeks" in art.text
    for junk in ("SCRIPTTEXT", "NAVTEXT", "tracking"):
        assert junk not in art.text
    assert art.title and "Bridge closed" in art.title
