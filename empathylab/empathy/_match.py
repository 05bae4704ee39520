"""Finding the cues of a lexicon in a whole column of replies at once.

For each category, Arrow's RE2 engine first marks the rows where a looser version of
the category's alternation matches (one pass over the column in C++); only those
rows are joined into one string, and the category's Python regex runs once over it.
Match positions are mapped back to rows with a binary search over the row offsets.
The Python loop runs per match (to read the cue's weight and span), never per reply.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ._lexicon import Lexicon

__all__ = ["find_cues", "find_questions", "noisy_or"]

_SEP = "\n\x00\n"
#: Mechanism cues preceded by one of these (within two words) are not counted:
#: "I don't understand why", "we will not refund".
_NEGATED = re.compile(
    r"(?:\bnot|n't|\bnever|\bno longer|\bnicht|\bkein\w*|\bnie|\bniemals)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
_NEGATABLE = ("emotional_reaction", "interpretation", "ownership", "exploration")
#: ... and so are commitments with a negation inside ("we will not"); emotional cues
#: may hold one on purpose ("you're not alone").
_NEGATION_INSIDE = re.compile(r"(?:\bnot|n't|\bnever|\bnicht|\bkein\w*|\bnie)\b", re.I)
_QUESTION = re.compile(r"[^.!?\n\x00]*\?+")
_COLUMNS = ["row", "category", "weight", "span", "start"]


def _join(texts: list[str]) -> tuple[str, np.ndarray]:
    lengths = np.fromiter((len(t) for t in texts), dtype=np.int64, count=len(texts))
    starts = np.concatenate([[0], np.cumsum(lengths + len(_SEP))[:-1]])
    return _SEP.join(texts), starts


def _candidates(texts: pa.ChunkedArray | pa.Array, pattern: str) -> np.ndarray:
    hit = pc.fill_null(pc.match_substring_regex(texts, pattern), False)
    return np.flatnonzero(np.asarray(hit.to_numpy(zero_copy_only=False), dtype=bool))


def _empty() -> pd.DataFrame:
    return pd.DataFrame({"row": pd.Series(dtype=np.int64), "category": pd.Series(dtype=object),
                         "weight": pd.Series(dtype=float), "span": pd.Series(dtype=object),
                         "start": pd.Series(dtype=np.int64)})


def find_cues(texts: pa.ChunkedArray | pa.Array, lex: Lexicon,
              categories: tuple[str, ...]) -> pd.DataFrame:
    """Every cue of ``categories`` in ``texts``: one row per match.

    Returns a DataFrame with ``row`` (position in ``texts``), ``category``,
    ``weight``, ``span`` (the matched text) and ``start`` (offset in the reply).
    """
    parts = []
    for name in categories:
        cat = lex[name]
        if not cat.patterns:
            continue
        rows = _candidates(texts, cat.prefilter)
        if not len(rows):
            continue
        subset = texts.take(pa.array(rows)).to_pylist()
        joined, starts = _join(subset)
        found_rows, weights, spans, offsets = [], [], [], []
        negatable = name in _NEGATABLE
        for m in cat.regex.finditer(joined):
            s, e = m.span()
            if s == e:
                continue
            i = int(np.searchsorted(starts, s, side="right") - 1)
            if e > starts[i] + len(subset[i]):  # crosses into the next reply
                continue
            if negatable and (_NEGATED.search(joined, max(0, s - 30), s)
                              or (name == "ownership"
                                  and _NEGATION_INSIDE.search(m.group(0)))):
                continue
            found_rows.append(rows[i])
            weights.append(cat.weight_of(m.lastgroup or "p0"))
            spans.append(m.group(0).strip())
            offsets.append(s - int(starts[i]))
        if found_rows:
            parts.append(pd.DataFrame({"row": np.asarray(found_rows, dtype=np.int64),
                                       "category": name, "weight": weights, "span": spans,
                                       "start": np.asarray(offsets, dtype=np.int64)}))
    if not parts:
        return _empty()
    return pd.concat(parts, ignore_index=True)[_COLUMNS]


def find_questions(texts: pa.ChunkedArray | pa.Array) -> pd.DataFrame:
    """Every question sentence (text up to a ``?`` since the last sentence end).

    Returns ``row``, ``span`` (the stripped question) and ``start``.
    """
    rows = _candidates(texts, r"\?")
    if not len(rows):
        return pd.DataFrame({"row": pd.Series(dtype=np.int64), "span": pd.Series(dtype=object),
                             "start": pd.Series(dtype=np.int64)})
    subset = texts.take(pa.array(rows)).to_pylist()
    joined, starts = _join(subset)
    found = [(m.start(), m.group(0)) for m in _QUESTION.finditer(joined) if m.group(0).strip()]
    pos = np.fromiter((s for s, _ in found), dtype=np.int64, count=len(found))
    idx = np.searchsorted(starts, pos, side="right") - 1
    spans = pd.Series([q for _, q in found], dtype=object)
    lead = spans.str.len() - spans.str.lstrip().str.len()
    return pd.DataFrame({"row": rows[idx].astype(np.int64), "span": spans.str.strip(),
                         "start": pos - starts[idx] + lead.to_numpy(np.int64)})


def noisy_or(rows: np.ndarray, weights: np.ndarray, n: int) -> np.ndarray:
    """Per row, ``1 - prod(1 - w)`` over its matches (0 where there is none)."""
    if not len(rows):
        return np.zeros(n)
    logs = np.log1p(-np.clip(np.asarray(weights, float), 0.0, 0.99))
    return np.maximum(-np.expm1(np.bincount(rows, weights=logs, minlength=n)), 0.0)
