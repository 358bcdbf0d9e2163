"""Which of many character spans of a document lie near a given span.

A long article has thousands of relations, sentences and quotes; asking, for
each one, which others overlap it by a pass over all of them made several
stages quadratic in the article's length. :class:`SpanIndex` files each span
under the fixed-width buckets of the text it covers and answers with the
numbers of the spans sharing a bucket with the query: a superset of the
overlapping ones (callers apply their exact test), in the order they were
added."""

from __future__ import annotations

from collections.abc import Iterable

#: Width in characters of one bucket.
BUCKET_CHARS = 2_000


def _buckets(start: int, end: int) -> range:
    """The buckets of the characters ``start .. end - 1`` (of ``start`` for an empty span)."""
    return range(start // BUCKET_CHARS, max(start, end - 1) // BUCKET_CHARS + 1)


class SpanIndex:
    """Numbered spans (a number may have several spans), found by a span near them."""

    def __init__(self) -> None:
        self._buckets: dict[int, list[int]] = {}

    def add(self, number: int, spans: Iterable[tuple[int, int]]) -> None:
        """File span-holder ``number`` (added in increasing order) under ``spans``."""
        keys: set[int] = set()
        for start, end in spans:
            keys.update(_buckets(start, end))
        for key in keys:
            self._buckets.setdefault(key, []).append(number)

    def near(self, start: int, end: int) -> list[int]:
        """Numbers, in increasing order, of every holder with a span sharing a
        character with ``start .. end`` (or holding ``start`` when the span is
        empty), and possibly some others."""
        found: set[int] = set()
        for key in _buckets(start, end):
            found.update(self._buckets.get(key, ()))
        return sorted(found)
