"""``scenario()``: what an improvement in reply empathy is worth through word of mouth.

An empathy-to-loyalty effect (a number with its interval, or a fitted result
of the loyalty module) turns an uplift in reply empathy into more promoters
and fewer detractors; the WOM model of the base estimate, with the same
parameter draws, turns that into value.

Effect protocol
---------------
``effect`` may be any object with these attributes (duck typing; the
loyalty module's ``effect_of_empathy`` result is meant to provide them):

``coef`` : float
    Change in the outcome per ``per`` empathy points.
``ci_low``, ``ci_high`` : float
    Bounds of its 95% confidence interval (``effect_level`` for another level).
``outcome`` : str
    ``"promoter"`` (coef changes the probability of being a promoter) or
    ``"detractor"`` (the probability of being a detractor). Other outcomes
    (e.g. ``"repurchase_90d"``) need ``as_outcome=`` to say which NPS share
    they are taken to move; that reading is then listed as an assumption.
``per`` : float, optional (default 1)
    Empathy points the coefficient refers to.
``scale`` : {"probability", "log_odds"}, optional (default "probability")
    ``log_odds`` for a logistic-regression coefficient.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .._results import Result
from .._validation import check_argument
from .model import evaluate
from .parameters import Parameter
from .result import COLOURS, LABELS, WOMResult, _combine

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["ScenarioResult", "scenario"]

OUTCOMES = ("promoter", "detractor")
SCALES = ("probability", "log_odds")


def _resolve_effect(effect: Any, *, outcome: str, per: float | None, scale: str,
                    effect_ci: Sequence[float] | None, as_outcome: str | None
                    ) -> tuple[float, float | None, float | None, Parameter | None, str, float,
                               str, str]:
    """(coef, ci_low, ci_high, parameter, outcome, per, scale, description)."""
    if isinstance(effect, Parameter):
        if effect.value is None:
            raise ValueError("`effect` Parameter needs a value.")
        return (float(effect.value), None, None, effect, outcome, 10.0 if per is None else per,
                scale, f"Parameter: {effect.source}")
    if isinstance(effect, (int, float, np.integer, np.floating)) and not isinstance(effect, bool):
        lo, hi = (None, None) if effect_ci is None else (float(effect_ci[0]), float(effect_ci[1]))
        return (float(effect), lo, hi, None, outcome, 10.0 if per is None else float(per), scale,
                "number given to scenario()")
    if isinstance(effect, tuple) and len(effect) == 3:
        c, lo, hi = map(float, effect)
        return (c, lo, hi, None, outcome, 10.0 if per is None else float(per), scale,
                "(coef, ci_low, ci_high) given to scenario()")
    missing = [a for a in ("coef", "ci_low", "ci_high", "outcome") if not hasattr(effect, a)]
    if missing:
        raise TypeError(
            "`effect` must be a number, a (coef, ci_low, ci_high) tuple, a Parameter, or an "
            "object with attributes coef, ci_low, ci_high and outcome (see "
            f"empathylab.wom.scenario); {type(effect).__name__} lacks {missing}."
        )
    out = str(effect.outcome)
    if out not in OUTCOMES:
        if as_outcome is None:
            raise ValueError(
                f"the effect's outcome is {out!r}, not one of {list(OUTCOMES)}; pass "
                "`as_outcome='promoter'` (or 'detractor') to read it as a change in that NPS "
                "share. That reading is an assumption and is listed in the result."
            )
        out = as_outcome
    obj_per = float(getattr(effect, "per", 1.0)) if per is None else float(per)
    obj_scale = str(getattr(effect, "scale", scale))
    return (float(effect.coef), float(effect.ci_low), float(effect.ci_high), None, out, obj_per,
            obj_scale, f"{type(effect).__name__} (outcome {effect.outcome!r})")


def _shift(shares: np.ndarray, delta: np.ndarray, outcome: str, scale: str) -> np.ndarray:
    """New (positive, neutral, negative) shares after moving ``outcome`` by ``delta``.

    The gained (or lost) share is taken from (given to) the two other groups in
    proportion to their shares: an assumption.
    """
    from scipy.special import expit, logit

    p, q, d = shares[..., 0], shares[..., 1], shares[..., 2]
    target, other = (p, d) if outcome == "promoter" else (d, p)
    if scale == "log_odds":
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            moved_logit = expit(logit(target) + delta)
        new = np.where((target > 0) & (target < 1), moved_logit, target)
    else:
        new = np.clip(target + delta, 0.0, 1.0)
    rest = q + other
    moved = new - target
    new = np.where(rest > 0, new, target)
    moved = np.where(rest > 0, moved, 0.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        share_other = np.where(rest > 0, other / rest, 0.0)
    other_new = np.clip(other - moved * share_other, 0.0, 1.0)
    q_new = np.clip(1.0 - new - other_new, 0.0, 1.0)
    if outcome == "promoter":
        return np.stack([new, q_new, other_new], axis=-1)
    return np.stack([other_new, q_new, new], axis=-1)


def scenario(
    base: WOMResult,
    empathy_uplift: float = 10,
    effect: Any = None,
    *,
    outcome: str = "promoter",
    per: float | None = None,
    scale: str = "probability",
    effect_ci: Sequence[float] | None = None,
    effect_level: float = 0.95,
    as_outcome: str | None = None,
    random_state: int | np.random.Generator | None = None,
) -> ScenarioResult:
    """What an uplift in reply empathy is worth: more promoters, fewer detractors, more value.

    The effect of empathy on loyalty moves the promoter (or detractor) share of
    every segment; the base estimate's WOM model, with the same Monte Carlo
    draws of its parameters, values the new mix. The effect's uncertainty
    (normal with the spread of its confidence interval) is drawn as well.

    Parameters
    ----------
    base : WOMResult
        Result of :func:`empathylab.wom.estimate`.
    empathy_uplift : float, default=10
        Points of reply empathy gained (on the scale of the effect).
    effect : float, tuple, Parameter or effect object
        Required (there is no published default). A number: change in the
        ``outcome`` probability per ``per`` (default 10) empathy points, e.g.
        0.05 = five points more promoters per 10 empathy points. A
        tuple ``(coef, ci_low, ci_high)``, a :class:`Parameter` (its
        distribution is drawn), or an object following the effect protocol of
        :mod:`empathylab.wom.scenario` (``coef``, ``ci_low``, ``ci_high``,
        ``outcome``, optional ``per`` and ``scale``).
    outcome : {"promoter", "detractor"}, default="promoter"
        For a number or tuple: which share the effect moves.
    per : float, optional
        Empathy points the coefficient refers to (numbers: 10; objects: their
        ``per`` attribute or 1).
    scale : {"probability", "log_odds"}, default="probability"
    effect_ci : (float, float), optional
        Confidence interval of a number effect; without it the effect is fixed.
    effect_level : float, default=0.95
        Level of the effect's interval.
    as_outcome : {"promoter", "detractor"}, optional
        Read an effect on another outcome (e.g. repurchase) as a change in
        this NPS share; an explicit assumption.
    random_state : int or Generator, optional
        Seed for the effect draws.

    Returns
    -------
    ScenarioResult
        ``.summary`` per segment: the ``by`` columns, ``n_positive_base``,
        ``n_positive_scenario``, ``n_negative_base``, ``n_negative_scenario``,
        ``value_base``, ``value_scenario``, ``value_uplift`` (point),
        ``uplift_ci_low``, ``uplift_ci_high``, ``prob_uplift_positive``.

    Examples
    --------
    >>> from empathylab import wom
    >>> base = wom.estimate(counts={"promoters": 300, "passives": 400, "detractors": 300},
    ...                     n_sims=2000, random_state=0)
    >>> up = wom.scenario(base, empathy_uplift=10, effect=0.05)
    >>> up.summary[["n_positive_base", "n_positive_scenario", "n_negative_scenario"]].round(1)
       n_positive_base  n_positive_scenario  n_negative_scenario
    0            300.0                350.0                278.6
    """
    if not isinstance(base, WOMResult):
        raise TypeError(f"`base` must be a WOMResult from wom.estimate(), not "
                        f"{type(base).__name__}.")
    from scipy import stats

    if effect is None:
        raise TypeError(
            "pass the empathy-to-loyalty `effect`: a number (change in the promoter "
            "probability per 10 empathy points), a (coef, ci_low, ci_high) tuple, a Parameter, "
            "or a fitted effect with coef, ci_low, ci_high and outcome."
        )
    check_argument("outcome", OUTCOMES, outcome)
    check_argument("scale", SCALES, scale)
    if as_outcome is not None:
        check_argument("as_outcome", OUTCOMES, as_outcome)
    if not 0 < effect_level < 1:
        raise ValueError(f"`effect_level` must be in (0, 1), but {effect_level!r} was passed.")
    coef, lo, hi, param, out, per_, scale_, described = _resolve_effect(
        effect, outcome=outcome, per=per, scale=scale, effect_ci=effect_ci,
        as_outcome=as_outcome)
    check_argument("scale", SCALES, scale_)
    if per_ <= 0:
        raise ValueError(f"`per` must be > 0, but {per_!r} was given.")
    rng = np.random.default_rng(random_state)
    m = base.n_sims
    if param is not None:
        coef_draws = param.sample(m, rng)
        sd = float(np.std(coef_draws))
    elif lo is None or hi is None:
        coef_draws = np.full(m, coef)
        sd = 0.0
    else:
        if not lo <= coef <= hi:
            raise ValueError(f"the effect {coef!r} lies outside its interval [{lo!r}, {hi!r}].")
        sd = (hi - lo) / (2 * stats.norm.ppf(0.5 + effect_level / 2))
        coef_draws = rng.normal(coef, sd, m)
    from_object = not isinstance(effect, (int, float, np.integer, np.floating, tuple, Parameter))
    factor = float(empathy_uplift) / per_
    # point
    n_pt = base.n_point
    tot_pt = n_pt.sum(axis=1, keepdims=True)
    with np.errstate(divide="ignore", invalid="ignore"):
        shares_pt = np.where(tot_pt > 0, n_pt / tot_pt, 0.0)
    new_pt = _shift(shares_pt, np.full(len(n_pt), coef * factor), out, scale_) * tot_pt
    # Monte Carlo, with the base's parameter draws
    n_mc = np.broadcast_to(base.n_draws, (m, *base.n_draws.shape[1:]))
    tot_mc = n_mc.sum(axis=2, keepdims=True)
    with np.errstate(divide="ignore", invalid="ignore"):
        shares_mc = np.where(tot_mc > 0, n_mc / tot_mc, 0.0)
    delta = np.broadcast_to((coef_draws * factor)[:, None], shares_mc.shape[:2])
    new_mc = _shift(shares_mc, delta, out, scale_) * tot_mc
    values = {c: base.draws[c].to_numpy()[:, None] for c in base.draws.columns}
    scen_mc = _combine(evaluate(values, new_mc[..., 0], new_mc[..., 2]), "value")
    base_mc = np.broadcast_to(_combine(base._mc(), "value"), scen_mc.shape)
    point_vals = base._point_values()
    scen_pt = _combine(evaluate(point_vals, new_pt[:, 0], new_pt[:, 2]), "value")
    effect_row = {
        "parameter": "empathy_effect",
        "value": coef,
        "distribution": (param.distribution.describe() if param is not None else
                         "fixed" if sd == 0 else f"normal(sd={sd:.4g}) from the "
                         f"{effect_level:.0%} interval [{lo:g}, {hi:g}]"),
        "source": described,
        "verification": "fitted" if from_object else "assumption",
        "note": f"change in the {out} probability per {per_:g} empathy points "
                f"({scale_} scale); the share moved comes from (goes to) the other two NPS "
                "groups in proportion to their shares (assumption)"
                + ("" if as_outcome is None else
                   f"; the effect on {getattr(effect, 'outcome', '?')!r} is read as an "
                   f"effect on the {as_outcome} share (assumption)"),
    }
    return ScenarioResult(base=base, uplift=float(empathy_uplift), new_point=new_pt,
                          value_scenario=scen_pt, sims_base=base_mc, sims_scenario=scen_mc,
                          effect_row=effect_row, coef_draws=coef_draws)


class ScenarioResult(Result):
    """Result of :func:`empathylab.wom.scenario`.

    Attributes
    ----------
    summary : pandas.DataFrame
        Per segment: base and scenario experiences and value, the uplift and
        its Monte Carlo interval.
    assumptions : pandas.DataFrame
        The base estimate's assumptions plus the empathy effect.
    """

    _title = "Empathy scenario: value through word of mouth"

    def __init__(self, *, base: WOMResult, uplift: float, new_point: np.ndarray,
                 value_scenario: np.ndarray, sims_base: np.ndarray, sims_scenario: np.ndarray,
                 effect_row: dict[str, Any], coef_draws: np.ndarray) -> None:
        self.base = base
        self.uplift = uplift
        self.new_point = new_point
        self.value_scenario = np.broadcast_to(value_scenario, (len(base.counts),))
        self.sims_base = sims_base
        self.sims_scenario = sims_scenario
        self.effect_row = effect_row
        self.coef_draws = coef_draws

    def simulations(self) -> pd.DataFrame:
        """Monte Carlo draws of the value uplift, one column per segment plus ``total``."""
        diff = self.sims_scenario - self.sims_base
        frame = pd.DataFrame(diff, columns=self.base.segment_labels())
        frame["total"] = diff.sum(axis=1)
        return frame

    def _summary(self) -> pd.DataFrame:
        b = self.base.summary
        out = b[list(self.base.keys)].copy()
        out["n_positive_base"] = b["n_positive"]
        out["n_positive_scenario"] = self.new_point[:, 0]
        out["n_negative_base"] = b["n_negative"]
        out["n_negative_scenario"] = self.new_point[:, 2]
        out["value_base"] = b["value"]
        out["value_scenario"] = self.value_scenario
        out["value_uplift"] = out["value_scenario"] - out["value_base"]
        diff = self.sims_scenario - self.sims_base
        a = (1 - self.base.ci) / 2
        out["uplift_ci_low"] = np.quantile(diff, a, axis=0)
        out["uplift_ci_high"] = np.quantile(diff, 1 - a, axis=0)
        out["prob_uplift_positive"] = (diff > 0).mean(axis=0)
        return out.reset_index(drop=True)

    def total(self) -> pd.DataFrame:
        """One row: uplift summed over segments, with the interval of the sum."""
        s = self.summary
        row = s[["value_base", "value_scenario", "value_uplift"]].sum().to_frame().T
        tot = self.simulations()["total"].to_numpy()
        a = (1 - self.base.ci) / 2
        row["uplift_ci_low"] = np.quantile(tot, a)
        row["uplift_ci_high"] = np.quantile(tot, 1 - a)
        row["prob_uplift_positive"] = float((tot > 0).mean())
        return row

    @property
    def assumptions(self) -> pd.DataFrame:
        return pd.concat([self.base.assumptions, pd.DataFrame([self.effect_row])],
                         ignore_index=True)

    def _headline(self) -> str:
        t = self.total().iloc[0]
        return (f"+{self.uplift:g} empathy points: value uplift {t['value_uplift']:,.0f} "
                f"({self.base.ci:.0%} MC interval {t['uplift_ci_low']:,.0f} to "
                f"{t['uplift_ci_high']:,.0f}); preset {self.base.preset}")

    def _sections(self) -> list[tuple[str, pd.DataFrame]]:
        return [("Assumptions", self.assumptions)]

    def plot(self, ax: Axes | None = None, *, lang: str = "en", **kwargs: Any) -> Axes:
        """Bars of the value uplift per segment with the Monte Carlo interval.

        Returns
        -------
        matplotlib.axes.Axes
        """
        import matplotlib.pyplot as plt

        check_argument("lang", list(LABELS), lang)
        s = self.summary
        if ax is None:
            _, ax = plt.subplots(figsize=(max(4, 0.8 * len(s) + 2), 4))
        x = np.arange(len(s))
        up = s["value_uplift"].to_numpy()
        err = np.clip(np.vstack([up - s["uplift_ci_low"], s["uplift_ci_high"] - up]), 0, None)
        ax.bar(x, up, color=COLOURS["net"], **kwargs)
        ax.errorbar(x, up, yerr=err, fmt="none", color="black", capsize=5, lw=1)
        ax.axhline(0, color="black", lw=0.8)
        ax.set_xticks(x, self.base.segment_labels())
        ax.set_ylabel(LABELS[lang]["value"] + (" (+Δ)"))
        ax.set_title(f"+{self.uplift:g} empathy ({self.base.preset})")
        return ax
