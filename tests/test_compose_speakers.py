"""One speaker, however the outlets name it."""

from __future__ import annotations

from summarize.engines.offline.speakers import SpeakerIndex, parse_speaker
from summarize.evidence.places import Gazetteer


def _gazetteer() -> Gazetteer:
    countries = {"azerbaijan": "Azerbaijan", "armenia": "Armenia", "turkey": "Turkey"}
    demonyms = {"azerbaijani": "Azerbaijan", "armenian": "Armenia", "turkish": "Turkey"}
    return Gazetteer(countries=countries, demonyms=demonyms)


def _group(names: list[str]) -> tuple[SpeakerIndex, list[int]]:
    gaz = _gazetteer()
    index = SpeakerIndex()
    return index, [index.add(parse_speaker(n, None, gaz)) for n in names]


def test_spellings_and_surnames_of_one_person_are_one_speaker() -> None:
    index, ids = _group(
        ["Hikmet Hajiyev", "Hajiyev", "Hikmat\nHajiyev", "Aliyev aide Hikmet Hajiyev"]
    )
    assert len(set(ids)) == 1
    assert index.display(ids[0])[0] == "Hikmet Hajiyev"


def test_names_of_one_office_are_one_speaker() -> None:
    index, ids = _group(
        [
            "the General Prosecutors of Azerbaijan",
            "Azerbaijan's Prosecutor General's Office",
            "Azerbaijan's Prosecutor General's Office",
            "the Azerbaijani Prosecutor's Office",
        ]
    )
    assert len(set(ids)) == 1
    name, _, affiliation = index.display(ids[0])
    assert name == "Azerbaijan's Prosecutor General's Office"
    assert affiliation == "Azerbaijan"


def test_same_body_of_two_countries_stays_apart() -> None:
    _, ids = _group(
        [
            "the Foreign Ministry in Armenia",
            "Azerbaijan's Foreign Ministry",
            "Armenian Defense Ministry",
        ]
    )
    assert len(set(ids)) == 3


def test_title_words_become_role_and_country_affiliation() -> None:
    parsed = parse_speaker("Turkey's Justice Minister Abdulhamit Gul", None, _gazetteer())
    assert (parsed.name, parsed.role, parsed.affiliation, parsed.person) == (
        "Abdulhamit Gul",
        "Turkey's Justice Minister",
        "Turkey",
        True,
    )


def test_bodies_and_descriptions_are_not_people() -> None:
    gaz = _gazetteer()
    assert not parse_speaker("the United Nations", None, gaz).person
    described = parse_speaker("a top Azerbaijani official", None, gaz)
    assert described.generic and not described.person
    assert described.affiliation == "Azerbaijan"


def test_a_time_phrase_closing_the_source_is_not_part_of_the_name() -> None:
    """'Former Secretary of State Colin Powell on Sunday said ...': the subject's
    words run up to the cue, and 'on Sunday' is when, not who; names that are
    also time words ('Donna Summer', 'April Ryan') are kept."""
    gaz = Gazetteer()
    powell = parse_speaker("Former Secretary of State Colin Powell on Sunday", None, gaz)
    assert (powell.name, powell.role) == ("Colin Powell", "Former Secretary of State")
    assert parse_speaker("Colin Powell Sunday", None, gaz).name == "Colin Powell"
    assert parse_speaker("Foreign Minister Sergei Lavrov this morning", None, gaz).name == (
        "Sergei Lavrov"
    )
    assert parse_speaker("Donna Summer", None, gaz).name == "Donna Summer"
    assert parse_speaker("April Ryan", None, gaz).name == "April Ryan"
