"""What of each article goes into a model prompt.

(Being written: issue 5 — syndicated passages carried once and credited to
every outlet that ran them; boilerplate such as photo captions, "Read more"
and copyright lines dropped.) Whatever is kept is a verbatim substring of the
article, so quotes the model copies from a prompt document stay checkable."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, Field

from summarize.evidence.types import EvidenceBundle


class PromptDocument(BaseModel):
    """One article as the model sees it."""

    id: str
    outlet: str | None = None
    title: str | None = None
    published: dt.date | None = None
    text: str
    notes: list[str] = Field(
        default_factory=list,
        description="What was left out, e.g. a passage carried by another document.",
    )


def prompt_documents(bundle: EvidenceBundle) -> list[PromptDocument]:
    """The documents to put in the prompt, in input order."""
    return [
        PromptDocument(id=a.id, outlet=a.outlet, title=a.title, published=a.published, text=a.text)
        for a in bundle.articles
    ]
