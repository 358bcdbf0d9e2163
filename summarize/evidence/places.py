"""Place names and nationality words found in a folder, by spaCy's entity recogniser.

The folder is its own gazetteer: a place whose nationality adjective also
occurs ("Armenia" / "Armenian") is taken for a country, which is what a
speaker's affiliation names; other places (cities, regions) are candidates
for where the event happened."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from summarize.evidence.nlp import load_ner, parse_texts
from summarize.models import Article

_LEAD_CHARS = 400
_AGENT_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_LOWER_WORD_RE = re.compile(r"\b[a-z][a-z'-]*\b")


def _clean(name: str) -> str:
    name = re.sub(r"\s+", " ", name).strip(" .,'\u2019\"")
    name = re.sub(r"^(?:the)\s+", "", name, flags=re.IGNORECASE)
    return re.sub(r"['\u2019]s$", "", name)


def _stem_match(adjective: str, place: str) -> bool:
    """``Armenian``/``Armenia``, ``Azerbaijani``/``Azerbaijan``, ``Turkish``/``Turkey``."""
    a, p = adjective.lower(), place.lower()
    common = 0
    for x, y in zip(a, p, strict=False):
        if x != y:
            break
        common += 1
    return common >= 4 and common >= len(p) - 2


@dataclass
class Gazetteer:
    """Places and nationality words of one folder."""

    countries: dict[str, str] = field(default_factory=dict)  # lower-cased name -> name
    demonyms: dict[str, str] = field(default_factory=dict)  # lower-cased adjective -> country
    places: dict[str, Counter[str]] = field(default_factory=dict)  # document -> place counts
    lead_places: dict[str, Counter[str]] = field(default_factory=dict)
    #: lower-cased names the recogniser tagged as people, organisations, groups or
    #: governments (countries, cities, states)
    #: (and each word of a person's name, for a surname used alone)
    agents: set[str] = field(default_factory=set)
    #: lower-cased names of locations and facilities that are no government
    #: ("the Gulf Coast", "the Rocky Mountains"); countries, cities and states
    #: (GPE) are not here, as they speak for their governments ("Turkey rejected")
    landmarks: set[str] = field(default_factory=set)
    #: words written in lower case somewhere in the folder (common nouns, not names)
    common_words: set[str] = field(default_factory=set)

    def country_of(self, word: str) -> str | None:
        """The country a place name or nationality word names, if it names one."""
        w = _clean(word).lower()
        return self.countries.get(w) or self.demonyms.get(w)

    def is_country(self, place: str) -> bool:
        return place.lower() in self.countries


def build_gazetteer(articles: Sequence[Article]) -> Gazetteer:
    """Run the entity recogniser over ``articles`` and collect places and nationalities."""
    nlp = load_ner()
    gpe: Counter[str] = Counter()
    norp: Counter[str] = Counter()
    gaz = Gazetteer()
    texts = [a.text for a in articles]
    for article, doc in zip(
        articles,
        parse_texts(
            nlp, texts, batch_size=8, label="finding places in", names=[a.id for a in articles]
        ),
        strict=True,
    ):
        counts: Counter[str] = Counter()
        lead: Counter[str] = Counter()
        for ent in doc.ents:
            name = _clean(ent.text)
            if not name or not name[0].isupper():
                continue
            if ent.label_ in ("GPE", "LOC"):
                counts[name] += 1
                gpe[name] += 1
                if ent.start_char < _LEAD_CHARS:
                    lead[name] += 1
            elif ent.label_ == "NORP":
                norp[name] += 1
            if ent.label_ in ("LOC", "FAC"):
                gaz.landmarks.add(name.lower())
            if ent.label_ in _AGENT_LABELS:
                gaz.agents.add(name.lower())
                if ent.label_ == "PERSON":
                    gaz.agents.update(w.lower() for w in name.split())
        gaz.places[article.id] = counts
        gaz.common_words.update(_LOWER_WORD_RE.findall(article.text))
        gaz.lead_places[article.id] = lead
    for adjective in norp:
        match = next((p for p, _ in gpe.most_common() if _stem_match(adjective, p)), None)
        if match is not None:
            gaz.demonyms[adjective.lower()] = match
            gaz.countries[match.lower()] = match
    return gaz
