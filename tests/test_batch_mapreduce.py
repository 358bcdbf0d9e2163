"""Map-reduce for events that do not fit ``--max-input-tokens``: per-article claim
extraction, then one compose call, with the same schema and verification."""

from __future__ import annotations

import json
from pathlib import Path

from batch_fakes import make_events, mapreduce_reply
from fake_openai import FakeOpenAI, Reply

from summarize.api import make_engine
from summarize.batch.runner import BatchOptions, BatchRunner
from summarize.config import Settings
from summarize.engines.llm import LLMEngine
from summarize.engines.llm.mapreduce import MapReduceEngine
from summarize.evidence.bundle import build_bundle
from summarize.loader import load_folder
from summarize.models import EventSummary
from summarize.verify import check_summary


def long_event(folder: Path, articles: int, sentences: int = 12) -> Path:
    """An event folder of ``articles`` articles of ``sentences`` distinct sentences."""
    folder.mkdir(parents=True)
    for k in range(articles):
        text = " ".join(
            f"Officials in district {k} said on day {i} that {i + k} roads were closed."
            for i in range(sentences)
        )
        (folder / f"a{k}.txt").write_text(text + "\n", encoding="utf-8")
    return folder


def engine_for(fake: FakeOpenAI, max_input_tokens: int) -> MapReduceEngine:
    settings = Settings(engine="llm", model="fake-model", base_url=fake.base_url, timeout=5.0)
    llm = make_engine(settings)
    assert isinstance(llm, LLMEngine)
    return MapReduceEngine(llm, max_input_tokens=max_input_tokens)


async def test_an_event_too_large_is_mapped_per_article_then_composed_once(
    fake_openai: FakeOpenAI, tmp_path: Path
) -> None:
    fake_openai.responder = mapreduce_reply
    articles = load_folder(long_event(tmp_path / "event", 5, sentences=40))
    bundle = build_bundle(articles)
    whole = engine_for(fake_openai, max_input_tokens=1)
    limit = whole.prompt_tokens(whole.llm.messages(bundle)) - 1  # just too large for one call
    engine = engine_for(fake_openai, max_input_tokens=limit)
    assert not engine.fits(bundle)
    summary = await engine.compose(bundle)
    names = [
        (r.get("response_format") or {}).get("json_schema", {}).get("name")
        for r in fake_openai.chat_requests
    ]
    assert names.count("ArticleClaims") == 5 and len(names) == 6
    assert check_summary(summary, articles).ok
    assert "mapreduce" in (summary.provenance.prompt_version or "")
    assert summary.provenance.usage.requests == 6
    reduce_prompt = fake_openai.chat_requests[-1]["messages"][-1]["content"]
    assert "Claims in document a0" in reduce_prompt


async def test_an_event_that_fits_is_one_ordinary_call(
    fake_openai: FakeOpenAI, tmp_path: Path
) -> None:
    fake_openai.responder = mapreduce_reply
    make_events(tmp_path, 1, articles=2)
    articles = load_folder(tmp_path / "event0000")
    summary = await engine_for(fake_openai, max_input_tokens=100_000).compose(
        build_bundle(articles)
    )
    assert len(fake_openai.chat_requests) == 1
    assert "mapreduce" not in (summary.provenance.prompt_version or "")


async def test_a_map_reply_with_an_invented_excerpt_is_asked_again(
    fake_openai: FakeOpenAI, tmp_path: Path
) -> None:
    invented = {
        "claims": [
            {
                "speaker": {"name": "someone"},
                "statement": "Someone said something.",
                "quote": None,
                "evidence": "words that are not in the article at all",
            }
        ]
    }
    fake_openai.script(Reply.json(invented))
    fake_openai.responder = mapreduce_reply
    # 40 sentences: just over 3000 tokens with the numbered prompt and the wire schema
    articles = load_folder(long_event(tmp_path / "event", 2, sentences=40))
    summary = await engine_for(fake_openai, max_input_tokens=3000).compose(build_bundle(articles))
    assert check_summary(summary, articles).ok
    reasks = [r for r in fake_openai.chat_requests if "not verbatim" in json.dumps(r["messages"])]
    assert len(reasks) == 1
    assert summary.provenance.usage.requests == 4  # 2 map + 1 re-ask + 1 reduce


async def test_batch_uses_map_reduce_with_max_input_tokens(
    fake_openai: FakeOpenAI, tmp_path: Path
) -> None:
    fake_openai.responder = mapreduce_reply
    for n in range(2):
        long_event(tmp_path / "root" / f"event{n:04d}", 3, sentences=30)
    settings = Settings(engine="llm", model="fake-model", base_url=fake_openai.base_url)
    options = BatchOptions(
        root=tmp_path / "root",
        out_dir=tmp_path / "out",
        use_cache=False,
        max_input_tokens=3000,
        progress=False,
    )
    result = await BatchRunner(settings, options).run()
    assert result.ok
    assert all(e.attempts == 4 for e in result.entries)  # 3 map calls + 1 compose
    record = EventSummary.model_validate_json((tmp_path / "out" / "event0000.json").read_bytes())
    assert record.provenance.usage.requests == 4
