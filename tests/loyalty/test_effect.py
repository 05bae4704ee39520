"""effect_of_empathy: the planted effect is recovered, no effect gives about 5% rejections."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm

from empathylab import DataQualityWarning
from empathylab.datasets import load_sample, make_feedback
from empathylab.loyalty import effect_of_empathy

CONTROLS = ["segment", "log_tenure", "true_mean_severity"]


@pytest.fixture(scope="module")
def customers():
    return load_sample("customers").assign(log_tenure=lambda d: np.log1p(d["tenure_months"]))


def test_planted_repurchase_effect_lies_in_the_interval(customers):
    planted = load_sample("planted")
    fit = effect_of_empathy(customers, "repurchase_90d", treatment="true_empathy_exposure",
                            controls=CONTROLS, random_state=0)
    assert fit.kind == "logistic"
    truth = 0.8  # repurchase_log_odds_per_level in the generator (see planted)
    assert "repurchase_log_odds_per_level" in " ".join(map(str, planted.to_numpy().ravel()))
    assert fit.ci_low < truth < fit.ci_high
    table = fit.coefficients
    assert table.loc[1, "odds_ratio"] == pytest.approx(np.exp(fit.coef))
    assert "adjusted for segment, log_tenure, true_mean_severity" in repr(fit)
    assert "not a causal effect" in repr(fit)


def test_matches_statsmodels_directly(customers):
    fit = effect_of_empathy(customers, "spend_next_12m", treatment="true_empathy_exposure",
                            controls=["log_tenure"], per=0.5)
    design = sm.add_constant(customers[["true_empathy_exposure", "log_tenure"]].to_numpy())
    ref = sm.OLS(customers["spend_next_12m"].to_numpy(), design).fit(cov_type="HC3")
    assert fit.kind == "linear"
    assert fit.coef == pytest.approx(0.5 * ref.params[1])
    assert fit.ci_high - fit.ci_low == pytest.approx(0.5 * 2 * 1.959964 * ref.bse[1], rel=1e-4)
    assert np.isnan(fit.coefficients["odds_ratio"]).all()


def test_no_planted_effect_in_the_generator_gives_an_interval_around_zero():
    rows, cust = make_feedback(2500, random_state=11, empathy_effect=0, return_customers=True)
    cust = cust.assign(log_tenure=np.log1p(cust["tenure_months"]))
    fit = effect_of_empathy(cust, "repurchase_90d", treatment="true_empathy_exposure",
                            controls=CONTROLS)
    assert fit.ci_low < 0 < fit.ci_high


def test_false_positive_rate_over_500_simulations():
    """Binary outcome driven by a confounder only; adjusted for it, rejections near 5%."""
    rng = np.random.default_rng(12)
    rejections = 0
    for _ in range(500):
        n = 300
        severity = rng.normal(size=n)
        empathy = 50 + 15 * severity + rng.normal(0, 15, n)
        y = rng.random(n) < 1 / (1 + np.exp(-(0.2 - 0.8 * severity)))
        df = pd.DataFrame({"y": y, "empathy": empathy, "severity": severity})
        fit = effect_of_empathy(df, "y", controls="severity", n_sim=10)
        rejections += fit.p_value < 0.05
    assert 0.03 <= rejections / 500 <= 0.075


def test_contrast_and_dose_response(customers):
    fit = effect_of_empathy(customers, "repurchase_90d", treatment="true_empathy_exposure",
                            controls=CONTROLS, contrast=(1.0, 2.0), random_state=1)
    contrast = fit.contrast.set_index("quantity")
    assert contrast.loc["ratio", "estimate"] > 1
    assert contrast.loc["ratio", "ci_low"] < contrast.loc["ratio", "estimate"]
    assert contrast.loc["mean_at_high", "estimate"] > contrast.loc["mean_at_low", "estimate"]
    dose = fit.dose_response
    assert dose["n"].sum() == len(customers)
    assert (dose["observed_ci_low"] <= dose["observed"]).all()
    assert dose["adjusted"].is_monotonic_increasing


def test_result_views(customers):
    fit = effect_of_empathy(customers, "churned", treatment="true_empathy_exposure",
                            controls=CONTROLS)
    assert list(fit.summary["term"]) == ["true_empathy_exposure"]
    assert "Coefficients" in fit._repr_html_()
    assert "caveat" in fit.to_markdown()
    ax = fit.plot()
    assert len(ax.lines) >= 1 and ax.get_ylabel() == "churned"


def test_bad_input(customers):
    with pytest.raises(ValueError, match="needs a 0/1 or boolean outcome"):
        effect_of_empathy(customers, "spend_next_12m", treatment="true_empathy_exposure",
                          kind="logistic")
    with pytest.raises(ValueError, match="is constant"):
        effect_of_empathy(customers.assign(e=1.0), "churned", treatment="e")
    with pytest.raises(ValueError, match="must be different"):
        effect_of_empathy(customers, "churned", treatment="churned")
    gappy = customers.copy()
    gappy.loc[gappy.index[:5], "true_empathy_exposure"] = np.nan
    with pytest.warns(DataQualityWarning, match="5 of"):
        fit = effect_of_empathy(gappy, "churned", treatment="true_empathy_exposure")
    assert fit.n == len(customers) - 5


def test_chains_into_the_word_of_mouth_scenario(customers):
    from empathylab import wom

    rng = np.random.default_rng(3)
    data = customers.assign(
        empathy=customers["true_empathy_exposure"] * 50,
        promoter=rng.random(len(customers))
        < 1 / (1 + np.exp(-(-1 + 0.02 * customers["true_empathy_exposure"] * 50))),
    )
    fit = effect_of_empathy(data, "promoter", per=10)
    assert fit.scale == "log_odds" and fit.per == 10
    base = wom.estimate(counts={"promoters": 300, "passives": 200, "detractors": 500},
                        random_state=0, n_sims=2000)
    better = wom.scenario(base, empathy_uplift=10, effect=fit).summary.iloc[0]
    # a positive empathy effect on promoters: more promoters, and more value, with interval
    assert better["n_positive_scenario"] > better["n_positive_base"]
    assert 0 < better["uplift_ci_low"] < better["value_uplift"] < better["uplift_ci_high"]
