"""Titles, roles and bodies: the words that tell a person's role or a body's
name from a person's name."""

from __future__ import annotations

from summarize.lang import word_set

#: Role nouns that make up titles ("Foreign Minister", "presidential aide",
#: "deputy head") and name a person, not a body.
ROLE_NOUNS: frozenset[str] = word_set(
    """
    adviser advisor aide ambassador analyst assistant chair chairman chairwoman chief
    commander correspondent deputy director editor envoy expert general governor
    head leader mayor member minister ministry official president prime prosecutor
    reporter representative secretary senator spokesman spokesperson spokeswoman
    """
)
#: Titles that name a person but are not read as part of a role phrase when
#: speakers are made one across articles: reading them there changes 2 of 307
#: NeuS summaries, one for the worse (the words of "Former President Obama's
#: attorneys" go to Obama).
OTHER_PERSON_TITLES: frozenset[str] = word_set(
    """
    attorney candidate ceo chancellor founder judge king lawyer manager nominee
    officer pope premier prince professor queen sheikh vice-president
    """
)
#: Role nouns that name a person ("the Azerbaijani president", "the spokesman,
#: John Smith"), not a body.
PERSON_TITLES: frozenset[str] = ROLE_NOUNS | OTHER_PERSON_TITLES
#: Head nouns that make a name a body, not a person ("United Nations",
#: "Azerbaijan's Prosecutor General's Office").
ORG_WORDS: frozenset[str] = word_set(
    """
    agency association channel committee company congress council court government
    group house institute ministry network news office organisation organization
    parliament senate union
    """
)
#: More heads of a source phrase that make it a body or a piece of evidence, not
#: a person a later "he" or "she" could stand for.
SOURCE_BODY_WORDS: frozenset[str] = word_set(
    """
    administration army authorities bureau campaign center centre commission data
    department embassy forces information media newspaper officials paper party
    police report reports service sources statement
    """
)
#: More words that make a capitalised name a body's name when speakers are made
#: one across articles ("Washington Post", "Azerbaijani Defence Ministry Press
#: Service"). This list and SOURCE_BODY_WORDS are kept apart because each
#: reader's output depends on its own: reading these in source phrases gives
#: relations of 3 PolNeAR texts another speaker ("The Washington Post" is no
#: longer a "she"), and reading SOURCE_BODY_WORDS in the speaker index changes
#: NeuS summaries ("The Portland Police Bureau said" for "Bureau said").
NAME_BODY_WORDS: frozenset[str] = word_set(
    """
    alliance assembly bank coalition command corporation federation front fund guard
    inc movement nations post press radio television times university
    """
)
#: Words that qualify a title or a body in a role ("Foreign Minister", "acting
#: head", "press service", "state prosecutor's office").
TITLE_QUALIFIERS: frozenset[str] = word_set(
    """
    acting affairs authority colonel defence defense foreign former general's interior
    justice lieutenant military minister's ministries national presidential press
    prosecutor's ruling senior state top vice
    """
)
#: Bodies and plural roles that a role phrase runs through ("Ministry of Defence
#: spokesman", "Interior Ministry officials").
TITLE_BODIES: frozenset[str] = word_set(
    """
    agency aides army authorities committee council department forces government
    members office officials party police prosecutors rep service services spokesmen
    spokespeople
    """
)
#: Words that join the parts of a role or a body's name ("Minister of Foreign
#: Affairs", "Office of the Prosecutor").
NAME_JOINERS: frozenset[str] = word_set("and at for in of on the to")
#: Prepositions that end the role part of a source name ("aide to the president").
ROLE_BREAKS: frozenset[str] = word_set("at for in of on to with")
#: Words after which capitalised words end a body's name or name a place, never
#: begin a person's name ("Department of Labor", "officials in Hollywood",
#: "leaders from Long Island").
BEFORE_NO_NAME: frozenset[str] = NAME_JOINERS | ROLE_BREAKS | word_set("across by from near")
#: One spelling for words that name the same role.
ROLE_SYNONYMS: dict[str, str] = {
    "spokesman": "spokesperson",
    "spokeswoman": "spokesperson",
    "spokesmen": "spokesperson",
    "spokespeople": "spokesperson",
}
#: Things said or published through, not speakers: "a statement from X" is X's
#: words; "according to an interview aired Sunday" names no one.
MEDIUM_NOUNS: frozenset[str] = word_set(
    """
    announcement briefing email interview letter memo message post release speech
    statement tweet video
    """
)
#: Source heads that name evidence, not a speaker: "according to preliminary reports".
EVIDENCE_NOUNS: frozenset[str] = word_set(
    """
    data document documents estimates evidence figure figures footage images
    information record records report reporting reports resolutions statistics video
    """
)

#: Words that connect the parts of a name ("Ministry *of* Defence", "al-", "de").
NAME_GLUE: frozenset[str] = word_set(
    """
    a al an and de for in of s the
    """
)
#: Words of role and body names that do not identify a speaker on their own.
GENERIC_SPEAKER_WORDS: frozenset[str] = word_set(
    """
    agency army authorities authority chief committee correspondent council department deputy
    force forces general government group head leader media military minister ministers
    ministries ministry national office offices official officials party people police
    president presidential prime ruling secretary senior source sources spokesman spokespeople
    spokesperson spokeswoman state statement top
    """
)
#: Capitalised words of titles ("Foreign Minister", "Secretary-General"), not names.
TITLE_WORDS_NOT_NAMES: frozenset[str] = word_set(
    """
    ambassador attorney commander defence defense economy education envoy finance foreign
    governor health interior justice mayor rep representative secretary-general sen senator
    """
)
#: Heads of descriptions that stand for an unnamed person ("a senior official").
ANONYMOUS_PERSON_HEADS: frozenset[str] = word_set(
    """
    aide correspondent diplomat official officials source sources spokesman spokesperson
    spokeswoman
    """
)
#: Stems of words that say nothing about who an unnamed source is ("another top official").
VAGUE_SOURCE_STEMS: frozenset[str] = word_set(
    """
    a an anoth one senio top
    """
)
