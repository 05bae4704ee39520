"""TopicModel.save / load: JSON round trip, never a pickle; clear errors for bad files."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from sklearn.exceptions import NotFittedError

from empathylab.datasets import load_sample
from empathylab.exceptions import ModelFormatError
from empathylab.topics import TopicModel


@pytest.fixture(scope="module")
def texts() -> pd.Series:
    df = load_sample("feedback_de")
    return df.loc[df["author_role"] == "customer", "text"].iloc[:600]


@pytest.mark.parametrize("method", ["nmf", "lda"])
def test_round_trip_gives_the_same_topics_and_transform(tmp_path, texts, method):
    model = TopicModel(n_topics=6, method=method, random_state=0).fit(texts)
    path = model.save(tmp_path / "topics.json")
    assert path == tmp_path / "topics.json"
    loaded = TopicModel.load(str(path))
    assert loaded.get_params() == model.get_params()
    pd.testing.assert_frame_equal(loaded.topics_, model.topics_)
    pd.testing.assert_frame_equal(loaded.examples_, model.examples_)
    pd.testing.assert_frame_equal(loaded.coherence_, model.coherence_)
    new = pd.Series(["Die Lieferung kam zu spät", None, "Hotline nie erreichbar"])
    pd.testing.assert_frame_equal(loaded.transform(texts), model.transform(texts))
    pd.testing.assert_frame_equal(loaded.assign(new), model.assign(new))
    assert len(loaded.plot().patches) == 6
    assert repr(loaded.result_) == repr(model.result_)


def test_the_file_is_plain_json(tmp_path, texts):
    model = TopicModel(n_topics=4, random_state=0, sentiment=False, stop_words=["shop"])
    path = model.fit(texts).save(tmp_path / "m.json")
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["format"] == "empathylab.TopicModel" and doc["format_version"] == 1
    assert doc["params"]["stop_words"] == ["shop"]
    assert TopicModel.load(path).get_params()["stop_words"] == ["shop"]


def test_save_and_load_errors(tmp_path, texts):
    with pytest.raises(NotFittedError, match="not fitted"):
        TopicModel().save(tmp_path / "x.json")
    model = TopicModel(n_topics=4, random_state=0, sentiment=False).fit(texts)
    with pytest.raises(ValueError, match=r"`path` must end in '.json'"):
        model.save(tmp_path / "x.pkl")
    with pytest.raises(FileNotFoundError):
        TopicModel.load(tmp_path / "missing.json")
    bad = tmp_path / "bad.json"
    bad.write_bytes(b"\x80\x04pickle")
    with pytest.raises(ModelFormatError, match="is not a TopicModel file: not JSON"):
        TopicModel.load(bad)
    bad.write_text(json.dumps({"format": "empathylab.SentimentModel"}))
    with pytest.raises(ModelFormatError, match="'format' is 'empathylab.SentimentModel'"):
        TopicModel.load(bad)
    path = model.save(tmp_path / "m.json")
    doc = json.loads(path.read_text(encoding="utf-8"))
    bad.write_text(json.dumps({**doc, "format_version": 99}))
    with pytest.raises(ModelFormatError, match="format version 99"):
        TopicModel.load(bad)
    bad.write_text(json.dumps({**doc, "components": doc["components"][:2]}))
    with pytest.raises(ModelFormatError, match="do not match the vocabulary"):
        TopicModel.load(bad)
    del doc["idf"]
    bad.write_text(json.dumps(doc))
    with pytest.raises(ModelFormatError, match="'idf' is missing"):
        TopicModel.load(bad)
