"""Drop what cannot be grounded, say so, and keep the run going.

A record is only as good as its worst attribution, so a claim the verifier
rejects is taken out of the record and listed in ``dropped`` with the reason,
instead of failing the whole run. Disputes left with fewer than two claims go
with it, and so does a sentence of the summary prose the verifier rejects.
Other errors (the document list, an instruction repeated in the narrator's
voice) are not pruned here: they still fail, and
so does a record that would lose more than :data:`MAX_DROPPED_SHARE` of its
claims: an engine that gets most of its claims wrong on an input is not to be
trusted with the rest."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence

from summarize.evidence.sentences import sentence_bounds
from summarize.models import Claim, Dispute, DroppedItem, EventSummary
from summarize.verify import CheckReport

log = logging.getLogger("summarize")
#: Largest share of a record's claims that may be dropped for it to be kept.
MAX_DROPPED_SHARE = 0.5
_CLAIM_WHERE_RE = re.compile(r"^claim (\S+?)(?:\s|$|:)")
_SENTENCE_WHERE_RE = re.compile(r"^summary sentence (\d+)\b")


def may_drop(failing: int, claims: int) -> bool:
    """True when dropping ``failing`` of ``claims`` claims leaves a record to keep."""
    return claims > 0 and failing / claims <= MAX_DROPPED_SHARE


def claim_errors(report: CheckReport) -> dict[str, list[str]]:
    """The report's errors grouped by the id of the claim they are about."""
    found: dict[str, list[str]] = {}
    for issue in report.errors:
        m = _CLAIM_WHERE_RE.match(issue.where)
        if m is not None:
            found.setdefault(m.group(1), []).append(str(issue))
    return found


def sentence_errors(report: CheckReport) -> dict[int, list[str]]:
    """The report's errors about sentences of the summary prose, by sentence number
    (from 1, as the verifier counts them)."""
    found: dict[int, list[str]] = {}
    for issue in report.errors:
        m = _SENTENCE_WHERE_RE.match(issue.where)
        if m is not None:
            found.setdefault(int(m.group(1)), []).append(str(issue))
    return found


def unprunable(report: CheckReport) -> list[str]:
    """Errors about neither one claim nor one prose sentence (the document list, an
    instruction repeated in the narrator's voice): nothing can be dropped for them."""
    return [
        str(i)
        for i in report.errors
        if _CLAIM_WHERE_RE.match(i.where) is None and _SENTENCE_WHERE_RE.match(i.where) is None
    ]


def dropped_items(claims: Sequence[Claim], errors: dict[str, list[str]]) -> list[DroppedItem]:
    """A :class:`DroppedItem` for every claim ``errors`` names, in claim order."""
    return [
        DroppedItem(claim_id=c.id, statement=c.statement, reason="; ".join(errors[c.id]))
        for c in claims
        if c.id in errors
    ]


def drop_claims(summary: EventSummary, errors: dict[str, list[str]]) -> EventSummary:
    """``summary`` without the claims ``errors`` names (listed in ``dropped``), and
    without disputes that are left with fewer than two claims."""
    if not errors:
        return summary
    kept = [c for c in summary.claims if c.id not in errors]
    disputes: list[Dispute] = []
    for d in summary.disputes:
        ids = [cid for cid in d.claim_ids if cid not in errors]
        if len(ids) >= 2:
            disputes.append(d.model_copy(update={"claim_ids": ids}))
    dropped = [*summary.dropped, *dropped_items(summary.claims, errors)]
    for item in dropped[len(summary.dropped) :]:
        log.warning("dropped claim %s: %s", item.claim_id, item.reason)
    return summary.model_copy(update={"claims": kept, "disputes": disputes, "dropped": dropped})


def drop_sentences(summary: EventSummary, errors: dict[int, list[str]]) -> EventSummary:
    """``summary`` without the prose sentences ``errors`` names (listed in ``dropped``
    with the sentence as the statement); the rest of the prose is kept verbatim."""
    if not errors:
        return summary
    prose = summary.summary
    kept: list[str] = []
    dropped = list(summary.dropped)
    for n, (start, end) in enumerate(sentence_bounds(prose), start=1):
        sentence = prose[start:end]
        if n in errors:
            item = DroppedItem(statement=sentence, reason="; ".join(errors[n]))
            log.warning("dropped summary sentence %d: %s", n, item.reason)
            dropped.append(item)
        else:
            kept.append(sentence)
    return summary.model_copy(update={"summary": " ".join(kept), "dropped": dropped})
