"""Cue verbs by their inflected forms, so no lemmatizer has to run (the word
lists themselves are in :mod:`summarize.lang.verbs`)."""

from __future__ import annotations

from functools import lru_cache

from summarize.lang.verbs import (
    COGNITION_VERBS,
    IRREGULAR_FORMS,
    OBJECT_VERBS,
    PREP_VERBS,
    SPEECH_VERBS,
    XCOMP_VERBS,
)

#: Every lemma that can head a verb cue.
ALL_CUE_VERBS: frozenset[str] = (
    SPEECH_VERBS | COGNITION_VERBS | OBJECT_VERBS | XCOMP_VERBS | frozenset(PREP_VERBS)
)


def _regular_forms(lemma: str) -> tuple[str, ...]:
    if lemma.endswith("e"):
        return (lemma + "s", lemma + "d", lemma[:-1] + "ing")
    if lemma.endswith("y") and lemma[-2:-1] not in tuple("aeiou"):
        return (lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing")
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        return (lemma + "es", lemma + "ed", lemma + "ing")
    return (lemma + "s", lemma + "ed", lemma + "ing")


@lru_cache(maxsize=1)
def form_table() -> dict[str, str]:
    """Lower-cased inflected form -> lemma for every cue verb."""
    table: dict[str, str] = {}
    for lemma in sorted(ALL_CUE_VERBS):
        forms = IRREGULAR_FORMS.get(lemma) or _regular_forms(lemma)
        table.setdefault(lemma, lemma)
        for form in forms:
            table.setdefault(form, lemma)
    return table


def cue_lemma(word: str) -> str | None:
    """The cue lemma of an inflected ``word`` (any case), or None if it is no cue verb."""
    return form_table().get(word.lower().replace("\u2019", "'"))
