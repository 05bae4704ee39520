"""Period labels: calendar and fiscal quarters, months, ISO weeks, ordinals."""

from __future__ import annotations

import pandas as pd
import pytest

from empathylab.metrics.periods import period_labels, period_ordinal, to_periods


def ts(*values: str) -> pd.Series:
    return pd.Series(pd.to_datetime(list(values), format="ISO8601"))


def test_calendar_quarters():
    labels = period_labels(ts("2024-01-01", "2024-03-31 23:59", "2024-04-01", "2024-12-31"))
    assert labels.tolist() == ["2024-Q1", "2024-Q1", "2024-Q2", "2024-Q4"]


@pytest.mark.parametrize(("start", "expected"), [
    # fiscal year starting in October (e.g. US federal): Oct-Dec 2024 is FY2025-Q1
    (10, ["FY2025-Q1", "FY2025-Q1", "FY2025-Q2", "FY2025-Q4", "FY2026-Q1"]),
    # fiscal year starting in April (e.g. UK, Japan, India): Apr-Jun 2025 is FY2026-Q1
    (4, ["FY2025-Q3", "FY2025-Q3", "FY2025-Q4", "FY2026-Q2", "FY2026-Q3"]),
    # July (e.g. Australia)
    (7, ["FY2025-Q2", "FY2025-Q2", "FY2025-Q3", "FY2026-Q1", "FY2026-Q2"]),
])
def test_fiscal_quarters(start, expected):
    stamps = ts("2024-10-01", "2024-12-31 23:00", "2025-01-01", "2025-07-15", "2025-10-01")
    assert period_labels(stamps, fiscal_year_start=start).tolist() == expected


def test_fiscal_quarters_are_three_months_each():
    stamps = pd.Series(pd.date_range("2023-01-01", "2025-12-31", freq="D"))
    labels = period_labels(stamps, fiscal_year_start=4)
    months = stamps.dt.to_period("M").groupby(labels.to_numpy()).nunique()
    assert (months == 3).all() and len(months) == 12
    # the fiscal year that starts in April 2024 ends in March 2025: FY2025
    assert labels[stamps == "2024-04-01"].item() == "FY2025-Q1"
    assert labels[stamps == "2025-03-31"].item() == "FY2025-Q4"


def test_months_and_iso_weeks():
    stamps = ts("2024-12-30", "2025-01-05", "2025-01-06", "2021-01-03")
    assert period_labels(stamps, "month").tolist() == ["2024-12", "2025-01", "2025-01",
                                                       "2021-01"]
    # ISO: 30 Dec 2024 is in week 1 of 2025; 3 Jan 2021 is in week 53 of 2020
    assert period_labels(stamps, "W").tolist() == ["2025-W01", "2025-W01", "2025-W02",
                                                   "2020-W53"]


def test_time_zones_keep_wall_time_and_missing_stay_missing():
    stamps = pd.Series(pd.to_datetime(["2024-03-31 23:30", None])).dt.tz_localize(
        "Europe/Berlin")
    labels = period_labels(stamps)
    assert labels[0] == "2024-Q1" and pd.isna(labels[1])


def test_to_periods_uses_pandas_fiscal_quarters():
    periods = to_periods(ts("2024-10-01"), "Q", fiscal_year_start=10)
    assert periods[0].freqstr == "Q-SEP" and periods[0].qyear == 2025


def test_ordinals_are_consecutive():
    stamps = pd.Series(pd.date_range("2019-12-01", "2026-02-01", freq="D"))
    for freq, start in (("quarter", 1), ("quarter", 10), ("month", 1), ("week", 1)):
        labels = pd.Series(period_labels(stamps, freq, fiscal_year_start=start).unique())
        steps = period_ordinal(labels).diff().dropna()
        assert (steps == 1).all(), freq


def test_errors():
    with pytest.raises(ValueError, match="`fiscal_year_start` must be the month"):
        period_labels(ts("2024-01-01"), fiscal_year_start=13)
    with pytest.raises(ValueError, match="`freq` must be one of"):
        period_labels(ts("2024-01-01"), "day")
    with pytest.raises(ValueError, match="'2024/3' at position 1 is not a quarter"):
        period_ordinal(["2024-Q1", "2024/3"])
    with pytest.raises(ValueError, match="timestamps must be datetimes"):
        period_labels(pd.Series(["not a date"]))


def test_period_deltas_with_a_lag_compare_the_same_quarter_a_year_before():
    from empathylab.datasets import load_sample
    from empathylab.metrics import period_deltas, touchpoint_metrics

    table = touchpoint_metrics(load_sample("feedback_de"), by="quarter", min_n=1)
    yearly = period_deltas(table, "nps", lag=4)
    assert len(yearly)
    for row in yearly.itertuples():
        year, q = row.period.split("-Q")
        assert row.previous_period == f"{int(year) - 1}-Q{q}"
    import pytest

    with pytest.raises(ValueError, match="`lag` must be a positive integer"):
        period_deltas(table, "nps", lag=0)
