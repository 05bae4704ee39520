"""Topic coherence from document co-occurrence of the top terms (NPMI and UMass).

Both measures are computed from the fitted texts' binary document-term matrix,
so no reference corpus is needed.

* **NPMI** (Bouma 2009; used for topic coherence by Aletras & Stevenson 2013,
  "Evaluating topic coherence using distributional semantics", and Röder et al.
  2015, "Exploring the space of topic coherence measures"): for every pair of a
  topic's top terms, ``log(p(a, b) / (p(a) p(b))) / -log p(a, b)`` with
  document probabilities; -1 when the two never share a text, 1 when they
  always come together. A topic's coherence is the mean over its pairs.
* **UMass** (Mimno et al. 2011, "Optimizing semantic coherence in topic
  models"): ``log((D(a, b) + 1) / D(b))`` over ordered pairs, ``b`` ranked
  above ``a``; at most 0, higher is more coherent.

Pairs in which one term is part of the other (a bigram and its own word) are
left out: they co-occur by construction.
"""

from __future__ import annotations

import numpy as np
from scipy import sparse

__all__ = ["MEASURES", "topic_coherence"]

MEASURES = ("npmi", "umass")


def _overlap(stems: list[tuple[str, ...]]) -> np.ndarray:
    n = len(stems)
    out = np.zeros((n, n), dtype=bool)
    for i in range(n):
        for j in range(n):
            out[i, j] = i == j or bool(set(stems[i]) & set(stems[j]))
    return out


def topic_coherence(
    binary: sparse.csc_matrix,
    top_terms: list[np.ndarray],
    term_stems: list[tuple[str, ...]],
    measure: str = "npmi",
) -> np.ndarray:
    """Coherence of each topic; ``top_terms[k]`` are its term columns, best first.

    ``binary`` is the 0/1 document-term matrix (documents without terms may be
    included; they count in the number of documents only for NPMI when they
    have at least one term, so that empty texts do not inflate it).

    Examples
    --------
    Two terms that always co-occur have NPMI 1; two that never do, -1:

    >>> x = sparse.csc_matrix(np.array([[1, 1, 0], [1, 1, 0], [0, 0, 1]]))
    >>> stems = [("a",), ("b",), ("c",)]
    >>> topic_coherence(x, [np.array([0, 1]), np.array([0, 2])], stems).round(3).tolist()
    [1.0, -1.0]
    """
    n_docs = int((binary.getnnz(axis=1) > 0).sum())
    df = np.asarray(binary.sum(axis=0)).ravel()
    out = np.full(len(top_terms), np.nan)
    for k, terms in enumerate(top_terms):
        terms = np.asarray(terms)
        if len(terms) < 2 or n_docs == 0:
            continue
        sub = binary[:, terms]
        co = np.asarray((sub.T @ sub).todense(), dtype=np.float64)
        skip = _overlap([term_stems[t] for t in terms])
        if measure == "npmi":
            p = df[terms] / n_docs
            p_ab = co / n_docs
            with np.errstate(divide="ignore", invalid="ignore"):
                pmi = np.log(p_ab / np.outer(p, p))
                npmi = pmi / -np.log(p_ab)
            npmi = np.where(p_ab <= 0, -1.0, npmi)
            npmi = np.where(p_ab >= 1.0, 1.0, npmi)
            mask = np.triu(~skip, k=1)
            if mask.any():
                out[k] = float(npmi[mask].mean())
        elif measure == "umass":
            # terms are ranked best first: pair (i, j) with j < i uses D(term j)
            with np.errstate(divide="ignore"):
                values = np.log((co + 1.0) / df[terms][np.newaxis, :])
            mask = np.tril(~skip, k=-1)
            if mask.any():
                out[k] = float(values[mask].mean())
        else:
            raise ValueError(
                f"`coherence` must be one of {list(MEASURES)}, but {measure!r} was passed."
            )
    return out
