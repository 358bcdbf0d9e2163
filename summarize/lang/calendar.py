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
