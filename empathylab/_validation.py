"""Input checks shared by all public functions (one place, one wording)."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence

import pandas as pd

from .exceptions import MissingColumnError

__all__ = ["as_series", "as_texts", "check_argument", "check_columns", "close_matches"]


def close_matches(name: str, candidates: Iterable[object], n: int = 3) -> list[str]:
    """Candidates that look like ``name`` (case-insensitive), best first."""
    names = [str(c) for c in candidates]
    lowered = {c.lower(): c for c in names}
    hits = difflib.get_close_matches(name.lower(), list(lowered), n=n, cutoff=0.6)
    return [lowered[h] for h in hits]


def did_you_mean(name: str, candidates: Iterable[object]) -> str:
    """``"; did you mean 'x'?"`` or an empty string."""
    hits = close_matches(name, candidates)
    if not hits:
        return ""
    return "; did you mean " + " or ".join(repr(h) for h in hits) + "?"


def check_columns(data: pd.DataFrame, columns: Sequence[str], *, param: str = "columns") -> None:
    """Raise :class:`MissingColumnError` naming each missing column and close matches."""
    if not isinstance(data, pd.DataFrame):
        raise TypeError(f"`data` must be a pandas DataFrame, but {type(data).__name__} was passed.")
    for col in columns:
        if col not in data.columns:
            raise MissingColumnError(
                f"column {col!r} (from `{param}`) not found{did_you_mean(col, data.columns)} "
                f"The DataFrame has: {', '.join(map(str, data.columns[:30]))}."
            )


def check_argument(param: str, options: Sequence[object], value: object) -> None:
    """Raise ValueError when ``value`` is not one of ``options`` (seaborn's wording)."""
    if value not in options:
        raise ValueError(f"`{param}` must be one of {list(options)}, but {value!r} was passed.")


def as_series(values: object, *, param: str) -> pd.Series:
    """``values`` as a Series: a Series as it is, a one-column DataFrame's column, a 1-D
    (or n x 1) array, a list or another iterable; a single ``str`` is refused."""
    import numpy as np

    if isinstance(values, str):
        raise TypeError(
            f"`{param}` must be a list-like of texts, but a single str was passed; wrap it "
            f"in a list: [{values[:30]!r}]."
        )
    if isinstance(values, pd.DataFrame):
        if values.shape[1] != 1:
            raise ValueError(
                f"`{param}` must be one column of texts, but a DataFrame with "
                f"{values.shape[1]} columns ({', '.join(map(str, values.columns[:5]))}) was "
                "passed; select the text column, e.g. data['text']."
            )
        return values.iloc[:, 0]
    if isinstance(values, pd.Series):
        return values
    if isinstance(values, np.ndarray):
        if values.ndim == 2 and values.shape[1] == 1:
            values = values[:, 0]
        elif values.ndim != 1:
            raise ValueError(
                f"`{param}` must be one-dimensional, but an array of shape {values.shape} "
                "was passed."
            )
    try:
        return pd.Series(list(values), dtype=object)  # type: ignore[call-overload]
    except TypeError:
        raise TypeError(
            f"`{param}` must be a list-like of texts, but {type(values).__name__} was passed."
        ) from None


def as_texts(values: object, *, param: str = "texts", allow_missing: bool = True) -> pd.Series:
    """``values`` as an object Series of ``str``, missing values as None.

    Raises TypeError naming the first row that holds something else (or a missing
    value, when ``allow_missing`` is False) and how to fix it.
    """
    import numpy as np

    series = as_series(values, param=param)
    objects = series.to_numpy(dtype=object)
    is_text = np.fromiter((isinstance(v, str) for v in objects), dtype=bool,
                          count=len(objects))
    missing = pd.isna(series).to_numpy() & ~is_text
    bad = ~is_text & (~missing if allow_missing else np.ones(len(objects), dtype=bool))
    if bad.any():
        pos = int(np.flatnonzero(bad)[0])
        value = objects[pos]
        allowed = "texts (str) or missing values" if allow_missing else "only str"
        fix = ("convert the column with .astype('str') or fix that row" if allow_missing
               else "drop or fill missing texts first, e.g. texts.fillna('')")
        raise TypeError(
            f"`{param}` must hold {allowed}, but {int(bad.sum())} value(s) do not, the first "
            f"at position {pos} (index {series.index[pos]!r}): {value!r} "
            f"({type(value).__name__}); {fix}."
        )
    objects = objects.copy()
    objects[missing] = None
    return pd.Series(objects, index=series.index, dtype=object)
