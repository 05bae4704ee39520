"""SentimentModel: the scikit-learn contract, persistence, errors, and the dev-data targets.

Reference values come from independent code where there is one: the TF-IDF blocks
against scikit-learn's ``TfidfVectorizer``, the probabilities against scikit-learn's
``LogisticRegression`` fitted on the same features. The shared-data tests
(``@pytest.mark.shared_data``, skipped without ../shared/data) check the targets of
issue 3 on the splits that ``benchmarks/sentiment_trained.py`` documents.
"""

from __future__ import annotations

import csv
import json
import pickle
import warnings
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.base import clone
from sklearn.exceptions import NotFittedError
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import GridSearchCV
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import FunctionTransformer
from sklearn.utils import estimator_checks

import empathylab as el
from empathylab.datasets import make_feedback
from empathylab.exceptions import InsufficientDataError, SmallSampleWarning
from empathylab.sentiment import sentiment
from empathylab.sentiment._model_tokens import ngram_analyzer, social_tokens
from empathylab.sentiment.model import (
    FORMAT_VERSION,
    LEXICON_FEATURES,
    SentimentModel,
    normalize_texts,
)

LABEL = {-1: "negative", 0: "neutral", 1: "positive"}


@pytest.fixture(scope="module")
def feedback() -> tuple[pd.Series, pd.Series]:
    """Customer messages of the synthetic sample with their planted sentiment."""
    df = make_feedback(400, random_state=7)
    msgs = df[df["author_role"] == "customer"]
    return msgs["text"], msgs["true_sentiment"].map(LABEL)


@pytest.fixture(scope="module")
def fitted(feedback) -> SentimentModel:
    texts, labels = feedback
    return SentimentModel().fit(texts, labels)


@pytest.fixture(scope="module")
def small() -> SentimentModel:
    """A fast model (no character n-grams) for tests that fit many times."""
    texts = pd.Series(
        ["great service, thank you", "super, vielen dank", "terrible, never again",
         "furchtbar, nie wieder", "where is my parcel?", "wo ist mein paket?"] * 5
    )
    labels = pd.Series(["positive", "positive", "negative", "negative", "neutral",
                        "neutral"] * 5)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SmallSampleWarning)
        return SentimentModel(char_ngram_range=None).fit(texts, labels)


# --------------------------------------------------------------------------- sklearn contract
@pytest.mark.parametrize(
    "check",
    [
        estimator_checks.check_parameters_default_constructible,
        estimator_checks.check_no_attributes_set_in_init,
        estimator_checks.check_get_params_invariance,
        estimator_checks.check_set_params,
        estimator_checks.check_estimator_cloneable,
        estimator_checks.check_estimator_repr,
        estimator_checks.check_do_not_raise_errors_in_init_or_set_params,
        estimator_checks.check_estimator_tags_renamed,
        estimator_checks.check_valid_tag_types,
        estimator_checks.check_mixin_order,
    ],
    ids=lambda f: f.__name__,
)
def test_sklearn_checks_that_need_no_numeric_data(check):
    # the other checks of sklearn.utils.estimator_checks feed numeric arrays; a text
    # classifier rightly refuses them (its tags say: strings, no 2-D arrays)
    check("SentimentModel", SentimentModel())


def test_tags_say_text_input():
    from sklearn.utils import get_tags

    tags = get_tags(SentimentModel())
    assert tags.estimator_type == "classifier"
    assert tags.input_tags.string and not tags.input_tags.two_d_array


def test_init_stores_parameters_only():
    model = SentimentModel(C=2.5, char_ngram_range=None, lang="de")
    assert model.get_params()["C"] == 2.5
    assert model.get_params()["char_ngram_range"] is None
    assert not [k for k in vars(model) if k.endswith("_")]
    assert model.set_params(C=1.0) is model and model.C == 1.0


def test_fit_returns_self_and_sets_fitted_attributes(feedback):
    texts, labels = feedback
    model = SentimentModel(char_ngram_range=None)
    assert model.fit(texts, labels) is model
    for name in ("classes_", "coef_", "intercept_", "blocks_", "lexicon_mean_",
                 "lexicon_scale_", "n_iter_"):
        assert hasattr(model, name)
    assert model.classes_.tolist() == ["negative", "neutral", "positive"]
    names = model.get_feature_names_out()
    assert model.coef_.shape == (3, len(names))
    assert model.intercept_.shape == (3,)
    assert names[-5:].tolist() == [f"lexicon:{f}" for f in LEXICON_FEATURES]
    assert all(n.startswith(("word:", "lexicon:")) for n in names)


def test_clone_is_unfitted_with_equal_params(fitted):
    twin = clone(fitted)
    assert twin.get_params() == fitted.get_params()
    assert not hasattr(twin, "classes_")


@pytest.mark.parametrize("method", ["predict", "predict_proba", "decision_function",
                                    "transform_features", "get_feature_names_out"])
def test_not_fitted_error(method):
    args = () if method == "get_feature_names_out" else (["text"],)
    with pytest.raises(NotFittedError, match="not fitted yet"):
        getattr(SentimentModel(), method)(*args)


def test_not_fitted_save_and_sentiment(tmp_path):
    with pytest.raises(NotFittedError):
        SentimentModel().save(tmp_path / "m.json")
    with pytest.raises(NotFittedError):
        sentiment(pd.Series(["gut"]), method="model", model=SentimentModel())


def test_predict_proba_columns_follow_classes(fitted):
    texts = ["Vielen Dank, super schnell und sehr freundlich!",
             "Das ist eine Frechheit, schon wieder kaputt geliefert.",
             "Thank you so much, great help!", "This is unacceptable, I am furious."]
    proba = fitted.predict_proba(texts)
    assert proba.shape == (4, 3)
    np.testing.assert_allclose(proba.sum(axis=1), 1.0)
    positive = list(fitted.classes_).index("positive")
    negative = list(fitted.classes_).index("negative")
    assert (proba[[0, 2], positive] > proba[[0, 2], negative]).all()
    assert (proba[[1, 3], negative] > proba[[1, 3], positive]).all()
    assert fitted.predict(texts).tolist() == fitted.classes_[proba.argmax(axis=1)].tolist()


def test_accuracy_on_held_out_synthetic_feedback(feedback):
    texts, labels = feedback
    n = len(texts) // 2
    model = SentimentModel(char_ngram_range=None).fit(texts.iloc[:n], labels.iloc[:n])
    # planted labels of the synthetic generator; the majority class has 0.56 of the rows
    assert model.score(texts.iloc[n:], labels.iloc[n:]) > 0.7


def test_probabilities_equal_sklearn_logistic_regression(fitted, feedback):
    # independent reference: LogisticRegression fitted on the same feature matrix
    texts, labels = feedback
    features = fitted.transform_features(texts)
    reference = LogisticRegression(
        C=fitted.C, class_weight="balanced", solver="newton-cg", max_iter=1000, tol=1e-4
    ).fit(features, labels.to_numpy())
    # the same problem solved twice by an iterative solver (tol=1e-4; the model passes
    # sample weights of one): equal to about 1e-7
    np.testing.assert_allclose(fitted.predict_proba(texts), reference.predict_proba(features),
                               atol=1e-6)
    np.testing.assert_allclose(fitted.decision_function(texts),
                               reference.decision_function(features), atol=1e-5)


def test_tfidf_blocks_equal_sklearn_tfidf_vectorizer(fitted, feedback):
    texts = normalize_texts(feedback[0])
    plain = SentimentModel(word_tokenizer="sklearn", lexicon=False).fit(*feedback)
    for block, analyzer, ngrams in ((fitted.blocks_[0], ngram_analyzer((1, 2), True), (1, 1)),
                                    (plain.blocks_[0], "word", (1, 2)),
                                    (fitted.blocks_[1], "char_wb", (2, 5))):
        vec = TfidfVectorizer(analyzer=analyzer, ngram_range=ngrams, sublinear_tf=True)
        expected = vec.fit_transform(texts)
        columns = [vec.vocabulary_[term] for term in block.vocabulary]
        assert sorted(block.vocabulary) == sorted(vec.vocabulary_)
        np.testing.assert_allclose(block.transform(texts).toarray(),
                                   expected[:, columns].toarray(), atol=1e-12)


def test_input_containers_give_the_same_predictions(fitted):
    texts = ["Danke, hat super geklappt", "Still waiting for my refund", "Wo ist mein Paket?"]
    expected = fitted.predict_proba(texts)
    for variant in (pd.Series(texts, index=[5, 9, 1]), np.array(texts, dtype=object),
                    np.array(texts), pd.DataFrame({"text": texts}), tuple(texts),
                    pd.Series(texts, dtype="string")):
        np.testing.assert_allclose(fitted.predict_proba(variant), expected)


def test_fit_does_not_mutate_input(feedback):
    texts, labels = feedback
    before_t, before_l = texts.copy(), labels.copy()
    SentimentModel(char_ngram_range=None, lexicon=False).fit(texts, labels)
    pd.testing.assert_series_equal(texts, before_t)
    pd.testing.assert_series_equal(labels, before_l)


def test_binary_and_integer_labels(feedback):
    texts, labels = feedback
    keep = labels != "neutral"
    y = labels[keep].map({"negative": -1, "positive": 1})
    model = SentimentModel(char_ngram_range=None).fit(texts[keep], y)
    assert model.classes_.tolist() == [-1, 1]
    assert model.coef_.shape[0] == 1
    scores = model.decision_function(texts[keep])
    assert scores.ndim == 1
    proba = model.predict_proba(texts[keep])
    np.testing.assert_allclose(proba[:, 1], 1 / (1 + np.exp(-scores)))
    np.testing.assert_array_equal(model.predict(texts[keep]), np.where(scores > 0, 1, -1))
    top = model.top_features(3)
    assert top["label"].tolist() == [-1, -1, -1, 1, 1, 1]
    assert (top["weight"] > 0).all()


def test_feature_groups_can_be_switched_off(small):
    texts = ["great, thanks", "nie wieder"]
    only_lexicon = SentimentModel(word_ngram_range=None, char_ngram_range=None)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SmallSampleWarning)
        only_lexicon.fit(*_tiny())
    assert only_lexicon.get_feature_names_out().tolist() == [
        f"lexicon:{f}" for f in LEXICON_FEATURES
    ]
    assert only_lexicon.predict(texts).tolist() == ["positive", "negative"]
    no_lexicon = clone(small).set_params(lexicon=False)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SmallSampleWarning)
        no_lexicon.fit(*_tiny())
    assert no_lexicon.lexicon_mean_.shape == (0,)
    assert not any(n.startswith("lexicon:") for n in no_lexicon.get_feature_names_out())


def _tiny() -> tuple[list[str], list[str]]:
    pos = ["great service, thank you", "super, vielen dank", "excellent, love it",
           "toll gemacht, danke"]
    neg = ["terrible, never again", "furchtbar, nie wieder", "awful and rude",
           "eine Frechheit, schlecht"]
    return pos * 3 + neg * 3, ["positive"] * 12 + ["negative"] * 12


def test_fixed_language_uses_one_lexicon(feedback):
    texts, labels = feedback
    german = SentimentModel(lang="de", char_ngram_range=None).fit(texts, labels)
    auto = SentimentModel(lang="auto", char_ngram_range=None).fit(texts, labels)
    assert not np.allclose(german.lexicon_mean_, auto.lexicon_mean_)


def test_top_features_is_tidy(fitted):
    top = fitted.top_features(5)
    assert list(top.columns) == ["label", "rank", "feature", "weight"]
    assert len(top) == 15
    assert top.groupby("label")["rank"].apply(list).tolist() == [[1, 2, 3, 4, 5]] * 3
    with pytest.raises(ValueError, match="`n` must be a positive integer"):
        fitted.top_features(0)


def test_social_tokens():
    assert social_tokens("@USER not helpful at all. Great crew though URL") == [
        "@USER", "not", "helpful_NEG", "at_NEG", "all_NEG", ".", "great", "crew", "though", "URL"]
    # the scope ends at a contrast word and at ! or ?; n't and the curly apostrophe negate
    assert social_tokens("didn’t work but thanks") == ["didn’t", "work_NEG", "but", "thanks"]
    assert social_tokens("can't wait!! love it") == ["can't", "wait_NEG", "!!", "love", "it"]
    assert social_tokens("Das war nicht gut, aber ok") == [
        "das", "war", "nicht", "gut_NEG", ",", "aber", "ok"]
    assert social_tokens("kein Anschluss", negation=False) == ["kein", "anschluss"]
    assert social_tokens("#NeverAgain #fail 😡 :-( <3 I", negation=False) == [
        "#neveragain", "never", "again", "#fail", "😡", ":-(", "<3", "i"]
    assert social_tokens("WORST day sooooo long") == [
        "<CAPS>", "worst", "day", "<ELONG>", "soo", "long"]


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_social_tokens_never_crash(text):
    tokens = social_tokens(text)
    assert all(isinstance(t, str) and t and not t.isspace() for t in tokens)
    grams = ngram_analyzer((1, 3), True)(text)
    assert len(grams) == max(len(tokens), 0) + max(len(tokens) - 1, 0) + max(len(tokens) - 2, 0)


def test_negation_scope_gives_own_features(feedback):
    texts, labels = feedback
    texts = pd.concat([texts, pd.Series(["not helpful", "helpful"] * 3)], ignore_index=True)
    labels = pd.concat([labels, pd.Series(["negative", "positive"] * 3)], ignore_index=True)
    names = set(SentimentModel(char_ngram_range=None).fit(texts, labels).get_feature_names_out())
    assert {"word:not", "word:helpful_NEG", "word:not helpful_NEG", "word:helpful"} <= names
    plain = SentimentModel(char_ngram_range=None, negation_scope=False).fit(texts, labels)
    assert "word:not helpful" in set(plain.get_feature_names_out())
    assert not any(n.endswith("_NEG") for n in plain.get_feature_names_out())


def test_normalize_texts():
    out = normalize_texts(pd.Series(["@USAirways thx &amp; bye http://t.co/ab1 mail@x.de"],
                                    index=[4]))
    assert out.tolist() == ["@USER thx & bye URL mail@x.de"]
    assert out.index.tolist() == [4]


def test_pipeline_and_grid_search(feedback):
    texts, labels = feedback
    pipe = Pipeline([
        ("lower", FunctionTransformer(lambda s: pd.Series(s).str.lower())),
        ("model", SentimentModel(char_ngram_range=None)),
    ])
    grid = GridSearchCV(pipe, {"model__C": [0.5, 10.0]}, cv=2, scoring="f1_macro")
    grid.fit(texts, labels)
    assert grid.best_params_["model__C"] in (0.5, 10.0)
    assert set(grid.predict(texts[:5])) <= {"negative", "neutral", "positive"}
    assert grid.best_estimator_.named_steps["model"].classes_.tolist() == [
        "negative", "neutral", "positive"
    ]


@settings(max_examples=30, deadline=None)
@given(st.lists(st.text(max_size=40), min_size=1, max_size=4))
def test_arbitrary_text_never_crashes_predict(small, texts):
    proba = small.predict_proba(texts)
    assert proba.shape == (len(texts), 3)
    assert np.isfinite(proba).all()


# --------------------------------------------------------------------------- sentiment()
def test_sentiment_method_model_labels_equal_predict(fitted, feedback):
    texts = feedback[0].iloc[:60]
    out = sentiment(texts, method="model", model=fitted)
    scored = out["language"].isin(["de", "en", "und"]).to_numpy()
    assert scored.all()
    assert out["label"].tolist() == fitted.predict(texts).tolist()
    proba = fitted.predict_proba(texts)
    classes = list(fitted.classes_)
    np.testing.assert_allclose(out["positive"], proba[:, classes.index("positive")])
    np.testing.assert_allclose(out["compound"], out["positive"] - out["negative"])


def test_sentiment_method_model_reads_numeric_classes_and_refuses_others(feedback):
    texts, labels = feedback[0].iloc[:200], pd.Series(feedback[1][:200])
    numeric = SentimentModel().fit(texts, labels.map({"negative": -1, "neutral": 0,
                                                      "positive": 1}))
    out = sentiment(texts.iloc[:20], method="model", model=numeric)
    named = {-1: "negative", 0: "neutral", 1: "positive"}
    assert out["label"].tolist() == [named[c] for c in numeric.predict(texts.iloc[:20])]
    other = SentimentModel().fit(texts, labels.map({"negative": "bad", "neutral": "meh",
                                                    "positive": "good"}))
    with pytest.raises(ValueError, match="fitted on the labels 'positive'"):
        sentiment(texts.iloc[:5], method="model", model=other)


# --------------------------------------------------------------------------- persistence
@pytest.mark.parametrize("suffix", [".json", ".npz"])
def test_save_load_round_trip(fitted, feedback, tmp_path, suffix):
    texts = feedback[0]
    path = fitted.save(tmp_path / f"model{suffix}")
    assert path == tmp_path / f"model{suffix}"
    again = SentimentModel.load(path)
    assert again.get_params() == fitted.get_params()
    np.testing.assert_array_equal(again.classes_, fitted.classes_)
    np.testing.assert_allclose(again.predict_proba(texts), fitted.predict_proba(texts),
                               rtol=1e-12, atol=1e-14)
    assert again.predict(texts).tolist() == fitted.predict(texts).tolist()
    np.testing.assert_array_equal(again.get_feature_names_out(),
                                  fitted.get_feature_names_out())


def test_round_trip_of_unusual_params_and_int_labels(tmp_path):
    texts, labels = _tiny()
    y = [1 if v == "positive" else 0 for v in labels]
    model = SentimentModel(word_ngram_range=(1, 1), char_ngram_range=(3, 4),
                           class_weight={0: 1.0, 1: 2.0}, min_df=2, max_features=50,
                           normalize_text=False, lang="en")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SmallSampleWarning)
        model.fit(texts, y)
    for suffix in (".json", ".npz"):
        again = SentimentModel.load(model.save(tmp_path / f"m{suffix}"))
        assert again.get_params() == model.get_params()
        assert again.classes_.tolist() == [0, 1]
        np.testing.assert_allclose(again.predict_proba(texts), model.predict_proba(texts))


def test_npz_holds_no_pickled_data(fitted, tmp_path):
    path = fitted.save(tmp_path / "model.npz")
    with np.load(path, allow_pickle=False) as npz:
        assert all(npz[k].dtype != object for k in npz.files)
        header = json.loads(str(npz["header"]))
    assert header["format_version"] == FORMAT_VERSION
    assert header["format"] == "empathylab.SentimentModel"
    assert {"library_version", "params", "classes", "blocks"} <= set(header)
    doc = json.loads(fitted.save(tmp_path / "model.json").read_text(encoding="utf-8"))
    assert [b["name"] for b in doc["blocks"]] == ["word", "char"]
    assert len(doc["word_terms"]) == len(doc["word_idf"]) == len(fitted.blocks_[0].vocabulary)


def test_refuses_pickle(fitted, tmp_path):
    with pytest.raises(ValueError, match="never pickle"):
        fitted.save(tmp_path / "model.pkl")
    pkl = tmp_path / "model.pkl"
    pkl.write_bytes(pickle.dumps({"coef": [1.0]}))
    with pytest.raises(el.ModelFormatError, match="never pickles"):
        SentimentModel.load(pkl)
    disguised = tmp_path / "disguised.npz"
    disguised.write_bytes(pickle.dumps({"coef": [1.0]}))
    with pytest.raises(el.ModelFormatError, match=r"disguised\.npz.*(cannot be read|pickled)"):
        SentimentModel.load(disguised)
    objects = tmp_path / "objects.npz"
    np.savez(objects, header=np.array([{"format": "x"}], dtype=object))
    with pytest.raises(el.ModelFormatError, match=r"objects\.npz.*pickled"):
        SentimentModel.load(objects)
    with pytest.raises(el.ModelFormatError, match="not UTF-8"):
        SentimentModel.load(_renamed(pkl, ".json"))


def _renamed(path: Path, suffix: str) -> Path:
    target = path.with_suffix(suffix)
    target.write_bytes(path.read_bytes())
    return target


def test_load_errors_name_the_file(fitted, tmp_path):
    with pytest.raises(FileNotFoundError, match="no SentimentModel file at .*missing.json"):
        SentimentModel.load(tmp_path / "missing.json")
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(el.ModelFormatError, match=r"bad\.json' is not valid JSON"):
        SentimentModel.load(bad)
    bad.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(el.ModelFormatError, match="JSON list, not an object"):
        SentimentModel.load(bad)
    bad.write_text(json.dumps({"format": "other"}), encoding="utf-8")
    with pytest.raises(el.ModelFormatError, match="not a SentimentModel file.*'other'"):
        SentimentModel.load(bad)
    doc = json.loads(fitted.save(tmp_path / "m.json").read_text(encoding="utf-8"))
    for change, message in (
        ({"format_version": 99}, "format version 99"),
        ({"coef": [[1.0, 2.0]]}, "coef has shape"),
        ({"lexicon_scale": [1.0]}, "lexicon scaling"),
        ({"params": dict(doc["params"], C=-1)}, "invalid parameters.*`C`"),
        ({"blocks": "x"}, "'blocks' should be a list"),
        ({"char_idf": [1.0]}, "char block has .* terms but 1 idf values"),
        ({"blocks": [dict(doc["blocks"][0], tokenizer="nltk"), doc["blocks"][1]]},
         "unknown tokenizer 'nltk' of the word block"),
    ):
        bad.write_text(json.dumps(doc | change), encoding="utf-8")
        with pytest.raises(el.ModelFormatError, match=message):
            SentimentModel.load(bad)
    bad.write_text(json.dumps({k: v for k, v in doc.items() if k != "intercept"}),
                   encoding="utf-8")
    with pytest.raises(el.ModelFormatError, match="'intercept' is missing"):
        SentimentModel.load(bad)
    truncated = tmp_path / "cut.npz"
    truncated.write_bytes(fitted.save(tmp_path / "m.npz").read_bytes()[:500])
    with pytest.raises(el.ModelFormatError, match=r"cut\.npz' is not a SentimentModel \.npz file"):
        SentimentModel.load(truncated)
    with pytest.raises(el.ModelFormatError, match=r"must end in '\.json' or '\.npz'"):
        SentimentModel.load(tmp_path / "m.txt")


def test_reads_format_version_1_files(feedback, tmp_path):
    # version 1 files predate word_tokenizer and negation_scope: they hold a word block of
    # scikit-learn's tokens, which the loaded model must go on using
    texts, labels = feedback
    model = SentimentModel(word_tokenizer="sklearn", negation_scope=False).fit(texts, labels)
    doc = json.loads(model.save(tmp_path / "new.json").read_text(encoding="utf-8"))
    doc["format_version"] = 1
    for key in ("word_tokenizer", "negation_scope"):
        del doc["params"][key]
    doc["blocks"] = [{"name": b["name"], "ngram_range": b["ngram_range"]} for b in doc["blocks"]]
    old = tmp_path / "old.json"
    old.write_text(json.dumps(doc), encoding="utf-8")
    again = SentimentModel.load(old)
    assert again.word_tokenizer == "sklearn" and again.negation_scope is False
    assert again.blocks_[0].tokenizer == "sklearn"
    np.testing.assert_allclose(again.predict_proba(texts), model.predict_proba(texts),
                               rtol=1e-12, atol=1e-14)


def test_load_warns_about_another_library_version(fitted, tmp_path):
    path = fitted.save(tmp_path / "m.json")
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["library_version"] = "0.0.1"
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.warns(UserWarning, match="saved by empathylab 0.0.1"):
        SentimentModel.load(path)


# --------------------------------------------------------------------------- errors
def test_fit_errors(feedback):
    texts, labels = feedback
    model = SentimentModel(char_ngram_range=None)
    with pytest.raises(ValueError, match=r"`texts` has \d+ rows but `labels` has \d+"):
        model.fit(texts, labels.iloc[:-1])
    with pytest.raises(InsufficientDataError, match="one class only"):
        model.fit(texts, ["positive"] * len(texts))
    with pytest.raises(InsufficientDataError, match="at least 10 labelled texts"):
        model.fit(texts.iloc[:5], labels.iloc[:5])
    single = labels.copy()
    single.iloc[0] = "mixed"
    with pytest.raises(InsufficientDataError, match=r"\['mixed'\].*single text"):
        model.fit(texts, single)
    with_nan = texts.copy()
    with_nan.iloc[3] = np.nan
    with pytest.raises(TypeError, match=r"only str.*position 3.*fillna"):
        model.fit(with_nan, labels)
    with pytest.raises(TypeError, match="only str.*int"):
        model.fit([1, 2, 3] * 5, ["a", "b", "c"] * 5)
    with pytest.raises(TypeError, match="single str"):
        model.fit("great service", ["positive"])
    with pytest.raises(ValueError, match="DataFrame with 2 columns"):
        model.fit(pd.DataFrame({"a": texts, "b": texts}), labels)
    missing = labels.copy()
    missing.iloc[2] = None
    with pytest.raises(ValueError, match="`labels` has 1 missing value"):
        model.fit(texts, missing)
    with pytest.raises(ValueError, match="`sample_weight` must hold"):
        model.fit(texts, labels, sample_weight=[1.0, 2.0])


def test_predict_rejects_non_strings(fitted):
    with pytest.raises(TypeError, match=r"position 1 .*None"):
        fitted.predict(["gut", None])


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"lang": "fr"}, r"`lang` must be one of \['auto', 'de', 'en'\], but 'fr'"),
        ({"C": 0}, "`C` must be a positive number, but 0"),
        ({"tol": "small"}, "`tol` must be a positive number"),
        ({"word_ngram_range": (2, 1)}, "`word_ngram_range` must be None or a pair"),
        ({"char_ngram_range": 3}, "`char_ngram_range` must be None or a pair"),
        ({"word_ngram_range": None, "char_ngram_range": None, "lexicon": False},
         "no features"),
        ({"class_weight": "even"}, "`class_weight` must be 'balanced'"),
        ({"min_df": 0}, "`min_df` must be an integer >= 1"),
        ({"max_features": 0}, "`max_features` must be None or a positive integer"),
        ({"lexicon": "yes"}, "`lexicon` must be True or False"),
        ({"word_tokenizer": "nltk"}, r"`word_tokenizer` must be one of \['social', 'sklearn'\]"),
        ({"negation_scope": 1}, "`negation_scope` must be True or False"),
    ],
)
def test_invalid_parameters(feedback, params, message):
    texts, labels = feedback
    with pytest.raises((ValueError, TypeError), match=message):
        SentimentModel(**params).fit(texts, labels)


def test_small_sample_warning():
    with pytest.warns(SmallSampleWarning, match="fitted on 24 texts"):
        SentimentModel(char_ngram_range=None).fit(*_tiny())


@pytest.mark.parametrize(("tokenizer", "text"), [("sklearn", "!"), ("social", " ")])
def test_texts_without_words(tokenizer, text):
    with pytest.raises(InsufficientDataError, match="no word n-grams"), warnings.catch_warnings():
        warnings.simplefilter("ignore", SmallSampleWarning)
        SentimentModel(char_ngram_range=None, lexicon=False, word_tokenizer=tokenizer).fit(
            [text] * 10, ["a", "b"] * 5)


# --------------------------------------------------------------------------- shared data
# Splits as documented in benchmarks/sentiment_trained.py: GermEval 2017 dev in two halves
# of numpy.random.default_rng(0).permutation(2584); the airline tweets by airline.
SEED = 0


@cache
def _germeval(root: Path) -> pd.DataFrame:
    df = pd.read_csv(
        root / "germeval2017_dev" / "dev_v1.4.tsv", sep="\t", header=None,
        names=["url", "text", "relevance", "label", "aspects"], quoting=csv.QUOTE_NONE,
        dtype=str, keep_default_na=False,
    )
    return df[["text", "label"]]


@cache
def _germeval_micro_f1(root: Path, train_half: int) -> float:
    df = _germeval(root)
    assert len(df) == 2584
    perm = np.random.default_rng(SEED).permutation(len(df))
    first = np.zeros(len(df), dtype=bool)
    first[perm[: len(df) // 2]] = True
    train = first if train_half == 0 else ~first
    model = SentimentModel().fit(df["text"][train], df["label"][train])
    return float(model.score(df["text"][~train], df["label"][~train]))


@cache
def _airline_macro_f1(root: Path, train_airline: str) -> float:
    df = pd.read_csv(root / "airline_dev" / "tweets_american_usairways.csv")
    train = (df["airline"] == train_airline).to_numpy()
    model = SentimentModel().fit(df["text"][train], df["airline_sentiment"][train])
    predicted = model.predict(df["text"][~train])
    return float(f1_score(df["airline_sentiment"][~train], predicted, average="macro"))


@pytest.mark.shared_data
def test_germeval_half_split_micro_f1_target(shared_data):
    # target of issue 3: >= 0.75 fitted on half A (seed 0), tested on half B;
    # benchmarks/sentiment_trained.py measured 0.779
    assert _germeval_micro_f1(shared_data, 0) >= 0.75


@pytest.mark.shared_data
def test_germeval_other_half_micro_f1(shared_data):
    # the other direction measured 0.756; always-neutral on that half is 0.683
    assert _germeval_micro_f1(shared_data, 1) >= 0.74


@pytest.mark.shared_data
@pytest.mark.parametrize("train_airline", ["American", "US Airways"])
def test_airline_cross_airline_macro_f1_floor(shared_data, train_airline):
    # measured 0.726 (American -> US Airways) and 0.728 (back); the zero-shot lexicon
    # scores 0.620 and 0.637, plain TF-IDF + LogisticRegression 0.48
    assert _airline_macro_f1(shared_data, train_airline) >= 0.71


@pytest.mark.shared_data
@pytest.mark.xfail(reason="target of issue 3 not reached: SentimentModel measures 0.726 and "
                          "0.728 macro-F1 across airlines (see benchmarks/sentiment_trained.py)",
                   strict=True)
@pytest.mark.parametrize("train_airline", ["American", "US Airways"])
def test_airline_cross_airline_macro_f1_target(shared_data, train_airline):
    assert _airline_macro_f1(shared_data, train_airline) >= 0.75
