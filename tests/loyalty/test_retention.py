"""retention_curves: Kaplan-Meier against statsmodels, bands, log-rank error rate."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from statsmodels.duration.survfunc import SurvfuncRight

from empathylab.datasets import load_sample
from empathylab.loyalty import empathy_bands, retention_curves


def test_kaplan_meier_matches_statsmodels(rng):
    n = 400
    time = np.round(rng.exponential(200, n))
    event = rng.random(n) < 0.7
    df = pd.DataFrame({"days": time, "gone": event, "team": rng.choice(["a", "b"], n)})
    curves = retention_curves(df, by="team", duration="days", event="gone").curves
    for team in ("a", "b"):
        sel = df["team"] == team
        ref = SurvfuncRight(df.loc[sel, "days"], df.loc[sel, "gone"].astype(int))
        mine = curves[(curves["group"] == team) & (curves["n_events"] > 0)]
        np.testing.assert_allclose(mine["retention"], ref.surv_prob[ref.n_events > 0])
        s, se = ref.surv_prob, ref.surv_prob_se
        inner = (s > 0) & (s < 1) & (ref.n_events > 0)
        half = 1.959964 * se[inner] / (s[inner] * np.abs(np.log(s[inner])))
        low = np.exp(-np.exp(np.log(-np.log(s[inner])) + half))
        np.testing.assert_allclose(
            mine.set_index("time").loc[ref.surv_times[inner], "ci_low"], low, rtol=1e-6)


def test_bands_on_the_sample_and_the_planted_order():
    customers = load_sample("customers")
    curves = retention_curves(customers, treatment="true_empathy_exposure",
                              start="last_contact", end="churn_date", horizon=365)
    year = curves.summary.query("day == 365").set_index("group")["retention"]
    assert year["low"] < year["high"]  # planted: empathy lowers the churn hazard
    assert curves.test.loc[0, "p_value"] < 0.05
    ax = curves.plot()
    assert len(ax.lines) == 3


def test_log_rank_false_positive_rate():
    rng = np.random.default_rng(5)
    rejections = 0
    for _ in range(300):
        df = pd.DataFrame({"days": rng.exponential(100, 200), "gone": rng.random(200) < 0.8,
                           "band": rng.choice(["low", "high"], 200)})
        rejections += retention_curves(df, by="band", duration="days",
                                       event="gone").test.loc[0, "p_value"] < 0.05
    assert 0.025 <= rejections / 300 <= 0.08


def test_empathy_bands():
    values = pd.Series([10.0, 20, 30, 40, 50, 60, np.nan])
    bands = empathy_bands(values)
    assert bands.tolist()[:6] == ["low", "low", "medium", "medium", "high", "high"]
    assert pd.isna(bands.iloc[6])
    fixed = empathy_bands(values, bands=[0, 35, 100], labels=["cold", "warm"])
    assert fixed.tolist()[:6] == ["cold"] * 3 + ["warm"] * 3
    with pytest.raises(ValueError, match="needs 2 names"):
        empathy_bands(values, bands=[0, 35, 100], labels=["only one"])


def test_errors():
    df = pd.DataFrame({"days": [1.0, -2.0], "gone": [True, False], "band": ["a", "b"]})
    with pytest.raises(ValueError, match="negative duration in row 1"):
        retention_curves(df, by="band", duration="days", event="gone")
    with pytest.raises(ValueError, match="pass `duration`"):
        retention_curves(df, by="band", event="gone")
