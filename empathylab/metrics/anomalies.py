"""``detect_anomalies()``: periods where a group's volume or negative share breaks out of its
own history."""

from __future__ import annotations

from collections.abc import Sequence

# scipy.stats is imported inside the functions that use it: `import empathylab` stays fast
import numpy as np
import pandas as pd

from .._validation import check_argument, check_columns
from ._stats import bh_adjust
from .periods import normalize_freq, period_labels, to_periods
from .touchpoint_metrics import _explode, _list_valued

__all__ = ["detect_anomalies"]

METRICS = ("negative_share", "volume")
ALTERNATIVES = ("greater", "two-sided", "less")


def _tails(upper: np.ndarray, lower: np.ndarray, alternative: str) -> np.ndarray:
    if alternative == "greater":
        return upper
    if alternative == "less":
        return lower
    return np.minimum(1.0, 2.0 * np.minimum(upper, lower))


def _volume_test(
    count: np.ndarray, hist_sum: np.ndarray, hist_sq: np.ndarray, hist_n: np.ndarray,
    alternative: str, dispersion_alpha: float,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Expected count, z, p and test name of each period against its history."""
    from scipy import stats

    w = hist_n
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = hist_sum / w
        var = np.maximum(hist_sq - w * mean**2, 0.0) / (w - 1.0)
        # dispersion test of the history: sum (x - mean)^2 / mean ~ chi2(w - 1) under Poisson
        dispersion = np.where(mean > 0, (w - 1.0) * var / mean, 0.0)
        over = (stats.chi2.sf(dispersion, np.maximum(w - 1.0, 1.0)) < dispersion_alpha) & (
            var > mean)
        # Poisson: conditional on the total, the count is Binomial(total, 1 / (w + 1))
        total = count + hist_sum
        share = 1.0 / (w + 1.0)
        pois_up = stats.binom.sf(count - 1, total, share)
        pois_low = stats.binom.cdf(count, total, share)
        # negative binomial with the history's mean and predictive variance var (1 + 1/w)
        pred_var = var * (1.0 + 1.0 / w)
        size = np.where(pred_var > mean, mean**2 / (pred_var - mean), np.inf)
        prob = size / (size + mean)
        nb_up = stats.nbinom.sf(count - 1, size, prob)
        nb_low = stats.nbinom.cdf(count, size, prob)
        p = np.where(over, _tails(nb_up, nb_low, alternative),
                     _tails(pois_up, pois_low, alternative))
        sd = np.where(over, np.sqrt(pred_var), np.sqrt(mean * (1.0 + 1.0 / w)))
        z = np.where(sd > 0, (count - mean) / sd, np.nan)
    test = np.where(over, "negative_binomial", "poisson_conditional")
    return mean, z, np.clip(p, 0.0, 1.0), test


def _share_test(
    k: np.ndarray, n: np.ndarray, hist_k: np.ndarray, hist_n: np.ndarray, alternative: str
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Expected share, z and Fisher's exact p (hypergeometric tails) of each period."""
    from scipy import stats

    total = n + hist_n
    successes = k + hist_k
    up = stats.hypergeom.sf(k - 1, total, successes, n)
    low = stats.hypergeom.cdf(k, total, successes, n)
    with np.errstate(invalid="ignore", divide="ignore"):
        expected = hist_k / hist_n
        pooled = successes / total
        se = np.sqrt(pooled * (1.0 - pooled) * (1.0 / n + 1.0 / hist_n))
        z = np.where(se > 0, (k / n - expected) / se, np.nan)
    return expected, z, np.clip(_tails(up, low, alternative), 0.0, 1.0)


def detect_anomalies(
    df: pd.DataFrame,
    by: str | Sequence[str] | None = "touchpoint",
    freq: str = "W",
    metric: str = "negative_share",
    *,
    timestamp: str = "timestamp",
    label: str = "label",
    window: int = 8,
    min_history: int = 4,
    alpha: float = 0.05,
    alternative: str = "greater",
    fiscal_year_start: int = 1,
    customer_roles: Sequence[str] = ("customer",),
    dispersion_alpha: float = 0.05,
) -> pd.DataFrame:
    """Weeks (months, quarters) in which a group breaks out of its own history.

    Each period of each group is compared with the group's ``window`` periods
    before it (periods without messages count as zero, from the group's first
    message on):

    * ``metric="volume"``: the number of customer messages. When the history
      is not over-dispersed, the test is exact and conditional: under an
      unchanged Poisson rate, the period's count given the total of period and
      history is Binomial(total, 1/(window + 1)) (``poisson_conditional``).
      When a dispersion test (chi² of the history's variance over its mean, at
      ``dispersion_alpha``) finds over-dispersion, a negative binomial with the
      history's mean and predictive variance is used (``negative_binomial``).
    * ``metric="negative_share"``: the share of messages labelled negative
      (``label`` column of ``df.cx.sentiment()``), tested against the pooled
      history with Fisher's exact test (hypergeometric tail, ``fisher_exact``).

    p-values are adjusted with Benjamini-Hochberg over all tested rows, and
    ``flag`` is ``p_adjusted < alpha``: the expected share of false flags among
    all flags is at most ``alpha``.

    Parameters
    ----------
    df : DataFrame
        Feedback with ``timestamp``; customer rows (``author_role`` in
        ``customer_roles``, every row without that column) are counted. A
        list-valued ``by`` column is exploded (a message counts in each of its
        touchpoints).
    by : str, sequence of str or None, default="touchpoint"
        Group columns; None for one series over all messages. ``"touchpoint"``
        falls back to a ``touchpoints`` list column.
    freq : {"W", "M", "Q"} or "week", "month", "quarter", default="W"
    metric : {"negative_share", "volume"}, default="negative_share"
    timestamp, label : str
        Column names.
    window : int, default=8
        Trailing periods that form the history.
    min_history : int, default=4
        Periods of history needed before a period is tested (earlier periods
        are listed with ``test`` NA).
    alpha : float, default=0.05
    alternative : {"greater", "two-sided", "less"}, default="greater"
        ``greater`` looks for spikes, ``less`` for drops.
    fiscal_year_start : int, default=1
        First month of the fiscal year for quarterly periods.
    customer_roles : sequence of str, default=("customer",)
    dispersion_alpha : float, default=0.05

    Returns
    -------
    DataFrame
        One row per group and period: the group keys, ``period`` (label),
        ``metric``, ``n`` (messages in the period; for the share those with a
        label), ``observed`` (count or share), ``expected`` (history mean count
        or pooled history share), ``history_periods``, ``z`` (standardised
        difference), ``p_value``, ``p_adjusted``, ``test``, ``flag``.

    Examples
    --------
    >>> from empathylab.datasets import load_sample
    >>> df = load_sample("feedback_de")
    >>> table = detect_anomalies(df, by="touchpoint", freq="M", metric="volume")
    >>> sorted(table["test"].dropna().unique())
    ['negative_binomial', 'poisson_conditional']
    """
    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"`df` must be a pandas DataFrame, but {type(df).__name__} was passed.")
    check_argument("metric", METRICS, metric)
    check_argument("alternative", ALTERNATIVES, alternative)
    kind = normalize_freq(freq)
    if int(window) < 2 or int(min_history) < 2 or int(min_history) > int(window):
        raise ValueError(
            f"`window` ({window!r}) and `min_history` ({min_history!r}) must satisfy "
            "2 <= min_history <= window."
        )
    keys = [] if by is None else ([by] if isinstance(by, str) else list(by))
    if "touchpoint" in keys and "touchpoint" not in df and "touchpoints" in df:
        keys = ["touchpoints" if k == "touchpoint" else k for k in keys]  # assign_touchpoints
    needed = [timestamp, *keys] + ([label] if metric == "negative_share" else [])
    check_columns(df, needed, param="by/timestamp/label")

    rows = pd.Series(True, index=df.index)
    if "author_role" in df.columns:
        rows = df["author_role"].astype("string").isin(list(customer_roles)).fillna(False)
    frame = pd.DataFrame({"_period": to_periods(df[timestamp], kind,
                                                fiscal_year_start=fiscal_year_start)},
                         index=df.index)
    for key in keys:
        frame[key] = df[key].to_numpy()
    if metric == "negative_share":
        labels = df[label].astype("string")
        frame["_k"] = (labels == "negative").astype("float64")
        rows &= labels.notna()
    else:
        frame["_k"] = 0.0
    frame = frame[rows.to_numpy() & frame["_period"].notna().to_numpy()]
    frame = _explode(frame, [k for k in keys if _list_valued(frame[k])])
    group_keys = keys if keys else ["_all"]
    if not keys:
        frame["_all"] = "all"
    counts = (frame.groupby([*group_keys, "_period"], dropna=False, sort=True)
              .agg(n=("_k", "size"), k=("_k", "sum")).reset_index())
    if counts.empty:
        raise ValueError("no customer messages with a timestamp (and label) to test.")

    last = counts["_period"].max()
    pieces = []
    for key, part in counts.groupby(group_keys, dropna=False, sort=False):
        grid = pd.period_range(part["_period"].min(), last, freq=part["_period"].iloc[0].freq)
        full = part.set_index("_period")[["n", "k"]].reindex(grid, fill_value=0)
        full = full.rename_axis("_period").reset_index()
        values = key if isinstance(key, tuple) else (key,)
        for name, value in zip(group_keys, values, strict=True):
            full[name] = value
        shifted = full[["n", "k"]].shift(1)
        roll = shifted.rolling(int(window), min_periods=1)
        full["hist_n"] = roll["n"].sum()
        full["hist_k"] = roll["k"].sum()
        full["hist_sq"] = (shifted["n"] ** 2).rolling(int(window), min_periods=1).sum()
        full["history_periods"] = shifted["n"].notna().astype(int).rolling(
            int(window), min_periods=1).sum()
        pieces.append(full)
    table = pd.concat(pieces, ignore_index=True)
    table["history_periods"] = table["history_periods"].fillna(0).astype(int)
    tested = (table["history_periods"] >= int(min_history)).to_numpy()
    n = table["n"].to_numpy(float)
    k = table["k"].to_numpy(float)
    hist_n = table["hist_n"].fillna(0).to_numpy(float)
    hist_k = table["hist_k"].fillna(0).to_numpy(float)
    periods_n = table["history_periods"].to_numpy(float)
    if metric == "volume":
        expected, z, p, test = _volume_test(n, hist_n, table["hist_sq"].fillna(0).to_numpy(float),
                                            periods_n, alternative, dispersion_alpha)
        observed = n
    else:
        tested = tested & (n > 0) & (hist_n > 0)
        expected, z, p = _share_test(k, n, hist_k, hist_n, alternative)
        test = np.full(len(table), "fisher_exact", dtype=object)
        with np.errstate(invalid="ignore", divide="ignore"):
            observed = np.where(n > 0, k / n, np.nan)
    p = np.where(tested, p, np.nan)
    adjusted = bh_adjust(p)
    period_label = period_labels(pd.Series(table["_period"].dt.start_time), kind,
                                 fiscal_year_start=fiscal_year_start)
    out = table[keys].copy()
    out["period"] = period_label.to_numpy()
    out["metric"] = metric
    out["n"] = table["n"].astype("int64").to_numpy()
    out["observed"] = observed
    out["expected"] = np.where(tested, expected, np.nan)
    out["history_periods"] = table["history_periods"].to_numpy()
    out["z"] = np.where(tested, z, np.nan)
    out["p_value"] = p
    out["p_adjusted"] = adjusted
    out["test"] = pd.Series(test, dtype="str").where(tested).to_numpy()
    out["flag"] = np.nan_to_num(adjusted, nan=1.0) < alpha
    out["_ord"] = table["_period"].to_numpy()
    return (out.sort_values([*keys, "_ord"], kind="stable").drop(columns="_ord")
            .reset_index(drop=True))
