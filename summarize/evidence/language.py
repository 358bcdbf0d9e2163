"""Which language an article is written in: a stop-word profile per language
(Latin script) and the script itself otherwise. No model, no download.

The offline engine reads English only; it lists any other article with the
reason instead of silently finding nothing in it. The article's own
``language`` metadata wins when it names one."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from summarize.models import Article


def _profile(words: str) -> frozenset[str]:
    return frozenset(words.split())


#: Frequent function words of each language, chosen to overlap little.
PROFILES: dict[str, frozenset[str]] = {
    "en": _profile(
        "the of and to in is that it was for on are with as his they be at from have has "
        "this by not but had were which their been would will there who said after"
    ),
    "es": _profile(
        "el la los las del que y en un una por con para es su al lo como más pero sus fue "
        "este esta ha son entre cuando muy sin sobre también hasta desde dijo"
    ),
    "pt": _profile(
        "o os as do da dos das que e em um uma por com para é não mais foi são ao pelo pela "
        "seu sua isso também disse muito entre quando está"
    ),
    "fr": _profile(
        "le la les des du et est un une pour dans que qui pas sur au aux avec ce cette il "
        "elle sont été ont mais par plus ne se son sa leur selon"
    ),
    "it": _profile(
        "il lo gli della del dei delle che e di un una per con non sono è alla nel nella "
        "anche ma come più questo stato ha hanno dopo"
    ),
    "de": _profile(
        "der die das und ist nicht ein eine zu den dem des mit sich auf für von im auch "
        "wird sie er es wurde werden hat sind bei nach aus"
    ),
    "nl": _profile(
        "de het een van en is dat niet op te zijn voor met die wordt hij ze er maar ook "
        "aan bij nog door werd naar heeft"
    ),
    "sv": _profile(
        "och att det som en är av för på med har inte till den de om var ett men sig "
        "efter säger kan också"
    ),
    "pl": _profile(
        "i w na z że się nie do to jest o jak po przez od za ale jego już był była także które"
    ),
    "tr": _profile(
        "ve bir bu da de için ile olarak çok daha gibi sonra olan ancak kadar ise ama değil göre"
    ),
}
NAMES: dict[str, str] = {
    "en": "English", "es": "Spanish", "pt": "Portuguese", "fr": "French", "it": "Italian",
    "de": "German", "nl": "Dutch", "sv": "Swedish", "pl": "Polish", "tr": "Turkish",
    "ru": "Russian", "uk": "Ukrainian", "el": "Greek", "ar": "Arabic", "he": "Hebrew",
    "fa": "Persian", "zh": "Chinese", "ja": "Japanese", "ko": "Korean", "hi": "Hindi",
}  # fmt: skip
#: Scripts that name a language on their own (the usual one for news in it).
_SCRIPTS: dict[str, str] = {
    "CYRILLIC": "ru", "GREEK": "el", "ARABIC": "ar", "HEBREW": "he", "CJK": "zh",
    "HIRAGANA": "ja", "KATAKANA": "ja", "HANGUL": "ko", "DEVANAGARI": "hi",
}  # fmt: skip
_WORD_RE = re.compile(r"[^\W\d_]+", re.UNICODE)
MIN_WORDS = 12
MIN_SHARE = 0.12
SAMPLE_CHARS = 20_000


def _script(text: str) -> str | None:
    """The language a non-Latin script names, when most letters are in it."""
    scripts: Counter[str] = Counter()
    letters = 0
    for ch in text:
        if not ch.isalpha():
            continue
        letters += 1
        name = unicodedata.name(ch, "")
        head = name.split(" ", 1)[0]
        if head in _SCRIPTS:
            scripts[_SCRIPTS[head]] += 1
    if not scripts or not letters:
        return None
    code, count = scripts.most_common(1)[0]
    return code if count > letters / 2 else None


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the language ``text`` is written in, or None when too
    short or unclear to tell."""
    sample = text[:SAMPLE_CHARS]
    by_script = _script(sample)
    if by_script is not None:
        return by_script
    words = [w.lower() for w in _WORD_RE.findall(sample)]
    if len(words) < MIN_WORDS:
        return None
    hits = {code: sum(1 for w in words if w in profile) for code, profile in PROFILES.items()}
    ranked = sorted(hits.items(), key=lambda item: (-item[1], item[0]))
    code, best = ranked[0]
    if best < MIN_SHARE * len(words) or best <= ranked[1][1]:
        return None
    return code


def language_of(article: Article) -> str | None:
    """The article's language: its metadata ("es", "es-MX", "Spanish"), else detected."""
    declared = (article.language or "").strip()
    if declared:
        lowered = declared.lower()
        named = next((code for code, name in NAMES.items() if name.lower() == lowered), None)
        return named or re.split(r"[-_]", lowered, maxsplit=1)[0]
    return detect_language(article.text)


def language_name(code: str) -> str:
    """ "es" -> "Spanish"; an unknown code is returned as is."""
    return NAMES.get(code, code)
