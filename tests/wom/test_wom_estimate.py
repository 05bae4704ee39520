"""estimate(): inputs, SOURCES.md sanity checks, Monte Carlo, sensitivity, plots."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

from empathylab import wom
from empathylab.exceptions import DataQualityWarning, MissingColumnError, SmallSampleWarning
from empathylab.wom import Beta, Fixed, LogNormal, Parameter

EVEN = {"promoters": 100, "passives": 0, "detractors": 100}


def fixed_all(**extra):
    """Overrides that make every uncertain parameter fixed."""
    p = wom.preset()
    out = {k: Parameter(v.value, Fixed(), source="test") for k, v in p.items()
           if v.value is not None}
    out.update(extra)
    return out


# ------------------------------------------------------------------ SOURCES.md §3.4 checks
@pytest.mark.parametrize(("preset", "pos", "neg", "ratio"), [
    ("amex2011", 900, 1600, 1.78),
    ("amex2012", 705, 1344, 1.91),
    ("amex2017", 1100, 1500, 1.36),
])
def test_sources_sanity_checks(preset, pos, neg, ratio):
    s = wom.estimate(counts=EVEN, preset=preset, n_sims=500, random_state=0).summary
    assert s["reach_positive"].iloc[0] == pytest.approx(pos)
    assert s["reach_negative"].iloc[0] == pytest.approx(neg)
    assert s["reach_ratio"].iloc[0] == pytest.approx(ratio, abs=0.005)


def test_hand_computation_of_value():
    res = wom.estimate(counts={"n_positive": 80, "n_negative": 20}, n_sims=200, random_state=0,
                       in_market=0.5, impact_positive=0.01, impact_negative=0.03, margin=50,
                       retention=0.6, discount=0.05, retelling=0.5, generations=2)
    s = res.summary.iloc[0]
    spread = 1 + 0.5 + 0.25
    assert s["reach_positive"] == pytest.approx(80 * 9 * spread)
    assert s["reach_negative"] == pytest.approx(20 * 16 * spread)
    won = 0.5 * 80 * 9 * spread * 0.01
    lost = 0.5 * 20 * 16 * spread * 0.03
    clv = 50 * 1.05 / (1.05 - 0.6)
    assert s["customers_won"] == pytest.approx(won)
    assert s["customers_lost"] == pytest.approx(lost)
    assert s["clv"] == pytest.approx(clv)
    assert s["value"] == pytest.approx((won - lost) * clv)


def test_loyal_multiplier_and_clv_override():
    base = wom.estimate(counts=EVEN, n_sims=200, random_state=0, clv=1000).summary
    five = wom.estimate(counts=EVEN, n_sims=200, random_state=0, clv=1000,
                        loyal_multiplier=5).summary
    assert base["clv"].iloc[0] == 1000
    a = wom.estimate(counts=EVEN, n_sims=200, random_state=0, clv=1000).assumptions
    assert a.set_index("parameter").loc["margin", "note"] == "not used: clv given directly"
    assert five["value"].iloc[0] == pytest.approx(5 * base["value"].iloc[0])


# ------------------------------------------------------------------ the east2007 counterpoint
def test_east2007_flips_the_sign_where_amex2011_is_negative():
    amex = wom.estimate(counts=EVEN, n_sims=2000, random_state=3).summary.iloc[0]
    east = wom.estimate(counts=EVEN, preset="east2007", n_sims=2000,
                        random_state=3).summary.iloc[0]
    assert amex["reach_net"] < 0 < east["reach_net"]
    assert amex["value"] < 0 < east["value"]
    assert amex["reach_net_ci_high"] < 0 < east["reach_net_ci_low"]


def test_amex2011_is_positive_with_enough_promoters():
    # 16/9 = 1.78: with more than 1.78 promoters per detractor the net reach is positive
    s = wom.estimate(counts={"promoters": 200, "detractors": 100}, n_sims=500,
                     random_state=0).summary
    assert s["reach_net"].iloc[0] == pytest.approx(200 * 9 - 100 * 16)


# ------------------------------------------------------------------ Monte Carlo
def test_interval_contains_point_and_is_deterministic():
    a = wom.estimate(counts=EVEN, n_sims=3000, random_state=42)
    b = wom.estimate(counts=EVEN, n_sims=3000, random_state=42)
    c = wom.estimate(counts=EVEN, n_sims=3000, random_state=43)
    sa = a.summary.iloc[0]
    assert sa["value_ci_low"] <= sa["value"] <= sa["value_ci_high"]
    assert sa["reach_net_ci_low"] <= sa["reach_net"] <= sa["reach_net_ci_high"]
    pd.testing.assert_frame_equal(a.summary, b.summary)
    pd.testing.assert_frame_equal(a.draws, b.draws)
    assert a.summary["value_ci_low"].iloc[0] != c.summary["value_ci_low"].iloc[0]


def test_interval_narrows_with_less_parameter_uncertainty():
    wide = wom.estimate(counts=EVEN, n_sims=4000, random_state=1,
                        impact_negative=LogNormal(0.8), impact_positive=LogNormal(0.8))
    narrow = wom.estimate(counts=EVEN, n_sims=4000, random_state=1,
                          impact_negative=LogNormal(0.1), impact_positive=LogNormal(0.1))
    fixed = wom.estimate(counts=EVEN, n_sims=4000, random_state=1, **fixed_all())

    def width(r):
        s = r.summary.iloc[0]
        return s["value_ci_high"] - s["value_ci_low"]

    assert width(wide) > width(narrow) > width(fixed) == pytest.approx(0.0)
    assert fixed.summary["value_ci_low"].iloc[0] == pytest.approx(fixed.summary["value"].iloc[0])


def test_mc_mean_close_to_point_for_independent_parameters():
    res = wom.estimate(counts={"promoters": 300, "detractors": 100}, n_sims=20_000,
                       random_state=5)
    sims = res.simulations("customers_net")["total"]
    point = res.summary["customers_net"].iloc[0]
    se = sims.std() / np.sqrt(len(sims))
    assert abs(sims.mean() - point) < 4 * se


def test_customers_scaling_adds_sampling_uncertainty():
    counts = {"promoters": 30, "passives": 40, "detractors": 30}
    plain = wom.estimate(counts=counts, n_sims=3000, random_state=0, **fixed_all())
    scaled = wom.estimate(counts=counts, n_sims=3000, random_state=0, customers=10_000,
                          **fixed_all())
    s = scaled.summary.iloc[0]
    assert s["n_positive"] == pytest.approx(3000) and s["n_negative"] == pytest.approx(3000)
    assert plain.summary["value_ci_high"].iloc[0] == pytest.approx(
        plain.summary["value_ci_low"].iloc[0])
    assert s["value_ci_low"] < s["value"] < s["value_ci_high"]
    assert "dirichlet" in scaled.assumptions["distribution"].iloc[-1]


# ------------------------------------------------------------------ sensitivity
def test_sensitivity_ranks_the_dominant_parameter_first():
    res = wom.estimate(counts=EVEN, n_sims=3000, random_state=0,
                       **fixed_all(in_market=Parameter(0.2, Beta(3.0), source="test"),
                                   margin=Parameter(100.0, LogNormal(0.02), source="test")))
    table = res.sensitivity()
    assert table["parameter"].tolist() == ["in_market", "margin"]
    assert table["swing"].iloc[0] > 20 * table["swing"].iloc[1]
    # value is linear in pi: the output at the quantiles is the point value scaled
    row = table.iloc[0]
    point = res.summary["value"].iloc[0]
    assert row["output_low"] == pytest.approx(point * row["input_low"] / 0.2)
    assert abs(row["rank_correlation"]) > 0.95


def test_sensitivity_options_and_tornado():
    res = wom.estimate(counts=EVEN, n_sims=1000, random_state=0)
    t = res.sensitivity("reach_net", q=(0.1, 0.9))
    assert set(t.loc[t["swing"] > 0, "parameter"]) == {"told_positive", "told_negative"}
    assert t["parameter"].iloc[0] == "told_negative"  # 16 people, the wider count
    assert list(t.columns) == ["parameter", "value", "input_low", "input_high", "output_low",
                               "output_high", "output_point", "swing", "rank_correlation"]
    ax = res.plot_tornado()
    assert len(ax.patches) == 2 * len(res.sensitivity())
    with pytest.raises(ValueError, match="`output` must be one of"):
        res.sensitivity("profit")
    with pytest.raises(ValueError, match="`q`"):
        res.sensitivity(q=(0.9, 0.1))


# ------------------------------------------------------------------ inputs and segments
def test_nps_column_by_segment():
    df = pd.DataFrame({"nps": [10, 9, 9, 8, 7, 6, 0, 10, 3, 5, np.nan],
                       "quarter": ["Q1"] * 5 + ["Q2"] * 6})
    with pytest.warns(DataQualityWarning, match="1 of 11 rows"):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", SmallSampleWarning)
            res = wom.estimate(df, nps="nps", by="quarter", n_sims=200, random_state=0)
    s = res.summary
    assert s["quarter"].tolist() == ["Q1", "Q2"]
    assert s["n_positive"].tolist() == [3, 1]
    assert s["n_negative"].tolist() == [0, 4]
    assert s["n_responses"].tolist() == [5, 5]
    total = res.total().iloc[0]
    assert total["reach_net"] == pytest.approx(s["reach_net"].sum())
    assert res.segment_labels() == ["Q1", "Q2"]
    assert list(res.simulations().columns) == ["Q1", "Q2", "total"]


def test_sentiment_and_intent_inputs():
    labels = pd.Series(["positive", "negative", "neutral", "Positive", None] * 10)
    with pytest.warns(DataQualityWarning):
        s = wom.estimate(sentiment=labels, n_sims=200, random_state=0).summary
    assert (s["n_positive"].iloc[0], s["n_negative"].iloc[0]) == (20, 10)
    s = wom.estimate(sentiment=np.array([0.5, -0.2, 0.0] * 20), n_sims=200,
                     random_state=0).summary
    assert (s["n_positive"].iloc[0], s["n_negative"].iloc[0]) == (20, 20)
    intents = pd.DataFrame({"intent": ["empfehlung", "warnung", "frage"] * 20})
    s = wom.estimate(intents, intent="intent", positive_intents=["empfehlung"],
                     negative_intents=["warnung"], n_sims=200, random_state=0).summary
    assert (s["n_positive"].iloc[0], s["n_negative"].iloc[0]) == (20, 20)


def test_counts_dataframe_with_segments():
    counts = pd.DataFrame({"segment": ["a", "b"], "promoters": [100, 50],
                           "passives": [10, 10], "detractors": [20, 50]})
    s = wom.estimate(counts=counts, by="segment", n_sims=200, random_state=0).summary
    assert s["segment"].tolist() == ["a", "b"]
    assert s["reach_net"].tolist() == pytest.approx([100 * 9 - 20 * 16, 50 * 9 - 50 * 16])


def test_input_errors():
    df = pd.DataFrame({"NPS_score": [10, 3]})
    with pytest.raises(MissingColumnError, match="'nps'.*NPS_score"):
        wom.estimate(df, nps="nps")
    with pytest.raises(ValueError, match="row 1 has 11"):
        wom.estimate(pd.DataFrame({"nps": [10, 11]}), nps="nps")
    with pytest.raises(TypeError, match="exactly one"):
        wom.estimate(pd.DataFrame({"nps": [10]}), nps="nps", counts=EVEN)
    with pytest.raises(TypeError, match="exactly one"):
        wom.estimate()
    with pytest.raises(ValueError, match="`counts` needs 'n_negative'"):
        wom.estimate(counts={"promoters": 3})
    with pytest.raises(ValueError, match="sentiment labels"):
        wom.estimate(sentiment=["good", "bad"])
    with pytest.raises(ValueError, match="n_sims"):
        wom.estimate(counts=EVEN, n_sims=10)
    with pytest.raises(ValueError, match="retelling"):
        wom.estimate(counts=EVEN, retelling=Parameter(0.5, LogNormal(2.0)), n_sims=2000,
                     random_state=0)


def test_small_sample_warning():
    with pytest.warns(SmallSampleWarning, match="fewer than 30"):
        wom.estimate(counts={"promoters": 5, "detractors": 5}, n_sims=200, random_state=0)


# ------------------------------------------------------------------ display and plots
def test_assumptions_table_lists_every_parameter():
    res = wom.estimate(counts=EVEN, n_sims=200, random_state=0)
    a = res.assumptions
    assert list(a.columns) == ["parameter", "value", "distribution", "source", "verification",
                               "note"]
    assert set(wom.parameters.PARAMETER_NAMES) <= set(a["parameter"])
    assert a.set_index("parameter").loc["clv", "value"] == pytest.approx(100 * 1.1 / 0.3)
    assert a["source"].str.len().gt(0).all()
    assert "77%" in a["note"].iloc[-1]
    html = res._repr_html_()
    assert "Assumptions" in html and "American Express" in html
    assert "net value" in repr(res)
    assert "| parameter |" in res.to_markdown()


def test_waterfall_plot():
    res = wom.estimate(counts=EVEN, n_sims=500, random_state=0)
    ax = res.plot()
    heights = [p.get_height() for p in ax.patches]
    s = res.summary.iloc[0]
    assert heights == pytest.approx([s["value_won"], -s["value_lost"], s["value"]])
    assert [t.get_text() for t in ax.get_xticklabels()] == ["Positive WOM", "Negative WOM",
                                                            "Net value"]
    ax_de = res.plot(lang="de")
    assert ax_de.get_xticklabels()[2].get_text() == "Netto-Wert"


def test_compare_presets_table():
    t = wom.compare_presets(counts=EVEN, n_sims=500)
    assert t["preset"].tolist() == ["amex2011", "amex2012", "amex2017", "east2007"]
    assert (t["reach_net"] < 0).tolist() == [True, True, True, False]
