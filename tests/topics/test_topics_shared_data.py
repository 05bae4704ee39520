"""TopicModel on GermEval 2017 (German Deutsche Bahn feedback, ../shared/data)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pandas as pd
import pytest
from sklearn.metrics import adjusted_mutual_info_score

from empathylab.topics import TopicModel

pytestmark = pytest.mark.shared_data


def _germeval(shared_data) -> pd.DataFrame:
    """Texts of the dev XML with the main category of their first aspect (None: no aspect)."""
    root = ET.parse(shared_data / "germeval2017_dev" / "dev_v1.4.xml").getroot()
    rows = []
    for doc in root.iter("Document"):
        categories = [o.get("category", "").split("#")[0] for o in doc.iter("Opinion")]
        first = categories[0] if categories else None
        rows.append({"text": doc.findtext("text"), "category": first})
    return pd.DataFrame(rows)


def test_topics_of_deutsche_bahn_feedback(shared_data):
    df = _germeval(shared_data)
    model = TopicModel(n_topics=12, random_state=0, sentiment=False).fit(df["text"])
    assigned = model.assignments_["topic"]
    ok = assigned.notna() & df["category"].notna()
    ami = adjusted_mutual_info_score(df.loc[ok, "category"], assigned[ok].astype(int))
    assert ami > 0.02  # measured 0.045; most texts are 'Allgemein'
    terms = model.topics_["top_terms"]
    # a strike topic and a delay topic, and the delay topic's texts are about the train ride
    assert terms.str.contains("Streik").any()
    delay = model.topics_.loc[terms.str.contains("Verspätung"), "topic"]
    assert len(delay) >= 1
    base = (df["category"] == "Zugfahrt").mean()
    in_delay = (df.loc[assigned.isin(delay.tolist()).fillna(False), "category"] == "Zugfahrt")
    assert in_delay.mean() > 2 * base  # measured 5.4 times the base rate
