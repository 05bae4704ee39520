"""Reports: HTML pages an analyst can open offline and pass on."""

from .overview import DataOverview, overview

__all__ = ["DataOverview", "overview"]
