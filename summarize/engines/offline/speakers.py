"""Speaker names, cleaned and made one across articles.

Sources name the same speaker many ways: "Hajiyev", "Hikmet Hajiyev",
"Hikmat Hajiyev", "Aliyev aide Hikmet Hajiyev"; "the General Prosecutors of
Azerbaijan", "Azerbaijan's Prosecutor General's Office", "Azerbaijani
Prosecutor's Office". :func:`parse_speaker` splits a source name into a name,
a role (title words in front of a person's name) and an affiliation (the
country it names); :class:`SpeakerIndex` groups parsed names into one speaker
each and picks the name most sources use."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz

from summarize.evidence.places import Gazetteer
from summarize.lang.calendar import RELATIVE_DAYS, TIME_LEADERS, TIME_WORDS, WEEKDAYS
from summarize.lang.function_words import ARTICLES, NAMELESS
from summarize.lang.titles import (
    BEFORE_NO_NAME,
    NAME_BODY_WORDS,
    NAME_JOINERS,
    PERSON_TITLES,
    ROLE_BREAKS,
    ROLE_NOUNS,
    ROLE_SYNONYMS,
    SOURCE_BODY_WORDS,
    TITLE_BODIES,
    TITLE_QUALIFIERS,
)
from summarize.lang.titles import ORG_WORDS as _ORG_HEADS
from summarize.textnorm import fold

#: Words that make up titles and roles rather than names.
TITLE_WORDS: frozenset[str] = ROLE_NOUNS | TITLE_QUALIFIERS | TITLE_BODIES | NAME_JOINERS
#: Words that make a capitalised name a body, not a person: "United Nations".
_BODY_WORDS: frozenset[str] = _ORG_HEADS | NAME_BODY_WORDS
_DETERMINERS = tuple(f"{article} " for article in ARTICLES)
#: Words left out when two bodies' names are compared.
_ORG_STOP: frozenset[str] = NAME_JOINERS | frozenset(ARTICLES) | {"'s"}
_TOKEN_RE = re.compile(r"[\w][\w.'\u2019-]*")
#: A time phrase closing a source ("Colin Powell on Sunday" in "Colin Powell on
#: Sunday said ..."): when the subject's words run up to the cue, it is not the name.
#: A day may stand alone ("Powell Sunday said"); a month or a part of a day needs
#: its leading word ("last week"), as "Donna Summer" or "April Ryan" are names.
_TRAILING_TIME_RE = re.compile(
    r"(?:\s+(?:" + "|".join(sorted(TIME_LEADERS)) + r")"
    r"(?:\s+(?:" + "|".join(sorted(TIME_WORDS)) + r"))+"
    r"|(?:\s+(?:" + "|".join(sorted(WEEKDAYS + tuple(RELATIVE_DAYS))) + r"))+)$",
    re.IGNORECASE,
)
_POSSESSIVE_RE = re.compile(r"['\u2019]s$")


@dataclass(frozen=True)
class ParsedSpeaker:
    """A source name split into its parts."""

    surface: str  # the cleaned name as written (without leading article)
    name: str  # the person's name, or the body's name
    role: str | None
    affiliation: str | None
    person: bool
    generic: bool  # "a top Azerbaijani official": names nobody in particular
    key: frozenset[str]  # comparable tokens (folded, possessives and plurals stripped)
    described: str | None = None  # "the Azerbaijani president": a person named by role only
    description: bool = False  # "the study", "the official": common nouns only, no name


@lru_cache(maxsize=65536)
def _norm_token(token: str) -> str:
    """A name token as names are compared: folded, lower case, possessive and plural
    stripped, role synonyms made one (cached: every pair of speakers is compared)."""
    t = fold(token).lower().strip(".'\"-")
    t = re.sub(r"'s$", "", t)
    if t in ROLE_SYNONYMS:
        return ROLE_SYNONYMS[t]
    if len(t) > 4 and t.endswith("ies"):
        return t[:-3] + "y"
    if len(t) > 4 and t.endswith("s") and not t.endswith("ss"):
        t = t[:-1]
    return t


def role_head(role: str | None) -> str | None:
    """The person-title noun a role is about: "assistant to the Azerbaijani
    president" -> "assistant", "Turkey's Justice Minister" -> "minister"."""
    if not role:
        return None
    head: str | None = None
    for tok in _TOKEN_RE.findall(role):
        norm = _norm_token(tok)
        if norm in ROLE_BREAKS:
            break
        if norm in PERSON_TITLES:
            head = norm
    return head


def is_pronoun(name: str) -> bool:
    return fold(name).lower().strip() in NAMELESS


def _capitalised(token: str) -> bool:
    return token[:1].isupper()


def _sentence_case(surface: str, tokens: list[str], country_tokens: set[int]) -> str:
    """A group named by a qualifier and common nouns is written in lower case: "Top
    officials said ..." opens a sentence, and its capital is the sentence's, not a
    name's ("top officials"; "Israeli officials", "State Department officials" keep
    theirs)."""
    if (
        len(tokens) > 1
        and 0 not in country_tokens
        and _capitalised(tokens[0])
        and not tokens[0].isupper()
        and _norm_token(tokens[0]) in TITLE_QUALIFIERS
        and not any(_capitalised(t) for t in tokens[1:])
        and surface.startswith(tokens[0])
    ):
        return surface[0].lower() + surface[1:]
    return surface


def parse_speaker(source_name: str, role: str | None, gaz: Gazetteer) -> ParsedSpeaker:
    """Split ``source_name`` (and the extractor's ``role``) into name, role and affiliation."""
    surface = re.sub(r"\s+", " ", fold(source_name)).strip(" ,.:;\"'")
    surface = _TRAILING_TIME_RE.sub("", surface).strip(" ,") or surface
    lowered = surface.lower()
    indefinite = lowered.startswith(("a ", "an "))
    for det in _DETERMINERS:
        if lowered.startswith(det):
            surface = surface[len(det) :]
            break
    tokens = _TOKEN_RE.findall(surface)
    affiliation: str | None = None
    country_tokens: set[int] = set()
    for i, tok in enumerate(tokens):
        country = gaz.country_of(tok)
        if country is None and i + 1 < len(tokens):
            country = gaz.country_of(f"{tok} {tokens[i + 1]}")
        if country is not None:
            affiliation = affiliation or country
            country_tokens.add(i)
    if affiliation is None and role:
        for tok in _TOKEN_RE.findall(fold(role)):
            affiliation = gaz.country_of(tok)
            if affiliation:
                break
    # A person's name is the run of capitalised non-title words at the end.
    j = len(tokens)
    while (
        j > 0
        and _capitalised(tokens[j - 1])
        and _norm_token(tokens[j - 1]) not in TITLE_WORDS
        and (j - 1) not in country_tokens
    ):
        j -= 1
    person_tokens = tokens[j:]
    person = (
        bool(person_tokens)
        and not indefinite
        # "Department of Education", "officials in Hollywood": the capitalised words
        # after a joiner or a preposition end a body's name or name a place
        and not (j > 0 and tokens[j - 1].lower() in BEFORE_NO_NAME)
        and not (len(person_tokens) == 1 and person_tokens[0].lower() in gaz.common_words)
        and not any(
            _norm_token(t) in _BODY_WORDS or _norm_token(t) + "s" in _BODY_WORDS
            for t in person_tokens
        )
        # "Portland's Police Bureau": a body's head word alone is no person's name
        and not (len(person_tokens) == 1 and _norm_token(person_tokens[0]) in SOURCE_BODY_WORDS)
    )
    if person:
        name = " ".join(person_tokens)
        if len(person_tokens) > 1 and name.isupper():  # "TUCKER CARLSON:" in a transcript
            name = name.title()
        title = " ".join(tokens[:j]).strip()
        role_text = role or (title if title else None)
        key = frozenset(_norm_token(t) for t in person_tokens)
    else:
        name = _sentence_case(surface, tokens, country_tokens)
        role_text = role
        key = frozenset(
            _norm_token(t)
            for i, t in enumerate(tokens)
            if i not in country_tokens and _norm_token(t) not in _ORG_STOP
        ) or frozenset({(affiliation or surface).lower()})
    generic = not person and indefinite
    described = None
    if not person and not indefinite:
        titles_only = all(  # "Turkey's ruling party spokesperson", "the Azerbaijani president"
            i in country_tokens or _norm_token(t) in TITLE_WORDS or _POSSESSIVE_RE.search(t)
            for i, t in enumerate(tokens)
        )
        head = role_head(surface)
        if titles_only and head is not None and _norm_token(tokens[-1]) == head:
            described = head
    return ParsedSpeaker(
        surface=surface,
        name=name,
        role=role_text or None,
        affiliation=affiliation,
        person=person,
        generic=generic,
        key=key,
        described=described,
        description=not person and not any(_capitalised(t) for t in tokens),
    )


def is_agent(parsed: ParsedSpeaker, determiner: bool, gaz: Gazetteer) -> bool:
    """Whether a parsed source can speak: a person, an organisation or a group.

    Never a time ("Tuesday"), never a location or facility ("the Gulf Coast";
    a city or state may speak for its government, so "Hollywood" is let through);
    a single capitalised word must be a title or organisation word used as a
    body ("Police", "Officials"), a country, a plural ("Residents"), or a name
    the entity recogniser tagged as a person, organisation or group and the
    folder never writes in lower case ("Island" beside "the island" is none);
    a bare singular title with no name and no article ("Chief") is a fragment."""
    tokens = _TOKEN_RE.findall(parsed.surface)
    lowered = parsed.surface.lower()
    if not tokens or tokens[-1][:1].isdigit():
        return False  # "October 17", "2020"
    for words in (tokens, _TOKEN_RE.findall(parsed.name)):
        # "Tuesday", "Tuesday night", "the document published Friday" read as a person
        # named Friday; "May" only when tagged a person
        timed = bool(words) and all(_norm_token(t) in TIME_WORDS for t in words)
        if timed and " ".join(words).lower() not in gaz.agents:
            return False
    if gaz.country_of(lowered) is not None:
        return True
    if lowered in gaz.landmarks:
        return False
    if len(tokens) > 1 or not _capitalised(tokens[0]):
        return True
    norm = _norm_token(tokens[0])
    if norm in PERSON_TITLES and not determiner and norm == tokens[0].lower():
        return False  # "Chief said": a title without its holder
    if norm in TITLE_WORDS or norm in _BODY_WORDS or tokens[0].isupper():
        return True
    plural = lowered.endswith("s") and not lowered.endswith(("ss", "us", "is", "'s"))
    if lowered in gaz.common_words:  # written in lower case elsewhere: a common noun
        return plural
    return plural or lowered in gaz.agents


def _words(text: str) -> frozenset[str]:
    return frozenset(
        w for w in (_norm_token(t) for t in _TOKEN_RE.findall(text)) if w not in _ORG_STOP
    )


def _describes(description: ParsedSpeaker, person: ParsedSpeaker) -> bool:
    """ "Turkey's ruling party spokesman" names the person another article gave
    that role ("Omer Celik", role "Turkey's ruling party spokesperson")."""
    return (
        description.described is not None
        and person.person
        and person.role is not None
        and _words(description.surface) == _words(person.role)
    )


def _names_match(a: ParsedSpeaker, b: ParsedSpeaker) -> bool:
    if a.affiliation and b.affiliation and a.affiliation != b.affiliation:
        return False
    if _describes(a, b) or _describes(b, a):
        return True
    if a.person != b.person:
        return False
    if a.person:
        ta = [_norm_token(t) for t in a.name.split()]
        tb = [_norm_token(t) for t in b.name.split()]
        if fuzz.ratio(ta[-1], tb[-1]) < 85:
            return False
        if len(ta) == 1 or len(tb) == 1:
            return True
        return ta[0][:1] == tb[0][:1] and fuzz.ratio(ta[0], tb[0]) >= 75
    if not a.key or not b.key:
        return False
    return a.key <= b.key or b.key <= a.key


@dataclass
class _Group:
    members: list[ParsedSpeaker] = field(default_factory=list)
    documents: list[str | None] = field(default_factory=list)  # one per member
    # each (member, document) once, in first-seen order: a long article names one
    # speaker many times, and comparing a newcomer with every mention was quadratic
    distinct: dict[tuple[ParsedSpeaker, str | None], None] = field(default_factory=dict)

    def append(self, member: ParsedSpeaker, document: str | None) -> None:
        self.members.append(member)
        self.documents.append(document)
        self.distinct[member, document] = None


def _may_join(parsed: ParsedSpeaker, document: str | None, group: _Group) -> bool:
    """Whether ``parsed`` (from ``document``) names a member of ``group``. A
    description ("the study", "the official") is resolved within its own article
    only; across articles it joins nothing but the same words ("police", "Police")."""
    for member, doc in group.distinct:
        across = document is None or doc is None or doc != document
        if across and (parsed.description or member.description):
            if parsed.key == member.key:
                return True
            continue
        if _names_match(parsed, member):
            return True
    return False


class SpeakerIndex:
    """Groups parsed speakers that name the same person or body."""

    def __init__(self) -> None:
        self._groups: list[_Group] = []

    def add(self, parsed: ParsedSpeaker, document: str | None = None) -> int:
        """File ``parsed`` (named in ``document``) under its speaker; returns the
        speaker's number."""
        matches = [n for n, g in enumerate(self._groups) if _may_join(parsed, document, g)]
        if len(matches) > 1:
            same_aff = [
                n
                for n in matches
                if parsed.affiliation
                and any(m.affiliation == parsed.affiliation for m in self._groups[n].members)
            ]
            exact = [
                n for n in matches if any(m.key == parsed.key for m in self._groups[n].members)
            ]
            matches = exact[:1] or same_aff[:1] or []
        if matches:
            self._groups[matches[0]].append(parsed, document)
            return matches[0]
        group = _Group()
        group.append(parsed, document)
        self._groups.append(group)
        return len(self._groups) - 1

    def __len__(self) -> int:
        return len(self._groups)

    def display(self, number: int) -> tuple[str, str | None, str | None]:
        """(name, role, affiliation) most sources use for speaker ``number``."""
        members = self._groups[number].members
        if members[0].person:
            names = Counter(m.name for m in members)
            full = [n for n in names if len(n.split()) > 1] or list(names)
            name = max(full, key=lambda n: (names[n], len(n)))
        else:
            surfaces = Counter(m.surface for m in members)
            by_surface = {m.surface: m for m in members}
            name = by_surface[
                max(
                    surfaces,
                    key=lambda s: (len(by_surface[s].key), surfaces[s], s == s.title(), -len(s)),
                )
            ].name
        roles = Counter(m.role for m in members if m.role)
        affs = Counter(m.affiliation for m in members if m.affiliation)
        role = roles.most_common(1)[0][0] if roles else None
        aff = affs.most_common(1)[0][0] if affs else None
        return name, role, aff

    def is_person(self, number: int) -> bool:
        return self._groups[number].members[0].person
