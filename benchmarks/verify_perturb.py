"""How many fabrications the verifier catches, and how many near-verbatim quotes it rescues.

Records: the offline engine's output on the seed folder (examples/ganja) and
on every eval suite (suites built from ../shared/data are skipped when it is
absent). Each record must verify with no errors (a false alarm otherwise).
Then, per claim (or per record for prose), one perturbation at a time:

- ``near_quote``: an evidence excerpt copied the way a model copies (case of
  the first letter, straight quote marks, a dash, one letter dropped in a long
  word); caught when check reports it not verbatim, rescued when
  :func:`summarize.grounding.snap_quote` returns the original excerpt (outer
  quote marks and punctuation aside);
- ``paraphrase``: the excerpt's words reordered (caught; never snapped);
- ``add_number``: ", 9137 people were hurt" appended to the statement;
- ``swap_speaker``: the speaker of another claim who is not the same body
  (neither name names the other);
- ``drop_negation``: a "not"/"never"/"no"/"n't"/"denied" removed from a
  statement that has one;
- ``prose_quote`` / ``prose_number``: a sentence crediting a claim's speaker
  with words in no article, and "Officials said 98765 people died.", added to
  the summary.

A perturbation is caught when check reports an error of the expected kind on
that claim (or on the summary). Prints one row per class.

    PYTHONPATH=. python benchmarks/verify_perturb.py
"""

from __future__ import annotations

import asyncio
import re
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from summarize.api import compose_verified
from summarize.engines.offline import OfflineEngine
from summarize.errors import InputError
from summarize.evaluation.suites import assemble_articles, discover
from summarize.evidence.bundle import build_bundle
from summarize.evidence.types import EvidenceBundle
from summarize.grounding import snap_quote
from summarize.loader import load_folder
from summarize.models import Article, Claim, EventSummary
from summarize.textnorm import fold_strip_quotes
from summarize.verify import STATEMENT_KINDS, CheckReport, check_summary
from summarize.verify.words import names_speaker

ROOT = Path(__file__).resolve().parents[1]
Record = tuple[str, EventSummary, list[Article], EvidenceBundle]
_NEGATION_RE = re.compile(r"\b(?:not|never|no)\s+|n't\b|\bdenied\b", re.IGNORECASE)
_LONG_WORD_RE = re.compile(r"[A-Za-z]{8,}")


def records() -> Iterator[Record]:
    folders: list[tuple[str, Path]] = [("seed:ganja", ROOT / "examples" / "ganja")]
    work = Path(tempfile.mkdtemp(prefix="verify-perturb-"))
    suites, _ = discover([ROOT / "evals"])
    for suite in suites:
        try:
            ready = assemble_articles(suite, work)
        except InputError as exc:
            print(f"skipped suite {suite.name}: {exc}", file=sys.stderr)
            continue
        assert ready.articles is not None
        folders.append((f"eval:{suite.name}", ready.articles))
    for name, folder in folders:
        articles = load_folder(folder)
        bundle = build_bundle(articles)
        # the record a user gets: what the verifier rejects is already dropped
        yield name, asyncio.run(compose_verified(OfflineEngine(), bundle)), articles, bundle


def _core(text: str) -> str:
    """An excerpt without its outer quote marks and punctuation: a snapped span may
    leave off a closing period or an opening quote mark the excerpt carried."""
    return fold_strip_quotes(text).strip(" \"'.,;:!?")


def near_verbatim(quote: str) -> str:
    """The excerpt as a careless copy: first letter's case, quote marks, dash, one typo."""
    text = quote[:1].swapcase() + quote[1:]
    text = text.translate(str.maketrans({"\u201c": '"', "\u201d": '"', "\u2019": "'"}))
    text = text.replace(" \u2014 ", " - ").replace(" -- ", " - ")
    word = _LONG_WORD_RE.search(text)
    if word:
        cut = word.start() + len(word.group(0)) // 2
        text = text[:cut] + text[cut + 1 :]
    return text


def paraphrase(quote: str) -> str:
    words = quote.split()
    half = len(words) // 2
    return " ".join(words[half:] + words[:half])


def drop_negation(statement: str) -> str | None:
    match = _NEGATION_RE.search(statement)
    if match is None:
        return None
    replacement = "said" if match.group(0).lower() == "denied" else ""
    return statement[: match.start()] + replacement + statement[match.end() :]


def with_claim(summary: EventSummary, claim: Claim) -> EventSummary:
    return summary.model_copy(
        update={"claims": [claim if c.id == claim.id else c for c in summary.claims]}
    )


def errors_on(report: CheckReport, claim_id: str | None, kinds: set[str]) -> bool:
    return any(i.kind in kinds and (claim_id is None or i.claim == claim_id) for i in report.errors)


def main() -> int:
    cases: Counter[str] = Counter()
    caught: Counter[str] = Counter()
    rescued = 0
    false_alarms: list[str] = []
    n_records = 0
    misses: list[str] = []
    for name, summary, articles, bundle in records():
        n_records += 1
        texts = {a.id: a.text for a in articles}

        def check(
            record: EventSummary,
            *,
            _a: list[Article] = articles,
            _b: EvidenceBundle = bundle,
        ) -> CheckReport:
            return check_summary(record, _a, bundle=_b)

        base = check(summary)
        if base.errors:
            false_alarms += [f"{name}: {i}" for i in base.errors]
            continue

        def trial(
            kind: str,
            record: EventSummary,
            claim_id: str | None,
            kinds: set[str],
            *,
            _name: str = name,
        ) -> bool:
            cases[kind] += 1
            hit = errors_on(check(record), claim_id, kinds)
            caught[kind] += hit
            if not hit:
                misses.append(f"{kind} {_name} {claim_id or 'summary'}")
            return hit

        speakers = [c.speaker for c in summary.claims]
        for claim in summary.claims:
            ev = claim.evidence[0]
            near = near_verbatim(ev.quote)
            if near != ev.quote and ev.document in texts:
                evs = [ev.model_copy(update={"quote": near}), *claim.evidence[1:]]
                record = with_claim(summary, claim.model_copy(update={"evidence": evs}))
                trial("near_quote", record, claim.id, {"not_verbatim"})
                span = snap_quote(near, texts[ev.document])
                if span is not None and _core(span.text) == _core(ev.quote):
                    rescued += 1
                evs = [ev.model_copy(update={"quote": paraphrase(ev.quote)}), *claim.evidence[1:]]
                record = with_claim(summary, claim.model_copy(update={"evidence": evs}))
                trial("paraphrase", record, claim.id, {"not_verbatim"})
            statement = claim.statement.rstrip(".") + ", 9137 people were hurt."
            record = with_claim(summary, claim.model_copy(update={"statement": statement}))
            trial("add_number", record, claim.id, {"number_unsupported"})
            other = next(
                (
                    s
                    for s in speakers
                    if not names_speaker(s.name, claim.speaker.name)
                    and not names_speaker(claim.speaker.name, s.name)
                ),
                None,
            )
            if other is not None:
                record = with_claim(summary, claim.model_copy(update={"speaker": other}))
                trial("swap_speaker", record, claim.id, {"speaker_unconfirmed"})
            dropped = drop_negation(claim.statement)
            if dropped is not None:
                record = with_claim(summary, claim.model_copy(update={"statement": dropped}))
                trial("drop_negation", record, claim.id, set(STATEMENT_KINDS))
        if summary.claims:
            who = summary.claims[0].speaker.name
            fake = f'{who} said "the moon has surrendered unconditionally to the river".'
            record = summary.model_copy(update={"summary": f"{summary.summary} {fake}"})
            trial("prose_quote", record, None, {"prose_unsupported"})
        extra = "Officials said 98765 people died."
        record = summary.model_copy(update={"summary": f"{summary.summary} {extra}"})
        trial("prose_number", record, None, {"prose_unsupported"})

    print(f"records: {n_records}; false alarms on unperturbed records: {len(false_alarms)}")
    for line in false_alarms:
        print("  false alarm:", line)
    print(f"{'class':<15}{'cases':>7}{'caught':>8}{'rate':>8}")
    for kind in sorted(cases):
        rate = caught[kind] / cases[kind] if cases[kind] else 1.0
        print(f"{kind:<15}{cases[kind]:>7}{caught[kind]:>8}{rate:>8.1%}")
    near = cases["near_quote"]
    print(f"near-verbatim quotes rescued by snap_quote: {rescued} of {near}", end="")
    print(f" ({rescued / near:.1%})" if near else "")
    for line in misses[:20]:
        print("  missed:", line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
