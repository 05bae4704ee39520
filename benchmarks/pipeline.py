"""Pipeline benchmark: load, redact, sentiment, touchpoints, empathy, metrics on N rows.

Prints, measured in the same run: the pipeline's total time as a multiple of the time
``pandas.read_csv`` needs to only read the same CSV (target <= 15x), peak RSS as a
multiple of the loaded DataFrame's memory (target <= 3x), a cProfile top list, and
the Dask speed-up from 1 to 2 worker processes (target >= 1.6x).

    python benchmarks/pipeline.py --rows 200000      # default 1,000,000
    python benchmarks/pipeline.py --rows 50000 --no-dask --no-profile
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import resource
import time
import warnings
from pathlib import Path

import pandas as pd

import empathylab as el
from empathylab.datasets import make_feedback


def generate(rows: int, path: Path) -> None:
    """About ``rows`` rows from make_feedback in parts of ~100,000 (ids made unique)."""
    written, part = 0, 0
    with open(path, "w", encoding="utf-8") as out:
        while written < rows:
            df = make_feedback(min(42_000, max(1, (rows - written) // 2 + 1)), random_state=part)
            for col in ("feedback_id", "conversation_id", "customer_id"):
                df[col] = f"p{part}-" + df[col].astype("string")
            df = df.iloc[: rows - written]
            df.to_csv(out, index=False, header=part == 0)
            written += len(df)
            part += 1


def derivations() -> list[tuple[str, object]]:
    steps: list[tuple[str, object]] = [
        ("redact_pii", lambda d: el.redact_pii(d)),
        ("sentiment", lambda d: d.join(el.sentiment(d["text"])[["compound", "label"]])),
    ]
    for name in ("assign_touchpoints", "empathy_score", "detect_intents"):
        func = getattr(el, name, None)
        if func is None:
            print(f"  note: empathylab.{name} not present on this branch: skipped")
        else:
            steps.append((name, lambda d, f=func: d.join(f(d["text"]), rsuffix="_d")))
    return steps


def pipeline(path: Path, timings: dict[str, float]) -> pd.DataFrame:
    t = time.perf_counter()
    df = el.read_feedback(path)
    timings["read_feedback"] = time.perf_counter() - t
    for name, step in derivations():
        t = time.perf_counter()
        df = step(df)  # type: ignore[operator]
        timings[name] = time.perf_counter() - t
    t = time.perf_counter()
    el.touchpoint_metrics(df, by=("touchpoint", "quarter"))
    timings["touchpoint_metrics"] = time.perf_counter() - t
    return df


def dask_run(path: Path, workers: int, partitions: int) -> float:
    import dask
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster):
        t = time.perf_counter()
        size = max(1, sum(1 for _ in open(path, "rb")) // partitions)
        ddf = el.read_feedback(path, engine="dask", chunksize=size)
        ddf = el.redact_pii(ddf)
        scored = ddf.join(el.sentiment(ddf["text"])[["compound", "label"]])
        el.touchpoint_metrics(scored, by=("touchpoint", "quarter"))
        dask.compute(el.nps(scored["nps"]).n)
        return time.perf_counter() - t


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--csv", type=Path, default=Path("/tmp/empathylab_pipeline.csv"))
    parser.add_argument("--no-dask", action="store_true")
    parser.add_argument("--no-profile", action="store_true")
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    if not args.csv.exists() or sum(1 for _ in open(args.csv, "rb")) < args.rows * 0.9:
        t = time.perf_counter()
        generate(args.rows, args.csv)
        print(f"generated {args.rows} rows in {time.perf_counter() - t:.1f} s -> {args.csv}")
    t = time.perf_counter()
    base = pd.read_csv(args.csv)
    baseline = time.perf_counter() - t
    del base
    timings: dict[str, float] = {}
    df = pipeline(args.csv, timings)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # Linux: KiB
    loaded = el.read_feedback(args.csv).memory_usage(deep=True).sum()
    total = sum(timings.values())
    print(f"rows {len(df)}; baseline pandas.read_csv {baseline:.2f} s")
    for name, sec in timings.items():
        print(f"  {name:20s} {sec:8.2f} s  {sec / baseline:6.1f}x")
    print(f"total {total:.2f} s = {total / baseline:.1f}x the read_csv baseline (target <= 15x)")
    print(f"peak RSS {peak / 2**20:.0f} MiB = {peak / loaded:.2f}x the loaded DataFrame "
          f"({loaded / 2**20:.0f} MiB; target <= 3x)")
    if not args.no_profile:
        prof = cProfile.Profile()
        prof.enable()
        pipeline(args.csv, {})
        prof.disable()
        print("profile (cumulative, top 15):")
        pstats.Stats(prof).sort_stats("tottime").print_stats(15)
    if not args.no_dask:
        one, two = dask_run(args.csv, 1, 8), dask_run(args.csv, 2, 8)
        print(f"dask 1 worker {one:.2f} s, 2 workers {two:.2f} s: speed-up {one / two:.2f}x "
              "(target >= 1.6x)")


if __name__ == "__main__":
    main()
