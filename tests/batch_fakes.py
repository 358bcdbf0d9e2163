"""Helpers shared by the batch tests: tiny event folders and fault-mixing responders
for the loopback fake server (tests/fake_openai.py)."""

from __future__ import annotations

import random
import re
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fake_openai import Reply, auto_reply, prompt_documents

Responder = Callable[[dict[str, Any]], Reply]


def make_events(root: Path, count: int, *, articles: int = 2, prefix: str = "event") -> list[str]:
    """``count`` event folders under ``root``, each with ``articles`` short, distinct
    articles (so no two events send the same prompt)."""
    names: list[str] = []
    for n in range(count):
        name = f"{prefix}{n:04d}"
        folder = root / name
        folder.mkdir(parents=True)
        for k in range(articles):
            (folder / f"a{k}.txt").write_text(
                f"The council of town number {n} met on Monday about the bridge. "
                f"The mayor said the bridge {n} will stay closed for {k + 2} weeks. "
                f"Union leaders said the closure could last {k + 3} months.\n",
                encoding="utf-8",
            )
        names.append(name)
    return names


def faulty(rate: float, *, seed: int = 7, hang: float = 1.0) -> Responder:
    """A responder that answers ``rate`` of requests with a fault (429 with
    Retry-After, 500, a delay past the client timeout, a dropped connection or a
    truncated body, in turn) and the rest with :func:`auto_reply`."""
    rng = random.Random(seed)
    lock = threading.Lock()
    faults = [
        lambda: Reply.error(429, retry_after=0.05),
        lambda: Reply.error(500),
        lambda: Reply.hang(hang),
        Reply.dropped,
        Reply.truncated,
    ]
    state = {"n": 0}

    def respond(body: dict[str, Any]) -> Reply:
        with lock:
            fault = rng.random() < rate
            kind = state["n"] % len(faults)
            if fault:
                state["n"] += 1
        return faults[kind]() if fault else auto_reply(body)

    return respond


_SENTENCE_RE = re.compile(r"[^.!?\n]{25,300}[.!?]")


def mapreduce_reply(body: dict[str, Any]) -> Reply:
    """Answers map calls (response model ``ArticleClaims``) with up to two claims
    quoting sentences of the document verbatim, and every other call with
    :func:`auto_reply`."""
    schema = (body.get("response_format") or {}).get("json_schema") or {}
    if schema.get("name") != "ArticleClaims":
        return auto_reply(body)
    claims: list[dict[str, Any]] = []
    for doc_id, text in prompt_documents(body):
        for sentence in _SENTENCE_RE.findall(text)[:2]:
            claims.append(
                {
                    "speaker": {"name": f"the author of document {doc_id}"},
                    "statement": f"The report states: {sentence.strip()}",
                    "quote": None,
                    "evidence": sentence.strip(),
                }
            )
    return Reply.json({"claims": claims})
