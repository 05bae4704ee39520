"""Politeness: the zero-shot score against the Stanford Politeness Corpus.

Run: ``/work/main/.venv/bin/python benchmarks/politeness.py``

Data: ``../shared/data/stanford_politeness`` (Danescu-Niculescu-Mizil et al. 2013;
Wikipedia and Stack Exchange requests, 5 annotators each, ``Normalized Score``;
research use only: nothing here is shipped or fitted into the package). For each file:
Spearman of :func:`empathylab.politeness_score` (signed sum, no fitting) with the
normalised score; on the top vs bottom quartile of the normalised score (the paper's
binary task), ROC AUC of the score and the accuracy of "polite if the score is above
the median score of those requests". For reference only (not shipped): a logistic
regression on :func:`empathylab.politeness_features`, 10-fold cross-validated on the
same quartiles, in-domain.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
from scipy.stats import spearmanr
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedKFold, cross_val_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from empathylab.politeness import FEATURES, WEIGHTS, politeness_features

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "stanford_politeness"


def evaluate(path: Path) -> dict[str, float]:
    data = pd.read_csv(path)
    features = politeness_features(data["Request"], lang="en")
    x = features[list(FEATURES)].to_numpy(dtype=float)
    score = x @ np.array([WEIGHTS[f] for f in FEATURES], dtype=float)
    y = data["Normalized Score"].to_numpy(dtype=float)
    lo, hi = np.quantile(y, [0.25, 0.75])
    quart = (y <= lo) | (y >= hi)
    polite = y[quart] >= hi
    s = score[quart]
    pred = s > np.median(s)
    cv = StratifiedKFold(n_splits=10, shuffle=True, random_state=0)
    model = make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000))
    lr = cross_val_score(model, np.log1p(x[quart]), polite, cv=cv, scoring="accuracy")
    return {
        "requests": len(data), "spearman": spearmanr(score, y)[0],
        "quartile_n": int(quart.sum()), "auc": roc_auc_score(polite, s),
        "accuracy_median_split": float((pred == polite).mean()),
        "accuracy_sign": float(((s > 0) == polite)[s != 0].mean()),
        "share_nonzero": float((s != 0).mean()),
        "logreg_cv_accuracy": float(lr.mean()),
    }


def main() -> None:
    rows = {p.name.split(".")[0]: evaluate(p) for p in sorted(DATA.glob("*.annotated.csv"))}
    table = pd.DataFrame(rows).T
    print(table.to_string(float_format=lambda v: f"{v:.3f}"))


if __name__ == "__main__":
    main()
