"""Is a claim's speaker the one its evidence attributes the words to?

A claim's speaker is confirmed by an evidence excerpt when either

1. an attribution relation covering the excerpt (its content, a piece of a
   split quote, or its cue overlaps it) has the speaker as its source: the
   extractor's resolved ``source_name`` (pronouns resolved to the last named
   source count) or the source span names the speaker, or the source is a
   definite description from the speaker's name ("the authority") after the
   speaker is named earlier in the document; or
2. the speaker is named in the cited sentences *outside* the content of
   relations whose source is someone else ("Haq said Guterres called both
   ministers" does not confirm Guterres).

Naming folds case and accents; a person is named by the surname alone; a body
("Armenia's Defence Ministry") by its distinctive words (see
:func:`summarize.verify.words.names_speaker`). A speaker confirmed only
because the claim's ``role`` is the source of a covering relation ("Turkey's
ruling party spokesperson") counts, with a warning: the name itself is not in
the cited text. A speaker that is the cited document itself ("the author of
document a3", its outlet's name) is confirmed: the document is the source.
The claim is confirmed when one excerpt confirms it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from summarize.evidence.types import Attribution
from summarize.lang.titles import ANONYMOUS_PERSON_HEADS, VAGUE_SOURCE_STEMS
from summarize.models import Claim
from summarize.verify.report import CheckIssue
from summarize.verify.sources import Cited, Sources
from summarize.verify.words import (
    FUNCTION,
    GENERIC,
    is_person_name,
    name_words,
    names_speaker,
    role_matches,
    stem,
    words,
)

Verdict = Literal["named", "role", "inferred", "no"]
_PERSON_HEADS = ANONYMOUS_PERSON_HEADS


def _anonymous(rel: Attribution) -> bool:
    """A source described, not named: "a top Azerbaijani official", "the official"."""
    ws = words(rel.source.text if rel.source else rel.source_name)
    return (
        bool(ws)
        and ws[-1] in _PERSON_HEADS
        and (ws[0] in {"a", "an", "one", "another"} or len(ws) <= 3)
    )


def _inferred(claim: Claim, cited: Cited, text: str) -> bool:
    """The covering relation's source is described, not named, the description fits the
    speaker's role or affiliation, and the speaker is named elsewhere in the document."""
    if not is_person_name(claim.speaker.name) or not names_speaker(claim.speaker.name, text):
        return False  # "an official" is a person, not a ministry
    about = {
        stem(w) for w in name_words(f"{claim.speaker.role or ''} {claim.speaker.affiliation or ''}")
    }
    for rel in cited.relations:
        if not _anonymous(rel):
            continue
        told = {stem(w) for w in words(rel.source_name) if w not in GENERIC and w not in FUNCTION}
        told -= VAGUE_SOURCE_STEMS
        if not told or told & about:
            return True
    return False


def _source_texts(rel: Attribution) -> list[str]:
    return [rel.source_name] + ([rel.source.text] if rel.source else [])


def _back_reference(name: str, rel: Attribution, text: str) -> bool:
    """The source is a definite description made of the speaker's own generic words
    ("the authority" for the regional water authority) and the speaker is named
    earlier in the document."""
    source = words(rel.source.text if rel.source else rel.source_name)
    if not source or source[0] != "the" or rel.source is None:
        return False
    head = [w for w in source[1:] if w not in FUNCTION]
    own = set(name_words(name))
    return (
        bool(head)
        and all(w in GENERIC and w in own for w in head)
        and names_speaker(name, text[: rel.source.start])
    )


def _judge(claim: Claim, cited: Cited, text: str) -> Verdict:
    name = claim.speaker.name
    for rel in cited.relations:
        if any(names_speaker(name, t) for t in _source_texts(rel)):
            return "named"
    others = [
        rel
        for rel in cited.relations
        if not any(names_speaker(name, t) for t in _source_texts(rel))
    ]
    # the cited sentences with other relations' content blanked (only their stretch
    # of the text is copied: copying a long article once per claim was quadratic)
    lo = min((s.start for s in cited.sentences), default=0)
    hi = max((s.end for s in cited.sentences), default=0)
    chars = list(text[lo:hi])
    for rel in others:
        for part in [rel.content, *rel.content_parts]:
            a, b = max(part.start, lo), min(part.end, hi)
            if a < b:
                chars[a - lo : b - lo] = " " * (b - a)
    plain = "".join(chars)
    if any(names_speaker(name, plain[s.start - lo : s.end - lo]) for s in cited.sentences):
        return "named"
    for rel in cited.relations:
        if _back_reference(claim.speaker.name, rel, text):
            return "named"
    if any(
        role_matches(claim.speaker.role, t) for rel in cited.relations for t in _source_texts(rel)
    ):
        return "role"
    return "inferred" if _inferred(claim, cited, text) else "no"


def check_speaker(claim: Claim, sources: Sources, add: Callable[[CheckIssue], None]) -> bool:
    """Confirm ``claim``'s speaker (see the module doc); report and return whether the
    speaker is confirmed (by name, or by role with a warning)."""
    where = f"claim {claim.id} speaker"
    seen: list[tuple[Cited, str]] = []
    by_role = inferred = False
    for ev in claim.evidence:
        cited = sources.cite(ev) if ev.document in sources.texts else None
        if cited is None:
            continue
        if sources.is_document_voice(claim.speaker.name, ev.document):
            return True
        verdict = _judge(claim, cited, sources.texts[ev.document])
        if verdict == "named":
            return True
        by_role = by_role or verdict == "role"
        inferred = inferred or verdict == "inferred"
        seen.append((cited, ev.quote))
    if not seen:
        return True  # nothing located: the grounding check reports the excerpts
    if by_role:
        add(
            CheckIssue(
                "speaker_by_role",
                where,
                f"'{claim.speaker.name}' is linked to the evidence only by the role "
                f"'{claim.speaker.role}'; the name is not in the cited sentences",
                "warning",
                claim=claim.id,
                field="speaker",
                document=seen[0][0].document,
                evidence=seen[0][1][:160],
            )
        )
        return True
    cited, quote = seen[0]
    if inferred:
        add(
            CheckIssue(
                "speaker_inferred",
                where,
                f"the cited evidence attributes the words to an unnamed source "
                f"({', '.join(sorted({r.source_name for c, _ in seen for r in c.relations}))}); "
                f"'{claim.speaker.name}' is named only elsewhere in the document, so a reader "
                f"cannot confirm the speaker from the cited text",
                "warning",
                claim=claim.id,
                field="speaker",
                document=cited.document,
                evidence=quote[:160],
            )
        )
        return False
    sources_there = sorted({r.source_name for c, _ in seen for r in c.relations})
    add(
        CheckIssue(
            "speaker_unconfirmed",
            where,
            f"speaker '{claim.speaker.name}' is neither the source of an attribution covering "
            f"the cited evidence nor named in the cited sentences (document '{cited.document}': "
            f"{quote[:120]!r}"
            + (
                f"; the source there is {', '.join(map(repr, sources_there))}"
                if sources_there
                else ""
            )
            + ")",
            claim=claim.id,
            field="speaker",
            document=cited.document,
            evidence=quote[:160],
        )
    )
    return False
