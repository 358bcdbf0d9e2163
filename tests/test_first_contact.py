"""What a new user meets first (issue #13): library wording, empty articles,
Markdown headings and the slant an article's metadata or file name gives."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from summarize import Article, NoArticlesError, summarize_articles
from summarize.config import Settings
from summarize.errors import ConfigError
from summarize.loader import load_file, load_folder
from summarize.textnorm import occurs_verbatim

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "ganja"


@pytest.fixture(autouse=True)
def no_model(monkeypatch: pytest.MonkeyPatch) -> None:
    for key in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "SUMMARIZE_MODEL"):
        monkeypatch.delenv(key, raising=False)


def test_missing_model_error_speaks_to_library_users_too() -> None:
    with pytest.raises(ConfigError) as info:
        Settings(engine="llm").check()
    message = str(info.value)
    assert "model=" in message
    assert "--model" in message
    assert "pass --model" not in message


def _ganja() -> list[Article]:
    return load_folder(EXAMPLE)


def test_an_empty_article_is_skipped_with_the_loader_warning(
    caplog: pytest.LogCaptureFixture,
) -> None:
    articles = _ganja()
    empty = Article(id="blank", text="  \n\t ", path="/in/blank.txt")
    with caplog.at_level(logging.WARNING, logger="summarize.loader"):
        result = summarize_articles([*articles, empty], engine="offline")
    assert "blank" not in [d.id for d in result.documents]
    for claim in result.claims:
        assert "blank" not in claim.reported_by
    skips = [r for r in caplog.records if r.name == "summarize.loader"]
    assert any("/in/blank.txt" in r.getMessage() and "empty" in r.getMessage() for r in skips)
    assert result == summarize_articles(articles, engine="offline")


def test_only_empty_articles_is_no_articles() -> None:
    with pytest.raises(NoArticlesError, match="empty"):
        summarize_articles([Article(id="a", text=""), Article(id="b", text=" ")], engine="offline")


MARKDOWN = """---
title: Strait patrols
outlet: Example Wire
---
# Taiwan won't back down, minister says
Taiwan's defence minister Lin Ping said on Monday that patrols would go on.

## Reaction ##
Beijing's foreign ministry said that the island was provoking tension.

Analysts weigh in
-----------------
Analyst Mei Chen said the drills were routine.
"""


def test_markdown_heading_markers_never_reach_the_text_or_a_quote(tmp_path: Path) -> None:
    path = tmp_path / "wire.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    article = load_file(path)
    lines = article.text.splitlines()
    assert not [line for line in lines if line.lstrip().startswith("#")]
    assert not [line for line in lines if set(line.strip()) in ({"-"}, {"="})]
    # the heading's words stay, as a paragraph of their own
    assert "Taiwan won't back down, minister says\n\n" in article.text
    assert "\nReaction\n\n" in article.text
    result = summarize_articles([article], engine="offline")
    assert result.claims
    for claim in result.claims:
        assert "#" not in claim.statement
        for evidence in claim.evidence:
            assert "#" not in evidence.quote
            assert occurs_verbatim(evidence.quote, article.text)


def test_a_plain_text_hash_is_not_a_heading(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("# 1 in the polls, the mayor said on Monday.\n", encoding="utf-8")
    assert load_file(path).text.startswith("# 1 in the polls")


def test_slant_comes_from_metadata_or_an_allsides_file_name(tmp_path: Path) -> None:
    (tmp_path / "left.txt").write_text("The mayor said the bridge would open.\n", "utf-8")
    (tmp_path / "b.md").write_text("---\nstance: right\n---\nThe mayor spoke.\n", "utf-8")
    (tmp_path / "c.json").write_text(
        json.dumps({"text": "The mayor spoke.", "slant": "center"}), "utf-8"
    )
    (tmp_path / "d.txt").write_text("The mayor spoke.\n", "utf-8")
    slants = {a.id: a.slant for a in load_folder(tmp_path)}
    assert slants == {"left": "left", "b": "right", "c": "center", "d": None}
