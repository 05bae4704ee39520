"""``estimate()``: reach, customers won and lost, and value of word of mouth, with Monte Carlo.

The model is the synthesis of SOURCES.md §3.4 (each piece sourced, the
combination an explicit model, to be run with uncertainty rather than point
values)::

    R±    = N± · s± · k± · (1 - β^(G+1)) / (1 - β)      reach (G generations of retelling)
    ΔCust = π · (R⁺ · ι⁺ - R⁻ · ι⁻)                    East/Romaniuk/Lomax volume × impact
    ΔV    = ΔCust · CLV · multiplier                   CLV = m(1+i)/(1+i-r)
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from ..exceptions import SmallSampleWarning
from ._inputs import experience_counts
from .clv import clv as _clv
from .parameters import PARAMETER_NAMES, PRESETS, Parameter, preset
from .result import WOMResult

__all__ = ["compare_presets", "estimate", "evaluate"]

_SMALL = 30  # responses per segment below which a SmallSampleWarning is raised
_JEFFREYS = 0.5  # Dirichlet pseudo-count per category when scaling respondents to customers


def evaluate(values: Mapping[str, Any], n_positive: Any, n_negative: Any) -> dict[str, Any]:
    """The model's outputs for given parameter values and experience counts.

    Arrays broadcast: parameter values of shape ``(n_sims, 1)`` and counts of
    shape ``(n_segments,)`` give outputs of shape ``(n_sims, n_segments)``.

    Returns
    -------
    dict
        ``reach_positive``, ``reach_negative``, ``customers_won``,
        ``customers_lost``, ``unit_value`` (CLV × multiplier).

    Examples
    --------
    >>> v = {"tell_share_positive": 1, "tell_share_negative": 1, "told_positive": 9,
    ...      "told_negative": 16, "retelling": 0, "generations": 0, "in_market": 1,
    ...      "impact_positive": 0.01, "impact_negative": 0.01, "clv": 100,
    ...      "loyal_multiplier": 1}
    >>> out = evaluate(v, 100, 100)
    >>> float(out["reach_positive"]), float(out["reach_negative"])
    (900.0, 1600.0)
    """
    beta = np.asarray(values["retelling"], dtype=float)
    gens = np.asarray(values["generations"], dtype=float)
    spread = (1 - beta ** (gens + 1)) / (1 - beta)
    n_pos = np.asarray(n_positive, dtype=float)
    n_neg = np.asarray(n_negative, dtype=float)
    reach_pos = n_pos * values["tell_share_positive"] * values["told_positive"] * spread
    reach_neg = n_neg * values["tell_share_negative"] * values["told_negative"] * spread
    won = values["in_market"] * reach_pos * values["impact_positive"]
    lost = values["in_market"] * reach_neg * values["impact_negative"]
    unit = np.asarray(values["clv"], dtype=float) * values["loyal_multiplier"]
    return {"reach_positive": reach_pos, "reach_negative": reach_neg, "customers_won": won,
            "customers_lost": lost, "unit_value": unit}


def point_values(params: Mapping[str, Parameter]) -> dict[str, float]:
    """Point value of every parameter (CLV computed from margin, retention, discount)."""
    vals = {k: float(p.value) for k, p in params.items() if p.value is not None}
    if params["clv"].value is None:
        vals["clv"] = float(_clv(vals["margin"], vals["retention"], vals["discount"]))
    return vals


def draw_parameters(params: Mapping[str, Parameter], n_sims: int, rng: np.random.Generator
                    ) -> pd.DataFrame:
    """One Monte Carlo draw of every parameter per row (in PARAMETER_NAMES order)."""
    cols: dict[str, np.ndarray] = {}
    for name in PARAMETER_NAMES:
        if name == "clv":
            continue
        cols[name] = params[name].sample(n_sims, rng)
    if params["clv"].value is None:
        r, i = cols["retention"], cols["discount"]
        if np.any(r >= 1) or np.any(1 + i - r <= 0):
            raise ValueError(
                "draws of `retention` reach 1 + `discount`; narrow its distribution "
                "(e.g. Beta with a higher concentration)."
            )
        cols["clv"] = _clv(cols["margin"], r, i)
    else:
        cols["clv"] = params["clv"].sample(n_sims, rng)
    if np.any(cols["retelling"] >= 1) or np.any(cols["retelling"] < 0):
        raise ValueError(
            "draws of `retelling` leave [0, 1); use a Beta or a Uniform below 1 for it."
        )
    for key in ("tell_share_positive", "tell_share_negative", "in_market"):
        if np.any((cols[key] < 0) | (cols[key] > 1)):
            raise ValueError(f"draws of `{key}` leave [0, 1); use a Beta or a Uniform for it.")
    return pd.DataFrame(cols)[list(PARAMETER_NAMES)]


def _customers_per_segment(customers: Any, counts: pd.DataFrame, keys: list[str]
                           ) -> np.ndarray | None:
    if customers is None:
        return None
    if isinstance(customers, Mapping):
        if not keys:
            raise TypeError("`customers` is a mapping, but no `by` segments were given.")
        labels = [tuple(r) if len(keys) > 1 else r[0]
                  for r in counts[keys].itertuples(index=False)]
        missing = [lab for lab in labels if lab not in customers]
        if missing:
            raise KeyError(f"`customers` has no entry for segment(s) {missing[:5]}.")
        out = np.array([float(customers[lab]) for lab in labels])
    else:
        out = np.full(len(counts), float(customers))
    if np.any(out <= 0) or not np.isfinite(out).all():
        raise ValueError("`customers` must be > 0.")
    return out


def estimate(
    df: pd.DataFrame | None = None,
    *,
    nps: Any = None,
    sentiment: Any = None,
    counts: Mapping[str, Any] | pd.DataFrame | None = None,
    by: str | Sequence[str] | None = None,
    preset: str | Mapping[str, Parameter] = "amex2011",
    n_sims: int = 10_000,
    random_state: int | np.random.Generator | None = None,
    intent: Any = None,
    positive_intents: Iterable[str] = ("referral",),
    negative_intents: Iterable[str] = ("negative_word_of_mouth",),
    customers: float | Mapping[Any, float] | None = None,
    ci: float = 0.95,
    **overrides: Any,
) -> WOMResult:
    """What experiences are worth through what customers tell others.

    Positive experiences (NPS promoters, positive sentiment, referral intents)
    and negative ones (detractors, negative sentiment, negative word-of-mouth
    intents) per segment are turned into people reached, customers won and
    lost, and value, with the model of SOURCES.md §3.4::

        R±    = N± · s± · k± · (1 - β^(G+1)) / (1 - β)
        ΔCust = π · (R⁺ ι⁺ - R⁻ ι⁻)
        ΔV    = ΔCust · CLV · multiplier,   CLV = m(1+i)/(1+i-r)

    Every parameter has a source and a distribution; the point estimate uses
    the values, the interval comes from ``n_sims`` Monte Carlo draws of all
    parameters together. The default preset ``"amex2011"`` is the "9 vs 16"
    pair (American Express Global Customer Service Barometer 2011, US, n=1,018:
    "tell an average of nine people about good experiences and nearly twice as
    many (16 people) about poor ones"). Counter-evidence: East, Hammond &
    Wright (2007) found positive WOM about 3x as frequent as negative in 15
    studies (preset ``"east2007"``). ``result.assumptions`` lists every value
    used; the placeholders for π, ι and the CLV inputs are assumptions to be
    replaced with your own figures.

    Parameters
    ----------
    df : pandas.DataFrame, optional
        Feedback or survey rows (needed when ``nps``/``sentiment``/``intent``
        or ``by`` name columns).
    nps : str, Series or array, optional
        Column (or values) of 0-10 answers: promoters 9-10 count as positive,
        detractors 0-6 as negative, passives 7-8 tell no one (Reichheld 2003).
    sentiment : str, Series or array, optional
        Column of sentiment labels (``positive``/``neutral``/``negative``, as
        :func:`empathylab.sentiment` gives them) or numbers (their sign).
    counts : dict or DataFrame, optional
        Counts instead of rows: ``n_positive``/``n_negative`` (optional
        ``n_neutral``) or ``promoters``/``detractors`` (optional
        ``passives``); a DataFrame has one row per segment and the ``by``
        columns.
    by : str or list of str, optional
        Segment or period columns; one output row per group.
    preset : {"amex2011", "amex2012", "amex2017", "east2007"}, default="amex2011"
        Source of the WOM parameters (:func:`empathylab.wom.list_presets`), or
        a full dict of :class:`Parameter` (as :func:`empathylab.wom.preset` returns).
    n_sims : int, default=10000
        Monte Carlo draws.
    random_state : int or numpy.random.Generator, optional
        Seed; the same seed gives the same interval.
    intent : str, Series or array, optional
        Column of intent labels; ``positive_intents`` count as positive and
        ``negative_intents`` as negative experiences, all others as neutral.
    positive_intents, negative_intents : iterable of str
        Intent labels (defaults ``("referral",)`` and
        ``("negative_word_of_mouth",)``; pass your classifier's labels).
    customers : float or mapping, optional
        Number of customers the respondents stand for (per segment as a
        mapping from segment label to number). Then N± = customers × share,
        and the shares get their sampling uncertainty (Dirichlet with
        Jeffreys pseudo-counts 0.5) in the Monte Carlo. Default: N± are the
        counts themselves.
    ci : float, default=0.95
        Level of the Monte Carlo intervals.
    **overrides : float, Parameter or Distribution
        Any parameter of :mod:`empathylab.wom.parameters` (e.g.
        ``told_negative=20``, ``in_market=0.3``, ``clv=450``,
        ``retelling=Parameter(0.3, Uniform(0, 0.6), source="assumption")``).

    Returns
    -------
    WOMResult
        ``.summary`` has one row per segment: the ``by`` columns,
        ``n_responses``, ``n_positive``, ``n_negative`` (N⁺, N⁻),
        ``reach_positive``, ``reach_negative``, ``reach_net`` (R⁺ - R⁻),
        ``reach_ratio`` (R⁻/R⁺), ``customers_won``, ``customers_lost``,
        ``customers_net``, ``clv`` (value per customer × multiplier),
        ``value_won``, ``value_lost``, ``value`` (point estimates), then
        ``value_ci_low``, ``value_ci_high``, ``reach_net_ci_low``,
        ``reach_net_ci_high`` (Monte Carlo percentiles) and
        ``prob_value_positive`` (share of draws with value > 0).
        ``.assumptions``, ``.sensitivity()``, ``.plot()``, ``.plot_tornado()``.

    Raises
    ------
    TypeError
        When not exactly one input is given, or for an unknown parameter.
    ValueError
        For NPS answers outside 0-10, bad labels, or parameters out of range.

    Examples
    --------
    >>> res = estimate(counts={"promoters": 100, "passives": 0, "detractors": 100},
    ...                n_sims=2000, random_state=1)
    >>> res.summary[["reach_positive", "reach_negative", "reach_net"]]
       reach_positive  reach_negative  reach_net
    0           900.0          1600.0     -700.0
    >>> east = estimate(counts={"promoters": 100, "detractors": 100}, preset="east2007",
    ...                 n_sims=2000, random_state=1)
    >>> float(east.summary["reach_net"].iloc[0])
    600.0
    """
    if not isinstance(n_sims, (int, np.integer)) or n_sims < 100:
        raise ValueError(f"`n_sims` must be a whole number >= 100, but {n_sims!r} was passed.")
    if not 0 < ci < 1:
        raise ValueError(f"`ci` must be in (0, 1), but {ci!r} was passed.")
    params = _params_for(preset, overrides)
    table = experience_counts(df, nps=nps, sentiment=sentiment, intent=intent, counts=counts,
                              by=by, positive_intents=positive_intents,
                              negative_intents=negative_intents)
    keys = [c for c in table.columns if c not in ("n_responses", "n_positive", "n_neutral",
                                                  "n_negative")]
    small = table.loc[table["n_responses"] < _SMALL]
    if len(small):
        label = "segment(s) " + ", ".join(
            str(tuple(r)) for r in small[keys].head(5).itertuples(index=False)
        ) if keys else "the data"
        warnings.warn(
            f"{label} have fewer than {_SMALL} responses; the shares behind N± are uncertain "
            "(pass `customers=` to carry their sampling error into the interval).",
            SmallSampleWarning, stacklevel=2,
        )
    rng = np.random.default_rng(random_state)
    n_sims = int(n_sims)
    draws = draw_parameters(params, n_sims, rng)
    scale = _customers_per_segment(customers, table, keys)
    x = table[["n_positive", "n_neutral", "n_negative"]].to_numpy(dtype=float)
    if scale is None:
        n_point = x
        n_draws = x[None, :, :]
    else:
        n_resp = x.sum(axis=1)
        if np.any(n_resp == 0):
            raise ValueError("a segment has no responses; it cannot be scaled to `customers`.")
        n_point = x / n_resp[:, None] * scale[:, None]
        gam = rng.gamma(x[None, :, :] + _JEFFREYS, size=(n_sims, *x.shape))
        n_draws = gam / gam.sum(axis=2, keepdims=True) * scale[None, :, None]
    return WOMResult(
        counts=table, keys=keys, params=params, draws=draws, n_point=n_point,
        n_draws=n_draws, ci=ci, preset=preset if isinstance(preset, str) else "custom",
        customers=scale,
    )


def _params_for(preset_name: Any, overrides: Mapping[str, Any]) -> dict[str, Parameter]:
    if isinstance(preset_name, Mapping):  # a full parameter dict
        from .parameters import apply_overrides

        return apply_overrides(dict(preset_name), overrides)
    return preset(preset_name, **overrides)


def compare_presets(
    df: pd.DataFrame | None = None,
    *,
    presets: Sequence[str] | None = None,
    random_state: int | None = 0,
    **kwargs: Any,
) -> pd.DataFrame:
    """:func:`estimate` under each preset on the same data: how much the source decides.

    Parameters
    ----------
    df : pandas.DataFrame, optional
    presets : list of str, optional
        Default: all presets.
    random_state : int, default=0
    **kwargs
        Passed to :func:`estimate` (``nps=``, ``counts=``, ``by=``, overrides...).

    Returns
    -------
    pandas.DataFrame
        ``preset``, the ``by`` columns, ``reach_positive``, ``reach_negative``,
        ``reach_net``, ``reach_ratio``, ``value``, ``value_ci_low``,
        ``value_ci_high``, ``prob_value_positive``.

    Examples
    --------
    >>> t = compare_presets(counts={"promoters": 100, "detractors": 100}, n_sims=1000)
    >>> t[["preset", "reach_ratio"]].round(2)
         preset  reach_ratio
    0  amex2011         1.78
    1  amex2012         1.91
    2  amex2017         1.36
    3  east2007         0.33
    """
    names = list(PRESETS) if presets is None else list(presets)
    frames = []
    for name in names:
        res = estimate(df, preset=name, random_state=random_state, **kwargs)
        s = res.summary
        cols = [*res.keys, "reach_positive", "reach_negative", "reach_net", "reach_ratio",
                "value", "value_ci_low", "value_ci_high", "prob_value_positive"]
        part = s[cols].copy()
        part.insert(0, "preset", name)
        frames.append(part)
    return pd.concat(frames, ignore_index=True)
