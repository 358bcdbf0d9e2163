"""Is every sentence of the ``summary`` prose backed by the claims?

For each sentence: its quoted fragments and numbers (dates and document ids
aside) are looked up in the evidence of the claims whose speaker the sentence
names. When it names a speaker, that is where they must be: words credited to
Hikmet Hajiyev must be in the evidence of Hajiyev's claims. When it names no
claim speaker, any claim's evidence will do, or the text of a document the
sentence names by id ("Article 003 ... its figures (74 injured) ..."). Words
or numbers that no claim backs but an article states, in a sentence that
credits no speaker, are a warning (``prose_beyond_claims``); in no article,
an error. A number that counts the record's own documents or claims needs no backing,
nor does a bare year that some article states. A
sentence that says a named person said something ("X said", "according to
X") where X is the speaker of no claim is an error too."""

from __future__ import annotations

import re
from collections.abc import Callable

from summarize.evidence.sentences import sentence_bounds
from summarize.grounding import loose_fold
from summarize.models import Claim, SummaryBody
from summarize.verify.report import CheckIssue
from summarize.verify.words import (
    SAY_VERBS,
    is_year,
    names_speaker,
    numbers,
    outside_quotes,
    quoted_fragments,
    years_in,
)

_SAY = "|".join(sorted(SAY_VERBS - {"according", "say", "reported"}))
_NAME = r"[A-Z][\w'\u2019.-]*(?:\s+(?:of\s+|the\s+|in\s+|al-)?[A-Z][\w'\u2019.-]*)*"
_SAYER_RES = (
    re.compile(rf"(?P<name>{_NAME})\s+(?:also\s+|has\s+|had\s+|later\s+)?(?:{_SAY})\b"),
    re.compile(rf"\b[Aa]ccording to (?:the\s+)?(?P<name>{_NAME})"),
)


def _found(fragment: str | None, number: str | None, pool: list[str], nums: set[str]) -> bool:
    if fragment is not None:
        return any(fragment in text for text in pool)
    return number in nums


def _id_re(doc_id: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){re.escape(doc_id)}(?![\w-])")


def _sayers(sentence: str) -> list[tuple[str, bool]]:
    """(name, sentence-initial) of each capitalised phrase said to say something."""
    out = []
    for pattern in _SAYER_RES:
        for m in pattern.finditer(sentence):
            out.append((m.group("name"), m.start("name") == 0))
    return out


def check_prose(
    summary: SummaryBody, texts: dict[str, str], add: Callable[[CheckIssue], None]
) -> int:
    """Report each summary sentence whose quotes, numbers or credited speakers are
    unbacked; return how many sentences were checked."""
    doc_ids = sorted(set(texts) | {d.id for d in summary.documents}, key=len, reverse=True)
    every = [ev.quote for c in summary.claims for ev in c.evidence] + [
        c.quote for c in summary.claims if c.quote
    ]
    counts = {str(len(summary.documents)), str(len(texts)), str(len(summary.claims))}
    counts |= {str(sum(d.on_event == flag for d in summary.documents)) for flag in (True, False)}
    years = set().union(*(years_in(t) for t in texts.values()))
    pool_articles = [loose_fold(t) for t in texts.values()]
    nums_articles = set().union(*(numbers(t, spelled=True) for t in texts.values()))
    prose = summary.summary
    bounds = sentence_bounds(prose)
    for n, (start, end) in enumerate(bounds, start=1):
        sentence = prose[start:end]
        named_docs = [d for d in doc_ids if _id_re(d).search(sentence)]
        plain = sentence
        for d in named_docs:
            plain = _id_re(d).sub(" ", plain)
        where = f"summary sentence {n}"
        # who a sentence credits is named outside quotation marks: a name inside a quote
        # is the quoted source's words ("... after the Armenian army struck ...")
        unquoted = outside_quotes(plain)
        credited: list[Claim] = [
            c for c in summary.claims if names_speaker(c.speaker.name, unquoted)
        ]
        for name, initial in _sayers(unquoted):
            if any(names_speaker(c.speaker.name, name) for c in summary.claims):
                continue
            if initial and len(name.split()) == 1:
                continue  # "Officials said": a common word that opens the sentence
            add(
                CheckIssue(
                    "prose_speaker_unknown",
                    where,
                    f"says {name!r} said something, but {name!r} is the speaker of no claim: "
                    f"{sentence[:160]!r}",
                    field="summary",
                    evidence=sentence[:160],
                )
            )
        own = [ev.quote for c in credited for ev in c.evidence] + [
            c.quote for c in credited if c.quote
        ]
        anywhere = every + [texts[d] for d in named_docs if d in texts]
        pool_own = [loose_fold(s) for s in own]
        pool_any = [loose_fold(s) for s in anywhere]
        nums_own = set().union(*(numbers(s, spelled=True) for s in own)) if own else set()
        nums_any = set().union(*(numbers(s, spelled=True) for s in anywhere)) if anywhere else set()
        who = ", ".join(sorted({c.speaker.name for c in credited}))
        items: list[tuple[str, str | None, str | None]] = [
            (f"quoted words {f[:100]!r}", loose_fold(f), None) for f in quoted_fragments(sentence)
        ]
        items += [
            (f"number {x}", None, x)
            for x in sorted(numbers(plain) - counts)
            if not (is_year(x) and x in years)
        ]
        for label, fragment, number in items:
            if credited and _found(fragment, number, pool_own, nums_own):
                continue
            kind, severity = "prose_unsupported", "error"
            if not _found(fragment, number, pool_any, nums_any):
                message = f"{label} occur(s) in no claim's evidence"
                if not credited and _found(fragment, number, pool_articles, nums_articles):
                    kind, severity = "prose_beyond_claims", "warning"
                    message = f"{label} occur(s) in an article but in no claim's evidence"
            elif credited:
                message = f"{label} credited to {who} occur(s) only in other speakers' evidence"
            else:
                continue
            add(
                CheckIssue(
                    kind,
                    where,
                    f"{message}: {sentence[:160]!r}",
                    "warning" if severity == "warning" else "error",
                    field="summary",
                    evidence=sentence[:160],
                )
            )
    return len(bounds)
