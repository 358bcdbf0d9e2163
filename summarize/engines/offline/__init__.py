"""The ``offline`` engine: no model. Attribution relations from the evidence
bundle become claims with neutral templates, merged across outlets, with
disputes, the event and the neutral summary prose."""

from summarize.engines.offline.engine import OfflineEngine, compose_body

__all__ = ["OfflineEngine", "compose_body"]
