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
    state declare insist argue assert allege explain reply respond answer ask
    acknowledge admit concede confirm reveal disclose suggest mention remark comment
    observe emphasize emphasise reiterate repeat predict promise pledge vow vowed
    charge accuse blame complain lament recall testify estimate conclude contend
    maintain inform notify predict speculate hint indicate point caution
    boast brag joke quip shout yell scream cry whisper recount describe urge demand
    announce proclaim retort counter rebut dispute reject denounce criticize
    criticise blast slam praise hail welcome thank apologize apologise agree disagree
    affirm reaffirm aver posit opine theorize reckon guess figure
    continue conclude tweet post publish retweet write email text message
    """
)

#: Verbs of thought, evidence and stance: attribute only a clause (ccomp) they govern.
COGNITION_VERBS: frozenset[str] = word_set(
    """
    believe think know find show expect hope fear worry doubt feel understand
    suspect assume consider learn see hear realize realise recognize recognise
    decide determine prove demonstrate imply signal insist wonder question
    """
)

#: Verbs whose direct object is what is attributed ("denied the attack").
OBJECT_VERBS: frozenset[str] = word_set(
    """
    deny announce condemn criticize criticise reject denounce confirm dispute
    describe call question propose demand urge praise welcome blame cite
    acknowledge admit reveal report tweet post publish release issue
    """
)

#: Verbs whose infinitive complement is what is attributed ("urged them to stop").
XCOMP_VERBS: frozenset[str] = word_set(
    """
    urge ask tell warn call demand promise pledge vow decide refuse
    encourage advise invite plan propose agree offer
    """
)

#: Verbs that attribute only a clause or a quotation after a colon ("he continued: ...").
CLAUSE_ONLY_VERBS: frozenset[str] = frozenset({"continue", "figure", "guess", "see", "hear"})

ALL_CUE_VERBS: frozenset[str] = SPEECH_VERBS | COGNITION_VERBS | OBJECT_VERBS | XCOMP_VERBS

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
