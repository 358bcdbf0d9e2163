"""English language data: every word list the pipeline's rules read, each
defined once, one module per kind (as spaCy keeps ``spacy/lang/en/``):

* :mod:`.calendar`: weekdays, months, relative days;
* :mod:`.numbers`: number words and their values;
* :mod:`.function_words`: stop words, articles, determiners, pronouns, auxiliaries;
* :mod:`.titles`: titles and roles, organisation words, nouns that name evidence;
* :mod:`.verbs`: reporting (cue) verbs and nouns, their forms, and the cue
  groups statements and labels are built from;
* :mod:`.abbreviations`: abbreviations whose period ends no sentence;
* :mod:`.casualties`: the words of casualty and damage figures.

The lists are Python modules rather than data files: they are typed (mypy
checks every use), loaded once by the import system, need no packaging of
data files, and some carry values (number words, cue nouns to verb lemmas) or
order (weekdays, months). Word sets are written as sorted, white-space
separated text; ``tests/test_lang.py`` checks that (lower case, sorted, no
duplicate) and that no module outside this package spells out a list of its
own."""

from __future__ import annotations


def word_set(text: str) -> frozenset[str]:
    """The white-space separated words of ``text``."""
    return frozenset(text.split())
