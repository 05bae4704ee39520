"""Sentiment speed: score_texts(texts, vader_spec()) against vaderSentiment itself.

Run: ``.venv/bin/python benchmarks/sentiment_speed.py [n_texts] [n_memory]``
(defaults 200,000 and 1,000,000).

* Texts: ``n_texts`` English texts drawn with replacement from the airline and
  twcs tweets in ``../shared/data`` when it exists, else from the English
  texts of ``empathylab.datasets.make_feedback``.
* Baseline: ``SentimentIntensityAnalyzer().polarity_scores`` in a loop over a
  random subsample of 20,000 of them; its rate is extrapolated.
* empathylab: ``score_texts`` on all ``n_texts`` (best of 3, after one warm-up
  call that loads and compiles the lexicon).
* Memory: in a fresh subprocess, the peak resident memory added while scoring
  ``n_memory`` texts: the peak (``VmHWM``, reset through
  ``/proc/self/clear_refs`` after building the Series and loading the spec)
  minus the resident memory at that point.

Prints both throughputs (texts/s), their ratio and the memory.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
BASELINE_SAMPLE = 20_000


def make_texts(n: int, seed: int = 0) -> tuple[pd.Series, str]:
    """``n`` English texts drawn with replacement, and where they come from."""
    rng = np.random.default_rng(seed)
    airline = SHARED / "airline_dev" / "tweets_american_usairways.csv"
    twcs = SHARED / "twcs_head" / "twcs.csv"
    if airline.is_file() and twcs.is_file():
        pool = pd.concat([pd.read_csv(airline)["text"], pd.read_csv(twcs)["text"]])
        source = "airline + twcs tweets (../shared/data)"
    else:
        from empathylab.datasets import make_feedback

        feedback = make_feedback(20_000, lang="en", random_state=seed)
        pool = feedback["text"]
        source = "make_feedback(lang='en') texts"
    pool = pool.dropna().astype(str).to_numpy(dtype=object)
    texts = pd.Series(pool[rng.integers(0, len(pool), n)], dtype="str")
    return texts, source


def _status_mb(field: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024  # kB
    raise KeyError(field)


def _lifetime_peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def memory_child(n: int) -> None:
    """Run in a subprocess: print the peak RSS added by scoring ``n`` texts (Linux)."""
    from empathylab.sentiment import score_texts, vader_spec

    texts, _ = make_texts(n, seed=1)
    spec = vader_spec()
    score_texts(texts.iloc[:1000], spec)  # compile the spec's tables first
    try:  # reset the peak (VmHWM) to the current RSS, so loading the data does not count
        Path("/proc/self/clear_refs").write_text("5")
        reset = True
    except OSError:  # no reset: fall back to the lifetime peak
        reset = False
    before = _status_mb("VmRSS") if reset else _lifetime_peak_mb()
    scores = score_texts(texts, spec)
    peak = _status_mb("VmHWM") if reset else _lifetime_peak_mb()
    print(f"{peak - before:.1f} {scores.memory_usage(deep=True).sum() / 2**20:.1f}")


def main(n: int, n_memory: int) -> None:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from empathylab.sentiment import score_texts, vader_spec

    texts, source = make_texts(n)
    print(f"{n:,} texts from {source}, mean length {texts.str.len().mean():.0f} characters")

    analyzer = SentimentIntensityAnalyzer()
    sample = texts.sample(min(BASELINE_SAMPLE, n), random_state=0).tolist()
    start = time.perf_counter()
    for text in sample:
        analyzer.polarity_scores(text)
    vader_rate = len(sample) / (time.perf_counter() - start)

    spec = vader_spec()
    score_texts(texts.iloc[:1000], spec)  # warm-up: load and compile the lexicon
    best = np.inf
    for _ in range(3):
        start = time.perf_counter()
        score_texts(texts, spec)
        best = min(best, time.perf_counter() - start)
    our_rate = n / best

    print(f"vaderSentiment  {vader_rate:12,.0f} texts/s  (on {len(sample):,}, extrapolated)")
    print(f"score_texts     {our_rate:12,.0f} texts/s  ({best:.2f} s for {n:,})")
    print(f"ratio           {our_rate / vader_rate:12.1f} x")

    out = subprocess.run(
        [sys.executable, __file__, "--memory-child", str(n_memory)],
        capture_output=True,
        text=True,
        check=True,
    )
    added, result = (float(x) for x in out.stdout.split())
    print(
        f"memory          {added:12,.0f} MB peak RSS added scoring {n_memory:,} texts "
        f"(result frame {result:.0f} MB)"
    )


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--memory-child":
        memory_child(int(sys.argv[2]))
    else:
        main(
            int(sys.argv[1]) if len(sys.argv) > 1 else 200_000,
            int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000,
        )
