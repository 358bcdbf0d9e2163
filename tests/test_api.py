"""The library entry points: typed results, typed errors, sync and async twins."""

from __future__ import annotations

from pathlib import Path

import pytest

import summarize
from summarize import (
    Article,
    EventSummary,
    NoArticlesError,
    NotAFolderError,
    SummarizeError,
    asummarize_articles,
    asummarize_folder,
    summarize_articles,
    summarize_folder,
)
from summarize.evidence.types import EvidenceBundle
from summarize.models import Claim, DocumentInfo, Event, Evidence, Provenance, Speaker

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "ganja"


@pytest.fixture(autouse=True)
def no_model(monkeypatch: pytest.MonkeyPatch) -> None:
    for key in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "SUMMARIZE_MODEL"):
        monkeypatch.delenv(key, raising=False)


def test_summarize_folder_returns_a_typed_offline_summary() -> None:
    result = summarize_folder(EXAMPLE)
    assert isinstance(result, EventSummary)
    assert result.provenance.engine == "offline"
    assert result.provenance.tool_version == summarize.__version__


async def test_async_twins_match_the_sync_result() -> None:
    sync = summarize_folder(EXAMPLE)
    result = await asummarize_folder(EXAMPLE)
    assert result.model_dump(exclude={"provenance"}) == sync.model_dump(exclude={"provenance"})
    articles = summarize.load_folder(EXAMPLE)
    again = await asummarize_articles(articles, engine="offline")
    assert again.model_dump(exclude={"provenance"}) == sync.model_dump(exclude={"provenance"})


def test_errors_are_typed_under_one_base(tmp_path: Path) -> None:
    with pytest.raises(NotAFolderError):
        summarize_folder(tmp_path / "missing")
    with pytest.raises(NoArticlesError) as info:
        summarize_folder(tmp_path)
    assert isinstance(info.value, SummarizeError)
    assert str(tmp_path) in str(info.value)
    with pytest.raises(NoArticlesError):
        summarize_articles([])


def test_repeated_article_ids_are_refused() -> None:
    art = Article(id="a", text="The mayor said so.")
    with pytest.raises(SummarizeError, match="repeated: a"):
        summarize_articles([art, art], engine="offline")


class _LyingEngine:
    """An engine whose evidence is not in the article: the pipeline must refuse it."""

    name = "liar"

    async def compose(self, bundle: EvidenceBundle) -> EventSummary:
        doc = bundle.articles[0].id
        return EventSummary(
            event=Event(title="x"),
            summary="x",
            claims=[
                Claim(
                    id="c1",
                    statement="The mayor said the city will be evacuated.",
                    speaker=Speaker(name="The mayor"),
                    evidence=[Evidence(document=doc, quote="the city will be evacuated")],
                    reported_by=[doc],
                )
            ],
            documents=[DocumentInfo(id=doc, on_event=True)],
            provenance=Provenance(engine=self.name, tool_version="0"),
        )


def test_a_custom_engine_is_verified_before_its_summary_is_returned() -> None:
    art = Article(id="a", text="The mayor said the bridge will close.")
    with pytest.raises(SummarizeError, match=r"unverifiable.*claim c1"):
        summarize_articles([art], engine=_LyingEngine())
