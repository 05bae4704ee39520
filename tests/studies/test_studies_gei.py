"""gei_comparison(): group means, bootstrap CI, permutation p, sector confounding."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from empathylab import studies
from empathylab.exceptions import InsufficientDataError, MissingColumnError, SmallSampleWarning


def test_shipped_table_is_the_documented_generator():
    shipped = studies.load_gei_sample()
    made = studies.make_gei_table()
    pd.testing.assert_frame_equal(shipped, made, check_dtype=False)
    assert len(shipped) == 170
    assert shipped["empathy_index"].max() == 100 and shipped["empathy_index"].min() == 0
    assert shipped["rank"].tolist() == list(range(1, 171))


def test_group_means_by_hand():
    t = studies.load_gei_sample()
    res = studies.gei_comparison(t, n_boot=500, n_perm=500, random_state=0)
    r = res.summary.iloc[0]
    ranked = t.sort_values("empathy_index", ascending=False)
    assert r["mean_top"] == pytest.approx(ranked["value_growth"].head(10).mean())
    assert r["mean_bottom"] == pytest.approx(ranked["value_growth"].tail(10).mean())
    assert r["difference"] == pytest.approx(r["mean_top"] - r["mean_bottom"])


def test_bootstrap_ci_and_permutation_p_are_sane():
    t = studies.load_gei_sample()
    res = studies.gei_comparison(t, by_sector="sector", n_boot=3000, n_perm=5000,
                                 random_state=1)
    raw = res.summary.set_index("comparison").loc["raw"]
    assert raw["ci_low"] < raw["difference"] < raw["ci_high"]
    assert 0 < raw["p_value"] <= 1
    # the p-value agrees with Welch's t-test within Monte Carlo error and test differences
    from scipy import stats

    ranked = t.sort_values("empathy_index", ascending=False)["value_growth"]
    welch = stats.ttest_ind(ranked.head(10), ranked.tail(10), equal_var=False).pvalue
    assert raw["p_value"] == pytest.approx(welch, abs=0.03)
    # raw = sector-adjusted + what the sector mix predicts
    s = res.summary.set_index("comparison")
    assert s.loc["raw", "difference"] == pytest.approx(
        s.loc["sector_adjusted", "difference"] + s.loc["sector_mix", "difference"])
    comp = res.composition
    assert comp["n_top"].sum() == 10 and comp["n_bottom"].sum() == 10


def test_permutation_p_is_uniform_under_the_null():
    rng = np.random.default_rng(7)
    ps = []
    for _ in range(200):
        df = pd.DataFrame({"empathy_index": rng.normal(size=60),
                           "value_growth": rng.normal(size=60)})
        ps.append(studies.gei_comparison(df, n_boot=100, n_perm=200,
                                         random_state=rng).summary["p_value"].iloc[0])
    ps = np.array(ps)
    assert 0.02 <= (ps < 0.05).mean() <= 0.10
    assert 0.4 <= np.median(ps) <= 0.6


def test_sector_confounding_on_a_constructed_table():
    # two sectors: "tech" scores high AND grows; within each sector score and growth unrelated
    rng = np.random.default_rng(3)
    n = 40
    df = pd.DataFrame({
        "sector": ["tech"] * n + ["oil"] * n,
        "empathy_index": np.r_[rng.normal(70, 5, n), rng.normal(30, 5, n)],
        "value_growth": np.r_[rng.normal(20, 3, n), rng.normal(-5, 3, n)],
    })
    res = studies.gei_comparison(df, by_sector="sector", n_boot=2000, n_perm=2000,
                                 random_state=0)
    s = res.summary.set_index("comparison")
    assert s.loc["raw", "difference"] == pytest.approx(25, abs=4)
    assert s.loc["raw", "p_value"] < 0.001
    assert s.loc["raw", "ci_low"] > 15
    assert abs(s.loc["sector_adjusted", "difference"]) < 4
    assert s.loc["sector_adjusted", "ci_low"] < 0 < s.loc["sector_adjusted", "ci_high"]
    assert s.loc["sector_mix", "difference"] == pytest.approx(s.loc["raw", "difference"], abs=4)
    assert res.composition.set_index("sector").loc["tech", "n_top"] == 10


def test_a_real_within_sector_effect_survives_adjustment():
    t = studies.make_gei_table(within_sector_effect=15.0, noise_sd=4.0, random_state=5)
    res = studies.gei_comparison(t, by_sector="sector", n_boot=1000, n_perm=2000,
                                 random_state=0)
    adj = res.summary.set_index("comparison").loc["sector_adjusted"]
    assert adj["ci_low"] > 0 and adj["p_value"] < 0.01


def test_errors_and_warnings():
    t = studies.load_gei_sample()
    with pytest.raises(MissingColumnError, match="'growth'"):
        studies.gei_comparison(t, outcome="growth")
    with pytest.raises(InsufficientDataError):
        studies.gei_comparison(t.head(15), n_boot=100, n_perm=100)
    with pytest.warns(SmallSampleWarning):
        studies.gei_comparison(t, top=5, n_boot=100, n_perm=100, random_state=0)
    with pytest.raises(TypeError, match="numeric"):
        studies.gei_comparison(t, outcome="sector")


def test_plot_and_display():
    res = studies.gei_comparison(studies.load_gei_sample(), by_sector="sector", n_boot=200,
                                 n_perm=200, random_state=0)
    ax = res.plot()
    assert len(ax.patches) == 3
    assert "permutation p" in repr(res)
    assert "Sector composition" in res._repr_html_()
