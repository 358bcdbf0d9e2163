"""Bytes -> text for article files: refuse binaries, decode what scrapers produce.

UTF-8 (with or without a BOM) is tried first. A file that is not valid UTF-8 is
decoded as Windows-1252, the superset of Latin-1 that web pages labelled
Latin-1 really use, so curly quotes and accents come out right. A UTF-8 file
with a few stray Windows-1252 bytes keeps its UTF-8 and has only the stray
bytes read as Windows-1252. UTF-16/32 with a BOM is honoured. Images, PDFs,
archives and other binaries are refused with a reason naming what they look
like."""

from __future__ import annotations

import codecs
import os
import re
from pathlib import Path

from summarize.errors import ArticleReadError

_FALLBACK = "summarize.cp1252-byte"

_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.odt document)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (b"\x7fELF", "an executable"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# C0 control bytes that never appear in text (tab, newlines, form feed, escape allowed).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27))
_SNIFF = 8192
_CHARSET_RE = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.I
)


def _cp1252_bytes(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: read the offending bytes as Windows-1252 (Latin-1 for
    the five bytes Windows-1252 leaves undefined)."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    bad = exc.object[exc.start : exc.end]
    text = "".join(
        bytes([b]).decode("cp1252") if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else chr(b)
        for b in bad
    )
    return text, exc.end


codecs.register_error(_FALLBACK, _cp1252_bytes)


def _binary_kind(raw: bytes) -> str | None:
    for signature, kind in _SIGNATURES:
        if raw.startswith(signature):
            return kind
    if raw[8:12] == b"WEBP" and raw.startswith(b"RIFF"):
        return "a WebP image"
    head = raw[:_SNIFF]
    if b"\x00" in head:
        return "binary data (contains NUL bytes)"
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    if head and controls * 20 > len(head):
        return "binary data (many control bytes)"
    return None


def _declared_codec(raw: bytes) -> str | None:
    """The charset an HTML file declares in a <meta> tag, if Python knows it."""
    match = _CHARSET_RE.search(raw[:4096])
    if not match:
        return None
    try:
        name = codecs.lookup(match.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None
    # HTML's rule: a page labelled Latin-1 or ASCII is really Windows-1252.
    return "cp1252" if name in ("latin-1", "iso8859-1", "ascii") else name


def decode_name(name: str) -> str:
    """A file name as proper text. On POSIX a name that is not valid UTF-8 reaches
    Python with surrogate escapes, which no output file can hold; such bytes are
    read as Windows-1252, like an article's own bytes."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(name).decode("utf-8", errors=_FALLBACK)
    return name


def decode_bytes(raw: bytes, path: Path, *, html: bool = False) -> str:
    """Decode an article file's bytes; raise :class:`ArticleReadError` for binaries.

    ``html=True`` honours a ``<meta charset>`` when the bytes are not UTF-8."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding)
            except UnicodeDecodeError:
                raise ArticleReadError(path, f"is not valid {encoding.upper()}") from None
    kind = _binary_kind(raw)
    if kind is not None:
        raise ArticleReadError(path, f"looks like {kind}, not a text article")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    if raw.startswith(codecs.BOM_UTF8):
        return raw.decode("utf-8-sig", errors=_FALLBACK)
    declared = _declared_codec(raw) if html else None
    if declared and not declared.startswith("utf"):
        try:
            return raw.decode(declared, errors=_FALLBACK)
        except LookupError:  # a declared "charset" that is not a text encoding
            pass
    valid = raw.decode("utf-8", errors="ignore")
    multibyte = len(valid) - len(valid.encode("ascii", errors="ignore"))
    invalid_bytes = len(raw) - len(valid.encode("utf-8"))
    if multibyte > invalid_bytes:
        return raw.decode("utf-8", errors=_FALLBACK)
    return raw.decode("cp1252", errors=_FALLBACK)
