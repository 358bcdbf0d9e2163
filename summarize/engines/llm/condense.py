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

The units are the evidence stage's sentences (``bundle.sentences``, which
never split a quotation) and the candidates for copies its duplicate groups
(``bundle.duplicates``, :mod:`summarize.evidence.duplicates`), which group
looser matches for counting and crediting. A candidate is left out only when
it copies an earlier kept member in substance, compared on a folded form (case,
quote marks, dashes, "U.S."/"US"/"United States" made one): at least 80% of its
word trigrams occur in that member, or every word of it that does not line up
is a filler word ("the", "on", "had", "many" ...; never a name, figure or
negation). A later passage that adds something (a different attribution, an
extra clause) is kept whole. A passage a document repeats word for word is
kept once.

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

from summarize.engines.llm.pointers import bundle_duplicates, bundle_sentences
from summarize.evidence.types import DuplicateGroup, EvidenceBundle, Sentence
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
    sentences: list[Sentence] = Field(
        default_factory=list,
        description="The evidence-stage sentences shown, each with its id: every sentence "
        "that overlaps a kept passage.",
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


def _segment(index: int, article: Article, sentences: Sequence[Sentence]) -> _Doc:
    """The article's units: the evidence stage's sentences, boilerplate marked."""
    doc = _Doc(article)
    text = article.text
    dropped_lines = _boilerplate_lines(text)
    for sentence in sentences:
        start, end = sentence.start, sentence.end
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


def _copies(unit: _Unit, earlier: _Unit) -> bool:
    """True when ``unit`` says nothing ``earlier`` does not: most of its word
    trigrams occur in it (and it is not much shorter), or every word that does
    not line up is a filler word."""
    grams = _trigrams(unit.words)
    if grams and len(earlier.words) >= len(unit.words) * NEAR_DUPLICATE_SHARE:
        shared = len(grams & _trigrams(earlier.words)) / len(grams)
        if shared >= NEAR_DUPLICATE_SHARE:
            return True
    return _same_in_substance(unit.words, earlier.words)


def _mark_copies(docs: Sequence[_Doc], duplicates: Sequence[DuplicateGroup]) -> None:
    """Mark every passage that repeats an earlier kept one (input order wins): a
    document's own repeats by their compared words, and passages of the evidence
    stage's duplicate groups (:mod:`summarize.evidence.duplicates`) that copy
    the group's earlier kept member in substance (:func:`_copies`)."""
    for doc in docs:
        seen: dict[tuple[str, ...], _Unit] = {}
        for unit in doc.units:
            if unit.dropped or len(unit.words) < MIN_DUPLICATE_WORDS:
                continue
            key = tuple(unit.words)
            if key in seen:
                unit.dropped, unit.copy_of = "repeat", seen[key]
            else:
                seen[key] = unit
    at = {(d.article.id, u.start): u for d in docs for u in d.units}
    for group in duplicates:
        members = [
            at[(doc, span.start)]
            for doc, span in zip(group.documents, group.occurrences, strict=False)
            if span is not None and (doc, span.start) in at
        ]
        kept: list[_Unit] = []
        for unit in sorted(members, key=lambda u: (u.doc, u.start)):
            if unit.dropped:
                continue
            original = next((k for k in kept if _copies(unit, k)), None)
            if original is None:
                kept.append(unit)
            else:
                unit.dropped, unit.copy_of = "copy", original


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
    by_doc = _sentences_by_document(bundle)
    docs = [_segment(n, a, by_doc.get(a.id, [])) for n, a in enumerate(bundle.articles)]
    _mark_copies(docs, bundle_duplicates(bundle))
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
        shown = [
            s
            for s in by_doc.get(a.id, [])
            if any(u.start < s.end and s.start < u.end for u in kept)
        ]
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
                sentences=shown,
            )
        )
    return out


def _sentences_by_document(bundle: EvidenceBundle) -> dict[str, list[Sentence]]:
    by_doc: dict[str, list[Sentence]] = {}
    for sentence in bundle_sentences(bundle):
        by_doc.setdefault(sentence.document, []).append(sentence)
    return by_doc


def plain_prompt_documents(bundle: EvidenceBundle) -> list[PromptDocument]:
    """Every article whole, as it would go into a prompt without condensing."""
    by_doc = _sentences_by_document(bundle)
    return [
        PromptDocument(
            id=a.id,
            outlet=a.outlet,
            title=a.title,
            published=a.published,
            text=a.text,
            sentences=by_doc.get(a.id, []),
        )
        for a in bundle.articles
    ]
