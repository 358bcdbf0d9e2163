"""What the ``llm`` engine asks the model for: the wire reply, and how it is read.

The wire reply is not the output record. It is generated from the same
models (:class:`~summarize.models.Speaker`, :class:`~summarize.models.Event`,
:class:`~summarize.models.Dispute`) but a claim cites its evidence by
**sentence id** (``"d2.s14"``, as the prompt numbers the documents), with an
optional ``quote`` only when part of one sentence supports it; code fills
the record's verbatim ``evidence[].quote``, ``sentence_ids``, ``start`` and
``end`` from the article text (:mod:`summarize.engines.llm.pointers`).
Documents carry only their id and the model's judgement; outlet and title
come from the articles.

The schema sent (:meth:`SummaryReply.model_json_schema`) is the strict form
(:func:`summarize.schema_gen.strict_schema`): every property required,
nullable where optional, ``additionalProperties: false``, no ``default``, no
``minLength``; the non-empty checks stay in pydantic. It is written to
``schemas/llm_reply.wire.schema.json`` by ``python -m summarize.schema_gen``.

Reading is tolerant where it costs nothing: code fences and prose around the
JSON object are stripped in every mode (:func:`json_payload`), and the
pydantic model also takes a copied ``{"document", "quote"}`` evidence item
(the pre-pointer shape, which a model may still produce) and a document's
``outlet``/``title``; neither is in the wire schema.
"""

from __future__ import annotations

import json
import re
from functools import cache
from typing import Any

from instructor import ResponseSchema
from pydantic import BaseModel, ConfigDict, Field, StrictBool
from pydantic.json_schema import SkipJsonSchema

from summarize.models import Dispute, Event, NonEmpty, Speaker
from summarize.strict_schema import strict_schema

_FENCE_RE = re.compile(r"```[ \t]*(?:json|JSON)?[ \t]*\n?(.*?)```", re.S)


def json_payload(text: str) -> str:
    """The JSON object inside a reply: the content of a ```json fence if there is
    one, from the first ``{`` to the end of the object it opens (prose before or
    after it dropped). Text without a complete object is returned from its first
    ``{`` so that the parser reports what is wrong with it."""
    s = text.strip()
    fenced = _FENCE_RE.search(s)
    if fenced:
        s = fenced.group(1).strip()
    start = s.find("{")
    if start < 0:
        return s
    try:
        _, end = json.JSONDecoder().raw_decode(s, start)
    except json.JSONDecodeError:
        return s[start:]
    return s[start:end]


class WireEvidence(BaseModel):
    """Where a claim's support is: sentence ids, and a part of one sentence if
    only that part supports it."""

    model_config = ConfigDict(extra="forbid")

    sentence_ids: list[str] = Field(
        default_factory=list,
        description="Ids of the sentences that support the claim, exactly as shown in "
        "brackets before each sentence, e.g. 'd2.s14': one sentence, or a few "
        "consecutive sentences of one document.",
    )
    quote: str | None = Field(
        default=None,
        description="Only when part of one cited sentence supports the claim: that part, "
        "copied exactly. Otherwise null.",
    )
    document: SkipJsonSchema[str | None] = None


class WireClaim(BaseModel):
    """One attributed claim: who said what, and the sentences that say so."""

    model_config = ConfigDict(extra="forbid")

    id: NonEmpty = Field(description="Stable id within this summary, e.g. 'c1'.")
    statement: NonEmpty = Field(
        description="The claim in neutral words, attributed to its speaker."
    )
    speaker: Speaker
    quote: str | None = Field(
        default=None,
        description="The speaker's exact words when the documents quote them, copied "
        "exactly; otherwise null.",
    )
    evidence: list[WireEvidence] = Field(min_length=1)
    reported_by: list[NonEmpty] = Field(
        min_length=1, description="Ids of every document that reports this claim."
    )


class WireDocument(BaseModel):
    """The model's judgement of one input document."""

    model_config = ConfigDict(extra="forbid")

    id: NonEmpty
    on_event: StrictBool = Field(description="False when the document is about a different event.")
    reason: str | None = Field(default=None, description="Why the document is (not) on the event.")
    outlet: SkipJsonSchema[str | None] = None
    title: SkipJsonSchema[str | None] = None


class SummaryReply(ResponseSchema):
    """A neutral, attributed summary of one event across the documents given:
    claims with their speakers and the ids of the sentences that support them,
    disputes, and which documents are about the event."""

    # Deriving from instructor's ResponseSchema spares instructor from wrapping the
    # class in a fresh pydantic model (and regenerating its schema) on every request.

    model_config = ConfigDict(extra="forbid")

    event: Event
    summary: str = Field(
        description="Neutral prose account; every contested statement attributed in-line."
    )
    claims: list[WireClaim]
    disputes: list[Dispute] = Field(default_factory=list)
    documents: list[WireDocument]

    @classmethod
    def model_json_schema(cls, *args: Any, **kwargs: Any) -> dict[str, Any]:
        """The strict wire schema, generated once (instructor asks for it on every
        request)."""
        if args or kwargs:
            return super().model_json_schema(*args, **kwargs)
        schema: dict[str, Any] = json.loads(_wire_schema_text(cls))
        return schema

    @classmethod
    def model_validate_json(cls, json_data: str | bytes | bytearray, **kwargs: Any) -> Any:
        """Parse a reply, fences and surrounding prose stripped first."""
        text = json_data.decode("utf-8", "replace") if not isinstance(json_data, str) else json_data
        return super().model_validate_json(json_payload(text), **kwargs)


@cache
def _wire_schema_text(model: type[SummaryReply]) -> str:
    """The strict schema as JSON text (parsing it gives a fresh copy, cheaply)."""
    return json.dumps(strict_schema(super(SummaryReply, model).model_json_schema()))


def wire_schema() -> dict[str, Any]:
    """The schema the model is asked to follow."""
    return SummaryReply.model_json_schema()
