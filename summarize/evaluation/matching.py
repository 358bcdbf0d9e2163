"""Matching a summary's claims to a gold record's claims, and its speakers to gold actors.

Claims are matched one to one. A summary claim is a candidate for a gold claim
only when every inner list of the gold claim's ``must_include`` has one string
that occurs in the summary claim's text (statement plus quote), ignoring case,
starting at a word boundary. Among the candidates the assignment maximises
first the number of matched claims, then the total word overlap with the gold
statements (an optimal assignment, not a greedy one, so one claim cannot steal
another's only match). A gold claim with an empty ``must_include`` accepts any
summary claim sharing at least one content word with its statement."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from summarize.evaluation.gold import GoldActor, GoldClaim
from summarize.models import Claim
from summarize.textnorm import fold_casefold

_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "been",
        "by",
        "for",
        "from",
        "had",
        "has",
        "have",
        "he",
        "her",
        "his",
        "in",
        "into",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "over",
        "said",
        "says",
        "say",
        "she",
        "that",
        "the",
        "their",
        "them",
        "they",
        "this",
        "to",
        "told",
        "was",
        "were",
        "which",
        "who",
        "will",
        "with",
        "would",
    ]
)
_WORD_RE = re.compile(r"\w+")


def fold_name(text: str) -> str:
    """Case, accent and punctuation folding: "Mevlüt Çavuşoğlu's" -> 'mevlut cavusoglu'."""
    text = re.sub(r"['\u2019]s\b", "", text).replace(".", "")  # Armenia's -> Armenia, U.S. -> US
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    bare = bare.replace("ı", "i").replace("ø", "o").replace("đ", "d").replace("ł", "l")
    return " ".join(re.findall(r"[^\W_]+", bare.casefold()))


def _contains_words(longer: Sequence[str], shorter: Sequence[str]) -> bool:
    n = len(shorter)
    return any(list(longer[i : i + n]) == list(shorter) for i in range(len(longer) - n + 1))


def name_matches(summary_name: str, gold_name: str) -> bool:
    """True when the folded names are equal or one contains the other as whole words.

    The shorter name must hold at least one word that is not a stop word, so
    'the' never matches 'the mayor'."""
    a, b = fold_name(summary_name).split(), fold_name(gold_name).split()
    if not a or not b:
        return False
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    if all(word in _STOPWORDS for word in shorter):
        return False
    return _contains_words(longer, shorter)


def speaker_matches(summary_name: str, actors: Sequence[GoldActor]) -> str | None:
    """The gold name or alias that ``summary_name`` matches, or None."""
    for actor in actors:
        for name in actor.names:
            if name_matches(summary_name, name):
                return name
    return None


@cache
def _term_re(term: str) -> re.Pattern[str]:
    folded = fold_casefold(term)
    body = re.escape(folded).replace(r"\ ", r"\s+")
    start = r"(?<!\w)" if folded[:1].isalnum() or folded[:1] == "_" else ""
    return re.compile(start + body)


def claim_text(claim: Claim) -> str:
    """The text ``must_include`` is checked against: statement plus quote."""
    return f"{claim.statement} {claim.quote or ''}".strip()


def must_include_holds(groups: Sequence[Sequence[str]], text: str) -> bool:
    """Every group has one string occurring in ``text`` (case-insensitive, word-start)."""
    folded = fold_casefold(text)
    return all(any(_term_re(term).search(folded) for term in group) for group in groups)


def content_words(text: str) -> set[str]:
    return {w for w in _WORD_RE.findall(fold_name(text)) if w not in _STOPWORDS}


def word_overlap(gold_statement: str, text: str) -> float:
    """Share of the gold statement's content words that occur in ``text``."""
    gold = content_words(gold_statement)
    return len(gold & content_words(text)) / len(gold) if gold else 0.0


@dataclass(frozen=True)
class ClaimMatch:
    """One gold claim matched to one summary claim."""

    gold_id: str
    summary_id: str
    overlap: float


def _assign(weights: list[list[float]]) -> list[int]:
    """Maximum-weight assignment of rows to columns (Hungarian algorithm, rows <= cols).

    Returns the column of each row. Weights are >= 0; a 0 means "not allowed"
    and is dropped by the caller."""
    n, m = len(weights), len(weights[0])
    top = max(max(row) for row in weights)
    cost = [[top - w for w in row] for row in weights]
    inf = float("inf")
    u = [0.0] * (n + 1)
    v = [0.0] * (m + 1)
    p = [0] * (m + 1)
    way = [0] * (m + 1)
    for i in range(1, n + 1):
        p[0] = i
        j0 = 0
        minv = [inf] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = p[j0], inf, 0
            for j in range(1, m + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(m + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
    result = [-1] * n
    for j in range(1, m + 1):
        if p[j]:
            result[p[j] - 1] = j - 1
    return result


def match_claims(gold: Sequence[GoldClaim], summary: Sequence[Claim]) -> list[ClaimMatch]:
    """One-to-one matches (see the module doc), in gold order."""
    if not gold or not summary:
        return []
    big = float(min(len(gold), len(summary)) + 1)
    weights: list[list[float]] = []
    for g in gold:
        row: list[float] = []
        for s in summary:
            text = claim_text(s)
            overlap = word_overlap(g.statement, text)
            allowed = must_include_holds(g.must_include, text) and (
                bool(g.must_include) or overlap > 0
            )
            row.append(big + overlap if allowed else 0.0)
        weights.append(row)
    if not any(any(row) for row in weights):
        return []
    transposed = len(gold) > len(summary)
    table = [list(col) for col in zip(*weights, strict=True)] if transposed else weights
    columns = _assign(table)
    pairs = [(c, r) for r, c in enumerate(columns)] if transposed else list(enumerate(columns))
    matches = [
        ClaimMatch(gold[gi].id, summary[si].id, round(weights[gi][si] - big, 4))
        for gi, si in sorted(pairs)
        if si >= 0 and gi >= 0 and weights[gi][si] > 0
    ]
    return matches
