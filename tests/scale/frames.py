"""Comparing pandas results with the computed Dask ones."""

from __future__ import annotations

import pandas as pd


def same_values(left: pd.DataFrame, right: pd.DataFrame) -> None:
    """Equal values and columns; missing values compared as missing whatever their kind."""
    assert list(left.columns) == list(right.columns)
    assert left.index.equals(right.index)
    norm = [d.astype(object).where(d.notna(), None) for d in (left, right)]
    pd.testing.assert_frame_equal(norm[0], norm[1], check_dtype=False)
