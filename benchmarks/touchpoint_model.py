"""TouchpointModel on GermEval 2017 aspect categories, by cross-validation.

Data: ../shared/data/germeval2017_dev/dev_v1.4.tsv (Deutsche Bahn social-media
texts; Wojatzki et al. 2017), the documents marked relevant. Each document's label
list is the set of aspect categories of its ``Category#Sub:polarity`` items;
categories on fewer than ``MIN_SUPPORT`` documents are dropped from the label set
(their documents stay, with their other labels).

Measured in the same run, on the same folds (5-fold, shuffled, seed 0):

* always ``Allgemein``;
* plain TF-IDF (word 1-2-grams) + one-vs-rest logistic regression (scikit-learn
  defaults, threshold 0.5);
* TouchpointModel with the default taxonomy features (the library defaults), and
  with ``at_least_one=True``.

micro-F1: over all kept categories, ``Allgemein`` included; macro-F1: mean F1 over
the kept specific categories (all but ``Allgemein``).

Run: ``python benchmarks/touchpoint_model.py [--folds 5]``
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATA = ROOT.parent / "shared" / "data" / "germeval2017_dev" / "dev_v1.4.tsv"
MIN_SUPPORT = 10
GENERAL = "Allgemein"


def load_germeval(path: Path = DATA, min_support: int = MIN_SUPPORT) -> tuple[
        pd.Series, list[list[str]], list[str]]:
    """Relevant documents, their category lists, and the kept categories (sorted)."""
    df = pd.read_csv(path, sep="\t", header=None, quoting=csv.QUOTE_NONE, dtype=str,
                     keep_default_na=False, names=["url", "text", "relevance", "sentiment",
                                                   "aspects"])
    df = df[df["relevance"] == "true"].reset_index(drop=True)
    cats = [sorted({a.split("#")[0] for a in s.split()}) for s in df["aspects"]]
    counts = pd.Series([c for row in cats for c in row]).value_counts()
    kept = sorted(counts[counts >= min_support].index)
    labels = [[c for c in row if c in kept] for row in cats]
    return df["text"], labels, kept


def indicator(lists: list[list[str]], classes: list[str]) -> np.ndarray:
    index = {c: i for i, c in enumerate(classes)}
    out = np.zeros((len(lists), len(classes)), dtype=bool)
    for r, row in enumerate(lists):
        for c in row:
            if c in index:
                out[r, index[c]] = True
    return out


def scores(truth: np.ndarray, pred: np.ndarray, classes: list[str]) -> dict[str, float]:
    tp = (truth & pred).sum(axis=0)
    fp = (~truth & pred).sum(axis=0)
    fn = (truth & ~pred).sum(axis=0)
    micro = 2 * tp.sum() / max(2 * tp.sum() + fp.sum() + fn.sum(), 1)
    f1 = np.where(2 * tp + fp + fn > 0, 2 * tp / np.maximum(2 * tp + fp + fn, 1), 0.0)
    specific = [i for i, c in enumerate(classes) if c != GENERAL]
    return {"micro_f1": float(micro), "macro_f1_specific": float(f1[specific].mean()),
            **{f"f1:{classes[i]}": float(f1[i]) for i in range(len(classes))}}


def cross_validate(texts: pd.Series, labels: list[list[str]], classes: list[str],
                   folds: int = 5, seed: int = 0, methods: tuple[str, ...] | None = None
                   ) -> pd.DataFrame:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import KFold
    from sklearn.multiclass import OneVsRestClassifier
    from sklearn.pipeline import make_pipeline

    from empathylab.touchpoints import TouchpointModel

    y = indicator(labels, classes)
    all_methods = ("always_allgemein", "tfidf_lr", "touchpoint_model",
                   "touchpoint_model_at_least_one", "touchpoint_model_no_taxonomy")
    methods = methods or all_methods
    preds = {m: np.zeros_like(y) for m in methods}
    seconds = dict.fromkeys(methods, 0.0)
    for train, test in KFold(folds, shuffle=True, random_state=seed).split(texts):
        tr_texts, te_texts = texts.iloc[train], texts.iloc[test]
        tr_labels = [labels[i] for i in train]
        for m in methods:
            t0 = time.perf_counter()
            if m == "always_allgemein":
                preds[m][test] = indicator([[GENERAL]] * len(test), classes)
            elif m == "tfidf_lr":
                pipe = make_pipeline(TfidfVectorizer(ngram_range=(1, 2)),
                                     OneVsRestClassifier(LogisticRegression(max_iter=1000)))
                pipe.fit(tr_texts, y[train])
                preds[m][test] = pipe.predict(te_texts).astype(bool)
            else:
                model = TouchpointModel(at_least_one=m.endswith("at_least_one"),
                                        taxonomy=None if m.endswith("no_taxonomy") else
                                        "default")
                model.fit(tr_texts, tr_labels)
                preds[m][test] = indicator(model.predict(te_texts), classes)
            seconds[m] += time.perf_counter() - t0
    rows = [{"method": m, **scores(y, preds[m], classes), "seconds": seconds[m]}
            for m in methods]
    return pd.DataFrame(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args()
    if not DATA.is_file():
        sys.exit(f"needs {DATA} (the shared dev data)")
    texts, labels, classes = load_germeval()
    support = indicator(labels, classes).sum(axis=0)
    print(f"GermEval 2017 dev, relevant documents: {len(texts)}; categories with >= "
          f"{MIN_SUPPORT} documents: {len(classes)}")
    print(", ".join(f"{c} ({n})" for c, n in zip(classes, support, strict=True)))
    table = cross_validate(texts, labels, classes, folds=args.folds)
    pd.set_option("display.width", 200)
    print(table[["method", "micro_f1", "macro_f1_specific", "seconds"]].round(3)
          .to_string(index=False))
    per_class = table.set_index("method").filter(like="f1:").T.round(3)
    print(per_class.to_string())


if __name__ == "__main__":
    main()
