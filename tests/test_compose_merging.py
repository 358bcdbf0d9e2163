"""Cross-outlet merging and wire copy counted once."""

from __future__ import annotations

from compose_helpers import bundle_of, relation

from summarize.engines.offline import compose_body
from summarize.models import Article

WIRE = (
    "Mayor Jane Roe said on Monday that the Riverton bridge will stay closed for six weeks "
    "after inspectors found cracks in two of its supports."
)
A = Article(id="a", text=f"Riverton bridge shut.\n{WIRE}\nTraffic was diverted to the ring road.")
B = Article(id="b", text=f"Commuters face delays.\n{WIRE}\nBuses will run every ten minutes.")
C = Article(
    id="c",
    text=(
        "The Riverton bridge is closed. Roe said the bridge will stay closed for six weeks "
        "after inspectors found cracks in two supports. The union said the closure could last "
        "three months."
    ),
)


def _relations() -> list:
    content = (
        "the Riverton bridge will stay closed for six weeks after inspectors found cracks in two "
        "of its supports"
    )
    return [
        relation(A, "Mayor Jane Roe", "said", content, name="Jane Roe", role="Mayor"),
        relation(B, "Mayor Jane Roe", "said", content, name="Jane Roe", role="Mayor"),
        relation(
            C,
            "Roe",
            "said",
            "the bridge will stay closed for six weeks after inspectors found cracks in two "
            "supports",
        ),
        relation(
            C, "The union", "said", "the closure could last three months", name="the union", n=1
        ),
    ]


def test_same_claim_in_three_outlets_is_one_claim_credited_to_all() -> None:
    body = compose_body(bundle_of([A, B, C], _relations()))
    roe = [c for c in body.claims if c.speaker.name == "Jane Roe"]
    assert len(roe) == 1
    claim = roe[0]
    assert claim.reported_by == ["a", "b", "c"]
    assert [e.document for e in claim.evidence] == ["a", "b", "c"]
    for ev in claim.evidence:
        assert ev.quote in {"a": A, "b": B, "c": C}[ev.document].text
    assert claim.speaker.role == "Mayor"


def test_wire_copy_is_found_and_said_once() -> None:
    bundle = bundle_of([A, B, C], _relations())
    copies = [g for g in bundle.duplicates if {"a", "b"} <= set(g.documents)]
    assert copies, "the shared wire sentence should be one duplicate group"
    for group in copies:
        for doc, occ in zip(group.documents, group.occurrences, strict=True):
            assert occ is not None
            assert bundle.article(doc).text[occ.start : occ.end] == occ.text


def test_different_speakers_are_not_merged() -> None:
    body = compose_body(bundle_of([A, B, C], _relations()))
    speakers = sorted(c.speaker.name for c in body.claims)
    assert speakers == ["Jane Roe", "union"]
