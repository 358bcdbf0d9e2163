"""Does a claim's ``statement`` say only what its evidence says?

Checked against the claim's own evidence excerpts (and its ``quote``):

- every double-quoted fragment occurs there (case, accents, quote marks,
  dashes and white space folded; an ellipsis splits a fragment); a fragment
  found only elsewhere in a cited document is a warning, not an error;
- every number occurs there (digits, or the same number spelled out in the
  evidence); dates are not numbers (see :mod:`summarize.verify.words`); a
  bare year (context, not a figure) may also be anywhere in a cited document;
- every capitalised name outside quotes, other than the speaker's own name,
  role and affiliation and title words ("Foreign Minister"), occurs there
  (a five-letter stem, so "Armenian" is backed by "Armenia"; an acronym by
  the full name's initials, "NSA" by "National Security Agency");
- a negated phrase is not restated without its negation: for each negation
  cue in an evidence clause ("not", "never", "no", "denied", ...), if the
  statement repeats the next content words of that clause in order, a
  negation cue must stand just before them in the statement.

Errors name the claim, the field and the evidence. A written-out date that
is neither in the evidence nor a cited document's published date is a
warning."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence

from summarize.evidence.dates import explicit_dates
from summarize.grounding import loose_fold
from summarize.lang.calendar import WEEKDAYS
from summarize.lang.verbs import DENIAL_CUES, DENIAL_FORMS
from summarize.models import Article, Claim
from summarize.textnorm import occurs_verbatim
from summarize.verify.report import CheckIssue
from summarize.verify.sources import Sources
from summarize.verify.words import (
    FUNCTION,
    NEGATIONS,
    acronyms,
    dates,
    has_word,
    is_year,
    name_words,
    names,
    names_speaker,
    negated,
    numbers,
    quoted_fragments,
    stem,
    words,
    years_in,
)

_CLAUSE_RE = re.compile(r"[,;:()\u2014\u2013]|\s-\s|\b(?:and|but|while|whereas)\b", re.IGNORECASE)
_FOLLOW = 3


def _negation_dropped(statement: str, evidence: str) -> str | None:
    """The evidence phrase whose negation the statement dropped, or None."""
    said = words(statement)
    for clause in _CLAUSE_RE.split(evidence):
        tokens = words(clause)
        for i, tok in enumerate(tokens):
            if tok not in NEGATIONS:
                continue
            follow = [t for t in tokens[i + 1 :] if t not in FUNCTION and t not in NEGATIONS]
            follow = follow[:_FOLLOW]
            if len(follow) < 2:
                continue
            for p, word in enumerate(said):
                if word != follow[0]:
                    continue
                rest = said[p + 1 : p + 8]
                if all(w in rest for w in follow[1:]) and not negated(said, p, reach=5):
                    return " ".join(tokens[i : i + 1 + len(follow) + 2])
    return None


def check_statement(
    claim: Claim, articles: dict[str, Article], add: Callable[[CheckIssue], None]
) -> None:
    """Report every part of ``claim.statement`` its evidence does not back."""
    where = f"claim {claim.id} statement"
    support: Sequence[str] = [ev.quote for ev in claim.evidence] + (
        [claim.quote] if claim.quote else []
    )
    cited_docs = {ev.document for ev in claim.evidence} | set(claim.reported_by)
    published = {articles[d].published for d in cited_docs if d in articles}
    shown = " | ".join(s[:100] for s in support[:3])
    first_doc = claim.evidence[0].document if claim.evidence else None

    def issue(kind: str, message: str, severity: str = "error") -> None:
        add(
            CheckIssue(
                kind,
                where,
                f"{message}; evidence: {shown!r}",
                "warning" if severity == "warning" else "error",
                claim=claim.id,
                field="statement",
                document=first_doc,
                evidence=shown,
            )
        )

    folded = [loose_fold(s) for s in support]
    missing = [
        f for f in quoted_fragments(claim.statement) if not any(loose_fold(f) in s for s in folded)
    ]
    texts = [articles[d].text for d in sorted(cited_docs) if d in articles]
    beyond = [f for f in missing if any(occurs_verbatim(f, t) for t in texts)]
    missing = [f for f in missing if f not in beyond]
    if beyond:
        issue(
            "quote_beyond_evidence",
            "quoted words "
            + ", ".join(repr(f[:100]) for f in beyond)
            + " are in a cited document but not in the claim's evidence",
            "warning",
        )
    if missing:
        issue(
            "quote_unsupported",
            "quoted words "
            + ", ".join(repr(f[:100]) for f in missing)
            + " are not in its evidence",
        )

    have = set().union(*(numbers(s, spelled=True) for s in support)) if support else set()
    years = {str(d.year) for d in published if d is not None}
    for d in sorted(cited_docs):
        if d in articles:
            years |= years_in(articles[d].text)
    extra = sorted(n for n in numbers(claim.statement) - have if not (is_year(n) and n in years))
    if extra:
        issue(
            "number_unsupported",
            f"number(s) {', '.join(extra)} in the statement do not occur in its evidence",
        )

    known = {
        w
        for text in (claim.speaker.name, claim.speaker.role or "", claim.speaker.affiliation or "")
        for w in name_words(text)
    }
    known |= {stem(w) for w in known}
    got = [w for s in support for w in words(s)]
    exact, stems = set(got), {stem(w) for w in got if len(w) >= 5}
    exact |= set().union(*(acronyms(s) for s in support)) if support else set()
    unnamed = [
        w
        for w in names(claim.statement, known)
        if stem(w) not in known and not has_word(w, stems, exact)
    ]
    if unnamed:
        issue(
            "name_unsupported",
            f"name(s) {', '.join(unnamed)} in the statement do not occur in its evidence",
        )

    for ev in claim.evidence:
        dropped = _negation_dropped(claim.statement, ev.quote)
        if dropped:
            issue(
                "negation_dropped",
                f"the evidence says {dropped!r} but the statement drops the negation",
            )
            break

    evidence_text = " ".join(folded)
    for date in dates(claim.statement):
        parsed = explicit_dates(date)
        if date.strip(".").lower() in WEEKDAYS:
            continue
        if loose_fold(date) in evidence_text or any(
            d in published for d in parsed if isinstance(d, dt.date)
        ):
            continue
        issue(
            "date_unsupported",
            f"date {date!r} is neither in its evidence nor a cited document's date",
            "warning",
        )


_DENIALS = DENIAL_CUES
_DENIAL_WORDS = NEGATIONS | DENIAL_FORMS


def check_denial(claim: Claim, sources: Sources, add: Callable[[CheckIssue], None]) -> None:
    """A statement restating a denial keeps it: when a relation covering the
    evidence, with the speaker as its source, is a denial ("The NSA denied he
    was a target") and the statement repeats most (3/5) of the denied content's
    words, the statement must carry a negation or denial word. A denial of a
    pronoun ("denied this") has no words to compare and is not checked."""
    said = words(claim.statement)
    if any(w in _DENIAL_WORDS for w in said):
        return
    for ev in claim.evidence:
        cited = sources.cite(ev) if ev.document in sources.texts else None
        if cited is None:
            continue
        for rel in cited.relations:
            denied = [w for w in words(rel.content.text) if w not in FUNCTION]
            restated = [w for w in denied if w in said]
            if not denied or len(restated) * 5 < len(denied) * 3:
                continue  # the statement restates another part of the evidence
            if rel.cue_lemma in _DENIALS and any(
                names_speaker(claim.speaker.name, t)
                for t in [rel.source_name] + ([rel.source.text] if rel.source else [])
            ):
                add(
                    CheckIssue(
                        "negation_dropped",
                        f"claim {claim.id} statement",
                        f"the evidence says {claim.speaker.name} {rel.cue.text!r} "
                        f"({ev.quote[:120]!r}) but the statement does not say so",
                        claim=claim.id,
                        field="statement",
                        document=ev.document,
                        evidence=ev.quote[:160],
                    )
                )
                return
