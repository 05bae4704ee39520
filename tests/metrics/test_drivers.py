"""key_drivers(): planted drivers recovered, driver shapes, outcomes, plot, errors."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

import empathylab as el
from empathylab.metrics import key_drivers

TOUCHPOINTS = ["delivery", "returns", "app", "billing", "hotline"]


def planted(rng, n=3000) -> tuple[pd.DataFrame, dict[str, float]]:
    """0-10 answers that drop by 2 points when 'delivery' is mentioned; others no effect.

    Each message mentions 1-2 touchpoints (list column), independently of the outcome.
    """
    mentions = rng.random((n, len(TOUCHPOINTS))) < np.array([0.3, 0.2, 0.25, 0.15, 0.2])
    latent = 7.5 + rng.normal(0, 1.8, n) - 2.0 * mentions[:, 0]
    score = np.clip(np.round(latent), 0, 10)
    lists = [[t for t, m in zip(TOUCHPOINTS, row, strict=True) if m] for row in mentions]
    df = pd.DataFrame({"touchpoints": lists, "nps": score, "text": "x",
                       "compound": np.clip(0.1 - 0.3 * mentions[:, 0]
                                           + rng.normal(0, 0.3, n), -1, 1)})
    return df, {"delivery": -2.0}


def observed_mean(mu: float, sd: float = 1.8) -> float:
    """E[clip(round(N(mu, sd)), 0, 10)] from the normal CDF."""
    from scipy import stats

    edges = np.array([-np.inf, *np.arange(0.5, 10.0, 1.0), np.inf])
    probs = np.diff(stats.norm.cdf(edges, mu, sd))
    return float((np.arange(11) * probs).sum())


def test_planted_driver_is_recovered(rng):
    df, _ = planted(rng)
    result = key_drivers(df, outcome="nps_score", drivers="touchpoints")
    table = result.summary.set_index("driver")
    assert set(table.index) == set(TOUCHPOINTS)
    assert table.index[0] == "delivery"  # largest absolute impact first
    d = table.loc["delivery"]
    # the latent shift is -2; on the rounded, clipped 0-10 answers it is slightly smaller
    truth = observed_mean(5.5) - observed_mean(7.5)
    assert truth == pytest.approx(-1.94, abs=0.01)
    assert d["coef_ci_low"] < truth < d["coef_ci_high"]
    assert d["coef_ci_high"] - d["coef_ci_low"] < 0.4
    assert d["effect_ci_high"] < -1.0 and d["effect_p_adjusted"] < 1e-10
    assert d["impact"] == pytest.approx(d["share"] * d["effect"])
    assert d["share"] == pytest.approx(df["touchpoints"].map(lambda v: "delivery" in v).mean())
    others = table.drop(index="delivery")
    # no effect planted: the model's intervals cover 0 (5% chance each to miss)
    assert (others["coef_ci_low"] < 0).sum() >= 3 and (others["coef_ci_high"] > 0).sum() >= 3
    assert (others["coef"].abs() < 0.3).all()
    assert result.reference is None and result.outcome_kind == "continuous"


def test_nps_promoter_and_compound_outcomes(rng):
    df, _ = planted(rng)
    coded = key_drivers(df, outcome="nps", drivers="touchpoints").summary.set_index("driver")
    assert coded.loc["delivery", "effect"] < -0.3  # NPS points on the -1..1 scale
    assert coded.loc["delivery", "effect_ci_high"] < 0
    binary = key_drivers(df, outcome="detractor", drivers="touchpoints")
    assert binary.outcome_kind == "binary"
    b = binary.summary.set_index("driver")
    assert b.loc["delivery", "effect"] > 0 and b.loc["delivery", "coef"] > 0  # log-odds
    sent = key_drivers(df, outcome="compound", drivers="touchpoints").summary.set_index("driver")
    assert sent.loc["delivery", "effect"] == pytest.approx(-0.3, abs=0.05)


def test_topic_weight_frame_and_text_column(rng):
    df, _ = planted(rng, n=1200)
    weights = pd.DataFrame({
        "late_parcel": np.where(df["touchpoints"].map(lambda v: "delivery" in v),
                                rng.uniform(0.3, 1.0, len(df)), 0.0),
        "noise": rng.uniform(0, 1, len(df)) * (rng.random(len(df)) < 0.4),
    }, index=df.index)
    table = key_drivers(df, outcome="nps_score", drivers=weights).summary.set_index("driver")
    assert table.loc["late_parcel", "effect_ci_high"] < 0
    assert table.loc["noise", "effect_ci_low"] < 0 < table.loc["noise", "effect_ci_high"]
    # one touchpoint per row: the dummies partition the rows, so one is the reference
    single = df.assign(touchpoint=df["touchpoints"].map(lambda v: v[0] if v else "none"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", el.SmallSampleWarning)
        result = key_drivers(single, outcome="nps_score", drivers="touchpoint")
    summary = result.summary.set_index("driver")
    assert result.reference in summary.index
    assert pd.isna(summary.loc[result.reference, "coef"])
    assert summary.drop(index=result.reference)["coef"].notna().all()


def test_plot_and_views(rng):
    df, _ = planted(rng, n=800)
    result = key_drivers(df, outcome="nps", drivers="touchpoints")
    ax = result.plot()
    assert len(ax.collections[0].get_offsets()) == len(TOUCHPOINTS)
    assert {t.get_text() for t in ax.texts} == set(TOUCHPOINTS)
    assert "importance" in ax.get_xlabel() and "performance" in ax.get_ylabel()
    assert "largest impact: delivery" in repr(result)
    assert "| driver |" in result.to_markdown()


def test_sample_data_and_customer_rows_only():
    from empathylab.datasets import load_sample

    df = load_sample("feedback_de")
    result = key_drivers(df, outcome="nps", drivers="touchpoint")
    assert result.n == int(df.loc[df["author_role"] == "customer", "nps"].notna().sum())
    assert result.summary["effect_p_value"].between(0, 1).all()


def test_errors(rng):
    df, _ = planted(rng, n=100)
    with pytest.raises(el.MissingColumnError, match="did you mean 'touchpoints'"):
        key_drivers(df, drivers="touchpoint_s")
    with pytest.raises(ValueError, match="must be numeric, but 'good' was found at row 0"):
        key_drivers(df.assign(score=["good"] + [1.0] * 99), outcome="score",
                    drivers="touchpoints")
    with pytest.raises(el.InsufficientDataError, match="at least 3"):
        key_drivers(df.assign(nps=np.nan), drivers="touchpoints")
    with pytest.warns(el.DataQualityWarning, match="left out"):
        key_drivers(df.assign(always=1.0), outcome="nps_score", drivers=["always", "compound"],
                    mention_threshold=0.0)


def test_perfect_separation_leaves_coefficients_na():
    df = pd.DataFrame({"nps": [10, 10, 10, 2, 2, 2, 8, 9, 3, 10] * 5,
                       "tp": (["a"] * 3 + ["b"] * 3 + ["c"] * 4) * 5})
    with pytest.warns(el.DataQualityWarning, match="did not converge"):
        result = key_drivers(df, outcome="promoter", drivers="tp", min_n=1)
    table = result.summary.set_index("driver")
    assert table["coef"].isna().all() and result.model is None
    # with-vs-without still there: a is 15/15 promoters, the rest 10 of 35 (c: 9 and 10)
    assert table.loc["a", "effect"] == pytest.approx(1 - 10 / 35)


def test_default_drivers_fall_back_to_the_touchpoints_list(rng):
    df, _ = planted(rng, n=600)
    a = key_drivers(df, outcome="nps_score").summary
    b = key_drivers(df, outcome="nps_score", drivers="touchpoints").summary
    pd.testing.assert_frame_equal(a, b)
