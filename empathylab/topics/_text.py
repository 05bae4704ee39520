"""Tokens for topic models: German and English stop words, Snowball stems, surface forms.

URLs, e-mail addresses, ``@handles``, HTML entities and the retweet marker
``RT`` are removed first. A text is cut into chunks at punctuation (``.``,
``!``, ``?``, ``,``, ``;``, ``:``, brackets, quotes, line breaks, a
free-standing dash), and each chunk into
words of letters (inner hyphens and apostrophes kept: ``E-Mail``, ``don't``).
Digits are no words, so order numbers and prices drop out. A word is lower-cased,
dropped when it is a stop word of the text's language (or a feedback filler word
such as ``hallo``, ``danke``, ``thanks``), and otherwise reduced to its Snowball
stem (:mod:`nltk.stem.snowball`, which runs offline). Two kept words that stand
next to each other in one chunk form an adjacent pair, the raw material of
bigram features (:mod:`empathylab.topics._features`); a stop word between them
breaks the pair.

Texts whose language is neither German nor English (``other``, ``und``) use
both stop lists and are not stemmed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources

import numpy as np

__all__ = ["Tokens", "feedback_filler", "stop_words", "surface_form", "tokenize"]

_CLEAN = re.compile(
    r"(?i)\b(?:https?://|www\.)\S*"  # URLs
    r"|\S+@\S+\.\w+"  # e-mail addresses
    r"|@\w+"  # @handles
    r"|&(?:[a-z]+|#\d+);"  # HTML entities
    r"|\bRT\b"  # retweet marker
)
_CHUNK = re.compile(r"[.!?;:,()\[\]{}\"„“”«»…/\n\r\t|]+|\s[-–—]+\s")
_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_MIN_LENGTH = 2


def _read_list(name: str) -> frozenset[str]:
    text = resources.files("empathylab.topics").joinpath("data", name).read_text("utf-8")
    return frozenset(
        line.strip().lower()
        for line in text.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    )


@cache
def stop_words(lang: str) -> frozenset[str]:
    """The project's stop words of ``lang`` (``"de"`` or ``"en"``), lower case.

    The lists are in ``empathylab/topics/data/stopwords_*.txt``; their headers
    say how they were made.

    Examples
    --------
    >>> "und" in stop_words("de"), "the" in stop_words("en"), "bill" in stop_words("en")
    (True, True, False)
    """
    if lang not in ("de", "en"):
        raise ValueError(f"`lang` must be one of ['de', 'en'], but {lang!r} was passed.")
    return _read_list(f"stopwords_{lang}.txt")


@cache
def feedback_filler(lang: str) -> frozenset[str]:
    """Greetings, thanks and sign-offs of ``lang`` that name no topic (``hallo``, ``thanks``).

    Examples
    --------
    >>> sorted(feedback_filler("de") & {"hallo", "danke", "lieferung"})
    ['danke', 'hallo']
    """
    if lang not in ("de", "en"):
        raise ValueError(f"`lang` must be one of ['de', 'en'], but {lang!r} was passed.")
    return _read_list(f"feedback_filler_{lang}.txt")


@lru_cache(maxsize=4)
def _stemmer(lang: str) -> Callable[[str], str]:
    from nltk.stem.snowball import SnowballStemmer

    if lang not in ("de", "en"):
        return lambda word: word
    return SnowballStemmer("german" if lang == "de" else "english").stem


@dataclass
class Tokens:
    """Stems and adjacent pairs of a batch of texts, with the surface forms seen.

    ``docs[i]`` holds the stems of text ``i`` in order; ``pairs[i]`` the
    adjacent kept-word pairs ``(stem_a, stem_b)``. ``surface`` counts the
    written forms of every stem, ``pair_surface`` those of every pair, so a
    label can show "lange Wartezeit" rather than "lang wartezeit". The
    ``*_inner`` counters hold only the forms seen inside a chunk, not at its
    start, where capitals say nothing about the word ("Ging schnell").
    """

    docs: list[list[str]]
    pairs: list[list[tuple[str, str]]]
    surface: dict[str, Counter[str]] = field(default_factory=dict)
    pair_surface: dict[tuple[str, str], Counter[str]] = field(default_factory=dict)
    surface_inner: dict[str, Counter[str]] = field(default_factory=dict)
    pair_surface_inner: dict[tuple[str, str], Counter[str]] = field(default_factory=dict)


def _drop_set(lang: str, filler: bool, extra: frozenset[str]) -> frozenset[str]:
    langs = [lang] if lang in ("de", "en") else ["de", "en"]
    out: set[str] = set(extra)
    for code in langs:
        out |= stop_words(code)
        if filler:
            out |= feedback_filler(code)
    return frozenset(out)


def tokenize(
    texts: Sequence[object],
    languages: Sequence[object] | np.ndarray,
    *,
    filler: bool = True,
    extra_stop_words: Iterable[str] = (),
    count_surface: bool = True,
) -> Tokens:
    """Stems and adjacent pairs of every text (missing texts give empty lists).

    Parameters
    ----------
    texts : sequence of str or None/NaN
        The texts.
    languages : sequence of str
        The language of each text (``de``, ``en``; anything else uses both
        stop lists and no stemming).
    filler : bool, default=True
        Also drop feedback filler (:func:`feedback_filler`).
    extra_stop_words : iterable of str
        More words to drop (compared in lower case, before stemming).
    count_surface : bool, default=True
        Count the written forms of stems and pairs (needed when fitting).

    Examples
    --------
    >>> tokens = tokenize(["Die lange Wartezeit an der Hotline nervt."], ["de"])
    >>> tokens.docs[0], tokens.pairs[0]
    (['lang', 'wartezeit', 'hotlin', 'nervt'], [('lang', 'wartezeit'), ('hotlin', 'nervt')])
    >>> tokens.surface["wartezeit"].most_common(1)
    [('Wartezeit', 1)]
    """
    extra = frozenset(w.lower() for w in extra_stop_words)
    drops: dict[str, frozenset[str]] = {}
    stems: dict[tuple[str, str], str] = {}
    out = Tokens(docs=[], pairs=[])
    surface: dict[str, Counter[str]] = {}
    pair_surface: dict[tuple[str, str], Counter[str]] = {}
    inner: dict[str, Counter[str]] = {}
    pair_inner: dict[tuple[str, str], Counter[str]] = {}
    for text, lang in zip(texts, languages, strict=True):
        doc: list[str] = []
        doc_pairs: list[tuple[str, str]] = []
        if isinstance(text, str) and text:
            code = lang if lang in ("de", "en") else "xx"
            drop = drops.get(code)
            if drop is None:
                drop = drops[code] = _drop_set(code, filler, extra)
            stem = _stemmer(code)
            for chunk in _CHUNK.split(_CLEAN.sub(" . ", text)):
                prev: tuple[str, str] | None = None  # (stem, surface) of the previous kept word
                for position, word in enumerate(_WORD.findall(chunk)):
                    low = word.lower()
                    if len(low) < _MIN_LENGTH or low in drop:
                        prev = None
                        continue
                    key = (code, low)
                    s = stems.get(key)
                    if s is None:
                        s = stems[key] = stem(low)
                    doc.append(s)
                    if count_surface:
                        surface.setdefault(s, Counter())[word] += 1
                        if position:
                            inner.setdefault(s, Counter())[word] += 1
                    if prev is not None and prev[0] != s:
                        pair = (prev[0], s)
                        doc_pairs.append(pair)
                        if count_surface:
                            written = f"{prev[1]} {word}"
                            pair_surface.setdefault(pair, Counter())[written] += 1
                            if position > 1:
                                pair_inner.setdefault(pair, Counter())[written] += 1
                    prev = (s, word)
        out.docs.append(doc)
        out.pairs.append(doc_pairs)
    out.surface = surface
    out.pair_surface = pair_surface
    out.surface_inner = inner
    out.pair_surface_inner = pair_inner
    return out


def surface_form(
    counts: Counter[str] | None, inner: Counter[str] | None, fallback: str
) -> str:
    """The most frequent written form, in the case it has inside sentences.

    The form is chosen over all occurrences with case folded; its capitals
    come from the occurrences inside a chunk when there are any (a chunk's
    first word is capitalised whatever it is), else from all.

    Examples
    --------
    >>> surface_form(Counter({"Ging": 5, "ging": 1}), Counter({"ging": 1}), "ging")
    'ging'
    >>> surface_form(Counter({"Wartezeit": 3, "Wartezeiten": 1}), Counter(), "wartezeit")
    'Wartezeit'
    """
    if not counts:
        return fallback
    folded: Counter[str] = Counter()
    for form, n in counts.items():
        folded[form.lower()] += n
    best = min(folded.items(), key=lambda kv: (-kv[1], kv[0]))[0]
    for source in (inner or Counter(), counts):
        cased = [(n, form) for form, n in source.items() if form.lower() == best]
        if cased:
            return min(cased, key=lambda nf: (-nf[0], nf[1] != nf[1].lower(), nf[1]))[1]
    return fallback  # pragma: no cover - best comes from counts
