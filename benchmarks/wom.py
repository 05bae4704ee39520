"""Speed of wom.estimate's vectorised Monte Carlo against a per-draw Python loop.

Usage: python benchmarks/wom.py [n_segments] [n_sims]

Both compute the same value draws (the loop evaluates the model once per draw
and segment with plain floats); the script checks that they agree and prints
the times and their ratio. Best of 3.
"""

from __future__ import annotations

import sys
import time

import numpy as np
import pandas as pd

from empathylab import wom
from empathylab.wom.model import point_values


def loop_values(res: wom.WOMResult) -> np.ndarray:
    draws = res.draws.to_dict("records")
    n = res.n_point
    out = np.empty((len(draws), len(n)))
    for a, d in enumerate(draws):
        spread = (1 - d["retelling"] ** (d["generations"] + 1)) / (1 - d["retelling"])
        for b in range(len(n)):
            rp = n[b, 0] * d["tell_share_positive"] * d["told_positive"] * spread
            rn = n[b, 2] * d["tell_share_negative"] * d["told_negative"] * spread
            won = d["in_market"] * rp * d["impact_positive"]
            lost = d["in_market"] * rn * d["impact_negative"]
            out[a, b] = (won - lost) * d["clv"] * d["loyal_multiplier"]
    return out


def best(fn, repeat=3):
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return min(times), result


def main() -> None:
    n_seg = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    n_sims = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
    rng = np.random.default_rng(0)
    counts = pd.DataFrame({"segment": [f"s{i:03d}" for i in range(n_seg)],
                           "promoters": rng.integers(50, 500, n_seg),
                           "passives": rng.integers(50, 500, n_seg),
                           "detractors": rng.integers(50, 500, n_seg)})

    def vectorised():
        res = wom.estimate(counts=counts, by="segment", n_sims=n_sims, random_state=1)
        res.summary  # noqa: B018 - computes the Monte Carlo outputs
        return res

    t_vec, res = best(vectorised)
    t_loop, loop = best(lambda: loop_values(res), repeat=1)
    vec = res.simulations("value").drop(columns="total").to_numpy()
    assert np.allclose(vec, loop), "vectorised and loop draws differ"
    assert point_values(res.params)["clv"] > 0
    print(f"{n_seg} segments x {n_sims} draws")
    print(f"per-draw Python loop (baseline, values only): {t_loop:.3f} s  1.00x")
    print(f"wom.estimate + summary (draws, intervals):   {t_vec:.3f} s  "
          f"{t_vec / t_loop:.3f}x ({t_loop / t_vec:.0f}x faster)")


if __name__ == "__main__":
    main()
