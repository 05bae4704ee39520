"""Net Promoter Score with confidence intervals, its difference, and CSAT / CES with intervals.

NPS after Reichheld (2003): on the 0-10 "how likely are you to recommend" scale,
promoters answer 9-10, passives 7-8, detractors 0-6, and NPS = share of
promoters minus share of detractors (-1..1 here; times 100 for "points").
Intervals follow ../shared/references/SOURCES.md §3.1-3.3: the Wald interval of
the mean of the +1/0/-1 coding, and the adjusted Wald interval Rocks (2016,
*Interval Estimation for the "Net Promoter Score"*, The American Statistician)
found to perform best (0.75 added to the promoter and detractor counts, 3 to n).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, TypeAlias

# scipy.stats is imported inside the functions that use it: `import empathylab` stays fast
import numpy as np
import pandas as pd

from .._dask import is_dask
from .._results import Result
from .._validation import check_argument
from ._stats import check_confidence, mean_interval, wilson_interval, z_value

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = [
    "NPS_METHODS",
    "NPSDiffResult",
    "NPSResult",
    "ScoreResult",
    "ces",
    "csat",
    "nps",
    "nps_categories",
    "nps_diff",
]

NPS_METHODS = ("adjusted_wald", "wald", "bootstrap")
PROMOTER_MIN = 9  # Reichheld (2003): 9-10 promoters
DETRACTOR_MAX = 6  # 0-6 detractors

ScoresLike: TypeAlias = "pd.Series | np.ndarray | Sequence[float | None]"


def _as_scores(
    scores: ScoresLike, *, name: str, low: float, high: float, whole: bool
) -> tuple[np.ndarray, int]:
    """Valid scores as a float array and the number of missing values dropped.

    Raises a ValueError naming the first out-of-range (or fractional, when
    ``whole``) value and its position (the index label for a Series).
    """
    series = scores if isinstance(scores, pd.Series) else pd.Series(
        list(np.ravel(np.asarray(scores, dtype=object))))
    try:
        values = pd.to_numeric(series, errors="raise").astype("float64")
    except (TypeError, ValueError) as exc:
        bad = pd.to_numeric(series, errors="coerce").isna() & series.notna()
        where = series.index[bad.to_numpy()][0]
        raise ValueError(
            f"`{name}` must be numbers from {low:g} to {high:g}, but {series[where]!r} was "
            f"found at position {where!r}. Convert text answers to numbers first."
        ) from exc
    arr = values.to_numpy(dtype=float, na_value=np.nan)
    missing = np.isnan(arr)
    bad = ~missing & ((arr < low) | (arr > high))
    if whole:
        bad |= ~missing & (arr != np.round(arr))
    if bad.any():
        i = int(np.flatnonzero(bad)[0])
        what = f"whole numbers from {low:g} to {high:g}" if whole else f"from {low:g} to {high:g}"
        raise ValueError(
            f"`{name}` must be {what}, but {arr[i]:g} was found at position "
            f"{series.index[i]!r} ({int(bad.sum())} invalid value(s) in all). Fix or drop "
            "those answers, or rescale them to the score's range."
        )
    return arr[~missing], int(missing.sum())


def nps_categories(scores: ScoresLike) -> pd.Series:
    """Promoter (+1), passive (0) or detractor (-1) coding of 0-10 answers (NaN stays NaN).

    Examples
    --------
    >>> nps_categories([10, 8, 3, None]).tolist()
    [1.0, 0.0, -1.0, nan]
    """
    series = scores if isinstance(scores, pd.Series) else pd.Series(list(scores), dtype=float)
    _as_scores(series, name="scores", low=0, high=10, whole=True)
    values = pd.to_numeric(series).astype("float64")
    coded = np.select([values >= PROMOTER_MIN, values > DETRACTOR_MAX], [1.0, 0.0], -1.0)
    return pd.Series(np.where(values.isna(), np.nan, coded), index=series.index, name="nps_code")


def nps_interval(
    promoters: np.ndarray | float,
    detractors: np.ndarray | float,
    n: np.ndarray | float,
    *,
    method: str = "adjusted_wald",
    confidence: float = 0.95,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Vectorised NPS interval from counts: ``(centre, se, ci_low, ci_high)``.

    ``method="wald"``: NPS ± z·SE with SE² = (p + d − (p − d)²)/n (SOURCES.md §3.1).
    ``method="adjusted_wald"``: the same on p' = (x_pro + 0.75)/(n + 3),
    d' = (x_det + 0.75)/(n + 3), n' = n + 3, clipped to [-1, 1] (Rocks 2016, §3.2).
    The centre is NPS (Wald) or NPS' (adjusted). NaN where ``n == 0``.
    """
    pro = np.asarray(promoters, dtype=float)
    det = np.asarray(detractors, dtype=float)
    n = np.asarray(n, dtype=float)
    if method == "adjusted_wald":
        pro, det, n = pro + 0.75, det + 0.75, n + 3.0
    elif method != "wald":
        check_argument("method", ["adjusted_wald", "wald"], method)
    z = z_value(confidence)
    with np.errstate(invalid="ignore", divide="ignore"):
        p = pro / n
        d = det / n
        centre = p - d
        se = np.sqrt(np.maximum(p + d - centre**2, 0.0) / n)
    low = np.clip(centre - z * se, -1.0, 1.0)
    high = np.clip(centre + z * se, -1.0, 1.0)
    empty = n <= (3.0 if method == "adjusted_wald" else 0.0)
    nan = np.nan
    return (np.where(empty, nan, centre), np.where(empty, nan, se),
            np.where(empty, nan, low), np.where(empty, nan, high))


class NPSResult(Result):
    """Net Promoter Score of one sample, with its interval and counts.

    Attributes
    ----------
    value : float
        NPS as a fraction, -1..1 (share of promoters minus share of detractors).
    ci_low, ci_high : float
        The interval of ``method`` at ``confidence`` (fraction scale).
    centre : float
        The centre of the interval: NPS for Wald and bootstrap, the adjusted
        NPS' for adjusted Wald (Rocks 2016).
    se : float
        Standard error of the method (bootstrap: SD of the resampled NPS).
    n, promoters, passives, detractors, n_missing : int
        Valid answers, the three counts, and missing answers that were dropped.
    """

    _title = "Net Promoter Score"

    def __init__(
        self,
        *,
        promoters: int,
        passives: int,
        detractors: int,
        method: str = "adjusted_wald",
        confidence: float = 0.95,
        n_missing: int = 0,
        n_boot: int = 2000,
        random_state: int | np.random.Generator | None = None,
    ) -> None:
        check_argument("method", NPS_METHODS, method)
        self.confidence = check_confidence(confidence)
        self.method = method
        self.promoters, self.passives, self.detractors = int(promoters), int(passives), int(
            detractors
        )
        self.n = self.promoters + self.passives + self.detractors
        self.n_missing = int(n_missing)
        if self.n == 0:
            from ..exceptions import InsufficientDataError

            raise InsufficientDataError(
                "NPS needs at least one valid 0-10 answer, but none was given "
                f"({self.n_missing} missing value(s) dropped)."
            )
        self.value = (self.promoters - self.detractors) / self.n
        if method == "bootstrap":
            rng = np.random.default_rng(random_state)
            probs = np.array([self.promoters, self.passives, self.detractors]) / self.n
            draws = rng.multinomial(self.n, probs, size=int(n_boot))
            boot = (draws[:, 0] - draws[:, 2]) / self.n
            alpha = 1.0 - self.confidence
            self.centre = self.value
            self.se = float(boot.std(ddof=1))
            self.ci_low, self.ci_high = (float(q) for q in np.quantile(boot, [alpha / 2,
                                                                           1 - alpha / 2]))
        else:
            centre, se, low, high = nps_interval(
                self.promoters, self.detractors, self.n, method=method,
                confidence=self.confidence,
            )
            self.centre, self.se = float(centre), float(se)
            self.ci_low, self.ci_high = float(low), float(high)

    @property
    def points(self) -> float:
        """NPS in points, -100..100."""
        return 100.0 * self.value

    def _summary(self) -> pd.DataFrame:
        return pd.DataFrame([{
            "nps": self.value, "nps_points": self.points,
            "ci_low": self.ci_low, "ci_high": self.ci_high,
            "ci_low_points": 100 * self.ci_low, "ci_high_points": 100 * self.ci_high,
            "centre": self.centre, "se": self.se, "n": self.n,
            "promoters": self.promoters, "passives": self.passives,
            "detractors": self.detractors, "n_missing": self.n_missing,
            "method": self.method, "confidence": self.confidence,
        }])

    def _headline(self) -> str:
        pct = round(100 * self.confidence)
        return (f"NPS {self.points:+.1f} ({pct}% CI {100 * self.ci_low:+.1f} to "
                f"{100 * self.ci_high:+.1f}, {self.method}), n={self.n}")

    def plot(self, ax: Axes | None = None, **kwargs: Any) -> Axes:
        """Stacked bar of detractor, passive and promoter shares, titled with NPS and CI."""
        import matplotlib.pyplot as plt

        if ax is None:
            _, ax = plt.subplots(figsize=(6, 1.8))
        shares = np.array([self.detractors, self.passives, self.promoters]) / self.n
        colours = ["#D55E00", "#999999", "#009E73"]  # Okabe-Ito, colour-blind safe
        left = 0.0
        for label, share, colour in zip(("detractors", "passives", "promoters"), shares,
                                        colours, strict=True):
            ax.barh([0], [share], left=left, color=colour, label=label, **kwargs)
            left += share
        ax.set_xlim(0, 1)
        ax.set_yticks([])
        ax.set_xlabel("share of answers")
        ax.set_title(self._headline())
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.45), ncol=3, frameon=False)
        return ax


def nps(
    scores: ScoresLike,
    *,
    method: str = "adjusted_wald",
    confidence: float = 0.95,
    n_boot: int = 2000,
    random_state: int | np.random.Generator | None = None,
) -> NPSResult:
    """Net Promoter Score of 0-10 answers with a confidence interval.

    Parameters
    ----------
    scores : Series, Dask Series or array-like of float
        Answers to the 0-10 likelihood-to-recommend question. Missing values
        are dropped and counted (``n_missing``). A Dask Series is counted per
        partition and only the counts are collected (same result as pandas).
    method : {"adjusted_wald", "wald", "bootstrap"}, default="adjusted_wald"
        Interval: adjusted Wald (Rocks 2016; 0.75 added to the promoter and
        detractor counts and 3 to n, centred on the adjusted NPS'), Wald
        (NPS ± z·SE on the +1/0/-1 coding), or a percentile bootstrap of
        ``n_boot`` multinomial resamples (SOURCES.md §3.1-3.2).
    confidence : float, default=0.95
    n_boot : int, default=2000
        Resamples for ``method="bootstrap"``.
    random_state : int or numpy Generator, optional
        Seed of the bootstrap.

    Returns
    -------
    NPSResult
        ``.value`` (-1..1), ``.points`` (-100..100), ``.ci_low``/``.ci_high``,
        ``.centre``, ``.se``, the counts and ``n``; ``.summary`` has them as a
        one-row table (with ``*_points`` columns); ``.plot()``.

    Raises
    ------
    ValueError
        When an answer is not a whole number from 0 to 10 (the message names
        the value and its position).
    InsufficientDataError
        When no valid answer is left.

    Examples
    --------
    >>> result = nps([10] * 50 + [7] * 30 + [3] * 20)
    >>> round(result.value, 3), round(result.ci_low, 3), round(result.ci_high, 3)
    (0.3, 0.141, 0.442)
    >>> result
    <NPSResult: NPS +30.0 (95% CI +14.1 to +44.2, adjusted_wald), n=100>
    """
    check_argument("method", NPS_METHODS, method)
    if is_dask(scores):
        from ..scale.metrics import dask_nps_counts

        (counts,) = dask_nps_counts(scores)
        return NPSResult(**counts, method=method, confidence=confidence, n_boot=n_boot,
                         random_state=random_state)
    values, n_missing = _as_scores(scores, name="scores", low=0, high=10, whole=True)
    return NPSResult(
        promoters=int((values >= PROMOTER_MIN).sum()),
        passives=int(((values > DETRACTOR_MAX) & (values < PROMOTER_MIN)).sum()),
        detractors=int((values <= DETRACTOR_MAX).sum()),
        method=method, confidence=confidence, n_missing=n_missing, n_boot=n_boot,
        random_state=random_state,
    )


def nps_diff_arrays(
    pro1: np.ndarray, det1: np.ndarray, n1: np.ndarray,
    pro2: np.ndarray, det2: np.ndarray, n2: np.ndarray,
    *, method: str = "adjusted_wald", confidence: float = 0.95,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Vectorised NPS difference: ``(delta, se, ci_low, ci_high, p_value)``.

    ``delta`` is NPS_1 − NPS_2 and ``se`` its Wald SE (SOURCES.md §3.3); the
    p-value is the two-sided z-test Δ/SE_Δ. The interval is Wald, or for
    ``adjusted_wald`` the same variance sum with Rocks' adjustment applied to
    each sample and centred on NPS'_1 − NPS'_2, clipped to [-2, 2].
    """
    from scipy import stats

    z = z_value(confidence)
    c1, s1, _, _ = nps_interval(pro1, det1, n1, method="wald", confidence=confidence)
    c2, s2, _, _ = nps_interval(pro2, det2, n2, method="wald", confidence=confidence)
    delta = c1 - c2
    se = np.sqrt(s1**2 + s2**2)
    with np.errstate(invalid="ignore", divide="ignore"):
        stat = delta / se
    p = np.where(se > 0, 2.0 * stats.norm.sf(np.abs(stat)), np.where(delta == 0, 1.0, 0.0))
    p = np.where(np.isnan(delta), np.nan, p)
    if method == "adjusted_wald":
        a1, t1, _, _ = nps_interval(pro1, det1, n1, method=method, confidence=confidence)
        a2, t2, _, _ = nps_interval(pro2, det2, n2, method=method, confidence=confidence)
        centre, width = a1 - a2, z * np.sqrt(t1**2 + t2**2)
    else:
        check_argument("method", ["adjusted_wald", "wald"], method)
        centre, width = delta, z * se
    low = np.clip(centre - width, -2.0, 2.0)
    high = np.clip(centre + width, -2.0, 2.0)
    return delta, se, low, high, p


class NPSDiffResult(Result):
    """Difference of the NPS of two independent samples (``a`` minus ``b``).

    Attributes
    ----------
    a, b : NPSResult
        The two samples.
    difference : float
        NPS_a − NPS_b (fraction scale, -2..2).
    ci_low, ci_high : float
        Interval of the difference.
    se, z, p_value : float
        Wald standard error of the difference, z statistic and two-sided p-value.
    """

    _title = "NPS difference"

    def __init__(self, a: NPSResult, b: NPSResult, *, method: str, confidence: float) -> None:
        self.a, self.b = a, b
        self.method, self.confidence = method, confidence
        delta, se, low, high, p = nps_diff_arrays(
            np.array(a.promoters), np.array(a.detractors), np.array(a.n),
            np.array(b.promoters), np.array(b.detractors), np.array(b.n),
            method=method, confidence=confidence,
        )
        self.difference, self.se = float(delta), float(se)
        self.ci_low, self.ci_high, self.p_value = float(low), float(high), float(p)
        self.z = self.difference / self.se if self.se > 0 else float("nan")

    def _summary(self) -> pd.DataFrame:
        return pd.DataFrame([{
            "nps_a": self.a.value, "nps_b": self.b.value, "difference": self.difference,
            "difference_points": 100 * self.difference,
            "ci_low": self.ci_low, "ci_high": self.ci_high,
            "ci_low_points": 100 * self.ci_low, "ci_high_points": 100 * self.ci_high,
            "se": self.se, "z": self.z, "p_value": self.p_value,
            "n_a": self.a.n, "n_b": self.b.n, "method": self.method,
            "confidence": self.confidence,
        }])

    def _headline(self) -> str:
        pct = round(100 * self.confidence)
        return (f"NPS difference {100 * self.difference:+.1f} points ({pct}% CI "
                f"{100 * self.ci_low:+.1f} to {100 * self.ci_high:+.1f}), p={self.p_value:.3g}")

    def plot(self, ax: Axes | None = None, **kwargs: Any) -> Axes:
        """The two NPS values with their intervals, in points."""
        import matplotlib.pyplot as plt

        if ax is None:
            _, ax = plt.subplots(figsize=(4, 3))
        values = [self.a, self.b]
        ax.errorbar(
            [0, 1], [r.points for r in values],
            yerr=[[r.points - 100 * r.ci_low for r in values],
                  [100 * r.ci_high - r.points for r in values]],
            fmt="o", color="#0072B2", capsize=4, **kwargs,
        )
        ax.set_xticks([0, 1], ["a", "b"])
        ax.set_xlim(-0.5, 1.5)
        ax.set_ylabel("NPS (points)")
        ax.set_title(self._headline(), fontsize="small")
        return ax


def nps_diff(
    a: ScoresLike | NPSResult,
    b: ScoresLike | NPSResult,
    *,
    method: str = "adjusted_wald",
    confidence: float = 0.95,
) -> NPSDiffResult:
    """Difference between the NPS of two independent samples, with interval and p-value.

    Parameters
    ----------
    a, b : Series, Dask Series, array-like of 0-10 answers, or NPSResult
        The two samples (missing answers dropped); two Dask Series are counted
        in one pass. For paired or panel data use
        a bootstrap on respondents instead (SOURCES.md §3.3).
    method : {"adjusted_wald", "wald"}, default="adjusted_wald"
        Wald: Δ ± z·sqrt(Var_a/n_a + Var_b/n_b) (SOURCES.md §3.3). Adjusted
        Wald: the same variance sum with Rocks' (2016) adjustment (0.75 added
        to promoters and detractors, 3 to n) applied to each sample, centred
        on NPS'_a − NPS'_b.
    confidence : float, default=0.95

    Returns
    -------
    NPSDiffResult
        ``.difference`` (NPS_a − NPS_b), ``.ci_low``/``.ci_high``, ``.se``,
        ``.z`` and ``.p_value`` of the two-sided z-test Δ/SE_Δ (unadjusted SE).

    Examples
    --------
    >>> a = [10] * 50 + [7] * 30 + [3] * 20
    >>> b = [10] * 40 + [7] * 30 + [3] * 30
    >>> d = nps_diff(a, b)
    >>> round(d.difference, 3), round(d.se, 5), round(d.z, 3)
    (0.2, 0.11402, 1.754)
    """
    check_argument("method", ["adjusted_wald", "wald"], method)
    confidence = check_confidence(confidence)
    if is_dask(a) and is_dask(b):  # both counted in one pass over the data
        from ..scale.metrics import dask_nps_counts

        ca, cb = dask_nps_counts(a, b)
        ra = NPSResult(**ca, method=method, confidence=confidence)
        rb = NPSResult(**cb, method=method, confidence=confidence)
        return NPSDiffResult(ra, rb, method=method, confidence=confidence)
    ra = a if isinstance(a, NPSResult) else nps(a, method=method, confidence=confidence)
    rb = b if isinstance(b, NPSResult) else nps(b, method=method, confidence=confidence)
    return NPSDiffResult(ra, rb, method=method, confidence=confidence)


class ScoreResult(Result):
    """A CSAT share or a CES mean with its interval (see :func:`csat`, :func:`ces`)."""

    _title = "Score"

    def __init__(self, *, metric: str, value: float, ci_low: float, ci_high: float, n: int,
                 n_missing: int, method: str, confidence: float) -> None:
        self.metric, self.value, self.ci_low, self.ci_high = metric, value, ci_low, ci_high
        self.n, self.n_missing, self.method, self.confidence = n, n_missing, method, confidence

    def _summary(self) -> pd.DataFrame:
        return pd.DataFrame([{
            "metric": self.metric, "value": self.value, "ci_low": self.ci_low,
            "ci_high": self.ci_high, "n": self.n, "n_missing": self.n_missing,
            "method": self.method, "confidence": self.confidence,
        }])

    def _headline(self) -> str:
        pct = round(100 * self.confidence)
        return (f"{self.metric} {self.value:.3f} ({pct}% CI {self.ci_low:.3f} to "
                f"{self.ci_high:.3f}, {self.method}), n={self.n}")

    def plot(self, ax: Axes | None = None, **kwargs: Any) -> Axes:
        """The value with its interval as one point and error bar."""
        import matplotlib.pyplot as plt

        if ax is None:
            _, ax = plt.subplots(figsize=(3, 3))
        ax.errorbar([0], [self.value], yerr=[[self.value - self.ci_low],
                                             [self.ci_high - self.value]],
                    fmt="o", color="#0072B2", capsize=4, **kwargs)
        ax.set_xticks([0], [self.metric])
        ax.set_title(self._headline(), fontsize="small")
        return ax


def _insufficient(metric: str, n_missing: int) -> Exception:
    from ..exceptions import InsufficientDataError

    return InsufficientDataError(
        f"{metric} needs at least one valid answer, but none was given "
        f"({n_missing} missing value(s) dropped)."
    )


def csat(
    scores: ScoresLike,
    *,
    satisfied_from: float = 4,
    scale: tuple[float, float] = (1, 5),
    confidence: float = 0.95,
) -> ScoreResult:
    """CSAT as the share of satisfied answers (4 or 5 on a 1-5 scale) with a Wilson interval.

    Parameters
    ----------
    scores : Series or array-like
        Satisfaction answers on ``scale``; missing values dropped and counted.
    satisfied_from : float, default=4
        Lowest answer that counts as satisfied ("top-2 box" on 1-5).
    scale : (low, high), default=(1, 5)
        Allowed range; other values raise a ValueError naming value and position.
    confidence : float, default=0.95

    Returns
    -------
    ScoreResult
        ``value`` (share 0..1), Wilson ``ci_low``/``ci_high``, ``n``, ``n_missing``.

    Examples
    --------
    >>> r = csat([5, 4, 4, 2, 1, 5, 3, 4])
    >>> round(r.value, 3), r.n
    (0.625, 8)
    """
    confidence = check_confidence(confidence)
    values, n_missing = _as_scores(scores, name="scores", low=scale[0], high=scale[1],
                                   whole=False)
    if len(values) == 0:
        raise _insufficient("CSAT", n_missing)
    k = float((values >= satisfied_from).sum())
    low, high = wilson_interval(k, len(values), confidence)
    return ScoreResult(metric="csat", value=k / len(values), ci_low=float(low),
                       ci_high=float(high), n=len(values), n_missing=n_missing,
                       method="wilson", confidence=confidence)


def ces(
    scores: ScoresLike,
    *,
    scale: tuple[float, float] = (1, 7),
    confidence: float = 0.95,
) -> ScoreResult:
    """Customer effort score: the mean answer (1-7, 7 = very easy) with a Student-t interval.

    Parameters
    ----------
    scores : Series or array-like
        Effort answers on ``scale``; missing values dropped and counted.
    scale : (low, high), default=(1, 7)
    confidence : float, default=0.95

    Returns
    -------
    ScoreResult
        ``value`` (mean), t-interval ``ci_low``/``ci_high`` (NaN for n < 2), ``n``.

    Examples
    --------
    >>> r = ces([7, 6, 5, 7, 2])
    >>> round(r.value, 2), r.n
    (5.4, 5)
    """
    confidence = check_confidence(confidence)
    values, n_missing = _as_scores(scores, name="scores", low=scale[0], high=scale[1],
                                   whole=False)
    if len(values) == 0:
        raise _insufficient("CES", n_missing)
    sd = float(values.std(ddof=1)) if len(values) > 1 else float("nan")
    low, high = mean_interval(values.mean(), sd, len(values), confidence)
    return ScoreResult(metric="ces", value=float(values.mean()), ci_low=float(low),
                       ci_high=float(high), n=len(values), n_missing=n_missing,
                       method="t", confidence=confidence)
