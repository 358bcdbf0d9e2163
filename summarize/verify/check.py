"""check_summary: run every check of the verifier over one summary."""

from __future__ import annotations

import copy
import threading
from collections.abc import Iterable, Sequence
from typing import Any

from summarize.evidence.types import EvidenceBundle
from summarize.injection import narration_repeats
from summarize.models import Article, Evidence, SummaryBody
from summarize.neutrality import find_loaded
from summarize.textnorm import fold, occurs_verbatim
from summarize.verify.prose import check_prose
from summarize.verify.report import CheckIssue, CheckReport
from summarize.verify.sources import Sources
from summarize.verify.speakers import check_speaker
from summarize.verify.statements import check_denial, check_statement

#: The last check done: its summary (class and JSON), articles and loaded terms, and
#: its report. A run checks the record it returns more than once (before returning
#: it, for its closing warnings, when rendering it as HTML or Markdown); a check of
#: an equal summary against the same articles gives the report again without redoing
#: the work (seconds on a long article).
_last: tuple[tuple[Any, ...], CheckReport] | None = None
_last_lock = threading.Lock()


def check_summary(
    summary: SummaryBody,
    articles: Sequence[Article],
    *,
    loaded_terms: Iterable[str] = (),
    bundle: EvidenceBundle | None = None,
) -> CheckReport:
    """Check ``summary`` against ``articles``; every failure names where it is.

    Errors: quotes and evidence not verbatim in the cited article, unknown
    document or claim ids, a statement whose quoted words, numbers, names or
    negation its evidence does not back (:mod:`.statements`), a speaker the
    evidence does not attribute the words to (:mod:`.speakers`), a summary
    sentence its claims do not back (:mod:`.prose`), instruction-like article
    text in the narrator's voice. Warnings: loaded terms in the narrator's
    voice, softer speaker and date findings.

    ``bundle`` (the evidence stage's output for these articles) is used for
    sentences and attribution relations when given; otherwise they are
    computed for the cited documents when first needed (the report is the same).

    A check of a summary equal to the one checked last (same class and JSON), against
    the same articles and loaded terms, returns a copy of that report."""
    global _last
    terms = tuple(loaded_terms)
    key = (type(summary), summary.model_dump_json(), tuple(articles), terms)
    with _last_lock:
        if _last is not None and _last[0] == key:
            return copy.deepcopy(_last[1])
    report = _check(summary, articles, terms, bundle)
    with _last_lock:
        _last = (key, copy.deepcopy(report))
    return report


def _check(
    summary: SummaryBody,
    articles: Sequence[Article],
    loaded_terms: Iterable[str],
    bundle: EvidenceBundle | None,
) -> CheckReport:
    sources = Sources(articles, bundle)
    texts = sources.texts
    by_id = {a.id: a for a in articles}
    report = CheckReport()
    add = report.issues.append

    def grounded(where: str, claim: str, field: str, ev: Evidence) -> None:
        doc, excerpt = ev.document, ev.quote
        report.quotes_checked += 1
        common: dict[str, Any] = {
            "claim": claim,
            "field": field,
            "document": doc,
            "evidence": excerpt,
        }
        if doc not in texts:
            add(
                CheckIssue(
                    "unknown_document",
                    where,
                    f"cites document '{doc}', which does not exist",
                    **common,
                )
            )
        elif not occurs_verbatim(excerpt, texts[doc]):
            add(
                CheckIssue(
                    "not_verbatim",
                    where,
                    f"evidence {fold(excerpt)[:120]!r} does not occur verbatim in document '{doc}'",
                    **common,
                )
            )
        else:
            report.quotes_grounded += 1
            mismatch = sources.sentence_ids_mismatch(summary, ev)
            if mismatch:
                add(CheckIssue("pointer_mismatch", where, mismatch, "warning", **common))

    claim_ids: set[str] = set()
    for claim in summary.claims:
        where = f"claim {claim.id}"
        if claim.id in claim_ids:
            add(
                CheckIssue(
                    "duplicate_id", where, f"claim id '{claim.id}' is used twice", claim=claim.id
                )
            )
        claim_ids.add(claim.id)
        for n, ev in enumerate(claim.evidence):
            grounded(f"{where} evidence[{n}]", claim.id, f"evidence[{n}]", ev)
        for doc in claim.reported_by:
            if doc not in texts:
                add(
                    CheckIssue(
                        "unknown_document",
                        where,
                        f"reported_by names '{doc}', which does not exist",
                        claim=claim.id,
                        field="reported_by",
                        document=doc,
                    )
                )
        if claim.quote:
            docs = {ev.document for ev in claim.evidence} | set(claim.reported_by)
            report.quotes_checked += 1
            if any(occurs_verbatim(claim.quote, texts[d]) for d in docs if d in texts):
                report.quotes_grounded += 1
            else:
                add(
                    CheckIssue(
                        "not_verbatim",
                        f"{where} quote",
                        f"quote {fold(claim.quote)[:120]!r} does not occur verbatim in "
                        f"any document the claim cites ({', '.join(sorted(docs))})",
                        claim=claim.id,
                        field="quote",
                        document=", ".join(sorted(docs)),
                        evidence=claim.quote,
                    )
                )
        check_statement(claim, by_id, add)
        check_denial(claim, sources, add)
        report.speakers[claim.id] = check_speaker(claim, sources, add)
    report.sentences_checked = check_prose(summary, texts, add)
    for n, dispute in enumerate(summary.disputes):
        for cid in dispute.claim_ids:
            if cid not in claim_ids:
                add(
                    CheckIssue(
                        "unknown_claim",
                        f"dispute[{n}]",
                        f"names claim '{cid}', which does not exist",
                    )
                )
    for doc_info in summary.documents:
        if doc_info.id not in texts:
            add(
                CheckIssue(
                    "unknown_document", "documents", f"lists '{doc_info.id}', which is not an input"
                )
            )
    extra = list(loaded_terms)
    for hit in find_loaded(summary.summary, extra):
        add(
            CheckIssue(
                "loaded_language",
                "summary",
                f"loaded term {hit.text!r} in the narrator's voice",
                "warning",
            )
        )
    for claim in summary.claims:
        for hit in find_loaded(claim.statement, extra):
            add(
                CheckIssue(
                    "loaded_language",
                    f"claim {claim.id} statement",
                    f"loaded term {hit.text!r} in the narrator's voice; quote and attribute it",
                    "warning",
                    claim=claim.id,
                    field="statement",
                )
            )
    for repeat in narration_repeats(summary, articles):
        add(CheckIssue("injected_instruction", repeat.where, repeat.message))
    return report
