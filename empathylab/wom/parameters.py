"""Parameters of the word-of-mouth model: value, distribution, source; and the presets.

Every parameter carries the distribution its Monte Carlo draws come from and the
source of its value. Published figures come from ``SOURCES.md`` (see
:mod:`empathylab.studies` for the entries); everything else is marked as an
assumption and is meant to be replaced with the analyst's own figures.

Model symbols (SOURCES.md §3.4):

=====================  ======  ==================================================
parameter              symbol  meaning
=====================  ======  ==================================================
tell_share_positive    s⁺      share of customers with a good experience who tell anyone
tell_share_negative    s⁻      share of customers with a bad experience who tell anyone
told_positive          k⁺      mean number of people told about a good experience, per teller
told_negative          k⁻      mean number of people told about a bad experience, per teller
retelling              β       expected retellings per receiver (below 1)
generations            G       generations of retelling (0: first-hand only)
in_market              π       share of receivers who are in the market for the category
impact_positive        ι⁺      change in purchase probability per positive message received
impact_negative        ι⁻      change in purchase probability per negative message received
margin                 m       margin per customer and period (CLV)
retention              r       retention rate per period (CLV)
discount               i       discount rate per period (CLV)
clv                    CLV     value of one incremental customer; None: ``clv(m, r, i)``
loyal_multiplier       —       spend multiplier of loyal customers (off: 1)
=====================  ======  ==================================================
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd

from .._validation import did_you_mean

__all__ = [
    "PARAMETER_NAMES",
    "PRESETS",
    "Beta",
    "Distribution",
    "Fixed",
    "LogNormal",
    "NegativeBinomial",
    "Parameter",
    "Uniform",
    "list_presets",
    "preset",
]


# --------------------------------------------------------------------------- distributions
@dataclass(frozen=True)
class Distribution:
    """Base class: the Monte Carlo distribution of a parameter around its value."""

    kind = "distribution"

    def sample(self, value: float, size: int, rng: np.random.Generator) -> np.ndarray:
        raise NotImplementedError  # pragma: no cover - abstract

    def ppf(self, value: float, q: float) -> float:
        """Quantile ``q`` of the distribution (used by the sensitivity table)."""
        raise NotImplementedError  # pragma: no cover - abstract

    def rescaled(self, old: float, new: float) -> Distribution:
        """The same shape around a new value (for a plain-number override)."""
        return self

    def describe(self) -> str:
        return self.kind


@dataclass(frozen=True)
class Fixed(Distribution):
    """No uncertainty: every draw is the value."""

    kind = "fixed"

    def sample(self, value: float, size: int, rng: np.random.Generator) -> np.ndarray:
        return np.full(size, float(value))

    def ppf(self, value: float, q: float) -> float:
        return float(value)


@dataclass(frozen=True)
class LogNormal(Distribution):
    """Log-normal with mean equal to the value and coefficient of variation ``cv``."""

    cv: float = 0.25
    kind = "lognormal"

    def __post_init__(self) -> None:
        if not self.cv > 0:
            raise ValueError(f"LogNormal `cv` must be > 0, but {self.cv!r} was passed.")

    def _params(self, value: float) -> tuple[float, float]:
        if value <= 0:
            raise ValueError(f"a log-normal parameter needs a value > 0, but {value!r} was given.")
        sigma = math.sqrt(math.log1p(self.cv**2))
        return math.log(value) - sigma**2 / 2, sigma

    def sample(self, value: float, size: int, rng: np.random.Generator) -> np.ndarray:
        mu, sigma = self._params(value)
        return rng.lognormal(mu, sigma, size)

    def ppf(self, value: float, q: float) -> float:
        mu, sigma = self._params(value)
        from scipy import stats

        return float(stats.lognorm.ppf(q, s=sigma, scale=math.exp(mu)))

    def rescaled(self, old: float, new: float) -> Distribution:
        return self if new > 0 else Fixed()

    def describe(self) -> str:
        return f"lognormal(mean=value, cv={self.cv:g})"


@dataclass(frozen=True)
class Beta(Distribution):
    """Beta with mean equal to the value and ``concentration`` a + b.

    For a share measured in a survey of ``n`` respondents, ``concentration=n``
    gives the sampling uncertainty of that share.
    """

    concentration: float = 100.0
    kind = "beta"

    def __post_init__(self) -> None:
        if not self.concentration > 0:
            raise ValueError(
                f"Beta `concentration` must be > 0, but {self.concentration!r} was passed."
            )

    def _ab(self, value: float) -> tuple[float, float]:
        if not 0 < value < 1:
            raise ValueError(f"a beta parameter needs a value in (0, 1), but {value!r} was given.")
        return value * self.concentration, (1 - value) * self.concentration

    def sample(self, value: float, size: int, rng: np.random.Generator) -> np.ndarray:
        a, b = self._ab(value)
        return rng.beta(a, b, size)

    def ppf(self, value: float, q: float) -> float:
        a, b = self._ab(value)
        from scipy import stats

        return float(stats.beta.ppf(q, a, b))

    def rescaled(self, old: float, new: float) -> Distribution:
        return self if 0 < new < 1 else Fixed()

    def describe(self) -> str:
        return f"beta(mean=value, concentration={self.concentration:g})"


@dataclass(frozen=True)
class Uniform(Distribution):
    """Uniform between ``low`` and ``high`` (the value should lie inside)."""

    low: float = 0.0
    high: float = 1.0
    kind = "uniform"

    def __post_init__(self) -> None:
        if not self.high > self.low:
            raise ValueError(
                f"Uniform needs high > low, but low={self.low!r}, high={self.high!r} were passed."
            )

    def sample(self, value: float, size: int, rng: np.random.Generator) -> np.ndarray:
        return rng.uniform(self.low, self.high, size)

    def ppf(self, value: float, q: float) -> float:
        return float(self.low + q * (self.high - self.low))

    def rescaled(self, old: float, new: float) -> Distribution:
        if old == 0:
            return Uniform(self.low + new, self.high + new)
        f = new / old
        lo, hi = sorted((self.low * f, self.high * f))
        return Uniform(lo, hi) if hi > lo else Fixed()

    def describe(self) -> str:
        return f"uniform({self.low:g}, {self.high:g})"


@dataclass(frozen=True)
class NegativeBinomial(Distribution):
    """Sampling distribution of a survey mean of a right-skewed count.

    Each respondent's count is negative binomial with mean equal to the value
    and dispersion ``size`` (variance = mean + mean² / size); the parameter is
    the mean over ``n`` respondents. SOURCES.md §3.4: "Model as negative
    binomial; the means are skewed." ``size`` is an assumption (the surveys do
    not publish the spread); ``n`` is the survey's sample size.
    """

    n: int = 1000
    size: float = 1.0
    kind = "negative_binomial"

    def __post_init__(self) -> None:
        if not (self.n >= 1 and self.size > 0):
            raise ValueError(
                f"NegativeBinomial needs n >= 1 and size > 0, but n={self.n!r}, "
                f"size={self.size!r} were passed."
            )

    def _np(self, value: float) -> tuple[float, float]:
        if value <= 0:
            raise ValueError(f"a count mean needs a value > 0, but {value!r} was given.")
        return self.n * self.size, self.size / (self.size + value)

    def sample(self, value: float, size: int, rng: np.random.Generator) -> np.ndarray:
        shape, p = self._np(value)
        return rng.negative_binomial(shape, p, size) / self.n

    def ppf(self, value: float, q: float) -> float:
        shape, p = self._np(value)
        from scipy import stats

        return float(stats.nbinom.ppf(q, shape, p) / self.n)

    def rescaled(self, old: float, new: float) -> Distribution:
        return self if new > 0 else Fixed()

    def describe(self) -> str:
        return f"negative_binomial(mean of n={self.n} counts, dispersion size={self.size:g})"


# --------------------------------------------------------------------------- parameter
@dataclass(frozen=True)
class Parameter:
    """One model parameter.

    Parameters
    ----------
    value : float or None
        Point value (used for the point estimate and as the centre of the
        distribution). None only for ``clv`` (then computed from margin,
        retention and discount).
    distribution : Distribution, default=Fixed()
        Where the Monte Carlo draws come from.
    source : str
        Citation (from SOURCES.md) or ``"assumption: ..."``.
    note : str
        Caveats: how the figure was measured, what it may not mean.
    verification : str
        SOURCES.md status of the figure: ``"V"``, ``"S"``, ``"X"``, or
        ``"assumption"``.

    Examples
    --------
    >>> p = Parameter(9.0, LogNormal(0.2), source="assumption: example")
    >>> p.with_value(12.0).value
    12.0
    """

    value: float | None
    distribution: Distribution = field(default_factory=Fixed)
    source: str = "assumption"
    note: str = ""
    verification: str = "assumption"

    def sample(self, size: int, rng: np.random.Generator) -> np.ndarray:
        if self.value is None:
            return np.full(size, np.nan)
        return self.distribution.sample(float(self.value), size, rng)

    def quantile(self, q: float) -> float:
        if self.value is None:
            return float("nan")
        return self.distribution.ppf(float(self.value), q)

    def with_value(self, value: float, *, source: str = "override") -> Parameter:
        """The parameter at a new value, its distribution rescaled around it."""
        old = self.value
        dist = self.distribution if old is None else self.distribution.rescaled(old, value)
        return replace(self, value=float(value), distribution=dist, source=source,
                       verification="assumption" if source == "override" else self.verification)


# --------------------------------------------------------------------------- presets
PARAMETER_NAMES = (
    "tell_share_positive", "tell_share_negative", "told_positive", "told_negative",
    "retelling", "generations", "in_market", "impact_positive", "impact_negative",
    "margin", "retention", "discount", "clv", "loyal_multiplier",
)

_AMEX2011 = ("American Express Global Customer Service Barometer 2011 (Echo Research), "
             "press release 3 May 2011, Business Wire; US online survey, n=1,018, 2-10 Feb 2011")
_AMEX2012 = ("American Express 2012 Global Customer Service Barometer (Echo Research); "
             "11 markets of about 1,000, online, Feb-Mar 2012")
_AMEX2017 = "American Express Customer Service Barometer 2017 (#WellActually), US; sample not seen"
_EAST2007 = ("East, Hammond & Wright (2007), 'The relative incidence of positive and negative "
             "word of mouth: A multi-category study', IJRM 24(2):175-184")
_SKEW = ("mean of a heavily right-skewed self-reported count; negative-binomial dispersion "
         "size=1 is an assumption (the spread is not published)")
_PER = ("it is not stated whether the mean is over all respondents or only over those who "
        "told anyone (SOURCES.md §4)")


def _common() -> dict[str, Parameter]:
    """The parameters with no published value: assumptions to be replaced by own data."""
    return {
        "retelling": Parameter(
            0.0, Fixed(), source="assumption: no retelling (default none)",
            note="expected retellings per receiver; must be below 1 (SOURCES.md §3.4: no "
                 "source; folklore examples use 2-5, which is implausible)"),
        "generations": Parameter(
            0, Fixed(), source="assumption: first-hand only (G=0)",
            note="generations of retelling; reach is multiplied by (1 - β^(G+1)) / (1 - β)"),
        "in_market": Parameter(
            0.2, Beta(20.0),
            source="assumption (placeholder, no published value): set from own data",
            note="share of receivers who are in the market for the category (SOURCES.md §3.4: "
                 "'own data')"),
        "impact_positive": Parameter(
            0.02, LogNormal(0.5),
            source="assumption (placeholder, no published value): calibrate with the East, "
                   "Hammond & Lomax (2008) method",
            note="change in purchase probability per positive message; East et al. (2008) ask "
                 "before/after on an 11-point Juster scale and find ι⁺ >= ι⁻ on average for "
                 "familiar brands; equal to ι⁻ here so the sign depends on reach alone"),
        "impact_negative": Parameter(
            0.02, LogNormal(0.5),
            source="assumption (placeholder, no published value): calibrate with the East, "
                   "Hammond & Lomax (2008) method",
            note="change (loss) in purchase probability per negative message"),
        "margin": Parameter(
            100.0, LogNormal(0.2),
            source="assumption (placeholder): SOURCES.md §3.6 test vector m=100",
            note="margin per customer and period, in your currency; not a market figure"),
        "retention": Parameter(
            0.8, Beta(200.0),
            source="assumption (placeholder): SOURCES.md §3.6 test vector r=0.80",
            note="retention rate per period; not a market figure"),
        "discount": Parameter(
            0.1, Fixed(),
            source="assumption (placeholder): SOURCES.md §3.6 test vector i=0.10",
            note="discount rate per period"),
        "clv": Parameter(
            None, Fixed(), source="computed: clv(margin, retention, discount) = m(1+i)/(1+i-r)",
            note="SOURCES.md §3.6 (Gupta & Lehmann; Gupta, Lehmann & Stuart 2004); "
                 "override with your own CLV"),
        "loyal_multiplier": Parameter(
            1.0, Fixed(),
            source="off by default; '5x' is an unverified blog figure (IDC blog, Webber, "
                   "20 Apr 2020, no source given; SOURCES.md status X)",
            note="spend multiplier of customers won or lost; 'loyal customers spend 5x' has no "
                 "traced primary source: use only for illustration",
            verification="X"),
    }


def _amex2011() -> dict[str, Parameter]:
    p = _common()
    p.update({
        "tell_share_positive": Parameter(
            1.0, Fixed(), source="assumption: the 2011 means read as per customer (s=1)",
            note=_PER + "; SOURCES.md §3.4 sanity check reads them per customer"),
        "tell_share_negative": Parameter(
            1.0, Fixed(), source="assumption: the 2011 means read as per customer (s=1)",
            note=_PER),
        "told_positive": Parameter(
            9.0, NegativeBinomial(n=1018, size=1.0), source=_AMEX2011,
            note="Americans 'tell an average of nine people about good experiences'; " + _SKEW
                 + "; US only; self-reported recall", verification="V"),
        "told_negative": Parameter(
            16.0, NegativeBinomial(n=1018, size=1.0), source=_AMEX2011,
            note="'nearly twice as many (16 people) about poor ones'; " + _SKEW + "; the same "
                 "survey reports 75% very likely to speak positively after a good experience "
                 "vs 59% negatively after a bad one", verification="V"),
    })
    return p


def _amex2012() -> dict[str, Parameter]:
    p = _common()
    p.update({
        "tell_share_positive": Parameter(
            0.47, Beta(1000.0), source=_AMEX2012,
            note="47% tell someone about good experiences; beta over about 1,000 respondents",
            verification="S"),
        "tell_share_negative": Parameter(
            0.56, Beta(1000.0), source=_AMEX2012,
            note="56% tell someone about bad experiences; beta over about 1,000 respondents",
            verification="S"),
        "told_positive": Parameter(
            15.0, NegativeBinomial(n=1000, size=1.0), source=_AMEX2012,
            note="on average 15 people told about good experiences; " + _SKEW,
            verification="S"),
        "told_negative": Parameter(
            24.0, NegativeBinomial(n=1000, size=1.0), source=_AMEX2012,
            note="on average 24 people told about bad experiences; " + _SKEW,
            verification="S"),
    })
    return p


def _amex2017() -> dict[str, Parameter]:
    p = _common()
    p.update({
        "tell_share_positive": Parameter(
            1.0, Fixed(), source="assumption: the 2017 means read as per customer (s=1)",
            note="share who tell anyone not reported for 2017"),
        "tell_share_negative": Parameter(
            1.0, Fixed(), source="assumption: the 2017 means read as per customer (s=1)",
            note="share who tell anyone not reported for 2017"),
        "told_positive": Parameter(
            11.0, LogNormal(0.25), source=_AMEX2017,
            note="Americans tell on average 11 people about good service; sample not seen, so "
                 "a log-normal with cv=0.25 (assumption) instead of a survey mean",
            verification="S"),
        "told_negative": Parameter(
            15.0, LogNormal(0.25), source=_AMEX2017,
            note="15 people about poor service; millennials are the only generation that tells "
                 "more people about good service than bad; cv=0.25 is an assumption",
            verification="S"),
    })
    return p


def _east2007() -> dict[str, Parameter]:
    p = _amex2011()
    p.update({
        "tell_share_positive": Parameter(
            1.0, Fixed(), source=_EAST2007,
            note="positive WOM taken as the reference frequency", verification="V"),
        "tell_share_negative": Parameter(
            1 / 3, Beta(45.0), source=_EAST2007,
            note="in 15 studies positive WOM exceeds negative in every case; the ratio "
                 "averages 3:1. Read here as negative WOM one third as frequent per customer, "
                 "an assumption: East counts WOM instances in the market, not audience size "
                 "per customer. Beta concentration 45 (3 per study) is an assumption",
            verification="V"),
        "told_positive": Parameter(
            9.0, NegativeBinomial(n=1018, size=1.0), source=_AMEX2011,
            note="audience per teller from AmEx 2011 (positive); East (2007) gives no audience "
                 "size", verification="V"),
        "told_negative": Parameter(
            9.0, NegativeBinomial(n=1018, size=1.0),
            source="assumption: same audience as for positive WOM (AmEx 2011, 9)",
            note="East (2007) counts instances, not audience; categories with high NWOM also "
                 "have high PWOM"),
    })
    return p


PRESETS = {
    "amex2011": _amex2011,
    "amex2012": _amex2012,
    "amex2017": _amex2017,
    "east2007": _east2007,
}

PRESET_DESCRIPTIONS = {
    "amex2011": "AmEx 2011 US: 9 vs 16 people told, read per customer (default)",
    "amex2012": "AmEx 2012: 15 vs 24 people told per teller, 47% vs 56% tell anyone",
    "amex2017": "AmEx 2017 US: 11 vs 15 people told, read per customer",
    "east2007": "East, Hammond & Wright 2007: positive WOM about 3x as frequent as negative",
}


def preset(name: str = "amex2011", **overrides: object) -> dict[str, Parameter]:
    """The parameters of preset ``name`` with ``overrides`` applied.

    Parameters
    ----------
    name : {"amex2011", "amex2012", "amex2017", "east2007"}, default="amex2011"
    **overrides : float, Parameter or Distribution
        A number replaces the value (the distribution is kept, rescaled for a
        uniform); a :class:`Parameter` replaces the parameter; a
        :class:`Distribution` replaces only the distribution.

    Returns
    -------
    dict of str to Parameter

    Examples
    --------
    >>> p = preset("amex2011", told_negative=20)
    >>> p["told_positive"].value, p["told_negative"].value
    (9.0, 20.0)
    """
    if name not in PRESETS:
        raise ValueError(
            f"`preset` must be one of {list(PRESETS)}, but {name!r} was passed"
            f"{did_you_mean(str(name), PRESETS)}"
        )
    made = PRESETS[name]()
    params = {k: made[k] for k in PARAMETER_NAMES}
    return apply_overrides(params, overrides)


def apply_overrides(params: dict[str, Parameter], overrides: Mapping[str, object]
                    ) -> dict[str, Parameter]:
    out = dict(params)
    for key, new in overrides.items():
        if key not in out:
            raise TypeError(
                f"unknown parameter {key!r}{did_you_mean(key, PARAMETER_NAMES)} "
                f"The parameters are: {', '.join(PARAMETER_NAMES)}."
            )
        if isinstance(new, Parameter):
            out[key] = new
        elif isinstance(new, Distribution):
            out[key] = replace(out[key], distribution=new, source=out[key].source + " "
                               "(distribution overridden)")
        elif new is None and key == "clv":
            out[key] = _common()["clv"]
        elif isinstance(new, (int, float, np.integer, np.floating)) and not isinstance(new, bool):
            out[key] = out[key].with_value(float(new))
        else:
            raise TypeError(
                f"override `{key}` must be a number, a Parameter or a Distribution, but "
                f"{type(new).__name__} was passed."
            )
    _check(out)
    return out


def _check(params: Mapping[str, Parameter]) -> None:
    for key in ("tell_share_positive", "tell_share_negative", "in_market"):
        v = params[key].value
        if v is None or not 0 <= v <= 1:
            raise ValueError(f"`{key}` is a share and must be in [0, 1], but {v!r} was given.")
    for key in ("told_positive", "told_negative", "impact_positive", "impact_negative",
                "margin", "loyal_multiplier"):
        v = params[key].value
        if v is None or v < 0:
            raise ValueError(f"`{key}` must be >= 0, but {v!r} was given.")
    beta = params["retelling"].value
    if beta is None or not 0 <= beta < 1:
        raise ValueError(f"`retelling` must be in [0, 1) (below 1), but {beta!r} was given.")
    g = params["generations"].value
    if g is None or g < 0 or int(g) != g:
        raise ValueError(f"`generations` must be a whole number >= 0, but {g!r} was given.")
    if not isinstance(params["generations"].distribution, Fixed):
        raise ValueError("`generations` cannot have a distribution; pass a whole number.")
    r, i = params["retention"].value, params["discount"].value
    if r is None or not 0 <= r < 1:
        raise ValueError(f"`retention` must be in [0, 1), but {r!r} was given.")
    if i is None or i <= -1:
        raise ValueError(f"`discount` must be > -1, but {i!r} was given.")


def list_presets() -> pd.DataFrame:
    """The presets: name, description, and the four WOM figures each one uses.

    Examples
    --------
    >>> list_presets()["preset"].tolist()
    ['amex2011', 'amex2012', 'amex2017', 'east2007']
    """
    rows = []
    for name, desc in PRESET_DESCRIPTIONS.items():
        p = PRESETS[name]()
        rows.append({
            "preset": name, "description": desc,
            "tell_share_positive": p["tell_share_positive"].value,
            "tell_share_negative": p["tell_share_negative"].value,
            "told_positive": p["told_positive"].value,
            "told_negative": p["told_negative"].value,
        })
    return pd.DataFrame(rows)


def assumptions_table(params: Mapping[str, Parameter]) -> pd.DataFrame:
    """Tidy table of every parameter: value, distribution, source, verification, note."""
    return pd.DataFrame([
        {"parameter": k, "value": np.nan if p.value is None else float(p.value),
         "distribution": p.distribution.describe(), "source": p.source,
         "verification": p.verification, "note": p.note}
        for k, p in params.items()
    ])
