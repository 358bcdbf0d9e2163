"""From rule matches to reported relations: one relation per cue, split
quotes joined, speakers resolved, relations inside another's content dropped,
and the result as :class:`~summarize.evidence.types.Attribution` records."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Sequence

from summarize.evidence.attribution.relation import Relation
from summarize.evidence.attribution.spans import DATELINE_RE, TRIM
from summarize.evidence.quotes import ends_quote, starts_quote
from summarize.evidence.sentences import sentence_bounds
from summarize.evidence.speakers import Speaker, SpeakerMemory, describe_source
from summarize.evidence.types import Attribution, Span
from summarize.intervals import SpanIndex
from summarize.models import Article

_CONTINUE_GAP_RE = re.compile(r"^[^\"\u201c\u201d\n]{0,80}?\n?\n?[ \t]*$")


def dedupe(relations: list[Relation]) -> list[Relation]:
    seen: dict[tuple[int, int], Relation] = {}
    for rel in relations:
        seen.setdefault(rel.cue, rel)
    return sorted(seen.values(), key=lambda r: r.cue)


def join_split_quotes(
    relations: list[Relation], text: str, quotes: Sequence[tuple[int, int]]
) -> None:
    """Give a quote that ends before its cue the quotes that carry on after it
    ("A," he said. "B." / "A," he said, "B.") unless another cue claims them."""
    starts = [q[0] for q in quotes]  # in text order, as quote_regions gives them
    claimed = {
        quotes[k]
        for r in relations
        for c in r.content
        for k in range(bisect.bisect_left(starts, c[0]), bisect.bisect_left(starts, c[1]))
    }
    for rel in relations:
        c_start, c_end = rel.content[-1]
        if not starts_quote(text[c_start:]) or c_end > rel.cue[0]:
            continue
        pos = max(rel.cue[1], rel.source[1])
        k = bisect.bisect_left(starts, pos)
        while k < len(quotes) and quotes[k] not in claimed:
            if not _CONTINUE_GAP_RE.match(text[pos : quotes[k][0]]):
                break
            rel.content.append(quotes[k])
            claimed.add(quotes[k])
            pos = quotes[k][1]
            k += 1


def _content_span(text: str, bounds: tuple[int, int]) -> Span:
    start, end = bounds
    while start < end and text[start] in " \t\r\n":
        start += 1
    dateline = DATELINE_RE.match(text, start, end)  # "WASHINGTON \u2015 Trump's ...": not said
    if dateline is not None and dateline.end() < end:
        start = dateline.end()
    while end > start and text[end - 1] in TRIM and not ends_quote(text[start:end]):
        end -= 1
    return Span(start=start, end=end, text=text[start:end])


def _enclosing(relations: Sequence[Relation], can_enclose: Sequence[bool]) -> list[Relation | None]:
    """For each relation, the first relation that ``can_enclose`` and whose content
    holds its cue (it is reported inside that one), or None. (Found among the
    relations whose content lies near the cue, not by a pass over all of them.)"""
    index = SpanIndex()
    for n, other in enumerate(relations):
        if can_enclose[n]:
            index.add(n, other.content)
    out: list[Relation | None] = []
    for rel in relations:
        out.append(
            next(
                (
                    relations[n]
                    for n in index.near(rel.cue[0], rel.cue[0] + 1)
                    if relations[n] is not rel
                    and any(c[0] <= rel.cue[0] < c[1] for c in relations[n].content)
                ),
                None,
            )
        )
    return out


def _inside_quote(quotes: Sequence[tuple[int, int]]) -> Callable[[int], bool]:
    """``pos -> any(a < pos < b for a, b in quotes)`` by binary search (``quotes`` in
    text order: the quotes starting before ``pos`` are a prefix, the furthest end
    among them decides)."""
    starts = [a for a, _ in quotes]
    furthest = list(itertools.accumulate((b for _, b in quotes), max))

    def inside(pos: int) -> bool:
        k = bisect.bisect_left(starts, pos)
        return k > 0 and furthest[k - 1] > pos

    return inside


def _in_cue_sentence(
    text: str, content: tuple[int, int], cue: tuple[int, int], opening: int
) -> tuple[int, int]:
    """``content`` without what precedes the cue's sentence (``opening``) when the
    content is no quotation and comes before the cue: the parser can run a
    headline glued to the body into the first sentence ("X: MP stabbed to death.
    The MP has died, police said."), and the police did not say the headline."""
    start, end = content
    if start < opening < end <= cue[0] and not starts_quote(text[start:end].lstrip()):
        return opening, end
    return content


def finish(
    article: Article, relations: list[Relation], quotes: Sequence[tuple[int, int]]
) -> list[Attribution]:
    text = article.text
    sentence_starts = [start for start, _ in sentence_bounds(text)]
    memory = SpeakerMemory()
    resolved: dict[int, Speaker] = {}
    inside_quote = _inside_quote(quotes)
    # A cue inside a quotation reports nothing of the article's own (it is the
    # quoted speaker's words), so it hides no relation either: the end of
    # '"I would say, 'That's ridiculous,'" the president added' is not the
    # inner "say"'s content but the president's attribution.
    outers = _enclosing(relations, [not inside_quote(rel.cue[0]) for rel in relations])
    for n, rel in enumerate(relations):
        if rel.marked:
            resolved[n] = memory.resolve(Speaker(name=text[slice(*rel.name)], person=True))
            continue
        if outers[n] is not None:
            continue  # reported inside another relation's content: not reported, not remembered
        doc_span = rel.doc.char_span(*rel.name, alignment_mode="expand")
        if doc_span is None or rel.source[1] <= rel.source[0]:
            continue
        resolved[n] = memory.resolve(describe_source(doc_span))
    out: list[Attribution] = []
    for n, rel in enumerate(relations):
        k = bisect.bisect_right(sentence_starts, rel.cue[0]) - 1
        opening = sentence_starts[k] if k >= 0 and not rel.marked else 0  # a byline's quote
        parts = [
            _content_span(text, _in_cue_sentence(text, c, rel.cue, opening)) for c in rel.content
        ]
        parts = [p for p in parts if p.end > p.start]
        if not parts or n not in resolved:
            continue
        if outers[n] is not None or inside_quote(rel.cue[0]):
            continue  # reported speech inside another's words: part of their content
        speaker = resolved[n]
        source = Span(start=rel.source[0], end=rel.source[1], text=text[slice(*rel.source)])
        cue = Span(start=rel.cue[0], end=rel.cue[1], text=text[rel.cue[0] : rel.cue[1]])
        out.append(
            Attribution(
                id=f"{article.id}:a{len(out) + 1}",
                document=article.id,
                sentence_id=f"{article.id}:s{k + 1}" if k >= 0 else None,
                source=source,
                source_name=speaker.name,
                role=speaker.role,
                cue=cue,
                content=parts[0],
                direct=rel.marked or starts_quote(parts[0].text),  # a "Name:" line is theirs
                content_parts=parts if len(parts) > 1 else [],
                cue_lemma=rel.lemma,
                content_is_object=rel.object,
            )
        )
    return out
