"""``effect_of_empathy``: a regression of an outcome on reply empathy, given named controls."""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
from scipy import stats

from .._results import Result
from .._validation import check_argument, check_columns
from ..metrics._stats import wilson_interval
from ._design import (
    as_list,
    complete_rows,
    control_matrix,
    numeric_column,
    reference_levels,
    require_rows,
)

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["EmpathyEffect", "effect_of_empathy"]

KINDS = ("auto", "logistic", "linear")


def effect_of_empathy(
    df: pd.DataFrame,
    outcome: str,
    *,
    treatment: str = "empathy",
    controls: str | Sequence[str] | None = None,
    kind: str = "auto",
    cluster: str | None = None,
    per: float = 1.0,
    contrast: tuple[float, float] | None = None,
    bins: int = 5,
    ci: float = 0.95,
    n_sim: int = 2000,
    random_state: int | np.random.Generator | None = None,
) -> EmpathyEffect:
    """How an outcome goes with reply empathy, adjusted for the controls you name.

    Fits a logistic regression (binary outcomes: repurchase, churn) or a linear one
    (spend, NPS answer) of ``outcome`` on ``treatment`` and ``controls`` with
    statsmodels. The coefficient is an **association** given those controls, not a
    causal effect: customers who get empathic replies may differ in ways no column
    records (how severe their problem was, who answers surveys).

    Parameters
    ----------
    df : pandas.DataFrame
        One row per customer (e.g. from :func:`link_outcomes`).
    outcome : str
        Outcome column: boolean or 0/1 for a logistic model, numeric for a linear one.
    treatment : str, default="empathy"
        Numeric exposure column (e.g. ``empathy_mean``).
    controls : str or list of str, optional
        Columns to adjust for (numbers, booleans, categories); named in every output.
    kind : {"auto", "logistic", "linear"}, default="auto"
        ``auto`` picks logistic when the outcome has only the values 0 and 1.
    cluster : str, optional
        Column of a unit that repeats (customer, agent): cluster-robust standard
        errors. Without it, linear models use HC3 robust errors and logistic models
        the usual maximum-likelihood ones.
    per : float, default=1.0
        Report the coefficient per this many units of ``treatment`` (``per=10`` for
        "per 10 empathy points").
    contrast : (low, high), optional
        Two treatment values to compare by standardisation (every customer's outcome
        predicted at ``low`` and at ``high``, their controls as observed): mean
        outcomes, their ratio and difference with simulation intervals. Default: the
        25th and 75th percentile of ``treatment``.
    bins : int, default=5
        Quantile bands of ``treatment`` for the dose-response table (quintiles).
    ci : float, default=0.95
        Confidence level.
    n_sim : int, default=2000
        Draws of the coefficients from their estimated sampling distribution for the
        intervals of the contrast and of the adjusted dose-response.
    random_state : int or numpy Generator, optional
        Seed for those draws.

    Returns
    -------
    EmpathyEffect
        ``.summary`` (the treatment row), ``.coefficients`` (every term: ``coef``,
        ``std_err``, ``ci_low``, ``ci_high``, ``p_value`` and, for logistic models,
        ``odds_ratio``, ``or_ci_low``, ``or_ci_high``), ``.dose_response``,
        ``.contrast``, ``.plot()``; and ``coef``, ``ci_low``, ``ci_high``,
        ``outcome``, ``per``, ``scale`` for :func:`empathylab.wom.scenario` (name the
        outcome column ``promoter`` or ``detractor`` to chain it directly).

    Examples
    --------
    >>> import numpy as np
    >>> from empathylab.datasets import load_sample
    >>> customers = load_sample("customers").assign(
    ...     log_tenure=lambda d: np.log1p(d["tenure_months"]))
    >>> fit = effect_of_empathy(customers, "repurchase_90d", treatment="true_empathy_exposure",
    ...                         controls=["segment", "log_tenure", "true_mean_severity"],
    ...                         random_state=0)
    >>> fit.kind
    'logistic'
    >>> bool(fit.ci_low < 0.8 < fit.ci_high)  # the planted log-odds per level
    True
    """
    check_argument("kind", KINDS, kind)
    ctrl = as_list(controls)
    if treatment in ctrl or outcome in ctrl or treatment == outcome:
        raise ValueError("`outcome`, `treatment` and `controls` must be different columns.")
    check_columns(df, [outcome, treatment, *ctrl] + as_list(cluster))
    if not 0 < ci < 1:
        raise ValueError(f"`ci` must be between 0 and 1, but {ci!r} was passed.")
    if not per > 0:
        raise ValueError(f"`per` must be positive, but {per!r} was passed.")
    if not isinstance(bins, int | np.integer) or bins < 2:
        raise ValueError(f"`bins` must be an integer >= 2, but {bins!r} was passed.")
    keep = complete_rows(df, [outcome, treatment, *ctrl] + as_list(cluster),
                         func="effect_of_empathy")
    data = df.loc[keep]
    y = numeric_column(data, outcome, param="outcome")
    x = numeric_column(data, treatment, param="treatment")
    binary = bool(np.isin(np.unique(y), [0.0, 1.0]).all())
    if kind == "auto":
        kind = "logistic" if binary else "linear"
    if kind == "logistic" and not binary:
        raise ValueError(
            f"kind='logistic' needs a 0/1 or boolean outcome, but {outcome!r} has other "
            "values; use kind='linear'."
        )
    z, znames = control_matrix(data, ctrl)
    design = np.column_stack([np.ones(len(data)), x, z])
    names = ["intercept", treatment, *znames]
    require_rows(len(data), design.shape[1] + 10, what="effect_of_empathy")
    if np.nanstd(x) == 0:
        raise ValueError(f"`treatment` column {treatment!r} is constant; nothing to estimate.")
    groups = pd.factorize(data[cluster])[0] if cluster else None
    params, cov = _fit(y, design, kind, groups)
    low_high = contrast if contrast is not None else tuple(np.quantile(x, [0.25, 0.75]))
    return EmpathyEffect(
        outcome=outcome,
        treatment=treatment,
        controls=ctrl,
        references=reference_levels(data, ctrl),
        kind=kind,
        names=names,
        params=params,
        cov=cov,
        design=design,
        y=y,
        n_dropped=int((~keep).sum()),
        cluster=cluster,
        per=float(per),
        contrast_at=(float(low_high[0]), float(low_high[1])),
        bins=int(bins),
        ci=float(ci),
        n_sim=int(n_sim),
        rng=np.random.default_rng(random_state),
    )


def _fit(
    y: np.ndarray, design: np.ndarray, kind: str, groups: np.ndarray | None
) -> tuple[np.ndarray, np.ndarray]:
    import statsmodels.api as sm
    from statsmodels.tools.sm_exceptions import ConvergenceWarning, PerfectSeparationWarning

    if kind == "logistic":
        model = sm.Logit(y, design)
        cov_kw: dict[str, Any] = (
            {"cov_type": "cluster", "cov_kwds": {"groups": groups}} if groups is not None else {}
        )
        with warnings.catch_warnings():
            warnings.simplefilter("error", PerfectSeparationWarning)
            warnings.simplefilter("ignore", ConvergenceWarning)
            try:
                result = model.fit(disp=False, maxiter=200, **cov_kw)
            except PerfectSeparationWarning as exc:
                raise ValueError(
                    "the outcome is perfectly predicted by the treatment or a control "
                    "(perfect separation); the odds ratio is infinite. Drop that control "
                    "or use kind='linear'."
                ) from exc
        if not result.mle_retvals.get("converged", True):
            warnings.warn(
                "effect_of_empathy: the logistic fit did not converge; treat the "
                "coefficients with caution.",
                UserWarning,
                stacklevel=3,
            )
    else:
        model = sm.OLS(y, design)
        if groups is not None:
            result = model.fit(cov_type="cluster", cov_kwds={"groups": groups})
        else:
            result = model.fit(cov_type="HC3")
    return np.asarray(result.params), np.asarray(result.cov_params())


class EmpathyEffect(Result):
    """The fitted association of an outcome with reply empathy (see :func:`effect_of_empathy`).

    Attributes
    ----------
    coef, ci_low, ci_high : float
        Treatment coefficient per ``per`` units (log-odds for logistic, outcome
        units for linear) and its interval.
    outcome, treatment, kind : str
    controls : list of str
    """

    _title = "Association of empathy with an outcome"

    def __init__(self, *, outcome: str, treatment: str, controls: list[str],
                 references: dict[str, str], kind: str, names: list[str], params: np.ndarray,
                 cov: np.ndarray, design: np.ndarray, y: np.ndarray, n_dropped: int,
                 cluster: str | None, per: float, contrast_at: tuple[float, float], bins: int,
                 ci: float, n_sim: int, rng: np.random.Generator) -> None:
        self.outcome, self.treatment, self.controls = outcome, treatment, controls
        self.references, self.kind, self.cluster = references, kind, cluster
        self._names, self._params, self._cov = names, params, cov
        self._design, self._y = design, y
        self.n, self.n_dropped, self.per = len(y), n_dropped, per
        self.contrast_at, self._bins, self.ci = contrast_at, bins, ci
        self._zcrit = float(stats.norm.ppf(0.5 + ci / 2))
        se = float(np.sqrt(cov[1, 1]))
        self.coef = float(params[1] * per)
        self.ci_low = self.coef - self._zcrit * se * per
        self.ci_high = self.coef + self._zcrit * se * per
        self.p_value = float(2 * stats.norm.sf(abs(params[1] / se)))
        self._draws = rng.multivariate_normal(params, cov, size=n_sim, method="svd")

    @property
    def scale(self) -> str:
        """``"log_odds"`` for a logistic fit, else ``"probability"`` (read by wom.scenario).

        A linear fit is on the outcome's own units; :func:`empathylab.wom.scenario`
        reads it as a change in probability, which is right for a 0/1 outcome only.
        """
        return "log_odds" if self.kind == "logistic" else "probability"

    # -- tables -------------------------------------------------------------------
    @property
    def coefficients(self) -> pd.DataFrame:
        """Every term of the model: coefficient, standard error, interval, p-value."""
        se = np.sqrt(np.diag(self._cov))
        scale = np.ones(len(self._params))
        scale[1] = self.per
        coef = self._params * scale
        table = pd.DataFrame({
            "term": self._names,
            "coef": coef,
            "std_err": se * scale,
            "ci_low": coef - self._zcrit * se * scale,
            "ci_high": coef + self._zcrit * se * scale,
            "p_value": 2 * stats.norm.sf(np.abs(self._params / se)),
        })
        logistic = self.kind == "logistic"
        for col, src in (("odds_ratio", "coef"), ("or_ci_low", "ci_low"),
                         ("or_ci_high", "ci_high")):
            table[col] = np.exp(table[src]) if logistic else np.nan
        return table

    @property
    def contrast(self) -> pd.DataFrame:
        """Mean outcome with everyone set to ``low`` vs ``high`` treatment, ratio and difference."""
        low, high = self.contrast_at
        at_low = self._standardised(low)
        at_high = self._standardised(high)
        rows = []
        for name, values in (
            ("mean_at_low", at_low),
            ("mean_at_high", at_high),
            ("ratio", at_high / at_low),
            ("difference", at_high - at_low),
        ):
            point = float(values[0])
            lo, hi = np.quantile(values[1:], [0.5 - self.ci / 2, 0.5 + self.ci / 2])
            rows.append({"quantity": name, "estimate": point, "ci_low": lo, "ci_high": hi})
        table = pd.DataFrame(rows)
        table.insert(0, "treatment_low", low)
        table.insert(1, "treatment_high", high)
        return table

    @property
    def dose_response(self) -> pd.DataFrame:
        """Outcome per quantile band of the treatment: observed mean and model-adjusted mean."""
        x = self._design[:, 1]
        bands = pd.qcut(x, self._bins, duplicates="drop")
        codes = np.asarray(pd.Categorical(bands).codes)
        rows = []
        for code, interval in enumerate(pd.Categorical(bands).categories):
            sel = codes == code
            yb, xb = self._y[sel], x[sel]
            n = int(sel.sum())
            mean = float(yb.mean())
            if self.kind == "logistic":
                lo, hi = (float(v) for v in wilson_interval(yb.sum(), n, self.ci))
            else:
                half = stats.t.ppf(0.5 + self.ci / 2, max(n - 1, 1)) * yb.std(ddof=1) / np.sqrt(n)
                lo, hi = mean - half, mean + half
            adjusted = self._standardised(float(np.median(xb)))
            alo, ahi = np.quantile(adjusted[1:], [0.5 - self.ci / 2, 0.5 + self.ci / 2])
            rows.append({
                "band": code + 1,
                "treatment_low": float(xb.min()),
                "treatment_high": float(xb.max()),
                "treatment_median": float(np.median(xb)),
                "n": n,
                "observed": mean,
                "observed_ci_low": lo,
                "observed_ci_high": hi,
                "adjusted": float(adjusted[0]),
                "adjusted_ci_low": alo,
                "adjusted_ci_high": ahi,
            })
            del interval
        return pd.DataFrame(rows)

    def _standardised(self, value: float) -> np.ndarray:
        """Mean prediction with the treatment set to ``value``: the fit, then each draw."""
        design = self._design.copy()
        design[:, 1] = value
        betas = np.vstack([self._params, self._draws])
        eta = design @ betas.T
        pred = 1 / (1 + np.exp(-eta)) if self.kind == "logistic" else eta
        return pred.mean(axis=0)

    def _summary(self) -> pd.DataFrame:
        row = self.coefficients.iloc[[1]].reset_index(drop=True)
        row.insert(0, "outcome", self.outcome)
        row.insert(1, "model", self.kind)
        row["per"] = self.per
        row["n"] = self.n
        row["controls"] = ", ".join(self.controls)
        return row

    def _headline(self) -> str:
        unit = f"{self.per:g} " if self.per != 1 else ""
        if self.kind == "logistic":
            what = (f"odds ratio {np.exp(self.coef):.2f} [{np.exp(self.ci_low):.2f}, "
                    f"{np.exp(self.ci_high):.2f}]")
        else:
            what = f"{self.coef:+.3g} [{self.ci_low:+.3g}, {self.ci_high:+.3g}]"
        given = ", ".join(self.controls) if self.controls else "no controls"
        return (f"{self.outcome} per {unit}{self.treatment}: {what}, adjusted for {given} "
                f"(n={self.n:,}). An association, not a causal effect.")

    def _sections(self) -> list[tuple[str, pd.DataFrame]]:
        return [
            ("Coefficients", self.coefficients),
            ("Standardised contrast", self.contrast),
            ("Dose-response by treatment band", self.dose_response),
            ("Notes", self.notes),
        ]

    @property
    def notes(self) -> pd.DataFrame:
        """What the estimate rests on: model, controls and references, dropped rows, caveat."""
        refs = "; ".join(f"{k} = {v}" for k, v in self.references.items())
        errors = (f"cluster-robust by {self.cluster}" if self.cluster
                  else ("HC3 robust" if self.kind == "linear" else "maximum likelihood"))
        items = [
            ("model", f"{self.kind} regression of {self.outcome} (statsmodels)"),
            ("controls", ", ".join(self.controls) or "none"),
            ("reference levels", refs or "none"),
            ("standard errors", errors),
            ("rows left out (missing values)", str(self.n_dropped)),
            ("caveat", "association given the named controls: unmeasured differences between "
                       "customers (problem severity, who answers surveys) can bias it"),
        ]
        return pd.DataFrame(items, columns=["item", "value"])

    def plot(self, ax: Axes | None = None, **kwargs: Any) -> Axes:
        """Dose-response: observed mean per band (with CI) and the adjusted curve."""
        import matplotlib.pyplot as plt

        if ax is None:
            _, ax = plt.subplots(figsize=(6, 4))
        table = self.dose_response
        x = table["treatment_median"]
        ax.errorbar(
            x,
            table["observed"],
            yerr=[table["observed"] - table["observed_ci_low"],
                  table["observed_ci_high"] - table["observed"]],
            fmt="o",
            color="#0072B2",
            capsize=3,
            label="observed (95% CI)" if self.ci == 0.95 else f"observed ({self.ci:.0%} CI)",
        )
        ax.plot(x, table["adjusted"], color="#D55E00", label="adjusted for controls")
        ax.fill_between(x, table["adjusted_ci_low"], table["adjusted_ci_high"],
                        color="#D55E00", alpha=0.15)
        ax.set_xlabel(f"{self.treatment} (band median)")
        ax.set_ylabel(self.outcome)
        ax.set_title("Association, not causation", fontsize="small")
        ax.legend(frameon=False, fontsize="small")
        return ax

