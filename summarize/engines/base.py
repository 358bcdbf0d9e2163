"""The interface every compose engine implements, and the extra one an engine that
calls a model offers (batch budgets, reply caches and map-reduce read it)."""

from __future__ import annotations

from typing import Any, Protocol, runtime_checkable

from summarize.evidence.types import EvidenceBundle
from summarize.models import EventSummary


@runtime_checkable
class Engine(Protocol):
    """Compose one event summary from an evidence bundle."""

    name: str

    async def compose(self, bundle: EvidenceBundle) -> EventSummary:
        """Return a summary whose provenance names this engine."""
        ...


@runtime_checkable
class ModelEngine(Engine, Protocol):
    """An engine that sends the bundle to a model."""

    prompt_version: str
    """Version of the prompt templates (part of every reply-cache key)."""

    def prompt_chars(self, bundle: EvidenceBundle) -> int:
        """Characters of the messages the engine will send for ``bundle``: with
        :meth:`response_schema`, what a cost estimate is based on."""
        ...

    def response_schema(self) -> dict[str, Any]:
        """The JSON schema sent with each request for the reply's shape."""
        ...
