"""``period_deltas()``: change of a metric between consecutive periods, with CI and p-value."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .._validation import check_argument, check_columns
from ._stats import bh_adjust, check_confidence, proportion_diff, welch_diff
from .nps import nps_diff_arrays
from .periods import FREQUENCIES, period_ordinal
from .touchpoint_metrics import METRIC_COLUMNS

__all__ = ["DELTA_METRICS", "period_deltas"]

#: metric -> (kind, columns): proportions use (successes, n), means (mean, sd, n),
#: rates (rate, n) whose successes are rate x n.
DELTA_METRICS: dict[str, tuple[str, tuple[str, ...]]] = {
    "nps": ("nps", ("promoters", "detractors", "nps_n")),
    "negative_share": ("proportion", ("negative_n", "sentiment_n")),
    "csat": ("proportion", ("csat_satisfied", "csat_n")),
    "repeat_contact_rate": ("rate", ("repeat_contact_rate", "contact_customers")),
    "escalation_rate": ("rate", ("escalation_rate", "escalation_n")),
    "sentiment_mean": ("mean", ("sentiment_mean", "sentiment_sd", "sentiment_n")),
    "ces": ("mean", ("ces", "ces_sd", "ces_n")),
    "empathy_mean": ("mean", ("empathy_mean", "empathy_sd", "empathy_n")),
}
_TESTS = {"nps": "nps_z", "proportion": "two_proportion_z", "rate": "two_proportion_z",
          "mean": "welch_t"}


def period_deltas(
    metrics: pd.DataFrame,
    metric: str = "nps",
    *,
    period: str | None = None,
    confidence: float = 0.95,
    nps_method: str = "adjusted_wald",
    min_n: int = 30,
    lag: int = 1,
) -> pd.DataFrame:
    """Period-over-period change of a metric per group (e.g. quarter over quarter).

    Each period is compared with the period just before it (or ``lag`` before; adjacent labels:
    2025-Q1 follows 2024-Q4); a group without data in the previous period gets
    no row for that period. Samples of two periods are treated as independent.

    Parameters
    ----------
    metrics : DataFrame
        Output of :func:`touchpoint_metrics` with a period key (``by`` containing
        ``"quarter"``, ``"month"`` or ``"week"``).
    metric : str, default="nps"
        One of ``nps`` (difference of NPS: :func:`empathylab.nps_diff`'s
        adjusted Wald interval and z-test), ``negative_share``, ``csat``,
        ``repeat_contact_rate``, ``escalation_rate`` (Agresti-Caffo interval,
        pooled two-proportion z-test), ``sentiment_mean``, ``ces``,
        ``empathy_mean`` (Welch t interval and test).
    period : str, optional
        The period column; by default the one of quarter/month/week present.
    confidence : float, default=0.95
    nps_method : {"adjusted_wald", "wald"}, default="adjusted_wald"
    min_n : int, default=30
        Pairs where either period has fewer answers get ``small_sample=True``:
        their z-tests are unreliable (an NPS from a handful of identical answers
        has a Wald SE of 0), so read their intervals, not their p-values.
    lag : int, default=1
        Compare each period with the one ``lag`` periods before it: 4 compares a
        quarter with the same quarter a year earlier.

    Returns
    -------
    DataFrame
        Group keys, ``period``, ``previous_period``, ``metric``, ``value``,
        ``previous_value``, ``delta`` (value − previous), ``ci_low``, ``ci_high``,
        ``p_value``, ``p_adjusted`` (Benjamini-Hochberg over all rows of the
        table), ``n``, ``previous_n`` (answers behind the metric), ``small_sample``,
        ``test``. Only pairs where both periods have data for the metric.

    Examples
    --------
    >>> from empathylab.datasets import load_sample
    >>> from empathylab.metrics import touchpoint_metrics
    >>> table = touchpoint_metrics(load_sample("feedback_de"), by="quarter", min_n=1)
    >>> deltas = period_deltas(table, "nps")
    >>> deltas[["period", "previous_period"]].iloc[0].tolist()
    ['2025-Q1', '2024-Q4']
    """
    if not isinstance(metrics, pd.DataFrame):
        raise TypeError(
            f"`metrics` must be the DataFrame of touchpoint_metrics, but "
            f"{type(metrics).__name__} was passed."
        )
    check_argument("metric", list(DELTA_METRICS), metric)
    check_argument("nps_method", ["adjusted_wald", "wald"], nps_method)
    confidence = check_confidence(confidence)
    if period is None:
        present = [c for c in FREQUENCIES if c in metrics.columns]
        if not present:
            raise ValueError(
                "`metrics` has no period column (quarter, month or week); run "
                "touchpoint_metrics with e.g. by=('touchpoint', 'quarter') or pass `period=`."
            )
        period = present[0]
    kind, columns = DELTA_METRICS[metric]
    check_columns(metrics, [period, *columns], param="metrics")
    groups = [c for c in metrics.columns if c not in METRIC_COLUMNS and c != period]
    table = metrics.assign(_ord=period_ordinal(metrics[period]).to_numpy())
    table = table[table["_ord"].notna()]
    if not isinstance(lag, int | np.integer) or lag < 1:
        raise ValueError(f"`lag` must be a positive integer, but {lag!r} was passed.")
    prev = table.assign(_ord=table["_ord"] + lag)
    keep = [*groups, "_ord", period, *columns]
    pairs = table[keep].merge(prev[keep], on=[*groups, "_ord"], suffixes=("", "_prev"))

    def col(name: str, suffix: str = "") -> np.ndarray:
        return pd.to_numeric(pairs[name + suffix], errors="coerce").to_numpy(dtype=float,
                                                                            na_value=np.nan)

    if kind == "nps":
        pro, det, n = columns
        delta, _, low, high, p = nps_diff_arrays(
            col(pro), col(det), col(n), col(pro, "_prev"), col(det, "_prev"), col(n, "_prev"),
            method=nps_method, confidence=confidence)
        value = (col(pro) - col(det)) / col(n)
        previous = (col(pro, "_prev") - col(det, "_prev")) / col(n, "_prev")
        n1, n0 = col(n), col(n, "_prev")
    elif kind in ("proportion", "rate"):
        first, n = columns
        n1, n0 = col(n), col(n, "_prev")
        k1 = col(first) if kind == "proportion" else np.round(col(first) * n1)
        k0 = col(first, "_prev") if kind == "proportion" else np.round(col(first, "_prev") * n0)
        with np.errstate(invalid="ignore", divide="ignore"):
            value, previous = k1 / n1, k0 / n0
        delta, low, high, p = proportion_diff(k1, n1, k0, n0, confidence)
    else:
        mean, sd, n = columns
        n1, n0 = col(n), col(n, "_prev")
        value, previous = col(mean), col(mean, "_prev")
        delta, low, high, p = welch_diff(value, col(sd), n1, previous, col(sd, "_prev"), n0,
                                         confidence)
    out = pairs[groups].copy()
    out["period"] = pairs[period].to_numpy()
    out["previous_period"] = pairs[period + "_prev"].to_numpy()
    out["metric"] = metric
    out["value"], out["previous_value"] = value, previous
    out["delta"], out["ci_low"], out["ci_high"], out["p_value"] = delta, low, high, p
    out["n"], out["previous_n"] = n1, n0
    out["small_sample"] = (n1 < min_n) | (n0 < min_n)
    out["test"] = _TESTS[kind]
    out = out[(n1 > 0) & (n0 > 0)]
    out["p_adjusted"] = bh_adjust(out["p_value"].to_numpy(dtype=float))
    out = out.astype({"n": "Int64", "previous_n": "Int64"})[[
        *groups, "period", "previous_period", "metric", "value", "previous_value", "delta",
        "ci_low", "ci_high", "p_value", "p_adjusted", "n", "previous_n", "small_sample", "test"]]
    return out.sort_values([*groups, "period"], kind="stable").reset_index(drop=True)
