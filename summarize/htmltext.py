"""Main text and metadata of an HTML article.

trafilatura does the real extraction (it drops navigation, scripts, menus and
footers). When it finds no main text (a bare fragment such as ``<p>...</p>``)
or when the extractor cannot be imported or fails, a plain parser takes the
visible text instead, still without scripts, styles,
navigation, headers, footers, forms or asides."""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

_SKIP_TAGS = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "nav",
        "header",
        "footer",
        "aside",
        "form",
        "iframe",
        "svg",
        "button",
        "select",
        "head",
    }
)
_VOID_TAGS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)
_BLOCK_TAGS = frozenset(
    {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section"}
    | {"article", "main", "pre", "dd", "dt", "figcaption", "table", "ul", "ol"}
)


class _VisibleText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self.skipping.append(tag)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS and tag in self.skipping:
            while self.skipping and self.skipping.pop() != tag:
                pass
        elif tag in _BLOCK_TAGS and tag not in _VOID_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def _visible_text(html: str) -> str:
    parser = _VisibleText()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)


def extract_html(html: str) -> tuple[str, dict[str, Any]]:
    """``(main text, metadata)`` of an HTML page; metadata keys are the loader's
    (title, outlet, url, published, language), missing ones absent."""
    try:
        import trafilatura  # its lxml stack can be missing a piece (lxml_html_clean)

        body = trafilatura.extract(html, include_comments=False, include_tables=False) or ""
        info = trafilatura.extract_metadata(html)
    except Exception:  # an import that fails, or lxml/trafilatura on hostile markup
        body, info = "", None
    meta: dict[str, Any] = {}
    if info is not None:
        meta = {
            "title": info.title,
            "outlet": info.sitename,
            "url": info.url,
            "published": info.date,
            "language": getattr(info, "language", None),
        }
    if not body.strip():
        body = _visible_text(html)
    return body, {k: v for k, v in meta.items() if isinstance(v, str) and v}
