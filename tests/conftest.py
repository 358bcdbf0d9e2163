"""Shared fixtures.

``fake_openai`` is the loopback OpenAI-compatible server (tests/fake_openai.py),
started once per test session and reset before every test that uses it, so
each test starts with an empty script, no recorded requests, no latency and
no responder. Import the reply helpers in a test module with
``from fake_openai import Reply, auto_reply`` (pytest puts tests/ on sys.path).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fake_openai import FakeOpenAI

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def fake_openai_server() -> Iterator[FakeOpenAI]:
    """The session's fake server (not reset; prefer ``fake_openai``)."""
    server = FakeOpenAI().start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def fake_openai(fake_openai_server: FakeOpenAI) -> Iterator[FakeOpenAI]:
    """The fake server, reset before and after the test."""
    fake_openai_server.reset()
    try:
        yield fake_openai_server
    finally:
        fake_openai_server.reset()


@pytest.fixture
def examples_dir() -> Path:
    """The seed example folder shipped with the repository."""
    return REPO / "examples" / "ganja"
