"""The entry points: parse articles (in batches, optionally shared out to
forked processes) and run every rule over each token that can head a relation
(a cue verb form, a cue noun, "according")."""

from __future__ import annotations

import gc
import multiprocessing as mp
from collections.abc import Sequence
from functools import lru_cache, partial

from spacy.tokens import Doc

from summarize.evidence.attribution.according_to import according_to
from summarize.evidence.attribution.assembly import dedupe, finish, join_split_quotes
from summarize.evidence.attribution.nouns import noun_relation
from summarize.evidence.attribution.relation import Relation
from summarize.evidence.attribution.verbs import verb_relation
from summarize.evidence.cues import cue_lemma, form_table
from summarize.evidence.layout import parse_view
from summarize.evidence.markers import dash_bylines, speaker_labels
from summarize.evidence.nlp import load_nlp, parse_texts
from summarize.evidence.quotes import quote_regions
from summarize.evidence.types import Attribution
from summarize.lang.verbs import NOUN_CUES
from summarize.models import Article


def extract_attributions(article: Article) -> list[Attribution]:
    """Every attribution relation in ``article``, in text order."""
    return extract_many([article])[0]


def extract_many(
    articles: Sequence[Article], *, batch_size: int = 32, n_process: int = 1
) -> list[list[Attribution]]:
    """:func:`extract_attributions` for many articles, parsed in batches.

    ``n_process > 1`` shares the articles out to ``n_process - 1`` forked worker
    processes (where the platform can fork), which inherit the already loaded
    pipeline, and this process, which takes the first share itself."""
    nlp = load_nlp()
    if n_process > 1 and len(articles) > 1 and "fork" in mp.get_all_start_methods():
        shares = _balanced_shares([len(a.text) for a in articles], n_process)
        chunks = [[articles[i] for i in share] for share in shares]
        gc.freeze()  # the loaded pipeline is shared: no collector pass copies its pages
        try:
            with mp.get_context("fork").Pool(n_process - 1) as pool:
                rest = pool.map_async(partial(_extract_chunk, batch_size=batch_size), chunks[1:])
                parts = [_extract_chunk(chunks[0], batch_size), *rest.get()]
        finally:
            gc.unfreeze()
        out: list[list[Attribution]] = [[] for _ in articles]
        for share, part in zip(shares, parts, strict=True):
            for i, rels in zip(share, part, strict=True):
                out[i] = rels
        return out
    texts = (parse_view(a.text) for a in articles)
    docs = parse_texts(nlp, texts, batch_size=batch_size, names=[a.id for a in articles])
    return [attributions_from_doc(a, d) for a, d in zip(articles, docs, strict=True)]


def _balanced_shares(sizes: Sequence[int], n: int) -> list[list[int]]:
    """Indices of ``sizes`` dealt into ``n`` shares of near-equal total size
    (longest first, each to the lightest share), each share in input order:
    parse time grows with text length, so equal counts can leave one process
    idle while the other still parses."""
    shares: list[list[int]] = [[] for _ in range(n)]
    loads = [0] * n
    for i in sorted(range(len(sizes)), key=lambda k: -sizes[k]):
        lightest = loads.index(min(loads))
        shares[lightest].append(i)
        loads[lightest] += sizes[i]
    return [sorted(share) for share in shares]


def _extract_chunk(articles: list[Article], batch_size: int) -> list[list[Attribution]]:
    return extract_many(articles, batch_size=batch_size, n_process=1)


def attributions_from_doc(article: Article, doc: Doc) -> list[Attribution]:
    """Attribution relations of ``article`` given its parse ``doc`` (of ``parse_view(text)``)."""
    text = article.text
    quotes = quote_regions(text)
    relations: list[Relation] = []
    candidates = _candidate_words()
    for tok in doc:
        if tok.lower_ not in candidates:  # most tokens: one look-up, no rule runs
            continue
        rel = according_to(tok, text) if tok.lower_ == "according" else None
        if rel is None and tok.tag_.startswith("VB"):
            lemma = cue_lemma(tok.text)
            if lemma is not None:
                rel = verb_relation(tok, lemma, text, quotes)
        elif rel is None and tok.tag_.startswith("NN") and tok.lower_ in NOUN_CUES:
            rel = noun_relation(tok, text, quotes)
        if rel is not None:
            relations.append(rel)
    for mark in [*speaker_labels(text), *dash_bylines(text, quotes)]:
        relations.append(
            Relation(mark.source, mark.cue, [mark.content], "say", doc, mark.source, marked=True)
        )
    relations = dedupe(relations)
    join_split_quotes(relations, text, quotes)
    return finish(article, relations, quotes)


@lru_cache(maxsize=1)
def _candidate_words() -> frozenset[str]:
    """Lower-cased words that can head a relation: cue verb forms, cue nouns, "according"."""
    return frozenset(form_table()) | frozenset(NOUN_CUES) | {"according"}
