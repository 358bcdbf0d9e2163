"""A SQLite cache of model replies, so a re-run of the same batch costs nothing.

The key is a SHA-256 over the endpoint URL, the prompt version and the whole
request body the openai client sends (model, rendered messages, the
``response_format`` schema or tools of the mode, temperature, seed). Headers
are not part of it, so the API key can never be: neither in a key nor in a
stored row. Only complete, successful replies are stored (HTTP 200 with a
parseable body whose every choice finished for a reason other than
``length``); errors and truncated replies never are.

The database lives in the user cache directory (``platformdirs``), e.g.
``~/.cache/summarize/replies.sqlite3`` on Linux, unless ``--cache-dir`` says
otherwise. It is safe to share between concurrent tasks (one connection behind
a lock; each operation is a single short statement) and between processes
(SQLite's own locking, WAL journal, a busy timeout).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs

from summarize.errors import ConfigError

CACHE_FILE = "replies.sqlite3"
KEY_FORMAT = 1  # bump when what goes into the key changes

_SCHEMA = """
CREATE TABLE IF NOT EXISTS replies (
    key TEXT PRIMARY KEY,
    created REAL NOT NULL,
    model TEXT,
    body BLOB NOT NULL,
    prompt_tokens INTEGER NOT NULL DEFAULT 0,
    completion_tokens INTEGER NOT NULL DEFAULT 0
)
"""


def default_cache_dir() -> Path:
    """Where the cache lives unless ``--cache-dir`` says otherwise."""
    return platformdirs.user_cache_path("summarize", appauthor=False)


def cache_key(*, url: str, body: dict[str, Any], prompt_version: str | None) -> str:
    """The cache key for one chat-completion request (see the module doc)."""
    canonical = json.dumps(
        {"format": KEY_FORMAT, "url": url, "prompt_version": prompt_version, "body": body},
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class CachedReply:
    """One stored reply: the raw response body and its token usage."""

    body: bytes
    prompt_tokens: int
    completion_tokens: int


class ReplyCache:
    """The reply store. Use as a context manager, or call :meth:`close`."""

    def __init__(self, folder: Path) -> None:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            self.path = folder / CACHE_FILE
            self._db = sqlite3.connect(self.path, timeout=30.0, check_same_thread=False)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute(_SCHEMA)
            self._db.commit()
        except (OSError, sqlite3.Error) as exc:
            raise ConfigError(f"{folder}: cannot open the reply cache ({exc})") from None
        self._lock = threading.Lock()
        self.hits = 0
        self.stores = 0

    def get(self, key: str) -> CachedReply | None:
        with self._lock:
            row = self._db.execute(
                "SELECT body, prompt_tokens, completion_tokens FROM replies WHERE key = ?",
                (key,),
            ).fetchone()
        if row is None:
            return None
        self.hits += 1
        return CachedReply(body=bytes(row[0]), prompt_tokens=row[1], completion_tokens=row[2])

    def put(
        self,
        key: str,
        body: bytes,
        *,
        model: str | None,
        prompt_tokens: int,
        completion_tokens: int,
    ) -> None:
        with self._lock:
            self._db.execute(
                "INSERT OR REPLACE INTO replies "
                "(key, created, model, body, prompt_tokens, completion_tokens) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (key, time.time(), model, body, prompt_tokens, completion_tokens),
            )
            self._db.commit()
        self.stores += 1

    def __len__(self) -> int:
        with self._lock:
            (count,) = self._db.execute("SELECT COUNT(*) FROM replies").fetchone()
        return int(count)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> ReplyCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
