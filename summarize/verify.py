"""Stage 4, verify: check any summary against the articles it cites.

The same checks guard the ``llm`` engine's retries (a failing reply is sent
back with these messages), back ``summarize check`` and feed the eval
harness's grounding score."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from summarize.injection import narration_repeats
from summarize.models import Article, SummaryBody
from summarize.neutrality import find_loaded
from summarize.textnorm import fold, occurs_verbatim

Severity = Literal["error", "warning"]
_NUMBER_RE = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*(?![\w])")


@dataclass(frozen=True)
class CheckIssue:
    """One failed check: what kind, where, and a message a person (or model) can act on."""

    kind: str
    where: str
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass
class CheckReport:
    """The result of :func:`check_summary`."""

    issues: list[CheckIssue] = field(default_factory=list)
    quotes_checked: int = 0
    quotes_grounded: int = 0

    @property
    def errors(self) -> list[CheckIssue]:
        return [i for i in self.issues if i.severity == "error"]

    @property
    def warnings(self) -> list[CheckIssue]:
        return [i for i in self.issues if i.severity == "warning"]

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def grounding_rate(self) -> float:
        return self.quotes_grounded / self.quotes_checked if self.quotes_checked else 1.0


def _numbers(text: str) -> set[str]:
    return {m.group(0).replace(",", "") for m in _NUMBER_RE.finditer(text)}


def check_summary(
    summary: SummaryBody,
    articles: Sequence[Article],
    *,
    loaded_terms: Iterable[str] = (),
) -> CheckReport:
    """Check quotes and evidence are verbatim in the cited article, cited ids
    exist, numbers in a claim occur in its evidence, and no loaded term stands
    in the narrator's voice (the last as warnings)."""
    texts = {a.id: a.text for a in articles}
    report = CheckReport()
    add = report.issues.append

    def grounded(where: str, doc: str, excerpt: str, what: str) -> None:
        report.quotes_checked += 1
        if doc not in texts:
            add(
                CheckIssue(
                    "unknown_document", where, f"cites document '{doc}', which does not exist"
                )
            )
        elif not occurs_verbatim(excerpt, texts[doc]):
            add(
                CheckIssue(
                    "not_verbatim",
                    where,
                    f"{what} {fold(excerpt)[:120]!r} does not occur verbatim in document '{doc}'",
                )
            )
        else:
            report.quotes_grounded += 1

    claim_ids: set[str] = set()
    for claim in summary.claims:
        where = f"claim {claim.id}"
        if claim.id in claim_ids:
            add(CheckIssue("duplicate_id", where, f"claim id '{claim.id}' is used twice"))
        claim_ids.add(claim.id)
        for n, ev in enumerate(claim.evidence):
            grounded(f"{where} evidence[{n}]", ev.document, ev.quote, "evidence")
        for doc in claim.reported_by:
            if doc not in texts:
                add(
                    CheckIssue(
                        "unknown_document",
                        where,
                        f"reported_by names '{doc}', which does not exist",
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
                    )
                )
        support = " ".join([claim.quote or "", *(ev.quote for ev in claim.evidence)])
        missing = sorted(_numbers(claim.statement) - _numbers(support))
        if missing:
            add(
                CheckIssue(
                    "number_unsupported",
                    where,
                    f"number(s) {', '.join(missing)} in the statement do not occur in its evidence",
                )
            )
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
                )
            )
    for repeat in narration_repeats(summary, articles):
        add(CheckIssue("injected_instruction", repeat.where, repeat.message))
    return report
