"""Grounding by pointer: the model cites sentence ids, code fills the evidence from
the article, near-verbatim quotes are snapped, the rest is repaired or dropped,
and a reply is asked for again only when too much of it is lost."""

from __future__ import annotations

import copy
import json
import logging
from typing import Any

import pytest
from fake_openai import FakeOpenAI, Reply
from llm_fixtures import ALPHA, BETA, bundle, make_engine

from summarize.engines.llm.pointers import REASK_DROP_SHARE
from summarize.errors import ValidationExhaustedError
from summarize.snapping import snap_offsets as snap_quote

# ALPHA: d1.s1 "Officials said 10 people were killed in the strike on Monday."
#        d1.s2 "The interior ministry called it “a deliberate attack on civilians”."
# BETA:  d2.s1 "The defence ministry denied targeting civilians."
#        d2.s2 "It said the strike hit a military depot."


#: Who speaks in each test sentence (named in it, or the document itself).
SPEAKERS = {
    "d1.s1": "Officials",
    "d1.s2": "interior ministry",
    "d2.s1": "defence ministry",
    "d2.s2": "the author of document beta",
}


def claim(
    cid: str, statement: str, doc: str, *ids: str, quote: str | None = None
) -> dict[str, Any]:
    speaker = SPEAKERS.get(ids[0], "Officials") if ids else "Officials"
    return {
        "id": cid,
        "statement": statement,
        "speaker": {"name": speaker, "role": None, "affiliation": None},
        "quote": None,
        "evidence": [{"sentence_ids": list(ids), "quote": quote}],
        "reported_by": [doc],
    }


def pointer_reply(*claims: dict[str, Any]) -> dict[str, Any]:
    return {
        "event": {"title": "Strike on the city", "date": None, "location": None},
        "summary": "Accounts of the strike differ.",
        "claims": list(claims),
        "disputes": [],
        "documents": [
            {"id": "alpha", "on_event": True, "reason": None},
            {"id": "beta", "on_event": True, "reason": None},
        ],
    }


C1 = claim("c1", "Officials said 10 people were killed.", "alpha", "d1.s1")
C2 = claim("c2", "The interior ministry called it a deliberate attack.", "alpha", "d1.s2")
C3 = claim("c3", "The defence ministry denied targeting civilians.", "beta", "d2.s1")
C4 = claim("c4", "The defence ministry said it hit a military depot.", "beta", "d2.s2")
FOUR = (C1, C2, C3, C4)


async def test_evidence_cited_by_id_is_filled_verbatim_from_the_article(
    fake_openai: FakeOpenAI,
) -> None:
    fake_openai.script(pointer_reply(*FOUR))
    summary = await make_engine(fake_openai).compose(bundle())
    ev = summary.claims[0].evidence[0]
    assert (ev.document, ev.sentence_ids) == ("alpha", ["d1.s1"])
    assert ev.start is not None and ev.end is not None
    assert ev.quote == ALPHA.text[ev.start : ev.end]
    assert ev.quote == "Officials said 10 people were killed in the strike on Monday."
    assert summary.claims[2].evidence[0].quote == BETA.text.split("\n")[0]
    assert summary.dropped == []


async def test_a_near_verbatim_sub_quote_is_snapped_to_the_source_text(
    fake_openai: FakeOpenAI,
) -> None:
    paraphrased = claim(
        "c2",
        "The interior ministry called it a deliberate attack.",
        "alpha",
        "d1.s2",
        quote='"A deliberate atack on civilians"',  # case, straight quotes, a typo
    )
    fake_openai.script(pointer_reply(C1, paraphrased, C3, C4))
    summary = await make_engine(fake_openai).compose(bundle())
    ev = summary.claims[1].evidence[0]
    assert ev.quote == ALPHA.text[ev.start : ev.end]
    assert "a deliberate attack on civilians" in ev.quote
    assert ev.sentence_ids == ["d1.s2"]
    assert len(fake_openai.chat_requests) == 1


async def test_a_quote_that_changes_a_number_is_left_out_and_the_cited_sentence_stands(
    fake_openai: FakeOpenAI,
) -> None:
    wrong = claim("c1", "Officials said people were killed.", "alpha", "d1.s1", quote="12 people")
    fake_openai.script(pointer_reply(wrong, C2, C3, C4))
    summary = await make_engine(fake_openai).compose(bundle())
    assert summary.claims[0].evidence[0].quote == ALPHA.text.split("\n")[0]
    assert "12" not in json.dumps(summary.model_dump(mode="json")["claims"])


async def test_one_ungroundable_claim_is_dropped_listed_and_logged_without_a_re_ask(
    fake_openai: FakeOpenAI, caplog: pytest.LogCaptureFixture
) -> None:
    invented = claim("c5", "Officials said the depot burned.", "beta", "d2.s9")
    fake_openai.script(pointer_reply(*FOUR, invented))
    with caplog.at_level(logging.WARNING, logger="summarize"):
        summary = await make_engine(fake_openai).compose(bundle())
    assert len(fake_openai.chat_requests) == 1, "1 of 5 dropped is no reason to ask again"
    assert [c.id for c in summary.claims] == ["c1", "c2", "c3", "c4"]
    [dropped] = summary.dropped
    assert dropped.claim_id == "c5" and "d2.s9" in dropped.reason
    assert any("c5" in r.getMessage() and r.levelno == logging.WARNING for r in caplog.records)


async def test_a_statement_number_missing_from_its_evidence_drops_that_claim(
    fake_openai: FakeOpenAI,
) -> None:
    dated = claim("c3", "The defence ministry denied 17 strikes.", "beta", "d2.s1")
    fake_openai.script(pointer_reply(C1, C2, dated, C4, copy.deepcopy(C4) | {"id": "c6"}))
    summary = await make_engine(fake_openai).compose(bundle())
    [dropped] = summary.dropped
    assert dropped.claim_id == "c3" and "17" in dropped.reason
    assert "c3" not in {c.id for c in summary.claims}


async def test_losing_more_than_the_share_re_asks_with_the_last_reply_and_nearest_sentence(
    fake_openai: FakeOpenAI,
) -> None:
    assert REASK_DROP_SHARE == 0.25
    bad = [
        claim("c1", "Officials said 10 people were killed.", "alpha", "d1.s7"),
        claim("c2", "The ministry denied it.", "beta", "d9.s1"),
    ]
    first = pointer_reply(*bad, C3, C4)  # 2 of 4 dropped: more than a quarter
    fake_openai.script(first, first, pointer_reply(*FOUR))
    summary = await make_engine(fake_openai, max_retries=2).compose(bundle())
    assert [c.id for c in summary.claims] == ["c1", "c2", "c3", "c4"]
    requests = fake_openai.chat_requests
    assert len(requests) == 3
    for later in requests[1:]:
        _, _, assistant, reask = later["messages"]  # never the whole conversation
        assert json.loads(assistant["content"]) == first
        assert "claim c1 evidence[0]" in reask["content"] and "d1.s7" in reask["content"]
        assert "nearest source sentence: [d1.s1] Officials said 10 people" in reask["content"]
        assert "claim c2 evidence[0]" in reask["content"]


async def test_when_retries_run_out_the_best_acceptable_reply_is_kept_with_its_drops(
    fake_openai: FakeOpenAI,
) -> None:
    lossy = pointer_reply(claim("c1", "Officials said so.", "alpha", "d1.s99"), C3)
    fake_openai.script(lossy, lossy)
    summary = await make_engine(fake_openai, max_retries=1).compose(bundle())
    assert [c.id for c in summary.claims] == ["c3"]
    assert [d.claim_id for d in summary.dropped] == ["c1"]


async def test_a_reply_with_no_groundable_claim_fails_with_its_failures(
    fake_openai: FakeOpenAI,
) -> None:
    hopeless = pointer_reply(claim("c1", "Officials said so.", "alpha", "d1.s99"))
    fake_openai.script(hopeless, hopeless)
    with pytest.raises(ValidationExhaustedError) as caught:
        await make_engine(fake_openai, max_retries=1).compose(bundle())
    assert any("d1.s99" in f for f in caught.value.failures)


@pytest.mark.parametrize("mode", ["json", "tools", "md_json"])
@pytest.mark.parametrize("wrapping", ["fences", "leading_prose"])
async def test_fences_and_leading_prose_are_stripped_in_every_mode(
    fake_openai: FakeOpenAI, mode: str, wrapping: str
) -> None:
    setattr(fake_openai.imitation, wrapping, True)
    fake_openai.script(pointer_reply(*FOUR))
    summary = await make_engine(fake_openai, mode=mode, max_retries=0).compose(bundle())
    assert len(summary.claims) == 4


async def test_a_reply_in_the_copied_quote_shape_is_still_read(fake_openai: FakeOpenAI) -> None:
    old = pointer_reply(*FOUR)
    old["claims"][0]["evidence"] = [{"document": "alpha", "quote": "10 people were killed"}]
    fake_openai.script(Reply.json(old))
    summary = await make_engine(fake_openai).compose(bundle())
    ev = summary.claims[0].evidence[0]
    assert (ev.quote, ev.sentence_ids) == ("10 people were killed", ["d1.s1"])


SOURCE = (
    "The minister said \u201cwe will not retreat \u2013 ever\u201d on 3 May, adding: stay calm."
)


@pytest.mark.parametrize(
    ("quote", "expected"),
    [
        ('"we will not retreat - ever"', "we will not retreat \u2013 ever"),
        ("The Minister said", "The minister said"),
        ("we will not retreet", "we will not retreat"),
        (
            "The minister said ... on 3 May",
            "The minister said \u201cwe will not retreat \u2013 ever\u201d on 3 May",
        ),
        ("adding: stay calm.", "adding: stay calm."),
    ],
)
def test_snapping_forgives_dashes_ellipses_case_quote_marks_and_spelling(
    quote: str, expected: str
) -> None:
    span = snap_quote(quote, SOURCE)
    assert span is not None and SOURCE[span[0] : span[1]] == expected


@pytest.mark.parametrize(
    "quote",
    [
        "The minister said we will retreat",  # a negation dropped
        "we will not retreat on 4 May",  # another number
        "we will never advance - ever",  # other words
        "The president said",  # another speaker
    ],
)
def test_snapping_never_forgives_a_changed_number_negation_or_word(quote: str) -> None:
    assert snap_quote(quote, SOURCE) is None
