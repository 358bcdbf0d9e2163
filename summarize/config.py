"""Run settings, resolved from arguments and the standard environment variables.

``OPENAI_API_KEY`` (or the variable named by ``api_key_env``), ``OPENAI_BASE_URL``
and ``SUMMARIZE_MODEL`` are read here. The key itself is never stored on the
settings object: it is read from the environment when a client is built, so
it cannot leak through a repr, a log line or a cache key."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from typing import Literal

from summarize.errors import ConfigError
from summarize.loader import DEFAULT_MAX_ARTICLE_BYTES

EngineName = Literal["llm", "offline"]
ModeName = Literal["json", "md_json", "tools"]
ENGINES: tuple[str, ...] = ("llm", "offline")
MODES: tuple[str, ...] = ("json", "md_json", "tools")


@dataclass(frozen=True)
class Settings:
    """Everything that shapes one run. ``engine=None`` picks automatically."""

    engine: str | None = None
    model: str | None = None
    base_url: str | None = None
    api_key_env: str = "OPENAI_API_KEY"
    mode: str = "json"
    temperature: float = 0.0
    seed: int | None = None
    max_retries: int = 2
    timeout: float = 120.0
    max_article_bytes: int = DEFAULT_MAX_ARTICLE_BYTES

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        """Settings from the environment, with explicit (non-None) overrides on top."""
        base = cls(
            model=os.environ.get("SUMMARIZE_MODEL") or None,
            base_url=os.environ.get("OPENAI_BASE_URL") or None,
        )
        given = {k: v for k, v in overrides.items() if v is not None}
        return replace(base, **given)  # type: ignore[arg-type]

    def api_key(self) -> str | None:
        """The API key, read from the environment at the moment it is needed."""
        return os.environ.get(self.api_key_env) or None

    def resolved_engine(self) -> str:
        """``llm`` when a model and a key or base URL are configured, else ``offline``."""
        if self.engine is not None:
            if self.engine not in ENGINES:
                raise ConfigError(
                    f"unknown engine '{self.engine}' (choose from: {', '.join(ENGINES)})"
                )
            return self.engine
        if self.model and (self.api_key() or self.base_url):
            return "llm"
        return "offline"

    def check(self) -> None:
        """Raise :class:`ConfigError` for settings that cannot work."""
        if self.mode not in MODES:
            raise ConfigError(f"unknown mode '{self.mode}' (choose from: {', '.join(MODES)})")
        if self.max_retries < 0:
            raise ConfigError("--max-retries must be 0 or more")
        if self.max_article_bytes <= 0:
            raise ConfigError("--max-article-bytes must be positive")
        if self.resolved_engine() == "llm" and not self.model:
            raise ConfigError(
                "the llm engine needs a model: set model= (CLI: --model) or SUMMARIZE_MODEL "
                "(or use engine='offline' (CLI: --engine offline), which needs none)"
            )
