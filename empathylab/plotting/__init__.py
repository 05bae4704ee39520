"""Figures for CX analysis: one colour-blind-safe palette, German or English labels.

Every function takes ``data=`` and column names, accepts ``ax=`` and returns the
Axes; none calls ``plt.show()``. Result objects (NPS, drivers, empathy map,
word of mouth) have their own ``.plot()``.
"""

from ._charts import (
    plot_drivers,
    plot_heatmap,
    plot_nps_bars,
    plot_sentiment_by,
    plot_tornado,
    plot_trend,
    plot_waterfall,
)
from ._style import PALETTE, label

__all__ = [
    "PALETTE",
    "label",
    "plot_drivers",
    "plot_heatmap",
    "plot_nps_bars",
    "plot_sentiment_by",
    "plot_tornado",
    "plot_trend",
    "plot_waterfall",
]
