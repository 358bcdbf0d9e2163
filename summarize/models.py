"""Typed records that flow through the pipeline: articles in, event summaries out.

The output models here are the single definition of the output contract:
``schemas/event_summary.schema.json`` is generated from :class:`EventSummary`
(``python -m summarize.schema_gen``) and a test checks that the two agree.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StrictBool

SCHEMA_VERSION = "1.1.0"  # 1.1: evidence pointers (sentence_ids, start, end) and dropped[]

NonEmpty = Annotated[str, Field(min_length=1)]


class Article(BaseModel):
    """One input document. ``text`` is kept exactly as read (after decoding and
    metadata stripping) so character offsets and verbatim quotes stay checkable."""

    model_config = ConfigDict(frozen=True)

    id: str
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    language: str | None = None
    slant: str | None = Field(
        default=None, description="The outlet's political slant where known, e.g. 'left'."
    )
    path: str | None = None


class Speaker(BaseModel):
    """Who made a claim: a person or a body, as the sources name them."""

    model_config = ConfigDict(extra="forbid")

    name: NonEmpty = Field(description="Name of the person or body making the claim.")
    role: str | None = Field(default=None, description="Title or role, e.g. 'presidential aide'.")
    affiliation: str | None = Field(
        default=None, description="Organisation or country the speaker belongs to."
    )


class Evidence(BaseModel):
    """A verbatim excerpt of one document that supports a claim."""

    model_config = ConfigDict(extra="forbid")

    document: NonEmpty = Field(description="Id of the document the excerpt is taken from.")
    quote: NonEmpty = Field(description="Excerpt copied verbatim from that document.")
    sentence_ids: list[str] = Field(
        default_factory=list,
        description="Ids of the evidence-stage sentences the excerpt lies in, e.g. 'd2.s14' "
        "(sentence 14 of the second document in `documents` order).",
    )
    start: int | None = Field(
        default=None, ge=0, description="Character offset where the excerpt starts in the document."
    )
    end: int | None = Field(
        default=None, ge=0, description="Character offset just after the excerpt's end."
    )


class Claim(BaseModel):
    """One attributed claim: who said what, and which articles report it."""

    model_config = ConfigDict(extra="forbid")

    id: NonEmpty = Field(description="Stable id within this summary, e.g. 'c1'.")
    statement: NonEmpty = Field(
        description="The claim in neutral words, attributed to its speaker."
    )
    speaker: Speaker
    quote: str | None = Field(
        default=None, description="The speaker's exact words, verbatim from a document."
    )
    evidence: list[Evidence] = Field(min_length=1)
    reported_by: list[NonEmpty] = Field(
        min_length=1, description="Ids of every document that reports this claim."
    )


class Dispute(BaseModel):
    """A place where sources disagree."""

    model_config = ConfigDict(extra="forbid")

    topic: NonEmpty = Field(description="What the disagreement is about.")
    claim_ids: list[NonEmpty] = Field(min_length=2, description="Ids of the claims in conflict.")
    description: str = Field(description="Short neutral description of the disagreement.")


class DocumentInfo(BaseModel):
    """How one input document relates to the event."""

    model_config = ConfigDict(extra="forbid")

    id: NonEmpty
    outlet: str | None = None
    title: str | None = None
    on_event: StrictBool = Field(description="False when the document is about a different event.")
    reason: str | None = Field(default=None, description="Why the document is (not) on the event.")


class Event(BaseModel):
    """The event the folder is about."""

    model_config = ConfigDict(extra="forbid")

    title: NonEmpty
    date: dt.date | None = Field(default=None, description="ISO date of the event, if known.")
    location: str | None = None


class TokenUsage(BaseModel):
    """Tokens used across every model request that produced a record."""

    model_config = ConfigDict(extra="forbid")

    prompt_tokens: int = 0
    completion_tokens: int = 0
    total_tokens: int = 0
    requests: int = 0

    def __add__(self, other: TokenUsage) -> TokenUsage:
        return TokenUsage(
            prompt_tokens=self.prompt_tokens + other.prompt_tokens,
            completion_tokens=self.completion_tokens + other.completion_tokens,
            total_tokens=self.total_tokens + other.total_tokens,
            requests=self.requests + other.requests,
        )


class Provenance(BaseModel):
    """What produced a record, so runs can be compared and reproduced."""

    model_config = ConfigDict(extra="forbid")

    engine: NonEmpty
    model: str | None = None
    mode: str | None = None
    prompt_version: str | None = None
    schema_version: str = SCHEMA_VERSION
    tool_version: str
    usage: TokenUsage = Field(default_factory=TokenUsage)


class SummaryBody(BaseModel):
    """The part of a summary an engine composes (everything but provenance).

    This is what the ``llm`` engine asks the model for."""

    model_config = ConfigDict(extra="forbid")

    event: Event
    summary: str = Field(
        description="Neutral prose account; every contested statement attributed in-line."
    )
    claims: list[Claim]
    disputes: list[Dispute] = Field(default_factory=list)
    documents: list[DocumentInfo]


class DroppedItem(BaseModel):
    """A claim (or other item) left out because it could not be grounded."""

    model_config = ConfigDict(extra="forbid")

    claim_id: str | None = Field(default=None, description="Id the item had in the draft.")
    statement: str | None = Field(default=None, description="What the item said.")
    reason: NonEmpty = Field(description="Why it was left out, naming the failed check.")


class EventSummary(SummaryBody):
    """A neutral, attributed summary of one event across several articles."""

    dropped: list[DroppedItem] = Field(
        default_factory=list,
        description="Items an engine drafted and left out because they could not be grounded.",
    )
    provenance: Provenance
