"""Chunked and Dask reading equal a whole read; chunked aggregates equal one-shot ones."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest
from frames import same_values
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import empathylab as el
from empathylab.datasets import make_feedback
from empathylab.io.schema import CANONICAL_COLUMNS
from empathylab.scale import MetricsAccumulator, aggregate_chunks

CANONICAL = [*CANONICAL_COLUMNS, "source_line"]


@pytest.fixture(scope="module")
def export(tmp_path_factory):
    """A German-style export: preamble line, cp1252, ';', two malformed rows."""
    folder = tmp_path_factory.mktemp("exports")
    df = make_feedback(500, random_state=5)
    df["compound"] = np.random.default_rng(1).uniform(-1, 1, len(df)).round(4)
    df["label"] = np.where(df["compound"] < -0.05, "negative", "positive")
    lines = df.to_csv(index=False, sep=";").split("\n")
    lines.insert(30, "too;few")
    lines.insert(200, "a;b;c")
    lines.insert(0, "Export vom 1.12.2026")
    path = folder / "export.csv"
    path.write_bytes("\n".join(lines).encode("cp1252", errors="replace"))
    return path


def whole(path, **kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", el.DataQualityWarning)
        return el.read_feedback(path, **kw)


def chunks(path, size):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", el.DataQualityWarning)
        return list(el.read_feedback(path, chunksize=size))


@settings(max_examples=3, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(size=st.integers(100, 1500))
def test_chunks_equal_a_whole_read(export, size):
    one = whole(export)
    parts = chunks(export, size)
    cat = pd.concat(parts)
    same_values(one[CANONICAL], cat[CANONICAL])
    report = one.attrs["load_report"]
    q = pd.concat([p.attrs["load_report"].quarantined for p in parts], ignore_index=True)
    assert q["line"].tolist() == report.quarantined["line"].tolist()
    assert q["reason"].tolist() == report.quarantined["reason"].tolist()
    assert sum(p.attrs["load_report"].rows_read for p in parts) == report.rows_read
    assert sum(p.attrs["load_report"].preamble_lines for p in parts) == report.preamble_lines


def test_big_chunks_keep_the_extra_columns_exactly(export):
    same_values(whole(export), pd.concat(chunks(export, 400)))


@settings(max_examples=2, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(size=st.integers(200, 1500))
def test_chunked_aggregates_equal_one_shot(export, size):
    one = whole(export)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", el.SmallSampleWarning)
        expected = el.touchpoint_metrics(one, by=("touchpoint", "quarter"))
        got = aggregate_chunks(chunks(export, size), metric="touchpoint_metrics",
                               by=("touchpoint", "quarter"))
    num = [c for c in expected.columns if pd.api.types.is_numeric_dtype(expected[c])
           and not pd.api.types.is_bool_dtype(expected[c])]
    same_values(expected.drop(columns=num), got.drop(columns=num))
    pd.testing.assert_frame_equal(expected[num].astype(float), got[num].astype(float),
                                  rtol=1e-9, atol=1e-12)
    acc = MetricsAccumulator(metric="nps")
    for part in chunks(export, size):
        acc.update(part)
    same_values(acc.result().summary, el.nps(one["nps"]).summary)


def test_chunksize_errors(tmp_path):
    with pytest.raises(el.FeedbackFormatError, match="no such file"):
        next(iter(el.read_feedback(tmp_path / "missing.csv", chunksize=10)))
    pd.DataFrame({"text": ["a"]}).to_parquet(tmp_path / "x.parquet")
    with pytest.raises(el.FeedbackFormatError, match="splits delimited text"):
        next(iter(el.read_feedback(tmp_path / "x.parquet", chunksize=10)))


def test_dask_reads_a_folder_and_a_glob(dask_client, export, tmp_path):
    dd = pytest.importorskip("dask.dataframe")
    import dask

    second = make_feedback(200, random_state=9).assign(extra_note="x")
    second.to_csv(tmp_path / "b.csv", index=False)
    (tmp_path / "a.csv").write_bytes(export.read_bytes())
    expected = pd.concat([whole(tmp_path / "a.csv"), whole(tmp_path / "b.csv")],
                         ignore_index=True)
    for source, size in ((tmp_path, None), (str(tmp_path / "*.csv"), 300)):
        lazy, report = el.read_feedback(source, engine="dask", chunksize=size, report=True)
        assert isinstance(lazy, dd.DataFrame)
        got, rep = dask.compute(lazy, report)
        cols = [*CANONICAL, "extra_note"]
        same_values(expected[cols], got.reset_index(drop=True)[cols])
        assert rep.rows_loaded == len(expected)
    assert lazy.npartitions > 2
