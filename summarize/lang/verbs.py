"""Reporting words: the cue verbs and nouns that attribute content to a source,
the inflected forms a lemmatizer would otherwise give, and the wording that
statements and labels are built from."""

from __future__ import annotations

from summarize.lang import word_set

#: Verbs of saying and reporting: they attribute whatever clause or quote they govern.
SPEECH_VERBS: frozenset[str] = word_set(
    """
    accuse acknowledge add admit affirm agree allege announce apologise apologize
    argue ask assert aver blame blast boast brag caution charge claim comment
    complain concede conclude condemn confirm contend continue counter criticise
    criticize cry declare demand denounce deny describe disagree disclose dispute
    email emphasise emphasize estimate exhort explain figure hail hint implore indicate
    inform insist joke lament mention message note observe opine pledge point posit praise
    predict proclaim promise publish quip reaffirm rebut recall recite reckon recount
    reiterate reject remark repeat reply report respond retort retweet reveal say
    scream shout slam speculate state stress suggest tell testify text thank
    theorize tweet underscore urge vow vowed warn whisper write yell
    """
)
#: Verbs of thought, evidence and stance: attribute only a clause (ccomp) they govern.
COGNITION_VERBS: frozenset[str] = word_set(
    """
    assume believe consider expect fear feel find hope imply insist know learn
    question realise realize recognise recognize show suspect understand wonder
    worry
    """
)
#: Verbs whose direct object is what is attributed ("denied the attack").
OBJECT_VERBS: frozenset[str] = word_set(
    """
    acknowledge admit announce attack back blame call characterise characterize chastise cite
    condemn confirm criticise criticize defend demand denounce deny describe detail
    discuss dispute document echo endorse examine express find highlight identify
    ignore issue label liken mock oppose outline praise promote propose publish question
    reference reject report reveal show support threaten tweet urge welcome
    """
)
#: Verbs whose infinitive complement is what is attributed ("urged them to stop").
XCOMP_VERBS: frozenset[str] = word_set(
    """
    agree ask call decide decline demand encourage exhort hope implore offer plan pledge promise
    propose refuse seek tell threaten urge vow want warn
    """
)
#: Verbs that attribute only a clause or a quotation after a colon ("he continued: ...").
CLAUSE_ONLY_VERBS: frozenset[str] = word_set("continue figure")
#: Verbs that attribute the object of a preposition ("spoke about X", "called for X").
PREP_VERBS: dict[str, frozenset[str]] = {
    "speak": word_set("about against of on out"),
    "write": word_set("about of"),
    "tweet": word_set("about"),
    "comment": word_set("about on"),
    "complain": word_set("about of"),
    "warn": word_set("about against of"),
    "ask": word_set("about for"),
    "call": word_set("for on"),
    "argue": word_set("against for"),
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
    "agree": word_set("on to with"),
    "rule": word_set("against on"),
    "worry": word_set("about"),
    "learn": word_set("about of"),
    "question": word_set("about"),
    "criticize": word_set("for"),
    "praise": word_set("for"),
    "blame": word_set("for"),
    "chastise": word_set("for"),
    "rail": word_set("against"),
    "accuse": word_set("of"),
    "explain": word_set("to"),
}
#: Objects of "spoke on/about X" that say how or for whom one spoke, not what about
#: ("speaking on condition of anonymity", "on behalf of", "on the record").
MANNER_OF_SPEAKING_NOUNS: frozenset[str] = word_set(
    """
    anonymity background behalf camera condition record
    """
)
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
    "vows": "vow",
    "protest": "protest",
    "protests": "protest",
    "condemnation": "condemn",
    "threats": "threaten",
    "denials": "deny",
}
#: Cue nouns naming a speech act whose speaker a "from" phrase gives
#: ("vows of retaliation from the militants", "a warning from the CDC that ...").
FROM_SOURCE_NOUNS: frozenset[str] = word_set(
    """
    accusation accusations allegation allegations call calls claim claims comment
    comments condemnation criticism demand demands denial denials pledge promise
    promises protest protests statement statements threat threats vow vows warning
    warnings
    """
)
#: Inflected forms of the cue verbs that the regular rules (+s, +ed, +ing) get wrong.
IRREGULAR_FORMS: dict[str, tuple[str, ...]] = {
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
#: Speech verb forms that open an inverted label ("Said Ellis: ...", "Added Smith: ...").
INVERTED_LABEL_VERBS: frozenset[str] = word_set(
    """
    added adds asked asks said says writes wrote
    """
)
#: Cue forms that are nearly always nouns in news copy ("the United States", "the issue").
NOUN_LIKE_CUE_FORMS: frozenset[str] = word_set(
    """
    counter counters email emails figure figures issue issues message messages post
    posts rule rules state states text texts
    """
)
#: Cues whose content is a clause ("said that ..."), so "said that" fits a statement.
CLAUSE_CUES: frozenset[str] = word_set(
    """
    according_to add argue claim declare emphasise emphasize estimate explain
    indicate insist note point reiterate report say state stress suggest tell tweet
    write
    """
)
#: Cues that deny or reject what they attribute.
DENIAL_CUES: frozenset[str] = word_set(
    """
    deny dismiss rebut refute reject
    """
)
#: Cues that take a noun phrase object a statement can keep ("denied the attack"),
#: with the verb a statement uses for them.
OBJECT_CUES: dict[str, str] = {
    "deny": "denied",
    "reject": "rejected",
    "dismiss": "dismissed",
    "condemn": "condemned",
    "protest": "protested",
    "announce": "announced",
    "confirm": "confirmed",
    "reiterate": "reiterated",
    "express": "expressed",
    "declare": "declared",
    "report": "reported",
    "urge": "urged",
    "demand": "demanded",
    "propose": "proposed",
    "welcome": "welcomed",
    "acknowledge": "acknowledged",
    "describe": "described",
    "characterize": "described",
    "characterise": "described",
}
#: The neutral verb a statement uses for a cue ("denied", "reported"); other cues are "said".
REPORTING_VERBS: dict[str, str] = {
    "deny": "denied",
    "reject": "denied",
    "dismiss": "denied",
    "refute": "denied",
    "rebut": "denied",
    "report": "reported",
    "state": "stated",
    "announce": "announced",
}

#: Word forms that attribute words to a speaker: no content of their own.
SAYING_FORMS: frozenset[str] = word_set(
    """
    according accused added alleged announced argued claimed condemned confirmed declared
    demanded denied denies described expressed insisted maintained noted reiterated reported
    said say says stated stressed told tweeted warned wrote
    """
)
#: Forms of the denial cues a statement restating a denial must keep one of.
DENIAL_FORMS: frozenset[str] = word_set(
    """
    denial denied denies deny denying dismiss dismissed rebut refute refuted reject rejected
    rejects
    """
)
