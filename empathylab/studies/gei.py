"""The Global Empathy Index design: top 10 vs bottom 10, with what it needs and lacks.

Parmar (HBR.org 2015, 2016) compared the ten most and the ten least empathetic
companies of the index: "The top 10 companies ... increased in value more than
twice as much as the bottom 10 and generated 50% more earnings". SOURCES.md:
a correlational one-year comparison, heavily confounded by sector, no
significance testing, weights unpublished. :func:`gei_comparison` reproduces
the design and adds what it lacks: a bootstrap interval of the difference, a
permutation test, and the comparison net of sector.

:func:`make_gei_table` generates the synthetic index table shipped with the
package (:func:`load_gei_sample`); it is not the real index, whose data are
not public.
"""

from __future__ import annotations

import warnings
from importlib import resources
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .._results import Result
from .._validation import check_columns
from ..exceptions import DataQualityWarning, InsufficientDataError, SmallSampleWarning

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["GEIComparison", "SECTORS", "gei_comparison", "load_gei_sample", "make_gei_table"]

COMPONENTS = ("ethics", "leadership", "culture", "brand_perception", "social_media")

# Synthetic sectors: (companies, shift of the empathy components in SD, mean one-year value
# growth %, mean earnings growth %). Invented to show sector confounding: sectors that score
# high also grew (a tech bull run, weak autos and energy, as SOURCES.md describes for 2015);
# not estimates of anything.
SECTORS: dict[str, tuple[int, float, float, float]] = {
    "technology": (25, 1.0, 20.0, 8.0),
    "consumer_goods": (25, 0.3, 5.0, 3.0),
    "retail": (20, 0.0, 2.0, 0.0),
    "finance": (30, -0.3, 1.0, 1.0),
    "energy": (20, -0.8, -12.0, -10.0),
    "automotive": (15, -0.5, -8.0, -6.0),
    "pharma": (15, 0.0, 3.0, 2.0),
    "telecom": (20, -0.2, 0.0, -1.0),
}
_SEED = 2016
_FILE = "gei_synthetic.csv"


def make_gei_table(
    n_per_sector: dict[str, int] | None = None,
    *,
    within_sector_effect: float = 0.0,
    noise_sd: float = 12.0,
    random_state: int | np.random.Generator | None = _SEED,
) -> pd.DataFrame:
    """A synthetic index table in the shape of the Global Empathy Index.

    170 companies by default (the 2016 index ranked about 170), in eight
    sectors, with the five index categories of SOURCES.md (ethics,
    leadership, company culture, brand perception, public messaging via social
    media). How it is made:

    * each component = sector shift + a company trait + noise (standard
      normal parts; the company trait is shared by its five components);
    * the raw index is the mean of the standardised components (equal
      weights: the real weights are unpublished), rescaled so the top
      company has 100 and the bottom 0;
    * ``value_growth`` (one-year market-cap change, %) = sector mean +
      ``within_sector_effect`` × the company's empathy z-score within its
      sector + normal noise (sd ``noise_sd``); ``earnings_growth`` (%) =
      sector mean + normal noise (sd 8).

    With the default ``within_sector_effect=0`` the index carries no
    information about growth beyond the sector: any top-vs-bottom gap is
    sector confounding. The shipped table is ``make_gei_table()``.

    Parameters
    ----------
    n_per_sector : dict, optional
        Companies per sector (default :data:`SECTORS`).
    within_sector_effect : float, default=0.0
        Value-growth points per SD of empathy within sector (the planted truth).
    noise_sd : float, default=12.0
    random_state : int or Generator, default=2016

    Returns
    -------
    pandas.DataFrame
        ``company``, ``sector``, ``country``, the five components,
        ``empathy_index``, ``rank`` (1 = most empathetic), ``value_growth``,
        ``earnings_growth``.

    Examples
    --------
    >>> t = make_gei_table()
    >>> len(t), float(t["empathy_index"].max()), float(t["empathy_index"].min())
    (170, 100.0, 0.0)
    """
    rng = np.random.default_rng(random_state)
    sizes = {k: v[0] for k, v in SECTORS.items()} if n_per_sector is None else n_per_sector
    unknown = sorted(set(sizes) - set(SECTORS))
    if unknown:
        raise ValueError(f"unknown sector(s) {unknown}; sectors are {list(SECTORS)}.")
    sector = np.repeat(list(sizes), list(sizes.values()))
    n = len(sector)
    shift = np.array([SECTORS[s][1] for s in sector])
    trait = rng.normal(0, 1, n)
    comps = {c: shift + trait + rng.normal(0, 1, n) for c in COMPONENTS}
    z = np.column_stack([(v - v.mean()) / v.std() for v in comps.values()])
    raw = z.mean(axis=1)
    index = 100 * (raw - raw.min()) / (raw.max() - raw.min())
    frame = pd.DataFrame({"sector": sector, "_raw": raw})
    within = frame.groupby("sector")["_raw"].transform(lambda s: (s - s.mean()) / s.std(ddof=0))
    value = (np.array([SECTORS[s][2] for s in sector]) + within_sector_effect * within.to_numpy()
             + rng.normal(0, noise_sd, n))
    earnings = np.array([SECTORS[s][3] for s in sector]) + rng.normal(0, 8.0, n)
    country = rng.choice(["US", "UK", "IN"], size=n, p=[0.6, 0.34, 0.06])
    out = pd.DataFrame({
        "company": [f"Company {i + 1:03d}" for i in range(n)],
        "sector": sector,
        "country": country,
        **{c: np.round(50 + 15 * v, 2) for c, v in comps.items()},
        "empathy_index": np.round(index, 2),
        "value_growth": np.round(value, 2),
        "earnings_growth": np.round(earnings, 2),
    })
    out = out.sort_values("empathy_index", ascending=False, kind="stable").reset_index(drop=True)
    out.insert(out.columns.get_loc("empathy_index") + 1, "rank", np.arange(1, n + 1))
    out["company"] = [f"Company {i + 1:03d}" for i in range(n)]
    return out.astype({"sector": "str", "country": "str", "company": "str"})


def load_gei_sample() -> pd.DataFrame:
    """The shipped synthetic index table (``make_gei_table()``, written as CSV).

    Examples
    --------
    >>> load_gei_sample().columns[:3].tolist()
    ['company', 'sector', 'country']
    """
    ref = resources.files("empathylab.studies").joinpath("data", _FILE)
    with resources.as_file(ref) as path:
        df = pd.read_csv(path, dtype={"company": "str", "sector": "str", "country": "str"})
    return df


def _group_stats(top_vals: np.ndarray, bottom_vals: np.ndarray, n_boot: int, n_perm: int,
                 ci: float, rng: np.random.Generator) -> dict[str, float]:
    k_t, k_b = len(top_vals), len(bottom_vals)
    diff = float(top_vals.mean() - bottom_vals.mean())
    bt = top_vals[rng.integers(0, k_t, (n_boot, k_t))].mean(axis=1)
    bb = bottom_vals[rng.integers(0, k_b, (n_boot, k_b))].mean(axis=1)
    a = (1 - ci) / 2
    lo, hi = np.quantile(bt - bb, [a, 1 - a])
    pooled = np.concatenate([top_vals, bottom_vals])
    perm = rng.permuted(np.broadcast_to(pooled, (n_perm, len(pooled))), axis=1)
    d = perm[:, :k_t].mean(axis=1) - perm[:, k_t:].mean(axis=1)
    p = (1 + int(np.sum(np.abs(d) >= abs(diff) - 1e-12))) / (n_perm + 1)
    mt, mb = float(top_vals.mean()), float(bottom_vals.mean())
    ratio = mt / mb if (mt > 0 and mb > 0) else np.nan
    return {"mean_top": mt, "mean_bottom": mb, "difference": diff, "ratio": ratio,
            "ci_low": float(lo), "ci_high": float(hi), "p_value": p}


def gei_comparison(
    df: pd.DataFrame,
    *,
    score: str = "empathy_index",
    outcome: str = "value_growth",
    top: int = 10,
    n_boot: int = 5000,
    n_perm: int = 10000,
    by_sector: str | None = None,
    ci: float = 0.95,
    random_state: int | np.random.Generator | None = None,
) -> GEIComparison:
    """Top-``top`` vs bottom-``top`` comparison of an outcome, as in the Global Empathy Index.

    Parameters
    ----------
    df : pandas.DataFrame
        One row per company (e.g. :func:`load_gei_sample` or your own table).
    score : str, default="empathy_index"
        Column that ranks the companies (highest = top).
    outcome : str, default="value_growth"
        Column compared between the groups.
    top : int, default=10
        Size of each group.
    n_boot : int, default=5000
        Bootstrap resamples (within each group) for the interval of the difference.
    n_perm : int, default=10000
        Permutations of the group labels among the 2 × ``top`` companies for
        the two-sided p-value (with the +1 correction).
    by_sector : str, optional
        Sector column. Adds the comparison of the outcome net of sector means
        (``sector_adjusted``) and the part of the gap the sector mix alone
        predicts (``sector_mix``), and the composition table.
    ci : float, default=0.95
    random_state : int or Generator, optional

    Returns
    -------
    GEIComparison
        ``.summary``: one row per comparison (``raw``; with ``by_sector`` also
        ``sector_adjusted`` and ``sector_mix``) with ``comparison``,
        ``outcome``, ``n_top``, ``n_bottom``, ``mean_top``, ``mean_bottom``,
        ``difference`` (top - bottom), ``ratio`` (top / bottom when both are
        positive: the index's "twice as much"), ``ci_low``, ``ci_high``
        (bootstrap percentile interval), ``p_value`` (permutation test).
        ``.composition``: sectors of the top and bottom groups.

    Examples
    --------
    >>> res = gei_comparison(load_gei_sample(), by_sector="sector", n_boot=500, n_perm=500,
    ...                      random_state=0)
    >>> res.summary["comparison"].tolist()
    ['raw', 'sector_adjusted', 'sector_mix']
    """
    cols = [score, outcome] + ([by_sector] if by_sector else [])
    check_columns(df, cols, param="score/outcome/by_sector")
    for c in (score, outcome):
        if not pd.api.types.is_numeric_dtype(df[c]):
            raise TypeError(f"column {c!r} must be numeric, but has dtype {df[c].dtype}.")
    if not isinstance(top, (int, np.integer)) or top < 2:
        raise ValueError(f"`top` must be a whole number >= 2, but {top!r} was passed.")
    if n_boot < 100 or n_perm < 100:
        raise ValueError("`n_boot` and `n_perm` must be >= 100.")
    data = df[cols].copy()
    missing = data.isna().any(axis=1)
    if missing.any():
        warnings.warn(f"{int(missing.sum())} rows with a missing {cols} value are left out.",
                      DataQualityWarning, stacklevel=2)
        data = data.loc[~missing]
    if len(data) < 2 * top:
        raise InsufficientDataError(
            f"{len(data)} companies with {score!r} and {outcome!r}; top/bottom {top} needs at "
            f"least {2 * top}."
        )
    if top < 10:
        warnings.warn(f"groups of {top} companies: the comparison has very little power.",
                      SmallSampleWarning, stacklevel=2)
    ranked = data.sort_values(score, ascending=False, kind="stable")
    scores = ranked[score].to_numpy()
    if scores[top - 1] == scores[top] or scores[-top] == scores[-top - 1]:
        warnings.warn(f"ties in {score!r} at the top or bottom cut: the groups depend on row "
                      "order.", DataQualityWarning, stacklevel=2)
    top_rows, bottom_rows = ranked.iloc[:top], ranked.iloc[-top:]
    rng = np.random.default_rng(random_state)
    rows = [{"comparison": "raw", "outcome": outcome, "n_top": top, "n_bottom": top,
             **_group_stats(top_rows[outcome].to_numpy(float),
                            bottom_rows[outcome].to_numpy(float), n_boot, n_perm, ci, rng)}]
    composition = pd.DataFrame()
    if by_sector:
        sector_mean = data.groupby(by_sector)[outcome].transform("mean")
        resid = data[outcome] - sector_mean
        adj = _group_stats(resid.loc[top_rows.index].to_numpy(float),
                           resid.loc[bottom_rows.index].to_numpy(float), n_boot, n_perm, ci, rng)
        adj["ratio"] = np.nan
        rows.append({"comparison": "sector_adjusted", "outcome": outcome, "n_top": top,
                     "n_bottom": top, **adj})
        mix_t = float(sector_mean.loc[top_rows.index].mean())
        mix_b = float(sector_mean.loc[bottom_rows.index].mean())
        rows.append({"comparison": "sector_mix", "outcome": outcome, "n_top": top,
                     "n_bottom": top, "mean_top": mix_t, "mean_bottom": mix_b,
                     "difference": mix_t - mix_b, "ratio": np.nan, "ci_low": np.nan,
                     "ci_high": np.nan, "p_value": np.nan})
        composition = pd.DataFrame({
            "n_all": data.groupby(by_sector).size(),
            "n_top": top_rows.groupby(by_sector).size(),
            "n_bottom": bottom_rows.groupby(by_sector).size(),
            "mean_outcome": data.groupby(by_sector)[outcome].mean(),
            "mean_score": data.groupby(by_sector)[score].mean(),
        }).fillna({"n_top": 0, "n_bottom": 0}).astype({"n_top": "int64", "n_bottom": "int64"})
        composition = (composition.rename_axis(by_sector).reset_index()
                       .sort_values("mean_score", ascending=False).reset_index(drop=True))
    summary = pd.DataFrame(rows)
    return GEIComparison(summary=summary, composition=composition, score=score, outcome=outcome,
                         top=top, ci=ci, n_boot=n_boot, n_perm=n_perm,
                         top_rows=top_rows.index, bottom_rows=bottom_rows.index)


class GEIComparison(Result):
    """Result of :func:`gei_comparison`: ``.summary``, ``.composition``, ``.plot()``."""

    _title = "Top vs bottom comparison (Global Empathy Index design)"

    def __init__(self, *, summary: pd.DataFrame, composition: pd.DataFrame, score: str,
                 outcome: str, top: int, ci: float, n_boot: int, n_perm: int,
                 top_rows: pd.Index, bottom_rows: pd.Index) -> None:
        self._table = summary
        self.composition = composition
        self.score, self.outcome, self.top, self.ci = score, outcome, top, ci
        self.n_boot, self.n_perm = n_boot, n_perm
        self.top_rows, self.bottom_rows = top_rows, bottom_rows

    def _summary(self) -> pd.DataFrame:
        return self._table.copy()

    def _headline(self) -> str:
        r = self._table.iloc[0]
        text = (f"top {self.top} vs bottom {self.top} by {self.score}: {self.outcome} "
                f"{r['mean_top']:.2f} vs {r['mean_bottom']:.2f}, difference "
                f"{r['difference']:.2f} ({self.ci:.0%} CI {r['ci_low']:.2f} to "
                f"{r['ci_high']:.2f}, permutation p = {r['p_value']:.3g})")
        adj = self._table[self._table["comparison"] == "sector_adjusted"]
        if len(adj):
            a = adj.iloc[0]
            text += (f"; net of sector {a['difference']:.2f} (CI {a['ci_low']:.2f} to "
                     f"{a['ci_high']:.2f}, p = {a['p_value']:.3g})")
        return text

    def _sections(self) -> list[tuple[str, pd.DataFrame]]:
        return [("Sector composition", self.composition)]

    def plot(self, ax: Axes | None = None, **kwargs: Any) -> Axes:
        """Difference top - bottom per comparison with its bootstrap interval.

        Returns
        -------
        matplotlib.axes.Axes
        """
        import matplotlib.pyplot as plt

        s = self._table
        if ax is None:
            _, ax = plt.subplots(figsize=(5, 3.5))
        x = np.arange(len(s))
        diff = s["difference"].to_numpy(float)
        err = np.vstack([diff - s["ci_low"].to_numpy(float),
                         s["ci_high"].to_numpy(float) - diff])
        colours = ["#0072B2", "#009E73", "#999999"][: len(s)]
        ax.bar(x, diff, color=colours, **kwargs)
        ok = np.isfinite(err).all(axis=0)
        ax.errorbar(x[ok], diff[ok], yerr=np.clip(err[:, ok], 0, None), fmt="none",
                    color="black", capsize=5, lw=1)
        ax.axhline(0, color="black", lw=0.8)
        ax.set_xticks(x, s["comparison"].tolist())
        ax.set_ylabel(f"{self.outcome}: top {self.top} - bottom {self.top}")
        ax.set_title(f"Top vs bottom by {self.score}")
        return ax
