"""The library entry points: ``summarize_folder`` / ``summarize_articles`` and
their async twins. They run load -> evidence -> compose -> verify."""

from __future__ import annotations

import asyncio
import concurrent.futures
from collections.abc import Coroutine, Sequence
from pathlib import Path
from typing import Any

from summarize.config import Settings
from summarize.engines.base import Engine
from summarize.errors import ConfigError, NoArticlesError, SummarizeError
from summarize.evidence.bundle import build_bundle
from summarize.evidence.nlp import is_long
from summarize.evidence.types import EvidenceBundle
from summarize.loader import drop_empty, load_folder
from summarize.models import Article, EventSummary
from summarize.progress import stage
from summarize.pruning import (
    claim_errors,
    drop_claims,
    drop_sentences,
    may_drop,
    sentence_errors,
    unprunable,
)
from summarize.verify import check_summary


def make_engine(
    settings: Settings,
    *,
    client: Any = None,
    http_client: Any = None,
    max_input_tokens: int | None = None,
) -> Engine:
    """The engine the settings ask for: the one place engines are built.

    ``client`` is an ``openai.AsyncOpenAI`` to use instead of building one;
    ``http_client`` an ``httpx.AsyncClient`` for the one built;
    ``max_input_tokens`` (else ``settings.max_input_tokens``) makes a model engine
    summarize larger events map-reduce style."""
    settings.check()
    name = settings.resolved_engine()
    if name == "offline":
        from summarize.engines.offline import OfflineEngine

        return OfflineEngine()
    if name == "llm":
        from summarize.engines.llm import LLMEngine

        llm = LLMEngine(settings, client=client, http_client=http_client)
        limit = max_input_tokens if max_input_tokens is not None else settings.max_input_tokens
        if limit is None:
            return llm
        from summarize.engines.llm.mapreduce import MapReduceEngine

        return MapReduceEngine(llm, max_input_tokens=limit)
    raise ConfigError(f"unknown engine '{name}'")


def calls_model(settings: Settings) -> bool:
    """True when the engine the settings ask for sends the articles to a model."""
    return settings.resolved_engine() == "llm"


def _settings(
    engine: str | Engine | None,
    model: str | None,
    settings: Settings | None,
    overrides: dict[str, Any],
) -> Settings:
    base = settings or Settings.from_env()
    fields: dict[str, Any] = dict(overrides)
    if isinstance(engine, str):
        fields["engine"] = engine
    if model is not None:
        fields["model"] = model
    from dataclasses import replace

    return replace(base, **fields) if fields else base


async def asummarize_articles(
    articles: Sequence[Article],
    *,
    engine: str | Engine | None = None,
    client: Any = None,
    model: str | None = None,
    settings: Settings | None = None,
    **overrides: Any,
) -> EventSummary:
    """Summarize ``articles`` (async). ``engine`` is ``"llm"``, ``"offline"``, an
    :class:`Engine` instance, or None to pick from the configuration."""
    if not articles:
        raise NoArticlesError("<articles>", "no articles were given")
    articles = drop_empty(articles)
    if not articles:
        raise NoArticlesError("<articles>", "every article given is empty (no article text)")
    ids = [a.id for a in articles]
    if len(set(ids)) != len(ids):
        dup = sorted({i for i in ids if ids.count(i) > 1})
        raise SummarizeError(f"article ids must be unique; repeated: {', '.join(dup)}")
    if isinstance(engine, Engine):
        chosen = engine
    else:
        chosen = make_engine(_settings(engine, model, settings, overrides), client=client)
    return await compose_verified(chosen, build_bundle(articles))


async def compose_verified(engine: Engine, bundle: EvidenceBundle) -> EventSummary:
    """``engine``'s summary of ``bundle`` after :func:`check_summary`: claims and prose
    sentences that fail it are dropped and listed in ``dropped`` (see
    :mod:`summarize.pruning`); any
    other error, or more than :data:`~summarize.pruning.MAX_DROPPED_SHARE` of the
    claims failing, refuses the summary."""
    long = is_long(a.text for a in bundle.articles)
    if long:
        stage("composing the summary")
    summary = await engine.compose(bundle)
    if long:
        stage("verifying the summary")
    report = check_summary(summary, bundle.articles, bundle=bundle)
    failing = claim_errors(report)
    if not report.ok and not unprunable(report) and may_drop(len(failing), len(summary.claims)):
        summary = drop_sentences(drop_claims(summary, failing), sentence_errors(report))
        report = check_summary(summary, bundle.articles, bundle=bundle)
        if not report.ok and not unprunable(report) and not claim_errors(report):
            # prose that restated a claim dropped above
            summary = drop_sentences(summary, sentence_errors(report))
            report = check_summary(summary, bundle.articles, bundle=bundle)
    if not report.ok:
        listed = "; ".join(str(i) for i in report.errors[:10])
        raise SummarizeError(f"the {engine.name} engine produced an unverifiable summary: {listed}")
    return summary


def _run_sync(coro: Coroutine[Any, Any, EventSummary]) -> EventSummary:
    """Run ``coro`` to completion, also when called from inside a running event
    loop (a notebook, an async service): then it runs on a worker thread."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coro)
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coro).result()


def summarize_articles(articles: Sequence[Article], **kwargs: Any) -> EventSummary:
    """Summarize ``articles``; see :func:`asummarize_articles` for the options."""
    return _run_sync(asummarize_articles(articles, **kwargs))


async def asummarize_folder(path: Path | str, **kwargs: Any) -> EventSummary:
    """Load the folder at ``path`` and summarize it (async)."""
    settings: Settings | None = kwargs.get("settings")
    limit = settings.max_article_bytes if settings else Settings().max_article_bytes
    articles = load_folder(path, max_article_bytes=kwargs.pop("max_article_bytes", limit))
    return await asummarize_articles(articles, **kwargs)


def summarize_folder(path: Path | str, **kwargs: Any) -> EventSummary:
    """Load the folder at ``path`` and summarize it; see :func:`asummarize_articles`."""
    return _run_sync(asummarize_folder(path, **kwargs))


def split_articles(articles: Sequence[Article]) -> list[list[Article]]:
    """``articles`` grouped by the event they report, the event (the largest group)
    first, each group in article order (see :mod:`summarize.evidence.grouping`).
    Summarize each with :func:`summarize_articles` for one record per event."""
    from summarize.evidence.features import document_features
    from summarize.evidence.grouping import MAX_ARTICLES, group_events

    if len(articles) == 1 or len(articles) > MAX_ARTICLES:
        return [list(articles)]  # nothing to group, or too many to group: one event
    by_id = {a.id: a for a in articles}
    groups = group_events([document_features(a.id, a.text, headline=a.title) for a in articles])
    return [[by_id[d] for d in g.documents] for g in groups]
