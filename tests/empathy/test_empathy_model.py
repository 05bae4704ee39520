"""EmpathyModel: fit, predict, persistence (JSON and .npz, never pickle), errors."""

from __future__ import annotations

import json
import pickle
import warnings

import numpy as np
import pytest
from sklearn.base import clone

from empathylab import EmpathyModel, InsufficientDataError, ModelFormatError, SmallSampleWarning

EMPATHIC = [
    "I can imagine how annoying that is. Which size did you order? I'll send a new one.",
    "That must be frustrating after two weeks of waiting. I have refunded the shipping.",
    "Das ist wirklich ärgerlich. Seit wann tritt der Fehler auf? Ich kümmere mich darum.",
    "Ich kann mir gut vorstellen, wie enttäuschend das ist. Ich habe den Ersatz veranlasst.",
    "You're absolutely right, the invoice is wrong. I've corrected it and emailed you a copy.",
]
SYMPATHETIC = [
    "We apologize for the inconvenience. Please contact our hotline.",
    "Sorry for any trouble. Please see our FAQ.",
    "Wir bitten um Entschuldigung für die Unannehmlichkeiten. Bitte wenden Sie sich an die "
    "Hotline.",
    "Entschuldigen Sie die Umstände. Bitte lesen Sie die Hinweise auf unserer Website.",
    "Thank you for your patience. Your request has been forwarded.",
]


@pytest.fixture
def data() -> tuple[list[str], np.ndarray]:
    replies = (EMPATHIC + SYMPATHETIC) * 12
    y = np.array(([1] * 5 + [0] * 5) * 12)
    return replies, y


def test_fit_predict(data: tuple[list[str], np.ndarray]) -> None:
    replies, y = data
    model = EmpathyModel().fit(replies, y)
    assert model.classes_.tolist() == [0, 1]
    proba = model.predict_proba(["How frustrating, what exactly happened? I will fix it today.",
                                 "We apologize for any inconvenience."])
    assert proba.shape == (2, 2)
    np.testing.assert_allclose(proba.sum(axis=1), 1.0)
    assert proba[0, 1] > proba[1, 1]
    assert (model.predict(replies) == y).mean() > 0.9


def test_ordinal_labels_and_context(data: tuple[list[str], np.ndarray]) -> None:
    replies, y = data
    levels = np.where(y == 1, np.tile([1, 2], 60)[: len(y)], 0)
    context = ["My order 5521 is late and I am annoyed"] * len(replies)
    model = EmpathyModel(char_ngram_range=None).fit(replies, levels, context=context)
    assert model.classes_.tolist() == [0, 1, 2]
    assert model.predict_proba(replies[:3], context=context[:3]).shape == (3, 3)


def test_sklearn_contract(data: tuple[list[str], np.ndarray]) -> None:
    replies, y = data
    model = EmpathyModel(C=0.5, min_df=1)
    assert clone(model).get_params()["C"] == 0.5
    assert model.set_params(C=2.0) is model
    assert model.fit(replies, y) is model


@pytest.mark.parametrize("suffix", [".json", ".npz"])
def test_round_trip(tmp_path, data: tuple[list[str], np.ndarray], suffix: str) -> None:
    replies, y = data
    model = EmpathyModel().fit(replies, np.where(y == 1, "empathic", "sympathetic"))
    path = model.save(tmp_path / f"model{suffix}")
    again = EmpathyModel.load(path)
    np.testing.assert_allclose(again.predict_proba(replies), model.predict_proba(replies))
    assert again.predict(replies[:2]).tolist() == ["empathic", "empathic"]
    assert again.get_params() == model.get_params()


def test_bad_files(tmp_path, data: tuple[list[str], np.ndarray]) -> None:
    replies, y = data
    model = EmpathyModel(char_ngram_range=None).fit(replies, y)
    with pytest.raises(ModelFormatError, match="must end in"):
        EmpathyModel.load(tmp_path / "model.pkl")
    with pytest.raises(FileNotFoundError):
        EmpathyModel.load(tmp_path / "missing.json")
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(ModelFormatError, match="not valid JSON"):
        EmpathyModel.load(bad)
    other = tmp_path / "other.json"
    other.write_text(json.dumps({"format": "empathylab.SentimentModel"}), encoding="utf-8")
    with pytest.raises(ModelFormatError, match="not an EmpathyModel file"):
        EmpathyModel.load(other)
    pickled = tmp_path / "pickled.npz"
    np.savez(pickled, header=np.array([{"a": 1}], dtype=object))
    with pytest.raises(ModelFormatError, match="pickled"):
        EmpathyModel.load(pickled)
    raw = tmp_path / "raw.json"
    raw.write_bytes(pickle.dumps(model))
    with pytest.raises(ModelFormatError, match="not UTF-8|not valid JSON"):
        EmpathyModel.load(raw)
    saved = json.loads(model.save(tmp_path / "ok.json").read_text(encoding="utf-8"))
    saved["coef"] = [[0.0, 1.0]]
    damaged = tmp_path / "damaged.json"
    damaged.write_text(json.dumps(saved), encoding="utf-8")
    with pytest.raises(ModelFormatError, match="damaged"):
        EmpathyModel.load(damaged)
    saved["format_version"] = 99
    future = tmp_path / "future.json"
    future.write_text(json.dumps(saved), encoding="utf-8")
    with pytest.raises(ModelFormatError, match="format version 99"):
        EmpathyModel.load(future)


def test_fit_errors(data: tuple[list[str], np.ndarray]) -> None:
    replies, y = data
    with pytest.raises(InsufficientDataError, match="at least 10"):
        EmpathyModel().fit(replies[:5], y[:5])
    with pytest.raises(InsufficientDataError, match="only one class"):
        EmpathyModel().fit(replies[:20], np.ones(20))
    with pytest.raises(ValueError, match="one label per reply"):
        EmpathyModel().fit(replies, y[:-1])
    with pytest.raises(ValueError, match="`lang` must be one of"):
        EmpathyModel(lang="fr").fit(replies, y)
    with pytest.raises(ValueError, match="needs features"):
        EmpathyModel(rules=False, word_ngram_range=None, char_ngram_range=None).fit(replies, y)
    with pytest.warns(SmallSampleWarning):
        EmpathyModel(min_df=1).fit(replies[:20], y[:20])
    with pytest.raises(ValueError, match="save"), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        EmpathyModel(min_df=1).fit(replies, y).save("model.pkl")
