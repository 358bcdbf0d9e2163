"""The ``offline`` engine: composes the record from attribution relations with
neutral templates; no model, no network. (Composition being written: issue 3.)"""

from __future__ import annotations

from summarize.evidence.types import EvidenceBundle
from summarize.models import DocumentInfo, Event, EventSummary, Provenance
from summarize.version import __version__


class OfflineEngine:
    name = "offline"

    async def compose(self, bundle: EvidenceBundle) -> EventSummary:
        first = bundle.articles[0]
        title = first.title or first.text.strip().split("\n", 1)[0][:120]
        return EventSummary(
            event=Event(title=title or first.id),
            summary=f"{len(bundle.articles)} articles were read.",
            claims=[],
            disputes=[],
            documents=[
                DocumentInfo(id=a.id, outlet=a.outlet, title=a.title, on_event=True)
                for a in bundle.articles
            ],
            provenance=Provenance(engine=self.name, tool_version=__version__),
        )
