"""Input checks shared by all public functions (one place, one wording)."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence

import pandas as pd

from .exceptions import MissingColumnError

__all__ = ["check_argument", "check_columns", "close_matches"]


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
