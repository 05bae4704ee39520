"""Loaded and redacted DataFrames still save to Parquet and concatenate."""

from __future__ import annotations

import io

import pandas as pd

import empathylab as el


def _loaded() -> pd.DataFrame:
    return el.read_feedback(io.StringIO("Kommentar;NPS\nRuf mich an: 0171 2345678;9\n"))


def test_parquet_round_trip_keeps_the_report_as_a_dict(tmp_path):
    df = el.redact_pii(_loaded())
    df.to_parquet(tmp_path / "x.parquet")
    back = pd.read_parquet(tmp_path / "x.parquet")
    assert back["text"].tolist() == ["Ruf mich an: <PHONE>"]
    assert back.attrs["load_report"]["rows_loaded"] == 1
    assert back.attrs["redaction"]["counts"][-1]["kind"] in {"phone", "ip", "handle"}


def test_concat_and_merge_of_loaded_frames():
    a, b = _loaded(), _loaded()
    assert len(pd.concat([a, b])) == 2
    assert len(a.merge(b, on="feedback_id")) == 1
    assert a.attrs["load_report"] == b.attrs["load_report"]
