"""detect_anomalies(): planted breakouts found, false-positive rate near alpha without them."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import empathylab as el
from empathylab.metrics import detect_anomalies

START = pd.Timestamp("2024-01-01")  # a Monday: ISO week 2024-W01


def simulate(rng, groups=6, weeks=40, rate=40.0, negative=0.2,
             volume_spike=None, share_spike=None, overdispersed=False) -> pd.DataFrame:
    """Customer messages per group and week; spikes as (group, week, factor or share)."""
    rows = []
    for g in range(groups):
        lam = np.full(weeks, rate)
        if overdispersed:
            lam = rng.gamma(shape=5.0, scale=rate / 5.0, size=weeks)
        p = np.full(weeks, negative)
        if volume_spike and volume_spike[0] == g:
            lam[volume_spike[1]] *= volume_spike[2]
        if share_spike and share_spike[0] == g:
            p[share_spike[1]] = share_spike[2]
        counts = rng.poisson(lam)
        week = np.repeat(np.arange(weeks), counts)
        neg = rng.random(len(week)) < p[week]
        stamps = START + pd.to_timedelta(week * 7 + rng.uniform(0, 7, len(week)), unit="D")
        rows.append(pd.DataFrame({"touchpoint": f"tp{g}", "timestamp": stamps,
                                  "label": np.where(neg, "negative", "neutral")}))
    return pd.concat(rows, ignore_index=True)


def test_planted_volume_breakout_is_found(rng):
    df = simulate(rng, volume_spike=(2, 30, 2.5))
    table = detect_anomalies(df, by="touchpoint", freq="W", metric="volume")
    flagged = table[table["flag"]]
    assert [(r.touchpoint, r.period) for r in flagged.itertuples()] == [("tp2", "2024-W31")]
    hit = flagged.iloc[0]
    assert hit["observed"] > 2 * hit["expected"] and hit["z"] > 5
    assert hit["test"] in ("poisson_conditional", "negative_binomial")
    assert hit["p_adjusted"] >= hit["p_value"]
    assert table["history_periods"].max() == 8


def test_planted_negative_share_breakout_is_found(rng):
    df = simulate(rng, share_spike=(4, 25, 0.55))
    table = detect_anomalies(df, by="touchpoint", freq="W", metric="negative_share")
    flagged = table[table["flag"]]
    assert [(r.touchpoint, r.period) for r in flagged.itertuples()] == [("tp4", "2024-W26")]
    hit = flagged.iloc[0]
    assert hit["test"] == "fisher_exact"
    assert hit["observed"] > 0.4 and hit["expected"] == pytest.approx(0.2, abs=0.05)


def test_false_positive_rate_near_alpha_without_breakouts(rng):
    df = simulate(rng, groups=30, weeks=40)
    for metric, low in (("volume", 0.02), ("negative_share", 0.02)):
        table = detect_anomalies(df, by="touchpoint", freq="W", metric=metric)
        tested = table.dropna(subset=["p_value"])
        assert len(tested) == 30 * (40 - 4)
        rate = (tested["p_value"] < 0.05).mean()
        # discrete exact tests are a little conservative: at most alpha, not far below
        assert low < rate <= 0.06, (metric, rate)
        assert tested["flag"].sum() <= 1  # BH: no (or hardly any) flags under the null


def test_overdispersed_history_uses_negative_binomial(rng):
    df = simulate(rng, groups=20, weeks=40, overdispersed=True)
    table = detect_anomalies(df, by="touchpoint", freq="W", metric="volume")
    tested = table.dropna(subset=["p_value"])
    assert (tested["test"] == "negative_binomial").mean() > 0.5
    # a Poisson test would flag a large share of these weeks; the NB test stays near alpha
    assert (tested["p_value"] < 0.05).mean() < 0.1


def test_two_sided_and_drops(rng):
    df = simulate(rng, volume_spike=(1, 20, 0.2))
    table = detect_anomalies(df, freq="W", metric="volume", alternative="less")
    assert [(r.touchpoint, r.period) for r in table[table["flag"]].itertuples()] == [
        ("tp1", "2024-W21")]
    both = detect_anomalies(df, freq="W", metric="volume", alternative="two-sided")
    assert both["flag"].sum() >= 1


def test_no_groups_months_and_gaps(rng):
    df = simulate(rng, groups=2, weeks=30)
    df = df[~df["timestamp"].between("2024-03-04", "2024-03-11")]  # one empty week
    table = detect_anomalies(df, by=None, freq="W", metric="volume")
    assert "touchpoint" not in table.columns
    assert table.loc[table["period"] == "2024-W10", "n"].item() == 0  # zero, not missing
    months = detect_anomalies(df, by="touchpoint", freq="M", metric="negative_share",
                              min_history=2, window=3)
    assert months["period"].str.fullmatch(r"\d{4}-\d{2}").all()


def test_list_valued_groups_and_sample(scored_sample):
    df = pd.DataFrame({"touchpoints": [["a", "b"], ["a"], ["b"]] * 40,
                       "timestamp": pd.date_range("2024-01-01", periods=120, freq="D"),
                       "label": "neutral"})
    table = detect_anomalies(df, by="touchpoints", freq="W", metric="volume")
    assert set(table["touchpoints"]) == {"a", "b"}
    table = detect_anomalies(scored_sample, by="touchpoint", freq="M")
    assert table["p_value"].dropna().between(0, 1).all()


def test_errors(rng):
    df = simulate(rng, groups=1, weeks=10)
    with pytest.raises(el.MissingColumnError, match="did you mean 'touchpoint'"):
        detect_anomalies(df, by="touchpont")
    with pytest.raises(el.MissingColumnError, match="label"):
        detect_anomalies(df.drop(columns="label"))
    with pytest.raises(ValueError, match="`metric` must be one of"):
        detect_anomalies(df, metric="share")
    with pytest.raises(ValueError, match="min_history <= window"):
        detect_anomalies(df, window=3, min_history=4)


def test_touchpoint_falls_back_to_the_touchpoints_list():
    df = pd.DataFrame({"touchpoints": [["a", "b"], ["a"]] * 30,
                       "timestamp": pd.date_range("2024-01-01", periods=60, freq="D"),
                       "label": "neutral"})
    table = detect_anomalies(df, freq="W", metric="volume")
    assert set(table["touchpoints"]) == {"a", "b"}
