"""Who a source is: its name and role, and which earlier source a pronoun or a
bare surname stands for."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from summarize.lang.function_words import ARTICLES, FIRST_PERSON, GENDERED, THIRD_PERSON
from summarize.lang.titles import ORG_WORDS as _ORG_HEADS
from summarize.lang.titles import PERSON_TITLES, SOURCE_BODY_WORDS

#: Head nouns that name a body, not a person ("Azerbaijan's Prosecutor General's Office").
_BODY_WORDS: frozenset[str] = _ORG_HEADS | SOURCE_BODY_WORDS
_POSSESSIVE_END_RE = re.compile(r"(?<=\w)['\u2019]s?$")
_NAME_TAGS = frozenset({"NNP", "NNPS"})


@dataclass(frozen=True)
class Speaker:
    """A resolved source: ``name`` as the text names it, ``role`` if a title was given."""

    name: str
    role: str | None = None
    person: bool = False


def _clean(text: str) -> str:
    text = text.strip().strip(",;:-\u2013\u2014").strip()
    return _POSSESSIVE_END_RE.sub("", text)


def _text(tokens: list[Token]) -> str:
    if not tokens:
        return ""
    doc = tokens[0].doc
    return _clean(doc[tokens[0].i : tokens[-1].i + 1].text)


def _strip_det(tokens: list[Token]) -> list[Token]:
    while tokens and tokens[0].lower_ in ARTICLES:
        tokens = tokens[1:]
    return tokens


def _is_person(tokens: list[Token], role: str | None) -> bool:
    head = tokens[-1] if tokens else None
    if head is None or head.lower_ in _BODY_WORDS:
        return False
    if role is not None or head.lower_ in PERSON_TITLES:
        return True
    names = [t for t in tokens if t.tag_ in _NAME_TAGS]
    return len(names) >= 2 and len(names) == len(_strip_det(tokens))


def _place_qualifier(before: list[Token], after: list[Token], head: Token) -> bool:
    """Whether ``after`` (the words after a comma) is one proper noun following a
    proper noun that is not the phrase's head: the state or country of a place
    ("the mayor of Portland, Ore.", "the mayor of Paris, France"), no name of the
    person (a name in apposition has a first name and a surname: "the mayor of
    Portland, Ted Wheeler")."""
    names = [t for t in after if not t.is_punct]
    return (
        len(names) == 1
        and names[0].tag_ in _NAME_TAGS
        and bool(before)
        and before[-1].tag_ in _NAME_TAGS
        and before[-1].i != head.i
    )


def _trailing_parenthesis(span: Span) -> int | None:
    """Index of the "(" that opens a parenthesis closing the span ("Pelosi
    (D-Calif.)", "the agency (CDC)", or "(CDC" when the span was cut before
    its ")"), when words come before it."""
    words = [t for t in span if not (t.is_space or t.text in ",;:")]
    opening = next((t for t in reversed(words) if t.text == "("), None)
    if opening is None or opening.i == span.start or words[0].text == "(":
        return None
    closing = [t for t in words if t.i > opening.i and t.text == ")"]
    if closing and closing[0].i != words[-1].i:
        return None  # "(CDC) director": the parenthesis is inside the phrase
    return opening.i


def describe_source(span: Span) -> Speaker:
    """Name and role of a source noun phrase.

    "Hikmet Hajiyev, assistant to the Azerbaijani president" -> name "Hikmet
    Hajiyev", role "assistant to the Azerbaijani president"; "White House press
    secretary Josh Earnest" -> name "Josh Earnest", role "White House press
    secretary"; anything else -> the phrase itself, no role. A closing
    parenthesis is no part of either: "Nancy Pelosi (D-Calif.)" is Nancy Pelosi."""
    trailing = _trailing_parenthesis(span)
    if trailing is not None:
        return describe_source(span.doc[span.start : trailing])
    head = span.root
    appos = [c for c in head.children if c.dep_ == "appos" and span.start < c.i < span.end]
    if appos:
        ap = appos[0]
        ap_tokens = [t for t in ap.subtree if span.start <= t.i < span.end]
        main = [t for t in span if t.i < ap_tokens[0].i and not t.is_punct]
        main = [t for t in span if main and main[0].i <= t.i <= main[-1].i]
        if _place_qualifier(main, ap_tokens, head):  # "The mayor of Portland, Ore.,"
            return Speaker(name=_text(main), person=_is_person(main, None))
        if head.tag_ not in _NAME_TAGS and ap.tag_ in _NAME_TAGS:
            role = _text(_strip_det(main)) or None
            return Speaker(name=_text(ap_tokens), role=role, person=True)
        role = _text(ap_tokens) or None
        name_tokens = [t for t in main if t.i <= head.i]
        return Speaker(
            name=_text(main) or _clean(span.text),
            role=role,
            person=_is_person(name_tokens, role) or head.lower_ not in _BODY_WORDS,
        )
    tokens = [t for t in span if not (t.is_punct and t.i in (span.start, span.end - 1))]
    commas = [t for t in tokens if t.text == ","]
    if commas:  # "<title>, <Name>" where the parser hung the name elsewhere
        tail = [t for t in tokens if t.i > commas[-1].i]
        prefix = _strip_det([t for t in tokens if t.i < commas[-1].i])
        before = [t for t in tokens if t.i < commas[-1].i and t.text != ","]
        if _place_qualifier(before, tail, head):  # "The mayor of Portland, Ore."
            tokens = [t for t in tokens if t.i < commas[-1].i]
            return Speaker(name=_text(tokens), person=_is_person(_strip_det(tokens), None))
        if (
            tail
            and all(t.tag_ in _NAME_TAGS for t in tail)
            and any(t.lower_ in PERSON_TITLES for t in prefix)
        ):
            return Speaker(name=_text(tail), role=_text(prefix), person=True)
    if tokens and head.tag_ in _NAME_TAGS and head.i == tokens[-1].i:
        run: list[Token] = []
        for tok in reversed(tokens):
            if tok.tag_ in _NAME_TAGS and tok.lower_ not in PERSON_TITLES | _BODY_WORDS:
                run.insert(0, tok)
            else:
                break
        prefix = _strip_det([t for t in tokens if t.i < run[0].i]) if run else []
        if run and prefix and any(t.lower_ in PERSON_TITLES for t in prefix):
            return Speaker(name=_text(run), role=_text(prefix), person=True)
    return Speaker(name=_clean(span.text), person=_is_person(tokens, None))


class SpeakerMemory:
    """Resolves pronoun and surname-only sources to the last fitting named source."""

    def __init__(self) -> None:
        self._named: list[Speaker] = []

    def resolve(self, speaker: Speaker) -> Speaker:
        """The speaker a source stands for; remembers named ones."""
        lowered = speaker.name.lower()
        if lowered in THIRD_PERSON:
            wanted = [s for s in self._named if s.person == (lowered in GENDERED)]
            if lowered in ("they", "them"):
                wanted = self._named
            found = wanted or self._named
            return found[-1] if found else speaker
        words = speaker.name.split()
        if len(words) == 1 and speaker.role is None:
            for earlier in reversed(self._named):
                parts = earlier.name.split()
                if len(parts) > 1 and parts[-1] == words[0]:
                    self._named.append(earlier)
                    return earlier
        if lowered not in FIRST_PERSON:
            self._named.append(speaker)
        return speaker
