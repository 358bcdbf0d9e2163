"""Stage 1, load: a folder of files -> a list of :class:`Article`.

Reads ``.txt``/``.md`` (with an optional front-matter block or a leading
``date YYYY-MM-DD`` line), ``.html`` (main text extracted with trafilatura)
and ``.json`` (``{"text", "title", "outlet", "url", "published"}``). The
document id is the file name without its extension."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from summarize.errors import ArticleReadError, NoArticlesError, NotAFolderError
from summarize.models import Article

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json"}
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES
DEFAULT_MAX_ARTICLE_BYTES = 2_000_000

_FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_DATE_LINE_RE = re.compile(r"\A\s*date[:\s]\s*(\d{4}-\d{2}-\d{2})\b[ \t]*(?:\r?\n)?", re.I)
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
}


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


def parse_date(value: object) -> dt.date | None:
    """An ISO date (or the date part of an ISO timestamp), else None."""
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    match = re.match(r"\s*(\d{4}-\d{2}-\d{2})", value)
    if not match:
        return None
    try:
        return dt.date.fromisoformat(match.group(1))
    except ValueError:
        return None


def decode_bytes(raw: bytes, path: Path) -> str:
    """Decode UTF-8 (with or without BOM); fall back to cp1252, then Latin-1."""
    if b"\x00" in raw[:8192]:
        raise ArticleReadError(path, "looks binary (contains NUL bytes), not an article")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")


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


def _article(doc_id: str, path: Path, text: str, meta: dict[str, Any]) -> Article:
    if not text.strip():
        raise ArticleReadError(path, "is empty (no article text)")
    return Article(
        id=doc_id,
        text=text,
        title=meta.get("title") or None,
        outlet=meta.get("outlet") or None,
        url=meta.get("url") or None,
        published=parse_date(meta.get("published")),
        language=meta.get("language") or None,
        path=str(path),
    )


def _load_text(path: Path, raw: bytes) -> Article:
    meta, body = _split_front_matter(_normalise_newlines(decode_bytes(raw, path)))
    return _article(path.stem, path, body, meta)


def _load_html(path: Path, raw: bytes) -> Article:
    import trafilatura

    html = decode_bytes(raw, path)
    body = trafilatura.extract(html, include_comments=False, include_tables=False) or ""
    meta: dict[str, Any] = {}
    info = trafilatura.extract_metadata(html)
    if info is not None:
        meta = {
            "title": info.title,
            "outlet": info.sitename,
            "url": info.url,
            "published": info.date,
            "language": getattr(info, "language", None),
        }
    return _article(path.stem, path, _normalise_newlines(body), meta)


def _load_json(path: Path, raw: bytes) -> Article:
    try:
        data = json.loads(decode_bytes(raw, path))
    except json.JSONDecodeError as exc:
        raise ArticleReadError(path, f"is not valid JSON ({exc.msg}, line {exc.lineno})") from None
    if not isinstance(data, dict):
        raise ArticleReadError(path, "JSON article must be an object with a 'text' field")
    text = data.get("text")
    if not isinstance(text, str):
        got = "missing" if text is None else type(text).__name__
        raise ArticleReadError(path, f"field 'text' must be a string (got {got})")
    meta: dict[str, Any] = {}
    for key in ("title", "outlet", "url", "published", "language"):
        value = data.get(key)
        if value is not None and not isinstance(value, str):
            raise ArticleReadError(
                path, f"field '{key}' must be a string (got {type(value).__name__})"
            )
        meta[key] = value
    return _article(path.stem, path, _normalise_newlines(text), meta)


def load_file(path: Path, *, max_article_bytes: int = DEFAULT_MAX_ARTICLE_BYTES) -> Article:
    """Load one article file; raise :class:`ArticleReadError` naming the file."""
    try:
        size = path.stat().st_size
        if size > max_article_bytes:
            raise ArticleReadError(
                path,
                f"is {size} bytes, over the limit of {max_article_bytes} (--max-article-bytes)",
            )
        raw = path.read_bytes()
    except PermissionError:
        raise ArticleReadError(path, "cannot be read (permission denied)") from None
    except OSError as exc:
        raise ArticleReadError(path, f"cannot be read ({exc.strerror or exc})") from None
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return _load_html(path, raw)
    if suffix in JSON_SUFFIXES:
        return _load_json(path, raw)
    return _load_text(path, raw)


def scan_folder(
    folder: Path | str, *, max_article_bytes: int = DEFAULT_MAX_ARTICLE_BYTES
) -> LoadReport:
    """Load every article in ``folder``; collect the files passed over and why."""
    root = Path(folder)
    if not root.exists():
        raise NotAFolderError(root, "does not exist")
    if not root.is_dir():
        raise NotAFolderError(root, "is a file, not a folder of articles")
    report = LoadReport()
    resolved_root = root.resolve()
    for path in sorted(root.iterdir()):
        if path.name.startswith("."):
            continue
        if path.suffix.lower() not in ARTICLE_SUFFIXES:
            if path.is_file():
                report.skipped.append(Skipped(str(path), f"unsupported file type '{path.suffix}'"))
            continue
        try:
            target = path.resolve(strict=True)
        except (OSError, RuntimeError):
            report.skipped.append(Skipped(str(path), "broken or looping link"))
            continue
        if not target.is_relative_to(resolved_root):
            report.skipped.append(Skipped(str(path), "link points outside the folder"))
            continue
        if not target.is_file():
            continue
        try:
            report.articles.append(load_file(path, max_article_bytes=max_article_bytes))
        except ArticleReadError as exc:
            report.skipped.append(Skipped(exc.path, exc.problem))
    return report


def load_folder(
    folder: Path | str, *, max_article_bytes: int = DEFAULT_MAX_ARTICLE_BYTES
) -> list[Article]:
    """Load a folder's articles; raise :class:`NoArticlesError` when none is readable."""
    report = scan_folder(folder, max_article_bytes=max_article_bytes)
    if not report.articles:
        detail = "; ".join(f"{Path(s.path).name}: {s.reason}" for s in report.skipped[:5])
        problem = "no readable articles (.txt, .md, .html, .json)"
        raise NoArticlesError(folder, f"{problem}: {detail}" if detail else problem)
    return report.articles
