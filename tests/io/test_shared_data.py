"""read_feedback on the real public exports in ../shared/data (skipped when absent).

Row counts are the ones the data's README gives; nothing may be lost or invented.
"""

from __future__ import annotations

import warnings

import pandas as pd

import empathylab as el


def _read(path, **kwargs) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", el.DataQualityWarning)
        return el.read_feedback(path, **kwargs)


def test_twitter_support_threads(shared_data):
    df = _read(shared_data / "twcs_head" / "twcs.csv")
    report = df.attrs["load_report"]
    assert report.preset == "twitter"
    assert report.rows_read == 5000 and report.rows_loaded == 5000
    assert set(df["author_role"].dropna()) == {"customer", "agent"}
    # every customer tweet has a customer id, every brand reply an agent id
    assert df.loc[df["author_role"] == "customer", "customer_id"].notna().all()
    assert df.loc[df["author_role"] == "agent", "agent_id"].notna().all()
    assert str(df["timestamp"].dt.tz) == "UTC"
    # a reply shares its thread with the tweet it answers
    by_id = df.set_index("feedback_id")
    parent = df["in_response_to_tweet_id"].dropna().astype("int64").astype("str")
    known = parent[parent.isin(by_id.index)]
    child_threads = df.loc[known.index, "conversation_id"].to_numpy()
    assert (child_threads == by_id.loc[known.to_numpy(), "conversation_id"].to_numpy()).all()


def test_germeval_headerless_tsv(shared_data):
    df = _read(shared_data / "germeval2017_dev" / "dev_v1.4.tsv")
    report = df.attrs["load_report"]
    assert report.rows_read == report.rows_loaded == 2584
    assert report.delimiter == "\t"
    assert {"no_header", "short_rows"} <= set(report.warnings["kind"])
    assert df["text"].notna().mean() > 0.99
    # the file has 2,585 lines: 2,584 records and one blank line (101)
    assert report.blank_lines == 1
    assert df["source_line"].tolist() == [n for n in range(1, 2586) if n != 101]


def test_airline_tweets(shared_data):
    df = _read(shared_data / "airline_dev" / "tweets_american_usairways.csv")
    report = df.attrs["load_report"]
    assert report.rows_loaded == 5672 and report.n_quarantined == 0
    assert df["text"].str.contains("@", regex=False).mean() > 0.95
    assert df["timestamp"].notna().all()


def test_lead_german_emails(shared_data):
    df = _read(shared_data / "german_empathy_lead" / "dataset.csv", columns={"rating": None})
    assert len(df) == 758
    assert df["text"].str.contains("Sie", regex=False).mean() > 0.5
    assert "Empathy Score" in df.columns  # kept as it was


def test_empathetic_dialogues_with_comma_placeholders(shared_data):
    path = shared_data / "empathetic_dialogues" / "fixed_valid.csv"
    df = _read(path, columns={"text": "utterance"})
    assert len(df) == 12078
