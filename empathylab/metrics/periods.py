"""Period labels from timestamps: calendar or fiscal quarters, months, ISO weeks.

Labels are plain strings that sort in time order and can be turned back into
consecutive integers (:func:`period_ordinal`), so tables keyed by period stay
tidy and quarter-over-quarter comparisons know which periods are adjacent:

========  ==================  ============================================
freq      label               meaning
========  ==================  ============================================
quarter   ``2024-Q3``         calendar quarter (``fiscal_year_start=1``)
quarter   ``FY2025-Q1``       fiscal quarter; the fiscal year is named after
                              the calendar year in which it ends (as pandas'
                              ``Q-SEP`` periods: Oct 2024 is FY2025-Q1 when
                              the fiscal year starts in October)
month     ``2024-03``         calendar month
week      ``2024-W05``        ISO 8601 week (Monday to Sunday, ISO year)
========  ==================  ============================================
"""

from __future__ import annotations

import datetime as dt
import re

import numpy as np
import pandas as pd

from .._validation import check_argument

__all__ = ["FREQUENCIES", "period_labels", "period_ordinal", "to_periods"]

FREQUENCIES = ("quarter", "month", "week")
_ALIASES = {"q": "quarter", "qs": "quarter", "qe": "quarter", "quarter": "quarter",
            "m": "month", "ms": "month", "me": "month", "month": "month",
            "w": "week", "week": "week"}
_MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")


def normalize_freq(freq: str) -> str:
    """``"quarter"``, ``"month"`` or ``"week"`` for the names and pandas aliases accepted."""
    key = str(freq).strip().lower()
    if key not in _ALIASES:
        check_argument("freq", [*FREQUENCIES, "Q", "M", "W"], freq)
    return _ALIASES[key]


def _check_fiscal(fiscal_year_start: int) -> int:
    if not isinstance(fiscal_year_start, int | np.integer) or not 1 <= fiscal_year_start <= 12:
        raise ValueError(
            "`fiscal_year_start` must be the month the fiscal year starts in, 1-12 "
            f"(1 = calendar year, 10 = October), but {fiscal_year_start!r} was passed."
        )
    return int(fiscal_year_start)


def _naive(timestamps: pd.Series | pd.DatetimeIndex | object) -> pd.Series:
    ts = pd.Series(timestamps) if not isinstance(timestamps, pd.Series) else timestamps
    if not pd.api.types.is_datetime64_any_dtype(ts):
        try:
            ts = pd.to_datetime(ts)
        except (TypeError, ValueError) as exc:
            raise ValueError(
                "timestamps must be datetimes (or text pandas can parse as dates); "
                f"could not convert: {exc}"
            ) from exc
    if isinstance(ts.dtype, pd.DatetimeTZDtype):
        ts = ts.dt.tz_localize(None)  # wall time in the data's own zone
    return ts


def to_periods(
    timestamps: pd.Series, freq: str = "quarter", *, fiscal_year_start: int = 1
) -> pd.Series:
    """Timestamps as pandas Periods (quarters ending with the fiscal year's last month).

    Time zones are dropped after reading the wall time, so a message sent at
    00:30 local time on 1 April belongs to the second quarter where it was
    written. Missing timestamps give NaT.

    Examples
    --------
    >>> ts = pd.Series(pd.to_datetime(["2024-10-01", "2025-03-31"]))
    >>> to_periods(ts, "quarter", fiscal_year_start=10).astype(str).tolist()
    ['2025Q1', '2025Q2']
    """
    kind = normalize_freq(freq)
    ts = _naive(timestamps)
    if kind == "quarter":
        start = _check_fiscal(fiscal_year_start)
        code = f"Q-{_MONTHS[(start - 2) % 12]}"
    else:
        code = "M" if kind == "month" else "W-SUN"
    return ts.dt.to_period(code)


def period_labels(
    timestamps: pd.Series, freq: str = "quarter", *, fiscal_year_start: int = 1
) -> pd.Series:
    """String labels of the period of each timestamp (see the module table).

    Parameters
    ----------
    timestamps : Series of datetime
    freq : {"quarter", "month", "week"} or "Q", "M", "W", default="quarter"
    fiscal_year_start : int, default=1
        Month (1-12) in which the fiscal year starts; 1 gives calendar quarters.

    Returns
    -------
    Series of str
        ``2024-Q3`` / ``FY2025-Q1`` / ``2024-03`` / ``2024-W05``; NA for missing times.

    Examples
    --------
    >>> ts = pd.Series(pd.to_datetime(["2024-07-15", "2024-10-02", "2025-01-01"]))
    >>> period_labels(ts).tolist()
    ['2024-Q3', '2024-Q4', '2025-Q1']
    >>> period_labels(ts, fiscal_year_start=10).tolist()
    ['FY2024-Q4', 'FY2025-Q1', 'FY2025-Q2']
    >>> period_labels(ts, "week").tolist()
    ['2024-W29', '2024-W40', '2025-W01']
    """
    kind = normalize_freq(freq)
    periods = to_periods(timestamps, kind, fiscal_year_start=fiscal_year_start)
    missing = periods.isna().to_numpy()
    out = np.full(len(periods), None, dtype=object)
    valid = periods[~missing]
    if len(valid):
        if kind == "quarter":
            years = valid.dt.qyear.to_numpy()
            quarters = valid.dt.quarter.to_numpy()
            prefix = "FY" if _check_fiscal(fiscal_year_start) != 1 else ""
            labels = [f"{prefix}{y}-Q{q}" for y, q in zip(years, quarters, strict=True)]
        elif kind == "month":
            labels = list(valid.dt.strftime("%Y-%m"))
        else:
            iso = valid.dt.start_time.dt.isocalendar()
            labels = [f"{y}-W{w:02d}" for y, w in zip(iso["year"], iso["week"], strict=True)]
        out[~missing] = labels
    return pd.Series(out, index=periods.index, dtype="str", name=kind)


_QUARTER = re.compile(r"^(FY)?(\d{4})-Q([1-4])$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")


def period_ordinal(labels: pd.Series | list[str]) -> pd.Series:
    """Consecutive integers of period labels: adjacent periods differ by exactly 1.

    Raises a ValueError naming the first label that is not one of the formats of
    :func:`period_labels`.

    Examples
    --------
    >>> period_ordinal(["2024-Q4", "2025-Q1"]).diff().tolist()
    [nan, 1.0]
    >>> period_ordinal(["2020-W53", "2021-W01"]).diff().tolist()
    [nan, 1.0]
    """
    series = labels if isinstance(labels, pd.Series) else pd.Series(labels, dtype=object)
    out = []
    for pos, label in enumerate(series.astype(object)):
        if label is None or (isinstance(label, float) and np.isnan(label)):
            out.append(np.nan)
            continue
        text = str(label)
        if m := _QUARTER.match(text):
            out.append(int(m.group(2)) * 4 + int(m.group(3)) - 1)
        elif m := _MONTH.match(text):
            out.append(int(m.group(1)) * 12 + int(m.group(2)) - 1)
        elif m := _WEEK.match(text):
            monday = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
            out.append(monday.toordinal() // 7)
        else:
            raise ValueError(
                f"period label {text!r} at position {series.index[pos]!r} is not a quarter "
                "('2024-Q3', 'FY2025-Q1'), month ('2024-03') or ISO week ('2024-W05') label "
                "of empathylab.metrics.period_labels."
            )
    return pd.Series(out, index=series.index, dtype="float64")
