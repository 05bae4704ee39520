"""From a DataFrame, a column or a dict of counts to a tidy table of experiences per segment."""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from .._validation import check_columns
from ..exceptions import DataQualityWarning, InsufficientDataError

__all__ = ["COUNT_COLUMNS", "experience_counts"]

COUNT_COLUMNS = ["n_responses", "n_positive", "n_neutral", "n_negative"]

_COUNT_ALIASES = {
    "n_positive": ("n_positive", "promoters", "positive"),
    "n_neutral": ("n_neutral", "passives", "neutral"),
    "n_negative": ("n_negative", "detractors", "negative"),
}

_SENTIMENT_LABELS = {"positive": 1, "pos": 1, "neutral": 0, "neu": 0, "negative": -1, "neg": -1,
                     "mixed": 0}


def _as_list(by: str | Sequence[str] | None) -> list[str]:
    if by is None:
        return []
    if isinstance(by, str):
        return [by]
    return list(by)


def _column(df: pd.DataFrame | None, spec: Any, param: str) -> pd.Series:
    if isinstance(spec, str):
        if df is None:
            raise TypeError(f"`{param}={spec!r}` names a column, so `df` must be given.")
        check_columns(df, [spec], param=param)
        return df[spec]
    if isinstance(spec, pd.Series):
        if df is not None and not spec.index.equals(df.index):
            raise ValueError(f"`{param}` is a Series whose index differs from `df`'s index.")
        return spec
    values = np.asarray(spec)
    if values.ndim != 1:
        raise TypeError(f"`{param}` must be a column name, a Series or a 1-d array.")
    if df is not None and len(values) != len(df):
        raise ValueError(f"`{param}` has {len(values)} values but `df` has {len(df)} rows.")
    return pd.Series(values, index=None if df is None else df.index, name=param)


def _plain(value: Any) -> Any:
    return value.item() if isinstance(value, np.generic) else value


def _nps_sign(scores: pd.Series, name: str) -> pd.Series:
    """+1 promoter (9-10), 0 passive (7-8), -1 detractor (0-6); Reichheld (2003)."""
    num = pd.to_numeric(scores, errors="coerce")
    bad = scores.notna() & num.isna()
    bad |= num.notna() & ((num < 0) | (num > 10) | (num != np.round(num)))
    if bad.any():
        first = bad.idxmax()
        raise ValueError(
            f"column {name!r} must hold NPS answers 0-10 (whole numbers), but row {first!r} has "
            f"{_plain(scores.loc[first])!r}; clean or drop such rows first."
        )
    out = pd.Series(np.where(num >= 9, 1, np.where(num >= 7, 0, -1)), index=scores.index)
    return out.where(num.notna())


def _sentiment_sign(values: pd.Series, name: str) -> pd.Series:
    if pd.api.types.is_numeric_dtype(values):
        return np.sign(values.astype(float))
    text = values.astype("string").str.strip().str.lower()
    mapped = text.map(_SENTIMENT_LABELS)
    bad = text.notna() & mapped.isna()
    if bad.any():
        first = bad.idxmax()
        raise ValueError(
            f"column {name!r} must hold sentiment labels {sorted(set(_SENTIMENT_LABELS))} or "
            f"numbers (sign used), but row {first!r} has {_plain(values.loc[first])!r}."
        )
    return mapped.astype(float)


def _intent_sign(values: pd.Series, positive: Iterable[str], negative: Iterable[str]
                 ) -> pd.Series:
    pos, neg = set(positive), set(negative)
    if pos & neg:
        raise ValueError(f"`positive_intents` and `negative_intents` share {sorted(pos & neg)}.")
    text = values.astype("string")
    out = pd.Series(0.0, index=values.index)
    out[text.isin(pos).fillna(False).to_numpy(dtype=bool)] = 1.0
    out[text.isin(neg).fillna(False).to_numpy(dtype=bool)] = -1.0
    return out.where(text.notna())


def _counts_table(counts: Mapping[str, Any] | pd.DataFrame, by: list[str]) -> pd.DataFrame:
    table = pd.DataFrame([dict(counts)]) if isinstance(counts, Mapping) else counts.copy()
    if by:
        check_columns(table, by, param="by")
    out = table[by].reset_index(drop=True) if by else pd.DataFrame(index=range(len(table)))
    for target, aliases in _COUNT_ALIASES.items():
        found = [a for a in aliases if a in table.columns]
        if len(found) > 1:
            raise ValueError(f"`counts` has both {found[0]!r} and {found[1]!r}; give one.")
        if found:
            out[target] = pd.to_numeric(table[found[0]], errors="raise").to_numpy(dtype=float)
        elif target == "n_neutral":
            out[target] = 0.0
        else:
            raise ValueError(
                f"`counts` needs {aliases[0]!r} (or {aliases[1]!r}); it has "
                f"{list(table.columns)}. Example: counts={{'promoters': 120, 'passives': 60, "
                "'detractors': 40}."
            )
    vals = out[["n_positive", "n_neutral", "n_negative"]].to_numpy()
    if (vals < 0).any() or not np.isfinite(vals).all():
        raise ValueError("`counts` must be finite and >= 0.")
    out.insert(len(by), "n_responses", vals.sum(axis=1))
    return out[[*by, *COUNT_COLUMNS]]


def experience_counts(
    df: pd.DataFrame | None = None,
    *,
    nps: Any = None,
    sentiment: Any = None,
    intent: Any = None,
    counts: Mapping[str, Any] | pd.DataFrame | None = None,
    by: str | Sequence[str] | None = None,
    positive_intents: Iterable[str] = ("referral",),
    negative_intents: Iterable[str] = ("negative_word_of_mouth",),
) -> pd.DataFrame:
    """Positive, neutral and negative experiences per segment.

    Exactly one of ``nps``, ``sentiment``, ``intent`` or ``counts`` is used.
    NPS answers: promoters 9-10 are positive, passives 7-8 neutral, detractors
    0-6 negative (Reichheld 2003). Rows with a missing answer are left out and
    counted in a :class:`DataQualityWarning`.

    Returns
    -------
    pandas.DataFrame
        The ``by`` columns, then ``n_responses``, ``n_positive``,
        ``n_neutral``, ``n_negative``.

    Examples
    --------
    >>> experience_counts(nps=[10, 9, 8, 3, 0])
       n_responses  n_positive  n_neutral  n_negative
    0          5.0         2.0        1.0         2.0
    """
    given = {k: v for k, v in {"nps": nps, "sentiment": sentiment, "intent": intent,
                               "counts": counts}.items() if v is not None}
    if len(given) != 1:
        raise TypeError(
            "give exactly one of `nps`, `sentiment`, `intent` or `counts`, but "
            f"{sorted(given) or 'none'} were passed."
        )
    keys = _as_list(by)
    if counts is not None:
        return _counts_table(counts, keys)
    (param, spec), = given.items()
    values = _column(df, spec, param)
    name = spec if isinstance(spec, str) else param
    if param == "nps":
        sign = _nps_sign(values, name)
    elif param == "sentiment":
        sign = _sentiment_sign(values, name)
    else:
        sign = _intent_sign(values, positive_intents, negative_intents)
    missing = int(sign.isna().sum())
    if missing:
        warnings.warn(
            f"{missing} of {len(sign)} rows have no value in {name!r} and are left out.",
            DataQualityWarning, stacklevel=3,
        )
    frame = pd.DataFrame({"_sign": sign})
    if keys:
        if df is None:
            raise TypeError("`by` names columns, so `df` must be given.")
        check_columns(df, keys, param="by")
        frame = frame.join(df[keys])
    frame = frame.dropna(subset=["_sign"])
    if frame.empty:
        raise InsufficientDataError(f"no usable values in {name!r}; nothing to estimate.")
    frame["n_positive"] = (frame["_sign"] > 0).astype(float)
    frame["n_neutral"] = (frame["_sign"] == 0).astype(float)
    frame["n_negative"] = (frame["_sign"] < 0).astype(float)
    cols = ["n_positive", "n_neutral", "n_negative"]
    if keys:
        out = frame.groupby(keys, sort=True, observed=True, dropna=False)[cols].sum()
        out = out.reset_index()
    else:
        out = frame[cols].sum().to_frame().T
    out.insert(len(keys), "n_responses", out[cols].sum(axis=1))
    return out[[*keys, *COUNT_COLUMNS]].reset_index(drop=True)
