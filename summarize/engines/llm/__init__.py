"""The ``llm`` engine: the evidence bundle rendered into prompts for any
OpenAI-compatible endpoint (through instructor), the reply validated by
:mod:`summarize.verify`, with map-reduce for events too large for one prompt."""

from summarize.engines.llm.engine import LLMEngine

__all__ = ["LLMEngine"]
