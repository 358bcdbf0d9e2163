"""Drop what cannot be grounded, say so, and keep the run going.

A record is only as good as its worst attribution, so a claim the verifier
rejects is taken out of the record and listed in ``dropped`` with the reason,
instead of failing the whole run. Disputes left with fewer than two claims go
with it. Errors outside claims (the prose, the document list, an instruction
repeated in the narrator's voice) are not pruned here: they still fail, and
so does a record that would lose more than :data:`MAX_DROPPED_SHARE` of its
claims: an engine that gets most of its claims wrong on an input is not to be
trusted with the rest."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence

from summarize.models import Claim, Dispute, DroppedItem, EventSummary
from summarize.verify import CheckReport

log = logging.getLogger("summarize")
#: Largest share of a record's claims that may be dropped for it to be kept.
MAX_DROPPED_SHARE = 0.5
_CLAIM_WHERE_RE = re.compile(r"^claim (\S+?)(?:\s|$|:)")


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


def unprunable(report: CheckReport) -> list[str]:
    """Errors that are not about one claim (and so cannot be dropped with it)."""
    return [str(i) for i in report.errors if _CLAIM_WHERE_RE.match(i.where) is None]


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
