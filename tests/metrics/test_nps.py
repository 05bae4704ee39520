"""nps(), nps_diff(), csat(), ces(): published test vectors, validation, properties."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

import empathylab as el
from empathylab.metrics import ces, csat, nps, nps_diff
from empathylab.metrics.nps import nps_categories, nps_interval


def answers(pro: int, pas: int, det: int) -> list[int]:
    return [10] * pro + [7] * pas + [3] * det


def test_rocks_test_vector_50_30_20():
    # SOURCES.md §3.3: NPS 0.300, SE 0.07810, Wald [0.1469, 0.4531];
    # adjusted Wald NPS' 0.29126, SE' 0.07692, CI [0.1405, 0.4420]
    wald = nps(answers(50, 30, 20), method="wald")
    assert wald.value == pytest.approx(0.300)
    assert wald.se == pytest.approx(0.07810, abs=5e-6)
    assert (wald.ci_low, wald.ci_high) == (pytest.approx(0.1469, abs=5e-5),
                                           pytest.approx(0.4531, abs=5e-5))
    adj = nps(answers(50, 30, 20))
    assert adj.method == "adjusted_wald"
    assert adj.value == pytest.approx(0.300)
    assert adj.centre == pytest.approx(0.29126, abs=5e-6)
    assert adj.se == pytest.approx(0.07692, abs=5e-6)
    assert (adj.ci_low, adj.ci_high) == (pytest.approx(0.1405, abs=5e-5),
                                         pytest.approx(0.4420, abs=5e-5))
    assert (adj.promoters, adj.passives, adj.detractors, adj.n) == (50, 30, 20, 100)
    # the rounding: 0.291 [0.141, 0.442] and Wald [0.147, 0.453]
    assert round(adj.centre, 3) == 0.291 and round(adj.ci_low, 3) == 0.141
    assert round(adj.ci_high, 3) == 0.442
    assert round(wald.ci_low, 3) == 0.147 and round(wald.ci_high, 3) == 0.453


def test_small_test_vector_5_3_2():
    # the SOURCES.md table was computed with z = 1.96 (we use 1.959964): 1e-4 tolerance
    wald = nps(answers(5, 3, 2), method="wald")
    assert wald.se == pytest.approx(0.24698, abs=5e-6)
    assert wald.ci_low == pytest.approx(-0.1841, abs=5e-5)
    assert wald.ci_high == pytest.approx(0.7841, abs=5e-5)
    adj = nps(answers(5, 3, 2))
    assert adj.centre == pytest.approx(0.23077, abs=5e-6)
    assert adj.se == pytest.approx(0.21494, abs=5e-6)
    assert adj.ci_low == pytest.approx(-0.1905, abs=5e-5)
    assert adj.ci_high == pytest.approx(0.6521, abs=1e-4)


def test_nps_diff_test_vector():
    # SOURCES.md §3.3: (50, 30, 20) vs (40, 30, 30): delta 0.200, SE 0.11402, z 1.754
    d = nps_diff(answers(50, 30, 20), answers(40, 30, 30))
    assert d.difference == pytest.approx(0.2)
    assert d.se == pytest.approx(0.11402, abs=5e-6)
    assert d.z == pytest.approx(1.754, abs=5e-4)
    assert d.p_value == pytest.approx(2 * stats.norm.sf(1.754116), abs=1e-5)
    wald = nps_diff(answers(50, 30, 20), answers(40, 30, 30), method="wald")
    assert wald.ci_low == pytest.approx(0.2 - 1.959964 * 0.114018, abs=1e-5)
    # adjusted: centred on NPS'_a - NPS'_b with the adjusted variances
    a, b = nps(answers(50, 30, 20)), nps(answers(40, 30, 30))
    half = 1.959964 * np.hypot(a.se, b.se)
    assert d.ci_low == pytest.approx(a.centre - b.centre - half, abs=1e-6)
    assert d.ci_high == pytest.approx(a.centre - b.centre + half, abs=1e-6)
    assert d.summary.loc[0, "difference_points"] == pytest.approx(20.0)
    assert nps_diff(a, b).p_value == pytest.approx(d.p_value)


def test_whuber_variance():
    # SOURCES.md §3.3: p = 1/2, passives 1/3, d = 1/6 -> NPS 1/3, Var1 = 5/9
    r = nps(answers(3, 2, 1) * 10, method="wald")
    assert r.value == pytest.approx(1 / 3)
    assert r.se**2 * r.n == pytest.approx(5 / 9)


def test_categories_follow_reichheld():
    coded = nps_categories(pd.Series(range(11)))
    assert coded.tolist() == [-1.0] * 7 + [0.0, 0.0, 1.0, 1.0]


def test_missing_values_are_dropped_and_counted():
    r = nps(pd.Series([10, np.nan, 3, None, 8], dtype="float64"))
    assert r.n == 3 and r.n_missing == 2
    assert r.summary.loc[0, "n_missing"] == 2


@pytest.mark.parametrize(("bad", "value", "pos"), [
    ([1, 2, 11], "11", "2"), ([0, -1], "-1", "1"), ([5, 6.5], "6.5", "1"),
])
def test_out_of_range_names_value_and_position(bad, value, pos):
    with pytest.raises(ValueError, match=rf"but {value} was found at position {pos}"):
        nps(bad)


def test_out_of_range_names_index_label():
    with pytest.raises(ValueError, match="position 'r2'"):
        nps(pd.Series([9, 12], index=["r1", "r2"]))


def test_text_scores_rejected():
    with pytest.raises(ValueError, match="'x' was found at position 1"):
        nps(["9", "x"])


def test_empty_and_bad_arguments():
    with pytest.raises(el.InsufficientDataError, match="at least one valid"):
        nps([np.nan, np.nan])
    with pytest.raises(ValueError, match="`method` must be one of"):
        nps([9, 10], method="score")
    with pytest.raises(ValueError, match="`confidence` must be"):
        nps([9, 10], confidence=95)


def test_bootstrap_is_seeded_and_close_to_wald():
    data = answers(50, 30, 20)
    a = nps(data, method="bootstrap", random_state=3)
    b = nps(data, method="bootstrap", random_state=3)
    assert (a.ci_low, a.ci_high) == (b.ci_low, b.ci_high)
    wald = nps(data, method="wald")
    assert a.se == pytest.approx(wald.se, rel=0.1)
    assert a.ci_low == pytest.approx(wald.ci_low, abs=0.02)


def test_result_views_and_plot():
    r = nps(answers(50, 30, 20))
    assert repr(r) == "<NPSResult: NPS +30.0 (95% CI +14.1 to +44.2, adjusted_wald), n=100>"
    s = r.summary
    assert s.loc[0, "nps_points"] == pytest.approx(30.0)
    assert s.loc[0, "ci_low_points"] == pytest.approx(100 * r.ci_low)
    assert "NPS +30.0" in r.to_markdown() and "<table" in r._repr_html_()
    ax = r.plot()
    assert len(ax.patches) == 3
    widths = sorted(round(p.get_width(), 2) for p in ax.patches)
    assert widths == [0.2, 0.3, 0.5]
    ax = nps_diff(answers(50, 30, 20), answers(40, 30, 30)).plot()
    assert len(ax.lines) >= 1


counts = st.tuples(st.integers(0, 300), st.integers(0, 300), st.integers(0, 300)).filter(
    lambda c: sum(c) > 0)


@settings(max_examples=120, deadline=None)
@given(counts, st.sampled_from(["adjusted_wald", "wald"]),
       st.floats(0.5, 0.999))
def test_properties_of_the_interval(c, method, confidence):
    r = nps(answers(*c), method=method, confidence=confidence)
    assert -1.0 <= r.value <= 1.0
    assert -1.0 <= r.ci_low <= r.ci_high <= 1.0
    assert r.ci_low <= r.centre <= r.ci_high
    if method == "wald":
        assert r.ci_low <= r.value <= r.ci_high
    elif r.n >= 2:
        # Rocks' interval is centred on NPS', pulled towards 0; from n = 2 on it still
        # covers the raw NPS at 95%
        if confidence >= 0.95:
            assert r.ci_low <= r.value <= r.ci_high


@settings(max_examples=100, deadline=None)
@given(counts)
def test_invariances(c):
    data = answers(*c)
    base = nps(data)
    # order does not matter; answers within a category are interchangeable
    shuffled = nps(list(reversed(data)))
    relabelled = nps([9 if v == 10 else 8 if v == 7 else 0 for v in data])
    for other in (shuffled, relabelled):
        assert (other.value, other.ci_low, other.ci_high) == (base.value, base.ci_low,
                                                              base.ci_high)
    # mirrored answers give the mirrored NPS
    mirrored = nps(answers(c[2], c[1], c[0]), method="wald")
    assert mirrored.value == pytest.approx(-base.value)
    assert mirrored.ci_low == pytest.approx(-nps(data, method="wald").ci_high)


@settings(max_examples=100, deadline=None)
@given(counts, counts)
def test_diff_properties(a, b):
    d = nps_diff(answers(*a), answers(*b))
    r = nps_diff(answers(*b), answers(*a))
    assert d.difference == pytest.approx(-r.difference)
    assert d.p_value == pytest.approx(r.p_value)
    assert 0.0 <= d.p_value <= 1.0
    assert d.ci_low <= d.ci_high
    same = nps_diff(answers(*a), answers(*a))
    assert same.difference == 0 and same.p_value == pytest.approx(1.0)


def test_vectorised_interval_matches_the_result():
    c, se, lo, hi = nps_interval(np.array([50, 5]), np.array([20, 2]), np.array([100, 10]))
    assert lo[0] == pytest.approx(nps(answers(50, 30, 20)).ci_low)
    assert hi[1] == pytest.approx(nps(answers(5, 3, 2)).ci_high)


def test_csat_wilson_against_statsmodels():
    from statsmodels.stats.proportion import proportion_confint

    scores = [5, 4, 4, 2, 1, 5, 3, 4, 5, 2, np.nan]
    r = csat(scores)
    assert r.value == pytest.approx(6 / 10) and r.n == 10 and r.n_missing == 1
    low, high = proportion_confint(6, 10, alpha=0.05, method="wilson")
    assert (r.ci_low, r.ci_high) == (pytest.approx(low), pytest.approx(high))
    with pytest.raises(ValueError, match="but 6 was found at position 1"):
        csat([5, 6])


def test_ces_t_interval_against_scipy():
    scores = [7, 6, 5, 7, 2, 4, 6]
    r = ces(scores)
    low, high = stats.t.interval(0.95, len(scores) - 1, loc=np.mean(scores),
                                 scale=stats.sem(scores))
    assert r.value == pytest.approx(np.mean(scores))
    assert (r.ci_low, r.ci_high) == (pytest.approx(low), pytest.approx(high))
    assert "ces" in repr(r)
    with pytest.raises(ValueError, match="from 1 to 7"):
        ces([0, 3])
    with pytest.raises(el.InsufficientDataError):
        ces([np.nan])
