"""Stage 1, load: a folder of files -> a list of :class:`Article`.

Reads ``.txt``/``.md`` (with an optional front-matter block or a leading
``date YYYY-MM-DD`` line), ``.html`` (main text extracted with trafilatura)
and ``.json`` (``{"text", "title", "outlet", "url", "published"}``). The
document id is the file name without its extension (the full file name when
two files share a stem).

Hostile folders are expected: binaries, files over ``max_article_bytes``,
links leaving the folder, unreadable or undecodable files are passed over
with a reason (:class:`Skipped`) instead of stopping the run; only a folder
with nothing readable at all is an error."""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import re
import stat
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from summarize.errors import ArticleReadError, ConfigError, NoArticlesError, NotAFolderError
from summarize.htmltext import extract_html
from summarize.models import Article
from summarize.textdecode import decode_bytes, decode_name

__all__ = [
    "DEFAULT_MAX_ARTICLE_BYTES",
    "LoadReport",
    "Skipped",
    "decode_bytes",
    "drop_empty",
    "load_file",
    "load_folder",
    "no_articles_error",
    "parse_date",
    "scan_folder",
]

logger = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json"}
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES
DEFAULT_MAX_ARTICLE_BYTES = 2_000_000

_LONE_SURROGATE_RE = re.compile("[\ud800-\udfff]")
_ISO_DATE_RE = re.compile(r"\s*([0-9]{4}-[0-9]{2}-[0-9]{2})")
_FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_DATE_LINE_RE = re.compile(r"\A\s*date[:\s]\s*([0-9]{4}-[0-9]{2}-[0-9]{2})\b[ \t]*(?:\r?\n)?", re.I)
#: An ATX heading ("## Title", optional closing hashes) and a setext underline ("=====").
_ATX_HEADING_RE = re.compile(r"\A {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*\Z")
_SETEXT_UNDERLINE_RE = re.compile(r"\A {0,3}(?:=+|-+)[ \t]*\Z")
_EMPTY = "is empty"
_META_KEYS = {
    "title": "title",
    "outlet": "outlet",
    "source": "outlet",
    "publisher": "outlet",
    "url": "url",
    "link": "url",
    "published": "published",
    "date": "published",
    "language": "language",
    "lang": "language",
    "slant": "slant",
    "stance": "slant",
    "bias": "slant",
    "lean": "slant",
}
#: File stems that name an outlet's slant (AllSides suites write left/center/right.txt).
_SLANT_STEMS = {"left", "lean-left", "center", "centre", "lean-right", "right"}


@dataclass(frozen=True)
class Skipped:
    """A file in the folder that was not loaded, and why."""

    path: str
    reason: str


@dataclass
class LoadReport:
    """What :func:`scan_folder` found: the articles and every file it passed over."""

    articles: list[Article] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def parse_date(value: object) -> dt.date | None:
    """An ISO date (or the date part of an ISO timestamp), else None."""
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    match = _ISO_DATE_RE.match(value)
    if not match:
        return None
    try:
        return dt.date.fromisoformat(match.group(1))
    except ValueError:
        return None


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _split_front_matter(text: str) -> tuple[dict[str, str], str]:
    meta: dict[str, str] = {}
    match = _FRONT_MATTER_RE.match(text)
    if match:
        for line in match.group(1).splitlines():
            key, sep, value = line.partition(":")
            if sep and key.strip().lower() in _META_KEYS:
                meta[_META_KEYS[key.strip().lower()]] = value.strip().strip("\"'")
        text = text[match.end() :]
    date_match = _DATE_LINE_RE.match(text)
    if date_match:
        meta.setdefault("published", date_match.group(1))
        text = text[date_match.end() :]
    return meta, text


def _strip_markdown_headings(text: str) -> str:
    """``text`` with heading markers removed as structure: an ATX heading keeps its
    words, a setext underline goes, and each heading stands as its own paragraph so
    that no marker and no neighbouring line can join a sentence (the record cites
    this text, so every offset and quote refers to it)."""
    lines = text.split("\n")
    out: list[str] = []
    for n, line in enumerate(lines):
        atx = _ATX_HEADING_RE.match(line)
        previous = lines[n - 1].strip() if n else ""
        if atx is None and not (previous and _SETEXT_UNDERLINE_RE.match(line)):
            out.append(line)
            continue
        words = (atx.group(1) or "").strip() if atx else ""
        if atx is None:  # setext underline: the line above is the heading
            if out and out[-1]:
                out.append("")
            continue
        if out and out[-1].strip():
            out.append("")
        if words:
            out.append(words)
            following = lines[n + 1] if n + 1 < len(lines) else ""
            if following.strip() and not _SETEXT_UNDERLINE_RE.match(following):
                out.append("")
    return "\n".join(out)


def _empty_reason(empty: str = _EMPTY) -> str:
    return f"{empty} (no article text)"


def _article(
    doc_id: str, path: Path, text: str, meta: dict[str, Any], *, empty: str = _EMPTY
) -> Article:
    if not text.strip():
        raise ArticleReadError(path, _empty_reason(empty))
    slant = meta.get("slant") or (doc_id.lower() if doc_id.lower() in _SLANT_STEMS else None)
    return Article(
        id=doc_id,
        text=text,
        title=meta.get("title") or None,
        outlet=meta.get("outlet") or None,
        url=meta.get("url") or None,
        published=parse_date(meta.get("published")),
        language=meta.get("language") or None,
        slant=slant,
        path=str(path),
    )


def _load_text(doc_id: str, path: Path, raw: bytes) -> Article:
    meta, body = _split_front_matter(_normalise_newlines(decode_bytes(raw, path)))
    if path.suffix.lower() in MARKDOWN_SUFFIXES:
        body = _strip_markdown_headings(body)
    return _article(doc_id, path, body, meta)


def _load_html(doc_id: str, path: Path, raw: bytes) -> Article:
    body, meta = extract_html(decode_bytes(raw, path, html=True))
    return _article(doc_id, path, _normalise_newlines(body), meta, empty="has no main text")


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, dict):
        return "object"
    if isinstance(value, list):
        return "array"
    return "string" if isinstance(value, str) else type(value).__name__


def _load_json(doc_id: str, path: Path, raw: bytes) -> Article:
    try:
        data = json.loads(decode_bytes(raw, path))
    except json.JSONDecodeError as exc:
        raise ArticleReadError(path, f"is not valid JSON ({exc.msg}, line {exc.lineno})") from None
    except (ValueError, RecursionError) as exc:  # huge integers, absurd nesting
        raise ArticleReadError(path, f"is not usable JSON ({type(exc).__name__})") from None
    if not isinstance(data, dict):
        raise ArticleReadError(
            path, f"JSON article must be an object with a 'text' field (got {_json_type(data)})"
        )
    if "text" not in data:
        raise ArticleReadError(path, "field 'text' is missing (the article body)")
    meta: dict[str, Any] = {}
    for key in ("text", "title", "outlet", "url", "published", "language", "slant", "stance"):
        value = data.get(key)
        if (key == "text" or value is not None) and not isinstance(value, str):
            raise ArticleReadError(
                path, f"field '{key}' must be a string (got {_json_type(value)})"
            )
        # JSON can escape half a surrogate pair ("\ud800"), which no file can hold.
        meta[key] = _LONE_SURROGATE_RE.sub("\ufffd", value) if value else value
    meta["slant"] = meta.pop("slant") or meta.pop("stance")
    return _article(doc_id, path, _normalise_newlines(meta.pop("text")), meta)


def _too_big(size: int, limit: int) -> str:
    return f"is {size:,} bytes, over the limit of {limit:,} (--max-article-bytes); not read"


def _read_limited(path: Path, limit: int) -> bytes:
    """The file's bytes, refusing anything that is not a regular file or is over ``limit``.

    Opened non-blocking, so a FIFO swapped in for a file cannot hang the run, and
    read at most ``limit + 1`` bytes, so a file that grows meanwhile is still refused."""
    if limit <= 0:
        raise ConfigError("--max-article-bytes must be positive")
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise ArticleReadError(path, "is not a regular file")
        if info.st_size > limit:
            raise ArticleReadError(path, _too_big(info.st_size, limit))
        raw = handle.read(limit + 1)
    if len(raw) > limit:
        raise ArticleReadError(path, _too_big(len(raw), limit))
    return raw


def _load(doc_id: str, path: Path, source: Path, max_article_bytes: int) -> Article:
    """Read ``source`` (``path`` itself, or where its link resolves) as article ``doc_id``."""
    try:
        raw = _read_limited(source, max_article_bytes)
    except PermissionError:
        raise ArticleReadError(path, "cannot be read (permission denied)") from None
    except IsADirectoryError:
        raise ArticleReadError(path, "is a folder, not an article file") from None
    except OSError as exc:
        raise ArticleReadError(path, f"cannot be read ({exc.strerror or exc})") from None
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return _load_html(doc_id, path, raw)
    if suffix in JSON_SUFFIXES:
        return _load_json(doc_id, path, raw)
    return _load_text(doc_id, path, raw)


def load_file(path: Path, *, max_article_bytes: int = DEFAULT_MAX_ARTICLE_BYTES) -> Article:
    """Load one article file; raise :class:`ArticleReadError` naming the file."""
    path = Path(path)
    return _load(decode_name(path.stem), path, path, max_article_bytes)


def _candidates(root: Path, report: LoadReport) -> list[tuple[Path, Path]]:
    """``(path, target)`` for every article file whose target stays inside ``root``."""
    try:
        entries = sorted(root.iterdir())
    except PermissionError:
        raise NotAFolderError(root, "cannot be read (permission denied)") from None
    except OSError as exc:
        raise NotAFolderError(root, f"cannot be read ({exc.strerror or exc})") from None
    resolved_root = root.resolve()
    found: list[tuple[Path, Path]] = []
    for path in entries:
        if path.name.startswith("."):
            continue
        try:
            target = path.resolve(strict=True)
        except (OSError, RuntimeError):
            report.skipped.append(Skipped(str(path), "is a broken or looping link; not followed"))
            continue
        if not target.is_relative_to(resolved_root):
            report.skipped.append(Skipped(str(path), "links outside the folder; not followed"))
            continue
        if target.is_dir():
            continue
        if path.suffix.lower() not in ARTICLE_SUFFIXES:
            kind = f"'{path.suffix}'" if path.suffix else "(no extension)"
            report.skipped.append(
                Skipped(str(path), f"unsupported file type {kind}; not .txt, .md, .html or .json")
            )
            continue
        found.append((path, target))
    return found


def scan_folder(
    folder: Path | str, *, max_article_bytes: int = DEFAULT_MAX_ARTICLE_BYTES
) -> LoadReport:
    """Load every article in ``folder``; collect the files passed over and why.

    Links are followed only to files inside the folder; sub-folders and hidden
    files are ignored; files over ``max_article_bytes`` are refused unread."""
    root = Path(folder)
    if not root.exists():
        raise NotAFolderError(root, "does not exist")
    if not root.is_dir():
        raise NotAFolderError(root, "is a file, not a folder of articles")
    report = LoadReport()
    found = _candidates(root, report)
    stems = Counter(decode_name(path.stem) for path, _ in found)
    for path, target in found:
        stem = decode_name(path.stem)
        doc_id = stem if stems[stem] == 1 else decode_name(path.name)
        if doc_id != stem:
            report.notes.append(f"{path}: another file has the same name; its id is '{doc_id}'")
        try:
            report.articles.append(_load(doc_id, path, target, max_article_bytes))
        except ArticleReadError as exc:
            report.skipped.append(Skipped(exc.path, exc.problem))
    report.skipped.sort(key=lambda s: s.path)
    return report


def no_articles_error(folder: Path | str, report: LoadReport) -> NoArticlesError:
    """The error for a folder in which nothing could be loaded, saying why."""
    root = Path(folder)
    if not report.skipped:
        problem = "has no article files (.txt, .md, .html, .json)"
    else:
        shown = "; ".join(f"{Path(s.path).name} {s.reason}" for s in report.skipped[:3])
        more = f"; and {len(report.skipped) - 3} more" if len(report.skipped) > 3 else ""
        problem = f"has no readable articles ({len(report.skipped)} skipped: {shown}{more})"
    if (root / "articles").is_dir():
        problem += f"; did you mean {root / 'articles'}?"
    return NoArticlesError(root, problem)


def load_folder(
    folder: Path | str, *, max_article_bytes: int = DEFAULT_MAX_ARTICLE_BYTES
) -> list[Article]:
    """Load a folder's articles; raise :class:`NoArticlesError` when none is readable.

    Each file passed over is logged as a warning on the ``summarize.loader`` logger."""
    report = scan_folder(folder, max_article_bytes=max_article_bytes)
    for skipped in report.skipped:
        logger.warning("skipped %s: %s", skipped.path, skipped.reason)
    for note in report.notes:
        logger.warning("note: %s", note)
    if not report.articles:
        raise no_articles_error(folder, report)
    return report.articles


def drop_empty(articles: Sequence[Article]) -> list[Article]:
    """``articles`` without those that hold no text, each logged as a skipped file
    on the ``summarize.loader`` logger, as :func:`load_folder` logs an empty file."""
    kept: list[Article] = []
    for article in articles:
        if article.text.strip():
            kept.append(article)
        else:
            logger.warning("summarize: skipped %s: %s", article.path or article.id, _empty_reason())
    return kept
