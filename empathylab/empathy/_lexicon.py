"""The cue lexicons of reply empathy: reading the TSV files and compiling their patterns.

Each language has one file, ``data/cues_<lang>.tsv`` (provenance in its header), with
one cue per row: ``category``, ``weight`` (0..1), ``pattern`` and a ``note``. A
category's cues are compiled into one Python regular expression with a named group
per cue, so one pass over the text finds every cue of the category and the group
name tells which cue (and weight) matched. A second, looser version of the same
alternation without word boundaries runs through Arrow's RE2 engine first, over the
whole column, to find the rows worth the Python pass (:mod:`._match`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np

__all__ = ["CATEGORIES", "Category", "Lexicon", "lexicon", "stopwords"]

#: Categories of the cue files, in the order they are matched.
CATEGORIES = (
    "emotional_reaction", "interpretation", "disclosure", "exploration", "question_cue",
    "generic_question", "ownership", "apology", "politeness", "harshness", "imperative",
)  # fmt: skip
LANGUAGES = ("de", "en")

_MACRO = re.compile(r"\{([A-Z]+)\}")
_PLAIN_GROUP = re.compile(r"(?<!\\)\((?!\?)")
_WORD = r"[^\W]"  # a Unicode word character (Python); RE2 gets \pL\pN_ instead


@dataclass(frozen=True)
class Category:
    """The compiled cues of one category of one language."""

    name: str
    patterns: tuple[str, ...]
    weights: np.ndarray
    notes: tuple[str, ...]
    regex: re.Pattern[str]
    prefilter: str  # RE2 pattern that matches where ``regex`` can (a superset), or one before

    def weight_of(self, group: str) -> float:
        return float(self.weights[int(group[1:])])


@dataclass(frozen=True)
class Lexicon:
    """All categories of one language."""

    language: str
    categories: dict[str, Category]

    def __getitem__(self, name: str) -> Category:
        return self.categories[name]


def _read_rows(lang: str) -> list[tuple[str, str, str, str]]:
    text = resources.files("empathylab.empathy").joinpath(f"data/cues_{lang}.tsv").read_text(
        encoding="utf-8"
    )
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#") or line.startswith("category\t"):
            continue
        parts = line.split("\t")
        if len(parts) < 3:
            raise ValueError(f"cues_{lang}.tsv line {number}: expected 3 or 4 tab-separated "
                             f"fields, found {len(parts)}")
        rows.append((parts[0], parts[1], parts[2], parts[3] if len(parts) > 3 else ""))
    return rows


def _expand(pattern: str, macros: dict[str, str], where: str) -> str:
    def sub(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in macros:
            raise ValueError(f"{where}: unknown macro {{{name}}}")
        return macros[name]

    return _PLAIN_GROUP.sub("(?:", _MACRO.sub(sub, pattern))


def _re2(pattern: str) -> str:
    """RE2 version of a cue pattern: Unicode word classes, no word boundaries."""
    return pattern.replace(r"\w", r"[\pL\pN_]").replace(r"\b", "")


@cache
def lexicon(lang: str) -> Lexicon:
    """The compiled cue lexicon of ``lang`` ("de" or "en")."""
    if lang not in LANGUAGES:
        raise ValueError(f"`lang` must be one of {list(LANGUAGES)}, but {lang!r} was passed.")
    macros: dict[str, str] = {}
    found: dict[str, list[tuple[str, float, str]]] = {c: [] for c in CATEGORIES}
    for number, (category, weight, pattern, note) in enumerate(_read_rows(lang), start=1):
        where = f"cues_{lang}.tsv cue {number}"
        if category == "define":
            name, _, body = pattern.partition("=")
            macros[name.strip()] = _expand(body, macros, where)
            continue
        if category not in found:
            raise ValueError(f"{where}: unknown category {category!r}; known: {list(CATEGORIES)}")
        w = float(weight)
        if not 0.0 < w <= 1.0:
            raise ValueError(f"{where}: weight {w} is not in (0, 1]")
        found[category].append((_expand(pattern, macros, where), w, note))
    categories = {}
    for name, cues in found.items():
        # at one position the first alternative that matches wins: strongest cues first
        cues.sort(key=lambda cue: -cue[1])
        patterns = tuple(p for p, _, _ in cues)
        body = "|".join(f"(?P<p{i}>{p})" for i, p in enumerate(patterns)) or "(?!x)x"
        if name == "imperative":  # only at the start of a sentence
            regex = re.compile(rf"(?:^|(?<=[.!?\n:])\s*)(?:{body})(?!{_WORD})", re.IGNORECASE)
        else:
            regex = re.compile(rf"(?<!{_WORD})(?:{body})(?!{_WORD})", re.IGNORECASE)
        # RE2 has no lookbehind: a consumed non-word character (or the start) stands in
        # for the leading word boundary, so a match may start one character early
        prefilter = ("(?i)(?:^|[^\\pL\\pN_])(?:" + "|".join(f"(?:{_re2(p)})" for p in patterns)
                     + ")") if patterns else "$^"
        categories[name] = Category(
            name, patterns, np.array([w for _, w, _ in cues]), tuple(n for *_, n in cues),
            regex, prefilter,
        )
    return Lexicon(lang, categories)


@cache
def stopwords(lang: str) -> frozenset[str]:
    """Words personalization does not count as overlap (``data/stopwords_<lang>.txt``)."""
    text = resources.files("empathylab.empathy").joinpath(f"data/stopwords_{lang}.txt")
    words: set[str] = set()
    for line in text.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            words.update(line.lower().split())
    return frozenset(words)
