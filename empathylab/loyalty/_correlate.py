"""``correlate``: correlations with bootstrap intervals, partial and cluster-aware, BH-corrected."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import product

import numpy as np
import pandas as pd
from scipy import stats

from .._validation import check_argument, check_columns
from ..metrics._stats import bh_adjust
from ._design import (
    as_list,
    complete_rows,
    control_matrix,
    numeric_column,
    require_rows,
)

__all__ = ["correlate"]

METHODS = ("spearman", "pearson", "kendall")
# Resampled cells held in memory at once (rows x resamples of one batch).
_BATCH_CELLS = 4_000_000


def correlate(
    df: pd.DataFrame,
    x: str | Sequence[str],
    y: str | Sequence[str],
    *,
    method: str = "spearman",
    controls: str | Sequence[str] | None = None,
    by: str | Sequence[str] | None = None,
    cluster: str | None = None,
    n_boot: int = 2000,
    ci: float = 0.95,
    random_state: int | np.random.Generator | None = None,
) -> pd.DataFrame:
    """Correlation of each ``x`` with each ``y``: estimate, bootstrap CI, p-value, BH correction.

    Parameters
    ----------
    df : pandas.DataFrame
        One row per observation (a customer, a reply, a survey answer).
    x, y : str or list of str
        Numeric or boolean columns; every pair ``(x_i, y_j)`` with different names is
        computed.
    method : {"spearman", "pearson", "kendall"}, default="spearman"
        Rank (Spearman's rho, Kendall's tau-b) or linear (Pearson's r) correlation.
    controls : str or list of str, optional
        Partial correlation given these columns (numbers, booleans or categories such
        as channel, product, tenure): ``x`` and ``y`` (their ranks for Spearman) are
        residualised on the controls by least squares and the residuals correlated.
        Not available for Kendall.
    by : str or list of str, optional
        Compute separately per group of these columns.
    cluster : str, optional
        Column of the unit that repeats (e.g. ``customer_id`` when a customer has
        several rows). The bootstrap then resamples whole clusters, and the p-value
        comes from that bootstrap, because the usual test assumes independent rows.
    n_boot : int, default=2000
        Bootstrap resamples for the percentile interval. ``0`` gives the Fisher-z
        interval instead (not with ``cluster``).
    ci : float, default=0.95
        Confidence level.
    random_state : int or numpy Generator, optional
        Seed for the bootstrap.

    Returns
    -------
    pandas.DataFrame
        One row per pair (and group): the ``by`` columns, ``x``, ``y``, ``method``,
        ``controls`` (comma-separated, empty for none), ``n`` (complete rows),
        ``n_clusters``, ``estimate``, ``ci_low``, ``ci_high``, ``p_value`` (two-sided,
        against no correlation) and ``p_adjusted`` (Benjamini-Hochberg over all rows
        of the table, for many pairs or groups).

    Notes
    -----
    Rows with a missing value in ``x``, ``y`` or a control are left out per pair
    (with a :class:`~empathylab.DataQualityWarning`). Without ``cluster`` the p-value
    is the t-test of the (partial) correlation with ``n - 2 - k`` degrees of freedom
    (``k`` control columns), or Kendall's exact or normal test. A correlation is an
    association: it says nothing about which way an effect runs.

    Examples
    --------
    >>> from empathylab.datasets import load_sample
    >>> customers = load_sample("customers")
    >>> table = correlate(customers, "true_empathy_exposure",
    ...                   ["repurchase_90d", "spend_next_12m"], n_boot=200, random_state=0)
    >>> table["y"].tolist(), bool((table["estimate"] > 0).all())
    (['repurchase_90d', 'spend_next_12m'], True)
    """
    check_argument("method", METHODS, method)
    xs, ys, ctrl, groups = as_list(x), as_list(y), as_list(controls), as_list(by)
    check_columns(df, xs + ys + ctrl + groups + as_list(cluster))
    if method == "kendall" and ctrl:
        raise ValueError(
            "`controls` is not available with method='kendall' (no partial Kendall tau); "
            "use method='spearman' for a partial rank correlation."
        )
    if not 0 < ci < 1:
        raise ValueError(f"`ci` must be between 0 and 1, but {ci!r} was passed.")
    if not isinstance(n_boot, int | np.integer) or n_boot < 0:
        raise ValueError(f"`n_boot` must be a non-negative integer, but {n_boot!r} was passed.")
    if cluster is not None and n_boot == 0:
        raise ValueError("`cluster` needs the bootstrap: pass n_boot > 0 (e.g. 2000).")
    pairs = [(a, b) for a, b in product(xs, ys) if a != b]
    if not pairs:
        raise ValueError("`x` and `y` give no pair of different columns to correlate.")
    rng = np.random.default_rng(random_state)
    parts = [((), df)] if not groups else df.groupby(groups, sort=True, dropna=False)
    rows = []
    for key, part in parts:
        key = key if isinstance(key, tuple) else (key,)
        for a, b in pairs:
            row = dict(zip(groups, key, strict=True))
            row.update(x=a, y=b, method=method, controls=", ".join(ctrl))
            row.update(
                _one_pair(part, a, b, method, ctrl, cluster, int(n_boot), ci, rng)
            )
            rows.append(row)
    table = pd.DataFrame(rows)
    table["p_adjusted"] = bh_adjust(table["p_value"].to_numpy())
    return table


def _one_pair(
    data: pd.DataFrame,
    a: str,
    b: str,
    method: str,
    controls: list[str],
    cluster: str | None,
    n_boot: int,
    ci: float,
    rng: np.random.Generator,
) -> dict[str, float | int]:
    used = [a, b, *controls] + ([cluster] if cluster else [])
    keep = complete_rows(data, used, func="correlate")
    part = data.loc[keep]
    xv = numeric_column(part, a, param="x")
    yv = numeric_column(part, b, param="y")
    z, _ = control_matrix(part, controls)
    n, k = len(part), z.shape[1]
    require_rows(n, k + 4, what=f"correlate({a!r}, {b!r})")
    if cluster is None:
        ids = np.arange(n)
    else:
        ids = pd.factorize(part[cluster])[0]
    n_clusters = int(ids.max()) + 1
    ones = np.ones((1, n))
    estimate = float(_weighted_corr(xv, yv, z, ones, method)[0])
    alpha = 1 - ci
    if n_boot == 0:
        low, high = _fisher_ci(estimate, n - k, method, alpha)
    else:
        boot = _bootstrap(xv, yv, z, ids, n_clusters, method, n_boot, rng)
        low, high = np.nanquantile(boot, [alpha / 2, 1 - alpha / 2])
    if cluster is not None:
        finite = boot[np.isfinite(boot)]
        share = min(np.sum(finite <= 0) + 1, np.sum(finite >= 0) + 1) / (len(finite) + 1)
        p_value = float(min(1.0, 2 * share))
    elif method == "kendall":
        p_value = float(stats.kendalltau(xv, yv).pvalue)
    else:
        p_value = _t_test(estimate, n - 2 - k)
    return {
        "n": n,
        "n_clusters": n_clusters,
        "estimate": estimate,
        "ci_low": float(low),
        "ci_high": float(high),
        "p_value": p_value,
    }


def _t_test(r: float, dof: int) -> float:
    if not np.isfinite(r) or dof < 1:
        return float("nan")
    if abs(r) >= 1:
        return 0.0
    t = r * np.sqrt(dof / (1 - r * r))
    return float(2 * stats.t.sf(abs(t), dof))


def _fisher_ci(r: float, n_eff: int, method: str, alpha: float) -> tuple[float, float]:
    """Fisher-z interval (Bonett-Wright and Fieller standard errors for the rank methods)."""
    if not np.isfinite(r) or n_eff < 5:
        return float("nan"), float("nan")
    zc = stats.norm.ppf(1 - alpha / 2)
    if method == "pearson":
        se = 1 / np.sqrt(n_eff - 3)
    elif method == "spearman":
        se = np.sqrt((1 + r * r / 2) / (n_eff - 3))
    else:
        se = np.sqrt(0.437 / (n_eff - 4))
    centre = np.arctanh(np.clip(r, -0.999999, 0.999999))
    return float(np.tanh(centre - zc * se)), float(np.tanh(centre + zc * se))


def _bootstrap(
    x: np.ndarray,
    y: np.ndarray,
    z: np.ndarray,
    ids: np.ndarray,
    n_clusters: int,
    method: str,
    n_boot: int,
    rng: np.random.Generator,
) -> np.ndarray:
    """Statistic on ``n_boot`` resamples of rows (or of clusters), as multiplicity weights.

    Resampling units with replacement is the same as weighting each unit by how often
    it was drawn, so every resample is a weight vector over the original rows and
    whole batches of resamples are computed with array operations.
    """
    n = len(x)
    out = np.empty(n_boot)
    if method == "kendall":
        for i in range(n_boot):
            drawn = rng.integers(0, n_clusters, n_clusters)
            rows = _rows_of(ids, drawn)
            out[i] = stats.kendalltau(x[rows], y[rows]).statistic
        return out
    batch = max(1, _BATCH_CELLS // max(n, 1))
    done = 0
    while done < n_boot:
        size = min(batch, n_boot - done)
        counts = rng.multinomial(n_clusters, np.full(n_clusters, 1 / n_clusters), size=size)
        weights = counts[:, ids].astype(float)
        out[done : done + size] = _weighted_corr(x, y, z, weights, method)
        done += size
    return out


def _rows_of(ids: np.ndarray, drawn: np.ndarray) -> np.ndarray:
    """Row positions of the drawn clusters, each cluster as often as it was drawn."""
    order = np.argsort(ids, kind="stable")
    starts = np.searchsorted(ids[order], np.arange(ids.max() + 2))
    return np.concatenate([order[starts[c] : starts[c + 1]] for c in drawn])


def _weighted_corr(
    x: np.ndarray, y: np.ndarray, z: np.ndarray, weights: np.ndarray, method: str
) -> np.ndarray:
    """(Partial) correlation for each row of ``weights`` (shape ``(b, n)``)."""
    if method == "kendall":
        return np.array([stats.kendalltau(x, y).statistic])
    if method == "spearman":
        xs, ys = _weighted_ranks(x, weights), _weighted_ranks(y, weights)
    else:
        xs = np.broadcast_to(x, weights.shape)
        ys = np.broadcast_to(y, weights.shape)
    design = np.hstack([np.ones((len(x), 1)), z])
    rx, ry = _residuals(xs, design, weights), _residuals(ys, design, weights)
    wsum = weights.sum(axis=1)
    cov = (weights * rx * ry).sum(axis=1) / wsum
    vx = (weights * rx * rx).sum(axis=1) / wsum
    vy = (weights * ry * ry).sum(axis=1) / wsum
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.clip(cov / np.sqrt(vx * vy), -1.0, 1.0)


def _residuals(values: np.ndarray, design: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Weighted least-squares residuals of each row of ``values`` on ``design``."""
    gram = np.einsum("ni,bn,nj->bij", design, weights, design)
    rhs = np.einsum("ni,bn,bn->bi", design, weights, values)
    beta = np.linalg.solve(gram + 1e-12 * np.eye(design.shape[1]), rhs[..., None])[..., 0]
    return values - beta @ design.T


def _weighted_ranks(values: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Mid-ranks of ``values`` in the sample where row ``i`` occurs ``weights[b, i]`` times."""
    order = np.argsort(values, kind="stable")
    sorted_values = values[order]
    starts = np.flatnonzero(np.r_[True, sorted_values[1:] != sorted_values[:-1]])
    group = np.cumsum(np.r_[True, sorted_values[1:] != sorted_values[:-1]]) - 1
    w_sorted = weights[:, order]
    group_weight = np.add.reduceat(w_sorted, starts, axis=1)
    before = np.cumsum(group_weight, axis=1) - group_weight
    ranks_sorted = (before + (group_weight + 1) / 2)[:, group]
    ranks = np.empty_like(ranks_sorted)
    ranks[:, order] = ranks_sorted
    return ranks
