"""Stage 3, compose: an evidence bundle -> an :class:`EventSummary`, by one of
two engines behind one interface (:class:`summarize.engines.base.Engine`)."""
