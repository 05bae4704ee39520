"""Presets match SOURCES.md; overrides; distributions."""

from __future__ import annotations

import numpy as np
import pytest

from empathylab import wom
from empathylab.wom import Beta, Fixed, LogNormal, NegativeBinomial, Parameter, Uniform

# SOURCES.md §2 Claim 1 and §3.4 (the figures as the sources give them)
EXPECTED = {
    "amex2011": {"told_positive": 9, "told_negative": 16},
    "amex2012": {"told_positive": 15, "told_negative": 24, "tell_share_positive": 0.47,
                 "tell_share_negative": 0.56},
    "amex2017": {"told_positive": 11, "told_negative": 15},
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_presets_match_sources(name):
    p = wom.preset(name)
    for key, value in EXPECTED[name].items():
        assert p[key].value == pytest.approx(value)
        assert "American Express" in p[key].source


def test_amex2011_source_details():
    p = wom.preset("amex2011")
    assert "n=1,018" in p["told_positive"].source
    assert "2011" in p["told_positive"].source
    assert p["told_positive"].verification == "V"
    assert isinstance(p["told_positive"].distribution, NegativeBinomial)
    assert p["told_positive"].distribution.n == 1018
    assert wom.preset("amex2012")["told_positive"].verification == "S"


def test_east2007_reads_the_3_to_1_ratio():
    p = wom.preset("east2007")
    per_customer = (p["tell_share_positive"].value * p["told_positive"].value) / (
        p["tell_share_negative"].value * p["told_negative"].value)
    assert per_customer == pytest.approx(3.0)
    assert "East, Hammond & Wright (2007)" in p["tell_share_negative"].source


def test_assumptions_are_marked():
    p = wom.preset()
    assert p["retelling"].value == 0 and p["generations"].value == 0  # default none
    for key in ("in_market", "impact_positive", "impact_negative", "margin", "retention"):
        assert p[key].source.startswith("assumption"), key
    mult = p["loyal_multiplier"]
    assert mult.value == 1.0 and mult.verification == "X"
    assert "unverified blog figure" in mult.source


def test_default_preset_is_amex2011():
    assert wom.list_presets()["preset"].iloc[0] == "amex2011"
    res = wom.estimate(counts={"promoters": 50, "detractors": 50}, n_sims=200, random_state=0)
    assert res.preset == "amex2011"


def test_number_override_keeps_distribution_and_marks_source():
    p = wom.preset("amex2011", told_negative=20, in_market=0.5)
    assert p["told_negative"].value == 20
    assert isinstance(p["told_negative"].distribution, NegativeBinomial)
    assert p["told_negative"].source == "override"
    assert p["in_market"].value == 0.5
    assert p["told_positive"].value == 9


def test_parameter_and_distribution_overrides():
    p = wom.preset(retelling=Parameter(0.3, Uniform(0.1, 0.5), source="assumption: mine"),
                   told_positive=LogNormal(0.5))
    assert p["retelling"].source == "assumption: mine"
    assert isinstance(p["told_positive"].distribution, LogNormal)
    assert p["told_positive"].value == 9


def test_bad_overrides():
    with pytest.raises(TypeError, match="unknown parameter 'told_negativ'.*told_negative"):
        wom.preset(told_negativ=3)
    with pytest.raises(ValueError, match="retelling.*below 1"):
        wom.preset(retelling=1.0)
    with pytest.raises(ValueError, match="in_market"):
        wom.preset(in_market=1.5)
    with pytest.raises(ValueError, match="generations"):
        wom.preset(generations=1.5)
    with pytest.raises(TypeError, match="must be a number"):
        wom.preset(told_positive="9")
    with pytest.raises(ValueError, match="`preset` must be one of"):
        wom.preset("amex2019")


def test_distributions_have_the_stated_mean(rng):
    for param, mean in [
        (Parameter(9.0, NegativeBinomial(n=1018, size=1.0)), 9.0),
        (Parameter(0.47, Beta(1000)), 0.47),
        (Parameter(0.02, LogNormal(0.5)), 0.02),
        (Parameter(5.0, Fixed()), 5.0),
    ]:
        draws = param.sample(40_000, rng)
        assert draws.mean() == pytest.approx(mean, rel=0.02)
    u = Parameter(0.3, Uniform(0.1, 0.5)).sample(40_000, rng)
    assert u.min() >= 0.1 and u.max() <= 0.5
    # the negative binomial is the sampling distribution of a mean of n skewed counts:
    # sd = sqrt((k + k^2/size) / n)
    nb = Parameter(9.0, NegativeBinomial(n=1018, size=1.0)).sample(40_000, rng)
    assert nb.std() == pytest.approx(np.sqrt((9 + 81) / 1018), rel=0.05)


def test_quantiles_are_ordered():
    for dist, value in [(NegativeBinomial(), 9.0), (Beta(50), 0.3), (LogNormal(0.3), 2.0),
                        (Uniform(1, 3), 2.0), (Fixed(), 4.0)]:
        p = Parameter(value, dist)
        assert p.quantile(0.05) <= value <= p.quantile(0.95)
