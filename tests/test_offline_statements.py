"""What the offline engine says about who spoke, end to end through the real
extractor: role descriptions resolved to the named person, noun-phrase objects
kept with their own neutral verb, transcript lines quoted as such."""

from __future__ import annotations

from summarize import summarize_articles
from summarize.models import Article, EventSummary

WIRE = Article(
    id="wire",
    outlet="Wire",
    text=(
        "Missiles hit the city of Ganja in Azerbaijan on Saturday, killing 12 people.\n\n"
        "Condemning the attack, Turkey's ruling party spokesperson reiterated support for "
        "Azerbaijan.\n\n"
        "\u201cArmenia is killing civilians. It is carrying out massacres. The attackers are "
        "breaking the law,\u201d Omer Celik said on Twitter.\n\n"
        "The Azerbaijani president stressed that his country would not target civilians.\n\n"
        "Later, President Ilham Aliyev said that the army would respond in the field.\n\n"
        "Aliyev: Where does Armenia get so many weapons?\n\n"
        "World powers, including Russia, France, and the US, have urged a new cease-fire."
    ),
)
OTHER = Article(
    id="other",
    outlet="Daily",
    text=(
        "Twelve people were killed when missiles hit Ganja in Azerbaijan on Saturday.\n\n"
        "Turkey\u2019s ruling party spokesman reiterated support for Azerbaijan and condemned "
        "the strike."
    ),
)


def _summary() -> EventSummary:
    return summarize_articles([WIRE, OTHER], engine="offline")


def _claims_of(summary: EventSummary, name: str) -> list[str]:
    return [c.statement for c in summary.claims if c.speaker.name == name]


def test_role_description_is_the_person_holding_that_role() -> None:
    summary = _summary()
    aliyev = _claims_of(summary, "Ilham Aliyev")
    assert any("would not target civilians" in s for s in aliyev)
    assert not [c for c in summary.claims if "president" in c.speaker.name.lower()]
    speaker = next(c.speaker for c in summary.claims if c.speaker.name == "Ilham Aliyev")
    assert speaker.affiliation == "Azerbaijan"


def test_description_before_a_named_quote_is_that_person_and_gives_the_role() -> None:
    summary = _summary()
    celik = [c for c in summary.claims if c.speaker.name == "Omer Celik"]
    assert any("support for Azerbaijan" in c.statement for c in celik)
    assert {c.speaker.role for c in celik} == {"Turkey's ruling party spokesperson"}
    # "spokesman" in one outlet and "spokesperson" in the other: one claim, both outlets
    support = next(c for c in celik if "support for Azerbaijan" in c.statement)
    assert sorted(support.reported_by) == ["other", "wire"]


def test_noun_phrase_object_keeps_a_neutral_verb_not_said_that() -> None:
    statements = [c.statement for c in _summary().claims]
    assert 'Omer Celik reiterated "support for Azerbaijan"' in statements
    assert not [s for s in statements if 'said that "support for' in s]


def test_name_colon_line_is_quoted_as_the_speakers_words() -> None:
    aliyev = _claims_of(_summary(), "Ilham Aliyev")
    assert 'Ilham Aliyev said: "Where does Armenia get so many weapons?"' in aliyev


def test_a_list_of_parties_is_not_made_one_speaker() -> None:
    summary = _summary()
    assert not [c for c in summary.claims if "cease-fire" in c.statement]
    assert "US" not in {c.speaker.name for c in summary.claims}


PENTAGON = Article(
    id="pentagon",
    outlet="Daily",
    text=(
        "The U.S. military conducted airstrikes on three targets in Syria that the Pentagon"
        " said were used by militias in the area.\n\n"
        "The targets were facilities militias have used in drone attacks against U.S."
        " personnel, according to a statement from Pentagon spokesperson John Kirby."
    ),
)


def test_speaker_behind_a_statement_and_no_subjectless_quotes() -> None:
    summary = summarize_articles([PENTAGON], engine="offline")
    statements = [c.statement for c in summary.claims]
    assert [c.speaker.name for c in summary.claims] == ["John Kirby"]
    assert summary.claims[0].speaker.role == "Pentagon spokesperson"
    assert statements == [
        'John Kirby said that "the targets were facilities militias have used in drone'
        ' attacks against U.S. personnel"'
    ]


HAITI = Article(
    id="haiti",
    outlet="Daily",
    text=(
        "Haiti's president was killed at his home overnight.\n\n"
        "The interim premier, Claude Joseph, characterized the assassination as a"
        " \u201chateful, inhumane, and barbaric act.\u201d\n\n"
        "TUCKER CARLSON: The agency is reading my emails, and I have proof of it."
    ),
)


def test_characterized_is_kept_with_a_neutral_verb_and_transcript_names_are_cased() -> None:
    summary = summarize_articles([HAITI], engine="offline")
    statements = [c.statement for c in summary.claims]
    assert any(
        s.startswith('Claude Joseph described "the assassination as a') for s in statements
    ), statements
    assert "Tucker Carlson" in {c.speaker.name for c in summary.claims}


NSA = Article(
    id="nsa",
    outlet="Daily",
    text=(
        "The agency hit back at a television host's allegations on Tuesday.\n\n"
        "On Monday Carlson, a critic of the president, said a government whistle-blower had"
        ' told him the NSA was monitoring him for "political reasons". The NSA denied he was'
        ' a "target", saying it deals with foreign threats.'
    ),
)


def test_a_denial_with_no_shared_words_answers_the_claim_just_before_it() -> None:
    summary = summarize_articles([NSA], engine="offline")
    by_id = {c.id: c for c in summary.claims}
    (dispute,) = summary.disputes
    speakers = sorted(by_id[cid].speaker.name for cid in dispute.claim_ids)
    assert speakers == ["Carlson", "NSA"]
    assert "denied" in dispute.description


GENOCIDE = Article(
    id="genocide",
    outlet="Daily",
    text=(
        "President Joe Biden said on Saturday that the killings of Armenians in 1915 were a"
        " genocide.\n\n"
        "Turkey rejected the term genocide for the killings of Armenians in 1915."
    ),
)


def test_a_rejected_object_is_worded_as_rejected_not_denied_that() -> None:
    summary = summarize_articles([GENOCIDE], engine="offline")
    (dispute,) = summary.disputes
    assert dispute.description.startswith('Turkey rejected "the term genocide'), dispute
    assert "denied that" not in dispute.description


SPLIT = Article(
    id="split",
    outlet="Daily",
    text=(
        "The floods reached the capital on Friday.\n\n"
        "\u201cThe roads are closed,\u201d the mayor Ana Petrova said, \u201cand nobody can"
        " leave the city tonight.\u201d"
    ),
)


def test_a_split_quote_keeps_both_pieces_in_the_statement() -> None:
    (claim,) = summarize_articles([SPLIT], engine="offline").claims
    assert claim.statement == (
        'Ana Petrova said: "The roads are closed" \u2026 "and nobody can leave the city tonight."'
    )
    assert claim.quote == "The roads are closed"
    assert "nobody can leave" in claim.evidence[0].quote


def test_a_short_named_object_of_an_object_cue_is_a_claim() -> None:
    """'condemned the strike', 'urged calm': a one- or two-word object that names a
    thing is the whole statement; 'confirmed it' names nothing and gives no claim."""
    article = Article(
        id="a",
        outlet="A",
        text=(
            "A bridge collapsed in Lyon on Monday, killing four people.\n\n"
            "The city council condemned the negligence.\n\n"
            "Mayor Anne Roux urged calm.\n\n"
            "The fire service confirmed it."
        ),
    )
    other = Article(
        id="b",
        outlet="B",
        text="Four people died when a bridge collapsed in Lyon on Monday.",
    )
    statements = [
        c.statement for c in summarize_articles([article, other], engine="offline").claims
    ]
    assert any("condemned" in s and "negligence" in s for s in statements), statements
    assert any("Anne Roux urged" in s and "calm" in s for s in statements), statements
    assert not any("fire service" in s.lower() for s in statements), statements


def test_a_group_opening_a_sentence_is_not_written_as_a_name() -> None:
    """'Top officials said ...' opens a sentence: the capital is the sentence's, so
    the summary says 'top officials' and its sentence about them is kept, not
    dropped for naming a speaker 'Top' that no claim has."""
    texts = {
        "a": "Drone strike kills family\n\nA drone strike in Kabul killed ten people on Sunday, "
        "relatives said.\n\nTop officials said three adults were killed in the strike.",
        "b": "Kabul strike\n\nA drone strike hit a car in Kabul on Sunday, killing ten people, "
        "relatives said.\n\nIsraeli officials said the strike was a mistake.",
        "c": "Strike defended\n\nThe Pentagon defended a drone strike in Kabul on Sunday that "
        "relatives said killed ten people.",
    }
    summary = summarize_articles(
        [Article(id=k, outlet=k.upper(), text=v) for k, v in texts.items()], engine="offline"
    )
    names = {c.speaker.name for c in summary.claims}
    assert "top officials" in names, names
    assert "Israeli officials" in names, names
    assert "top officials" in summary.summary
    assert not [d for d in summary.dropped if d.claim_id is None], summary.dropped


def test_a_medium_that_names_no_one_is_not_a_speaker() -> None:
    """'..., according to an interview aired Sunday': the interview is where the
    words were said, not who said them, so it is no claim's speaker."""
    texts = {
        "a": "Powell criticizes Trump\n\nFormer Secretary of State Colin Powell said he does "
        "not believe the president can lead the nation.",
        "b": "Powell says he will vote for Biden\n\nColin Powell said Sunday he will vote for "
        "Joe Biden in November.",
        "c": "Powell backs Biden\n\nFormer Secretary of State Colin Powell said he would vote "
        "for Joe Biden, according to an interview aired Sunday.",
    }
    claims = summarize_articles(
        [Article(id=k, outlet=k.upper(), text=v) for k, v in texts.items()], engine="offline"
    ).claims
    speakers = {c.speaker.name for c in claims}
    assert not [s for s in speakers if "interview" in s.lower()], speakers
    assert speakers == {"Colin Powell"}, speakers
