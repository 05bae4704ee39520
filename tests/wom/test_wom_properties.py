"""Property tests: the share shift stays a distribution; reach follows the break-even ratio."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from empathylab import wom
from empathylab.wom.scenario import _shift

share = st.floats(0.0, 1.0, allow_nan=False)


@given(p=share, q=share, d=share, delta=st.floats(-2.0, 2.0, allow_nan=False),
       outcome=st.sampled_from(["promoter", "detractor"]),
       scale=st.sampled_from(["probability", "log_odds"]))
def test_shift_keeps_a_distribution(p, q, d, delta, outcome, scale):
    total = p + q + d
    if total == 0:
        return
    shares = np.array([[p, q, d]]) / total
    new = _shift(shares, np.array([delta]), outcome, scale)[0]
    assert np.all(new >= -1e-12) and new.sum() == pytest.approx(1.0, abs=1e-9)
    target = 0 if outcome == "promoter" else 2
    if delta >= 0:
        assert new[target] >= shares[0, target] - 1e-12
    else:
        assert new[target] <= shares[0, target] + 1e-12


@settings(max_examples=40, deadline=None)
@given(pro=st.integers(0, 5000), det=st.integers(0, 5000), pas=st.integers(30, 500),
       preset=st.sampled_from(sorted(wom.PRESETS)))
def test_net_reach_sign_follows_the_break_even_ratio(pro, det, pas, preset):
    p = wom.preset(preset)
    res = wom.estimate(counts={"promoters": pro, "passives": pas, "detractors": det},
                       preset=preset, n_sims=100, random_state=0)
    s = res.summary.iloc[0]
    expected = (pro * p["tell_share_positive"].value * p["told_positive"].value
                - det * p["tell_share_negative"].value * p["told_negative"].value)
    assert s["reach_net"] == pytest.approx(expected, abs=1e-6)
    assert s["value_ci_low"] <= s["value"] + 1e-6 or s["value"] == pytest.approx(0)
