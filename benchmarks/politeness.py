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
same quartiles, in-domain. Also: the score of the bundled samples' agent replies (German
and English, synthetic) per planted reply style.
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


def sample_replies() -> pd.DataFrame:
    """Mean score of the bundled samples' agent replies per planted reply style and
    language (synthetic; German replies have no other labelled source here)."""
    from empathylab.datasets import registry
    from empathylab.politeness import politeness_score

    truth = registry.load_sample("truth")
    parts = [registry.load_sample(n).assign(sample=n)[["sample", "feedback_id", "text",
                                                         "author_role"]]
             for n in ("feedback_de", "feedback_en", "helpdesk", "twitter_support")]
    rows = pd.concat(parts, ignore_index=True).merge(
        truth[["sample", "feedback_id", "true_reply_style", "language"]],
        on=["sample", "feedback_id"])
    rows = rows[rows["author_role"].astype(str) == "agent"].reset_index(drop=True)
    rows["score"] = politeness_score(rows["text"]).to_numpy()
    return rows.groupby(["language", "true_reply_style"])["score"].agg(["mean", "count"])


def main() -> None:
    rows = {p.name.split(".")[0]: evaluate(p) for p in sorted(DATA.glob("*.annotated.csv"))}
    table = pd.DataFrame(rows).T
    print(table.to_string(float_format=lambda v: f"{v:.3f}"))
    print("\nbundled samples, agent replies: politeness_score by planted reply style")
    print(sample_replies().to_string(float_format=lambda v: f"{v:.2f}"))


if __name__ == "__main__":
    main()
