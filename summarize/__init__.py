"""summarize: neutral, attributed event summaries from folders of news articles.

Public API::

    from summarize import summarize_folder, summarize_articles
    summary = summarize_folder("examples/ganja")          # EventSummary
    summary = await asummarize_folder("examples/ganja")   # async twin
"""

from summarize.api import (
    asummarize_articles,
    asummarize_folder,
    make_engine,
    summarize_articles,
    summarize_folder,
)
from summarize.config import Settings
from summarize.errors import (
    ArticleReadError,
    ConfigError,
    GoldFormatError,
    InputError,
    ModelError,
    NoArticlesError,
    NotAFolderError,
    OutputError,
    SummarizeError,
    ValidationExhaustedError,
)
from summarize.loader import load_folder
from summarize.models import (
    Article,
    Claim,
    Dispute,
    DocumentInfo,
    Event,
    EventSummary,
    Evidence,
    Provenance,
    Speaker,
    TokenUsage,
)
from summarize.verify import CheckReport, check_summary
from summarize.version import __version__

__all__ = [
    "Article",
    "ArticleReadError",
    "CheckReport",
    "Claim",
    "ConfigError",
    "Dispute",
    "DocumentInfo",
    "Event",
    "EventSummary",
    "Evidence",
    "GoldFormatError",
    "InputError",
    "ModelError",
    "NoArticlesError",
    "NotAFolderError",
    "OutputError",
    "Provenance",
    "Settings",
    "Speaker",
    "SummarizeError",
    "TokenUsage",
    "ValidationExhaustedError",
    "__version__",
    "asummarize_articles",
    "asummarize_folder",
    "check_summary",
    "load_folder",
    "make_engine",
    "summarize_articles",
    "summarize_folder",
]
