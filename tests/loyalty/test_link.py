"""link_outcomes: time order, windows, roles, keys that do not match."""

from __future__ import annotations

import pandas as pd
import pytest

from empathylab import DataQualityWarning, MissingColumnError
from empathylab.datasets import make_feedback
from empathylab.loyalty import link_outcomes


def _interactions():
    return pd.DataFrame({
        "customer_id": ["c1", "c1", "c1", "c2", "c2"],
        "timestamp": pd.to_datetime(
            ["2025-01-01", "2025-01-02", "2025-03-01", "2025-01-05", "2025-01-06"]),
        "author_role": ["customer", "agent", "agent", "customer", "bot"],
        "touchpoint": ["delivery", "delivery", "billing", "app", "app"],
        "empathy": [None, 80.0, 20.0, None, 50.0],
        "compound": [-0.6, 0.3, 0.1, -0.2, 0.0],
    })


def test_without_outcome_time_every_interaction_counts():
    customers = pd.DataFrame({"customer_id": ["c1", "c2", "c3"], "repurchase": [1, 0, 1]})
    out = link_outcomes(_interactions(), customers)
    assert out["n_interactions"].tolist() == [3, 2, 0]
    assert out["empathy_mean"].tolist()[:2] == [50.0, 50.0]
    assert out["empathy_last"].iloc[0] == 20.0
    assert out["empathy_min"].iloc[0] == 20.0
    # compound is read from customer rows only: the agent's own words are not the customer's mood
    assert out["compound_mean"].tolist()[:2] == [-0.6, -0.2]
    assert out["touchpoint_main"].tolist()[:2] == ["delivery", "app"]
    assert pd.isna(out["empathy_mean"].iloc[2])
    assert out["repurchase"].tolist() == [1, 0, 1]
    assert out.index.equals(customers.index)


@pytest.mark.filterwarnings("ignore:link_outcomes:empathylab.DataQualityWarning")
def test_only_experience_before_the_outcome_counts():
    answers = pd.DataFrame({
        "customer_id": ["c1", "c1"],
        "answered": pd.to_datetime(["2025-02-01", "2025-04-01"]),
        "nps": [3, 9],
    })
    out = link_outcomes(_interactions(), answers, outcome_time="answered",
                        experience={"empathy": "reply"})
    assert out["empathy_last"].tolist() == [80.0, 20.0]
    assert out["n_interactions"].tolist() == [2, 3]
    windowed = link_outcomes(_interactions(), answers, outcome_time="answered", window="40D",
                             experience={"empathy": "reply"})
    assert windowed["n_interactions"].tolist() == [2, 1]
    assert windowed["empathy_mean"].tolist() == [80.0, 20.0]


@pytest.mark.filterwarnings("ignore:link_outcomes:empathylab.DataQualityWarning")
def test_an_interaction_at_the_outcome_time_does_not_count():
    answers = pd.DataFrame({"customer_id": ["c1"], "at": pd.to_datetime(["2025-01-02"])})
    out = link_outcomes(_interactions(), answers, outcome_time="at", experience=["empathy"])
    assert out["n_interactions"].iloc[0] == 1
    assert pd.isna(out["empathy_mean"].iloc[0])


def test_unlinked_interactions_are_reported():
    rows = _interactions()
    rows.loc[4, "customer_id"] = "c9"
    rows.loc[3, "customer_id"] = None
    with pytest.warns(DataQualityWarning, match="1 have no 'customer_id'.*1 have a 'customer_id'"):
        link_outcomes(rows, pd.DataFrame({"customer_id": ["c1", "c2"]}))


def test_integer_and_text_keys_are_matched():
    rows = _interactions().assign(customer_id=[1, 1, 1, 2, 2])
    out = link_outcomes(rows, pd.DataFrame({"customer_id": ["1", "2"]}), experience=["empathy"])
    assert out["n_interactions"].tolist() == [3, 2]


def test_recovers_the_generators_exposure():
    rows, customers = make_feedback(600, random_state=4, return_customers=True)
    rows = rows.assign(empathy=rows["true_empathy"] * 50.0)
    out = link_outcomes(rows, customers, experience={"empathy": "reply"})
    replied = out["true_n_replies"] > 0
    pd.testing.assert_series_equal(
        out.loc[replied, "empathy_mean"] / 50.0,
        out.loc[replied, "true_empathy_exposure"],
        check_names=False,
        atol=1e-9,
    )


def test_errors():
    customers = pd.DataFrame({"customer_id": ["c1"]})
    with pytest.raises(ValueError, match="`window` needs `outcome_time`"):
        link_outcomes(_interactions(), customers, window="30D")
    with pytest.raises(MissingColumnError, match="experience"):
        link_outcomes(_interactions(), customers, experience=["empathie"])
    with pytest.raises(ValueError, match="none of the default experience columns"):
        link_outcomes(_interactions()[["customer_id", "timestamp"]], customers)
    with pytest.raises(ValueError, match="`aggregations` must be one of"):
        link_outcomes(_interactions(), customers, aggregations=["median"])
