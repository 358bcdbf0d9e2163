"""The reader's HTML and Markdown views: every claim's source link opens its
highlighted passage, article text is escaped, outlets are named, the speaker and
the quote are shown once, off-event, dropped and warned items are visible."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest

from summarize import summarize_articles
from summarize.loader import load_folder
from summarize.models import Article, DroppedItem, EventSummary, Evidence
from summarize.reader_view import locate, readable_name
from summarize.render import render
from summarize.textnorm import fold_strip_quotes

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "ganja"
VOID = {"meta", "br", "hr", "img", "input", "link", "wbr"}


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    text: str = ""
    links: list[str] = field(default_factory=list)
    classes: set[str] = field(default_factory=set)


class Page(HTMLParser):
    """Elements with an id: their tag, attributes, full text and the links inside."""

    def __init__(self, markup: str) -> None:
        super().__init__()
        self.by_id: dict[str, Node] = {}
        self.tags: list[str] = []
        self.open: list[Node | None] = []
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag in VOID:
            return
        values = {k: v or "" for k, v in attrs}
        node = None
        if "id" in values:
            node = Node(tag, values, classes=set(values.get("class", "").split()))
            assert values["id"] not in self.by_id, f"duplicate id {values['id']}"
            self.by_id[values["id"]] = node
        if tag == "a" and values.get("href", "").startswith("#"):
            for open_node in self.open:
                if open_node is not None:
                    open_node.links.append(values["href"][1:])
        self.open.append(node)

    def handle_endtag(self, tag: str) -> None:
        if tag not in VOID and self.open:
            self.open.pop()

    def handle_data(self, data: str) -> None:
        for node in self.open:
            if node is not None:
                node.text += data


@pytest.fixture(scope="module")
def ganja() -> tuple[EventSummary, list[Article]]:
    articles = load_folder(EXAMPLE)
    return summarize_articles(articles, engine="offline"), articles


def test_every_claim_links_to_its_highlighted_passages(
    ganja: tuple[EventSummary, list[Article]],
) -> None:
    summary, articles = ganja
    page = Page(render(summary, "html", articles=articles))
    checked = 0
    for claim in summary.claims:
        item = page.by_id[f"claim-{claim.id}"]
        marks = [page.by_id[t] for t in item.links if t in page.by_id]
        marked = {fold_strip_quotes(m.text) for m in marks if m.tag == "mark"}
        for evidence in claim.evidence:
            assert fold_strip_quotes(evidence.quote) in marked, (claim.id, evidence.quote)
            checked += 1
        for target in item.links:
            assert target in page.by_id, f"{claim.id} links to missing #{target}"
    assert checked >= len(summary.claims)
    # each passage lies inside the article it cites
    for article in articles:
        pane = next(n for n in page.by_id.values() if n.tag == "article" and article.id in n.text)
        assert pane.text.count("\n") > 0


def test_article_text_is_escaped_not_markup(tmp_path: Path) -> None:
    hostile = (
        'Mayor Ana Ruiz said that "the bridge will open <script>alert(1)</script> on Monday". '
        "<img src=x onerror=alert(2)> The council agreed."
    )
    articles = [
        Article(id="a", text=hostile, url="javascript:alert(3)"),
        Article(id="b", text="Mayor Ana Ruiz spoke.", url="https://news.example/b"),
    ]
    summary = summarize_articles(articles, engine="offline")
    markup = render(summary, "html", articles=articles)
    page = Page(markup)
    assert "script" not in page.tags
    assert "img" not in page.tags
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in markup
    assert "<script>alert(1)</script>" in page.by_id["doc1"].text  # shown as text
    assert 'href="javascript:' not in markup  # an address from metadata is only linked if web
    assert 'href="https://news.example/b"' in markup


def test_outlets_are_named_and_slant_shown(tmp_path: Path) -> None:
    for side, outlet in (("left", "Daily Left"), ("right", None)):
        (tmp_path / f"{side}.txt").write_text(
            (f"---\noutlet: {outlet}\n---\n" if outlet else "")
            + "Mayor Ana Ruiz said on Monday that the new bridge would open in May.\n",
            encoding="utf-8",
        )
    articles = load_folder(tmp_path)
    summary = summarize_articles(articles, engine="offline")
    page = Page(render(summary, "html", articles=articles))
    sources = page.by_id["doc1"].text + page.by_id["doc2"].text
    assert "Daily Left" in sources and "left" in sources
    assert "Right" in sources and "right" in sources
    markdown = render(summary, "markdown", articles=articles)
    assert "**Daily Left (left)**" in markdown
    assert "**Right (right)**" in markdown


def test_hash_file_names_get_a_readable_label(
    ganja: tuple[EventSummary, list[Article]],
) -> None:
    summary, articles = ganja
    page = Page(render(summary, "html", articles=articles))
    for claim in summary.claims:
        text = page.by_id[f"claim-{claim.id}"].text
        for doc in claim.reported_by:
            assert doc not in text  # a hash id is never the label
        assert "Article " in text
    assert readable_name("000_bf8c89e02805decc", 1) == "Article 1"
    assert readable_name("lean-left", 2) == "Lean left"
    lead = page.by_id["lead"].text
    assert not any(doc.id in lead for doc in summary.documents)


def test_speaker_and_quote_are_each_shown_once(
    ganja: tuple[EventSummary, list[Article]],
) -> None:
    summary, articles = ganja
    page = Page(render(summary, "html", articles=articles))
    quoted = [c for c in summary.claims if c.quote]
    assert quoted
    for claim in summary.claims:
        text = page.by_id[f"claim-{claim.id}"].text
        assert not text.startswith(claim.speaker.name), text
        if claim.quote:
            assert fold_strip_quotes(text).count(fold_strip_quotes(claim.quote)) == 1, text


def test_off_event_dropped_and_warnings_are_visible(
    ganja: tuple[EventSummary, list[Article]],
) -> None:
    summary, articles = ganja
    off = [d for d in summary.documents if not d.on_event]
    assert off and off[0].reason
    changed = summary.model_copy(
        update={
            "summary": summary.summary + " The regime's heinous act.",
            "dropped": [DroppedItem(statement="Ten ships sank", reason="quote not found")],
        }
    )
    page = Page(render(changed, "html", articles=articles))
    assert off[0].reason in page.by_id["off-event"].text
    assert "Ten ships sank" in page.by_id["dropped"].text
    assert "quote not found" in page.by_id["dropped"].text
    assert "heinous" in page.by_id["warnings"].text
    markdown = render(changed, "markdown", articles=articles)
    assert "## Off event" in markdown and "## Left out" in markdown
    assert "## Verifier warnings" in markdown


def test_without_articles_there_are_no_article_panes(
    ganja: tuple[EventSummary, list[Article]],
) -> None:
    summary, _ = ganja
    page = Page(render(summary, "html"))
    assert "articles" not in page.by_id
    assert not [n for n in page.by_id.values() if n.tag == "mark"]
    assert f"claim-{summary.claims[0].id}" in page.by_id


def test_markdown_groups_claims_by_speaker_with_dispute_tables(
    ganja: tuple[EventSummary, list[Article]],
) -> None:
    summary, articles = ganja
    markdown = render(summary, "markdown", articles=articles)
    assert markdown.index("## Sources") < markdown.index("## Who said what")
    assert "| Who | Says | Reported by |" in markdown
    speakers = {c.speaker.name for c in summary.claims}
    for name in speakers:
        assert f"### {name}" in markdown.replace("\\", "")
    for claim in summary.claims:
        assert f"- {claim.speaker.name} said" not in markdown


def test_located_passage_uses_offsets_or_folding() -> None:
    text = "He said \u201cwe will  rebuild\u201d on Monday."
    assert locate('"we will rebuild"', text) == (8, 26)
    assert text[8:26] == "\u201cwe will  rebuild\u201d"
    assert locate("we will rebuild", text, 9, 25) == (9, 25)
    assert locate("we will rebuild", text, 0, 5) == (9, 25)  # wrong offsets: found anyway
    assert locate("never said", text) is None


def test_two_passages_in_one_article_get_two_links(
    ganja: tuple[EventSummary, list[Article]],
) -> None:
    summary, articles = ganja
    claim = summary.claims[0]
    first = claim.evidence[0]
    text = next(a.text for a in articles if a.id == first.document)
    other = next(
        line.strip()
        for line in text.splitlines()
        if len(line.strip()) > 40 and fold_strip_quotes(line) != fold_strip_quotes(first.quote)
    )
    extra = Evidence(document=first.document, quote=other)
    changed = summary.model_copy(
        update={"claims": [claim.model_copy(update={"evidence": [*claim.evidence, extra]})]}
    )
    page = Page(render(changed, "html", articles=articles))
    item = page.by_id[f"claim-{claim.id}"]
    marked = {fold_strip_quotes(page.by_id[t].text) for t in item.links if t in page.by_id}
    assert fold_strip_quotes(other) in marked
    assert fold_strip_quotes(first.quote) in marked
