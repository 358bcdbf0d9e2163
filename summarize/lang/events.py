"""Words of event reports: the kinds and groups of casualty and damage figures,
the words a denial and what it denies are matched by, and words too general to
name an event."""

from __future__ import annotations

from summarize.lang import word_set

#: Words that name a figure's kind after its number ("12 dead", "40 injured").
KIND_WORDS: dict[str, tuple[str, ...]] = {
    "killed": ("killed", "dead", "died", "deaths", "death", "lives", "fatalities", "martyred"),
    "injured": ("injured", "wounded", "hurt", "injuries", "injury"),
    "destroyed": ("destroyed", "damaged", "destruction", "demolished", "razed"),
}
#: Verb forms that name a figure's kind before its number ("killing 12").
KIND_VERBS: dict[str, str] = {
    "killing": "killed", "kills": "killed", "killed": "killed", "kill": "killed",
    "injuring": "injured", "injures": "injured", "injured": "injured",
    "wounding": "injured", "wounds": "injured", "wounded": "injured",
    "destroying": "destroyed", "destroyed": "destroyed", "damaging": "destroyed",
    "damaged": "destroyed", "destruction": "destroyed",
}  # fmt: skip
#: Nouns that name what a figure counts, and the group they are counted in.
GROUPS: dict[str, str] = {
    "people": "people", "person": "people", "persons": "people", "civilians": "people",
    "civilian": "people", "others": "people", "residents": "people", "victims": "people",
    "workers": "people", "individuals": "people", "adults": "people",
    "children": "children", "kids": "children", "child": "children", "minors": "children",
    "soldiers": "soldiers", "troops": "soldiers", "servicemen": "soldiers",
    "fighters": "soldiers", "militants": "soldiers",
    "houses": "houses", "homes": "houses", "buildings": "houses", "house": "houses",
    "apartments": "houses", "dwellings": "houses",
}  # fmt: skip
#: Words folded to one concept so a denial can be matched to what it denies.
EVENT_CONCEPTS: dict[str, str] = {
    "killed": "kill", "killing": "kill", "dead": "kill", "deaths": "kill", "death": "kill",
    "died": "kill", "killings": "kill", "kills": "kill",
    "injured": "injure", "wounded": "injure", "injuries": "injure", "injuring": "injure",
    "bombed": "attack", "bombing": "attack", "bombardment": "attack", "shelling": "attack",
    "shelled": "attack", "shells": "attack", "struck": "attack", "strike": "attack",
    "attacks": "attack", "attacked": "attack", "missile": "attack", "missiles": "attack",
    "fired": "attack", "fire": "attack", "hit": "attack", "targeted": "attack",
    "targeting": "attack",
}  # fmt: skip
#: Words too general to name an event in a title.
GENERAL_WORDS: frozenset[str] = word_set(
    """
    according added city civilians country day days dozens few including many month
    months multiple numerous others part parts people reported several side sides
    stated time times told various week weeks year years
    """
)
#: Abstract nouns that name no event as the head of a title ("earnest belief",
#: "security situation", "joint statement"): states of mind, circumstances,
#: and words for what was said rather than what happened.
ABSTRACT_NOUNS: frozenset[str] = word_set(
    """
    aspect belief concern fact idea issue kind matter opinion point position question
    remark situation sort statement thing thought view way
    """
)
#: Words that may stand between a count and the kind it counts ("12 people were
#: killed", "two kids are among the dead", "40 Azerbaijani civilians injured");
#: any other word means the number counts something else ("80 days of protests",
#: "2 gunshot wounds ... death", "for 20 years, died").
BETWEEN_COUNT_AND_KIND: frozenset[str] = word_set(
    """
    all among and are be been being believed confirmed feared had has have in is more
    of other others reported reportedly said the them those thought to total was were who
    whom
    """
)
