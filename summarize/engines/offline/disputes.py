"""Disputes: where sources disagree.

Two kinds are found:

- **figures**: claims of different speakers that count the same thing (people
  killed, people injured, houses destroyed) with different numbers. A figure
  given for a wider scope ("since Sept. 27", "so far", or stated on a day
  before the event) is not compared with figures for the event itself, nor are
  figures whose claims date their incidents differently ("killed in Monday's
  blast" / "killed in Thursday's attack": two incidents, not one count).
- **denials**: a claim that denies what another side's claims assert
  ("the Foreign Ministry in Armenia denied that its army had bombed ...").
  A denial answers only the claims whose proposition it negates: the claim
  must share the words of the denied main clause (consequences told in a
  relative clause, ", which resulted in deaths", are not what is denied),
  name the denier's side when the denier speaks of itself ("its army") unless
  it restates most of the denied clause, not
  be a running toll, and not itself negate what the denial negates (a source
  that agrees with the denial is no opponent).
- **opposite statements**: two speakers of different sides who say the same
  thing, one of them with a negation ("Americans do not need a booster shot
  now" / "Americans will need a booster shot"): at least three content words
  and half of the shorter statement's content words in common.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from summarize.engines.offline.claims import reporting_verb
from summarize.engines.offline.merging import MergedClaim
from summarize.evidence.dates import MONTH_PATTERN
from summarize.evidence.figures import Figure
from summarize.lang.calendar import WEEKDAYS
from summarize.lang.events import EVENT_CONCEPTS
from summarize.lang.function_words import (
    FIRST_PERSON,
    FUNCTION_WORDS,
    NEGATION_WORDS,
    POSSESSIVE_PRONOUNS,
    THIRD_PERSON,
)
from summarize.lang.verbs import DENIAL_FORMS
from summarize.textnorm import fold_casefold

_CUMULATIVE_RE = re.compile(
    r"\b(?:since|so\s+far|in\s+total|total|overall|to\s+date|cumulative|altogether|"
    r"since\s+the\s+(?:start|beginning))\b",
    re.IGNORECASE,
)
_STATED_ON_RE = re.compile(
    r"\b(?:said|says|announced|reported|stated|told)\s+(?:on\s+)?(" + "|".join(WEEKDAYS) + r")\b",
    re.IGNORECASE,
)
# Where a denied clause goes on to tell consequences ("its army had bombed areas
# inside Azerbaijan, which resulted in deaths and injuries"): not what is denied.
_AFTERMATH_RE = re.compile(
    r",\s*(?:which|resulting\s+in|leading\s+to|causing|leaving|killing|injuring|wounding)\b",
    re.IGNORECASE,
)
_SELF_WORDS = FIRST_PERSON | THIRD_PERSON | POSSESSIVE_PRONOUNS
# A day named in a claim's own words: "in Thursday's attack", "on Aug. 26".
_DAY_RE = re.compile(
    r"\b(?:(?P<weekday>"
    + "|".join(WEEKDAYS)
    + r")|(?P<month>"
    + MONTH_PATTERN
    + r")\s+(?P<day>\d{1,2})\b)",
    re.IGNORECASE,
)
TOPIC_NAMES: dict[tuple[str, str], str] = {
    ("killed", "people"): "number of people killed",
    ("injured", "people"): "number of people injured",
    ("killed", "children"): "number of children killed",
    ("killed", "soldiers"): "number of soldiers killed",
    ("injured", "soldiers"): "number of soldiers injured",
    ("destroyed", "houses"): "number of houses destroyed",
}


@dataclass(frozen=True)
class FoundDispute:
    """A disagreement between claims (indices into the merged claim list)."""

    topic: str
    claims: tuple[int, ...]
    description: str


def is_wider_scope(claim: MergedClaim, event_date: dt.date | None) -> bool:
    """True when the claim's figures cover more than the event (a running toll)."""
    for draft in claim.drafts:
        if _CUMULATIVE_RE.search(draft.content) or _CUMULATIVE_RE.search(draft.excerpt):
            return True
        m = _STATED_ON_RE.search(draft.excerpt)
        if m and event_date is not None:
            days_before = (event_date.weekday() - WEEKDAYS.index(m.group(1).lower())) % 7
            if 1 <= days_before <= 3:
                return True
    return False


def incident_days(claim: MergedClaim) -> tuple[frozenset[str], frozenset[str]]:
    """The weekdays and the month days ("aug 26") the claim's content names."""
    weekdays: set[str] = set()
    dates: set[str] = set()
    for draft in claim.drafts:
        for m in _DAY_RE.finditer(draft.content):
            if m.group("weekday"):
                weekdays.add(m.group("weekday").lower())
            elif m.group("month")[:1].isupper():  # "May 5", not "may 5 people"
                dates.add(f"{m.group('month')[:3].lower()} {int(m.group('day'))}")
    return frozenset(weekdays), frozenset(dates)


def _same_incident(a: MergedClaim, b: MergedClaim) -> bool:
    """False when both claims date their incident and the days differ."""
    (wa, da), (wb, db) = incident_days(a), incident_days(b)
    if wa and wb and not wa & wb:
        return False
    return not (da and db and not da & db)


def _event_figures(claim: MergedClaim) -> dict[tuple[str, str], Figure]:
    found: dict[tuple[str, str], Figure] = {}
    for draft in claim.drafts:
        for fig in draft.figures:
            found.setdefault(fig.key, fig)
    return found


def _rank(claim: MergedClaim, fig: Figure) -> tuple[int, int]:
    return (claim.independent_sources, fig.value)


def figure_disputes(
    claims: Sequence[MergedClaim],
    event_date: dt.date | None,
    name_of: Callable[[int], str],
) -> list[FoundDispute]:
    """Claims of different speakers giving different numbers for the same count."""
    # Per speaker and count, the figure of its most widely reported claim.
    main: dict[tuple[int, tuple[str, str]], tuple[int, Figure]] = {}
    for n, claim in enumerate(claims):
        if claim.denial or is_wider_scope(claim, event_date):
            continue
        for key, fig in _event_figures(claim).items():
            if fig.included:
                continue
            slot = (claim.speaker, key)
            held = main.get(slot)
            if held is None or _rank(claims[held[0]], held[1]) < _rank(claim, fig):
                main[slot] = (n, fig)
    by_key: dict[tuple[str, str], list[tuple[int, Figure]]] = defaultdict(list)
    for (_, key), entry in main.items():
        by_key[key].append(entry)
    raw: list[tuple[str, tuple[int, ...], list[tuple[int, Figure]]]] = []
    for key, entries in by_key.items():
        values = {fig.value for _, fig in entries}
        speakers_by_value: dict[int, set[int]] = defaultdict(set)
        for n, fig in entries:
            speakers_by_value[fig.value].add(claims[n].speaker)
        all_speakers = set().union(*speakers_by_value.values())
        if len(values) < 2 or len(all_speakers) < 2:
            continue
        # Only figures that can count the same incident: another speaker, another
        # value, no different day.
        entries = [
            (n, fig)
            for n, fig in entries
            if any(
                fig.value != other.value
                and claims[n].speaker != claims[m].speaker
                and _same_incident(claims[n], claims[m])
                for m, other in entries
            )
        ]
        if not entries:
            continue
        # Different values must come from different speakers, not one speaker's update.
        if (
            all(len(s) == 1 for s in speakers_by_value.values())
            and len({next(iter(s)) for s in speakers_by_value.values()}) < 2
        ):
            continue
        topic = TOPIC_NAMES.get(key, f"number of {key[1]} {key[0]}")
        raw.append((topic, tuple(sorted({n for n, _ in entries})), entries))
    # Disputes over the same claims (killed and injured) become one.
    joined: dict[tuple[int, ...], list[tuple[str, list[tuple[int, Figure]]]]] = defaultdict(list)
    for topic, ids, entries in raw:
        joined[ids].append((topic, entries))
    out: list[FoundDispute] = []
    for ids, parts in joined.items():
        topic = _join_topics([t for t, _ in parts])
        out.append(FoundDispute(topic, ids, _figure_description(parts, claims, name_of)))
    return out


def _figure_description(
    parts: list[tuple[str, list[tuple[int, Figure]]]],
    claims: Sequence[MergedClaim],
    name_of: Callable[[int], str],
) -> str:
    by_speaker: dict[int, list[str]] = defaultdict(list)
    for _, entries in parts:
        seen: set[tuple[int, str]] = set()
        for n, fig in entries:
            speaker = claims[n].speaker
            phrase = fig.phrase()
            if (speaker, fig.kind) in seen or phrase in by_speaker[speaker]:
                continue
            seen.add((speaker, fig.kind))
            by_speaker[speaker].append(phrase)
    sentences = [
        f"According to {name_of(s)}, {', and '.join(phrases)}." for s, phrases in by_speaker.items()
    ]
    return " ".join(sentences)


def _join_topics(topics: Sequence[str]) -> str:
    """ "number of people killed" + "number of people injured" -> "... killed and injured"."""
    prefix = "number of people "
    if len(topics) > 1 and all(t.startswith(prefix) for t in topics):
        return prefix + " and ".join(t[len(prefix) :] for t in topics)
    return " and ".join(topics)


def _concepts(text: str) -> set[str]:
    words = re.findall(r"[a-z]+", fold_casefold(text))
    return {EVENT_CONCEPTS.get(w, w) for w in words if w not in FUNCTION_WORDS and len(w) > 2}


def denied_core(text: str) -> str:
    """The main clause of what a denial denies, without the consequences it goes on to
    tell: "its army had bombed areas inside Azerbaijan, which resulted in deaths" ->
    "its army had bombed areas inside Azerbaijan"."""
    m = _AFTERMATH_RE.search(text)
    if m and len(text[: m.start()].split()) >= 3:
        return text[: m.start()]
    return text


def _speaks_of_itself(denied: str) -> bool:
    """True when the denied clause's subject is the denier ("its army had bombed ...",
    "they fired ...")."""
    words = re.findall(r"[a-z]+", fold_casefold(denied))[:3]
    return any(w in _SELF_WORDS for w in words)


def _negates(text: str) -> bool:
    """True when ``text`` negates or rejects something itself ("is not warranted",
    "Turkey rejects ...")."""
    folded = fold_casefold(text).replace("\u2019", "'")
    return _says_no(folded) or bool(set(re.findall(r"[a-z]+", folded)) & DENIAL_FORMS)


def _says_no(folded: str) -> bool:
    """True when ``folded`` (case-folded, apostrophes plain) holds a negation word
    ("not", "never", "no") or "-n't"."""
    return bool(set(re.findall(r"[a-z]+", folded)) & NEGATION_WORDS) or "n't" in folded


def _target_score(
    denial: MergedClaim,
    other: MergedClaim,
    denied_words: set[str],
    own_aff: str | None,
    name_of: Callable[[int], str],
    event_date: dt.date | None,
    denied_text: str,
) -> float | None:
    """How well ``other`` is what ``denial`` denies (None: it is not)."""
    rep = denial.representative
    if rep.denied is not None and any(d is rep.denied for d in other.drafts):
        return 2.0
    content = other.representative.content
    if _negates(content):
        return None  # it says no too: it agrees with the denial
    if other.representative.figures and is_wider_scope(other, event_date):
        return None  # a running toll is not the event the denial speaks of
    words = _concepts(content)
    if not words or not denied_words:
        return None
    overlap = len(words & denied_words) / len(denied_words)
    if overlap < 0.3:
        return None
    names_denier = _names_side(content, own_aff) if own_aff else False
    if not names_denier:
        names_denier = bool(_concepts(name_of(denial.speaker)) & words)
    if _speaks_of_itself(denied_core(denied_text)) and not names_denier and overlap < 0.6:
        return None  # "denied that its army ...": a loose match must name the denier's side
    # An account that names the denier's side as the attacker is what it answers.
    accuses = names_denier and "attack" in words
    return overlap + (0.5 if accuses else 0.0)


def _what_is_denied(claim: MergedClaim, own_aff: str | None, name: str) -> str | None:
    """What the claim denies: a denial's content (or the claim it answers), or what a
    speaker says its own side rejects ("Turkey 'entirely rejects' the US decision",
    said by a Turkish minister; "we reject ..."). None for other claims."""
    rep = claim.representative
    if claim.denial:
        return rep.denied.content if rep.denied is not None else rep.content
    words = list(re.finditer(r"\w+(?:['\u2019-]\w+)*", rep.content))
    for k, m in enumerate(words[:6]):
        if fold_casefold(m.group()) not in DENIAL_FORMS:
            continue
        subject = rep.content[: m.start()]
        subject_words = set(re.findall(r"[a-z]+", fold_casefold(subject)))
        own = (
            bool(subject_words & (FIRST_PERSON | THIRD_PERSON))
            or (bool(own_aff) and _names_side(subject, own_aff or ""))
            or bool(_concepts(subject) & _concepts(name))
        )
        rest = rep.content[m.end() :].strip(" ,\"'\u201c\u201d\u2018\u2019")
        if own and k > 0 and len(rest.split()) >= 2:
            return rest
        return None
    return None


def denial_disputes(
    claims: Sequence[MergedClaim],
    affiliation_of: Callable[[int], str | None],
    name_of: Callable[[int], str],
    *,
    event_date: dt.date | None = None,
    max_targets: int = 3,
) -> list[FoundDispute]:
    """A denial and the claims of other speakers it answers; denials from one side
    (the deniers' country) are one dispute."""
    groups: dict[str, tuple[list[int], list[int], list[str]]] = {}
    for n, claim in enumerate(claims):
        own_aff = affiliation_of(claim.speaker)
        denied_text = _what_is_denied(claim, own_aff, name_of(claim.speaker))
        if denied_text is None:
            continue
        rep = claim.representative
        denied_words = _concepts(denied_core(denied_text))
        scored: list[tuple[float, int]] = []
        for m, other in _answerable(claims, n, affiliation_of):
            score = _target_score(
                claim, other, denied_words, own_aff, name_of, event_date, denied_text
            )
            if score is not None:
                scored.append((score, m))
        if not scored and claim.denial:
            scored = _answered_just_before(claims, n, affiliation_of)
        denier = name_of(claim.speaker)
        denier = denier[:1].upper() + denier[1:]
        if not claim.denial:  # "Turkey 'entirely rejects' the US decision," he said
            said = f"{denier} said {_short_quote(rep.content)}"
        else:
            # "denied that <clause>", but "rejected <object>": "Turkey rejected "the term ...""
            verb = "denied that" if rep.denied is not None or rep.clause else reporting_verb(rep)
            said = f"{denier} {verb} {_short_quote(denied_text)}"
        if not scored:
            continue
        scored.sort(key=lambda x: -x[0])
        targets = [m for _, m in scored[:max_targets]]
        names = _join_names([name_of(claims[m].speaker) for m in targets])
        side = own_aff or f"speaker {claim.speaker}"
        group = groups.setdefault(side, ([], [], []))
        group[0].append(n)
        group[1].extend(m for m in targets if m not in group[1])
        group[2].append(f"{said}, contradicting {names}.")
    out: list[FoundDispute] = []
    for side, (deniers, targets, sentences) in groups.items():
        who = _join_names([name_of(claims[n].speaker) for n in deniers])
        topic = f"denial by {who}" if side.startswith("speaker ") else f"denials from {side}"
        out.append(
            FoundDispute(
                topic=topic,
                claims=tuple(sorted({*deniers, *targets})),
                description=" ".join(sentences),
            )
        )
    return out


# "not only", "not just": no negation of what follows.
_NOT_ONLY_RE = re.compile(r"\b(?:not|n't)\s+(?:only|just|merely|simply)\b")


def _negated(text: str) -> bool:
    """True when ``text`` holds a negation word ("not", "never", "no", "-n't"), not
    counting "not only"."""
    return _says_no(_NOT_ONLY_RE.sub(" ", fold_casefold(text).replace("\u2019", "'")))


def _source_words(name: str) -> set[str]:
    """The words of a speaker name that make it one source with another name sharing
    one ("Tucker Carlson" / "the Tucker Carlson Tonight host": one source told two ways)."""
    return _concepts(name)


def opposed_disputes(
    claims: Sequence[MergedClaim],
    affiliation_of: Callable[[int], str | None],
    name_of: Callable[[int], str],
    *,
    max_targets: int = 3,
) -> list[FoundDispute]:
    """A negated statement and the claims of other sides that assert it: the same
    proposition said both ways. Denials and figures have their own rules."""
    plain = [n for n, c in enumerate(claims) if not c.denial and not c.representative.figures]
    # what the pair test below reads of each claim, found once (not once per pair)
    affiliation = {m: affiliation_of(claims[m].speaker) for m in plain}
    name_words = {m: _source_words(name_of(claims[m].speaker)) for m in plain}
    asserting = [m for m in plain if not _negates(claims[m].representative.content)]
    concepts = {m: _concepts(claims[m].representative.content) for m in asserting}
    out: list[FoundDispute] = []
    for n in plain:
        negative = claims[n]
        if not _negated(negative.representative.content):
            continue
        words_n = _concepts(negative.representative.content) - NEGATION_WORDS
        aff_n = affiliation[n]
        scored: list[tuple[float, int]] = []
        for m in asserting:
            other = claims[m]
            aff_m = affiliation[m]
            if other.speaker == negative.speaker or (aff_n and aff_n == aff_m):
                continue
            if name_words[n] & name_words[m]:
                continue
            words_m = concepts[m]
            shared = words_n & words_m
            smaller = min(len(words_n), len(words_m))
            if len(shared) >= 3 and smaller and len(shared) / smaller >= 0.5:
                scored.append((len(shared) / smaller, m))
        if not scored:
            continue
        scored.sort(key=lambda x: -x[0])
        targets = [m for _, m in scored[:max_targets]]
        said = [
            f"{name_of(claims[m].speaker)} said {_short_quote(claims[m].representative.content)}"
            for m in targets
        ]
        who = name_of(negative.speaker)
        names = _join_names([who, *[name_of(claims[m].speaker) for m in targets]])
        point = _shared_span(claims[targets[0]].representative.content, words_n)
        out.append(
            FoundDispute(
                topic=f"claim that {_short_quote(point)}" if point else f"statements of {names}",
                claims=tuple(sorted({n, *targets})),
                description=(
                    f"{who[:1].upper()}{who[1:]} said "
                    f"{_short_quote(negative.representative.content)}, while "
                    + "; ".join(said)
                    + "."
                ),
            )
        )
    return out


def _shared_span(text: str, words: set[str], most: int = 12) -> str | None:
    """The verbatim stretch of ``text`` from the first to the last word in ``words``
    (None when longer than ``most`` words): what two statements have in common."""
    hits = [
        m
        for m in re.finditer(r"\w+(?:['\u2019-]\w+)*", text)
        if EVENT_CONCEPTS.get(fold_casefold(m.group()), fold_casefold(m.group())) in words
    ]
    if len(hits) < 2:
        return None
    span = text[hits[0].start() : hits[-1].end()]
    return span if len(span.split()) <= most else None


def _answerable(
    claims: Sequence[MergedClaim], n: int, affiliation_of: Callable[[int], str | None]
) -> list[tuple[int, MergedClaim]]:
    """The claims denial ``n`` may answer: another speaker's, not a denial, and
    not from the denier's own side."""
    denial = claims[n]
    own_aff = affiliation_of(denial.speaker)
    out = []
    for m, other in enumerate(claims):
        if m == n or other.denial or other.speaker == denial.speaker:
            continue
        other_aff = affiliation_of(other.speaker)
        if not (own_aff and other_aff and own_aff == other_aff):
            out.append((m, other))
    return out


def _answered_just_before(
    claims: Sequence[MergedClaim], n: int, affiliation_of: Callable[[int], str | None]
) -> list[tuple[float, int]]:
    """A denial that shares no words with any account ("The NSA denied he was a
    'target'") answers the claim another speaker makes in the sentence just
    before it in the same article ("Carlson said ... the NSA was monitoring him")."""
    for draft in claims[n].drafts:
        for m, other in _answerable(claims, n, affiliation_of):
            if any(
                d.document == draft.document and 0 <= draft.first_sentence - d.sentence <= 1
                for d in other.drafts
            ):
                return [(1.0, m)]
    return []


def _names_side(text: str, country: str) -> bool:
    """True when ``text`` names ``country`` or its people ("Armenia", "Armenian army")."""
    stem = fold_casefold(country)[: max(4, len(country) - 1)]
    return stem in fold_casefold(text)


def _short_quote(text: str, words: int = 30) -> str:
    parts = re.sub(r"\s+", " ", text).strip().split(" ")
    inner = " ".join(parts[:words]) + (" ..." if len(parts) > words else "")
    inner = re.sub('["\u201c\u201d\u00ab\u00bb]', "'", inner)
    return f'"{inner}"'


def _join_names(names: Sequence[str]) -> str:
    unique = list(dict.fromkeys(names))
    if len(unique) <= 1:
        return unique[0] if unique else "other sources"
    return ", ".join(unique[:-1]) + " and " + unique[-1]
