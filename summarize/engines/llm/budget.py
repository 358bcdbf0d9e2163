"""Token budgets of a model request: how long the prompt is, how long the
reply may be (``max_tokens``), and whether both fit the endpoint's context.

Tokens are estimated as characters / :data:`CHARS_PER_TOKEN` (no tokenizer
download needed); English news text runs at about 4 characters a token.

``max_tokens`` is sized from the input unless ``--max-tokens`` sets it: a
reply that cites sentence ids runs to about a third of the prompt for the
seed folder, so the budget is :data:`REPLY_BASE` + half the prompt, between
:data:`MIN_REPLY_TOKENS` and :data:`MAX_REPLY_TOKENS`, and never more than
the context leaves. A runaway generation stops there, reported as cut at the
length limit, instead of running to the end of the context.
"""

from __future__ import annotations

from summarize.errors import PromptTooLongError

CHARS_PER_TOKEN = 4
REPLY_BASE = 512
MIN_REPLY_TOKENS = 512
MAX_REPLY_TOKENS = 8192


def estimate_tokens(text: str) -> int:
    """Tokens of ``text`` estimated as characters / 4."""
    return len(text) // CHARS_PER_TOKEN + 1


def reply_budget(prompt_tokens: int, *, context_tokens: int | None = None) -> int:
    """The ``max_tokens`` for a reply to a prompt of ``prompt_tokens``."""
    budget = min(MAX_REPLY_TOKENS, max(MIN_REPLY_TOKENS * 2, REPLY_BASE + prompt_tokens // 2))
    if context_tokens is not None:
        budget = min(budget, context_tokens - prompt_tokens)
    return budget


def check_context(
    prompt_tokens: int, context_tokens: int | None, *, where: str, setting: str | None
) -> None:
    """Raise :class:`PromptTooLongError` when the prompt leaves less than
    :data:`MIN_REPLY_TOKENS` of the endpoint's context for the reply (a server
    would cut the prompt, some silently)."""
    if context_tokens is None or context_tokens - prompt_tokens >= MIN_REPLY_TOKENS:
        return
    raise PromptTooLongError(
        prompt_tokens=prompt_tokens,
        context_tokens=context_tokens,
        message=(
            f"the prompt is about {prompt_tokens} tokens, but the endpoint {where} has a "
            f"context of {context_tokens} tokens (with at least {MIN_REPLY_TOKENS} left for the "
            f"reply); raise {setting or 'the server context'} and pass --context to match, "
            "or use --max-input-tokens to summarize it map-reduce style"
        ),
    )
