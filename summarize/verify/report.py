"""What the verifier found: one :class:`CheckIssue` per failed check, in a :class:`CheckReport`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning"]

#: Kinds that say a claim's ``statement`` asserts something its evidence does not.
STATEMENT_KINDS: frozenset[str] = frozenset(
    {
        "quote_unsupported",
        "number_unsupported",
        "name_unsupported",
        "negation_dropped",
    }
)


@dataclass(frozen=True)
class CheckIssue:
    """One failed check: what kind, where, and a message a person (or model) can act on.

    ``claim`` and ``field`` say which claim and which of its fields (``statement``,
    ``speaker``, ``quote``, ``evidence[0]``; ``None`` for the summary prose),
    ``document`` and ``evidence`` the document and excerpt the check looked at."""

    kind: str
    where: str
    message: str
    severity: Severity = "error"
    claim: str | None = None
    field: str | None = None
    document: str | None = None
    evidence: str | None = None

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass
class CheckReport:
    """The result of :func:`summarize.verify.check_summary`."""

    issues: list[CheckIssue] = field(default_factory=list)
    quotes_checked: int = 0
    quotes_grounded: int = 0
    #: Claim id -> whether the speaker was confirmed (see :mod:`summarize.verify.speakers`).
    speakers: dict[str, bool] = field(default_factory=dict)
    #: Sentences of the summary prose that were checked.
    sentences_checked: int = 0

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

    @property
    def unbacked_sentences(self) -> list[str]:
        """``where`` of each summary sentence with an error (``summary sentence N``), in order."""
        seen: dict[str, None] = {}
        for issue in self.errors:
            if issue.field == "summary":
                seen.setdefault(issue.where, None)
        return list(seen)

    @property
    def unsupported_claims(self) -> list[str]:
        """Ids of claims whose statement has an error (see :data:`STATEMENT_KINDS`), in order."""
        seen: dict[str, None] = {}
        for issue in self.errors:
            if issue.kind in STATEMENT_KINDS and issue.claim is not None:
                seen.setdefault(issue.claim, None)
        return list(seen)
