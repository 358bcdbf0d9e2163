"""Tokens: the seed folder's prompt with condensing (wire copy once, boilerplate
out) vs the plain concatenation of all articles, and the claims the offline
extractor finds in both. Target: condensed <= 70% of plain, same claims.

Token counts are estimated as characters / 4 (tiktoken needs to download its
encodings, which this machine cannot).

    python benchmarks/batch_tokens.py [FOLDER]
"""

from __future__ import annotations

import sys
from pathlib import Path

from batch_common import REPO

import summarize.prompting as prompting
from summarize.evidence.attribution import extract_attributions
from summarize.evidence.bundle import build_bundle
from summarize.evidence.condense import (
    PromptDocument,
    plain_prompt_documents,
    prompt_documents,
)
from summarize.loader import load_folder
from summarize.models import Article
from summarize.textnorm import fold_casefold


def tokens(text: str) -> int:
    return len(text) // 4


def doc_tokens(docs: list[PromptDocument]) -> int:
    return sum(tokens(d.text) + sum(tokens(n) for n in d.notes) for d in docs)


def user_message(bundle: object, *, plain: bool, evidence: bool) -> str:
    """The user message exactly as the llm engine renders it, with the prompt
    documents condensed or (``plain``) whole."""
    original = prompting.prompt_documents
    if plain:
        prompting.prompt_documents = plain_prompt_documents  # type: ignore[assignment]
    try:
        return prompting.render_user(bundle, include_attributions=evidence)  # type: ignore[arg-type]
    finally:
        prompting.prompt_documents = original  # type: ignore[assignment]


def claims(articles: list[Article]) -> set[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    for article in articles:
        for a in extract_attributions(article):
            found.add((fold_casefold(a.source_name), fold_casefold(a.content.text)))
    return found


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "examples" / "ganja"
    articles = load_folder(folder)
    bundle = build_bundle(articles)
    plain, condensed = plain_prompt_documents(bundle), prompt_documents(bundle)
    p_docs, c_docs = doc_tokens(plain), doc_tokens(condensed)
    system = tokens(prompting.render_system())
    p_user = tokens(user_message(bundle, plain=True, evidence=False))
    c_user = tokens(user_message(bundle, plain=False, evidence=False))
    p_full = tokens(user_message(bundle, plain=True, evidence=True))
    c_full = tokens(user_message(bundle, plain=False, evidence=True))
    print(f"folder: {folder} ({len(articles)} articles); tokens = characters / 4")
    print(
        f"documents only:          plain {p_docs:6d}  condensed {c_docs:6d}  "
        f"ratio {c_docs / p_docs:.3f}  (target <= 0.70)"
    )
    print(
        f"user message, no evidence: plain {p_user:6d}  condensed {c_user:6d}  "
        f"ratio {c_user / p_user:.3f}"
    )
    print(
        f"system + user + evidence list: plain {system + p_full:6d}  condensed "
        f"{system + c_full:6d}  ratio {(system + c_full) / (system + p_full):.3f}"
    )
    pseudo = [Article(id=d.id, text=d.text, outlet=d.outlet, title=d.title) for d in condensed]
    in_plain, in_condensed = claims(articles), claims(pseudo)
    missing = in_plain - in_condensed
    print(
        f"offline extractor claims (speaker, content) over the event: plain {len(in_plain)}, "
        f"condensed {len(in_condensed)}, missing from condensed {len(missing)}, "
        f"new in condensed {len(in_condensed - in_plain)}"
    )
    contents_plain = {c for _, c in in_plain}
    contents_condensed = {c for _, c in in_condensed}
    print(
        f"claim contents alone: plain {len(contents_plain)}, condensed "
        f"{len(contents_condensed)}, missing from condensed "
        f"{len(contents_plain - contents_condensed)}"
    )
    for speaker, content in sorted(missing)[:10]:
        print(f"   missing: {speaker}: {content[:90]}")
    for speaker, content in sorted(in_condensed - in_plain)[:10]:
        print(f"   new: {speaker}: {content[:90]}")


if __name__ == "__main__":
    main()
