"""Attribution extraction: (source, cue, content) relations with offsets.

Rules over a spaCy dependency parse. A cue is a reporting verb from
:mod:`summarize.evidence.cues` (with its auxiliaries, negation and adverbs
just before it, "has also denied") or the phrase "according to". Its source
is the verb's subject (inherited from the governing verb for "..., adding
that ..."); its content the clause it governs (or the direct object for verbs
such as "denied"), widened to the whole quotation when the clause lies inside
one, so multi-sentence quotes before "..., he said" are kept whole. A quote
that is split by its cue ("A," he said, "B.") gets both pieces. Pronoun and
surname-only sources are resolved to the last named source before them.

Only the attributions the article itself makes are reported. Speech reported
inside another relation's content ("Trump said Clinton once described the
deal as ...") or inside a direct quotation is part of that content: the outer
speaker's words, not the article's own attribution to the inner one.

The rules are pure functions over a parsed :class:`spacy.tokens.Doc`, one
module per kind of relation, each returning a small :class:`Relation` record:
:mod:`.verbs` (with :mod:`.subjects` and :mod:`.clauses` for who speaks and
what is said), :mod:`.nouns`, :mod:`.according_to`; :mod:`.spans` holds the
span arithmetic they share, :mod:`.assembly` turns their matches into
:class:`~summarize.evidence.types.Attribution` records and :mod:`.extract`
runs them over articles."""

from summarize.evidence.attribution.extract import (
    attributions_from_doc,
    extract_attributions,
    extract_many,
)

__all__ = ["attributions_from_doc", "extract_attributions", "extract_many"]
