"""The event itself: a neutral title, the day, the place.

- **date**: each article's report day is the first weekday it names ("said
  Saturday"), resolved against its published date (or a date in its header,
  or the folder's common date), else its published date; the event's date is
  the report day most on-event articles agree on.
- **location**: the place named by the most on-event articles, leaving out
  countries (places whose nationality word also occurs: Armenia/Armenian),
  which name the parties rather than the scene.
- **title**: the word pair most on-event articles share ("missile attack"),
  with no place, nationality or loaded word in it, plus the location."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import Counter
from collections.abc import Sequence

from summarize.evidence.places import Gazetteer
from summarize.lang.events import GENERAL_WORDS
from summarize.lang.function_words import FUNCTION_WORDS
from summarize.models import Article
from summarize.neutrality import find_loaded
from summarize.textnorm import fold, fold_casefold

_WORD_RE = re.compile(r"[A-Za-z][a-z-]+")
# Function words plus words too general to name an event in a title.
_TITLE_STOP = FUNCTION_WORDS | GENERAL_WORDS


def event_date(report_dates: Sequence[dt.date | None]) -> dt.date | None:
    counted = Counter(d for d in report_dates if d is not None)
    if not counted:
        return None
    return max(counted, key=lambda d: (counted[d], d))


def event_location(on_event: Sequence[str], gaz: Gazetteer) -> str | None:
    """The place most on-event articles name, countries last."""
    df: Counter[str] = Counter()
    mentions: Counter[str] = Counter()
    lead: Counter[str] = Counter()
    for doc in on_event:
        places = gaz.places.get(doc, Counter())
        df.update(places.keys())
        mentions.update(places)
        lead.update(gaz.lead_places.get(doc, Counter()).keys())
    if not df:
        return None
    return max(df, key=lambda p: (not gaz.is_country(p), df[p], lead[p], mentions[p]))


def event_title(
    articles: Sequence[Article],
    gaz: Gazetteer,
    location: str | None,
    names: Sequence[str] = (),
) -> str:
    """A neutral title from the word pair most articles share."""
    excluded = {w.lower() for n in names for w in re.findall(r"\w+", n)}
    excluded |= {
        w for p in gaz.places.values() for place in p for w in fold_casefold(place).split()
    }
    excluded |= set(gaz.demonyms) | set(gaz.countries)
    df: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for article in articles:
        pairs = _pairs(article.text, excluded)
        df.update(dict.fromkeys(pairs, 1))  # first-seen order: ties never depend on hashing
        total.update(pairs)
    need = max(2, (len(articles) + 1) // 2) if len(articles) > 1 else 1
    candidates = [p for p in df if df[p] >= need and not find_loaded(p)]
    if candidates:
        phrase = max(candidates, key=lambda p: (df[p], total[p]))
        head = phrase[0].upper() + phrase[1:]
        return f"{head} in {location}" if location else head
    if location:
        return f"Reports from {location}"
    if not articles:
        return "No article the engine could read"
    return f"Event reported by {len(articles)} articles"


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _pairs(text: str, excluded: set[str]) -> list[str]:
    pairs: list[str] = []
    for sentence in re.split(r"[.!?\n;:,()\"\u201c\u201d]", fold(text)):
        words = _WORD_RE.findall(sentence)
        for a, b in itertools.pairwise(words):
            la, lb = a.lower(), b.lower()
            if la in _TITLE_STOP or lb in _TITLE_STOP or la in excluded or lb in excluded:
                continue
            if lb.endswith(("ed", "ing", "ly")) or la.endswith("ly") or not b[:1].islower():
                continue
            if len(la) < 4 or len(lb) < 4:
                continue
            pairs.append(f"{la} {_singular(lb)}")
    return pairs
