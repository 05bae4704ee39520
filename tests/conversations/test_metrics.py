"""bot_vs_human() and empathy_table(): intervals (checked by simulation), small groups."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest
from scipy import stats

import empathylab as el
from empathylab.conversations import mean_interval, wilson_interval


def test_wilson_matches_a_hand_computation():
    # Wilson (1927) for 8/10 at 95%: centre (0.8 + 1.96^2/20) / (1 + 1.96^2/10)
    z = stats.norm.ppf(0.975)
    p, n = 0.8, 10
    centre = (p + z**2 / (2 * n)) / (1 + z**2 / n)
    half = z / (1 + z**2 / n) * np.sqrt(p * (1 - p) / n + z**2 / (4 * n**2))
    low, high = wilson_interval(8, 10)
    assert low == pytest.approx(centre - half) and high == pytest.approx(centre + half)
    low, high = wilson_interval(np.array([0, 5]), np.array([0, 5]))
    assert np.isnan(low[0]) and high[1] == 1.0
    with pytest.raises(ValueError, match="confidence"):
        wilson_interval(1, 2, confidence=95)


def test_wilson_coverage_by_simulation(rng):
    n, p, sims = 40, 0.15, 4000
    k = rng.binomial(n, p, size=sims)
    low, high = wilson_interval(k, np.full(sims, n))
    coverage = np.mean((low <= p) & (p <= high))
    assert 0.93 <= coverage <= 0.97


def test_mean_interval_coverage_by_simulation(rng):
    n, sims = 12, 4000
    x = rng.normal(60, 15, size=(sims, n))
    low, high = mean_interval(x.mean(axis=1), x.std(axis=1, ddof=1), np.full(sims, n))
    coverage = np.mean((low <= 60) & (60 <= high))
    assert 0.935 <= coverage <= 0.965


def _replies(rng, sizes: dict[str, int]) -> pd.DataFrame:
    parts = []
    for agent, n in sizes.items():
        parts.append(pd.DataFrame({
            "agent_id": agent,
            "author_role": "bot" if agent.startswith("bot") else "agent",
            "channel": rng.choice(["chat", "email"], size=n),
            "empathy": rng.uniform(0, 100, size=n).round(1),
            "response_seconds": rng.exponential(600, size=n),
            "recovered": pd.array(rng.choice([True, False, None], size=n), dtype="boolean"),
        }))
    return pd.concat(parts, ignore_index=True)


def test_empathy_table_figures_and_small_groups(rng):
    t = _replies(rng, {"anna": 60, "ben": 45, "cem": 8})
    with pytest.warns(el.SmallSampleWarning, match="1 of 3 group.*cem"):
        table = el.empathy_table(t)
    assert table["agent_id"].tolist() == ["anna", "ben", "cem"]
    assert table["small_sample"].tolist() == [False, False, True]
    anna = t[t["agent_id"] == "anna"]
    row = table.iloc[0]
    assert row["n"] == 60
    assert row["mean_empathy"] == pytest.approx(anna["empathy"].mean())
    ref = stats.t.interval(0.95, 59, loc=anna["empathy"].mean(), scale=stats.sem(anna["empathy"]))
    assert (row["ci_low"], row["ci_high"]) == pytest.approx(ref)
    assert row["share_empathic"] == pytest.approx((anna["empathy"] >= 50).mean())
    eligible = anna["recovered"].dropna()
    assert row["n_recovery"] == len(eligible)
    assert row["recovery_rate"] == pytest.approx(eligible.mean())
    low, high = wilson_interval(eligible.sum(), len(eligible))
    assert (row["recovery_ci_low"], row["recovery_ci_high"]) == pytest.approx((low, high))


def test_empathy_table_by_several_columns_and_threshold(rng):
    t = _replies(rng, {"anna": 50, "ben": 50})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", el.SmallSampleWarning)
        table = el.empathy_table(t, by=["agent_id", "channel"], threshold=80, min_n=5)
    assert len(table) == 4 and table["n"].sum() == 100
    sub = t[(t["agent_id"] == "ben") & (t["channel"] == "email")]
    row = table[(table["agent_id"] == "ben") & (table["channel"] == "email")].iloc[0]
    assert row["share_empathic"] == pytest.approx((sub["empathy"] >= 80).mean())


def test_empathy_table_keeps_missing_groups_and_errors(rng):
    t = _replies(rng, {"anna": 40})
    t.loc[:4, "agent_id"] = None
    t.loc[5, "empathy"] = np.nan
    with pytest.warns(el.SmallSampleWarning):
        table = el.empathy_table(t)
    assert table["n"].sum() == 39 and table["agent_id"].isna().sum() == 1
    with pytest.raises(el.MissingColumnError, match="score_empathy=True"):
        el.empathy_table(t.drop(columns="empathy"))
    with pytest.raises(el.MissingColumnError, match="agent"):
        el.empathy_table(t, by="agents")
    with pytest.raises(ValueError, match="at least one"):
        el.empathy_table(t, by=[])


def test_bot_vs_human_table(rng):
    t = _replies(rng, {"anna": 70, "bot-1": 30})
    table = el.bot_vs_human(t)
    assert table["author_role"].tolist() == ["agent", "bot"]
    bots = t[t["author_role"] == "bot"]
    row = table.iloc[1]
    assert row["n"] == 30
    assert row["response_median_s"] == pytest.approx(bots["response_seconds"].median())
    eligible = bots["recovered"].dropna()
    assert row["recovery_rate"] == pytest.approx(eligible.mean())
    assert row["ci_low"] <= row["recovery_rate"] <= row["ci_high"]
    assert row["mean_empathy"] == pytest.approx(bots["empathy"].mean())
    assert row["empathy_ci_low"] < row["mean_empathy"] < row["empathy_ci_high"]
    plain = el.bot_vs_human(t.drop(columns=["empathy"]))
    assert "mean_empathy" not in plain.columns


def test_tables_from_threads_of_the_bundled_sample():
    from empathylab.datasets import load_sample

    t = el.threads(load_sample("helpdesk"), keep=["group"])
    t["empathy"] = np.where(t["author_role"] == "bot", 30.0, 70.0)
    table = el.bot_vs_human(t)
    assert set(table["author_role"]) == {"agent", "bot"}
    assert table.set_index("author_role").loc["bot", "mean_empathy"] == 30.0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", el.SmallSampleWarning)
        teams = el.empathy_table(t, by="group")
    assert teams["n"].sum() == len(t)
