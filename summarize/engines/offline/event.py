"""The event itself: a neutral title, the day, the place.

- **date**: each article's report day is the first weekday it names ("said
  Saturday"), resolved against its published date (or a date in its header,
  or the folder's common date), else its published date; the event's date is
  the report day most on-event articles agree on.
- **location**: the place named by the most on-event articles, leaving out
  countries (places whose nationality word also occurs: Armenia/Armenian),
  which name the parties rather than the scene.
- **title**: the noun phrase that names the event, chosen among the noun
  phrases of the headlines and leads (an article's ``title``, else the
  headline its text opens with, else its first sentence; then the first
  :data:`LEAD_SENTENCES` sentences) and the word pairs most on-event articles
  share ("missile attack"): first by how many articles' headline-and-lead
  use its content words, then by how many articles use them at all (at
  least half), longer first. A phrase has two to six content words, no time,
  name, loaded or quoted word, and its head is a common noun that names no
  role ("judge") or abstract thing ("belief", "situation", "statement").
  " in <location>" follows when some article puts something at the location
  ("in Ganja", "near Querétaro", "in the U.S.": not a name the recogniser
  mistook for a place, "the Delta variant", nor a party or a dateline), and
  the phrase names no place itself ("Kabul drone strike").
  Words keep their letters as written (accents included: "Querétaro"), an
  abbreviation its final period ("U.S.")."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import Counter
from collections.abc import Collection, Sequence

from spacy.tokens import Doc, Token

from summarize.engines.offline.headlines import headline_end
from summarize.evidence.nlp import load_nlp
from summarize.evidence.places import Gazetteer
from summarize.evidence.sentences import split_sentences
from summarize.evidence.types import Sentence
from summarize.lang.calendar import TIME_WORDS
from summarize.lang.events import ABSTRACT_NOUNS, GENERAL_WORDS
from summarize.lang.function_words import FUNCTION_WORDS
from summarize.lang.titles import PERSON_TITLES
from summarize.models import Article
from summarize.neutrality import find_loaded
from summarize.textnorm import fold, fold_casefold

#: The title's beginning when no phrase names the event, only where it is
#: reported from, or only how many articles report it.
REPORTS_FROM = "Reports from "
UNNAMED = "Event reported by "

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
#: Sentences after the headline that are the article's lead.
LEAD_SENTENCES = 2
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
    """A neutral title: the noun phrase the headlines and leads share (see the
    module doc), else "Reports from <location>" (a place the articles
    put something at), else "Event reported by N articles"."""
    excluded = {w.lower() for n in names for w in re.findall(r"\w+", n)}
    excluded |= {
        w for p in gaz.places.values() for place in p for w in fold_casefold(place).split()
    }
    excluded |= set(gaz.demonyms) | set(gaz.countries)
    excluded |= {a for a in gaz.agents if " " not in a}  # names: "Biden fires"
    df: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for article in articles:
        pairs = _pairs(_full_text(article), excluded)
        df.update(dict.fromkeys(pairs, 1))  # first-seen order: ties never depend on hashing
        total.update(pairs)
    need = max(2, (len(articles) + 1) // 2) if len(articles) > 1 else 1
    split = [split_sentences(a) for a in articles]  # once: every step below reads them
    heads = [_opening(a, sentences) for a, sentences in zip(articles, split, strict=True)]
    openings = _openings(heads)
    candidates = [p for p in df if df[p] >= need and _title_words(p, p.split())]
    opened = {p: sum(1 for o in openings if _stems(p.split()) <= o) for p in candidates}
    candidates.sort(key=lambda p: (-opened[p], -df[p], -total[p]))
    texts = [s.text for sentences in split for s in sentences]
    texts += [a.title for a in articles if a.title and _full_text(a) != a.text]
    pair = next((p for p in candidates[:PAIRS_CHECKED] if _noun_phrase_in(p, texts)), None)
    best = headline_phrase(articles, need, openings, heads)
    phrase: str | None = None
    if pair is not None and (best is None or (opened[pair], df[pair]) > best[1][:2]):
        phrase = _as_written(pair, articles)
    elif best is not None:
        phrase = best[0]
    if phrase:
        return _with_place(phrase[0].upper() + phrase[1:], location, gaz, articles)
    if location and _is_scene(location, articles):
        return f"{REPORTS_FROM}{_as_place(location)}"  # not "Reports from Reddit"
    if not articles:
        return "No article the engine could read"
    return f"{UNNAMED}{len(articles)} articles"


def opening_line(
    title: str, count: str, n: int, when: str, common_words: Collection[str] = ()
) -> str:
    """The summary's first sentence: how many articles report on the event
    ("Three articles report on the missile attack in Ganja on 2020-10-17."), or,
    when no phrase names it, where they report from or only how many report.

    The title's capital is dropped only where it is the title's, not a name's: when
    the articles write its first word in lower case (``common_words``) and the next
    word is no name ("the Black Lives Matter protests", "the Kabul drone strike")."""
    verb = "article reports" if n == 1 else "articles report"
    if title.startswith(REPORTS_FROM):
        return _sentence(f"{count} {verb} from {title[len(REPORTS_FROM) :]}{when}")
    if title.startswith(UNNAMED):
        return f"{count} {verb} on one event{when}."
    words = title.split()
    named = words[0].lower() not in common_words or (len(words) > 1 and words[1][:1].isupper())
    phrase = title if named else title[0].lower() + title[1:]
    return _sentence(f"{count} {verb} on the {phrase}{when}")


def _sentence(text: str) -> str:
    """``text`` with one closing period ("... in U.S." is not closed twice)."""
    return text if text.endswith(".") else text + "."


def _as_place(location: str) -> str:
    """``location`` with the final period of an abbreviation ("U.S" -> "U.S.")."""
    return location + "." if re.fullmatch(r"(?:[^\W\d_]\.)+[^\W\d_]", location) else location


#: Prepositions that put what follows at a place ("in Ganja", "near the border").
_AT_PLACE = r"(?:in|at|near|outside|across|throughout|inside|into)"


def _is_scene(location: str, articles: Sequence[Article]) -> bool:
    """True when some article puts something at ``location`` ("in Ganja", "in
    eastern Afghanistan", "in the U.S."): a place named only as a party
    ("Iran's nuclear deal") or in a dateline ("WASHINGTON -") is no scene."""
    pattern = re.compile(
        rf"\b{_AT_PLACE}\s+(?:the\s+)?(?!an?\s)(?:[a-z][\w-]*\s+)?{re.escape(location)}(?!\w)",
        re.IGNORECASE,
    )
    return any(pattern.search(fold(_full_text(a))) for a in articles)


def _with_place(
    head: str, location: str | None, gaz: Gazetteer, articles: Sequence[Article]
) -> str:
    """``head`` plus " in <location>" when the articles put something at the
    location, and the phrase names no place of its own ("Kabul drone
    strike"); a phrase that opens with the location is turned round ("Querétaro
    bus crash" -> "Bus crash in Querétaro")."""
    if not location or not _is_scene(location, articles):
        return head  # "Joint statement in Delta" (the Delta variant), "Border wall in Germany"
    lead = fold_casefold(location) + " "
    if fold_casefold(head).startswith(lead) and len(head) > len(lead):
        rest = head[len(lead) :]  # "Querétaro bus crash" -> "Bus crash in Querétaro"
        return f"{rest[0].upper()}{rest[1:]} in {_as_place(location)}"
    places = {fold_casefold(place) for p in gaz.places.values() for place in p}
    words = set(fold_casefold(head).replace(".", " ").split())
    if fold_casefold(location) in fold_casefold(head) or any(
        set(place.replace(".", " ").split()) <= words for place in places
    ):
        return head
    return f"{head} in {_as_place(location)}"


def _pair_pattern(pair: str) -> re.Pattern[str]:
    first, second = pair.split(" ")
    return re.compile(rf"(?<!\w){re.escape(first)}\s+{re.escape(second)}\w*", re.IGNORECASE)


def _as_written(pair: str, articles: Sequence[Article]) -> str:
    """The pair as the first article that uses it writes it ("several travellers",
    not the counting key "several traveller"), lower-cased."""
    pattern = _pair_pattern(pair)
    for article in articles:
        match = pattern.search(fold(_full_text(article)))
        if match:
            return " ".join(match.group(0).lower().split())
    return pair


def _names_person(word: str) -> bool:
    """True for a role noun ("judge", "officials", "expert"): it names a person."""
    return word in PERSON_TITLES or _singular(word) in PERSON_TITLES


def _noun_phrase_in(pair: str, sentences: Sequence[str]) -> bool:
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
    texts = [fold(text) for text in sentences if pattern.search(fold(text))]
    for doc in load_nlp().pipe(texts[:PARSES_CHECKED]):
        for match in pattern.finditer(doc.text):
            span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is None or len(span) < 2 or span[0].like_num:
                continue
            modifier, head = span[-2], span[-1]
            if (
                head.tag_ in ("NN", "NNS")
                and modifier.head == head
                and modifier.dep_ in _MODIFIERS
                and modifier.tag_ not in ("NNP", "NNPS")  # "Biden fires": a name and a verb
            ):
                return True
    return False


def _full_text(article: Article) -> str:
    """The article's text, after its ``title`` when the text does not open with it."""
    title = (article.title or "").strip()
    if title and not article.text.lstrip().startswith(title):
        return f"{title}\n\n{article.text}"
    return article.text


def _opening(article: Article, sentences: Sequence[Sentence]) -> tuple[str, list[str]]:
    """The article's headline (its ``title``, else the headline its text opens with,
    else its first sentence) and the sentences (``sentences``, the article's) of its
    body after it."""
    title = (article.title or "").strip()
    end = headline_end(article, sentences)
    if title and not end:
        headline = title
    elif end:
        headline = article.text[:end].strip()
    else:
        headline = sentences[0].text.strip() if sentences else ""
        end = sentences[0].end if sentences else 0
    return headline, [s.text.strip() for s in sentences if s.start >= end]


def _headline_and_lead(opening: tuple[str, list[str]]) -> tuple[str, str]:
    """An article's headline and its lead, from its :func:`_opening`: the first
    :data:`LEAD_SENTENCES` sentences of its body."""
    headline, body = opening
    return headline, " ".join(body[:LEAD_SENTENCES])


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


def _stems(words: Sequence[str]) -> set[str]:
    return {_singular(w) for w in words}


def _openings(heads: Sequence[tuple[str, list[str]]]) -> list[set[str]]:
    """Each article's headline-and-lead content words (singular), from its :func:`_opening`."""
    return [_stems(_content_words(" ".join(_headline_and_lead(h)))) for h in heads]


def headline_phrase(
    articles: Sequence[Article],
    need: int,
    openings: Sequence[set[str]],
    heads: Sequence[tuple[str, list[str]]],
) -> tuple[str, tuple[int, int, int, int]] | None:
    """The noun phrase of the headlines and leads that names the event, with its
    key: the one whose content words the most articles' ``openings`` (headline
    and lead) use, then the most articles' full text (at least ``need``), longer
    phrases first at equal counts. A phrase's leading modifiers may be dropped
    ("fresh missile attack" -> "missile attack"); its head is a common noun
    (written in lower case in some body) and no abstract noun ("belief",
    "situation"). None when no phrase is shared. ``heads`` are the articles'
    :func:`_opening` (headline and body sentences)."""
    if len(articles) < 2:
        return None
    vocabularies = [_stems(_content_words(_full_text(a))) for a in articles]
    # a common noun is written in lower case in some article's body (headlines
    # in sentence case write "Biden fires Saul" with a verb in lower case too)
    lower = {w for _, body in heads for s in body for w in _LOWER_RE.findall(fold(s))}
    docs = list(load_nlp().pipe(text for h in heads for text in _headline_and_lead(h)))
    best: tuple[int, int, int, int] | None = None
    chosen: str | None = None
    order = 0
    for doc in docs:
        for tokens in _noun_phrases(doc):
            for start in range(len(tokens)):
                first = tokens[start].i
                if tokens[start].is_punct or (first and not doc[first - 1].whitespace_):
                    continue  # "health-care prices" is not cut to "-care prices"
                text = doc[tokens[start].i : tokens[-1].i + 1].text.strip(_QUOTES)
                words = _content_words(text)
                if not _title_words(text, words) or tokens[-1].lower_ not in lower:
                    continue
                after = doc[tokens[-1].i + 1] if tokens[-1].i + 1 < len(doc) else None
                if after is not None and after.tag_ in ("NN", "NNS"):
                    continue  # "top infectious diseases expert": the phrase goes on
                stems = _stems(words)
                opened = sum(1 for opening in openings if stems <= opening)
                used = sum(1 for vocabulary in vocabularies if stems <= vocabulary)
                order -= 1
                key = (opened, used, len(words), order)
                if used >= need and (best is None or key > best):
                    best, chosen = key, text
    return (chosen, best) if chosen is not None and best is not None else None


_LOWER_RE = re.compile(r"(?<![\w-])[^\W\d_A-Z][\w-]*")
_QUOTES = " '\"\u2018\u2019\u201c\u201d"


def _title_words(text: str, words: Sequence[str]) -> bool:
    """True when ``text`` (content words ``words``) may name an event: two to six
    words, none a time word, quoted or loaded, its head no role or abstract noun."""
    return (
        PHRASE_WORDS[0] <= len(words) <= PHRASE_WORDS[1]
        and len(set(words)) == len(words)
        and not set(words) & TIME_WORDS  # "Thursday morning" dates the event
        and not _names_person(words[-1])
        and _singular(words[-1]) not in ABSTRACT_NOUNS
        and words[-1] not in ABSTRACT_NOUNS
        and not find_loaded(text)
        and not any(ch in text for ch in "'\"\u2019\u201d:")
    )


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
