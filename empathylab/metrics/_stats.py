"""Vectorised interval and test formulas shared by the metrics modules.

Every function works on numpy arrays (one value per group) so that whole metric
tables and the coverage simulations run without a Python loop per group.
"""

from __future__ import annotations

# scipy.stats is imported inside the functions that use it: `import empathylab` stays fast
import numpy as np

__all__ = [
    "bh_adjust",
    "check_confidence",
    "mean_interval",
    "proportion_diff",
    "welch_diff",
    "wilson_interval",
    "z_value",
]


def check_confidence(confidence: float) -> float:
    """``confidence`` as a float in (0, 1), or a ValueError saying what was passed."""
    try:
        value = float(confidence)
    except (TypeError, ValueError):
        value = float("nan")
    if not 0.0 < value < 1.0:
        raise ValueError(
            f"`confidence` must be a number between 0 and 1 (e.g. 0.95), but {confidence!r} "
            "was passed."
        )
    return value


def z_value(confidence: float) -> float:
    """Two-sided standard-normal quantile (1.959964 for 0.95)."""
    from scipy import stats

    return float(stats.norm.ppf(0.5 + confidence / 2.0))


def wilson_interval(
    k: np.ndarray | float, n: np.ndarray | float, confidence: float = 0.95
) -> tuple[np.ndarray, np.ndarray]:
    """Wilson score interval of the proportion ``k / n`` (NaN where ``n == 0``)."""
    k = np.asarray(k, dtype=float)
    n = np.asarray(n, dtype=float)
    z = z_value(confidence)
    with np.errstate(invalid="ignore", divide="ignore"):
        p = k / n
        denom = 1.0 + z**2 / n
        centre = (p + z**2 / (2.0 * n)) / denom
        half = z * np.sqrt(p * (1.0 - p) / n + z**2 / (4.0 * n**2)) / denom
    # exact ends for k = 0 and k = n (the formula leaves rounding residue there)
    low = np.where(n > 0, np.where(k <= 0, 0.0, np.clip(centre - half, 0.0, 1.0)), np.nan)
    high = np.where(n > 0, np.where(k >= n, 1.0, np.clip(centre + half, 0.0, 1.0)), np.nan)
    return low, high


def mean_interval(
    mean: np.ndarray | float,
    sd: np.ndarray | float,
    n: np.ndarray | float,
    confidence: float = 0.95,
) -> tuple[np.ndarray, np.ndarray]:
    """Student-t interval of a mean from its sample SD (ddof=1); NaN where ``n < 2``."""
    from scipy import stats

    mean = np.asarray(mean, dtype=float)
    sd = np.asarray(sd, dtype=float)
    n = np.asarray(n, dtype=float)
    ok = n >= 2
    df = np.where(ok, n - 1.0, 1.0)
    t = stats.t.ppf(0.5 + confidence / 2.0, df)
    with np.errstate(invalid="ignore", divide="ignore"):
        half = t * sd / np.sqrt(n)
    return np.where(ok, mean - half, np.nan), np.where(ok, mean + half, np.nan)


def welch_diff(
    mean1: np.ndarray,
    sd1: np.ndarray,
    n1: np.ndarray,
    mean2: np.ndarray,
    sd2: np.ndarray,
    n2: np.ndarray,
    confidence: float = 0.95,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Difference ``mean1 - mean2`` with Welch's t interval and two-sided p-value.

    Returns ``(delta, ci_low, ci_high, p_value)``; NaN where a side has fewer than 2 values.
    """
    from scipy import stats

    mean1, sd1, n1, mean2, sd2, n2 = (
        np.asarray(a, dtype=float) for a in (mean1, sd1, n1, mean2, sd2, n2)
    )
    ok = (n1 >= 2) & (n2 >= 2)
    with np.errstate(invalid="ignore", divide="ignore"):
        v1 = sd1**2 / n1
        v2 = sd2**2 / n2
        se = np.sqrt(v1 + v2)
        df = (v1 + v2) ** 2 / (v1**2 / (n1 - 1.0) + v2**2 / (n2 - 1.0))
        df = np.where(np.isfinite(df) & (df > 0), df, np.maximum(n1 + n2 - 2.0, 1.0))
        delta = mean1 - mean2
        t = stats.t.ppf(0.5 + confidence / 2.0, df)
        stat = delta / se
        p = np.where(se > 0, 2.0 * stats.t.sf(np.abs(stat), df), np.where(delta == 0, 1.0, 0.0))
    nan = np.full(delta.shape, np.nan)
    return (
        np.where(ok, delta, nan),
        np.where(ok, delta - t * se, nan),
        np.where(ok, delta + t * se, nan),
        np.where(ok, p, nan),
    )


def proportion_diff(
    k1: np.ndarray,
    n1: np.ndarray,
    k2: np.ndarray,
    n2: np.ndarray,
    confidence: float = 0.95,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Difference of two independent proportions ``k1/n1 - k2/n2``.

    Interval: Agresti-Caffo adjusted Wald (one success and one failure added to
    each sample). p-value: two-sided two-proportion z-test with the pooled
    proportion. Returns ``(delta, ci_low, ci_high, p_value)``; NaN where a side is empty.
    """
    from scipy import stats

    k1, n1, k2, n2 = (np.asarray(a, dtype=float) for a in (k1, n1, k2, n2))
    ok = (n1 > 0) & (n2 > 0)
    z = z_value(confidence)
    with np.errstate(invalid="ignore", divide="ignore"):
        delta = k1 / n1 - k2 / n2
        a1 = (k1 + 1.0) / (n1 + 2.0)
        a2 = (k2 + 1.0) / (n2 + 2.0)
        centre = a1 - a2
        se_ac = np.sqrt(a1 * (1 - a1) / (n1 + 2.0) + a2 * (1 - a2) / (n2 + 2.0))
        pooled = (k1 + k2) / (n1 + n2)
        se0 = np.sqrt(pooled * (1.0 - pooled) * (1.0 / n1 + 1.0 / n2))
        p = np.where(se0 > 0, 2.0 * stats.norm.sf(np.abs(delta) / se0), 1.0)
    nan = np.full(delta.shape, np.nan)
    return (
        np.where(ok, delta, nan),
        np.where(ok, np.clip(centre - z * se_ac, -1.0, 1.0), nan),
        np.where(ok, np.clip(centre + z * se_ac, -1.0, 1.0), nan),
        np.where(ok, p, nan),
    )


def bh_adjust(p_values: np.ndarray | list[float]) -> np.ndarray:
    """Benjamini-Hochberg adjusted p-values (NaN entries stay NaN and are not counted)."""
    p = np.asarray(p_values, dtype=float)
    out = np.full(p.shape, np.nan)
    ok = ~np.isnan(p)
    m = int(ok.sum())
    if m == 0:
        return out
    values = p[ok]
    order = np.argsort(values)
    ranked = values[order] * m / np.arange(1, m + 1)
    adjusted = np.minimum.accumulate(ranked[::-1])[::-1]
    result = np.empty(m)
    result[order] = np.clip(adjusted, 0.0, 1.0)
    out[ok] = result
    return out
