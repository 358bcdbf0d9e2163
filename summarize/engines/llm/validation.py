"""The reply model the ``llm`` engine asks for, and its grounding validator.

The articles reach the validator either as pydantic validation context
(``context={"articles": [...]}``) or, for the ``llm`` engine, through
:func:`grounding_articles` (a context variable set around the call, so
instructor is given no context and skips its Jinja pass over the prompt).
The validator runs
:func:`summarize.verify.check_summary` against them, so a reply is only
accepted when every evidence quote occurs verbatim in the document it cites,
every cited document id exists, every claim quote is verbatim, numbers are
supported and every input document is listed. A failing reply raises a
:class:`GroundingFailure` whose message lists each failure; instructor sends
that message back to the model (the re-ask)."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from typing import Any

from instructor import ResponseSchema
from instructor.core import IncompleteOutputException
from pydantic import ValidationError, ValidationInfo, model_validator

from summarize.models import Article, SummaryBody
from summarize.verify import check_summary

ARTICLES_KEY = "articles"
TRUNCATED = (
    "the reply was cut off at the length limit (finish_reason 'length') "
    "before the JSON was complete"
)
EMPTY = "the reply was empty"

_ARTICLES: ContextVar[list[Article] | None] = ContextVar("summarize_articles", default=None)


@contextmanager
def grounding_articles(articles: Sequence[Article]) -> Iterator[None]:
    """Check every :class:`SummaryReply` validated inside the block against
    ``articles`` (asyncio tasks started inside inherit it; others never see it)."""
    token = _ARTICLES.set(list(articles))
    try:
        yield
    finally:
        _ARTICLES.reset(token)


class GroundingFailure(ValueError):
    """A reply that parsed but does not hold up against the articles."""

    def __init__(self, failures: list[str]) -> None:
        self.failures = failures
        listed = "\n".join(f"- {f}" for f in failures)
        super().__init__(
            f"the reply failed {len(failures)} grounding check(s):\n{listed}\n"
            "Copy every evidence quote and claim quote character for character from the "
            "document it cites, cite only the document ids given in <document id=...> tags, "
            "and list every document once in documents."
        )


def grounding_failures(body: SummaryBody, articles: Sequence[Article]) -> list[str]:
    """Every reason ``body`` cannot be accepted for ``articles`` (empty when it can)."""
    failures = [str(issue) for issue in check_summary(body, articles).errors]
    listed = [d.id for d in body.documents]
    known = {a.id for a in articles}
    missing = [a.id for a in articles if a.id not in listed]
    if missing:
        failures.append(f"documents: does not list {', '.join(missing)}; list every document")
    repeated = sorted({d for d in listed if listed.count(d) > 1 and d in known})
    if repeated:
        failures.append(f"documents: lists {', '.join(repeated)} more than once")
    return failures


class SummaryReply(SummaryBody, ResponseSchema):
    """A neutral, attributed summary of one event across the documents given:
    claims with their speakers and verbatim evidence, disputes, and which
    documents are about the event."""

    # Deriving from instructor's ResponseSchema spares instructor from wrapping the
    # class in a fresh pydantic model (and regenerating its schema) on every request.

    @model_validator(mode="after")
    def _grounded(self, info: ValidationInfo) -> SummaryReply:
        context = info.context if isinstance(info.context, dict) else {}
        articles = context.get(ARTICLES_KEY)
        if articles is None:
            articles = _ARTICLES.get()
        if articles:
            failures = grounding_failures(self, articles)
            if failures:
                raise GroundingFailure(failures)
        return self

    @classmethod
    def model_json_schema(cls, *args: Any, **kwargs: Any) -> dict[str, Any]:
        """The JSON schema, generated once: instructor asks for it on every request,
        and generating it costs more than the rest of a request's own work."""
        if args or kwargs:
            return super().model_json_schema(*args, **kwargs)
        schema: dict[str, Any] = json.loads(_default_schema(cls))
        return schema

    def to_body(self) -> SummaryBody:
        """The plain :class:`SummaryBody` (without the validator class)."""
        return SummaryBody.model_validate(self.model_dump())


@cache
def _default_schema(model: type[SummaryReply]) -> str:
    """The schema as JSON text: parsing it makes a fresh copy several times
    faster than ``copy.deepcopy`` of the dict."""
    return json.dumps(super(SummaryReply, model).model_json_schema())


def describe_failure(exc: BaseException) -> list[str]:
    """The failures one rejected reply had, as short lines a person can act on."""
    if isinstance(exc, ValidationError):
        out: list[str] = []
        for error in exc.errors(include_url=False):
            cause = (error.get("ctx") or {}).get("error")
            if isinstance(cause, GroundingFailure):
                out.extend(cause.failures)
            elif error["type"] == "json_invalid":
                out.append(f"the reply is not valid JSON ({error['msg']})")
            else:
                where = ".".join(str(p) for p in error["loc"]) or "(top level)"
                out.append(f"schema: {where}: {error['msg']}")
        return out or [str(exc)]
    if isinstance(exc, json.JSONDecodeError):
        return [f"the reply is not valid JSON ({exc.msg} at position {exc.pos})"]
    if isinstance(exc, IncompleteOutputException):
        return [TRUNCATED]
    return [f"{type(exc).__name__}: {exc}"]


def validation_context(articles: Sequence[Article]) -> dict[str, Any]:
    """The pydantic validation context that turns on the grounding validator."""
    return {ARTICLES_KEY: list(articles)}
