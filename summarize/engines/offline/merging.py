"""Cross-outlet merging: the same claim by the same speaker in several articles
(often the same wire copy) becomes one claim, credited to every article that
carries it, with one evidence excerpt per article.

Two drafts of one speaker are the same claim when their contents read alike
(rapidfuzz ratio, or one contained in the other) or when they report the same
figures ("more than 20 houses were destroyed" / "the destruction of as many as
20 houses"). Articles whose excerpts are copies of each other (a
:class:`~summarize.evidence.types.DuplicateGroup`) count once as sources."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from summarize.engines.offline.claims import DraftClaim
from summarize.evidence.types import DuplicateGroup
from summarize.textnorm import fold_casefold

SAME_RATIO = 85.0
SAME_CONTAINED = 92.0
_WORD_RE = re.compile(r"\w+")


def _norm(text: str) -> str:
    return " ".join(_WORD_RE.findall(fold_casefold(text)))


def _figure_signature(draft: DraftClaim) -> frozenset[tuple[str, str, int]]:
    return frozenset((f.kind, f.group, f.value) for f in draft.figures if not f.included)


def same_claim(a: DraftClaim, b: DraftClaim) -> bool:
    """True when ``a`` and ``b`` (same speaker) say the same thing."""
    if a.speaker != b.speaker or a.denial != b.denial:
        return False
    ta, tb = _norm(a.content), _norm(b.content)
    if not ta or not tb:
        return False
    if fuzz.ratio(ta, tb) >= SAME_RATIO:
        return True
    short, long_ = sorted((ta, tb), key=len)
    if len(short.split()) >= 5 and fuzz.partial_ratio(short, long_) >= SAME_CONTAINED:
        return True
    sig_a, sig_b = _figure_signature(a), _figure_signature(b)
    return bool(sig_a) and sig_a == sig_b


@dataclass
class MergedClaim:
    """One claim of one speaker, with every draft (at most one per document) behind it."""

    speaker: int
    drafts: list[DraftClaim] = field(default_factory=list)
    independent_sources: int = 1

    @property
    def documents(self) -> list[str]:
        return [d.document for d in self.drafts]

    @property
    def representative(self) -> DraftClaim:
        """The draft most like the others (the wire version when outlets copied it)."""
        if len(self.drafts) <= 2:
            return max(self.drafts, key=lambda d: (len(d.figures), -self.drafts.index(d)))
        texts = [_norm(d.content) for d in self.drafts]

        def centrality(i: int) -> float:
            return sum(fuzz.ratio(texts[i], t) for j, t in enumerate(texts) if j != i)

        return self.drafts[max(range(len(self.drafts)), key=centrality)]

    @property
    def denial(self) -> bool:
        return self.drafts[0].denial


def merge_claims(
    drafts: Sequence[DraftClaim], duplicates: Sequence[DuplicateGroup] = ()
) -> list[MergedClaim]:
    """Merge drafts (in document order) into claims, keeping first-seen order."""
    merged: list[MergedClaim] = []
    # a claim merges only with one of its own speaker's: looked up by speaker, not
    # compared with every claim so far
    by_speaker: dict[int, list[MergedClaim]] = {}
    for draft in drafts:
        own = by_speaker.setdefault(draft.speaker, [])
        target = next(
            (m for m in own if any(same_claim(draft, d) for d in m.drafts)),
            None,
        )
        if target is None:
            merged.append(MergedClaim(speaker=draft.speaker, drafts=[draft]))
            own.append(merged[-1])
        elif draft.document not in target.documents:
            target.drafts.append(draft)
    for claim in merged:
        claim.independent_sources = _independent(claim, duplicates)
    return merged


def _independent(claim: MergedClaim, duplicates: Sequence[DuplicateGroup]) -> int:
    """Articles behind the claim, copies of one passage counted once."""
    seen: list[set[str]] = []
    for draft in claim.drafts:
        copies = {draft.document}
        for group in duplicates:
            for doc, span in zip(group.documents, group.occurrences, strict=False):
                if doc == draft.document and span is not None and _overlaps(span.text, draft):
                    copies.update(group.documents)
        if not any(draft.document in s for s in seen):
            seen.append(copies)
        else:
            for s in seen:
                if draft.document in s:
                    s.update(copies)
    return len(seen)


def _overlaps(passage: str, draft: DraftClaim) -> bool:
    return _norm(passage) in _norm(draft.excerpt) or _norm(draft.content) in _norm(passage)
