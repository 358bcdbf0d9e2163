"""The cue lexicon: verbs that attribute content to a source, by lemma, with
their inflected forms (so no lemmatizer has to run)."""

from __future__ import annotations

from functools import lru_cache


def word_set(text: str) -> frozenset[str]:
    """The white-space separated words of ``text``."""
    return frozenset(text.split())


#: Verbs of saying and reporting: they attribute whatever clause or quote they govern.
SPEECH_VERBS: frozenset[str] = word_set(
    """
    say tell add deny claim announce report warn tweet stress note write condemn
    state declare insist argue assert allege explain reply respond ask
    acknowledge admit concede confirm reveal disclose suggest mention remark comment
    observe emphasize emphasise reiterate repeat predict promise pledge vow vowed
    charge accuse blame complain lament recall testify estimate conclude contend
    inform predict speculate hint indicate point caution
    boast brag joke quip shout yell scream cry whisper recount describe urge demand
    announce proclaim retort counter rebut dispute reject denounce criticize
    criticise blast slam praise hail thank apologize apologise agree disagree
    affirm reaffirm aver posit opine theorize reckon figure
    continue conclude tweet publish retweet write email text message
    """
)

#: Verbs of thought, evidence and stance: attribute only a clause (ccomp) they govern.
COGNITION_VERBS: frozenset[str] = word_set(
    """
    believe find show expect fear worry feel understand suspect assume learn
    realize realise recognize recognise imply insist wonder question
    know hope consider
    """
)

#: Verbs whose direct object is what is attributed ("denied the attack").
OBJECT_VERBS: frozenset[str] = word_set(
    """
    deny announce condemn criticize criticise reject denounce confirm dispute
    describe call question propose demand urge praise welcome blame cite
    acknowledge admit reveal report tweet publish issue show find
    attack endorse defend back echo mock label reference detail express
    discuss support oppose promote highlight liken ignore document identify examine
    threaten characterize characterise
    """
)

#: Verbs whose infinitive complement is what is attributed ("urged them to stop").
XCOMP_VERBS: frozenset[str] = word_set(
    """
    urge ask tell warn call demand promise pledge vow refuse
    encourage plan propose agree offer decline want decide seek threaten hope
    """
)

#: Verbs that attribute only a clause or a quotation after a colon ("he continued: ...").
CLAUSE_ONLY_VERBS: frozenset[str] = frozenset({"continue", "figure"})

#: Verbs that attribute the object of a preposition ("spoke about X", "called for X").
PREP_VERBS: dict[str, frozenset[str]] = {
    "speak": word_set("about of on against out"),
    "write": word_set("about of"),
    "tweet": word_set("about"),
    "comment": word_set("on about"),
    "complain": word_set("about of"),
    "warn": word_set("about of against"),
    "ask": word_set("about for"),
    "call": word_set("for on"),
    "argue": word_set("for against"),
    "advocate": word_set("for"),
    "testify": word_set("about on"),
    "joke": word_set("about"),
    "brag": word_set("about of"),
    "boast": word_set("about of"),
    "insist": word_set("on"),
    "point": word_set("to"),
    "refer": word_set("to"),
    "respond": word_set("to"),
    "react": word_set("to"),
    "agree": word_set("on with to"),
    "rule": word_set("on against"),
    "worry": word_set("about"),
    "learn": word_set("about of"),
    "question": word_set("about"),
    "criticize": word_set("for"),
    "praise": word_set("for"),
    "blame": word_set("for"),
    "accuse": word_set("of"),
    "explain": word_set("to"),
}

#: Nouns that attribute when a possessor says whose they are ("Trump's claim that ..."),
#: with the verb lemma they stand for.
NOUN_CUES: dict[str, str] = {
    "claim": "claim",
    "claims": "claim",
    "statement": "state",
    "statements": "state",
    "comment": "comment",
    "comments": "comment",
    "remark": "remark",
    "remarks": "remark",
    "warning": "warn",
    "warnings": "warn",
    "assertion": "assert",
    "allegation": "allege",
    "allegations": "allege",
    "accusation": "accuse",
    "accusations": "accuse",
    "suggestion": "suggest",
    "promise": "promise",
    "promises": "promise",
    "pledge": "pledge",
    "vow": "vow",
    "announcement": "announce",
    "argument": "argue",
    "belief": "believe",
    "view": "view",
    "views": "view",
    "insistence": "insist",
    "denial": "deny",
    "admission": "admit",
    "demand": "demand",
    "demands": "demand",
    "call": "call",
    "calls": "call",
    "proposal": "propose",
    "proposals": "propose",
    "decision": "decide",
    "criticism": "criticize",
    "praise": "praise",
    "charge": "charge",
    "charges": "charge",
    "plan": "plan",
    "plans": "plan",
    "assessment": "assess",
    "prediction": "predict",
    "threat": "threaten",
    "description": "describe",
    "characterization": "characterize",
    "position": "position",
    "contention": "contend",
    "explanation": "explain",
    "endorsement": "endorse",
    "determination": "determine",
    "recommendation": "recommend",
    "report": "report",
}

ALL_CUE_VERBS: frozenset[str] = (
    SPEECH_VERBS | COGNITION_VERBS | OBJECT_VERBS | XCOMP_VERBS | frozenset(PREP_VERBS)
)

_IRREGULAR: dict[str, tuple[str, ...]] = {
    "say": ("said", "says", "saying"),
    "tell": ("told", "tells", "telling"),
    "write": ("wrote", "written", "writes", "writing"),
    "think": ("thought", "thinks", "thinking"),
    "know": ("knew", "known", "knows", "knowing"),
    "find": ("found", "finds", "finding"),
    "show": ("showed", "shown", "shows", "showing"),
    "see": ("saw", "seen", "sees", "seeing"),
    "hear": ("heard", "hears", "hearing"),
    "feel": ("felt", "feels", "feeling"),
    "understand": ("understood", "understands", "understanding"),
    "learn": ("learned", "learnt", "learns", "learning"),
    "prove": ("proved", "proven", "proves", "proving"),
    "admit": ("admitted", "admits", "admitting"),
    "quip": ("quipped", "quips", "quipping"),
    "rebut": ("rebutted", "rebuts", "rebutting"),
    "slam": ("slammed", "slams", "slamming"),
    "vow": ("vowed", "vows", "vowing"),
    "cry": ("cried", "cries", "crying"),
    "reply": ("replied", "replies", "replying"),
    "testify": ("testified", "testifies", "testifying"),
    "imply": ("implied", "implies", "implying"),
    "deny": ("denied", "denies", "denying"),
    "apply": ("applied", "applies", "applying"),
    "worry": ("worried", "worries", "worrying"),
    "text": ("texted", "texts", "texting"),
    "forecast": ("forecast", "forecasts", "forecasting"),
    "speak": ("spoke", "spoken", "speaks", "speaking"),
    "push": ("pushed", "pushes", "pushing"),
    "refer": ("referred", "refers", "referring"),
    "rule": ("ruled", "rules", "ruling"),
    "back": ("backed", "backs", "backing"),
    "label": ("labeled", "labelled", "labels", "labeling", "labelling"),
}


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
        forms = _IRREGULAR.get(lemma) or _regular_forms(lemma)
        table.setdefault(lemma, lemma)
        for form in forms:
            table.setdefault(form, lemma)
    return table


def cue_lemma(word: str) -> str | None:
    """The cue lemma of an inflected ``word`` (any case), or None if it is no cue verb."""
    return form_table().get(word.lower().replace("\u2019", "'"))
