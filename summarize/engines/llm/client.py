"""Build the openai client and its instructor wrapper for the ``llm`` engine.

Transport faults (429 honouring ``Retry-After``, 5xx, timeouts, dropped
connections) are retried by the openai client itself (``max_retries`` on the
client, exponential backoff); validation retries are instructor's. The API key
is read from the environment only here, at the moment the client is built,
and is never stored anywhere else."""

from __future__ import annotations

import ipaddress
import logging
from typing import Any
from urllib.parse import urlsplit

import instructor
import openai

from summarize.config import ModeName, Settings
from summarize.errors import ConfigError

TRANSPORT_RETRIES = 3
"""Retries the openai client makes on 408/409/429/5xx, timeouts and connection errors."""

LOCAL_PLACEHOLDER_KEY = "not-needed"
"""Sent as the key to a local server (llama.cpp, Ollama, vLLM ...) when none is set."""


def instructor_mode(name: str) -> instructor.Mode:
    """The instructor mode for a ``--mode`` value (:class:`ModeName` holds the pairs)."""
    mode = ModeName.parse(name)
    if mode is ModeName.AUTO:
        raise ConfigError("--mode auto is resolved per endpoint before instructor is built")
    return instructor.Mode(mode.instructor_mode)


def is_local(base_url: str | None) -> bool:
    """True for a loopback or private-network endpoint (a self-hosted server)."""
    if not base_url:
        return False
    host = (urlsplit(base_url).hostname or "").lower()
    if host in {"localhost", "host.docker.internal"} or host.endswith(".local"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_loopback or address.is_private or address.is_unspecified


def api_key_for(settings: Settings) -> str:
    """The key to send: the configured variable's value, or a placeholder for a
    local server. A remote endpoint with no key is a configuration error."""
    key = settings.api_key()
    if key:
        return key
    if is_local(settings.base_url):
        return LOCAL_PLACEHOLDER_KEY
    where = settings.base_url or "https://api.openai.com/v1"
    raise ConfigError(
        f"no API key for {where}: set {settings.api_key_env} (or name another variable "
        "with --api-key-env), or point --base-url at a local server, or use --engine offline"
    )


def redact(text: str, secret: str | None) -> str:
    """``text`` with ``secret`` (an API key) replaced, for anything shown to people."""
    if secret and len(secret) >= 4:
        text = text.replace(secret, "[redacted]")
    return text


class RedactSecrets(logging.Filter):
    """Replace known secrets in log records (instructor logs the text of API errors,
    and some servers echo the key they rejected)."""

    def __init__(self) -> None:
        super().__init__()
        self.secrets: set[str] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        if self.secrets:
            message = record.getMessage()
            cleaned = message
            # Longest first: a shorter secret that is part of a longer one must not
            # leave the rest of the longer one in place (nor depend on set order).
            for secret in sorted(self.secrets, key=lambda s: (-len(s), s)):
                cleaned = redact(cleaned, secret)
            if cleaned != message:
                record.msg, record.args = cleaned, None
        return True


_REDACT = RedactSecrets()
_INSTRUCTOR_LOGGER = "instructor"


def guard_instructor_logs(secret: str | None) -> None:
    """Keep instructor's log records off stderr unless the application configured
    logging (a NullHandler stops Python's last-resort printing), and redact
    ``secret`` from them wherever they go."""
    if secret and len(secret) >= 4 and secret != LOCAL_PLACEHOLDER_KEY:
        _REDACT.secrets.add(secret)
    root = logging.getLogger(_INSTRUCTOR_LOGGER)
    if not any(isinstance(h, logging.NullHandler) for h in root.handlers):
        root.addHandler(logging.NullHandler())
    names = [_INSTRUCTOR_LOGGER] + [
        name for name in logging.root.manager.loggerDict if name.startswith("instructor.")
    ]
    for name in names:
        logger = logging.getLogger(name)
        if _REDACT not in logger.filters:
            logger.addFilter(_REDACT)


def build_openai_client(
    settings: Settings,
    *,
    http_client: Any = None,
    transport_retries: int = TRANSPORT_RETRIES,
) -> openai.AsyncOpenAI:
    """An ``AsyncOpenAI`` for the settings' endpoint, timeout and retry policy.

    ``http_client`` is passed through: an async HTTP client of the kind the
    installed openai package takes (``httpx2.AsyncClient`` for openai 3)."""
    kwargs: dict[str, Any] = {
        "api_key": api_key_for(settings),
        "timeout": settings.timeout,
        "max_retries": transport_retries,
    }
    if settings.base_url:
        kwargs["base_url"] = settings.base_url
    if http_client is not None:
        kwargs["http_client"] = http_client
    return openai.AsyncOpenAI(**kwargs)


def build_instructor(client: openai.AsyncOpenAI, mode: str) -> Any:
    """instructor's async wrapper over ``client`` in the given ``--mode``.

    The wrapper patches a copy of ``create``; ``client`` itself is left as it was."""
    wrapped = instructor.from_openai(client, mode=instructor_mode(mode))
    guard_instructor_logs(str(client.api_key) if client.api_key else None)
    return wrapped
