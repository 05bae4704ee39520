"""Trained sentiment (``SentimentModel``) against baselines measured in the same run.

Run: ``.venv/bin/python benchmarks/sentiment_trained.py`` (under a minute on 2 cores);
``--ablations`` also fits variants of the model (without lexicon features, without
character n-grams, scikit-learn's word tokens, without negation scope,
``class_weight=None``, other ``C``); ``--seeds 5`` repeats the GermEval
split with seeds 0-4 and prints the mean and the range; ``--within-cv`` also prints
five-fold cross-validated macro-F1 within each airline (stratified, shuffled with seed 0),
the ceiling the cross-airline figures are measured against.

Data (read from ``../shared/data``, never copied into the project; the script exits with
a message when it is absent):

* **GermEval 2017** dev (``dev_v1.4.tsv``; Wojatzki et al. 2017): document sentiment of
  Deutsche Bahn social-media texts, all 2,584 rows (relevant and irrelevant, as the task
  defines it). Split in two halves by ``numpy.random.default_rng(SEED).permutation``
  (``SEED = 0``): the first 1,292 rows of the permutation are half A, the rest half B.
  Fitted on A and tested on B, then the other way round. Metric: micro-F1 (accuracy);
  macro-F1 beside it. Always-``neutral`` is 0.701 on all of dev; the German BERT
  ``germansentiment`` (trained on 1.8M texts) lists micro-F1 0.754 on GermEval 2017
  (Guhr et al. 2020; as listed in ../shared/data/README.md).
* **Twitter US Airline Sentiment**, the rows of American (2,759) and US Airways (2,913):
  fitted on one airline, tested on the other, both ways. Metric: macro-F1 over
  negative/neutral/positive; micro-F1 beside it.

Baselines, fitted on the same training rows:

* ``majority``: always the most frequent training label;
* ``tfidf+lr``: ``TfidfVectorizer()`` and ``LogisticRegression()`` with scikit-learn's
  defaults (word unigrams);
* ``lexicon``: zero-shot ``empathylab.sentiment.sentiment(texts, lang=...)`` (nothing
  trained; ``lang="de"`` for GermEval, ``"en"`` for the tweets).

Times: ``fit`` is ``SentimentModel().fit`` on the training rows, ``predict`` is
``predict_proba`` on the test rows (both include language detection and lexicon scoring).
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedKFold
from sklearn.pipeline import make_pipeline

from empathylab.sentiment import sentiment
from empathylab.sentiment.model import SentimentModel

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
SEED = 0
LABELS = ["negative", "neutral", "positive"]

ABLATIONS: dict[str, dict[str, object]] = {
    "no lexicon features": {"lexicon": False},
    "no char n-grams": {"char_ngram_range": None},
    "no word n-grams": {"word_ngram_range": None},
    "sklearn word tokens": {"word_tokenizer": "sklearn"},
    "no negation scope": {"negation_scope": False},
    "class_weight=None": {"class_weight": None},
    "C=3": {"C": 3.0},
    "C=30": {"C": 30.0},
    "no text normalisation": {"normalize_text": False},
}


def load_germeval(root: Path = SHARED) -> pd.DataFrame:
    """GermEval 2017 dev as ``text``, ``label`` (the reader of benchmarks/sentiment_de.py)."""
    df = pd.read_csv(
        root / "germeval2017_dev" / "dev_v1.4.tsv", sep="\t", header=None,
        names=["url", "text", "relevance", "label", "aspects"], quoting=csv.QUOTE_NONE,
        dtype=str, keep_default_na=False,
    )
    return df[["text", "label"]].reset_index(drop=True)


def load_airline(root: Path = SHARED) -> pd.DataFrame:
    """The airline tweets as ``airline``, ``text``, ``label``."""
    df = pd.read_csv(root / "airline_dev" / "tweets_american_usairways.csv")
    return df.rename(columns={"airline_sentiment": "label"})[["airline", "text", "label"]]


def halves(n: int, seed: int = SEED) -> tuple[np.ndarray, np.ndarray]:
    """Boolean masks of the two halves of a seeded random permutation of ``n`` rows."""
    perm = np.random.default_rng(seed).permutation(n)
    first = np.zeros(n, dtype=bool)
    first[perm[: n // 2]] = True
    return first, ~first


def scores(truth: np.ndarray, predicted: np.ndarray) -> tuple[float, float]:
    """(micro-F1, macro-F1) over the three classes."""
    micro = float(np.mean(truth == predicted))
    macro = float(f1_score(truth, predicted, labels=LABELS, average="macro", zero_division=0))
    return micro, macro


def evaluate(
    texts: pd.Series, labels: pd.Series, train: np.ndarray, test: np.ndarray, lang: str,
    ablations: bool,
) -> list[tuple[str, float, float, float, float]]:
    """Rows (method, micro, macro, fit s, predict s) for one train/test split."""
    x_train, y_train = texts[train], labels[train].to_numpy()
    x_test, y_test = texts[test], labels[test].to_numpy()
    rows = []
    majority = pd.Series(y_train).mode()[0]
    rows.append(("majority", *scores(y_test, np.full(len(y_test), majority)), 0.0, 0.0))
    start = time.perf_counter()
    plain = make_pipeline(TfidfVectorizer(), LogisticRegression()).fit(x_train, y_train)
    fit_s = time.perf_counter() - start
    start = time.perf_counter()
    predicted = plain.predict(x_test)
    rows.append(("tfidf+lr", *scores(y_test, predicted), fit_s, time.perf_counter() - start))
    start = time.perf_counter()
    zero_shot = sentiment(x_test, lang=lang)["label"].to_numpy()
    rows.append(("lexicon (zero-shot)", *scores(y_test, zero_shot), 0.0,
                 time.perf_counter() - start))
    variants = {"SentimentModel": {}} | (ABLATIONS if ablations else {})
    for name, params in variants.items():
        start = time.perf_counter()
        model = SentimentModel(**params).fit(x_train, y_train)  # type: ignore[arg-type]
        fit_s = time.perf_counter() - start
        start = time.perf_counter()
        proba = model.predict_proba(x_test)
        predict_s = time.perf_counter() - start
        predicted = model.classes_[proba.argmax(axis=1)]
        label = name if name == "SentimentModel" else f"  {name}"
        rows.append((label, *scores(y_test, predicted), fit_s, predict_s))
    return rows


def show(title: str, n_train: int, n_test: int,
         rows: list[tuple[str, float, float, float, float]]) -> None:
    print(f"\n{title} (train {n_train:,}, test {n_test:,})")
    print(f"  {'method':<28} {'micro-F1':>8} {'macro-F1':>8} {'fit s':>7} {'predict s':>9}")
    for name, micro, macro, fit_s, predict_s in rows:
        timing = f"{fit_s:7.2f} {predict_s:9.2f}" if fit_s or predict_s else f"{'':7} {'':9}"
        if name.startswith("lexicon"):
            timing = f"{'':7} {predict_s:9.2f}"
        print(f"  {name:<28} {micro:8.3f} {macro:8.3f} {timing}")


def within_cv(texts: pd.Series, labels: pd.Series, folds: int = 5) -> float:
    """Macro-F1 of ``SentimentModel()`` over out-of-fold predictions within one data set."""
    y = labels.to_numpy()
    predicted = np.empty(len(y), dtype=object)
    splitter = StratifiedKFold(folds, shuffle=True, random_state=SEED)
    for train, test in splitter.split(np.zeros(len(y)), y):
        model = SentimentModel().fit(texts.iloc[train], y[train])
        predicted[test] = model.predict(texts.iloc[test])
    return scores(y, predicted.astype(str))[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ablations", action="store_true", help="also fit model variants")
    parser.add_argument("--seeds", type=int, default=1,
                        help="GermEval splits with seeds 0..N-1 (default 1: seed 0 only)")
    parser.add_argument("--within-cv", action="store_true",
                        help="also five-fold cross-validation within each airline")
    args = parser.parse_args(argv)
    if not SHARED.is_dir():
        print(f"needs the shared dev data at {SHARED} (not part of the project); nothing to do.")
        return 0

    germeval = load_germeval()
    summary = []
    for seed in range(args.seeds):
        first, second = halves(len(germeval), seed)
        for name, train, test in (("A -> B", first, second), ("B -> A", second, first)):
            rows = evaluate(germeval["text"], germeval["label"], train, test, "de",
                            args.ablations and seed == 0)
            summary.append(rows)
            if seed == 0:
                show(f"GermEval 2017 dev, seed {seed}, half {name}", int(train.sum()),
                     int(test.sum()), rows)
    if args.seeds > 1:
        print(f"\nGermEval 2017 dev, {args.seeds} seeds x 2 directions: micro-F1 mean [min, max]")
        for i, (name, *_rest) in enumerate(summary[0]):
            values = np.array([rows[i][1] for rows in summary])
            print(f"  {name:<28} {values.mean():.3f} [{values.min():.3f}, {values.max():.3f}]")

    airline = load_airline()
    american = (airline["airline"] == "American").to_numpy()
    for name, train, test in (("American -> US Airways", american, ~american),
                              ("US Airways -> American", ~american, american)):
        rows = evaluate(airline["text"], airline["label"], train, test, "en", args.ablations)
        show(f"Airline tweets, {name}", int(train.sum()), int(test.sum()), rows)
    if args.within_cv:
        print("\nAirline tweets, SentimentModel, five-fold cross-validation within one airline")
        for name, rows_of in (("American", american), ("US Airways", ~american)):
            texts = airline["text"][rows_of].reset_index(drop=True)
            labels = airline["label"][rows_of].reset_index(drop=True)
            print(f"  {name:<28} macro-F1 {within_cv(texts, labels):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
