"""Closed-class words: stop words, articles and determiners, pronouns, auxiliaries."""

from __future__ import annotations

from summarize.lang import word_set

#: Words that say nothing about what an article is about: left out when articles,
#: titles and claims are compared by their content words.
FUNCTION_WORDS: frozenset[str] = word_set(
    """
    a about after all also an and any are as at be been before being but by can
    could for from had has have he her him his in into is it its just least more
    most new no not of on one only or other our out over per said says she should
    some such than that the their them then there these they this those three to
    two very was we were what when where which while who whom will with would
    """
)
#: The articles, in the order a leading one is stripped from a name.
ARTICLES: tuple[str, ...] = ("the", "a", "an")
#: Words that make the next word a noun ("the report", "a claim").
DETERMINERS: frozenset[str] = word_set("a an every no the these this those")
#: Auxiliary and modal verbs: a clause that starts with one has lost its subject.
AUXILIARIES: frozenset[str] = word_set(
    """
    are be been can could did do does had has have is may might must should was were
    will would
    """
)
#: Third-person pronouns a source can be named by ("he said").
THIRD_PERSON: frozenset[str] = word_set("he her him it she them they")
#: Pronouns that stand for one person, not a body.
GENDERED: frozenset[str] = word_set("he her him she")
#: First-person pronouns: a speaker talking of themselves, never a name to remember.
FIRST_PERSON: frozenset[str] = word_set("i me us we")
#: Speaker "names" that say nothing about who speaks.
NAMELESS: frozenset[str] = word_set("he i it one she that these they this those we which who you")
#: Openers that tie a sentence to the one before it ("However, ...", "On the other
#: hand, ..."): out of its article such a sentence does not stand on its own.
CONNECTIVES: frozenset[str] = word_set(
    "additionally also besides but consequently furthermore hence however instead "
    "meanwhile moreover nevertheless nonetheless otherwise still therefore thus yet"
)
#: Demonstratives that open a sentence by pointing back ("This was ...").
POINTING: frozenset[str] = word_set("that these this those")
CONNECTIVE_PHRASES: tuple[str, ...] = (
    "on the other hand",
    "in addition",
    "as a result",
    "at the same time",
    "by contrast",
    "in contrast",
)
#: Conjunctions that open a clause joined to the one before ("..., and two people died").
CLAUSE_JOINERS: frozenset[str] = word_set("and as but or so while")
#: Possessors that name no source ("its claim that ..."; "his", "her", "their"
#: stand for a named one).
UNNAMED_POSSESSORS: frozenset[str] = word_set("its my our your")
#: Possessive pronouns: "denied that its army ..." speaks of the denier's own side.
POSSESSIVE_PRONOUNS: frozenset[str] = word_set("her his its my our their your")
#: Prepositions whose gerund shares the subject of the verb they modify ("began
#: by saying").
GERUND_SUBJECT_PREPOSITIONS: frozenset[str] = word_set("after before by while without")
#: Words a statement may open with in lower case ("the", "some", "three").
LOWERABLE_OPENERS: frozenset[str] = word_set(
    """
    a about all an at dozens eight five four hundreds it its less many more most
    nine no one seven several six some ten that the there these this those three
    twelve two
    """
)
#: Words whose presence or absence does not change what a passage reports: a
#: later passage that differs from an earlier one only by these (and by
#: punctuation, dashes, quote marks, spellings folded) is a copy in substance.
#: No negation, number or name is among them.
FILLER_WORDS: frozenset[str] = word_set(
    """
    a about also an and are at been by for had has have in is many of on s some
    that the to was were which
    """
)
#: Words a title-case headline leaves in lower case ("Man Killed in Crash on Route 9").
TITLE_CASE_MINOR_WORDS: frozenset[str] = word_set(
    """
    a an and are as at be but by for from in into is it its
    nor of off on or out over per than the to up via vs was with
    """
)

#: Words that negate a clause.
NEGATION_WORDS: frozenset[str] = word_set(
    """
    neither never no nobody none nor not nothing
    """
)
#: Function words (with NAME_GLUE) left out when a statement's content words are compared.
CONTENT_STOP_WORDS: frozenset[str] = word_set(
    """
    also are as at be been but by can could from had has have he her here his i if is it its
    may might must on or our said say says she should so than that their then there these they
    this those to told was we were will with would you
    """
)
