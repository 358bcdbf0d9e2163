"""Why a model reply was rejected, in words a person (or the model) can act on.

Grounding of the summary reply is :mod:`summarize.engines.llm.pointers`; the
wire model is :mod:`summarize.engines.llm.wire`. :class:`GroundingFailure` is
what the map stage's validator raises (map-reduce) so instructor re-asks."""

from __future__ import annotations

import json

from instructor.core import IncompleteOutputException
from pydantic import ValidationError

TRUNCATED = (
    "the reply was cut off at the length limit (finish_reason 'length') "
    "before the JSON was complete"
)
EMPTY = "the reply was empty"


class GroundingFailure(ValueError):
    """A reply that parsed but does not hold up against the articles."""

    def __init__(self, failures: list[str]) -> None:
        self.failures = failures
        listed = "\n".join(f"- {f}" for f in failures)
        super().__init__(
            f"the reply failed {len(failures)} grounding check(s):\n{listed}\n"
            "Copy every evidence quote and claim quote character for character from the "
            "document it cites."
        )


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
    cause = exc.__cause__ or exc.__context__
    if cause is not None and cause is not exc:
        return describe_failure(cause)
    return [f"{type(exc).__name__}: {exc}"]
