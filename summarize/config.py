"""Run settings, resolved from arguments and the standard environment variables.

``OPENAI_API_KEY`` (or the variable named by ``api_key_env``), ``OPENAI_BASE_URL``
and ``SUMMARIZE_MODEL`` are read here. The key itself is never stored on the
settings object: it is read from the environment when a client is built, so
it cannot leak through a repr, a log line or a cache key."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Self

from summarize.errors import ConfigError
from summarize.loader import DEFAULT_MAX_ARTICLE_BYTES


class _Choice(StrEnum):
    """A closed set of option values. Members are ``str``, so ``"json" == ModeName.JSON``
    and library callers keep passing plain strings; :meth:`parse` checks them."""

    @classmethod
    def parse(cls, value: str | Self) -> Self:
        """``value`` as a member, or :class:`ConfigError` naming the choices."""
        try:
            return cls(value)
        except ValueError:
            raise ConfigError(
                f"unknown {cls._label()} '{value}' (choose from: {cls.choices()})"
            ) from None

    @classmethod
    def choices(cls) -> str:
        """The accepted values, comma-separated, for help and error messages."""
        return ", ".join(m.value for m in cls)

    @classmethod
    def _label(cls) -> str:
        return cls.__name__.removesuffix("Name").lower()


class EngineName(_Choice):
    """``--engine``: which engine composes the summary."""

    LLM = "llm"
    OFFLINE = "offline"


class ModeName(_Choice):
    """``--mode``: how the llm engine asks for structured output. A mode is one line:
    its ``--mode`` value and the value of the ``instructor.Mode`` it stands for."""

    instructor_mode: str
    """The value of the ``instructor.Mode`` this mode is sent as."""

    def __new__(cls, value: str, instructor_mode: str) -> Self:
        member = str.__new__(cls, value)
        member._value_ = value
        member.instructor_mode = instructor_mode
        return member

    AUTO = "auto", ""  # resolved per endpoint (summarize.engines.llm.endpoints)
    JSON = "json", "json_schema_mode"
    MD_JSON = "md_json", "markdown_json_mode"
    TOOLS = "tools", "tool_call"


@dataclass(frozen=True)
class Settings:
    """Everything that shapes one run. ``engine=None`` picks automatically."""

    engine: EngineName | None = None
    model: str | None = None
    base_url: str | None = None
    api_key_env: str = "OPENAI_API_KEY"
    mode: ModeName = ModeName.AUTO
    temperature: float = 0.0
    seed: int | None = None
    max_retries: int = 2
    timeout: float = 120.0
    max_article_bytes: int = DEFAULT_MAX_ARTICLE_BYTES
    max_input_tokens: int | None = None
    """Prompts estimated larger than this are summarized map-reduce style (llm engine)."""
    max_tokens: int | None = None
    """The reply's length limit (llm engine); None sizes it from the prompt."""
    context_tokens: int | None = None
    """The endpoint's context in tokens, checked before sending; None: the known one."""

    def __post_init__(self) -> None:
        # Plain strings (``engine="offline"``, ``mode="json"``) become members here,
        # so an unknown value fails where it is given, naming the choices.
        if self.engine is not None:
            object.__setattr__(self, "engine", EngineName.parse(self.engine))
        object.__setattr__(self, "mode", ModeName.parse(self.mode))

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

    def resolved_engine(self) -> EngineName:
        """``llm`` when a model and a key or base URL are configured, else ``offline``."""
        if self.engine is not None:
            return self.engine
        if self.model and (self.api_key() or self.base_url):
            return EngineName.LLM
        return EngineName.OFFLINE

    def check(self) -> None:
        """Raise :class:`ConfigError` for settings that cannot work."""
        if self.max_retries < 0:
            raise ConfigError("--max-retries must be 0 or more")
        if self.max_article_bytes <= 0:
            raise ConfigError("--max-article-bytes must be positive")
        if self.timeout <= 0:
            raise ConfigError("--timeout must be positive")
        if self.max_input_tokens is not None and self.max_input_tokens < 1:
            raise ConfigError("--max-input-tokens must be 1 or more")
        if self.max_tokens is not None and self.max_tokens < 1:
            raise ConfigError("--max-tokens must be 1 or more")
        if self.context_tokens is not None and self.context_tokens < 1:
            raise ConfigError("--context must be 1 or more")
        if self.resolved_engine() == "llm" and not self.model:
            raise ConfigError(
                "the llm engine needs a model: set model= (CLI: --model) or SUMMARIZE_MODEL "
                "(or use engine='offline' (CLI: --engine offline), which needs none)"
            )
