"""Axes-level charts: take ``data=`` and column names, accept ``ax=``, return the Axes."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from .._validation import check_columns
from ._style import NPS_COLORS, PALETTE, SENTIMENT_COLORS, label, new_axes

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = [
    "plot_drivers",
    "plot_heatmap",
    "plot_nps_bars",
    "plot_sentiment_by",
    "plot_tornado",
    "plot_trend",
    "plot_waterfall",
]


def plot_trend(
    data: pd.DataFrame,
    *,
    x: str,
    y: str,
    hue: str | None = None,
    ci_low: str | None = "ci_low",
    ci_high: str | None = "ci_high",
    ax: Axes | None = None,
    lang: str = "en",
) -> Axes:
    """Lines of ``y`` over ``x`` (one per ``hue`` group) with a shaded confidence band.

    Parameters
    ----------
    data : pandas.DataFrame
        Tidy table, e.g. from :func:`empathylab.touchpoint_metrics`.
    x, y : str
        Period column (quarters as text or dates) and value column.
    hue : str, optional
        One line per value of this column.
    ci_low, ci_high : str or None, default="ci_low", "ci_high"
        Band columns; skipped when None or absent.
    ax : matplotlib Axes, optional
    lang : {"en", "de"}, default="en"

    Returns
    -------
    matplotlib.axes.Axes
    """
    check_columns(data, [x, y] + ([hue] if hue else []), param="data")
    ax = new_axes(ax)
    groups = [(None, data)] if hue is None else list(data.groupby(hue, sort=True))
    order = list(pd.unique(data[x].sort_values()))
    band = bool(ci_low and ci_high and ci_low in data and ci_high in data)
    for i, (name, part) in enumerate(groups):
        part = part.set_index(x).reindex(order)
        pos = np.arange(len(order))
        color = PALETTE[i % len(PALETTE)]
        ax.plot(pos, part[y].to_numpy(dtype=float), marker="o", color=color,
                label=None if name is None else str(name))
        if band:
            ax.fill_between(pos, part[ci_low].to_numpy(dtype=float),
                            part[ci_high].to_numpy(dtype=float), color=color, alpha=0.15,
                            linewidth=0)
    ax.set_xticks(np.arange(len(order)), [str(v) for v in order], rotation=0)
    ax.set_xlabel(label(x, lang))
    ax.set_ylabel(label(y, lang))
    if hue is not None:
        ax.legend(title=label(hue, lang), frameon=False, fontsize="small")
    return ax


def plot_heatmap(
    data: pd.DataFrame,
    *,
    x: str = "quarter",
    y: str = "touchpoint",
    value: str = "negative_share",
    ax: Axes | None = None,
    annotate: bool = True,
    fmt: str = "{:.0%}",
    lang: str = "en",
) -> Axes:
    """Touchpoint x quarter heatmap of one metric, with the values written in the cells.

    Sentiment-like values (``compound``, ``sentiment_mean``, ``nps``) get a diverging
    scale centred on zero; shares and counts a sequential one. Empty cells stay blank.
    """
    check_columns(data, [x, y, value], param="data")
    ax = new_axes(ax, (8, max(3.0, 0.35 * data[y].nunique() + 1.5)))
    grid = data.pivot_table(index=y, columns=x, values=value, aggfunc="mean", sort=True)
    values = grid.to_numpy(dtype=float)
    diverging = value in {"compound", "sentiment_mean", "nps", "nps_value", "delta"}
    if diverging:
        limit = float(np.nanmax(np.abs(values))) if np.isfinite(values).any() else 1.0
        image = ax.imshow(values, cmap="RdBu", vmin=-limit, vmax=limit, aspect="auto")
    else:
        image = ax.imshow(values, cmap="Oranges", aspect="auto")
    ax.set_xticks(np.arange(grid.shape[1]), [str(c) for c in grid.columns])
    ax.set_yticks(np.arange(grid.shape[0]), [str(i) for i in grid.index])
    ax.set_xlabel(label(x, lang))
    ax.set_ylabel(label(y, lang))
    if annotate:
        spread = np.nanmax(np.abs(values)) if np.isfinite(values).any() else 1.0
        for (i, j), v in np.ndenumerate(values):
            if np.isfinite(v):
                dark = abs(v) > 0.6 * spread if diverging else v > 0.6 * spread
                ax.text(j, i, fmt.format(v), ha="center", va="center", fontsize="x-small",
                        color="white" if dark else "black")
    ax.figure.colorbar(image, ax=ax, label=label(value, lang), shrink=0.8)
    return ax


def plot_sentiment_by(
    data: pd.DataFrame,
    *,
    by: str = "channel",
    label_column: str = "label",
    ax: Axes | None = None,
    lang: str = "en",
) -> Axes:
    """Share of negative, neutral and positive texts per group (stacked horizontal bars)."""
    check_columns(data, [by, label_column], param="data")
    ax = new_axes(ax, (7, max(2.5, 0.4 * data[by].nunique() + 1.2)))
    shares = pd.crosstab(data[by], data[label_column], normalize="index")
    shares = shares.reindex(columns=list(SENTIMENT_COLORS), fill_value=0.0)
    counts = data[by].value_counts()
    shares = shares.loc[shares["negative"].sort_values().index]
    left = np.zeros(len(shares))
    for name, color in SENTIMENT_COLORS.items():
        ax.barh(np.arange(len(shares)), shares[name], left=left, color=color,
                label=label(name, lang))
        left += shares[name].to_numpy()
    ax.set_yticks(np.arange(len(shares)),
                  [f"{g} (n={counts[g]:,})" for g in shares.index])
    ax.set_xlim(0, 1)
    ax.set_xlabel(label("share", lang))
    ax.legend(ncols=3, frameon=False, fontsize="small", loc="lower center",
              bbox_to_anchor=(0.5, 1.0))
    return ax


def plot_nps_bars(
    data: pd.DataFrame,
    *,
    score: str = "nps",
    by: str | None = None,
    ax: Axes | None = None,
    lang: str = "en",
) -> Axes:
    """Detractors, passives and promoters per group (stacked bars), NPS written on each bar."""
    check_columns(data, [score] + ([by] if by else []), param="data")
    ax = new_axes(ax)
    answered = data.dropna(subset=[score])
    keys = answered[by].astype(str) if by else pd.Series(label("all", lang), index=answered.index)
    band = pd.cut(answered[score], [-0.5, 6.5, 8.5, 10.5],
                  labels=["detractors", "passives", "promoters"])
    shares = pd.crosstab(keys, band, normalize="index").reindex(columns=list(NPS_COLORS),
                                                                 fill_value=0.0)
    counts = keys.value_counts()
    bottom = np.zeros(len(shares))
    pos = np.arange(len(shares))
    for name, color in NPS_COLORS.items():
        ax.bar(pos, shares[name], bottom=bottom, color=color, label=label(name, lang))
        bottom += shares[name].to_numpy()
    for i, key in enumerate(shares.index):
        nps = 100 * (shares.loc[key, "promoters"] - shares.loc[key, "detractors"])
        ax.text(i, 1.02, f"NPS {nps:+.0f}\nn={counts[key]:,}", ha="center", va="bottom",
                fontsize="x-small")
    ax.set_xticks(pos, list(shares.index))
    ax.set_ylim(0, 1.18)
    ax.set_ylabel(label("share", lang))
    if by:
        ax.set_xlabel(label(by, lang))
    ax.legend(frameon=False, fontsize="small", loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return ax


def plot_drivers(
    data: pd.DataFrame,
    *,
    driver: str = "driver",
    effect: str = "effect",
    ci_low: str | None = "ci_low",
    ci_high: str | None = "ci_high",
    ax: Axes | None = None,
    lang: str = "en",
) -> Axes:
    """Effect of each driver on the outcome with its interval, sorted (the "impact" chart)."""
    check_columns(data, [driver, effect], param="data")
    table = data.sort_values(effect)
    ax = new_axes(ax, (7, max(2.5, 0.35 * len(table) + 1.2)))
    pos = np.arange(len(table))
    colors = [PALETTE[3] if v < 0 else PALETTE[0] for v in table[effect]]
    ax.barh(pos, table[effect], color=colors)
    if ci_low and ci_high and ci_low in table and ci_high in table:
        ax.errorbar(table[effect], pos,
                    xerr=[table[effect] - table[ci_low], table[ci_high] - table[effect]],
                    fmt="none", ecolor="black", capsize=2, linewidth=0.8)
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_yticks(pos, [str(v) for v in table[driver]])
    ax.set_xlabel(label(effect, lang))
    return ax


def plot_waterfall(
    data: pd.DataFrame,
    *,
    step: str = "step",
    value: str = "value",
    ax: Axes | None = None,
    total: bool = True,
    lang: str = "en",
) -> Axes:
    """Waterfall: each step adds or removes ``value``; a final bar shows the sum."""
    check_columns(data, [step, value], param="data")
    ax = new_axes(ax)
    values = data[value].to_numpy(dtype=float)
    names = [str(s) for s in data[step]]
    starts = np.concatenate([[0.0], np.cumsum(values)[:-1]])
    colors = [PALETTE[2] if v >= 0 else PALETTE[3] for v in values]
    pos = np.arange(len(values))
    ax.bar(pos, values, bottom=starts, color=colors)
    if total:
        ax.bar(len(values), values.sum(), color=PALETTE[0])
        names.append(label("total", lang))
    ax.axhline(0, color="black", linewidth=0.8)
    ax.set_xticks(np.arange(len(names)), names, rotation=20, ha="right")
    ax.set_ylabel(label(value, lang))
    return ax


def plot_tornado(
    data: pd.DataFrame,
    *,
    parameter: str = "parameter",
    low: str = "low",
    high: str = "high",
    base: float | None = None,
    ax: Axes | None = None,
    lang: str = "en",
) -> Axes:
    """Tornado chart: the outcome at each parameter's low and high value, widest bar on top."""
    check_columns(data, [parameter, low, high], param="data")
    table = data.assign(_width=(data[high] - data[low]).abs()).sort_values("_width")
    ax = new_axes(ax, (7, max(2.5, 0.4 * len(table) + 1.2)))
    centre = float(base) if base is not None else float(
        np.median(np.r_[table[low].to_numpy(dtype=float), table[high].to_numpy(dtype=float)]))
    pos = np.arange(len(table))
    ax.barh(pos, table[low] - centre, left=centre, color=PALETTE[3], label=label("low", lang))
    ax.barh(pos, table[high] - centre, left=centre, color=PALETTE[0], label=label("high", lang))
    ax.axvline(centre, color="black", linewidth=0.8)
    ax.set_yticks(pos, [str(v) for v in table[parameter]])
    ax.legend(frameon=False, fontsize="small")
    return ax
