"""TouchpointModel: fit/predict, thresholds, persistence (never pickle), sklearn tools."""

from __future__ import annotations

import json
import pickle
import sys
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from sklearn.base import clone
from sklearn.model_selection import KFold, cross_val_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import FunctionTransformer

from empathylab import InsufficientDataError, ModelFormatError, SmallSampleWarning
from empathylab import TouchpointModel as TopLevel
from empathylab.datasets import make_feedback
from empathylab.touchpoints import TouchpointModel
from empathylab.touchpoints.model import _best_threshold

BENCH = Path(__file__).resolve().parents[2] / "benchmarks"


@pytest.fixture(scope="module")
def corpus():
    rng = np.random.default_rng(7)
    pieces = {
        "delivery": ["Das Paket kam nicht an", "Lieferung verspätet", "parcel never arrived",
                     "Zusteller war nicht da", "shipping took long"],
        "billing": ["Rechnung ist falsch", "doppelt abgebucht", "wrong invoice",
                    "charged twice on my bill", "Mahnung erhalten"],
        "hotline": ["Hotline nicht erreichbar", "am Telefon abgewimmelt", "on hold for ages",
                    "niemand ruft zurück", "call center hung up"],
    }
    texts, labels = [], []
    for _ in range(150):
        k = int(rng.integers(0, 3))
        chosen = sorted(rng.choice(list(pieces), size=k, replace=False).tolist())
        words = [str(rng.choice(pieces[c])) for c in chosen] or ["Alles gut, danke"]
        texts.append(". ".join(words))
        labels.append(chosen)
    return pd.Series(texts), labels


def test_fit_predict_proba(corpus):
    texts, labels = corpus
    model = TouchpointModel().fit(texts, labels)
    assert TopLevel is TouchpointModel
    assert model.classes_.tolist() == ["billing", "delivery", "hotline"]
    assert model.thresholds_.shape == (3,) and ((model.thresholds_ > 0)
                                                & (model.thresholds_ < 1)).all()
    pred = model.predict(texts)
    assert isinstance(pred, list) and all(isinstance(p, list) for p in pred)
    assert model.score(texts, labels) > 0.95
    proba = model.predict_proba(pd.Series(["Rechnung falsch", "Paket weg"], index=[5, 9]))
    assert list(proba.columns) == ["billing", "delivery", "hotline"]
    assert proba.index.tolist() == [5, 9]
    assert proba.loc[5].idxmax() == "billing" and proba.loc[9].idxmax() == "delivery"
    new = model.predict(["Meine Rechnung ist schon wieder falsch", "Niemand am Telefon",
                         "Alles gut, danke"])
    assert new[0] == ["billing"] and new[1] == ["hotline"] and new[2] == []
    forced = TouchpointModel(at_least_one=True).fit(texts, labels).predict(["Wunderbar"])
    assert len(forced[0]) == 1


def test_taxonomy_features_help_with_words_never_seen_in_training(corpus):
    texts, labels = corpus
    # "Retoure" never occurs in training; only the taxonomy knows it is a return
    texts = pd.concat([texts, pd.Series(["Rücksendung kam nicht an", "Erstattung fehlt",
                                         "refund missing", "return label broken"] * 3)],
                      ignore_index=True)
    labels = labels + [["returns"]] * 12
    with_tax = TouchpointModel().fit(texts, labels)
    assert set(with_tax.get_params()) >= {"taxonomy", "C", "nb_alpha", "threshold_cv"}
    proba = with_tax.predict_proba(["Retoure"])
    without = TouchpointModel(taxonomy=None).fit(texts, labels).predict_proba(["Retoure"])
    assert proba["returns"][0] > without["returns"][0]


def test_best_threshold_is_the_f1_optimum():
    p = np.array([0.9, 0.8, 0.7, 0.4, 0.3, 0.1])
    y = np.array([1, 1, 0, 1, 0, 0])
    t = _best_threshold(p, y)
    # cutting below 0.4 gives tp=3, fp=1: F1 = 6/7, the best of all cuts
    assert 0.3 < t < 0.4
    assert _best_threshold(p, np.zeros(6)) == 1.0


@pytest.mark.parametrize("suffix", [".json", ".npz"])
def test_save_load_round_trip(corpus, tmp_path, suffix):
    texts, labels = corpus
    model = TouchpointModel(C=5.0, at_least_one=True).fit(texts, labels)
    path = model.save(tmp_path / f"model{suffix}")
    again = TouchpointModel.load(path)
    assert again.get_params()["C"] == 5.0 and again.at_least_one
    np.testing.assert_allclose(again.predict_proba(texts), model.predict_proba(texts))
    assert again.predict(texts) == model.predict(texts)
    assert again.classes_.tolist() == model.classes_.tolist()
    assert again.taxonomy_.keys == model.taxonomy_.keys
    if suffix == ".npz":
        with np.load(path, allow_pickle=False) as npz:  # no object arrays inside
            assert all(npz[k].dtype != object for k in npz.files)


def test_model_without_taxonomy_round_trips(corpus, tmp_path):
    texts, labels = corpus
    model = TouchpointModel(taxonomy=None, char_ngram_range=None).fit(texts, labels)
    again = TouchpointModel.load(model.save(tmp_path / "m.json"))
    assert again.taxonomy_ is None
    assert again.predict(texts) == model.predict(texts)


def test_load_errors(corpus, tmp_path):
    texts, labels = corpus
    path = TouchpointModel(threshold_cv=0).fit(texts, labels).save(tmp_path / "m.json")
    doc = json.loads(path.read_text(encoding="utf-8"))
    with pytest.raises(ModelFormatError, match="must end in"):
        TouchpointModel.load(tmp_path / "m.pkl")
    with pytest.raises(FileNotFoundError):
        TouchpointModel.load(tmp_path / "missing.json")
    other = tmp_path / "other.json"
    other.write_text(json.dumps(doc | {"format": "empathylab.SentimentModel"}), encoding="utf-8")
    with pytest.raises(ModelFormatError, match="not a TouchpointModel file"):
        TouchpointModel.load(other)
    future = tmp_path / "future.json"
    future.write_text(json.dumps(doc | {"format_version": 99}), encoding="utf-8")
    with pytest.raises(ModelFormatError, match="format version 99"):
        TouchpointModel.load(future)
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(doc | {"coef": doc["coef"][:1]}), encoding="utf-8")
    with pytest.raises(ModelFormatError, match="damaged"):
        TouchpointModel.load(broken)
    notjson = tmp_path / "x.json"
    notjson.write_text("{nope", encoding="utf-8")
    with pytest.raises(ModelFormatError, match="not valid JSON"):
        TouchpointModel.load(notjson)
    pickled = tmp_path / "p.npz"
    with pickled.open("wb") as fh:
        np.savez(fh, header=np.array([{"a": 1}], dtype=object))
    with pytest.raises(ModelFormatError, match="pickled"):
        TouchpointModel.load(pickled)
    raw_pickle = tmp_path / "raw.json"
    raw_pickle.write_bytes(pickle.dumps({"a": 1}))
    with pytest.raises(ModelFormatError):
        TouchpointModel.load(raw_pickle)
    with pytest.raises(ValueError, match="must end in '.json' or '.npz'"):
        TouchpointModel(threshold_cv=0).fit(texts, labels).save(tmp_path / "m.pickle")


def test_fit_errors(corpus):
    texts, labels = corpus
    with pytest.raises(ValueError, match="has 150 rows but `labels` has 2"):
        TouchpointModel().fit(texts, labels[:2])
    with pytest.raises(TypeError, match="item 0 is 'delivery'"):
        TouchpointModel().fit(texts[:3], ["delivery", ["billing"], []])
    with pytest.raises(TypeError, match="single str"):
        TouchpointModel().fit("Paket", [["delivery"]])
    with pytest.raises(TypeError, match="must hold only str"):
        TouchpointModel().fit(pd.Series(["a", None] * 6), [["x"], []] * 6)
    with pytest.raises(InsufficientDataError, match="at least 10"):
        TouchpointModel().fit(texts[:5], labels[:5])
    with pytest.raises(InsufficientDataError, match="no label at all"):
        TouchpointModel().fit(texts[:20], [[] for _ in range(20)])
    with pytest.raises(InsufficientDataError, match=r"\['rare'\].*fewer than 2"):
        TouchpointModel().fit(texts[:20], [["rare"]] + [["x"], []] * 9 + [[]])
    with pytest.raises(InsufficientDataError, match="on every text"):
        TouchpointModel().fit(texts[:20], [["x"]] * 18 + [["x", "y"]] * 2)
    with pytest.raises(ValueError, match="`C` must be a positive number"):
        TouchpointModel(C=0).fit(texts, labels)
    with pytest.raises(ValueError, match="`lang` must be one of"):
        TouchpointModel(lang="fr").fit(texts, labels)
    with pytest.raises(ValueError, match="no features"):
        TouchpointModel(taxonomy=None, word_ngram_range=None,
                        char_ngram_range=None).fit(texts, labels)
    with pytest.warns(SmallSampleWarning, match="fitted on 20 texts"):
        TouchpointModel(threshold_cv=0).fit(texts[:20], labels[:20])
    with pytest.raises(Exception, match="not fitted"):
        TouchpointModel().predict(["x"])


def test_in_a_pipeline_and_cross_validation(corpus):
    texts, labels = corpus
    pipe = make_pipeline(FunctionTransformer(lambda s: s.str.lower()), TouchpointModel())
    pipe.fit(texts, labels)
    assert pipe.predict(pd.Series(["RECHNUNG FALSCH"]))[0] == ["billing"]
    with warnings.catch_warnings():
        warnings.simplefilter("error", SmallSampleWarning)
        scores = cross_val_score(TouchpointModel(), texts, labels,
                                 cv=KFold(3, shuffle=True, random_state=0))
    assert scores.shape == (3,) and scores.min() > 0.9
    assert clone(TouchpointModel(C=3.0)).C == 3.0


def test_on_make_feedback_touchpoints():
    df = make_feedback(600, random_state=3)
    df = df[df["author_role"] == "customer"].reset_index(drop=True)
    labels = [sorted(set(s.split("|"))) if isinstance(s, str) and s else []
              for s in df["true_touchpoints"]]
    half = len(df) // 2
    model = TouchpointModel().fit(df["text"][:half], labels[:half])
    assert model.score(df["text"][half:], labels[half:]) > 0.5


@pytest.mark.shared_data
def test_germeval_cross_validation_reaches_the_targets(shared_data):
    """The issue's targets (micro-F1 >= 0.72, macro-F1 >= 0.45 over the specific
    categories) on two of the five folds of benchmarks/touchpoint_model.py (the
    full five-fold figures are in BENCHMARKS.md). Measured 2026-12-01 on these two
    folds: micro-F1 0.743, macro-F1 0.457 (deterministic: seeded folds, liblinear)."""
    sys.path.insert(0, str(BENCH))
    try:
        from touchpoint_model import GENERAL, indicator, load_germeval, scores
    finally:
        sys.path.remove(str(BENCH))
    texts, labels, classes = load_germeval(shared_data / "germeval2017_dev" / "dev_v1.4.tsv")
    assert GENERAL in classes and len(classes) == 13
    y = indicator(labels, classes)
    pred = np.zeros_like(y)
    used = np.zeros(len(y), dtype=bool)
    folds = list(KFold(5, shuffle=True, random_state=0).split(texts))[:2]
    for train, test in folds:
        model = TouchpointModel().fit(texts.iloc[train], [labels[i] for i in train])
        pred[test] = indicator(model.predict(texts.iloc[test]), classes)
        used[test] = True
    got = scores(y[used], pred[used], classes)
    assert got["micro_f1"] >= 0.72
    assert got["macro_f1_specific"] >= 0.45
