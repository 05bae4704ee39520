"""correlate: agreement with scipy, partial correlation, BH, coverage and error rates."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from empathylab import DataQualityWarning, MissingColumnError
from empathylab.loyalty import correlate
from empathylab.metrics._stats import bh_adjust


def _pair(rng, n=300, rho=0.3):
    a = rng.normal(size=n)
    b = rho * a + np.sqrt(1 - rho**2) * rng.normal(size=n)
    return pd.DataFrame({"a": a, "b": b, "g": rng.choice(["u", "v", "w"], n)})


@pytest.mark.parametrize(
    ("method", "reference"),
    [("pearson", stats.pearsonr), ("spearman", stats.spearmanr), ("kendall", stats.kendalltau)],
)
def test_estimate_and_p_value_match_scipy(rng, method, reference):
    df = _pair(rng)
    df.loc[::5, "b"] = df.loc[::5, "b"].round()  # ties for the rank methods
    row = correlate(df, "a", "b", method=method, n_boot=200, random_state=0).iloc[0]
    expected = reference(df["a"], df["b"])
    assert row["estimate"] == pytest.approx(expected.statistic, abs=1e-10)
    assert row["p_value"] == pytest.approx(expected.pvalue, rel=1e-6)
    assert row["ci_low"] < row["estimate"] < row["ci_high"]
    assert row["n"] == len(df)


def test_partial_correlation_is_the_correlation_of_residuals(rng):
    df = _pair(rng, n=400)
    df["t"] = rng.normal(size=len(df))
    df["b"] += 0.8 * df["t"] + (df["g"] == "v") * 1.5
    dummies = pd.get_dummies(df["g"], drop_first=True, dtype=float)
    z = np.column_stack([np.ones(len(df)), df["t"], dummies])

    def resid(v):
        beta, *_ = np.linalg.lstsq(z, v, rcond=None)
        return v - z @ beta

    expected = np.corrcoef(resid(df["a"].to_numpy()), resid(df["b"].to_numpy()))[0, 1]
    row = correlate(df, "a", "b", method="pearson", controls=["t", "g"], n_boot=0).iloc[0]
    assert row["estimate"] == pytest.approx(expected, abs=1e-10)
    assert row["controls"] == "t, g"
    ranks = df[["a", "b"]].rank()
    expected_rank = np.corrcoef(resid(ranks["a"].to_numpy()), resid(ranks["b"].to_numpy()))[0, 1]
    row = correlate(df, "a", "b", controls=["t", "g"], n_boot=0).iloc[0]
    assert row["estimate"] == pytest.approx(expected_rank, abs=1e-10)


def test_bh_matches_statsmodels():
    from statsmodels.stats.multitest import multipletests

    p = np.array([0.001, 0.2, 0.03, 0.04, 0.9, 0.012, np.nan])
    expected = multipletests(p[:-1], method="fdr_bh")[1]
    got = bh_adjust(p)
    np.testing.assert_allclose(got[:-1], expected)
    assert np.isnan(got[-1])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.floats(0, 1), min_size=1, max_size=30))
def test_bh_is_at_least_p_and_at_most_one(p):
    adjusted = bh_adjust(p)
    assert np.all(adjusted >= np.asarray(p) - 1e-12)
    assert np.all(adjusted <= 1)


def test_many_pairs_and_groups_get_one_adjusted_column(rng):
    df = _pair(rng)
    df["c"] = rng.normal(size=len(df))
    table = correlate(df, ["a", "c"], ["b", "c"], by="g", n_boot=100, random_state=1)
    assert len(table) == 3 * 3  # (a,b) (a,c) (c,b) per group
    assert list(table.columns[:3]) == ["g", "x", "y"]
    assert (table["p_adjusted"] >= table["p_value"] - 1e-12).all()


def test_fisher_interval_covers_the_true_correlation():
    """2,000 samples of n=60 with rho=0.5: the 95% Fisher interval covers rho 93-97%."""
    rng = np.random.default_rng(7)
    n, rho, sims = 60, 0.5, 2000
    a = rng.normal(size=(sims, n))
    b = rho * a + np.sqrt(1 - rho**2) * rng.normal(size=(sims, n))
    hits = 0
    for i in range(sims):
        row = correlate(pd.DataFrame({"a": a[i], "b": b[i]}), "a", "b", method="pearson",
                        n_boot=0).iloc[0]
        hits += row["ci_low"] <= rho <= row["ci_high"]
    assert 0.93 <= hits / sims <= 0.97


def test_bootstrap_interval_covers_the_true_correlation():
    """300 samples of n=150: the percentile bootstrap covers rho close to 95% of the time."""
    rng = np.random.default_rng(8)
    n, rho, sims = 150, 0.4, 300
    hits = 0
    for _ in range(sims):
        a = rng.normal(size=n)
        b = rho * a + np.sqrt(1 - rho**2) * rng.normal(size=n)
        row = correlate(pd.DataFrame({"a": a, "b": b}), "a", "b", method="pearson",
                        n_boot=400, random_state=rng).iloc[0]
        hits += row["ci_low"] <= rho <= row["ci_high"]
    assert 0.91 <= hits / sims <= 0.98


def test_false_positive_rate_without_correlation_is_about_five_percent():
    rng = np.random.default_rng(9)
    sims, n = 1000, 80
    a, b = rng.normal(size=(sims, n)), rng.normal(size=(sims, n))
    rejections = sum(
        correlate(pd.DataFrame({"a": a[i], "b": b[i]}), "a", "b", n_boot=0).iloc[0]["p_value"]
        < 0.05
        for i in range(sims)
    )
    assert 0.035 <= rejections / sims <= 0.065


def test_cluster_bootstrap_keeps_the_error_rate_when_rows_repeat():
    """Customers with 8 rows each sharing a customer effect in both x and y: the naive
    test rejects far too often, the cluster bootstrap close to 5%."""
    rng = np.random.default_rng(10)
    sims, customers, per = 200, 40, 8
    naive = cluster = 0
    ids = np.repeat(np.arange(customers), per)
    for _ in range(sims):
        a = rng.normal(size=customers)[ids] + 0.3 * rng.normal(size=len(ids))
        b = rng.normal(size=customers)[ids] + 0.3 * rng.normal(size=len(ids))
        df = pd.DataFrame({"a": a, "b": b, "customer": ids})
        naive += correlate(df, "a", "b", n_boot=0).iloc[0]["p_value"] < 0.05
        row = correlate(df, "a", "b", cluster="customer", n_boot=300, random_state=rng).iloc[0]
        cluster += row["p_value"] < 0.05
        assert row["n_clusters"] == customers
    assert naive / sims > 0.2
    assert cluster / sims <= 0.1


def test_missing_values_are_counted_and_left_out(rng):
    df = _pair(rng)
    df.loc[:9, "b"] = np.nan
    with pytest.warns(DataQualityWarning, match="10 of 300 rows"):
        row = correlate(df, "a", "b", n_boot=0).iloc[0]
    assert row["n"] == 290


def test_errors_name_the_problem(rng):
    df = _pair(rng)
    with pytest.raises(MissingColumnError, match="did you mean 'a'"):
        correlate(df, "A", "b")
    with pytest.raises(ValueError, match="`method` must be one of"):
        correlate(df, "a", "b", method="spearmann")
    with pytest.raises(ValueError, match="partial Kendall"):
        correlate(df, "a", "b", method="kendall", controls="g")
    with pytest.raises(ValueError, match="needs the bootstrap"):
        correlate(df, "a", "b", cluster="g", n_boot=0)
    with pytest.raises(TypeError, match="must be numeric or boolean"):
        correlate(df, "a", "g")
    with pytest.raises(ValueError, match="no pair"):
        correlate(df, "a", "a")
