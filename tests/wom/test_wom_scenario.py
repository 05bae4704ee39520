"""scenario(): empathy uplift -> promoters/detractors -> value, with the effect's uncertainty."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pytest
from scipy.special import expit, logit

from empathylab import wom
from empathylab.wom import LogNormal, Parameter

COUNTS = {"promoters": 300, "passives": 400, "detractors": 300}


@pytest.fixture
def base():
    return wom.estimate(counts=COUNTS, n_sims=3000, random_state=0)


@dataclass
class Effect:
    """An object following the documented protocol (what the loyalty module will return)."""

    coef: float
    ci_low: float
    ci_high: float
    outcome: str
    per: float = 1.0
    scale: str = "probability"


def test_number_effect_moves_shares_and_value(base):
    up = wom.scenario(base, empathy_uplift=20, effect=0.05)  # 0.05 per 10 points
    s = up.summary.iloc[0]
    assert s["n_positive_scenario"] == pytest.approx(400)  # +0.10 of 1000
    # the 100 new promoters come from passives and detractors in proportion 4:3
    assert s["n_negative_scenario"] == pytest.approx(300 - 100 * 3 / 7)
    reach = 400 * 9 - (300 - 100 * 3 / 7) * 16
    point = base._point_values()
    unit = point["clv"] * point["loyal_multiplier"]
    value = point["in_market"] * (400 * 9 * point["impact_positive"]
                                  - (300 - 100 * 3 / 7) * 16 * point["impact_negative"]) * unit
    assert s["value_scenario"] == pytest.approx(value)
    assert s["value_uplift"] == pytest.approx(value - base.summary["value"].iloc[0])
    assert reach > base.summary["reach_net"].iloc[0]
    assert s["uplift_ci_low"] <= s["value_uplift"] <= s["uplift_ci_high"]


def test_zero_effect_gives_zero_uplift_in_every_draw(base):
    up = wom.scenario(base, effect=0.0)
    assert np.allclose(up.simulations()["total"], 0.0)
    assert up.summary["value_uplift"].iloc[0] == pytest.approx(0.0)


def test_effect_interval_widens_the_uplift_interval(base):
    fixed = wom.scenario(base, effect=0.05, random_state=1).summary.iloc[0]
    narrow = wom.scenario(base, effect=0.05, effect_ci=(0.04, 0.06),
                          random_state=1).summary.iloc[0]
    wide = wom.scenario(base, effect=0.05, effect_ci=(0.0, 0.10), random_state=1).summary.iloc[0]

    def width(s):
        return s["uplift_ci_high"] - s["uplift_ci_low"]

    assert width(wide) > width(narrow) > width(fixed)
    again = wom.scenario(base, effect=0.05, effect_ci=(0.0, 0.10), random_state=1).summary
    assert again["uplift_ci_low"].iloc[0] == wide["uplift_ci_low"]


def test_protocol_object_log_odds(base):
    eff = Effect(coef=0.02, ci_low=0.01, ci_high=0.03, outcome="promoter", scale="log_odds")
    up = wom.scenario(base, empathy_uplift=10, effect=eff, random_state=0)
    s = up.summary.iloc[0]
    assert s["n_positive_scenario"] == pytest.approx(1000 * expit(logit(0.3) + 0.2))
    row = up.assumptions.iloc[-1]
    assert row["parameter"] == "empathy_effect" and row["verification"] == "fitted"
    assert "Effect" in row["source"]


def test_detractor_outcome(base):
    eff = Effect(coef=-0.01, ci_low=-0.015, ci_high=-0.005, outcome="detractor")
    s = wom.scenario(base, empathy_uplift=10, effect=eff, random_state=0).summary.iloc[0]
    assert s["n_negative_scenario"] == pytest.approx(200)
    assert s["n_positive_scenario"] == pytest.approx(300 + 100 * 3 / 7)
    assert s["value_uplift"] > 0


def test_other_outcomes_need_an_explicit_reading(base):
    eff = Effect(coef=0.004, ci_low=0.001, ci_high=0.007, outcome="repurchase_90d")
    with pytest.raises(ValueError, match="as_outcome"):
        wom.scenario(base, effect=eff)
    up = wom.scenario(base, effect=eff, as_outcome="promoter", random_state=0)
    assert "read as an effect on the promoter share" in up.assumptions["note"].iloc[-1]


def test_parameter_effect_and_errors(base):
    up = wom.scenario(base, effect=Parameter(0.05, LogNormal(0.3), source="assumption: test"),
                      random_state=0)
    assert up.summary["prob_uplift_positive"].iloc[0] == pytest.approx(1.0)
    with pytest.raises(TypeError, match="pass the empathy-to-loyalty `effect`"):
        wom.scenario(base)
    with pytest.raises(TypeError, match="lacks"):
        wom.scenario(base, effect="big")
    with pytest.raises(TypeError, match="WOMResult"):
        wom.scenario(COUNTS, effect=0.05)
    with pytest.raises(ValueError, match="outside its interval"):
        wom.scenario(base, effect=0.05, effect_ci=(0.06, 0.08))


def test_segments_and_plot():
    import pandas as pd

    counts = pd.DataFrame({"q": ["Q1", "Q2"], "promoters": [100, 200], "passives": [50, 50],
                           "detractors": [100, 50]})
    base = wom.estimate(counts=counts, by="q", n_sims=1000, random_state=0)
    up = wom.scenario(base, effect=(0.05, 0.02, 0.08), random_state=0)
    assert up.summary["q"].tolist() == ["Q1", "Q2"]
    assert up.total()["value_uplift"].iloc[0] == pytest.approx(up.summary["value_uplift"].sum())
    ax = up.plot()
    assert len(ax.patches) == 2
    assert "value uplift" in repr(up)
