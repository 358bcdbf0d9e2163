"""Small articles and model replies shared by the llm engine tests."""

from __future__ import annotations

import copy
from typing import Any

import openai
from fake_openai import FakeOpenAI

from summarize.config import Settings
from summarize.engines.llm import LLMEngine
from summarize.evidence.types import EvidenceBundle
from summarize.models import Article

TEST_KEY = "sk-test-SECRET-0123456789"

ALPHA = Article(
    id="alpha",
    outlet="Alpha News",
    title="Strike hits city",
    text=(
        "Officials said 10 people were killed in the strike on Monday.\n\n"
        "The interior ministry called it \u201ca deliberate attack on civilians\u201d."
    ),
)
BETA = Article(
    id="beta",
    outlet="Beta Daily",
    text=(
        "The defence ministry denied targeting civilians.\nIt said the strike hit a military depot."
    ),
)
ARTICLES = [ALPHA, BETA]


def bundle(*articles: Article) -> EvidenceBundle:
    """An evidence bundle with no NLP (the engine needs only the articles)."""
    return EvidenceBundle(articles=list(articles or ARTICLES))


def good_reply() -> dict[str, Any]:
    """A reply that passes every grounding check for :data:`ARTICLES`."""
    return {
        "event": {"title": "Strike on the city", "date": None, "location": None},
        "summary": (
            "Officials said 10 people were killed; the defence ministry said the strike "
            "hit a military depot."
        ),
        "claims": [
            {
                "id": "c1",
                "statement": "Officials said 10 people were killed in the strike.",
                "speaker": {"name": "Officials", "role": None, "affiliation": None},
                "quote": None,
                "evidence": [
                    {"document": "alpha", "quote": "10 people were killed in the strike on Monday"}
                ],
                "reported_by": ["alpha"],
            },
            {
                "id": "c2",
                "statement": "The defence ministry denied targeting civilians.",
                "speaker": {"name": "defence ministry", "role": None, "affiliation": None},
                "quote": None,
                "evidence": [
                    {
                        "document": "beta",
                        "quote": "The defence ministry denied targeting civilians.",
                    }
                ],
                "reported_by": ["beta"],
            },
        ],
        "disputes": [
            {
                "topic": "What the strike hit",
                "claim_ids": ["c1", "c2"],
                "description": "Sources differ on whether civilians were targeted.",
            }
        ],
        "documents": [
            {
                "id": "alpha",
                "outlet": "Alpha News",
                "title": None,
                "on_event": True,
                "reason": None,
            },
            {"id": "beta", "outlet": "Beta Daily", "title": None, "on_event": True, "reason": None},
        ],
    }


BAD_QUOTE = "12 people were killed in the strike"
BAD_QUOTE_2 = "The defence ministry denied striking the city."


def ungrounded_reply() -> dict[str, Any]:
    """Like :func:`good_reply` but neither claim's evidence is in its document
    (c1 changes a number, c2 other words): a reply that loses more than
    ``REASK_DROP_SHARE`` of its claims, so it is asked for again."""
    reply = copy.deepcopy(good_reply())
    reply["claims"][0]["evidence"][0]["quote"] = BAD_QUOTE
    reply["claims"][0]["statement"] = "Officials said people were killed in the strike."
    reply["claims"][1]["evidence"][0]["quote"] = BAD_QUOTE_2
    return reply


def make_engine(
    server: FakeOpenAI,
    *,
    mode: str = "json",
    max_retries: int = 2,
    transport_retries: int = 2,
    timeout: float = 5.0,
    temperature: float = 0.0,
    seed: int | None = None,
    own_client: bool = True,
    max_tokens: int | None = None,
    context_tokens: int | None = None,
) -> LLMEngine:
    """An engine aimed at the fake server. ``own_client`` injects an openai client
    with a small retry count so fault tests stay fast; otherwise the engine builds
    its own client from the settings (as the CLI does)."""
    settings = Settings(
        engine="llm",
        model="test-model",
        base_url=server.base_url,
        mode=mode,
        max_retries=max_retries,
        timeout=timeout,
        temperature=temperature,
        seed=seed,
        max_tokens=max_tokens,
        context_tokens=context_tokens,
    )
    if not own_client:
        return LLMEngine(settings)
    client = openai.AsyncOpenAI(
        base_url=server.base_url,
        api_key=TEST_KEY,
        max_retries=transport_retries,
        timeout=timeout,
    )
    return LLMEngine(settings, client=client)
