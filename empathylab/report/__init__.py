"""Reports: HTML pages an analyst can open offline and pass on."""

from .overview import DataOverview, overview
from .quarterly import QuarterlyReport, quarterly_report

__all__ = ["DataOverview", "QuarterlyReport", "overview", "quarterly_report"]
