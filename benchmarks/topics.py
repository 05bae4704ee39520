"""Topics: ``TopicModel`` against a plain scikit-learn pipeline, on GermEval and the sample.

Run: ``.venv/bin/python benchmarks/topics.py``  (about two to four minutes on 2 cores)

For each corpus the known categories are the yardstick: GermEval 2017 dev (the
XML; the main category, before ``#``, of each text's first aspect; texts without
an aspect are fitted but not scored), and the bundled sample's ``touchpoint``
(customer rows of ``feedback_de``; ``feedback_en``). Printed per corpus:

* ``TopicModel()`` (NMF, ``n_topics="auto"`` from 4..15 by NPMI): the chosen
  number of topics, its mean NPMI coherence, AMI and NMI of the dominant topic
  against the categories (texts with an assigned topic and a category), the
  share of texts assigned, and the fit time (sentiment included), as wall-clock
  seconds and as CPU seconds of the process (all threads; steadier than wall
  time on a shared machine);
* the same with ``n_topics`` fixed to the number of categories, NMF and LDA;
* the baseline, fitted in the same run: scikit-learn's ``TfidfVectorizer``
  (``min_df=2, max_df=0.5``, no stop words, no stems) and ``NMF`` with the same
  number of topics, dominant topic by ``argmax``.
"""

from __future__ import annotations

import sys
import time
import warnings
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.decomposition import NMF
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import adjusted_mutual_info_score, normalized_mutual_info_score

from empathylab.datasets import load_sample
from empathylab.topics import TopicModel

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def germeval() -> tuple[pd.Series, pd.Series]:
    root = ET.parse(SHARED / "germeval2017_dev" / "dev_v1.4.xml").getroot()
    texts, categories = [], []
    for doc in root.iter("Document"):
        found = [o.get("category", "").split("#")[0] for o in doc.iter("Opinion")]
        texts.append(doc.findtext("text"))
        categories.append(found[0] if found else None)
    return pd.Series(texts, dtype=object), pd.Series(categories, dtype=object)


def corpora() -> dict[str, tuple[pd.Series, pd.Series]]:
    out = {}
    if SHARED.is_dir():
        out["GermEval 2017 dev (aspect category)"] = germeval()
    de = load_sample("feedback_de")
    de = de[de["author_role"] == "customer"].reset_index(drop=True)
    out["sample feedback_de, customers (touchpoint)"] = (de["text"], de["touchpoint"])
    en = load_sample("feedback_en").reset_index(drop=True)
    out["sample feedback_en (touchpoint)"] = (en["text"], en["touchpoint"])
    return out


def scores(topic: pd.Series, truth: pd.Series) -> tuple[float, float, float]:
    ok = topic.notna() & truth.notna()
    t, y = topic[ok].astype(int), truth[ok].astype(str)
    return (adjusted_mutual_info_score(y, t), normalized_mutual_info_score(y, t),
            float(topic.notna().mean()))


def run_model(texts: pd.Series, truth: pd.Series, **params: object) -> dict[str, object]:
    start, cpu = time.perf_counter(), time.process_time()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = TopicModel(random_state=0, **params).fit(texts)  # type: ignore[arg-type]
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    ami, nmi, assigned = scores(model.assignments_["topic"], truth)
    chosen = model.coherence_[model.coherence_["chosen"]].iloc[0]
    return {"n_topics": model.n_topics_, "npmi": chosen["npmi"], "ami": ami, "nmi": nmi,
            "assigned": assigned, "wall_s": seconds, "cpu_s": cpu}


def run_baseline(texts: pd.Series, truth: pd.Series, k: int) -> dict[str, object]:
    start, cpu = time.perf_counter(), time.process_time()
    x = TfidfVectorizer(min_df=2, max_df=0.5).fit_transform(texts.fillna(""))
    weights = NMF(n_components=k, init="nndsvda", random_state=0, max_iter=400).fit_transform(x)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    topic = pd.Series(weights.argmax(axis=1), dtype="Int64")
    topic[weights.sum(axis=1) == 0] = pd.NA
    ami, nmi, assigned = scores(topic, truth)
    return {"n_topics": k, "npmi": np.nan, "ami": ami, "nmi": nmi, "assigned": assigned,
            "wall_s": seconds, "cpu_s": cpu}


def main() -> None:
    pd.set_option("display.width", 160)
    for name, (texts, truth) in corpora().items():
        k = int(truth.nunique())
        rows = {
            "TopicModel(), auto 4..15": run_model(texts, truth),
            f"TopicModel(n_topics={k})": run_model(texts, truth, n_topics=k),
            f"TopicModel(n_topics={k}, method='lda')": run_model(
                texts, truth, n_topics=k, method="lda"),
            f"baseline TF-IDF + NMF, k={k}": run_baseline(texts, truth, k),
        }
        table = pd.DataFrame(rows).T
        print(f"\n{name}: {len(texts):,} texts, {int(truth.notna().sum()):,} with a category, "
              f"{k} categories")
        print(table.to_string(float_format=lambda v: f"{v:.3f}"))
        base = rows[f"baseline TF-IDF + NMF, k={k}"]["ami"]
        fixed = rows[f"TopicModel(n_topics={k})"]["ami"]
        print(f"AMI ratio TopicModel(n_topics={k}) / baseline: {fixed / base:.1f}x"
              if base else "")


if __name__ == "__main__":
    sys.exit(main())
