"""``retention_curves``: Kaplan-Meier retention by empathy band, with a log-rank test."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
from scipy import stats

from .._results import Result
from .._validation import check_columns
from ._design import complete_rows, numeric_column, require_rows

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["RetentionCurves", "empathy_bands", "retention_curves"]

_PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442")


def empathy_bands(
    values: pd.Series, *, bands: int | Sequence[float] = 3,
    labels: Sequence[str] | None = None,
) -> pd.Series:
    """Cut an empathy column into ordered bands: equal-count bands or given edges.

    Parameters
    ----------
    values : pandas.Series
        Numeric empathy (or any exposure) per row.
    bands : int or list of float, default=3
        Number of equal-count bands, or the band edges (e.g. ``[0, 40, 70, 100]``).
    labels : list of str, optional
        Band names; default ``low, medium, high`` for three bands, else ``band 1..k``.

    Returns
    -------
    pandas.Series
        Ordered categorical, indexed like ``values``; NA where ``values`` is NA.
    """
    k = bands if isinstance(bands, int) else len(bands) - 1
    if labels is None:
        labels = ["low", "medium", "high"] if k == 3 else [f"band {i + 1}" for i in range(k)]
    if len(labels) != k:
        raise ValueError(f"`labels` needs {k} names for {k} bands, but {len(labels)} were given.")
    if isinstance(bands, int):
        ranks = values.rank(method="first")
        cut = pd.qcut(ranks, bands, labels=list(labels))
    else:
        cut = pd.cut(values, list(bands), labels=list(labels), include_lowest=True)
    return cut.astype(pd.CategoricalDtype(list(labels), ordered=True))


def retention_curves(
    df: pd.DataFrame,
    *,
    by: str = "empathy_band",
    duration: str | None = None,
    event: str = "churned",
    start: str | None = None,
    end: str | None = None,
    horizon: float | None = None,
    treatment: str = "empathy",
    bands: int | Sequence[float] = 3,
    at: Sequence[float] = (90, 180, 365),
    ci: float = 0.95,
) -> RetentionCurves:
    """Kaplan-Meier retention curves per group (by default per empathy band).

    Parameters
    ----------
    df : pandas.DataFrame
        One row per customer.
    by : str, default="empathy_band"
        Group column. When it is absent and is ``"empathy_band"``, bands are cut from
        ``treatment`` with :func:`empathy_bands`.
    duration : str, optional
        Days from the start of observation to churn or to the end of observation.
        Alternatively give ``start`` and ``end``.
    event : str, default="churned"
        Boolean column: True when the customer churned at ``duration`` (or at ``end``),
        False when still a customer then (censored).
    start, end : str, optional
        Date columns: observation start (e.g. ``last_contact``) and churn date (NaT
        for customers who did not churn). Duration is ``end - start`` in days for
        churners and ``horizon`` days for the others.
    horizon : float, optional
        Days each customer is followed; with ``start``/``end`` it is required. A
        churn after the horizon counts as retained (censored at the horizon).
    treatment : str, default="empathy"
        Column to cut into bands when ``by`` is ``"empathy_band"`` and absent.
    bands : int or list of float, default=3
        Passed to :func:`empathy_bands`.
    at : list of float, default=(90, 180, 365)
        Days at which the summary reports retention.
    ci : float, default=0.95
        Confidence level of the pointwise intervals (Greenwood variance on the
        log(-log) scale).

    Returns
    -------
    RetentionCurves
        ``.curves`` (tidy: ``group, time, n_at_risk, n_events, retention, ci_low,
        ci_high``), ``.summary`` (per group and day in ``at``), ``.test`` (log-rank),
        ``.plot()``.

    Examples
    --------
    >>> from empathylab.datasets import load_sample
    >>> customers = load_sample("customers")
    >>> curves = retention_curves(customers, treatment="true_empathy_exposure",
    ...                           start="last_contact", end="churn_date", horizon=365)
    >>> list(curves.summary["group"].unique())
    ['low', 'medium', 'high']
    """
    data = df
    if by not in df.columns and by == "empathy_band":
        check_columns(df, [treatment], param="treatment")
        data = df.assign(empathy_band=empathy_bands(df[treatment], bands=bands))
    check_columns(data, [by, event])
    if duration is not None:
        check_columns(data, [duration], param="duration")
        keep = complete_rows(data, [by, event, duration], func="retention_curves")
        data = data.loc[keep]
        time = numeric_column(data, duration, param="duration")
        status = numeric_column(data, event, param="event").astype(bool)
    elif start is not None and end is not None:
        if horizon is None or not horizon > 0:
            raise ValueError("with `start` and `end`, pass the follow-up length `horizon` (days).")
        check_columns(data, [start, end])
        keep = complete_rows(data, [by, event, start], func="retention_curves")
        data = data.loc[keep]
        days = (pd.to_datetime(data[end]) - pd.to_datetime(data[start])).dt.total_seconds()
        days = (days / 86400).to_numpy(dtype=float, na_value=np.nan)
        churned = numeric_column(data, event, param="event").astype(bool) & np.isfinite(days)
        status = churned & (days <= horizon)
        time = np.where(status, days, float(horizon))
    else:
        raise ValueError("pass `duration`, or `start`, `end` and `horizon`.")
    if np.any(time < 0):
        bad = int(np.flatnonzero(time < 0)[0])
        raise ValueError(
            f"negative duration in row {data.index[bad]!r}: the churn comes before the start "
            "of observation. Check the date columns."
        )
    require_rows(len(data), 2, what="retention_curves")
    groups = data[by]
    return RetentionCurves(by=by, groups=groups, time=time, status=status, at=tuple(at), ci=ci)


class RetentionCurves(Result):
    """Kaplan-Meier retention per group (see :func:`retention_curves`)."""

    _title = "Retention curves"

    def __init__(self, *, by: str, groups: pd.Series, time: np.ndarray, status: np.ndarray,
                 at: tuple[float, ...], ci: float) -> None:
        self.by, self.at, self.ci = by, at, ci
        if isinstance(groups.dtype, pd.CategoricalDtype):
            order = [g for g in groups.cat.categories if (groups == g).any()]
        else:
            order = sorted(groups.dropna().unique(), key=str)
        self.groups = order
        self._labels = groups.to_numpy()
        self._time, self._status = time, status
        self._z = float(stats.norm.ppf(0.5 + ci / 2))
        self.curves = pd.concat(
            [self._km(g) for g in order], ignore_index=True
        ) if order else pd.DataFrame()

    def _km(self, group: object) -> pd.DataFrame:
        sel = self._labels == group
        t, d = self._time[sel], self._status[sel]
        times, inverse = np.unique(t, return_inverse=True)
        at_risk = len(t) - np.searchsorted(np.sort(t), times, side="left")
        events = np.bincount(inverse, weights=d.astype(float), minlength=len(times))
        events = events.astype(np.int64)
        surv = np.cumprod(1 - events / at_risk)
        with np.errstate(divide="ignore", invalid="ignore"):
            green = np.cumsum(events / (at_risk * (at_risk - events)))
            log_s = np.log(surv)
            se = np.sqrt(green) / np.abs(log_s)
            centre = np.log(-log_s)
            low = np.exp(-np.exp(centre + self._z * se))
            high = np.exp(-np.exp(centre - self._z * se))
        low = np.where(surv >= 1, 1.0, np.where(surv <= 0, 0.0, low))
        high = np.where(surv >= 1, 1.0, np.where(surv <= 0, 0.0, high))
        first = pd.DataFrame({"group": [group], "time": [0.0], "n_at_risk": [int(sel.sum())],
                              "n_events": [0], "retention": [1.0], "ci_low": [1.0],
                              "ci_high": [1.0]})
        rest = pd.DataFrame({"group": group, "time": times, "n_at_risk": at_risk,
                             "n_events": events, "retention": surv, "ci_low": low,
                             "ci_high": high})
        return pd.concat([first, rest], ignore_index=True)

    @property
    def test(self) -> pd.DataFrame:
        """Log-rank test that all groups share one retention curve (statsmodels survdiff)."""
        from statsmodels.duration.survfunc import survdiff

        sel = pd.Series(self._labels).isin(self.groups).to_numpy()
        chi2, p = survdiff(self._time[sel], self._status[sel].astype(int),
                           pd.Series(self._labels[sel]).astype(str).to_numpy())
        return pd.DataFrame({"test": ["log-rank"], "statistic": [float(chi2)],
                             "dof": [len(self.groups) - 1], "p_value": [float(p)]})

    def _summary(self) -> pd.DataFrame:
        rows = []
        for group in self.groups:
            curve = self.curves[self.curves["group"] == group]
            sel = self._labels == group
            for day in self.at:
                step = curve[curve["time"] <= day].iloc[-1]
                rows.append({
                    "group": group, "n": int(sel.sum()),
                    "churned": int(self._status[sel].sum()), "day": day,
                    "retention": float(step["retention"]),
                    "ci_low": float(step["ci_low"]), "ci_high": float(step["ci_high"]),
                    "followed": bool(self._time[sel].max() >= day),
                })
        return pd.DataFrame(rows)

    def _headline(self) -> str:
        test = self.test.iloc[0]
        return (f"{len(self.groups)} groups of {self.by}; log-rank chi2 = "
                f"{test['statistic']:.1f}, p = {test['p_value']:.3g}")

    def _sections(self) -> list[tuple[str, pd.DataFrame]]:
        return [("Log-rank test", self.test)]

    def plot(self, ax: Axes | None = None, **kwargs: Any) -> Axes:
        """Step curves with pointwise confidence bands, one colour per group."""
        import matplotlib.pyplot as plt

        if ax is None:
            _, ax = plt.subplots(figsize=(6, 4))
        for i, group in enumerate(self.groups):
            curve = self.curves[self.curves["group"] == group]
            color = _PALETTE[i % len(_PALETTE)]
            ax.step(curve["time"], curve["retention"], where="post", color=color,
                    label=str(group))
            ax.fill_between(curve["time"], curve["ci_low"], curve["ci_high"], step="post",
                            color=color, alpha=0.15)
        ax.set_xlabel("days")
        ax.set_ylabel("share still a customer")
        ax.set_ylim(0, 1.02)
        ax.legend(title=self.by, frameon=False, fontsize="small")
        return ax
