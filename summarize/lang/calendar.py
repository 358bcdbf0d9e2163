"""Calendar words, in calendar order (a weekday's index is its ``date.weekday()``)."""

from __future__ import annotations

from summarize.lang import word_set

WEEKDAYS: tuple[str, ...] = (
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
)
MONTHS: tuple[str, ...] = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
#: Days named relative to the report's own.
RELATIVE_DAYS: frozenset[str] = word_set("today tonight yesterday")
#: Parts of a day and lengths of time: with the above, words that name a time.
PERIODS: frozenset[str] = word_set(
    "afternoon autumn evening hour minute month morning night summer tomorrow week weekend "
    "winter year"
)
#: Every word that names a time, never a speaker ("Tuesday said" is a parse error).
TIME_WORDS: frozenset[str] = frozenset(WEEKDAYS) | frozenset(MONTHS) | RELATIVE_DAYS | PERIODS
#: Words that lead a time phrase after a name ("Colin Powell on Sunday said",
#: "the minister late Tuesday said"): with a time word, no part of the name.
TIME_LEADERS: frozenset[str] = word_set("during earlier early last late later on this")
