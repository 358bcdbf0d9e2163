"""Prompt condensing: wire copy once with credit, boilerplate out, kept text verbatim."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarize.evidence.condense import plain_prompt_documents, prompt_documents
from summarize.evidence.types import EvidenceBundle
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
