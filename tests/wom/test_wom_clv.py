"""clv(): SOURCES.md §3.6 test vectors, hand computation, monotonicity (hypothesis)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from empathylab.wom import clv


def test_sources_test_vectors():
    # SOURCES.md §3.6, m = 100, i = 0.10
    assert clv(100, 0.80, 0.10) == pytest.approx(366.7, abs=0.05)
    assert clv(100, 0.85, 0.10) == pytest.approx(440.0, abs=0.05)
    assert clv(100, 0.90, 0.10) == pytest.approx(550.0, abs=0.05)
    assert clv(100, 0.95, 0.10) == pytest.approx(733.3, abs=0.05)
    assert clv(100, 0.85, 0.10) / clv(100, 0.80, 0.10) - 1 == pytest.approx(0.20, abs=0.001)
    assert clv(100, 0.95, 0.10) / clv(100, 0.90, 0.10) - 1 == pytest.approx(0.333, abs=0.001)


def test_equals_the_discounted_sum_by_hand():
    m, r, i = 37.5, 0.7, 0.08
    series = sum(m * r**t / (1 + i) ** t for t in range(2000))
    assert clv(m, r, i) == pytest.approx(series, rel=1e-12)
    # no retention: only the first margin (received at t = 0)
    assert clv(50, 0.0, 0.1) == pytest.approx(50.0)


def test_arrays_broadcast():
    out = clv(np.array([100.0, 200.0]), 0.8, 0.1)
    np.testing.assert_allclose(out, [366.6667, 733.3333], rtol=1e-4)
    assert isinstance(clv(100, 0.8), float)


@pytest.mark.parametrize(("r", "i"), [(1.0, 0.1), (-0.1, 0.1), (0.5, -1.0), (0.9, -0.2)])
def test_bad_inputs(r, i):
    with pytest.raises(ValueError, match="retention|discount"):
        clv(100, r, i)


rates = st.floats(0.0, 0.98, allow_nan=False)
disc = st.floats(0.0, 0.5, allow_nan=False)


@given(m=st.floats(0.01, 1e6), r1=rates, r2=rates, i=disc)
def test_increasing_in_retention(m, r1, r2, i):
    lo, hi = sorted((r1, r2))
    assert clv(m, lo, i) <= clv(m, hi, i) * (1 + 1e-12)


@given(m=st.floats(0.01, 1e6), r=rates, i1=disc, i2=disc)
def test_decreasing_in_discount(m, r, i1, i2):
    lo, hi = sorted((i1, i2))
    assert clv(m, r, hi) <= clv(m, r, lo) * (1 + 1e-12)


@given(m1=st.floats(0.0, 1e6), m2=st.floats(0.0, 1e6), r=rates, i=disc)
def test_linear_in_margin_and_at_least_the_margin(m1, m2, r, i):
    assert clv(m1 + m2, r, i) == pytest.approx(clv(m1, r, i) + clv(m2, r, i), rel=1e-9, abs=1e-9)
    assert clv(m1, r, i) >= m1 * (1 - 1e-12)
