"""Dates the articles state: full dates written out, each article's report day
(the first weekday it names, resolved against its published or header date)
and the folder's reference date."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence

from summarize.lang.calendar import MONTHS, WEEKDAYS
from summarize.models import Article

#: A month name, full or abbreviated ("Oct", "Oct.", "October"), as a regex.
MONTH_PATTERN = r"(?:" + "|".join(m[:3] + r"(?:" + m[3:] + r")?\.?" for m in MONTHS) + r")"
_MONTH_RE = rf"(?P<month>{MONTH_PATTERN})"
_DATE_RES = (
    re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b"),
    re.compile(rf"\b(?P<d>\d{{1,2}})\s+{_MONTH_RE}\s+(?P<y>\d{{4}})\b", re.IGNORECASE),
    re.compile(rf"\b{_MONTH_RE}\s+(?P<d>\d{{1,2}}),?\s+(?P<y>\d{{4}})\b", re.IGNORECASE),
)
_WEEKDAY_RE = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)
HEADER_CHARS = 400


def _month_number(text: str) -> int:
    return next(i for i, m in enumerate(MONTHS, 1) if text.lower().startswith(m[:3]))


def explicit_dates(text: str) -> list[dt.date]:
    """Full dates written out in ``text`` (ISO, "17 October 2020", "October 17, 2020")."""
    found: list[tuple[int, dt.date]] = []
    for pattern in _DATE_RES:
        for m in pattern.finditer(text):
            month = int(m.group("m")) if "m" in m.groupdict() else _month_number(m.group("month"))
            try:
                found.append((m.start(), dt.date(int(m.group("y")), month, int(m.group("d")))))
            except ValueError:
                continue
    return [d for _, d in sorted(found)]


def _header_date(article: Article) -> dt.date | None:
    dates = explicit_dates(article.text[:HEADER_CHARS])
    return dates[0] if dates else None


def reference_date(articles: Sequence[Article]) -> dt.date | None:
    """The date most articles were published (or dated in their header)."""
    dates = Counter(d for a in articles if (d := a.published or _header_date(a)) is not None)
    return dates.most_common(1)[0][0] if dates else None


def report_date(article: Article, fallback: dt.date | None) -> dt.date | None:
    """The day the article's report is about (see the module doc)."""
    base = article.published or _header_date(article) or fallback
    m = _WEEKDAY_RE.search(article.text)
    if m is None or base is None:
        return article.published or _header_date(article)
    back = (base.weekday() - WEEKDAYS.index(m.group(1).lower())) % 7
    return base - dt.timedelta(days=back)
