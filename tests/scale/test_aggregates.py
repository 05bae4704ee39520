"""Dask aggregates equal the pandas ones on the bundled sample (2-worker LocalCluster)."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest
from frames import same_values

import empathylab as el
from empathylab.datasets import load_sample, make_feedback
from empathylab.loyalty import link_outcomes

dd = pytest.importorskip("dask.dataframe", reason="needs empathylab[dask]")


def close_tables(left: pd.DataFrame, right: pd.DataFrame) -> None:
    """Same keys and counts; float figures equal to 1e-9 (sums merged in another order)."""
    assert list(left.columns) == list(right.columns)
    num = [c for c in left.columns if pd.api.types.is_numeric_dtype(left[c])
           and not pd.api.types.is_bool_dtype(left[c])]
    same_values(left.drop(columns=num), right.drop(columns=num))
    pd.testing.assert_frame_equal(left[num].astype(float), right[num].astype(float),
                                  rtol=1e-9, atol=1e-12)


@pytest.fixture(scope="module")
def scored():
    df = load_sample("feedback_de")
    rng = np.random.default_rng(7)
    df = df.join(el.sentiment(df["text"])[["compound", "label"]])
    agent = df["author_role"].astype("string") == "agent"
    return df.assign(empathy=np.where(agent, rng.uniform(0, 100, len(df)), np.nan))


@pytest.mark.parametrize("by", ["touchpoint", ("touchpoint", "quarter"), ("channel", "month")])
def test_touchpoint_metrics_on_dask_equal_pandas(dask_client, scored, by):
    lazy = dd.from_pandas(scored, npartitions=4)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", el.SmallSampleWarning)
        expected = el.touchpoint_metrics(scored, by=by)
        got = el.touchpoint_metrics(lazy, by=by)
    assert isinstance(got, pd.DataFrame)
    assert expected["n_conversations"].sum() > 0 and expected["empathy_n"].sum() > 0
    close_tables(expected, got)


def test_touchpoint_list_column_is_exploded_on_dask(dask_client, scored):
    lists = scored.drop(columns="touchpoint").assign(
        touchpoints=[["delivery", "returns"] if i % 3 == 0 else ["billing"] if i % 3 == 1
                     else [] for i in range(len(scored))])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", el.SmallSampleWarning)
        expected = el.touchpoint_metrics(lists, by=("touchpoint", "quarter"))
        import dask

        # Dask turns object columns into strings by default; lists must stay lists
        with dask.config.set({"dataframe.convert-string": False}):
            lazy = dd.from_pandas(lists, npartitions=3)
        got = el.touchpoint_metrics(lazy, by=("touchpoint", "quarter"))
    close_tables(expected, got)


def test_nps_and_nps_diff_on_dask(dask_client, scored):
    lazy = dd.from_pandas(scored, npartitions=5)
    a, b = el.nps(scored["nps"]), el.nps(lazy["nps"])
    same_values(a.summary, b.summary)
    app = scored["channel"] == "app"
    expected = el.nps_diff(scored.loc[app, "nps"], scored.loc[~app, "nps"])
    got = el.nps_diff(lazy["nps"][lazy["channel"] == "app"], lazy["nps"][lazy["channel"] != "app"])
    same_values(expected.summary, got.summary)


def test_nps_on_dask_names_a_bad_value(dask_client):
    lazy = dd.from_pandas(pd.Series([9.0, 3.0, 11.0, 7.0]), npartitions=2)
    with pytest.raises(ValueError, match="whole numbers from 0 to 10, but 11"):
        el.nps(lazy)


@pytest.mark.parametrize("kw", [
    {"experience": {"empathy": "reply"}},
    {"aggregations": ("mean", "last", "min", "max", "first", "count")},
])
def test_link_outcomes_on_dask_equal_pandas(dask_client, kw):
    rows, customers = make_feedback(400, random_state=2, return_customers=True)
    rows = rows.assign(empathy=rows["true_empathy"] * 50.0, compound=rows["true_valence"])
    lazy = dd.from_pandas(rows, npartitions=4)
    same_values(link_outcomes(rows, customers, **kw), link_outcomes(lazy, customers, **kw))


def test_link_outcomes_window_and_unlinked_warning_on_dask(dask_client):
    rows, customers = make_feedback(300, random_state=4, return_customers=True)
    rows = rows.assign(empathy=rows["true_empathy"] * 50.0)
    rows.loc[rows.index[:5], "customer_id"] = "nobody"
    customers = customers.assign(
        t=pd.to_datetime(customers["signup_date"]) + pd.Timedelta("400D"))
    kw = {"outcome_time": "t", "window": "90D", "experience": ["empathy"]}
    with pytest.warns(el.DataQualityWarning, match="5 have a 'customer_id' that is not"):
        expected = link_outcomes(rows, customers, **kw)
    with pytest.warns(el.DataQualityWarning, match="5 have a 'customer_id' that is not"):
        got = link_outcomes(dd.from_pandas(rows, npartitions=3), customers, **kw)
    assert expected["n_interactions"].sum() > 0
    same_values(expected, got)
