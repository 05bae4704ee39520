"""Finding the cues of a lexicon in a whole column of replies at once.

The column is joined into one string. For each category, Arrow's RE2 engine (linear
time, one pass in C++) marks every place where a looser version of the category's
alternation matches; the exact Python regex (word boundaries, which cue matched) is
tried only at those places. Match positions are mapped back to rows with one binary
search over the row offsets. The Python loop runs per candidate match, never per
reply.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from .._parallel import map_batches
from ._lexicon import Lexicon

__all__ = ["Column", "find_cues", "find_questions", "noisy_or"]

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
# a question starts after a sentence end (the lookbehind keeps the scan linear)
_QUESTION = re.compile(r"(?:^|(?<=[.!?\n\x00]))[^.!?\n\x00]*\?+")
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


class Column:
    """The replies of a column joined into one string, ready for the cue passes."""

    def __init__(self, texts: pa.ChunkedArray | pa.Array) -> None:
        values = [t.replace("\x01", " ") if t else "" for t in
                  pc.fill_null(texts, "").to_pylist()]
        self.texts = values
        self.joined, self.starts = _join(values)
        self.lengths = np.fromiter(map(len, values), dtype=np.int64, count=len(values))
        self._arrow = pa.array([self.joined], type=pa.large_string())

    def candidate_starts(self, pattern: str) -> list[int]:
        """Where the RE2 version of a category matches (a superset of the cue starts)."""
        marked = pc.replace_substring_regex(self._arrow, pattern, "\x01\\0")[0].as_py()
        return [m.start() - k for k, m in enumerate(_MARK.finditer(marked))]


_MARK = re.compile("\x01")


def find_cues(column: Column, lex: Lexicon, categories: tuple[str, ...]) -> pd.DataFrame:
    """Every cue of ``categories`` in the column: one row per match.

    Arrow's RE2 engine marks every place where a category's looser alternation matches,
    in one pass over the joined column; the category's Python regex is then only tried
    at those places (``regex.match`` at a position, not a scan). Matches do not
    overlap within a category, as with ``finditer``.

    Returns a DataFrame with ``row`` (position in the column), ``category``,
    ``weight``, ``span`` (the matched text) and ``start`` (offset in the reply).
    """
    joined, starts, lengths = column.joined, column.starts, column.lengths
    parts = []
    names = [name for name in categories if lex[name].patterns]
    # the RE2 passes release the GIL: categories run side by side on the thread pool
    candidates = map_batches(lambda name: column.candidate_starts(lex[name].prefilter), names)
    for name, places in zip(names, candidates, strict=True):
        cat = lex[name]
        negatable = name in _NEGATABLE
        regex = cat.regex
        found_pos, weights, spans = [], [], []
        last_end = -1
        for pos in places:
            # RE2 may have started the match one character early (no lookbehind there)
            for at in (pos, pos + 1) if pos + 1 < len(joined) else (pos,):
                if at < last_end:
                    continue
                m = regex.match(joined, at)
                if m is None or m.end() == m.start():
                    continue
                s = m.start()
                if negatable and (_NEGATED.search(joined, max(0, s - 30), s)
                                  or (name == "ownership"
                                      and _NEGATION_INSIDE.search(m.group(0)))):
                    break
                found_pos.append(s)
                weights.append(cat.weight_of(m.lastgroup or "p0"))
                spans.append(m.group(0))
                last_end = m.end()
                break
        if not found_pos:
            continue
        pos_arr = np.asarray(found_pos, dtype=np.int64)
        rows = np.searchsorted(starts, pos_arr, side="right") - 1
        span_s = pd.Series(spans, dtype=object)
        inside = (pos_arr + span_s.str.len().to_numpy() <= starts[rows] + lengths[rows])
        lead = (span_s.str.len() - span_s.str.lstrip().str.len()).to_numpy()
        parts.append(pd.DataFrame({
            "row": rows[inside].astype(np.int64), "category": name,
            "weight": np.asarray(weights)[inside], "span": span_s.str.strip()[inside].to_numpy(),
            "start": (pos_arr - starts[rows] + lead)[inside].astype(np.int64),
        }))
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
