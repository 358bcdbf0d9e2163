"""Prompt condensing: wire copy once with credit, boilerplate out, kept text verbatim."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarize.engines.llm.condense import (
    confident_off_event,
    plain_prompt_documents,
    prompt_documents,
)
from summarize.engines.llm.prompting import render_user
from summarize.evidence.bundle import build_bundle
from summarize.evidence.types import Attribution, EvidenceBundle, Span
from summarize.loader import load_folder
from summarize.models import Article
from summarize.textnorm import occurs_verbatim

WIRE = (
    "Relations between the two former Soviet republics have been tense since 1991, "
    "when the military occupied the region."
)


def bundle(*texts: str, outlets: tuple[str, ...] = ()) -> EvidenceBundle:
    articles = [
        Article(id=f"d{n}", text=t, outlet=outlets[n] if n < len(outlets) else None)
        for n, t in enumerate(texts)
    ]
    return EvidenceBundle(articles=articles)


def test_a_syndicated_passage_is_carried_once_and_credited_to_every_outlet() -> None:
    docs = prompt_documents(
        bundle(
            f"The mayor spoke on Monday about the flood.\n\n{WIRE}\n",
            f"Rescue teams worked through the night in the valley.\n{WIRE}\n",
            f"{WIRE.replace('1991,', '1991')}\nA third outlet added its own line here.\n",
            outlets=("Agency A", "Paper B", "Site C"),
        )
    )
    assert WIRE in docs[0].text
    assert "Relations between" not in docs[1].text and "Relations between" not in docs[2].text
    credits = " ".join(docs[0].notes)
    assert "d1 (Paper B)" in credits and "d2 (Site C)" in credits
    assert any("d0 (Agency A)" in n for n in docs[1].notes)
    assert "Rescue teams worked" in docs[1].text


def test_a_passage_that_adds_to_the_wire_copy_is_kept_whole() -> None:
    longer = WIRE[:-1] + ", an official told reporters in the capital on Friday evening."
    docs = prompt_documents(bundle(WIRE, longer))
    assert docs[1].text == longer


@pytest.mark.parametrize(
    "boilerplate",
    [
        "Photo: Anadolu Images",
        "READ MORE",
        "Read more: Ten things to know about the bridge",
        "Copyright 2022 Anadolu Agency. All rights reserved. This material may not be published.",
        "© 2024 Example Media",
        "*Writing by Gozde Bayar and Havva Kara Aydin",
        "- Published Date: 12:50 | 17 October 2020",
        "(Al Jazeera)",
    ],
)
def test_boilerplate_is_dropped(boilerplate: str) -> None:
    body = "The minister said the bridge would reopen in May after repairs."
    docs = prompt_documents(bundle(f"{body}\n{boilerplate}\nOfficials confirmed the date."))
    assert boilerplate.split(":")[0].split(".")[0] not in docs[0].text
    assert body in docs[0].text and "Officials confirmed the date." in docs[0].text


def test_a_photo_credit_after_a_caption_goes_but_the_caption_stays() -> None:
    docs = prompt_documents(bundle("Rescuers search the debris in the city. Photo: Twitter\n"))
    assert docs[0].text == "Rescuers search the debris in the city."


def test_seed_folder_every_kept_line_is_verbatim_and_shorter(examples_dir: Path) -> None:
    articles = load_folder(examples_dir)
    b = EvidenceBundle(articles=articles)
    condensed = prompt_documents(b)
    plain = plain_prompt_documents(b)
    assert [d.id for d in condensed] == [a.id for a in articles]
    for doc, article in zip(condensed, articles, strict=True):
        for line in filter(str.strip, doc.text.splitlines()):
            assert occurs_verbatim(line, article.text), (doc.id, line)
    assert sum(len(d.text) for d in condensed) < 0.9 * sum(len(d.text) for d in plain)
    assert "All rights reserved" not in condensed[1].text


OSCE = (
    "The OSCE Minsk Group – co-chaired by France, Russia, and the US – was formed in 1992 "
    "to find a peaceful solution to the conflict, but to no avail."
)


def test_a_copy_differing_only_in_dashes_and_spelling_is_carried_once() -> None:
    variant = (
        "The OSCE Minsk Group-co-chaired by France, Russia, and the U.S.-was formed in 1992 "
        "to find a peaceful solution to the conflict, but to no avail."
    )
    docs = prompt_documents(bundle(OSCE, f"Rescue teams worked all night.\n{variant}"))
    assert "Minsk" not in docs[1].text
    assert any("d1" in n for n in docs[0].notes)


@pytest.mark.parametrize(
    ("earlier", "later"),
    [
        (
            "Many world powers, including Russia and France, have urged a new cease-fire.",
            "Many world powers, including Russia and France, have not urged a new cease-fire.",
        ),
        (
            '"The city was hit by missiles overnight," Hajiyev said on Twitter.',
            '"The city was hit by missiles overnight," Pashinyan said on Twitter.',
        ),
        (
            "At least 47 civilians were killed and 222 injured in the attacks.",
            "At least 47 civilians were killed and 232 injured in the attacks.",
        ),
    ],
)
def test_a_near_copy_that_changes_a_name_figure_or_negation_is_kept(
    earlier: str, later: str
) -> None:
    docs = prompt_documents(bundle(earlier, later))
    assert docs[1].text == later


def test_a_left_out_copy_that_introduces_a_speaker_by_full_name_is_put_back() -> None:
    intro = '"Rescue work goes on," Hikmet Hajiyev, assistant to the president, said on Twitter.'
    later = '"Two kids are among the dead," Hajiyev said later in the evening.'
    b = bundle(f"The city was shelled.\n{intro}", f"Sirens sounded at night.\n{intro}\n{later}")
    start = b.articles[1].text.index("Hikmet")
    cue = b.articles[1].text.index("said on")
    b.attributions.append(
        Attribution(
            id="d1:a1",
            document="d1",
            source_name="Hikmet Hajiyev",
            source=Span(start=start, end=start + 14, text="Hikmet Hajiyev"),
            cue=Span(start=cue, end=cue + 4, text="said"),
            content=Span(start=0, end=1, text='"'),
            direct=True,
        )
    )
    docs = prompt_documents(b)
    assert intro in docs[1].text and later in docs[1].text
    without_relations = prompt_documents(bundle(b.articles[0].text, b.articles[1].text))
    assert "Hikmet" not in without_relations[1].text  # a plain copy still goes


def test_hard_wrapped_short_lines_stay_in_their_sentence() -> None:
    text = (
        "The Foreign Ministry tweeted that\none civilian was killed in the attack.\n"
        "Earlier, Azerbaijan accused Armenia of\nfiring on its territory."
    )
    docs = prompt_documents(bundle(text))
    assert docs[0].text == text


def test_seed_folder_confidently_off_event_article_is_shortened_with_its_reason(
    examples_dir: Path,
) -> None:
    b = build_bundle(load_folder(examples_dir))
    off = confident_off_event(b)
    assert list(off) == ["003_2105b4721b65a7a3"]
    docs = {d.id: d for d in prompt_documents(b)}
    whole = {d.id: d for d in prompt_documents(b, shorten_off_event=False)}
    short = docs["003_2105b4721b65a7a3"]
    assert len(short.text) < 0.6 * len(whole["003_2105b4721b65a7a3"].text)
    assert short.text.startswith("Missiles fired from Armenia")  # the opening stays
    assert "50 miles (80 km)" in short.text and "30,000" in short.text  # figures stay
    assert "Arayik Harutyunyan" not in short.text  # no figure, no date: left out
    assert any("different incident" in n and "2020-10-11" in n for n in short.notes)
    for doc_id in docs.keys() - off.keys():
        assert docs[doc_id].text == whole[doc_id].text  # on-event articles untouched


def test_speaker_index_lists_each_named_speaker_once_with_its_documents() -> None:
    b = bundle("Alpha text.", "Beta text.")
    for n, (doc, who, role) in enumerate(
        [("d0", "Hajiyev", "aide"), ("d1", "Hajiyev", "adviser"), ("d1", "We", None)]
    ):
        b.attributions.append(
            Attribution(
                id=f"{doc}:a{n}",
                document=doc,
                source_name=who,
                role=role,
                cue=Span(start=0, end=8, text="declared"),
                content=Span(start=0, end=1, text="x"),
                direct=False,
            )
        )
    user = render_user(b)
    assert "- Hajiyev (aide; adviser): 1, 2\n" in user
    assert "- We" not in user  # a pronoun names no one
    assert "declared" not in user  # cues are in the documents already


def test_a_bulleted_metadata_block_goes_but_a_bulleted_list_of_facts_stays() -> None:
    head = "Missiles hit the city overnight, officials said."
    meta = "- World\n- Agencies and A News\n- Published Date: 12:50 | 17 October 2020\n"
    facts = "- Two schools were closed\n- Roads were cut\n"
    docs = prompt_documents(bundle(f"{head}\n{meta}The mayor spoke at noon.\n{facts}"))
    assert "World" not in docs[0].text and "Agencies" not in docs[0].text
    assert "- Two schools were closed" in docs[0].text and "- Roads were cut" in docs[0].text
