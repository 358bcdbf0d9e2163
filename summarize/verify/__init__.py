"""Stage 4, verify: check any summary against the articles it cites.

The same checks guard the ``llm`` engine's retries (a failing reply is sent
back with these messages), back ``summarize check`` and are the one source
of grounding truth for the eval harness's scores."""

from summarize.verify.check import check_summary
from summarize.verify.report import STATEMENT_KINDS, CheckIssue, CheckReport, Severity

__all__ = ["STATEMENT_KINDS", "CheckIssue", "CheckReport", "Severity", "check_summary"]
