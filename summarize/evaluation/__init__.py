"""Stage 6, evaluate: score summaries against hand-labelled gold records (gold-format.md)."""

from summarize.evaluation.gold import GoldRecord, load_gold, parse_gold
from summarize.evaluation.scoring import ALL_SCORES, Score, ScoreCard, score_summary

__all__ = [
    "ALL_SCORES",
    "GoldRecord",
    "Score",
    "ScoreCard",
    "load_gold",
    "parse_gold",
    "score_summary",
]
