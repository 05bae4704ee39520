"""Design matrices, complete cases and multiple-testing correction for the loyalty statistics."""

from __future__ import annotations

import warnings
from collections.abc import Sequence

import numpy as np
import pandas as pd

from .._validation import check_columns
from ..exceptions import DataQualityWarning, InsufficientDataError

__all__ = [
    "as_list",
    "complete_rows",
    "control_matrix",
    "numeric_column",
    "reference_levels",
    "require_rows",
]


def as_list(value: str | Sequence[str] | None) -> list[str]:
    """``None`` -> [], ``"a"`` -> ["a"], a sequence -> a list of its names."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]


def numeric_column(data: pd.DataFrame, column: str, *, param: str) -> np.ndarray:
    """``data[column]`` as float64 (booleans as 0/1); a clear error for text or dates."""
    series = data[column]
    if pd.api.types.is_bool_dtype(series) or pd.api.types.is_numeric_dtype(series):
        return series.astype("float64").to_numpy(na_value=np.nan)
    if series.dtype == object:
        values = series.dropna()
        if len(values) and values.map(lambda v: isinstance(v, bool | np.bool_)).all():
            return series.map({True: 1.0, False: 0.0}).astype("float64").to_numpy()
    raise TypeError(
        f"column {column!r} (from `{param}`) must be numeric or boolean, but it has dtype "
        f"{series.dtype}. Convert it first (e.g. `df[{column!r}].astype(float)`) or pick "
        "another column."
    )


def complete_rows(data: pd.DataFrame, columns: Sequence[str], *, func: str) -> np.ndarray:
    """Boolean mask of rows with every column present; warns with the count of dropped rows."""
    check_columns(data, list(columns))
    mask = data[list(columns)].notna().all(axis=1).to_numpy()
    dropped = int((~mask).sum())
    if dropped:
        missing = data[list(columns)].isna().sum()
        detail = ", ".join(f"{c}: {int(n)}" for c, n in missing.items() if n)
        warnings.warn(
            f"{func}: {dropped} of {len(data)} rows have missing values and are left out "
            f"({detail}).",
            DataQualityWarning,
            stacklevel=3,
        )
    return mask


def control_matrix(data: pd.DataFrame, controls: Sequence[str]) -> tuple[np.ndarray, list[str]]:
    """Columns for ``controls``: numbers and booleans as they are, categories as dummies.

    A categorical control (text, category or object dtype) becomes one 0/1 column per
    level except its most frequent level, which is the reference (named in the
    column names, e.g. ``segment[premium]`` against the reference the caller reports).
    Returns the matrix without an intercept and its column names.
    """
    blocks: list[np.ndarray] = []
    names: list[str] = []
    for col in controls:
        series = data[col]
        if pd.api.types.is_datetime64_any_dtype(series):
            raise TypeError(
                f"control {col!r} is a date column; controls must be numbers, booleans or "
                "categories. Use a derived number instead (e.g. tenure in months)."
            )
        if pd.api.types.is_bool_dtype(series) or pd.api.types.is_numeric_dtype(series):
            blocks.append(series.astype("float64").to_numpy(na_value=np.nan)[:, None])
            names.append(col)
            continue
        levels = series.astype("string").value_counts()
        if len(levels) < 2:
            continue  # a constant control carries no information
        for level in sorted(levels.index[1:]):
            blocks.append((series.astype("string") == level).to_numpy(dtype=float)[:, None])
            names.append(f"{col}[{level}]")
    if not blocks:
        return np.empty((len(data), 0)), []
    return np.hstack(blocks), names


def reference_levels(data: pd.DataFrame, controls: Sequence[str]) -> dict[str, str]:
    """The reference (most frequent) level of each categorical control."""
    out: dict[str, str] = {}
    for col in controls:
        series = data[col]
        if pd.api.types.is_bool_dtype(series) or pd.api.types.is_numeric_dtype(series):
            continue
        levels = series.astype("string").value_counts()
        if len(levels):
            out[col] = str(levels.index[0])
    return out


def require_rows(n: int, minimum: int, *, what: str) -> None:
    """Raise :class:`InsufficientDataError` when fewer than ``minimum`` rows remain."""
    if n < minimum:
        raise InsufficientDataError(
            f"{what} needs at least {minimum} complete rows, but {n} remain after dropping "
            "missing values. Check the columns for missing values or pass more data."
        )
