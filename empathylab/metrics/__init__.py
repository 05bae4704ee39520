"""CX metrics: NPS, CSAT and CES with intervals, periods, touchpoint tables, drivers, anomalies."""

from .nps import NPSDiffResult, NPSResult, ScoreResult, ces, csat, nps, nps_diff
from .periods import period_labels, period_ordinal, to_periods

__all__ = [
    "NPSDiffResult",
    "NPSResult",
    "ScoreResult",
    "ces",
    "csat",
    "nps",
    "nps_diff",
    "period_labels",
    "period_ordinal",
    "to_periods",
]
