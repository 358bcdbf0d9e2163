"""Render the ``llm`` engine's prompt from the templates in ``prompts/``.

The system and user messages are Jinja templates (``prompts/system.j2``,
``prompts/user.j2``) filled with the prompt documents
(:func:`summarize.engines.llm.condense.prompt_documents`) and the bundle's
attribution relations. Article text is data: each article sits in a numbered
``<document id="...">`` block, and anything inside it that looks like one of
the prompt's own tags (``<document>``, ``</document>``, ``<evidence>``) or a
chat-template role marker (``<|...|>``) is neutralised by a zero-width space
after the ``<``. That space is folded away by :func:`summarize.textnorm.fold`,
so a quote the model copies from such a passage still checks as verbatim.

The prompt version (``prompts/VERSION`` plus a digest of the templates) goes
into every record's provenance and into cache keys, so an edited template can
never be mistaken for the old one.
"""

from __future__ import annotations

import hashlib
import re
from functools import cache
from typing import TypedDict

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from summarize.engines.llm.condense import (
    PromptDocument,
    plain_prompt_documents,
    prompt_documents,
)
from summarize.evidence.types import EvidenceBundle
from summarize.lang.function_words import NAMELESS
from summarize.resources import prompts_dir

SYSTEM_TEMPLATE = "system.j2"
USER_TEMPLATE = "user.j2"
ZWSP = "\u200b"

_TAG_LOOKALIKE = re.compile(r"<(?=\s*/?\s*(?:document|evidence)\b|\|)", re.IGNORECASE)
_BLANK_LINE = re.compile(r"^[ \t]+$", re.MULTILINE)
#: Text in an article that looks like a sentence id of the prompt ("[d2.s14]").
_ID_LOOKALIKE = re.compile(r"\[(?=[A-Za-z0-9_.:-]*\d\])")
_SPACE = re.compile(r"\s+")


class SpeakerLine(TypedDict):
    """One speaker of the prompt's speaker index: the name as the documents give
    it, the roles they give, and the numbers of the documents attributing to it."""

    speaker: str
    roles: list[str]
    documents: list[int]


class ChatMessage(TypedDict):
    """One chat message as sent to the endpoint."""

    role: str
    content: str


def fence(text: str) -> str:
    """Article text made safe to sit between ``<document>`` tags: tag look-alikes
    neutralised, and lines of only spaces/tabs emptied (a template renderer that
    dedents would do that anyway, so the text sent is the text rendered)."""
    return _BLANK_LINE.sub("", _TAG_LOOKALIKE.sub("<" + ZWSP, text))


def numbered(doc: PromptDocument) -> str:
    """A prompt document's sentences one a line, each after its id in brackets
    (``[d2.s14] text``), fenced as data; an id look-alike inside the text gets a
    zero-width space after its ``[`` so it cannot pass for one."""
    return "\n".join(
        f"[{s.id}] {_ID_LOOKALIKE.sub('[' + ZWSP, fence(oneline(s.text)))}" for s in doc.sentences
    )


def attr(value: object) -> str:
    """A value made safe inside a double-quoted tag attribute on one line."""
    text = _SPACE.sub(" ", str(value)).strip()
    return text.replace('"', "'").replace("<", "‹").replace(">", "›")


def oneline(text: str) -> str:
    """White space runs collapsed, so an evidence item stays on one line."""
    return _SPACE.sub(" ", text).strip()


@cache
def template_environment() -> Environment:
    """The Jinja environment for every template in ``prompts/`` (cached)."""
    env = Environment(
        loader=FileSystemLoader(str(prompts_dir())),
        autoescape=False,
        undefined=StrictUndefined,
        keep_trailing_newline=False,
    )
    env.filters["fence"] = fence
    env.filters["attr"] = attr
    env.filters["oneline"] = oneline
    env.filters["numbered"] = numbered
    return env


@cache
def prompt_version() -> str:
    """``prompts/VERSION`` plus the first 8 hex digits of the templates' SHA-256."""
    folder = prompts_dir()
    declared = (folder / "VERSION").read_text(encoding="utf-8").strip()
    digest = hashlib.sha256()
    for name in (SYSTEM_TEMPLATE, USER_TEMPLATE):
        digest.update((folder / name).read_bytes())
    return f"{declared}+{digest.hexdigest()[:8]}"


def speaker_index(bundle: EvidenceBundle) -> list[SpeakerLine]:
    """The bundle's attributed speakers, in order of first appearance, each with
    its roles and the numbers (1-based, as in the prompt's ``number=``) of the
    documents attributing to it: a compact "who is quoted where" for the model.

    Nothing more goes in: the statements, cues and quotes are in the documents
    already, and pronoun speakers ("he", "we") name no one."""
    numbers = {a.id: n for n, a in enumerate(bundle.articles, 1)}
    lines: dict[str, SpeakerLine] = {}
    for a in bundle.attributions:
        name = oneline(a.source_name)
        if name.lower() in NAMELESS or a.document not in numbers:
            continue
        line = lines.setdefault(name, {"speaker": name, "roles": [], "documents": []})
        role = oneline(a.role) if a.role else None
        if role and role not in line["roles"]:
            line["roles"].append(role)
        if numbers[a.document] not in line["documents"]:
            line["documents"].append(numbers[a.document])
    return list(lines.values())


def render_system() -> str:
    """The system message."""
    return template_environment().get_template(SYSTEM_TEMPLATE).render().strip()


def render_user(
    bundle: EvidenceBundle, *, include_attributions: bool = True, condense: bool = True
) -> str:
    """The user message: the numbered, fenced documents and the evidence list.
    ``condense=False`` puts every article in whole (for measuring what condensing saves)."""
    template = template_environment().get_template(USER_TEMPLATE)
    return template.render(
        documents=prompt_documents(bundle) if condense else plain_prompt_documents(bundle),
        speakers=speaker_index(bundle) if include_attributions else [],
    ).strip()


def render_messages(
    bundle: EvidenceBundle, *, include_attributions: bool = True
) -> list[ChatMessage]:
    """The chat messages for one event, exactly as they are to be sent."""
    return [
        {"role": "system", "content": render_system()},
        {
            "role": "user",
            "content": render_user(bundle, include_attributions=include_attributions),
        },
    ]
