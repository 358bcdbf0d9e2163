"""Abbreviations whose period ends no sentence ("Mr.", "Sept.", "U.S."), lower-cased,
without their final period."""

from __future__ import annotations

from summarize.lang import word_set

ABBREVIATIONS: frozenset[str] = word_set(
    """
    a.m adm approx apr assn aug ave capt cmdr co col corp d.c dec del dept dr e.g
    e.u est etc feb fig ft gen gov hon i.e inc jan jr jul jun lt ltd maj mar mr mrs
    ms mt no nov oct p.m pres prof rep reps rev sec sen sens sep sept sgt sr st u.k
    u.n u.s univ v vs
    """
)
