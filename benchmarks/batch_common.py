"""Shared set-up for the batch benchmarks: the loopback fake server from tests/,
tiny event folders, and a warm-up of the evidence stage (spaCy model load)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from batch_fakes import faulty, make_events, mapreduce_reply  # noqa: E402
from fake_openai import FakeOpenAI, auto_reply  # noqa: E402

from summarize.config import Settings  # noqa: E402
from summarize.evidence.bundle import build_bundle  # noqa: E402
from summarize.models import Article  # noqa: E402

__all__ = [
    "REPO",
    "FakeOpenAI",
    "auto_reply",
    "fake_settings",
    "faulty",
    "make_events",
    "mapreduce_reply",
    "warm_up",
]


def fake_settings(server: FakeOpenAI, **kw: object) -> Settings:
    from dataclasses import replace

    base = Settings(engine="llm", model="fake-model", base_url=server.base_url)
    return replace(base, **kw)  # type: ignore[arg-type]


def warm_up() -> float:
    """Import the model client libraries and load the NLP model once, as any
    long-running batch does; return the seconds it took."""
    started = time.perf_counter()
    import summarize.engines.llm  # noqa: F401  (openai + instructor imports)

    build_bundle([Article(id="w", text="The mayor said the bridge will close. It did.")])
    return time.perf_counter() - started
