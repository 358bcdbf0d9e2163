"""The interface every compose engine implements."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from summarize.evidence.types import EvidenceBundle
from summarize.models import EventSummary


@runtime_checkable
class Engine(Protocol):
    """Compose one event summary from an evidence bundle."""

    name: str

    async def compose(self, bundle: EvidenceBundle) -> EventSummary:
        """Return a summary whose provenance names this engine."""
        ...
