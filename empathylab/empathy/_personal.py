"""Personalization: how much of the customer's own case a reply picks up.

A reply is personal when it refers to the specifics of the message it answers:
order and ticket numbers, dates, amounts, model numbers (any token with a digit and
at least three characters), and the customer's content words (product, problem,
place; stemmed with the language's Snowball stemmer, so "ordered"/"order" and
"Lieferung"/"Lieferungen" meet). Function words, greetings, closings and service
routine words (``data/stopwords_<lang>.txt``) do not count. Tokens are runs of
letters and digits ("A-1234/5" gives "a", "1234" and "5").

The column is handled at once: Arrow splits and lower-cases all replies and contexts,
distinct tokens are classified and stemmed once each, and the shared items are the
intersection of the (row, stem) pairs of the replies and of the contexts.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ..text._whitespace import as_arrow
from ._lexicon import stopwords
from ._match import noisy_or

__all__ = ["ID_WEIGHT", "LONG_WEIGHT", "LONG_WORD", "WORD_WEIGHT", "personalization"]

#: Weight of a shared token with a digit (order number, date, amount, model number).
ID_WEIGHT = 0.8
#: Weight of a shared content word; words of at least :data:`LONG_WORD` letters
#: (specific compounds such as "Lieferadresse", "subscription") weigh ``LONG_WEIGHT``.
WORD_WEIGHT = 0.25
LONG_WEIGHT = 0.4
LONG_WORD = 8
_SPLIT = r"[^\pL\pN]+"
_STEMMER_NAMES = {"de": "german", "en": "english"}


@cache
def _stemmer(lang: str) -> Any:
    from nltk.stem.snowball import SnowballStemmer

    return SnowballStemmer(_STEMMER_NAMES[lang])


def _tokens(texts: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Row positions and lower-case tokens of every text (Arrow kernels)."""
    arr = as_arrow(texts)
    lists = pc.split_pattern_regex(pc.utf8_lower(arr), _SPLIT)
    flat = pc.list_flatten(lists)
    rows = np.asarray(pc.list_parent_indices(lists).to_numpy(zero_copy_only=False), np.int64)
    keep = np.asarray(pc.greater(pc.utf8_length(flat), 0).to_numpy(zero_copy_only=False), bool)
    return rows[keep], np.asarray(flat.filter(pa.array(keep)).to_numpy(zero_copy_only=False),
                                  dtype=object)


def _keys(terms: np.ndarray, lang: str) -> tuple[np.ndarray, np.ndarray]:
    """Key (stem, or ``#`` + identifier; "" when not counted) and weight of each term."""
    series = pd.Series(terms, dtype=object)
    length = series.str.len().to_numpy()
    has_digit = series.str.contains(r"\d", regex=True).to_numpy(bool)
    ident = has_digit & (length >= 3)
    word = ~has_digit & (length >= 3) & ~series.isin(stopwords(lang)).to_numpy(bool)
    stem = _stemmer(lang).stem
    keys = np.array([("#" + t) if i else (stem(t) if w else "")
                     for t, i, w in zip(terms, ident, word, strict=True)], dtype=object)
    weight = np.where(ident, ID_WEIGHT, np.where(length >= LONG_WORD, LONG_WEIGHT, WORD_WEIGHT))
    return keys, weight


def personalization(replies: pd.Series, context: pd.Series, lang: str
                    ) -> tuple[np.ndarray, pd.DataFrame]:
    """Scores (0..1; NaN where the context is missing or blank) and evidence rows.

    ``replies`` and ``context`` are aligned by position. The evidence DataFrame has
    ``row`` (position), ``span`` (the shared item in lower case) and ``weight``.
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
    r_rows, r_tok = _tokens(replies.astype(object).where(use, None))
    c_rows, c_tok = _tokens(ctx.where(use, None))
    if not len(r_tok) or not len(c_tok):
        return scores, empty
    codes, terms = pd.factorize(np.concatenate([r_tok, c_tok]))
    keys, weight = _keys(np.asarray(terms, dtype=object), lang)
    key_id, uniq = pd.factorize(keys)
    counted = np.asarray(uniq, dtype=object) != ""
    tok_key = key_id[codes]
    k = len(uniq)
    r_key, c_key = tok_key[:len(r_tok)], tok_key[len(r_tok):]
    r_pairs = np.unique(r_rows[counted[r_key]] * k + r_key[counted[r_key]])
    c_pairs = np.unique(c_rows[counted[c_key]] * k + c_key[counted[c_key]])
    shared = np.intersect1d(r_pairs, c_pairs, assume_unique=True)
    rows, kid = shared // k, shared % k
    key_weight = np.zeros(k)
    np.maximum.at(key_weight, key_id, weight)
    # a readable name per key: its shortest term
    term_len = pd.Series(np.asarray(terms, dtype=object)).str.len().to_numpy()
    order = np.lexsort((term_len, key_id))
    first = np.r_[True, key_id[order][1:] != key_id[order][:-1]]
    name = np.empty(k, dtype=object)
    name[key_id[order][first]] = np.asarray(terms, dtype=object)[order][first]
    out = noisy_or(rows.astype(np.int64), key_weight[kid], n)
    scores[use] = out[use]
    evidence = pd.DataFrame({"row": rows.astype(np.int64), "span": name[kid],
                             "weight": key_weight[kid]})
    return scores, evidence.sort_values(["row", "weight"], ascending=[True, False],
                                        kind="stable")
