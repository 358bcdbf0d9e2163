"""Attribution extraction: one test per pattern on hand-written sentences, and
the seed folder's speakers."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarize.evidence.attribution import extract_attributions, extract_many
from summarize.evidence.types import Attribution
from summarize.loader import load_folder
from summarize.models import Article

SEEDS = Path(__file__).resolve().parents[1] / "examples" / "ganja"


def _extract(text: str) -> list[Attribution]:
    article = Article(id="t", text=text)
    found = extract_attributions(article)
    for rel in found:  # every span is a true slice of the text
        spans = [rel.cue, rel.content, *rel.content_parts] + ([rel.source] if rel.source else [])
        for span in spans:
            assert text[span.start : span.end] == span.text
    return found


def _by_cue(found: list[Attribution], cue: str) -> Attribution:
    matches = [r for r in found if r.cue.text == cue]
    assert matches, f"no relation with cue {cue!r} in {[r.cue.text for r in found]}"
    return matches[0]


def test_direct_quote_before_source() -> None:
    found = _extract("\u201cWe will rebuild every house,\u201d Maria Lopez said on Friday.")
    rel = _by_cue(found, "said")
    assert rel.source_name == "Maria Lopez"
    assert rel.content.text == "\u201cWe will rebuild every house,\u201d"
    assert rel.direct


def test_direct_quote_after_colon() -> None:
    found = _extract('The mayor said: "The bridge will reopen next week."')
    rel = _by_cue(found, "said:")
    assert rel.source_name == "The mayor"
    assert rel.content.text == '"The bridge will reopen next week."'
    assert rel.direct


def test_indirect_speech_keeps_that_and_drops_final_period() -> None:
    found = _extract("The health minister said that 14 patients were discharged on Monday.")
    rel = _by_cue(found, "said")
    assert rel.content.text == "that 14 patients were discharged on Monday"
    assert not rel.direct


def test_according_to() -> None:
    found = _extract("According to the fire service, three buildings collapsed overnight.")
    rel = _by_cue(found, "According to")
    assert rel.source_name == "the fire service"
    assert rel.content.text == "three buildings collapsed overnight"


def test_according_to_parsed_as_the_sentence_root() -> None:
    # The small model makes "According" the root here and hangs the clause off
    # the source as an apposition; the commas still say where the source ends.
    text = (
        "According to conservative talk radio host Rush Limbaugh, the move reeks of"
        " \u201cfear\u201d and desperation."
    )
    rel = _by_cue(_extract(text), "According to")
    assert rel.source_name == "conservative talk radio host Rush Limbaugh"
    assert rel.content.text == "the move reeks of \u201cfear\u201d and desperation"


def test_closing_according_to_takes_the_whole_sentence_before_it() -> None:
    text = (
        "The targets were facilities militias have used in drone attacks against U.S."
        " personnel, according to a statement from Pentagon spokesperson John Kirby."
    )
    rel = _by_cue(_extract(text), "according to")
    assert rel.content.text == (
        "The targets were facilities militias have used in drone attacks against U.S. personnel"
    )
    assert rel.source is not None
    assert rel.source.text == "a statement from Pentagon spokesperson John Kirby"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "On Monday Carlson, a long-time critic of the president, said the agency was"
            " monitoring him.",
            "Carlson",
        ),
        (
            "In a meeting with the editorial board of the Washington Post Trump said that"
            " the alliance was obsolete.",
            "Trump",
        ),
        ("On Tuesday Joe Biden said the plan would work.", "Joe Biden"),
    ],
)
def test_speaker_the_parser_put_in_the_opening_phrase(text: str, name: str) -> None:
    rel = _by_cue(_extract(text), "said")
    assert rel.source_name == name


def test_according_to_set_off_inside_a_sentence() -> None:
    clause = _by_cue(
        _extract("Three buildings collapsed, according to the fire service, and two people died."),
        "according to",
    )
    assert clause.content.text == "Three buildings collapsed"
    split = _by_cue(
        _extract("The plan, according to officials, would cost five billion dollars."),
        "according to",
    )
    assert [p.text for p in split.content_parts] == ["The plan", "would cost five billion dollars"]


def test_cue_inside_a_relative_clause_is_not_part_of_its_content() -> None:
    text = (
        "The military struck three targets in Syria that the Pentagon said were used by"
        " militias in the area."
    )
    rel = _by_cue(_extract(text), "said")
    assert rel.source_name == "the Pentagon"
    assert rel.content.text == "were used by militias in the area"


@pytest.mark.parametrize(
    ("sentence", "cue", "content"),
    [
        ("The governor wants to close the border.", "wants", "to close the border"),
        ("The senator supported the new sanctions.", "supported", "the new sanctions"),
        ("The union opposed the pension reform.", "opposed", "the pension reform"),
        ("The mayor hopes that the bridge reopens soon.", "hopes", "that the bridge reopens soon"),
        ("The council decided to delay the vote.", "decided", "to delay the vote"),
    ],
)
def test_stance_verbs_attribute_their_complement(sentence: str, cue: str, content: str) -> None:
    rel = _by_cue(_extract(sentence), cue)
    assert rel.source_name == sentence.split(" ", 2)[0] + " " + sentence.split(" ", 2)[1]
    assert rel.content.text == content


@pytest.mark.parametrize(
    ("verb", "lemma"),
    [
        ("told reporters", "tell"),
        ("added", "add"),
        ("claimed", "claim"),
        ("announced", "announce"),
        ("reported", "report"),
        ("warned", "warn"),
        ("tweeted", "tweet"),
        ("stressed", "stress"),
        ("noted", "note"),
        ("wrote", "write"),
    ],
)
def test_reporting_verbs_with_a_clause(verb: str, lemma: str) -> None:
    found = _extract(f"The company {verb} that its profits had doubled.")
    rel = next(r for r in found if r.cue_lemma == lemma)
    assert rel.source_name == "The company"
    assert rel.content.text == "that its profits had doubled"


@pytest.mark.parametrize("verb", ["denied", "condemned"])
def test_verbs_whose_object_is_the_content(verb: str) -> None:
    found = _extract(f"The Defense Ministry {verb} the attack on the village.")
    rel = _by_cue(found, verb)
    assert rel.source_name == "The Defense Ministry"
    assert rel.content.text == "the attack on the village"


def test_source_after_indirect_content() -> None:
    found = _extract("Two soldiers were wounded in the clash, the ministry said.")
    rel = _by_cue(found, "said")
    assert rel.source_name == "the ministry"
    assert rel.content.text == "Two soldiers were wounded in the clash"
    assert not rel.direct


def test_multi_sentence_quote_is_kept_whole() -> None:
    text = "\u201cThe roads are closed. Nobody can leave,\u201d Ana Petrova said."
    rel = _by_cue(_extract(text), "said")
    assert rel.content.text == "\u201cThe roads are closed. Nobody can leave,\u201d"


def test_multi_sentence_quote_before_inverted_said() -> None:
    # The quote's first sentence has no cue word; the parser must still see it,
    # or it takes the quote's last words for the subject of "said".
    text = (
        "\u201cThe campaign is in panic mode. Full panic mode,\u201d said Leslie Wimes,"
        " a Florida-based organiser."
    )
    rel = _by_cue(_extract(text), "said")
    assert rel.source_name == "Leslie Wimes"
    assert rel.content.text == "\u201cThe campaign is in panic mode. Full panic mode,\u201d"


def test_quote_ending_in_no_before_said() -> None:
    text = "\u201cIs it a huge deal? No,\u201d said Obama."
    rel = _by_cue(_extract(text), "said")
    assert rel.source_name == "Obama"
    assert rel.content.text == "\u201cIs it a huge deal? No,\u201d"


def test_split_quote_has_both_parts() -> None:
    text = "\u201cThe roads are closed,\u201d Ana Petrova said, \u201cand nobody can leave.\u201d"
    rel = _by_cue(_extract(text), "said")
    assert [p.text for p in rel.content_parts] == [
        "\u201cThe roads are closed,\u201d",
        "\u201cand nobody can leave.\u201d",
    ]
    assert rel.content == rel.content_parts[0]


def test_pronoun_source_resolves_to_last_named_speaker() -> None:
    text = (
        "Hikmet Hajiyev said the city was hit overnight. "
        "\u201cTwo children are among the dead,\u201d he said."
    )
    found = _extract(text)
    rel = found[-1]
    assert rel.source is not None and rel.source.text == "he"
    assert rel.source_name == "Hikmet Hajiyev"


def test_surname_resolves_to_full_name_and_role() -> None:
    text = (
        "Hikmet Hajiyev, assistant to the Azerbaijani president, said the city was hit. "
        "Later Hajiyev said that rescue work continued."
    )
    found = _extract(text)
    assert [r.source_name for r in found] == ["Hikmet Hajiyev", "Hikmet Hajiyev"]
    assert found[1].role == "assistant to the Azerbaijani president"


def test_appositive_title_becomes_role() -> None:
    found = _extract(
        "Hikmet Hajiyev, assistant to the Azerbaijani president, said the city was hit."
    )
    rel = _by_cue(found, "said")
    assert rel.source_name == "Hikmet Hajiyev"
    assert rel.role == "assistant to the Azerbaijani president"


def test_title_before_name_becomes_role() -> None:
    found = _extract("White House press secretary Josh Earnest said the talks would go on.")
    rel = _by_cue(found, "said")
    assert (rel.source_name, rel.role) == ("Josh Earnest", "White House press secretary")


def test_speech_inside_a_quote_is_part_of_the_quote() -> None:
    text = 'The foreign minister said: "Those attacks are illegal. We condemn them."'
    found = _extract(text)
    assert [(r.source_name, r.cue.text) for r in found] == [("The foreign minister", "said:")]
    assert found[0].content.text == '"Those attacks are illegal. We condemn them."'


def test_speech_reported_inside_indirect_content_is_not_the_articles_own() -> None:
    text = "Trump said that Clinton once described the trade deal as the gold standard."
    found = _extract(text)
    assert [(r.source_name, r.cue.text) for r in found] == [("Trump", "said")]
    assert "Clinton once described" in found[0].content.text


def test_quote_continued_in_the_next_sentence() -> None:
    text = "\u201cThe roads are closed,\u201d Ana Petrova said. \u201cNobody can leave.\u201d"
    rel = _by_cue(_extract(text), "said")
    assert [p.text for p in rel.content_parts] == [
        "\u201cThe roads are closed,\u201d",
        "\u201cNobody can leave.\u201d",
    ]


def test_aside_between_two_halves_of_the_content() -> None:
    text = "Back in Virginia, Mr. Clarke said, he decided to take aim at the coal industry."
    rel = _by_cue(_extract(text), "said")
    assert rel.source_name == "Mr. Clarke"
    assert [p.text for p in rel.content_parts] == [
        "Back in Virginia",
        "he decided to take aim at the coal industry",
    ]


def test_typewriter_quotes_are_quotes() -> None:
    rel = _by_cue(_extract("''We will win,'' the coach said."), "said")
    assert rel.content.text == "''We will win,''"
    assert rel.direct


def test_speaker_label_before_a_colon() -> None:
    text = "Transcript follows.\n\nWALLACE: Let us start with the news of the day."
    rel = _by_cue(_extract(text), ":")
    assert rel.source_name == "WALLACE"
    assert rel.content.text == "Let us start with the news of the day"


def test_speaker_label_followed_by_a_no_break_space() -> None:
    text = "Transcript follows.\n\nTUCKER CARLSON:\u00a0The agency is reading our emails."
    rel = _by_cue(_extract(text), ":")
    assert rel.source_name == "TUCKER CARLSON"
    assert rel.content.text == "The agency is reading our emails"


def test_dash_byline_after_a_quote() -> None:
    text = "\u201cHe does not speak for us.\u201d \u2015 Sonya Herridge\n"
    rel = _by_cue(_extract(text), "\u2015")
    assert rel.source_name == "Sonya Herridge"
    assert rel.content.text == "\u201cHe does not speak for us.\u201d"


def test_cue_keeps_auxiliaries_and_time_words() -> None:
    found = _extract(
        "The ministry has also denied the report. The mayor said Monday that it was over."
    )
    assert {r.cue.text for r in found} >= {"has also denied", "said Monday"}


def test_possessed_noun_with_a_that_clause() -> None:
    found = _extract("Trump's claim that thousands of shootings took place was checked.")
    rel = _by_cue(found, "claim")
    assert rel.source is not None and rel.source.text == "Trump's"
    assert rel.source_name == "Trump"
    assert rel.content.text == "that thousands of shootings took place"


def test_relative_pronoun_source_names_its_antecedent() -> None:
    found = _extract("It was Smith, who said that the vote was rigged, who left first.")
    rel = _by_cue(found, "said")
    assert rel.source is not None and rel.source.text == "who"
    assert rel.source_name == "Smith"


def test_reporting_infinitive_takes_the_governing_verb_into_the_cue() -> None:
    found = _extract("The nominee continues to insist that he really wants to release them.")
    rel = _by_cue(found, "continues to insist")
    assert rel.content.text == "that he really wants to release them"


def test_hedges_and_infinitives_are_not_attributions() -> None:
    assert _extract("I think the plan will fail, and you know it.") == []
    # "to say" reports nothing yet: the mayor's wish is attributed, no speech is.
    found = _extract("The mayor wants to say something about the plan.")
    assert [(r.cue.text, r.cue_lemma) for r in found] == [("wants", "want")]


def test_text_without_attribution_gives_nothing() -> None:
    assert _extract("The river rose by two metres overnight and the bridge closed.") == []


def test_batch_matches_single() -> None:
    articles = [
        Article(id="a", text="The ministry said that the border was closed."),
        Article(id="b", text="\u201cIt is over,\u201d the coach said."),
    ]
    batch = extract_many(articles)
    assert batch == [extract_attributions(a) for a in articles]
    assert extract_many(articles, n_process=2) == batch
    assert [r.document for r in batch[1]] == ["b"]


def test_parallel_extraction_keeps_input_order_for_uneven_lengths() -> None:
    # Shares are dealt by text length, not by position: results still come back in order.
    long_text = " ".join(f"Official {i} said that road {i} was closed." for i in range(40))
    articles = [
        Article(id="short1", text="The ministry said that the border was closed."),
        Article(id="long", text=long_text),
        Article(id="short2", text="\u201cIt is over,\u201d the coach said."),
        Article(id="short3", text="The mayor said that the bridge was open."),
    ]
    sequential = extract_many(articles)
    assert extract_many(articles, n_process=2) == sequential
    assert [rels[0].document for rels in sequential] == ["short1", "long", "short2", "short3"]


def test_missing_model_is_a_typed_error_naming_the_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from summarize.errors import ConfigError, NlpModelMissingError
    from summarize.evidence import nlp

    monkeypatch.setattr(nlp, "MODEL_NAMES", ("no_such_model_xyz",))
    nlp._load.cache_clear()
    try:
        with pytest.raises(NlpModelMissingError) as info:
            nlp.load_nlp()
    finally:
        nlp._load.cache_clear()
    assert isinstance(info.value, ConfigError)
    assert "no_such_model_xyz" in str(info.value)
    assert "pip install" in str(info.value)


def test_place_finding_loads_spacy_through_the_one_loader(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from summarize.errors import NlpModelMissingError
    from summarize.evidence import nlp
    from summarize.evidence.places import build_gazetteer

    monkeypatch.setattr(nlp, "MODEL_NAMES", ("no_such_model_xyz",))
    nlp._load.cache_clear()
    try:
        with pytest.raises(NlpModelMissingError) as info:
            build_gazetteer([Article(id="a", text="Officials in Baku said so.")])
    finally:
        nlp._load.cache_clear()
    assert "no_such_model_xyz" in str(info.value)
    assert "pip install" in str(info.value)


# --- the seed folder ---------------------------------------------------------------------


def test_interview_setting_stays_with_the_cue() -> None:
    found = _extract(
        "\u201cThat was outrageous,\u201d the strategist said in an interview with CNN. "
        "The mayor said in a phone interview that the roads were closed."
    )
    quoted = _by_cue(found, "said in an interview with CNN")
    assert quoted.content.text == "\u201cThat was outrageous,\u201d"
    clause = _by_cue(found, "said in a phone interview")
    assert clause.content.text == "that the roads were closed"


def test_inverted_speaker_label_names_the_speaker() -> None:
    found = _extract(
        "Tax experts disagree.\nSaid Ellis: \u201cShe is not interested in tax reform.\u201d\n"
    )
    rel = _by_cue(found, "Said")
    assert rel.source is not None and rel.source.text == "Ellis"
    assert rel.source_name == "Ellis"
    assert rel.content.text == "\u201cShe is not interested in tax reform.\u201d"


def test_reporting_aside_is_not_part_of_the_source() -> None:
    found = _extract(
        "Mr. Kamin, who emphasized that the plan was simple, said the rules would change."
    )
    rel = _by_cue(found, "said")
    assert rel.source is not None and rel.source.text == "Mr. Kamin"
    assert rel.content.text == "the rules would change"
    aside = _by_cue(found, "emphasized")
    assert aside.content.text == "that the plan was simple"


def test_descriptive_relative_clause_stays_in_the_source() -> None:
    found = _extract(
        "Peter Morgan, who has challenged the coal industry, said the rules would change."
    )
    rel = _by_cue(found, "said")
    assert rel.source is not None
    assert rel.source.text == "Peter Morgan, who has challenged the coal industry,"


def test_passive_cue_with_agent_names_the_agent() -> None:
    found = _extract("The registration issue was first reported by The Washington Post.")
    rel = _by_cue(found, "was first reported by")
    assert rel.source is not None and rel.source.text == "The Washington Post"
    assert rel.content.text == "The registration issue"


def test_passive_cue_without_agent_reports_nothing() -> None:
    found = _extract("The registration issue was first reported last week.")
    assert not [r for r in found if "reported" in r.cue.text]


def test_gerund_after_by_takes_the_main_subject() -> None:
    found = _extract("Dean began by saying he would never diagnose anyone on television.")
    rel = _by_cue(found, "saying")
    assert rel.source is not None and rel.source.text == "Dean"
    assert rel.content.text == "he would never diagnose anyone on television"


def test_that_clause_hung_on_a_time_phrase_is_still_the_content() -> None:
    found = _extract("Trump tweeted in the early morning hours that Machado was disgusting.")
    rel = _by_cue(found, "tweeted")
    assert rel.content.text == "that Machado was disgusting"
    assert not _extract("She spoke for hours that passed slowly.")


def test_headline_kickers_and_corrections_are_not_speaker_labels() -> None:
    found = _extract(
        "The Latest: Trump urges supporters to monitor polling places.\n"
        "Correction: An earlier version of this article misstated the date.\n"
        "Pence: Flowers won't be at the debate\n"
    )
    assert [r.source_name for r in found if r.cue.text == ":"] == ["Pence"]


def test_a_lone_label_opening_the_text_is_a_headline_not_a_transcript() -> None:
    found = _extract(
        "Dem Report: NRA Was 'Foreign Asset' for Russia. The National Rifle Association "
        "was a foreign asset, Sen. Ron Wyden said on Twitter."
    )
    label = _by_cue(found, ":")
    assert label.content.text == "NRA Was 'Foreign Asset' for Russia"
    assert (
        _by_cue(found, "said").content.text == "The National Rifle Association was a foreign asset"
    )
    transcript = _extract("WALLACE: Good evening.\nBIDEN: Thank you, Chris.\n")
    assert [r.source_name for r in transcript if r.cue.text == ":"] == ["WALLACE", "BIDEN"]


def test_a_finite_verb_joined_to_a_modal_clause_is_the_speakers_act_not_content() -> None:
    found = _extract("The mayor said the city would appeal and asked residents to stay calm.")
    assert _by_cue(found, "said").content.text == "the city would appeal"
    kept = _extract("The mayor said the plan would fail and cost the city millions.")
    assert _by_cue(kept, "said").content.text == "the plan would fail and cost the city millions"


def test_a_parenthesis_after_the_speakers_name_is_not_part_of_the_name() -> None:
    found = _extract(
        "House Speaker\u00a0Nancy Pelosi\u00a0(D-Calif.) on Thursday said the panel would "
        "not let Republicans obstruct its work."
    )
    name = _by_cue(found, "said").source_name
    assert " ".join(name.split()) == "House Speaker Nancy Pelosi"


def test_the_speakers_next_act_has_the_speaker_for_its_source() -> None:
    found = _extract(
        "Prime Minister Theresa May said that the country would formally declare its "
        "intention by March and suggested that it would withdraw from the single market."
    )
    said = _by_cue(found, "said")
    assert said.content.text == "that the country would formally declare its intention by March"
    suggested = _by_cue(found, "suggested")
    assert suggested.source is not None and suggested.source.text == "Prime Minister Theresa May"


def test_a_dash_bylines_quote_of_several_sentences_is_all_the_content() -> None:
    quote = "\u201dMr. Trump embodies racism. He represents our greatest shame.\u201d"
    found = _extract(f"Readers wrote to us.\n\n{quote} \u2015 Sonya Herridge\n")
    assert _by_cue(found, "\u2015").content.text == quote


def test_speaker_with_dotted_initials_is_named_in_full() -> None:
    found = _extract("Rep. G.K. Butterfield said the vote would be close.")
    rel = _by_cue(found, "said")
    assert rel.source is not None and rel.source.text == "Rep. G.K. Butterfield"


def test_dateline_is_not_part_of_the_content() -> None:
    found = _extract(
        "WASHINGTON \u2015 Donald Trump\u2019s obsession is an insult, the senator said."
    )
    rel = _by_cue(found, "said")
    assert rel.content.text == "Donald Trump\u2019s obsession is an insult"


def test_quote_after_verb_and_comma_is_the_content_even_when_misparsed() -> None:
    quote = (
        "\u201cWhen people come back from war and combat, and they see things that maybe "
        "a lot of the folks in this room have seen many times over, and you\u2019re strong "
        "and you can handle it. But a lot of people can\u2019t handle it.\u201d"
    )
    found = _extract(f"Trump said, {quote}")
    rel = _by_cue(found, "said")
    assert rel.content.text == quote
    assert rel.direct


def test_name_words_after_a_quote_stay_with_the_source() -> None:
    found = _extract(
        "\u201cWe will achieve justice in this case,\u201d Tulsa police Chief Chuck Jordan "
        "said Monday."
    )
    rel = _by_cue(found, "said")
    assert rel.content.text == "\u201cWe will achieve justice in this case,\u201d"
    assert rel.source is not None
    assert rel.source.text == "Tulsa police Chief Chuck Jordan"


@pytest.fixture(scope="module")
def seeds() -> dict[str, list[Attribution]]:
    articles = load_folder(SEEDS)
    return {a.id[:3]: rels for a, rels in zip(articles, extract_many(articles), strict=True)}


def test_seed_spans_are_slices(seeds: dict[str, list[Attribution]]) -> None:
    texts = {a.id[:3]: a.text for a in load_folder(SEEDS)}
    for key, rels in seeds.items():
        for rel in rels:
            assert texts[key][rel.content.start : rel.content.end] == rel.content.text


def test_seed_hajiyev_quotes_carry_name_and_role(seeds: dict[str, list[Attribution]]) -> None:
    hajiyev = [r for r in seeds["001"] if r.source_name == "Hikmet Hajiyev"]
    assert len(hajiyev) >= 8
    assert {r.role for r in hajiyev} == {"assistant to the Azerbaijani president"}
    assert any(r.content.text.startswith("\u201cTwo kids are among the dead.") for r in hajiyev)


def test_seed_he_said_resolved_to_hajiyev(seeds: dict[str, list[Attribution]]) -> None:
    he = [r for r in seeds["001"] if r.source is not None and r.source.text == "he"]
    assert he
    assert all(r.source_name == "Hikmet Hajiyev" for r in he[:5])


def test_seed_armenian_denial_found(seeds: dict[str, list[Attribution]]) -> None:
    denials = [r for r in seeds["003"] if r.cue_lemma == "deny"]
    assert any(r.source_name == "The Armenian Defense Ministry" for r in denials)


def test_seed_wrapped_lines_still_give_name_and_role(
    seeds: dict[str, list[Attribution]],
) -> None:
    tweeted = next(r for r in seeds["003"] if r.cue_lemma == "tweet" and "Hajiyev" in r.source_name)
    assert tweeted.source_name == "Hikmat Hajiyev"
    assert tweeted.role == "Azerbaijan's aide to the president"


def test_seed_prosecutors_found(seeds: dict[str, list[Attribution]]) -> None:
    rel = next(r for r in seeds["000"] if "General Prosecutors" in r.source_name)
    assert "12 people were killed" in rel.content.text


def test_a_verb_inside_a_quote_does_not_hide_the_attribution_after_it() -> None:
    # The quoted "feels like" and "would have hoped" are the speakers' own words:
    # their clauses must not swallow the article's cues "he said" and "said Hans ...".
    text = (
        "\"It feels like, 'Meh, we can put this off a little bit,'\" he said. "
        '"One would have hoped for transformational leadership," said Hans Schellnhuber, '
        "the director of the institute."
    )
    found = _extract(text)
    assert [r.cue.text for r in found] == ["said", "said"]
    assert found[0].content.text.startswith('"It feels like')
    assert found[1].source_name == "Hans Schellnhuber"
    assert found[1].content.text.startswith('"One would have hoped')


def test_quoted_as_saying_attributes_to_the_passive_subject() -> None:
    found = _extract(
        "A spokesman for the ministry was quoted by Reuters as saying the strikes were legal."
    )
    rel = _by_cue(found, "was quoted by Reuters as saying")
    assert rel.source_name == "A spokesman for the ministry"
    assert rel.content.text == "the strikes were legal"


def test_an_opening_question_is_not_what_the_speaker_said() -> None:
    # "Asked about X," is the circumstance of the answer; the answer is the quote.
    found = _extract('Asked about the device, O\'Neill said, "Not going to go into that."')
    said = _by_cue(found, "said")
    assert [p.text for p in said.content_parts or [said.content]] == [
        '"Not going to go into that."'
    ]


def test_when_or_how_one_spoke_is_not_what_one_spoke_about() -> None:
    found = _extract(
        "Speaking to reporters on Monday, the minister said the talks would resume. "
        "Officials, speaking on condition of anonymity, said the strikes were legal. "
        "The senator spoke on Thursday about the families."
    )
    assert [r.content.text for r in found] == [
        "the talks would resume",
        "the strikes were legal",
        "the families",
    ]


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("Cruz exhorted Republicans to vote for Trump.", "exhorted", "Republicans to vote"),
        ("Two speechwriters implored her to raise his taxes.", "implored", "her to raise"),
        ("The director chastised Clinton for her use of the server.", "chastised", "Clinton"),
        ("He railed against the influence of super PACs.", "railed against", "the influence"),
        ("The nominee also outlined his cybersecurity plan.", "also outlined", "his cyber"),
        ("The report underscored that the risks were rising.", "underscored", "that the risks"),
    ],
)
def test_more_verbs_of_saying(text: str, cue: str, content: str) -> None:
    rel = _by_cue(_extract(text), cue)
    assert rel.content.text.startswith(content)


def test_adding_that_is_the_speakers_next_statement() -> None:
    # "..., adding that B" is a second statement by the same speaker, not part of A.
    found = _extract(
        "The ministry said the strikes killed 12 people, adding that the toll could rise."
    )
    said = _by_cue(found, "said")
    assert said.content.text == "the strikes killed 12 people"
    adding = _by_cue(found, "adding")
    assert adding.source_name == "The ministry"
    assert adding.content.text == "that the toll could rise"


def test_a_speech_noun_with_from_names_its_speaker() -> None:
    found = _extract(
        "The strikes drew vows of retaliation from the militants. "
        "The move prompted a warning from the CDC that cases could rise. "
        "The plan drew criticism from Democrats."
    )
    vows = _by_cue(found, "vows")
    assert (vows.source_name, vows.content.text) == ("the militants", "retaliation")
    warning = _by_cue(found, "warning")
    assert (warning.source_name, warning.content.text) == ("the CDC", "that cases could rise")
    assert all(r.cue.text != "criticism" for r in found)  # said nothing about what
