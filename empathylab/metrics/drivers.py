"""``key_drivers()``: which touchpoints or topics move NPS, satisfaction or sentiment."""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .._results import Result
from .._validation import check_columns
from ..exceptions import DataQualityWarning, InsufficientDataError, SmallSampleWarning
from ._stats import bh_adjust, check_confidence, proportion_diff, welch_diff
from .nps import DETRACTOR_MAX, PROMOTER_MIN, _as_scores, nps_diff_arrays
from .touchpoint_metrics import _is_listlike, _list_valued

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["KeyDriversResult", "key_drivers"]

_NPS_OUTCOMES = ("nps", "nps_score", "promoter", "detractor")


def _outcome(data: pd.DataFrame, outcome: str) -> tuple[pd.Series, str]:
    """The outcome per row and its kind: ``nps`` (+1/0/-1), ``binary`` or ``continuous``."""
    if outcome in _NPS_OUTCOMES:
        check_columns(data, ["nps"], param="outcome")
        _as_scores(data["nps"], name="column 'nps'", low=0, high=10, whole=True)
        score = pd.to_numeric(data["nps"], errors="coerce").astype("float64")
        if outcome == "nps_score":
            return score, "continuous"
        if outcome == "promoter":
            return (score >= PROMOTER_MIN).astype(float).where(score.notna()), "binary"
        if outcome == "detractor":
            return (score <= DETRACTOR_MAX).astype(float).where(score.notna()), "binary"
        coded = np.select([score >= PROMOTER_MIN, score > DETRACTOR_MAX], [1.0, 0.0], -1.0)
        return pd.Series(coded, index=data.index).where(score.notna()), "nps"
    check_columns(data, [outcome], param="outcome")
    column = data[outcome]
    if column.dtype == bool or str(column.dtype) == "boolean":
        return column.astype("float64"), "binary"
    values = pd.to_numeric(column, errors="coerce").astype("float64")
    bad = values.isna() & column.notna()
    if bad.any():
        where = column.index[bad.to_numpy()][0]
        raise ValueError(
            f"outcome column {outcome!r} must be numeric, but {column[where]!r} was found at "
            f"row {where!r}. Pass a numeric column (e.g. 'compound', 'csat') or one of "
            f"{list(_NPS_OUTCOMES)}."
        )
    kind = "binary" if set(values.dropna().unique()) <= {0.0, 1.0} else "continuous"
    return values, kind


def _driver_matrix(
    data: pd.DataFrame,
    drivers: str | Sequence[str] | pd.DataFrame,
    threshold: float,
) -> pd.DataFrame:
    """0/1 mentions per row (index of ``data``) and driver (columns)."""
    if isinstance(drivers, pd.DataFrame):
        frame = drivers.reindex(data.index)
        if frame.isna().all(axis=1).sum() > 0 and not drivers.index.isin(data.index).all():
            raise ValueError(
                "the `drivers` DataFrame must share the index of `df` (one row per message); "
                f"{int((~drivers.index.isin(data.index)).sum())} of its index labels are "
                "not in `df`."
            )
        return _mentions(frame, threshold)
    if isinstance(drivers, str):
        if drivers == "touchpoint" and drivers not in data and "touchpoints" in data:
            drivers = "touchpoints"  # the list column of assign_touchpoints
        check_columns(data, [drivers], param="drivers")
        column = data[drivers]
        if _list_valued(column):
            lists = column.map(lambda v: list(v) if _is_listlike(v) else
                               ([] if v is None or (isinstance(v, float) and np.isnan(v))
                                else [v]))
            exploded = lists.explode().dropna()
            dummies = pd.crosstab(exploded.index, exploded.astype(str)).clip(upper=1)
            return dummies.reindex(data.index, fill_value=0).astype(float).rename_axis(
                columns=None)
        if pd.api.types.is_numeric_dtype(column) or column.dtype == bool:
            return _mentions(data[[drivers]], threshold)
        return pd.get_dummies(column.astype("string"), dtype=float).reindex(
            data.index, fill_value=0.0)
    columns = list(drivers)
    check_columns(data, columns, param="drivers")
    return _mentions(data[columns], threshold)


def _mentions(frame: pd.DataFrame, threshold: float) -> pd.DataFrame:
    out = {}
    for col in frame.columns:
        column = frame[col]
        if column.dtype == bool or str(column.dtype) == "boolean":
            column = column.astype("float64")
        values = pd.to_numeric(column, errors="coerce")
        if values.isna().all() and frame[col].notna().any():
            raise ValueError(
                f"driver column {col!r} must be numeric (topic weights or 0/1 dummies) or "
                "boolean; pass a text column by name to get one dummy per value."
            )
        out[str(col)] = (values.fillna(0.0) > threshold).astype(float)
    return pd.DataFrame(out, index=frame.index)


def _regression(y: np.ndarray, x: pd.DataFrame, kind: str, confidence: float,
                cov_type: str) -> tuple[pd.DataFrame, Any, str | None]:
    """Coefficients (coef, ci, p) per driver; a reference driver is dropped when needed."""
    import statsmodels.api as sm

    reference = None
    design = x.copy()
    full = np.column_stack([np.ones(len(design)), design.to_numpy()])
    if np.linalg.matrix_rank(full) < full.shape[1] and design.shape[1] > 1:
        # the dummies partition the rows (one driver per row): the largest is the reference
        reference = str(design.sum().idxmax())
        design = design.drop(columns=reference)
    exog = sm.add_constant(design, has_constant="add")
    alpha = 1.0 - confidence
    from statsmodels.tools.sm_exceptions import (
        ConvergenceWarning,
        PerfectSeparationError,
        PerfectSeparationWarning,
    )

    problem = None
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            if kind == "binary":
                model = sm.Logit(y, exog).fit(disp=0, maxiter=200)
            else:
                model = sm.OLS(y, exog).fit(cov_type=cov_type)
        if any(issubclass(w.category, PerfectSeparationWarning | ConvergenceWarning)
               for w in caught):
            problem = ("the logistic model did not converge (a driver predicts the outcome "
                       "perfectly or almost)")
    except (np.linalg.LinAlgError, ValueError, PerfectSeparationError) as exc:
        problem = f"the multivariable model could not be fitted ({exc})"
    if problem is not None:
        warnings.warn(f"{problem}; the coef columns are NA, the with-vs-without effects "
                      "stand.", DataQualityWarning, stacklevel=3)
        empty = pd.DataFrame(index=[str(c) for c in x.columns],
                             columns=["coef", "coef_ci_low", "coef_ci_high", "coef_p_value"],
                             dtype=float)
        return empty, None, reference
    ci = model.conf_int(alpha=alpha)
    table = pd.DataFrame({
        "coef": model.params, "coef_ci_low": ci.iloc[:, 0], "coef_ci_high": ci.iloc[:, 1],
        "coef_p_value": model.pvalues,
    }).drop(index="const")
    return table.reindex([str(c) for c in x.columns]), model, reference


class KeyDriversResult(Result):
    """Effect of each driver (touchpoint or topic) on an outcome; see :func:`key_drivers`.

    Attributes
    ----------
    outcome : str
        The outcome analysed; ``outcome_kind`` is ``nps``, ``binary`` or ``continuous``.
    n : int
        Rows with an outcome.
    model : statsmodels results or None
        The multivariable fit (OLS with robust SEs, or logistic for a binary outcome).
    reference : str or None
        The driver left out of the model because the drivers partition the rows.
    """

    _title = "Key drivers"

    def __init__(self, table: pd.DataFrame, *, outcome: str, outcome_kind: str, n: int,
                 model: Any, reference: str | None, confidence: float) -> None:
        self._table = table
        self.outcome, self.outcome_kind, self.n = outcome, outcome_kind, n
        self.model, self.reference, self.confidence = model, reference, confidence

    def _summary(self) -> pd.DataFrame:
        return self._table.copy()

    def _headline(self) -> str:
        table = self._table.dropna(subset=["impact"])
        if table.empty:
            return f"{len(self._table)} drivers of {self.outcome}, n={self.n}"
        top = table.loc[table["impact"].abs().idxmax()]
        return (f"{len(self._table)} drivers of {self.outcome}, n={self.n}; largest impact: "
                f"{top['driver']} ({top['impact']:+.3f})")

    def plot(self, ax: Axes | None = None, **kwargs: Any) -> Axes:
        """Importance-performance quadrant plot.

        x: importance (the with-vs-without effect on the outcome); y: performance
        (mean outcome among the rows that mention the driver); point area
        proportional to the share of mentions; dashed lines at the medians split
        the four quadrants (bottom right: strong effect, weak performance).
        """
        import matplotlib.pyplot as plt

        if ax is None:
            _, ax = plt.subplots(figsize=(6, 5))
        table = self._table.dropna(subset=["effect", "mean_with"])
        sizes = 40 + 800 * table["share"].to_numpy(float)
        ax.scatter(table["effect"], table["mean_with"], s=sizes, color="#0072B2", alpha=0.7,
                   **kwargs)
        for row in table.itertuples():
            ax.annotate(str(row.driver), (row.effect, row.mean_with), fontsize="small",
                        xytext=(4, 4), textcoords="offset points")
        if len(table):
            ax.axvline(float(table["effect"].median()), color="#999999", linestyle="--")
            ax.axhline(float(table["mean_with"].median()), color="#999999", linestyle="--")
        ax.axvline(0.0, color="#000000", linewidth=0.5)
        ax.set_xlabel(f"importance: effect on {self.outcome} (with − without)")
        ax.set_ylabel(f"performance: mean {self.outcome} when mentioned")
        ax.set_title(self._headline(), fontsize="small")
        return ax


def key_drivers(
    df: pd.DataFrame,
    outcome: str = "nps",
    drivers: str | Sequence[str] | pd.DataFrame = "touchpoint",
    *,
    confidence: float = 0.95,
    min_n: int = 30,
    mention_threshold: float = 0.0,
    customer_roles: Sequence[str] = ("customer",),
    cov_type: str = "HC3",
) -> KeyDriversResult:
    """Which touchpoints or topics move an outcome, with effect sizes and intervals.

    For every driver two estimates are given: the difference in mean outcome
    between rows that mention it and rows that do not (a plain, unadjusted
    comparison), and its coefficient in one multivariable model of all drivers
    together (OLS with heteroscedasticity-robust HC3 standard errors; logistic
    regression, coefficients in log-odds, for a binary outcome). ``impact`` is
    share of mentions × effect, the "impact" of commercial CX dashboards: a
    driver that hurts a little but is everywhere can matter more than a rare
    one that hurts a lot. Observational data: effects are associations.

    Parameters
    ----------
    df : DataFrame
        Feedback; rows of customers (``author_role`` in ``customer_roles``, all
        rows when there is no such column) with an outcome are used.
    outcome : str, default="nps"
        ``"nps"`` (promoter +1, passive 0, detractor −1, so effects are NPS
        differences on the −1..1 scale with the adjusted Wald interval of
        :func:`empathylab.nps_diff`), ``"nps_score"`` (the 0-10 answer),
        ``"promoter"`` or ``"detractor"`` (binary), or a numeric column such as
        ``"compound"`` or ``"csat"`` (a 0/1 or boolean column is binary).
    drivers : str, list of str or DataFrame, default="touchpoint"
        A text column (one dummy per value), a list-valued column such as
        ``touchpoints`` (one dummy per key; a row can mention several; the
        default ``"touchpoint"`` falls back to it when there is no
        ``touchpoint`` column), a list
        of numeric columns, or a DataFrame of topic weights or dummies with the
        index of ``df``. Numeric values count as a mention when above
        ``mention_threshold``.
    confidence : float, default=0.95
    min_n : int, default=30
        Drivers mentioned by fewer rows (or absent from fewer) get ``small_sample``.
    mention_threshold : float, default=0.0
    customer_roles : sequence of str, default=("customer",)
    cov_type : str, default="HC3"
        statsmodels covariance type of the OLS fit.

    Returns
    -------
    KeyDriversResult
        ``.summary`` has one row per driver, sorted by absolute impact:
        ``driver``, ``n_mentions``, ``share``, ``mean_with``, ``mean_without``,
        ``effect`` (with − without), ``effect_ci_low``, ``effect_ci_high``,
        ``effect_p_value``, ``effect_p_adjusted`` (Benjamini-Hochberg),
        ``coef``, ``coef_ci_low``, ``coef_ci_high``, ``coef_p_value`` (when the
        drivers partition the rows, as a one-touchpoint-per-row column does,
        the most frequent driver is the reference: its coefficient is NA and the
        others are relative to it; ``.reference`` names it), ``impact``,
        ``small_sample``; ``.plot()`` draws the importance-performance quadrant.

    Examples
    --------
    >>> from empathylab.datasets import load_sample
    >>> result = key_drivers(load_sample("feedback_de"), outcome="nps", drivers="touchpoint")
    >>> result.summary.columns[:4].tolist()
    ['driver', 'n_mentions', 'share', 'mean_with']
    """
    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"`df` must be a pandas DataFrame, but {type(df).__name__} was passed.")
    confidence = check_confidence(confidence)
    y_all, kind = _outcome(df, outcome)
    rows = y_all.notna()
    if "author_role" in df.columns:
        rows &= df["author_role"].astype("string").isin(list(customer_roles)).fillna(False)
    matrix = _driver_matrix(df, drivers, mention_threshold).loc[rows]
    y = y_all[rows].to_numpy(dtype=float)
    n = len(y)
    if n < 3:
        raise InsufficientDataError(
            f"key_drivers needs at least 3 customer rows with an outcome ({outcome!r}), but "
            f"{n} were found."
        )
    constant = [c for c in matrix.columns if matrix[c].nunique() < 2]
    if constant:
        warnings.warn(
            f"drivers {constant} are mentioned by all or none of the {n} rows with an "
            "outcome; they are left out.", DataQualityWarning, stacklevel=2)
        matrix = matrix.drop(columns=constant)
    if matrix.shape[1] == 0:
        raise InsufficientDataError(
            "no driver varies across the rows with an outcome; check `drivers` and `outcome`."
        )
    x = matrix.to_numpy(dtype=float).astype(bool)
    with_n = x.sum(axis=0).astype(float)
    without_n = n - with_n
    yy = y[:, None]
    sum_with = (yy * x).sum(axis=0)
    sum_without = y.sum() - sum_with
    mean_with, mean_without = sum_with / with_n, sum_without / without_n
    if kind == "nps":
        pro = (y == 1.0)[:, None]
        det = (y == -1.0)[:, None]
        pw, dw = (pro & x).sum(axis=0), (det & x).sum(axis=0)
        po, do = pro.sum() - pw, det.sum() - dw
        effect, _, low, high, p = nps_diff_arrays(pw, dw, with_n, po, do, without_n,
                                                  confidence=confidence)
    elif kind == "binary":
        effect, low, high, p = proportion_diff(sum_with, with_n, sum_without, without_n,
                                               confidence)
    else:
        sq_with = ((yy**2) * x).sum(axis=0)
        sq_without = (y**2).sum() - sq_with
        with np.errstate(invalid="ignore", divide="ignore"):
            sd_with = np.sqrt(np.maximum(sq_with - with_n * mean_with**2, 0) / (with_n - 1))
            sd_without = np.sqrt(np.maximum(sq_without - without_n * mean_without**2, 0)
                                 / (without_n - 1))
        effect, low, high, p = welch_diff(mean_with, sd_with, with_n, mean_without, sd_without,
                                          without_n, confidence)
    coefs, model, reference = _regression(y, matrix, kind, confidence, cov_type)
    share = with_n / n
    table = pd.DataFrame({
        "driver": [str(c) for c in matrix.columns],
        "n_mentions": with_n.astype(int), "share": share,
        "mean_with": mean_with, "mean_without": mean_without,
        "effect": effect, "effect_ci_low": low, "effect_ci_high": high, "effect_p_value": p,
        "effect_p_adjusted": bh_adjust(p),
        "coef": coefs["coef"].to_numpy(float), "coef_ci_low": coefs["coef_ci_low"].to_numpy(float),
        "coef_ci_high": coefs["coef_ci_high"].to_numpy(float),
        "coef_p_value": coefs["coef_p_value"].to_numpy(float),
        "impact": share * effect,
        "small_sample": (with_n < min_n) | (without_n < min_n),
    })
    table = table.iloc[np.argsort(-np.abs(table["impact"].to_numpy()), kind="stable")]
    table = table.reset_index(drop=True)
    small = int(table["small_sample"].sum())
    if small:
        warnings.warn(
            f"{small} of {len(table)} drivers are mentioned (or not mentioned) by fewer than "
            f"min_n={min_n} rows; they are kept and flagged in `small_sample`.",
            SmallSampleWarning, stacklevel=2)
    return KeyDriversResult(table, outcome=outcome, outcome_kind=kind, n=n, model=model,
                            reference=reference, confidence=confidence)
