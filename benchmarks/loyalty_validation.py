"""Validation of ``empathylab.loyalty.effect_of_empathy`` on the synthetic generator.

Run: ``.venv/bin/python benchmarks/loyalty_validation.py`` (a few minutes on 2 cores;
``--runs`` and ``--null-runs`` change the number of simulated data sets).

Two questions, each over many data sets from ``empathylab.datasets.make_feedback``
(its module docstring documents the planted effects and the confounding):

* **Coverage** (``empathy_effect=1``): the repurchase log-odds per empathy level is planted
  at 0.8. Per data set, ``effect_of_empathy(customers, "repurchase_90d",
  treatment="true_empathy_exposure", controls=[segment, log1p(tenure), mean severity])``;
  the share of 95% intervals that contain 0.8, the mean estimate, and the same fit
  without controls (the naive comparison the confounding biases).
* **False positives** (``empathy_effect=0``, no effect planted, confounding kept): the
  share of data sets where the adjusted fit rejects "no association" at 5%, and the
  same for the naive fit.

The bundled sample (``load_sample("customers")``) is one data set of the first kind;
its estimate is printed first.
"""

from __future__ import annotations

import argparse
import time
import warnings

import numpy as np

from empathylab.datasets import load_sample, make_feedback
from empathylab.loyalty import effect_of_empathy

CONTROLS = ["segment", "log_tenure", "true_mean_severity"]
PLANTED = 0.8


def _fits(customers):
    customers = customers.assign(log_tenure=np.log1p(customers["tenure_months"]))
    adjusted = effect_of_empathy(customers, "repurchase_90d",
                                 treatment="true_empathy_exposure", controls=CONTROLS, n_sim=10)
    naive = effect_of_empathy(customers, "repurchase_90d",
                              treatment="true_empathy_exposure", n_sim=10)
    return adjusted, naive


def _simulate(runs: int, theta: float, n: int, seed0: int) -> dict[str, float]:
    hits = naive_hits = rejected = naive_rejected = 0
    estimates, naive_estimates, sizes = [], [], []
    truth = PLANTED * theta
    for i in range(runs):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            _, customers = make_feedback(n, random_state=seed0 + i, empathy_effect=theta,
                                         return_customers=True)
            adjusted, naive = _fits(customers)
        sizes.append(adjusted.n)
        estimates.append(adjusted.coef)
        naive_estimates.append(naive.coef)
        hits += adjusted.ci_low <= truth <= adjusted.ci_high
        naive_hits += naive.ci_low <= truth <= naive.ci_high
        rejected += adjusted.p_value < 0.05
        naive_rejected += naive.p_value < 0.05
    return {
        "runs": runs,
        "customers": float(np.mean(sizes)),
        "coverage": hits / runs,
        "naive_coverage": naive_hits / runs,
        "mean_estimate": float(np.mean(estimates)),
        "naive_mean_estimate": float(np.mean(naive_estimates)),
        "rejection_rate": rejected / runs,
        "naive_rejection_rate": naive_rejected / runs,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200, help="data sets with the effect")
    parser.add_argument("--null-runs", type=int, default=500, help="data sets without it")
    parser.add_argument("--n", type=int, default=2000, help="conversations per data set")
    args = parser.parse_args()

    adjusted, naive = _fits(load_sample("customers"))
    print(f"bundled sample (n = {adjusted.n:,} customers), planted log-odds {PLANTED}")
    print(f"  adjusted: {adjusted.coef:.3f} [{adjusted.ci_low:.3f}, {adjusted.ci_high:.3f}]")
    print(f"  naive:    {naive.coef:.3f} [{naive.ci_low:.3f}, {naive.ci_high:.3f}]")

    start = time.perf_counter()
    planted = _simulate(args.runs, 1.0, args.n, seed0=10_000)
    print(f"\nempathy_effect=1: {planted['runs']} data sets of about "
          f"{planted['customers']:.0f} customers ({time.perf_counter() - start:.0f} s)")
    print(f"  coverage of the planted 0.8 by the 95% CI: adjusted {planted['coverage']:.3f}, "
          f"naive {planted['naive_coverage']:.3f}")
    print(f"  mean estimate: adjusted {planted['mean_estimate']:.3f}, "
          f"naive {planted['naive_mean_estimate']:.3f}")

    start = time.perf_counter()
    null = _simulate(args.null_runs, 0.0, args.n, seed0=20_000)
    print(f"\nempathy_effect=0: {null['runs']} data sets ({time.perf_counter() - start:.0f} s)")
    print(f"  false-positive rate at 5%: adjusted {null['rejection_rate']:.3f}, "
          f"naive {null['naive_rejection_rate']:.3f}")
    print(f"  mean estimate: adjusted {null['mean_estimate']:.3f}, "
          f"naive {null['naive_mean_estimate']:.3f}")


if __name__ == "__main__":
    main()
