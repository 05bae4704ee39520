"""Features of a topic model: stems and collocated bigrams, and the document-term matrix.

Bigrams are phrases found by collocation: adjacent kept words (no stop word or
punctuation between them, see :func:`empathylab.topics._text.tokenize`) that
occur together at least ``min_count`` times and more often than chance, by
normalised pointwise mutual information over adjacent pairs (Bouma 2009,
"Normalized (pointwise) mutual information in collocation extraction"):
``npmi = log(p(a b) / (p(a) p(b))) / -log p(a b)``, from -1 to 1, 0 for
independence. "lange Wartezeit" passes; "Hotline nervt" rarely does. A bigram
is a feature beside its two words.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from ._text import Tokens, surface_form

__all__ = ["Vocabulary", "build_vocabulary", "doc_term_matrix"]


@dataclass(frozen=True)
class Vocabulary:
    """Feature names (``"stem"`` or ``"stem_a stem_b"``), their readable forms, the bigrams."""

    features: tuple[str, ...]
    readable: tuple[str, ...]
    bigrams: frozenset[tuple[str, str]]

    @property
    def index(self) -> dict[str, int]:
        return {f: i for i, f in enumerate(self.features)}

    def stems(self, i: int) -> tuple[str, ...]:
        """The stems of feature ``i`` (one for a word, two for a bigram)."""
        return tuple(self.features[i].split(" "))


def _min_docs(value: int | float, n_docs: int, param: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"`{param}` must be an int or a float, but {value!r} was passed.")
    if isinstance(value, float):
        if not 0.0 <= value <= 1.0:
            raise ValueError(
                f"`{param}` as a float is a share of the texts and must lie in [0, 1], "
                f"but {value!r} was passed."
            )
        return math.ceil(value * n_docs)
    if value < 1:
        raise ValueError(
            f"`{param}` as an int counts texts and must be >= 1, but {value} was passed."
        )
    return value


def collocations(tokens: Tokens, *, min_count: int, threshold: float) -> frozenset[tuple[str, str]]:
    """Adjacent pairs seen ``min_count`` times or more with NPMI >= ``threshold``."""
    pair_counts: Counter[tuple[str, str]] = Counter()
    for doc_pairs in tokens.pairs:
        pair_counts.update(doc_pairs)
    word_counts: Counter[str] = Counter()
    for doc in tokens.docs:
        word_counts.update(doc)
    n_pairs = sum(pair_counts.values())
    n_words = sum(word_counts.values())
    if not n_pairs:
        return frozenset()
    keep = set()
    for (a, b), count in pair_counts.items():
        if count < min_count:
            continue
        p_ab = count / n_pairs
        if p_ab >= 1.0:
            keep.add((a, b))
            continue
        pmi = math.log(p_ab / ((word_counts[a] / n_words) * (word_counts[b] / n_words)))
        if pmi / -math.log(p_ab) >= threshold:
            keep.add((a, b))
    return frozenset(keep)


def _doc_features(
    tokens: Tokens, i: int, bigrams: frozenset[tuple[str, str]]
) -> list[str]:
    feats = list(tokens.docs[i])
    feats += [f"{a} {b}" for a, b in tokens.pairs[i] if (a, b) in bigrams]
    return feats


def build_vocabulary(
    tokens: Tokens,
    *,
    min_df: int | float,
    max_df: int | float,
    bigrams: bool,
    min_bigram_count: int,
    bigram_threshold: float,
) -> Vocabulary:
    """Features kept by document frequency (``min_df`` <= df <= ``max_df``), sorted."""
    n_docs = sum(1 for doc in tokens.docs if doc)
    low = _min_docs(min_df, n_docs, "min_df")
    high = _min_docs(max_df, n_docs, "max_df")
    pairs = (
        collocations(tokens, min_count=min_bigram_count, threshold=bigram_threshold)
        if bigrams
        else frozenset()
    )
    df: Counter[str] = Counter()
    for i in range(len(tokens.docs)):
        df.update(set(_doc_features(tokens, i, pairs)))
    features = tuple(sorted(f for f, n in df.items() if low <= n <= high))
    readable = []
    for f in features:
        parts = f.split(" ")
        if len(parts) == 2:
            pair = (parts[0], parts[1])
            readable.append(surface_form(
                tokens.pair_surface.get(pair), tokens.pair_surface_inner.get(pair), f
            ))
        else:
            readable.append(surface_form(tokens.surface.get(f), tokens.surface_inner.get(f), f))
    kept = {tuple(f.split(" ")) for f in features if " " in f}
    return Vocabulary(features, tuple(readable), frozenset((a, b) for a, b in kept))


def doc_term_matrix(tokens: Tokens, vocabulary: Vocabulary) -> sparse.csr_matrix:
    """Counts of every feature in every text (rows like ``tokens.docs``)."""
    index = vocabulary.index
    indptr = [0]
    indices: list[int] = []
    for i in range(len(tokens.docs)):
        cols = [index[f] for f in _doc_features(tokens, i, vocabulary.bigrams) if f in index]
        indices.extend(cols)
        indptr.append(len(indices))
    data = np.ones(len(indices), dtype=np.float64)
    matrix = sparse.csr_matrix(
        (data, np.asarray(indices, dtype=np.int64), np.asarray(indptr, dtype=np.int64)),
        shape=(len(tokens.docs), len(vocabulary.features)),
    )
    matrix.sum_duplicates()
    return matrix
