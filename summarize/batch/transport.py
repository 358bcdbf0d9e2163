"""An httpx transport under the openai client that caches replies and counts calls.

:class:`CachingTransport` wraps the real transport. For each chat-completion
request it looks the reply up in the :class:`~summarize.batch.cache.ReplyCache`
(unless refreshing), sends the request on a miss, and stores complete,
successful replies. It sits below the openai client's retry loop, so every
HTTP attempt (transport retries and instructor's re-asks alike) passes
through it and is counted.

Counts go to the :class:`CallStats` of the event being processed, found in a
context variable that the batch runner sets in each event's task, so
concurrent events never mix their numbers.
"""

from __future__ import annotations

import contextvars
import json
from dataclasses import dataclass, field
from typing import Any

import httpx

from summarize.batch.cache import ReplyCache, cache_key

_DROP_HEADERS = {"content-encoding", "content-length", "transfer-encoding"}


@dataclass
class CallStats:
    """Model calls made for one event."""

    requests: int = 0  # HTTP requests sent to the endpoint
    cache_hits: int = 0
    prompt_tokens: int = 0  # tokens of replies received from the endpoint
    completion_tokens: int = 0
    cached_prompt_tokens: int = 0  # tokens of replies served from the cache
    cached_completion_tokens: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def total_tokens(self) -> int:
        return self.prompt_tokens + self.completion_tokens


current_stats: contextvars.ContextVar[CallStats | None] = contextvars.ContextVar(
    "summarize_call_stats", default=None
)


def _stats() -> CallStats:
    stats = current_stats.get()
    return stats if stats is not None else CallStats()


def _usage(data: Any) -> tuple[int, int]:
    usage = data.get("usage") if isinstance(data, dict) else None
    if not isinstance(usage, dict):
        return 0, 0
    return int(usage.get("prompt_tokens") or 0), int(usage.get("completion_tokens") or 0)


def _complete(data: Any) -> bool:
    """A reply worth caching: choices present, none cut off by the length limit."""
    if not isinstance(data, dict) or "error" in data:
        return False
    choices = data.get("choices")
    if not isinstance(choices, list) or not choices:
        return False
    return all(
        isinstance(c, dict) and c.get("finish_reason") not in (None, "length") for c in choices
    )


def _is_chat_completion(request: httpx.Request) -> bool:
    return request.method == "POST" and request.url.path.rstrip("/").endswith("/chat/completions")


class CachingTransport(httpx.AsyncBaseTransport):
    """Cache and count chat-completion requests; pass everything else through.

    ``cache=None`` counts without caching; ``refresh=True`` never reads the
    cache but still writes fresh replies to it."""

    def __init__(
        self,
        inner: httpx.AsyncBaseTransport,
        cache: ReplyCache | None,
        *,
        prompt_version: str | None,
        refresh: bool = False,
    ) -> None:
        self.inner = inner
        self.cache = cache
        self.prompt_version = prompt_version
        self.refresh = refresh

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if not _is_chat_completion(request):
            return await self.inner.handle_async_request(request)
        raw = await request.aread()
        try:
            body = json.loads(raw)
        except (json.JSONDecodeError, UnicodeDecodeError):
            body = None
        if not isinstance(body, dict) or body.get("stream"):
            return await self._send(request)
        url = str(request.url.copy_with(query=None))
        key = cache_key(url=url, body=body, prompt_version=self.prompt_version)
        stats = _stats()
        if self.cache is not None and not self.refresh:
            hit = self.cache.get(key)
            if hit is not None:
                stats.cache_hits += 1
                stats.cached_prompt_tokens += hit.prompt_tokens
                stats.cached_completion_tokens += hit.completion_tokens
                return httpx.Response(
                    200,
                    headers={"content-type": "application/json", "x-summarize-cache": "hit"},
                    content=hit.body,
                    request=request,
                )
        response = await self._send(request)
        if response.status_code != 200:
            return response
        try:
            content = await response.aread()
        except Exception as exc:
            stats.errors.append(f"{type(exc).__name__} reading the reply")
            await response.aclose()
            raise
        try:
            data: Any = json.loads(content)
        except (json.JSONDecodeError, UnicodeDecodeError):
            data = None
        prompt, completion = _usage(data)
        stats.prompt_tokens += prompt
        stats.completion_tokens += completion
        if self.cache is not None and _complete(data):
            self.cache.put(
                key,
                content,
                model=str(body.get("model")) if body.get("model") else None,
                prompt_tokens=prompt,
                completion_tokens=completion,
            )
        headers = [(k, v) for k, v in response.headers.items() if k.lower() not in _DROP_HEADERS]
        return httpx.Response(
            response.status_code,
            headers=headers,
            content=content,
            request=request,
            extensions=response.extensions,
        )

    async def _send(self, request: httpx.Request) -> httpx.Response:
        """Send one request to the endpoint, counting it and any failure."""
        stats = _stats()
        stats.requests += 1
        try:
            response = await self.inner.handle_async_request(request)
        except Exception as exc:
            stats.errors.append(type(exc).__name__)
            raise
        if response.status_code != 200:
            stats.errors.append(f"HTTP {response.status_code}")
        return response

    async def aclose(self) -> None:
        await self.inner.aclose()
