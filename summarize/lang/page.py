"""Page furniture: words that open a "Word: text" line that is no speaker label."""

from __future__ import annotations

from summarize.lang import word_set

#: Page furniture, corrections and determiner-led headline kickers ("The Latest: ...").
NOT_SPEAKER_LABELS: frozenset[str] = word_set(
    "a an clarification correction editor note photo read source the update via watch"
)
