"""Typed records of the evidence stage. Offsets index into ``Article.text``."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from summarize.models import Article


class Span(BaseModel):
    """A character span of one article's text; ``text == article.text[start:end]``."""

    model_config = ConfigDict(frozen=True)

    start: int
    end: int
    text: str


class Sentence(BaseModel):
    """One sentence, with a stable id ``<document>:s<n>`` (n from 1)."""

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
    """Everything the compose stage may use."""

    articles: list[Article]
    sentences: list[Sentence] = Field(default_factory=list)
    attributions: list[Attribution] = Field(default_factory=list)
    duplicates: list[DuplicateGroup] = Field(default_factory=list)

    def article(self, doc_id: str) -> Article:
        for a in self.articles:
            if a.id == doc_id:
                return a
        raise KeyError(doc_id)
