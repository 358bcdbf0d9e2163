"""Scoring one summary against one gold record.

Every score is a value plus an explanation a person can read (which claims
matched, which speaker was wrong, which word was loaded and where), in the
style of inspect_ai scorers. The numbers follow gold-format.md.

Empty denominators, one rule for all shares: a share whose denominator is 0
is **1.0** (nothing was asked for, so nothing was missed; e.g. a record with no
off-event documents scores ``offevent_flagged`` 1.0, a summary with no matched
claims scores ``attribution_accuracy`` 1.0 while its recall shows 0). The
loaded-term rate with no narrator words is 0.0. Each score keeps its numerator
and denominator, so a reader can always tell a vacuous 1.0 from an earned one.
The scores read from the verifier's report (``grounding_rate``,
``speaker_confirmed``, ``unsupported_statements``) are ``null`` when the
articles were not available (not measured, as opposed to nothing to
measure); ``unsupported_statements`` is lower-is-better and 0.0 with no claims.

Each scorer declares its scores (name, label, kind, direction) with
``@scorer`` from :mod:`summarize.evaluation.registry`; ``ALL_SCORES`` and the
other name lists here are derived from that registry. Grounding, speakers and
statements are read from :func:`summarize.verify.check_summary`'s report, the
one source of grounding truth."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from summarize.evaluation.gold import GoldRecord
from summarize.evaluation.matching import (
    ClaimMatch,
    claim_text,
    match_claims,
    speaker_matches,
)
from summarize.evaluation.registry import ScoreInfo, registered, scorer, scorers
from summarize.models import Article, SummaryBody
from summarize.neutrality import find_loaded, word_count
from summarize.textnorm import fold
from summarize.verify import STATEMENT_KINDS, CheckReport, check_summary

SCORES_FORMAT = "summarize-scores/1"


@dataclass(frozen=True)
class Score:
    """One score: its value, the counts behind it, and why."""

    value: float | int | None
    explanation: str
    numerator: float | None = None
    denominator: float | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "value": self.value,
            "numerator": self.numerator,
            "denominator": self.denominator,
            "explanation": self.explanation,
        }


@dataclass(frozen=True)
class ScoringInput:
    """What every scorer may read: the summary, its gold record, the claim matching,
    and (when the articles were available) the articles and the verifier's report."""

    summary: SummaryBody
    gold: GoldRecord
    matches: list[ClaimMatch]
    articles: Sequence[Article] | None
    check: CheckReport | None


Scored = tuple[dict[str, Score], dict[str, Any]]


def share(numerator: int, denominator: int) -> float:
    """numerator / denominator, and 1.0 when there is nothing to count (see module doc)."""
    return round(numerator / denominator, 4) if denominator else 1.0


@dataclass
class ScoreCard:
    """All scores of one summary, with the details they were computed from."""

    event_id: str
    scores: dict[str, Score]
    details: dict[str, Any] = field(default_factory=dict)

    def value(self, name: str) -> float | int | None:
        return self.scores[name].value

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"format": SCORES_FORMAT, "event_id": self.event_id}
        out.update({name: score.value for name, score in self.scores.items()})
        out["explanations"] = {name: score.explanation for name, score in self.scores.items()}
        out["scores"] = {name: score.to_json() for name, score in self.scores.items()}
        out.update(self.details)
        return out


def _clip(text: str, limit: int = 80) -> str:
    text = fold(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _listing(items: Sequence[str], limit: int = 6) -> str:
    shown = ", ".join(items[:limit])
    return shown + (f" and {len(items) - limit} more" if len(items) > limit else "")


@scorer(
    ScoreInfo("attribution_accuracy", "attribution", "share"),
    ScoreInfo("claim_recall_core", "recall (core)", "share"),
    ScoreInfo("claim_recall_all", "recall (all)", "share"),
    ScoreInfo("matched_claims", "matched", "count"),
)
def _score_claims(inp: ScoringInput) -> Scored:
    summary, gold, matches = inp.summary, inp.gold, inp.matches
    by_id = {c.id: c for c in summary.claims}
    rows: list[dict[str, Any]] = []
    wrong: list[dict[str, Any]] = []
    for m in matches:
        g, s = gold.claim(m.gold_id), by_id[m.summary_id]
        actors = [gold.actor(a) for a in g.speakers]
        hit = speaker_matches(s.speaker.name, actors)
        row = {
            "gold": g.id,
            "summary": s.id,
            "weight": g.weight,
            "overlap": m.overlap,
            "speaker": s.speaker.name,
            "speaker_ok": hit is not None,
            "speaker_matched_name": hit,
            "gold_statement": g.statement,
            "summary_statement": s.statement,
        }
        rows.append(row)
        if hit is None:
            wrong.append(
                {
                    "gold": g.id,
                    "summary": s.id,
                    "speaker": s.speaker.name,
                    "expected": [n for a in actors for n in a.names],
                }
            )
    matched_ids = {m.gold_id for m in matches}
    missed = [c for c in gold.claims if c.id not in matched_ids]
    unmatched = [c.id for c in summary.claims if c.id not in {m.summary_id for m in matches}]
    core = [c for c in gold.claims if c.core]
    core_hit = [c for c in core if c.id in matched_ids]
    right = len(matches) - len(wrong)

    if not matches:
        attr_text = "no summary claim matched a gold claim, so no speaker could be checked"
    elif wrong:
        attr_text = f"{right} of {len(matches)} matched claims name the right speaker; wrong: " + (
            "; ".join(
                f"{w['summary']} (gold {w['gold']}) says {w['speaker']!r}, expected "
                + " or ".join(repr(gold.actor(a).name) for a in gold.claim(w["gold"]).speakers)
                + " (or an alias)"
                for w in wrong
            )
        )
    else:
        attr_text = f"all {len(matches)} matched claims name the right speaker"
    missed_core = [c.id for c in core if c.id not in matched_ids]
    core_text = (
        "no core claims in the gold record"
        if not core
        else f"{len(core_hit)} of {len(core)} core claims matched"
        + (f"; missed: {_listing(missed_core, 12)}" if missed_core else "")
    )
    all_text = (
        f"{len(matches)} of {len(gold.claims)} gold claims matched: "
        + _listing([f"{m.gold_id}<-{m.summary_id} (overlap {m.overlap:.2f})" for m in matches], 12)
        if matches
        else f"0 of {len(gold.claims)} gold claims matched"
    )
    if missed:
        all_text += f"; missed: {_listing([c.id for c in missed], 12)}"
    scores = {
        "attribution_accuracy": Score(share(right, len(matches)), attr_text, right, len(matches)),
        "claim_recall_core": Score(
            share(len(core_hit), len(core)), core_text, len(core_hit), len(core)
        ),
        "claim_recall_all": Score(
            share(len(matches), len(gold.claims)), all_text, len(matches), len(gold.claims)
        ),
        "matched_claims": Score(
            len(matches),
            f"{len(matches)} matched; {len(unmatched)} summary claim(s) matched no gold claim"
            + (f" ({_listing(unmatched)})" if unmatched else ""),
        ),
    }
    details = {
        "matches": rows,
        "missed_claims": [
            {"gold": c.id, "weight": c.weight, "statement": c.statement} for c in missed
        ],
        "unmatched_summary_claims": unmatched,
        "wrong_speakers": wrong,
    }
    return scores, details


@scorer(
    ScoreInfo("narrator_loaded_terms", "loaded terms", "count", "lower"),
    ScoreInfo("loaded_per_100_words", "loaded /100 words", "rate", "lower"),
)
def _score_neutrality(inp: ScoringInput) -> Scored:
    summary, gold = inp.summary, inp.gold
    extra = list(gold.loaded_terms)
    parts = [("summary", summary.summary)] + [
        (f"claims[{c.id}].statement", c.statement) for c in summary.claims
    ]
    hits: list[dict[str, Any]] = []
    words = 0
    for where, text in parts:
        words += word_count(text)
        for hit in find_loaded(text, extra):
            lo, hi = max(0, hit.start - 40), min(len(text), hit.end + 40)
            hits.append(
                {
                    "term": hit.term,
                    "category": hit.category,
                    "where": where,
                    "start": hit.start,
                    "end": hit.end,
                    "text": hit.text,
                    "context": ("…" if lo else "")
                    + fold(text[lo:hi])
                    + ("…" if hi < len(text) else ""),
                }
            )
    rate = round(100.0 * len(hits) / words, 4) if words else 0.0
    if hits:
        text = f"{len(hits)} loaded term(s) in the narrator's voice: " + "; ".join(
            f"{h['text']!r} ({h['category']}) in {h['where']} at {h['start']}" for h in hits[:12]
        )
    else:
        text = "no loaded term outside quotation marks"
    scores = {
        "narrator_loaded_terms": Score(len(hits), text),
        "loaded_per_100_words": Score(
            rate,
            f"{len(hits)} hit(s) in {words} narrator words (summary and claim statements)",
            len(hits),
            words,
        ),
    }
    return scores, {"loaded_hits": hits, "narrator_words": words}


_UNGROUNDED = {
    ("unknown_document", False): "cites a document that is not in the articles",
    ("not_verbatim", False): "does not occur verbatim in the cited document",
    ("not_verbatim", True): "does not occur verbatim in any document the claim cites",
}


@scorer(ScoreInfo("grounding_rate", "grounding", "share", needs_articles=True))
def _score_grounding(inp: ScoringInput) -> Scored:
    """Read from the verifier's report: the quotes and excerpts it checked and found."""
    if inp.check is None:
        return {"grounding_rate": Score(None, "not measured: the articles were not available")}, {
            "ungrounded": []
        }
    failures: list[dict[str, Any]] = [
        {
            "where": f"claims[{i.claim}].{i.field}",
            "document": i.document,
            "excerpt": _clip(i.evidence or ""),
            "problem": _UNGROUNDED[(i.kind, i.field == "quote")],
        }
        for i in inp.check.errors
        if (i.kind, i.field == "quote") in _UNGROUNDED
        and i.field is not None
        and (i.field == "quote" or i.field.startswith("evidence["))
    ]
    checked, grounded = inp.check.quotes_checked, inp.check.quotes_grounded
    if not checked:
        text = "no quotes or evidence excerpts to check"
    elif failures:
        text = f"{grounded} of {checked} quotes and excerpts occur in their document; not: " + (
            "; ".join(f"{f['where']} {f['excerpt']!r} ({f['document']})" for f in failures[:8])
        )
    else:
        text = f"all {checked} quotes and excerpts occur verbatim in the documents they cite"
    return {"grounding_rate": Score(share(grounded, checked), text, grounded, checked)}, {
        "ungrounded": failures
    }


@scorer(ScoreInfo("dispute_recall", "disputes", "share"))
def _score_disputes(inp: ScoringInput) -> Scored:
    summary, gold, matches = inp.summary, inp.gold, inp.matches
    to_gold = {m.summary_id: m.gold_id for m in matches}
    rows: list[dict[str, Any]] = []
    for g in gold.disputes:
        found_by: int | None = None
        linked: list[str] = []
        for n, d in enumerate(summary.disputes):
            hit = sorted({to_gold[c] for c in d.claim_ids if to_gold.get(c) in g.claims})
            if len(hit) >= 2 and len(hit) > len(linked):
                found_by, linked = n, hit
        rows.append(
            {
                "gold": g.id,
                "topic": g.topic,
                "found": found_by is not None,
                "summary_dispute": found_by,
                "linked_claims": linked,
            }
        )
    found = [r for r in rows if r["found"]]
    if not rows:
        text = "no disputes in the gold record"
    else:
        text = f"{len(found)} of {len(rows)} gold disputes found" + "".join(
            f"; {r['gold']} ({r['topic'] or 'no topic'}): "
            + (
                f"summary dispute [{r['summary_dispute']}] links {', '.join(r['linked_claims'])}"
                if r["found"]
                else "not found"
            )
            for r in rows
        )
    return {"dispute_recall": Score(share(len(found), len(rows)), text, len(found), len(rows))}, {
        "disputes": rows
    }


@scorer(ScoreInfo("side_coverage", "sides", "share"))
def _score_sides(inp: ScoringInput) -> Scored:
    gold, matches = inp.gold, inp.matches
    covered: dict[str, list[str]] = {side: [] for side in gold.required_sides}
    for m in matches:
        for actor_id in gold.claim(m.gold_id).speakers:
            side = gold.actor(actor_id).side
            if side in covered and m.gold_id not in covered[side]:
                covered[side].append(m.gold_id)
    hit = [s for s, ids in covered.items() if ids]
    if not covered:
        text = "no required sides in the gold record"
    else:
        text = f"{len(hit)} of {len(covered)} required sides covered: " + "; ".join(
            f"{side}: {', '.join(ids) if ids else 'no matched claim'}"
            for side, ids in covered.items()
        )
    return {"side_coverage": Score(share(len(hit), len(covered)), text, len(hit), len(covered))}, {
        "sides": covered
    }


@scorer(
    ScoreInfo("offevent_flagged", "off-event flagged", "share"),
    ScoreInfo("onevent_used", "on-event used", "share"),
)
def _score_documents(inp: ScoringInput) -> Scored:
    summary, gold = inp.summary, inp.gold
    listed = {d.id: d.on_event for d in summary.documents}
    cited: set[str] = set()
    for claim in summary.claims:
        cited.update(claim.reported_by)
        cited.update(ev.document for ev in claim.evidence)
    off_rows: list[dict[str, Any]] = []
    for doc_id in gold.off_event_ids:
        if doc_id in listed and not listed[doc_id]:
            how, ok = "flagged on_event=false", True
        elif doc_id in listed:
            how, ok = "listed as on the event", False
        elif doc_id in cited:
            how, ok = "left out of documents[] but cited by a claim", False
        else:
            how, ok = "left out of documents[] and never cited", True
        if ok and doc_id in cited:
            how += " (note: still cited by a claim)"
        off_rows.append({"document": doc_id, "handled": ok, "how": how})
    handled = [r for r in off_rows if r["handled"]]
    if off_rows:
        off_text = f"{len(handled)} of {len(off_rows)} off-event documents handled: " + "; ".join(
            f"{r['document']} {r['how']}" for r in off_rows
        )
    else:
        off_text = "no off-event documents in the gold record"
    on_ids = gold.on_event_ids
    used = [d for d in on_ids if d in cited]
    unused = [d for d in on_ids if d not in cited]
    on_text = f"{len(used)} of {len(on_ids)} on-event documents cited by a claim" + (
        f"; never cited: {_listing(unused)}" if unused else ""
    )
    return {
        "offevent_flagged": Score(
            share(len(handled), len(off_rows)), off_text, len(handled), len(off_rows)
        ),
        "onevent_used": Score(share(len(used), len(on_ids)), on_text, len(used), len(on_ids)),
    }, {"offevent": off_rows, "onevent_unused": unused}


@scorer(
    ScoreInfo("claim_precision", "precision", "share"),
    ScoreInfo("claims_per_gold_claim", "claims / gold", "ratio", "none"),
)
def _score_precision(inp: ScoringInput) -> Scored:
    """How much of the summary is what the gold record asks for.

    ``claim_precision`` is the share of summary claims matched to some gold
    claim; ``claims_per_gold_claim`` is summary claims per gold claim (1 for a
    summary as long as the answer key). Read recall with them: listing every
    relation raises recall but lowers precision and inflates the ratio."""
    n, gold_n = len(inp.summary.claims), len(inp.gold.claims)
    matched = len({m.summary_id for m in inp.matches})
    ratio = round(n / gold_n, 4) if gold_n else None
    return {
        "claim_precision": Score(
            share(matched, n),
            f"{matched} of {n} summary claims match a gold claim"
            if n
            else "no summary claims, so none is unmatched",
            matched,
            n,
        ),
        "claims_per_gold_claim": Score(
            ratio, f"{n} summary claims for {gold_n} gold claims", n, gold_n
        ),
    }, {}


@scorer(
    ScoreInfo("speaker_confirmed", "speaker confirmed", "verified", needs_articles=True),
    ScoreInfo("unsupported_statements", "unsupported", "verified", "lower", needs_articles=True),
    ScoreInfo("prose_backed", "prose backed", "verified", needs_articles=True),
)
def _score_verified(inp: ScoringInput) -> Scored:
    """Precision read from the verifier, no gold needed: claims whose speaker the
    evidence confirms, claims whose statement asserts what the evidence does
    not (a lower-is-better share: 0.0 when there are no claims), and summary
    sentences whose quotes, numbers and credited speakers the claims back."""
    if inp.check is None:
        missing = Score(None, "not measured: the articles were not available")
        return {
            "speaker_confirmed": missing,
            "unsupported_statements": missing,
            "prose_backed": missing,
        }, {
            "unconfirmed_speakers": [],
            "statement_issues": [],
            "unbacked_prose": [],
        }
    claims = inp.summary.claims
    confirmed = [c.id for c in claims if inp.check.speakers.get(c.id, False)]
    speaker_issues = [
        {"claim": i.claim, "kind": i.kind, "message": i.message}
        for i in inp.check.issues
        if i.field == "speaker"
    ]
    bad = inp.check.unsupported_claims
    statement_issues = [
        {"claim": i.claim, "kind": i.kind, "message": i.message}
        for i in inp.check.errors
        if i.kind in STATEMENT_KINDS
    ]
    unconfirmed = [c.id for c in claims if c.id not in confirmed]
    sentences, unbacked = inp.check.sentences_checked, inp.check.unbacked_sentences
    prose_issues = [
        {"where": i.where, "kind": i.kind, "message": i.message}
        for i in inp.check.errors
        if i.field == "summary"
    ]
    return {
        "speaker_confirmed": Score(
            share(len(confirmed), len(claims)),
            f"the evidence confirms the speaker of {len(confirmed)} of {len(claims)} claims"
            + (f"; not: {_listing(unconfirmed, 12)}" if unconfirmed else ""),
            len(confirmed),
            len(claims),
        ),
        "unsupported_statements": Score(
            round(len(bad) / len(claims), 4) if claims else 0.0,
            f"{len(bad)} of {len(claims)} claim statements assert what their evidence does not"
            + (
                ": " + "; ".join(f"{i['claim']} {i['kind']}" for i in statement_issues[:8])
                if bad
                else ""
            ),
            len(bad),
            len(claims),
        ),
        "prose_backed": Score(
            share(sentences - len(unbacked), sentences),
            f"{sentences - len(unbacked)} of {sentences} summary sentences are backed by the claims"
            + (": not " + "; ".join(i["message"] for i in prose_issues[:6]) if unbacked else ""),
            sentences - len(unbacked),
            sentences,
        ),
    }, {
        "unconfirmed_speakers": speaker_issues,
        "statement_issues": statement_issues,
        "unbacked_prose": prose_issues,
    }


#: Every score, in registry order (design.md's key list first, then the precision scores).
ALL_SCORES: tuple[str, ...] = tuple(i.name for i in registered())
#: Shares in [0, 1], higher is better, that a gold record written as a summary scores 1.0 on.
SHARE_SCORES: tuple[str, ...] = tuple(i.name for i in registered() if i.kind == "share")
#: Counts, rates and ratios.
COUNT_SCORES: tuple[str, ...] = tuple(
    i.name for i in registered() if i.kind in ("count", "rate", "ratio")
)
#: Scores where lower is better (thresholds on these are maxima).
LOWER_IS_BETTER: frozenset[str] = frozenset(i.name for i in registered() if i.lower_is_better)


def score_summary(
    summary: SummaryBody, gold: GoldRecord, articles: Sequence[Article] | None = None
) -> ScoreCard:
    """Score ``summary`` against ``gold``; ``articles`` are needed for the scores the
    verifier reads (grounding, speakers, statements), which are ``null`` without them."""
    inp = ScoringInput(
        summary,
        gold,
        match_claims(gold.claims, summary.claims),
        articles,
        check_summary(summary, articles) if articles is not None else None,
    )
    scores: dict[str, Score] = {}
    details: dict[str, Any] = {}
    for fn, infos in scorers():
        part_scores, part_details = fn(inp)
        if set(part_scores) != {i.name for i in infos}:
            raise RuntimeError(
                f"{fn.__name__} returned {sorted(part_scores)}, not its declared scores"
            )
        scores.update(part_scores)
        details.update(part_details)
    ordered = {name: scores[name] for name in ALL_SCORES}
    return ScoreCard(gold.event_id, ordered, details)


__all__ = [
    "ALL_SCORES",
    "COUNT_SCORES",
    "LOWER_IS_BETTER",
    "SHARE_SCORES",
    "Score",
    "ScoreCard",
    "claim_text",
    "score_summary",
]
