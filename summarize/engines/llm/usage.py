"""Per-call accounting of model replies: token usage summed over every attempt,
the raw text of each reply, and why each rejected reply failed.

One :class:`AttemptLog` is made per compose call and attached to that call
only (instructor's per-call ``hooks=``), so concurrent calls sharing a client
never mix their counts."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from instructor.core.hooks import Hooks

from summarize.engines.llm.validation import EMPTY, TRUNCATED, describe_failure
from summarize.models import TokenUsage


def reply_text(response: Any) -> str:
    """The raw text of a chat completion: the message content, or the arguments
    of its first tool call (TOOLS mode)."""
    choices = getattr(response, "choices", None) or []
    if not choices:
        return ""
    message = getattr(choices[0], "message", None)
    content = getattr(message, "content", None)
    if content:
        return str(content)
    for call in getattr(message, "tool_calls", None) or []:
        arguments = getattr(getattr(call, "function", None), "arguments", None)
        if arguments:
            return str(arguments)
    return ""


def finish_reason(response: Any) -> str | None:
    choices = getattr(response, "choices", None) or []
    return getattr(choices[0], "finish_reason", None) if choices else None


@dataclass
class AttemptLog:
    """What happened across the attempts of one structured call."""

    usage: TokenUsage = field(default_factory=TokenUsage)
    replies: list[str] = field(default_factory=list)
    failures: list[list[str]] = field(default_factory=list)

    def hooks(self) -> Hooks:
        """instructor hooks that feed this log."""
        hooks = Hooks()
        hooks.on("completion:response", self.on_response)
        hooks.on("parse:error", self.on_parse_error)
        return hooks

    def on_response(self, response: Any) -> None:
        """Count one model reply and its tokens."""
        raw = getattr(response, "usage", None)
        prompt = int(getattr(raw, "prompt_tokens", 0) or 0)
        completion = int(getattr(raw, "completion_tokens", 0) or 0)
        total = int(getattr(raw, "total_tokens", 0) or 0) or prompt + completion
        self.usage = self.usage + TokenUsage(
            prompt_tokens=prompt, completion_tokens=completion, total_tokens=total, requests=1
        )
        self.replies.append(reply_text(response))
        if finish_reason(response) == "length":
            self.failures.append([TRUNCATED])

    def on_parse_error(self, error: Exception, **_: Any) -> None:
        """Record why the latest reply was rejected."""
        if self.replies and not self.replies[-1].strip():
            self.failures.append([EMPTY])
        else:
            self.failures.append(describe_failure(error))

    @property
    def last_reply(self) -> str | None:
        return self.replies[-1] if self.replies else None

    @property
    def last_failures(self) -> list[str]:
        return self.failures[-1] if self.failures else []
