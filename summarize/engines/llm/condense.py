"""What of each article goes into a model prompt.

Fewer tokens, nothing lost:

- a passage that several articles carry near-verbatim (wire copy, syndicated
  quotes) is kept in the first article that runs it, and that article's notes
  credit every other outlet that ran it; the later copies are left out, with a
  note saying where the passage went;
- a passage an article repeats is kept once;
- boilerplate is dropped: photo credits ("Photo: Anadolu Images"), "Read more"
  lines, copyright lines, bylines ("*Writing by ..."), "Published Date:" lines,
  lone source credits such as "(Al Jazeera)", and a page's bulleted metadata
  block ("- World", "- Agencies", "- Published Date: ...").

Copies are found here, on sentences that never split a quotation, compared on
a folded form (case, quote marks, dashes, "U.S."/"US"/"United States" made one),
and only when at least 80% of a passage's word trigrams occur in one earlier
passage, or when every word of it that does not line up with the earlier one is
a filler word ("the", "on", "had", "many" ...; never a name, figure or
negation): a later passage that adds something (a different attribution, an
extra clause) is kept whole. (``bundle.duplicates`` groups looser matches for
counting and crediting; dropping those would lose the added text.)

A left-out copy that introduces a speaker by full name ("Hikmet Hajiyev,
assistant to the Azerbaijani president, said") is put back when the rest of
its document never names them so: its later "Hajiyev said" and "he said" lines
must still tell who speaks.

An article the evidence stage's relevance check (``bundle.relevance``)
judges to report another incident *with confidence* (both hard signals: its
figures occur in no other article and it dates its report to another day) is
shortened to its opening and its sentences with figures or dates, with a note
giving the reason; the model still lists it and judges it itself.

Whatever is kept is a verbatim substring of the article: kept sentences are
joined by a single space or newline, so every line of a prompt document occurs
in the article after white-space folding (the folding the verifier applies), and
quotes the model copies from a prompt document stay checkable.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from pydantic import BaseModel, Field

from summarize.evidence.sentences import is_abbreviation, trim_spans
from summarize.evidence.types import EvidenceBundle
from summarize.lang.calendar import MONTHS, WEEKDAYS
from summarize.lang.function_words import FILLER_WORDS
from summarize.models import Article
from summarize.textnorm import fold_casefold

#: A passage shorter than this many words is never treated as a duplicate
#: ("he said.", a one-word heading): too little text to tell wire copy apart.
MIN_DUPLICATE_WORDS = 6
#: Share of a passage's word trigrams found in one earlier passage above which
#: the later passage counts as a copy of the earlier one.
NEAR_DUPLICATE_SHARE = 0.8
#: A bulleted item of at most this many words, in a run of bullets holding a
#: "Published Date:" line, is page metadata (a section or agency tag).
METADATA_ITEM_WORDS = 4
#: Trigrams shared by more passages than this are too common to index.
_MAX_POSTINGS = 200

_LINE_BOILERPLATE = [
    re.compile(p, re.I)
    for p in (
        r"^(copyright\b|©|\(c\)\s*\d{4}).*",
        r".*\ball rights reserved\b.*",
        r"^\*?\s*(additional\s+)?(writing|written|reporting|editing|edited|compiled)\s+by\b.*",
        r"^by\s+[A-Z][\w.'-]+(\s+(and\s+)?[A-Z][\w.'-]+){0,4}\s*$",
        r"^[-•*]?\s*(published|modified|updated|last\s+updated)(\s+(date|on|at))?\s*:.*",
        r"^(read\s+more|read\s+also|also\s+read|see\s+also|related\s*(stories|articles)?\s*:)"
        r".{0,120}$",
        r"^\([^()\n]{1,40}\)$",
        r"^(advertisement|share|share this( article)?|subscribe.{0,60}|sign up.{0,60})$",
    )
]
_UNIT_BOILERPLATE = re.compile(
    r"^(photo|photos|image|picture|video|file photo)(\s+credit)?\s*:\s*[^.!?]{0,60}[.]?$", re.I
)
_WORD_RE = re.compile(r"\w+")
#: Spellings folded together before passages are compared (never in what is shown).
_COMPARE_FOLD_RE = re.compile(
    r"\bu\.\s?([skn])\.(?!\w)|\bunited (states|kingdom|nations)\b|\bcease-fire\b"
)
#: Share of a passage's words that must line up, in order, with an earlier
#: passage for the two to be compared as copies in substance.
SUBSTANCE_SHARE = 0.75
_LIST_ITEM_RE = re.compile(r"^\s*[-•*]\s")


class PromptDocument(BaseModel):
    """One article as the model sees it."""

    id: str
    outlet: str | None = None
    title: str | None = None
    published: dt.date | None = None
    text: str
    notes: list[str] = Field(
        default_factory=list,
        description="What was left out, e.g. a passage carried by another document.",
    )


@dataclass
class _Unit:
    """One sentence of one article, and what became of it."""

    doc: int
    start: int
    end: int
    text: str
    folded: str  # fold_casefold(text)
    words: list[str]
    dropped: str | None = None  # "boilerplate", "repeat", "copy" or "off-event"
    grams: set[tuple[str, ...]] | None = None
    copy_of: _Unit | None = None


@dataclass
class _Doc:
    article: Article
    units: list[_Unit] = field(default_factory=list)


def _label(article: Article) -> str:
    return f"{article.id} ({article.outlet})" if article.outlet else article.id


def _opening(text: str, words: int = 5) -> str:
    parts = text.strip("\"'\u201c\u201d\u2018\u2019 ").split()
    head = " ".join(parts[:words])
    return f'"{head}…"' if len(parts) > words else f'"{head}"'


def _boilerplate_lines(text: str) -> list[tuple[int, int]]:
    """Spans of whole lines that are boilerplate: lines matching a boilerplate
    pattern, and the short items of a bulleted run that holds one (a page's
    metadata block: "- World", "- Agencies", "- Published Date: ...")."""
    spans: list[tuple[int, int]] = []
    run: list[tuple[int, int]] = []
    run_is_metadata = False

    def close_run() -> None:
        if run_is_metadata:
            spans.extend(
                (a, b)
                for a, b in run
                if (a, b) not in spans and len(text[a:b].split()) <= METADATA_ITEM_WORDS + 1
            )

    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        span = (pos, pos + len(line))
        if stripped and any(p.match(stripped) for p in _LINE_BOILERPLATE):
            spans.append(span)
            run_is_metadata = run_is_metadata or bool(_LIST_ITEM_RE.match(line))
        if _LIST_ITEM_RE.match(line):
            run.append(span)
        else:
            close_run()
            run, run_is_metadata = [], False
        pos += len(line) + 1
    close_run()
    return sorted(spans)


_TERMINAL = ".!?"
_OPENERS = "\"\u201c'("
_CLOSERS = "\"'\u201d\u2019)]"


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def _ends_sentence(line: str) -> bool:
    stripped = line.rstrip().rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _TERMINAL + ":"


def _blocks(text: str, standalone: set[int]) -> list[tuple[int, int]]:
    """Runs of lines that belong together: a line break ends a block after a
    blank line, after a line that ends a sentence, or after a short heading (a
    short line the next line does not continue in lower case); otherwise it is a
    hard wrap inside a sentence. Lines starting at an offset
    in ``standalone`` (boilerplate, list items) are blocks of their own."""
    blocks: list[tuple[int, int]] = []
    current: tuple[int, int] | None = None
    lines = _line_spans(text)
    for n, (start, end) in enumerate(lines):
        line = text[start:end]
        following = text[lines[n + 1][0] : lines[n + 1][1]].lstrip() if n + 1 < len(lines) else ""
        if not line.strip() or start in standalone:
            if current:
                blocks.append(current)
            current = None
            if line.strip():
                blocks.append((start, end))
            continue
        current = (current[0], end) if current else (start, end)
        words = len(line.split())
        if _ends_sentence(line) or (words <= 5 and not following[:1].islower()):
            blocks.append(current)
            current = None
    if current:
        blocks.append(current)
    return blocks


def _split_block(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences of one block; a quotation is never split."""
    spans: list[tuple[int, int]] = []
    in_quote = False
    unit_start = start
    i = start
    while i < end:
        ch = text[i]
        if ch == "\u201c":
            in_quote = True
        elif ch == "\u201d":
            in_quote = False
        elif ch == '"':
            in_quote = not in_quote
        elif ch in _TERMINAL and not in_quote:
            j = i + 1
            while j < end and text[j] in _TERMINAL + _CLOSERS:
                j += 1
            k = j
            while k < end and text[k].isspace():
                k += 1
            starts_new = k < end and (text[k].isupper() or text[k].isdigit() or text[k] in _OPENERS)
            if k > j and starts_new and not (ch == "." and is_abbreviation(text, i)):
                spans.append((unit_start, j))
                unit_start = k
                i = k
                continue
            i = j
            continue
        i += 1
    spans.append((unit_start, end))
    return trim_spans(text, spans)


def _segment(index: int, article: Article) -> _Doc:
    doc = _Doc(article)
    text = article.text
    dropped_lines = _boilerplate_lines(text)
    standalone = {a for a, _ in dropped_lines} | {
        a for a, b in _line_spans(text) if _LIST_ITEM_RE.match(text[a:b])
    }
    for block_start, block_end in _blocks(text, standalone):
        for start, end in _split_block(text, block_start, block_end):
            unit = _Unit(
                doc=index,
                start=start,
                end=end,
                text=text[start:end],
                folded=(folded := fold_casefold(text[start:end])),
                words=_compare_words(folded),
            )
            inside_dropped_line = any(a <= start and end <= b for a, b in dropped_lines)
            if inside_dropped_line or _UNIT_BOILERPLATE.match(unit.text):
                unit.dropped = "boilerplate"
            doc.units.append(unit)
    return doc


def _compare_words(folded: str) -> list[str]:
    """The words a passage is compared by, from its folded, case-folded text:
    common spelling variants made one ("U.S." and "United States" are "us")."""
    return _WORD_RE.findall(_COMPARE_FOLD_RE.sub(_compare_fold, folded))


def _compare_fold(m: re.Match[str]) -> str:
    if m.group(1):
        return "u" + m.group(1)
    if m.group(2):
        return {"states": "us", "kingdom": "uk", "nations": "un"}[m.group(2)]
    return "ceasefire"


def _same_in_substance(words: list[str], earlier: list[str]) -> bool:
    """True when every word of ``words`` that does not line up with ``earlier``
    (in order) is a filler word, and most of them line up: ``words`` then adds
    nothing to ``earlier`` (no other name, figure, negation or clause)."""
    known = set(earlier)
    if any(w not in known and w not in FILLER_WORDS for w in words):
        return False  # a word the earlier passage lacks: cheap to rule out first
    matcher = SequenceMatcher(None, words, earlier, autojunk=False)
    matched = [False] * len(words)
    for block in matcher.get_matching_blocks():
        for i in range(block.a, block.a + block.size):
            matched[i] = True
    if sum(matched) < SUBSTANCE_SHARE * len(words):
        return False
    return all(ok or w in FILLER_WORDS for w, ok in zip(words, matched, strict=True))


def _trigrams(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + 3]) for i in range(len(words) - 2)}


class _CopyFinder:
    """Finds, for a passage, an earlier kept passage it copies (exactly or nearly)."""

    def __init__(self) -> None:
        self._exact: dict[tuple[str, ...], _Unit] = {}
        self._postings: dict[tuple[str, ...], list[_Unit]] = {}

    def find(self, unit: _Unit) -> _Unit | None:
        key = tuple(unit.words)
        if key in self._exact:
            return self._exact[key]
        grams = unit.grams = _trigrams(unit.words)
        if not grams:
            return None
        shared: Counter[int] = Counter()
        by_id: dict[int, _Unit] = {}
        for gram in grams:
            for other in self._postings.get(gram, ()):
                shared[id(other)] += 1
                by_id[id(other)] = other
        for other_id, count in shared.most_common(3):
            other = by_id[other_id]
            if (
                count / len(grams) >= NEAR_DUPLICATE_SHARE
                and len(other.words) >= len(unit.words) * NEAR_DUPLICATE_SHARE
            ) or _same_in_substance(unit.words, other.words):
                return other
        return None

    def add(self, unit: _Unit) -> None:
        self._exact.setdefault(tuple(unit.words), unit)
        for gram in unit.grams if unit.grams is not None else _trigrams(unit.words):
            postings = self._postings.setdefault(gram, [])
            if len(postings) < _MAX_POSTINGS:
                postings.append(unit)


def _mark_copies(docs: Sequence[_Doc]) -> None:
    """Mark every passage that repeats an earlier kept one (input order wins)."""
    finder = _CopyFinder()
    for doc in docs:
        for unit in doc.units:
            if unit.dropped or len(unit.words) < MIN_DUPLICATE_WORDS:
                continue
            original = finder.find(unit)
            if original is not None:
                unit.dropped = "repeat" if original.doc == unit.doc else "copy"
                unit.copy_of = original
            else:
                finder.add(unit)


def _is_full_name(name: str) -> bool:
    """A speaker named by two to four capitalised words ("Hikmet Hajiyev"), not a
    description ("Many world powers, including Russia")."""
    words = name.split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() and w.isalpha() for w in words)


def _keep_introductions(docs: Sequence[_Doc], bundle: EvidenceBundle) -> None:
    """Put back a left-out copy that introduces a speaker by full name when the
    document's kept text never names them so: later "Hajiyev said" and "he said"
    lines must still tell who speaks."""
    index = {d.article.id: d for d in docs}
    kept_text: dict[str, str] = {}  # folded kept text per document, built when first needed
    for a in sorted(bundle.attributions, key=lambda a: (a.document, a.cue.start)):
        doc = index.get(a.document)
        if doc is None or not _is_full_name(a.source_name):
            continue
        if a.document not in kept_text:
            kept_text[a.document] = "\n".join(u.folded for u in doc.units if u.dropped is None)
        if fold_casefold(a.source_name) in kept_text[a.document]:
            continue
        at = a.source.start if a.source is not None else a.cue.start
        for unit in doc.units:
            if unit.start <= at < unit.end and unit.dropped in ("copy", "repeat"):
                unit.dropped, unit.copy_of = None, None
                kept_text[a.document] += "\n" + unit.folded
                break


_FIGURE_OR_DATE_RE = re.compile(
    rf"\b({'|'.join(WEEKDAYS)}|today|yesterday|{'|'.join(MONTHS)}|"
    r"jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|one|two|three|four|five|six|"
    r"seven|eight|nine|ten|eleven|twelve|dozens?|scores|hundreds?|thousands?|millions?)\b|\d",
    re.IGNORECASE,
)


def confident_off_event(bundle: EvidenceBundle) -> dict[str, str]:
    """Articles the evidence stage's relevance check judges to report another
    incident with confidence, with its reason: flagged by both hard signals,
    figures shared with no other article and a different day. (Wording overlap is
    a weak signal, as a translated article shares few words with the rest, so a
    verdict that rests on it never shortens an article.)"""
    return {
        v.document: v.reason or "a different incident"
        for v in bundle.relevance
        if not v.on_event and {"figures", "date"} <= set(v.signals)
    }


def _shorten_off_event(doc: _Doc, originals: set[int]) -> int:
    """Keep an off-event article's opening and its sentences with figures or dates
    (what the model needs to see that it reports another incident), and every
    passage another document's copy points to; returns how many sentences were
    left out."""
    left_out = 0
    opening = True
    for unit in doc.units:
        if unit.dropped:
            continue
        if opening or id(unit) in originals or _FIGURE_OR_DATE_RE.search(unit.text):
            opening = False
            continue
        unit.dropped = "off-event"
        left_out += 1
    return left_out


def _kept_text(article: Article, units: list[_Unit]) -> str:
    """The kept sentences, joined as the article joined them (a space, a line break,
    or a blank line between paragraphs, each collapsed to one), and a paragraph break
    where left-out text stood between them."""
    parts: list[str] = []
    previous: _Unit | None = None
    for unit in units:
        if previous is not None:
            between = article.text[previous.end : unit.start]
            if between.strip() or between.count("\n") > 1:
                parts.append("\n\n")
            else:
                parts.append("\n" if "\n" in between else " ")
        parts.append(unit.text)
        previous = unit
    return "".join(parts)


def _credits(docs: Sequence[_Doc]) -> dict[int, dict[int, list[_Unit]]]:
    """For each document, the other documents that ran its passages, and which."""
    credits: dict[int, dict[int, list[_Unit]]] = {}
    for doc in docs:
        for unit in doc.units:
            original = unit.copy_of
            if unit.dropped != "copy" or original is None:
                continue
            listed = credits.setdefault(original.doc, {}).setdefault(unit.doc, [])
            if all(u is not original for u in listed):
                listed.append(original)
    return credits


def _run_starts(doc: _Doc, originals: list[_Unit]) -> list[_Unit]:
    """The first passage of each run of neighbouring kept passages in ``originals``."""
    chosen = {id(u) for u in originals}
    starts: list[_Unit] = []
    previous_chosen = False
    for unit in doc.units:
        if unit.dropped:
            continue
        is_chosen = id(unit) in chosen
        if is_chosen and not previous_chosen:
            starts.append(unit)
        previous_chosen = is_chosen
    return starts


def _notes(doc: _Doc, docs: Sequence[_Doc], credited: dict[int, list[_Unit]]) -> list[str]:
    notes: list[str] = []
    # passages of this document that other documents also ran
    for other_index, originals in sorted(credited.items()):
        openings = ", ".join(_opening(u.text) for u in _run_starts(doc, originals))
        notes.append(f"Also run by {_label(docs[other_index].article)} (credit it too): {openings}")
    # passages of this document left out because another document carries them
    moved: Counter[int] = Counter(
        u.copy_of.doc for u in doc.units if u.dropped == "copy" and u.copy_of is not None
    )
    for source_index, count in sorted(moved.items()):
        notes.append(
            f"{count} passage(s) of this document also run by "
            f"{_label(docs[source_index].article)} are shown there only."
        )
    repeats = sum(1 for u in doc.units if u.dropped == "repeat")
    if repeats:
        notes.append(f"{repeats} passage(s) this document repeats are shown once.")
    return notes


def _off_event_note(reason: str, left_out: int) -> str:
    return (
        f"Shortened to its opening and sentences with figures or dates ({left_out} "
        f"other sentence(s) left out): an offline check finds {reason.rstrip('.')}. "
        "Still list it under documents; judge on_event yourself."
    )


def prompt_documents(
    bundle: EvidenceBundle, *, shorten_off_event: bool = True
) -> list[PromptDocument]:
    """The documents to put in the prompt, in input order, condensed as the module
    doc describes (``shorten_off_event=False`` keeps confidently off-event
    articles whole)."""
    docs = [_segment(n, a) for n, a in enumerate(bundle.articles)]
    _mark_copies(docs)
    _keep_introductions(docs, bundle)
    off_event = confident_off_event(bundle) if shorten_off_event else {}
    originals = {id(u.copy_of) for d in docs for u in d.units if u.copy_of is not None}
    shortened = {
        d.article.id: _shorten_off_event(d, originals) for d in docs if d.article.id in off_event
    }
    credits = _credits(docs)
    out: list[PromptDocument] = []
    for n, doc in enumerate(docs):
        a = doc.article
        kept = [u for u in doc.units if u.dropped is None]
        notes = _notes(doc, docs, credits.get(n, {}))
        if shortened.get(a.id):
            notes.append(_off_event_note(off_event[a.id], shortened[a.id]))
        out.append(
            PromptDocument(
                id=a.id,
                outlet=a.outlet,
                title=a.title,
                published=a.published,
                text=_kept_text(a, kept),
                notes=notes,
            )
        )
    return out


def plain_prompt_documents(bundle: EvidenceBundle) -> list[PromptDocument]:
    """Every article whole, as it would go into a prompt without condensing."""
    return [
        PromptDocument(id=a.id, outlet=a.outlet, title=a.title, published=a.published, text=a.text)
        for a in bundle.articles
    ]
