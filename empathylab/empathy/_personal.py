"""Personalization: how much of the customer's own case a reply picks up.

A reply is personal when it refers to the specifics of the message it answers:
order and ticket numbers, dates, amounts, model numbers (any token with a digit),
and the customer's content words (product, problem, place; stemmed with the
language's Snowball stemmer, so "ordered"/"order" and "Lieferung"/"Lieferungen"
meet). Function words, greetings, closings and service routine words
(``data/stopwords_<lang>.txt``) do not count.

The column is handled at once: one vocabulary of the replies and contexts of a
language, sparse binary term matrices, a sparse map from terms to stems, and the
element-wise product of the reply and context stem matrices gives every shared item.
"""

from __future__ import annotations

from functools import cache

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.feature_extraction.text import CountVectorizer

from ._lexicon import stopwords
from ._match import noisy_or

__all__ = ["ID_WEIGHT", "LONG_WORD", "WORD_WEIGHT", "personalization"]

#: Weight of a shared token with a digit (order number, date, amount, model number).
ID_WEIGHT = 0.8
#: Weight of a shared content word; words of at least :data:`LONG_WORD` letters
#: (specific compounds such as "Lieferadresse", "subscription") weigh ``LONG_WEIGHT``.
WORD_WEIGHT = 0.25
LONG_WEIGHT = 0.4
LONG_WORD = 8
_TOKEN = r"(?u)[^\W_]+(?:[-/.,:][^\W_]+)*"
_STEMMER_NAMES = {"de": "german", "en": "english"}


@cache
def _stemmer(lang: str):  # type: ignore[no-untyped-def]
    from nltk.stem.snowball import SnowballStemmer

    return SnowballStemmer(_STEMMER_NAMES[lang])


def _keys(terms: np.ndarray, lang: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For each vocabulary term: its key (stem or identifier), weight, and whether kept."""
    series = pd.Series(terms, dtype=object)
    has_digit = series.str.contains(r"\d", regex=True).to_numpy(bool)
    alpha = series.str.fullmatch(r"[^\W\d_]+(?:-[^\W\d_]+)*").fillna(False).to_numpy(bool)
    length = series.str.len().to_numpy()
    stop = stopwords(lang)
    is_stop = series.isin(stop).to_numpy(bool)
    ident = has_digit & (length >= 3)
    word = alpha & (length >= 3) & ~is_stop
    stem = _stemmer(lang).stem
    keys = np.array([("#" + t) if i else (stem(t) if w else "") for t, i, w in
                     zip(terms, ident, word, strict=True)], dtype=object)
    weight = np.where(ident, ID_WEIGHT, np.where(length >= LONG_WORD, LONG_WEIGHT, WORD_WEIGHT))
    return keys, weight, ident | word


def personalization(replies: pd.Series, context: pd.Series, lang: str
                    ) -> tuple[np.ndarray, pd.DataFrame]:
    """Scores (0..1; NaN where the context is missing or blank) and evidence rows.

    ``replies`` and ``context`` are aligned by position. The evidence DataFrame has
    ``row`` (position), ``span`` (the shared item as it reads in lower case) and
    ``weight``.
    """
    n = len(replies)
    scores = np.zeros(n)
    ctx = context.astype(object)
    blank = ctx.isna().to_numpy() | (ctx.fillna("").astype(str).str.strip() == "").to_numpy()
    scores[blank] = np.nan
    empty = pd.DataFrame({"row": pd.Series(dtype=np.int64), "span": pd.Series(dtype=object),
                          "weight": pd.Series(dtype=float)})
    use = ~blank & replies.notna().to_numpy()
    if not use.any():
        return scores, empty
    rep = replies.astype(object).where(use, "").fillna("").astype(str).tolist()
    con = ctx.where(use, "").fillna("").astype(str).tolist()
    vec = CountVectorizer(token_pattern=_TOKEN, lowercase=True, binary=True, dtype=np.float64)
    try:
        vec.fit(rep + con)
    except ValueError:  # no tokens at all
        return scores, empty
    terms = np.empty(len(vec.vocabulary_), dtype=object)
    for term, i in vec.vocabulary_.items():
        terms[i] = term
    keys, weight, kept = _keys(terms, lang)
    if not kept.any():  # nothing specific in any reply or context
        scores[use] = 0.0
        return scores, empty
    uniq, key_id = np.unique(keys[kept].astype(str), return_inverse=True)
    cols = np.flatnonzero(kept)
    mapping = sp.csr_matrix((np.ones(len(cols)), (cols, key_id)), shape=(len(terms), len(uniq)))
    key_weight = np.zeros(len(uniq))
    np.maximum.at(key_weight, key_id, weight[cols])
    # a readable name per key: its shortest term
    order = np.lexsort((pd.Series(terms[cols]).str.len().to_numpy(), key_id))
    first = np.r_[True, key_id[order][1:] != key_id[order][:-1]]
    name = np.empty(len(uniq), dtype=object)
    name[key_id[order][first]] = terms[cols][order][first]
    r = (sp.csr_matrix(vec.transform(rep)) @ mapping) > 0
    c = (sp.csr_matrix(vec.transform(con)) @ mapping) > 0
    shared = sp.coo_matrix(r.multiply(c))
    rows, kid = shared.row.astype(np.int64), shared.col
    out = noisy_or(rows, key_weight[kid], n)
    scores[use] = out[use]
    evidence = pd.DataFrame({"row": rows, "span": name[kid], "weight": key_weight[kid]})
    return scores, evidence.sort_values(["row", "weight"], ascending=[True, False],
                                        kind="stable")
