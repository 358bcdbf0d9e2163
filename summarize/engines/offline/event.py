"""The event itself: a neutral title, the day, the place.

- **date**: each article's report day is the first weekday it names ("said
  Saturday"), resolved against its published date (or a date in its header,
  or the folder's common date), else its published date; the event's date is
  the report day most on-event articles agree on.
- **location**: the place named by the most on-event articles, leaving out
  countries (places whose nationality word also occurs: Armenia/Armenian),
  which name the parties rather than the scene.
- **title**: the word pair most on-event articles share ("missile attack"),
  with no place, nationality or loaded word in it, plus the location; when no
  pair is shared, headline consensus: the common-noun phrase of the headlines
  (or first sentences) whose content words most on-event articles use, plus
  the location unless the phrase names it. Words keep
  their letters as written (accents included: "Querétaro")."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import Counter
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from summarize.engines.offline.headlines import headline_end
from summarize.evidence.nlp import load_nlp
from summarize.evidence.places import Gazetteer
from summarize.evidence.sentences import split_sentences
from summarize.lang.calendar import TIME_WORDS
from summarize.lang.events import GENERAL_WORDS
from summarize.lang.function_words import FUNCTION_WORDS
from summarize.lang.titles import PERSON_TITLES
from summarize.models import Article
from summarize.neutrality import find_loaded
from summarize.textnorm import fold, fold_casefold

#: A word: letters of any script, hyphens inside ("Querétaro", "Ciudad-Juárez").
_WORD_RE = re.compile(r"[^\W\d_](?:[^\W\d_]|-)+")
#: A headline phrase has this many words at least and at most (determiners aside).
PHRASE_WORDS = (2, 6)
#: Shared word pairs checked for being a noun phrase, most shared first.
PAIRS_CHECKED = 10
#: Shorter words are left out of word pairs.
MIN_LETTERS = 3
#: Sentences parsed to see whether a shared pair is a noun phrase.
PARSES_CHECKED = 3
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
    candidates.sort(key=lambda p: (-df[p], -total[p]))
    phrase = next((p for p in candidates[:PAIRS_CHECKED] if _noun_phrase_in(p, articles)), None)
    if phrase:
        written = _as_written(phrase, articles)
        head = written[0].upper() + written[1:]
        return f"{head} in {location}" if location else head
    shared = headline_phrase(articles, need)
    if shared:
        head = shared[0].upper() + shared[1:]
        named = location and fold_casefold(location) in fold_casefold(shared)
        return f"{head} in {location}" if location and not named else head
    if location:
        return f"Reports from {location}"
    if not articles:
        return "No article the engine could read"
    return f"Event reported by {len(articles)} articles"


def _pair_pattern(pair: str) -> re.Pattern[str]:
    first, second = pair.split(" ")
    return re.compile(rf"(?<!\w){re.escape(first)}\s+{re.escape(second)}\w*", re.IGNORECASE)


def _as_written(pair: str, articles: Sequence[Article]) -> str:
    """The pair as the first article that uses it writes it ("several travellers",
    not the counting key "several traveller"), lower-cased."""
    pattern = _pair_pattern(pair)
    for article in articles:
        match = pattern.search(fold(article.text))
        if match:
            return " ".join(match.group(0).lower().split())
    return pair


def _names_person(word: str) -> bool:
    """True for a role noun ("judge", "officials", "expert"): it names a person."""
    return word in PERSON_TITLES or _singular(word) in PERSON_TITLES


def _noun_phrase_in(pair: str, articles: Sequence[Article]) -> bool:
    """True when the pair is a modifier and its head common noun in one of the
    first :data:`PARSES_CHECKED` sentences that use it ("missile attack",
    "Iran-backed militia"), not a join across phrases ("case against", "opened
    fire", "storm government")."""
    first, second = pair.split(" ")
    if first in TIME_WORDS or second in TIME_WORDS:
        return False  # "Thursday morning" dates the event, it does not name it
    if _names_person(second):
        return False  # "federal judge" names who took part, not what happened
    pattern = _pair_pattern(pair)
    texts = [
        fold(s.text)
        for article in articles
        for s in split_sentences(article)
        if pattern.search(fold(s.text))
    ]
    for doc in load_nlp().pipe(texts[:PARSES_CHECKED]):
        for match in pattern.finditer(doc.text):
            span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is None or len(span) < 2 or span[0].like_num:
                continue
            modifier, head = span[-2], span[-1]
            if head.tag_ in ("NN", "NNS") and modifier.head == head and modifier.dep_ in _MODIFIERS:
                return True
    return False


def _headline(article: Article) -> str:
    """The article's headline, or its first sentence when it has none."""
    sentences = split_sentences(article)
    end = headline_end(article, sentences)
    if end:
        return article.text[:end].strip()
    return sentences[0].text.strip() if sentences else ""


def _content_words(text: str) -> list[str]:
    return [w for w in (fold_casefold(m) for m in _WORD_RE.findall(text)) if w not in _TITLE_STOP]


#: Dependents that stay inside a noun phrase before its head noun.
_MODIFIERS = frozenset({"compound", "amod", "nmod", "nummod"})


def _noun_phrases(doc: Doc) -> list[list[Token]]:
    """Each head common noun (tag NN or NNS: a thing or an event, not a name; not
    itself part of a compound) with the modifiers
    before it that attach to it: "top NRA officials", "executive order"."""
    phrases: list[list[Token]] = []
    for token in doc:
        if token.tag_ not in ("NN", "NNS") or token.dep_ == "compound":
            continue
        start = token.i
        for child in reversed(list(token.lefts)):
            if child.dep_ not in _MODIFIERS or (
                child.i != start - 1 and not _joined(doc, child.i, start)
            ):
                break
            start = child.left_edge.i if child.dep_ == "compound" else child.i
        phrase = list(doc[start : token.i + 1])
        while phrase and (phrase[0].like_num or phrase[0].dep_ == "nummod"):
            phrase = phrase[1:]  # "13 U.S. climate scientists": the count is no name
        phrases.append(phrase)
    return phrases


def _joined(doc: Doc, left: int, right: int) -> bool:
    """True when every token between ``left`` and ``right`` modifies inside the phrase."""
    return all(doc[i].dep_ in _MODIFIERS for i in range(left + 1, right))


def headline_phrase(articles: Sequence[Article], need: int) -> str | None:
    """The noun phrase of the headlines whose content words most articles use (at
    least ``need``), longer phrases first at equal count; None when none is shared."""
    if len(articles) < 2:
        return None
    vocabularies = [set(_content_words(a.text)) for a in articles]
    nlp = load_nlp()
    best: tuple[int, int, int] | None = None
    chosen: str | None = None
    order = 0
    for doc in nlp.pipe(_headline(a) for a in articles):
        for tokens in _noun_phrases(doc):
            if not PHRASE_WORDS[0] <= len(tokens) <= PHRASE_WORDS[1]:
                continue
            text = doc[tokens[0].i : tokens[-1].i + 1].text.strip(" '\"\u2018\u2019\u201c\u201d")
            words = _content_words(text)
            if (
                len(set(words)) < 2
                or set(words) & TIME_WORDS  # "Thursday morning" dates the event
                or _names_person(words[-1])
                or find_loaded(text)
                or any(ch in text for ch in "'\"\u2019\u201d:")
            ):
                continue
            df = sum(1 for vocabulary in vocabularies if all(w in vocabulary for w in words))
            order -= 1
            key = (df, len(words), order)
            if df >= need and (best is None or key > best):
                best, chosen = key, text
    return chosen


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
            if len(la) < MIN_LETTERS or len(lb) < MIN_LETTERS:
                continue
            pairs.append(f"{la} {_singular(lb)}")
    return pairs
