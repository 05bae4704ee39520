"""English zero-shot sentiment accuracy on the airline dev tweets, and the threshold choice.

Run: ``.venv/bin/python benchmarks/sentiment_en.py`` (needs ../shared/data).

Prints macro-F1 (negative/neutral/positive) of VADER with its +-0.05 thresholds
and of ``method="lexicon"`` (VADER + service vocabulary). The lexicon's
thresholds are chosen by macro-F1 on one airline's tweets (American) and
reported on the other's (US Airways), and the other way round; the thresholds
shipped as ``empathylab.sentiment._english.EN_LABEL_RULE`` are the ones chosen on American.
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.metrics import f1_score

from empathylab.sentiment import score_texts, vader_spec
from empathylab.sentiment._english import EN_LABEL_RULE, english_spec

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "airline_dev"


def labels(compound: np.ndarray, lower: float, upper: float) -> np.ndarray:
    return np.where(compound >= upper, "positive", np.where(compound <= lower, "negative",
                                                              "neutral"))


def macro_f1(truth: pd.Series, compound: np.ndarray, lower: float, upper: float) -> float:
    return float(f1_score(truth, labels(compound, lower, upper), average="macro"))


def choose(truth: pd.Series, compound: np.ndarray) -> tuple[float, float]:
    grid = np.round(np.arange(-0.6, 0.61, 0.05), 2)
    best = max(
        ((lo, hi) for lo, hi in itertools.product(grid, grid) if lo < hi),
        key=lambda t: macro_f1(truth, compound, *t),
    )
    return float(best[0]), float(best[1])


def main() -> None:
    if not DATA.is_dir():
        sys.exit(f"needs {DATA}")
    df = pd.read_csv(DATA / "tweets_american_usairways.csv")
    texts = df["text"].astype("str")
    truth = df["airline_sentiment"]
    vader = score_texts(texts, vader_spec())["compound"].to_numpy()
    lexicon = score_texts(texts, english_spec())["compound"].to_numpy()
    always_negative = f1_score(truth, np.full(len(truth), "negative"), average="macro")
    print(f"airline dev: {len(df)} tweets, {truth.value_counts().to_dict()}")
    print(f"always negative                      macro-F1 {always_negative:.3f}")
    print(f"VADER, +-0.05                        macro-F1 "
          f"{macro_f1(truth, vader, -0.05, 0.05):.3f}")
    print(f"lexicon (VADER + service), +-0.05    macro-F1 "
          f"{macro_f1(truth, lexicon, -0.05, 0.05):.3f}")
    airline = df["airline"].to_numpy()
    for fit_on, test_on in (("American", "US Airways"), ("US Airways", "American")):
        fit, test = airline == fit_on, airline == test_on
        lo, hi = choose(truth[fit], lexicon[fit])
        print(f"lexicon, thresholds ({lo:+.2f}, {hi:+.2f}) chosen on {fit_on:10s} -> "
              f"macro-F1 on {test_on}: {macro_f1(truth[test], lexicon[test], lo, hi):.3f}")
    lo, hi = EN_LABEL_RULE.lower, EN_LABEL_RULE.upper
    print(f"lexicon, shipped thresholds ({lo:+.2f}, {hi:+.2f}) on all    macro-F1 "
          f"{macro_f1(truth, lexicon, lo, hi):.3f}")


if __name__ == "__main__":
    main()
