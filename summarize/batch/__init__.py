"""``summarize batch``: many event folders, concurrent, resumable, cached, costed."""

from __future__ import annotations

from summarize.batch.runner import BatchOptions, BatchResult, BatchRunner, run_batch

__all__ = ["BatchOptions", "BatchResult", "BatchRunner", "run_batch"]
