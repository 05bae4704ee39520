"""Coverage of the 95% intervals over 2,000 simulated samples each (seeded, vectorised).

A correct 95% interval covers the truth in 93-97% of 2,000 samples (the binomial
standard error of a 95% coverage estimate is 0.5 points). The public functions are
checked against the vectorised formulas they share, so the simulation tests them.
"""

from __future__ import annotations

import numpy as np
import pytest

from empathylab.metrics import csat, nps, nps_diff
from empathylab.metrics._stats import mean_interval, wilson_interval
from empathylab.metrics.nps import nps_diff_arrays, nps_interval

R = 2000
LOW, HIGH = 0.93, 0.97


def answers(pro: int, pas: int, det: int) -> list[int]:
    return [10] * int(pro) + [7] * int(pas) + [3] * int(det)


@pytest.mark.parametrize(("probs", "n"), [((0.4, 0.35, 0.25), 100), ((0.6, 0.3, 0.1), 30),
                                          ((0.2, 0.3, 0.5), 50)])
def test_nps_adjusted_wald_coverage(probs, n):
    rng = np.random.default_rng(101)
    draws = rng.multinomial(n, probs, size=R)
    truth = probs[0] - probs[2]
    _, _, low, high = nps_interval(draws[:, 0], draws[:, 2], n)
    coverage = ((low <= truth) & (truth <= high)).mean()
    assert LOW <= coverage <= HIGH, coverage
    for row in draws[:3]:  # the public function gives the same intervals
        r = nps(answers(*row))
        i = int(np.flatnonzero((draws == row).all(axis=1))[0])
        assert (r.ci_low, r.ci_high) == (pytest.approx(low[i]), pytest.approx(high[i]))


def test_nps_diff_coverage():
    rng = np.random.default_rng(102)
    pa, pb, na, nb = (0.45, 0.35, 0.2), (0.3, 0.4, 0.3), 120, 80
    a = rng.multinomial(na, pa, size=R)
    b = rng.multinomial(nb, pb, size=R)
    truth = (pa[0] - pa[2]) - (pb[0] - pb[2])
    _, _, low, high, p = nps_diff_arrays(a[:, 0], a[:, 2], np.full(R, na),
                                         b[:, 0], b[:, 2], np.full(R, nb))
    coverage = ((low <= truth) & (truth <= high)).mean()
    assert LOW <= coverage <= HIGH, coverage
    d = nps_diff(answers(*a[0]), answers(*b[0]))
    assert (d.ci_low, d.ci_high, d.p_value) == (pytest.approx(low[0]), pytest.approx(high[0]),
                                                pytest.approx(p[0]))


def test_nps_diff_type_one_error():
    rng = np.random.default_rng(103)
    probs, n = (0.4, 0.3, 0.3), 150
    a = rng.multinomial(n, probs, size=R)
    b = rng.multinomial(n, probs, size=R)
    *_, p = nps_diff_arrays(a[:, 0], a[:, 2], np.full(R, n), b[:, 0], b[:, 2], np.full(R, n))
    assert 0.03 <= (p < 0.05).mean() <= 0.07


@pytest.mark.parametrize(("p", "n"), [(0.7, 80), (0.4, 30)])
def test_csat_wilson_coverage(p, n):
    rng = np.random.default_rng(104)
    k = rng.binomial(n, p, size=R)
    low, high = wilson_interval(k, n)
    coverage = ((low <= p) & (p <= high)).mean()
    assert LOW <= coverage <= HIGH, coverage
    r = csat([5] * int(k[0]) + [2] * int(n - k[0]))
    assert (r.ci_low, r.ci_high) == (pytest.approx(low[0]), pytest.approx(high[0]))


@pytest.mark.parametrize("n", [30, 100])
def test_sentiment_mean_t_coverage(n):
    # compound-like scores: a skewed Beta(2, 3) stretched to -1..1, true mean -0.2
    rng = np.random.default_rng(105)
    x = 2.0 * rng.beta(2.0, 3.0, size=(R, n)) - 1.0
    truth = 2.0 * 2.0 / 5.0 - 1.0
    low, high = mean_interval(x.mean(axis=1), x.std(axis=1, ddof=1), n)
    coverage = ((low <= truth) & (truth <= high)).mean()
    assert LOW <= coverage <= HIGH, coverage
