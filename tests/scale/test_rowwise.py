"""Row-wise derivations on Dask: the same rows as pandas, per partition, on a LocalCluster."""

from __future__ import annotations

import pandas as pd
import pytest
from frames import same_values

import empathylab as el
from empathylab._dask import is_dask, rowwise
from empathylab.datasets import load_sample
from empathylab.text.language import detect_language


@pytest.fixture(scope="module")
def sample():
    return load_sample("feedback_de")


@pytest.fixture(scope="module")
def lazy(sample):
    dd = pytest.importorskip("dask.dataframe", reason="needs empathylab[dask]")
    return dd.from_pandas(sample, npartitions=4)


def test_sentiment_on_dask_equals_pandas(dask_client, sample, lazy):
    result = el.sentiment(lazy["text"])
    assert is_dask(result)
    assert list(result._meta.columns) == ["compound", "positive", "negative", "neutral",
                                          "label", "language"]
    same_values(result.compute(), el.sentiment(sample["text"]))


def test_language_and_redaction_on_dask(dask_client, sample, lazy):
    same_values(detect_language(lazy["text"]).compute(), detect_language(sample["text"]))
    same_values(el.redact_pii(lazy).compute(), el.redact_pii(sample))


def test_keyword_collections_are_aligned_per_partition(dask_client):
    dd = pytest.importorskip("dask.dataframe")

    @rowwise
    def joined(a: pd.Series, *, b: pd.Series, sep: str = "+") -> pd.DataFrame:
        return pd.DataFrame({"ab": a.astype(str) + sep + b.astype(str)}, index=a.index)

    frame = pd.DataFrame({"a": range(10), "b": range(10, 20)})
    lazy = dd.from_pandas(frame, npartitions=3)
    out = joined(lazy["a"], b=lazy["b"], sep="-").compute()
    assert out["ab"].tolist() == [f"{i}-{i + 10}" for i in range(10)]
    with pytest.raises(TypeError, match="Dask collections but the first argument is not"):
        joined(frame["a"], b=lazy["b"])


def test_pandas_input_is_untouched():
    assert not is_dask(pd.Series(["a"]))
    assert el.sentiment(pd.Series(["gut"])).shape == (1, 6)
