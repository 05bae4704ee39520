"""CX metrics: NPS, CSAT and CES with intervals, period labels and deltas, touchpoint
tables, key drivers and anomaly detection.

* :func:`nps`, :func:`nps_diff`, :func:`csat`, :func:`ces`: one sample (or two) with
  intervals (adjusted Wald after Rocks 2016, Wilson, Student t).
* :func:`touchpoint_metrics`: one tidy table per touchpoint and period;
  :func:`period_deltas`: quarter-over-quarter changes with intervals and p-values.
* :func:`key_drivers`: which touchpoints or topics move NPS or sentiment.
* :func:`detect_anomalies`: periods where volume or negative share breaks out.
"""

from .anomalies import detect_anomalies
from .deltas import period_deltas
from .drivers import KeyDriversResult, key_drivers
from .nps import NPSDiffResult, NPSResult, ScoreResult, ces, csat, nps, nps_diff
from .periods import period_labels, period_ordinal, to_periods
from .touchpoint_metrics import touchpoint_metrics

__all__ = [
    "KeyDriversResult",
    "NPSDiffResult",
    "NPSResult",
    "ScoreResult",
    "ces",
    "csat",
    "detect_anomalies",
    "key_drivers",
    "nps",
    "nps_diff",
    "period_deltas",
    "period_labels",
    "period_ordinal",
    "to_periods",
    "touchpoint_metrics",
]
