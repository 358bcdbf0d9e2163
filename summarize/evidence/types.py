"""Typed records of the evidence stage. Offsets index into ``Article.text``."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from summarize.evidence.figures import Figure
from summarize.evidence.grouping import EventGroup
from summarize.evidence.relevance import Relevance
from summarize.models import Article

if TYPE_CHECKING:
    from summarize.evidence.places import Gazetteer


class Span(BaseModel):
    """A character span of one article's text; ``text == article.text[start:end]``."""

    model_config = ConfigDict(frozen=True)

    start: int
    end: int
    text: str


class Sentence(BaseModel):
    """One sentence, with a stable id ``d<k>.s<n>``: sentence n (from 1) of the k-th
    document (from 1, in the bundle's article order)."""

    model_config = ConfigDict(frozen=True)

    id: str
    document: str
    start: int
    end: int
    text: str


class Attribution(BaseModel):
    """One attribution relation: a source, the cue that attributes, and the content.

    ``source_name`` is the resolved speaker (a pronoun source is resolved to the
    last named source before it); ``role`` an appositive title if present."""

    model_config = ConfigDict(frozen=True)

    id: str
    document: str
    sentence_id: str | None = None
    source: Span | None = None
    source_name: str
    role: str | None = None
    cue: Span
    content: Span
    direct: bool = Field(description="True when the content is a direct quotation.")
    content_parts: list[Span] = Field(
        default_factory=list,
        description="Every piece of a split quotation, in order; the first is ``content``. "
        "Empty when the content is one piece.",
    )
    cue_lemma: str | None = Field(
        default=None, description="Dictionary form of the cue, e.g. 'deny' for 'has denied'."
    )
    content_is_object: bool = Field(
        default=False,
        description="True when the content is the cue verb's object, a noun phrase or an "
        "infinitive ('reiterated support for Azerbaijan'), not a clause or a quotation.",
    )


class DuplicateGroup(BaseModel):
    """A passage that several articles carry near-verbatim (wire copy)."""

    model_config = ConfigDict(frozen=True)

    text: str
    occurrences: list[Span | None] = Field(default_factory=list)
    documents: list[str]


class EvidenceBundle(BaseModel):
    """Every fact about the articles that later stages use, computed once by
    :func:`summarize.evidence.bundle.build_bundle`: engines, prompts and the
    verifier read it and recompute none of it."""

    articles: list[Article]
    sentences: list[Sentence] = Field(default_factory=list)
    attributions: list[Attribution] = Field(default_factory=list)
    duplicates: list[DuplicateGroup] = Field(default_factory=list)
    reference_date: dt.date | None = Field(
        default=None, description="The date most articles were published (or dated in a header)."
    )
    report_dates: dict[str, dt.date | None] = Field(
        default_factory=dict, description="Per document: the day its report is about."
    )
    figures: dict[str, list[Figure]] = Field(
        default_factory=dict, description="Per document: the counts it states, with offsets."
    )
    relevance: list[Relevance] = Field(
        default_factory=list, description="Per document, in article order: on the event or not."
    )
    groups: list[EventGroup] = Field(
        default_factory=list,
        description="The articles grouped by the event they report, the event first.",
    )
    _gazetteer: Gazetteer | None = PrivateAttr(default=None)

    def article(self, doc_id: str) -> Article:
        for a in self.articles:
            if a.id == doc_id:
                return a
        raise KeyError(doc_id)

    def on_event(self) -> list[str]:
        """Ids of the documents judged to be about the event, in article order."""
        if not self.relevance:
            return [a.id for a in self.articles]
        return [v.document for v in self.relevance if v.on_event]

    def gazetteer(self) -> Gazetteer:
        """Places and nationality words of the folder (an entity-recogniser pass, run
        on first use and kept: only the offline engine needs it)."""
        if self._gazetteer is None:
            from summarize.evidence.places import build_gazetteer

            self._gazetteer = build_gazetteer(self.articles)
        return self._gazetteer
