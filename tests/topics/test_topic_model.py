"""TopicModel on the bundled sample: planted touchpoints, determinism, outputs, errors."""

from __future__ import annotations

import functools
import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.base import clone
from sklearn.exceptions import NotFittedError
from sklearn.metrics import adjusted_mutual_info_score

import empathylab as el
from empathylab.datasets import load_sample
from empathylab.exceptions import InsufficientDataError
from empathylab.topics import TopicModel, TopicsResult

TOPIC_COLUMNS = [
    "topic", "label", "top_terms", "size", "share", "coherence", "mean_sentiment",
    "negative_share", "n_sentences", "example",
]  # fmt: skip


@pytest.fixture(scope="module")
def customer() -> pd.DataFrame:
    df = load_sample("feedback_de")
    return df.loc[df["author_role"] == "customer", ["text", "touchpoint"]]


@pytest.fixture(scope="module")
def fitted(customer: pd.DataFrame) -> TopicModel:
    return TopicModel(n_topics=10, random_state=0).fit(customer["text"])


def test_topics_recover_the_planted_touchpoints(customer, fitted):
    assigned = fitted.assignments_
    ok = assigned["topic"].notna() & customer["touchpoint"].notna()
    ami = adjusted_mutual_info_score(
        customer.loc[ok, "touchpoint"], assigned.loc[ok, "topic"].astype(int)
    )
    # measured 0.14 (a plain TfidfVectorizer + NMF with the same k: 0.03)
    assert ami > 0.10
    assert ok.mean() > 0.9


def test_topic_table_is_tidy_and_consistent(customer, fitted):
    topics = fitted.topics_
    assert topics.columns.tolist() == TOPIC_COLUMNS
    assert topics["topic"].tolist() == list(range(10)) and fitted.n_topics_ == 10
    assert topics["label"].is_unique
    assert topics["size"].sum() == fitted.assignments_["topic"].notna().sum()
    assert topics["share"].between(0, 1).all()
    assert topics["share"].to_numpy() == pytest.approx(topics["size"] / len(customer))
    assert topics["mean_sentiment"].between(-1, 1).all()
    assert topics["negative_share"].between(0, 1).all()
    assert (topics["n_sentences"] > 0).all()
    # a label's words are among the topic's top terms, in written form (no bare stems)
    for label, terms in zip(topics["label"], topics["top_terms"], strict=True):
        written = set(terms.replace(",", " ").split())
        for part in label.split(" / "):
            assert set(part.split()) <= written
    # examples are texts assigned to their topic, strongest first
    examples = fitted.examples_
    assert examples.columns.tolist() == ["topic", "rank", "row", "text", "topic_weight"]
    for row in examples.itertuples():
        assert fitted.assignments_.loc[row.row, "topic"] == row.topic
        assert customer.loc[row.row, "text"] == row.text
    first = examples[examples["rank"] == 1].set_index("topic")["text"]
    assert topics.set_index("topic")["example"].loc[first.index].tolist() == first.tolist()


def test_same_seed_same_topics(customer, fitted):
    again = TopicModel(n_topics=10, random_state=0).fit(customer["text"])
    pd.testing.assert_frame_equal(again.topics_, fitted.topics_)
    pd.testing.assert_frame_equal(again.assignments_, fitted.assignments_)


def test_transform_is_a_share_matrix_indexed_like_the_texts(fitted):
    texts = pd.Series(
        ["Die Lieferung kam zu spät und das Paket war beschädigt.", None,
         "xyzzy qwerty", "Die Hotline war am Samstag nicht besetzt."],
        index=["a", "b", "c", "d"],
    )  # fmt: skip
    shares = fitted.transform(texts)
    assert shares.index.tolist() == ["a", "b", "c", "d"]
    assert shares.columns.tolist() == fitted.topics_["label"].tolist()
    assert shares.columns.tolist() == fitted.get_feature_names_out().tolist()
    assert shares.loc["a"].sum() == pytest.approx(1.0)
    assert shares.loc["b"].isna().all()  # missing text: NaN, not dropped
    assert (shares.loc["c"] == 0).all()  # no known term
    # the dominant topic of the delivery complaint is a delivery topic
    assert "Lieferung" in fitted.topics_.loc[shares.loc["a"].argmax(), "top_terms"]


def test_assign_gives_na_for_missing_unknown_and_weak_texts(fitted):
    texts = pd.Series(
        ["Die Hotline war am Samstag nicht besetzt.", np.nan, "xyzzy"], index=[7, 3, 9]
    )
    out = fitted.assign(texts)
    assert out.columns.tolist() == ["topic", "label", "topic_weight"]
    assert out.index.tolist() == [7, 3, 9]
    assert str(out["topic"].dtype) == "Int64"
    assert out["topic"].isna().tolist() == [False, True, True]
    assert "Hotline" in out.loc[7, "label"]
    assert np.isnan(out.loc[3, "topic_weight"]) and out.loc[9, "topic_weight"] == 0.0
    strict = clone(fitted).set_params(min_topic_weight=1.0, n_topics=2)
    strict.fit(pd.Series(["Hotline besetzt", "Lieferung spät"] * 10))
    weak = strict.assign(["Hotline besetzt, Lieferung spät"])
    assert weak["topic"].isna().all() and weak["topic_weight"].iloc[0] < 1.0


def test_nan_rows_of_the_fitted_texts_get_na_topic():
    texts = pd.Series(
        ["Lieferung spät", None, "Hotline besetzt", "", "Lieferung spät angekommen",
         "Hotline nicht erreichbar"] * 4
    )  # fmt: skip
    model = TopicModel(n_topics=2, random_state=0, lang="de").fit(texts)
    assert len(model.assignments_) == len(texts)
    assert model.assignments_["topic"].isna().to_numpy()[[1, 3]].all()
    assert model.assignments_["topic"].notna().to_numpy()[[0, 2, 4, 5]].all()


def test_aspect_sentiment_is_per_sentence_not_per_review(rng):
    # every mixed review praises the delivery and damns the hotline; neutral reviews
    # about one of the two give the topics their vocabulary
    good = ["super", "toll", "großartig", "prima", "klasse", "wunderbar"]
    bad = ["schrecklich", "furchtbar", "katastrophal", "miserabel", "unverschämt", "grauenhaft"]
    on_d = ["Lieferung", "Paket", "Zustellung", "Versand"]
    on_h = ["Hotline", "Warteschleife", "Telefonberatung", "Rückruf"]
    texts = []
    for i in range(60):
        d = f"{rng.choice(on_d)} und {rng.choice(on_d)} waren {rng.choice(good)}."
        h = f"{rng.choice(on_h)} und {rng.choice(on_h)} waren {rng.choice(bad)}."
        texts.append(f"{d} {h}" if i % 2 else f"{h} {d}")
    for _ in range(30):
        texts.append(f"{rng.choice(on_d)} mit {rng.choice(on_d)} am Dienstag.")
        texts.append(f"{rng.choice(on_h)} mit {rng.choice(on_h)} am Montag.")
    model = TopicModel(n_topics=2, lang="de", random_state=0, max_df=1.0).fit(pd.Series(texts))
    topics = model.topics_.set_index("label")
    probe = model.transform(["Lieferung, Paket, Versand", "Hotline, Warteschleife, Rückruf"])
    delivery, hotline = (topics.loc[label] for label in probe.idxmax(axis=1))
    assert delivery.name != hotline.name
    # the mixed reviews as a whole are negative (about -0.3 each): a review-level mean
    # would make both topics negative
    whole = el.sentiment(pd.Series(texts[:60]), lang="de")["compound"]
    assert whole.mean() < -0.1
    assert delivery["mean_sentiment"] > 0.15  # measured 0.31 (positive and neutral sentences)
    assert hotline["mean_sentiment"] < -0.3  # measured -0.54
    assert delivery["negative_share"] < 0.2 < 0.6 < hotline["negative_share"]  # 0.0, 0.84


def test_auto_chooses_by_coherence_within_the_range_and_is_stable(customer):
    texts = customer["text"].iloc[:900]
    model = TopicModel(n_topics_range=(5, 8), random_state=1, sentiment=False).fit(texts)
    table = model.coherence_
    assert table.columns.tolist() == ["n_topics", "npmi", "umass", "chosen"]
    assert table["n_topics"].tolist() == [5, 6, 7, 8]
    assert table["chosen"].sum() == 1
    assert 5 <= model.n_topics_ <= 8
    assert model.n_topics_ == table.loc[table["npmi"].idxmax(), "n_topics"]
    assert table["npmi"].between(-1, 1).all() and (table["umass"] <= 0).all()
    assert len(model.topics_) == model.n_topics_
    again = TopicModel(n_topics_range=(5, 8), random_state=1, sentiment=False).fit(texts)
    pd.testing.assert_frame_equal(again.coherence_, table)
    umass = TopicModel(n_topics_range=(5, 8), random_state=1, coherence="umass",
                       sentiment=False).fit(texts)
    assert umass.n_topics_ == table.loc[table["umass"].idxmax(), "n_topics"]


def test_lda_is_deterministic_too(customer):
    texts = customer["text"].iloc[:400]
    a = TopicModel(n_topics=5, method="lda", random_state=3, sentiment=False).fit(texts)
    b = TopicModel(n_topics=5, method="lda", random_state=3, sentiment=False).fit(texts)
    pd.testing.assert_frame_equal(a.topics_, b.topics_)
    shares = a.transform(texts.iloc[:20])
    assert shares.sum(axis=1).to_numpy() == pytest.approx(np.ones(20))


def test_english_feedback():
    df = load_sample("feedback_en")
    model = TopicModel(n_topics=8, random_state=0, lang="en").fit(df["text"])
    terms = " ".join(model.topics_["top_terms"])
    assert "delivery" in terms.lower()
    ok = model.assignments_["topic"].notna() & df["touchpoint"].notna()
    ami = adjusted_mutual_info_score(
        df.loc[ok, "touchpoint"], model.assignments_.loc[ok, "topic"].astype(int)
    )
    assert ami > 0.06  # measured 0.12 with 8 topics (0.15 with 10)


def test_plot_repr_and_result(fitted):
    ax = fitted.plot()
    assert len(ax.patches) == fitted.n_topics_
    widths = sorted(p.get_width() for p in ax.patches)
    assert widths == sorted(fitted.topics_["size"].tolist())
    labels = {t.get_text() for t in ax.get_yticklabels()}
    assert labels == set(fitted.topics_["label"])
    assert len(ax.figure.axes) == 2  # the sentiment colour bar
    result = fitted.result_
    assert isinstance(result, TopicsResult)
    assert "10 topics" in repr(result)
    html = fitted._repr_html_()
    assert "Example texts" in html and fitted.topics_["label"].iloc[0].split(" / ")[0] in html
    assert result.to_markdown().startswith("**Topics**")
    pd.testing.assert_frame_equal(result.summary, fitted.topics_)


def test_plot_without_sentiment_is_grey():
    texts = pd.Series(["Lieferung spät", "Hotline besetzt", "Lieferung kaputt",
                       "Hotline nicht erreichbar"] * 5)  # fmt: skip
    model = TopicModel(n_topics=2, lang="de", random_state=0, sentiment=False).fit(texts)
    assert model.topics_["mean_sentiment"].isna().all()
    ax = model.plot()
    assert len(ax.patches) == 2 and len(ax.figure.axes) == 1


def test_scikit_learn_contract():
    model = TopicModel(n_topics=6, random_state=2)
    params = model.get_params()
    assert params["n_topics"] == 6 and params["method"] == "nmf" and params["lang"] == "auto"
    assert clone(model).get_params() == params
    assert "TopicModel(n_topics=6, random_state=2)" in repr(model)
    with pytest.raises(NotFittedError, match="not fitted yet; call model.fit"):
        model.transform(["Lieferung"])
    with pytest.raises(NotFittedError, match="not fitted"):
        model.assign(["Lieferung"])
    with pytest.raises(NotFittedError, match="not fitted"):
        model.plot()
    assert "TopicModel" in model._repr_html_()
    assert el.TopicModel is TopicModel


def test_fit_transform_equals_fit_then_transform():
    texts = pd.Series(["Lieferung spät", "Hotline besetzt", "Lieferung kaputt",
                       "Hotline nicht erreichbar"] * 5)  # fmt: skip
    a = TopicModel(n_topics=2, lang="de", random_state=0, sentiment=False).fit_transform(texts)
    b = TopicModel(n_topics=2, lang="de", random_state=0, sentiment=False).fit(texts)
    pd.testing.assert_frame_equal(a, b.transform(texts))


def test_too_few_texts_raise_insufficient_data():
    with pytest.raises(InsufficientDataError, match="5 topics need at least 15"):
        TopicModel(n_topics=5).fit(["Lieferung spät", "Hotline besetzt", None] * 3)
    with pytest.raises(InsufficientDataError, match="4 topics need"):
        TopicModel().fit(["Lieferung spät"] * 5)
    with pytest.raises(InsufficientDataError, match="lower `min_df`"):
        TopicModel(n_topics=2, min_df=10).fit(["Lieferung spät", "Hotline besetzt"] * 4)


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"method": "lsa"}, r"`method` must be one of \['nmf', 'lda'\], but 'lsa'"),
        ({"lang": "fr"}, r"`lang` must be one of"),
        ({"n_topics": 1}, r"`n_topics` must be 'auto' or an int >= 2, but 1"),
        ({"n_topics": "many"}, r"`n_topics` must be one of \['auto'\]"),
        ({"n_topics_range": (8, 4)}, r"`n_topics_range` must be a pair"),
        ({"coherence": "cv"}, r"`coherence` must be one of"),
        ({"min_topic_weight": 2}, r"`min_topic_weight` must lie in \[0, 1\]"),
        ({"n_top_terms": 0}, r"`n_top_terms` must be an int >= 1"),
        ({"min_df": 1.5}, r"`min_df` as a float is a share"),
        ({"bigram_threshold": 2.0}, r"`bigram_threshold` is an NPMI and must lie in \[-1, 1\]"),
    ],
)
def test_bad_parameters_raise_clear_errors(params, message):
    with pytest.raises(ValueError, match=message):
        TopicModel(**params).fit(["Lieferung spät", "Hotline besetzt"] * 20)


def test_bad_inputs_raise_clear_errors():
    with pytest.raises(TypeError, match="a single str was passed"):
        TopicModel().fit("Lieferung spät")
    with pytest.raises(ValueError, match="DataFrame with 2 columns"):
        TopicModel().fit(pd.DataFrame({"a": ["x"], "b": ["y"]}))
    with pytest.raises(TypeError, match=r"at position 1 \(index 1\): 5 \(int\)"):
        TopicModel().fit(pd.Series(["Lieferung", 5, "Hotline"]))
    with pytest.raises(TypeError, match="`X` must be a list-like of texts"):
        TopicModel().fit(42)
    with pytest.raises(TypeError, match="`stop_words` must be a list"):
        TopicModel(stop_words="bahn").fit(["Lieferung spät"] * 20)


def test_one_column_dataframe_and_fixed_language_work():
    frame = pd.DataFrame({"text": ["Lieferung spät", "Hotline besetzt", "Lieferung kaputt",
                                   "Hotline nicht erreichbar"] * 5})  # fmt: skip
    model = TopicModel(n_topics=2, lang="de", random_state=0, sentiment=False).fit(frame)
    assert model.assign(frame)["topic"].notna().all()


def test_other_languages_are_kept_with_a_warning():
    texts = pd.Series(
        ["Die Lieferung kam viel zu spät", "Die Hotline war nicht erreichbar"] * 6
        + ["La livraison est arrivée trop tard et le colis était abîmé"] * 2
    )
    with pytest.warns(el.DataQualityWarning, match="2 text"):
        model = TopicModel(n_topics=2, random_state=0).fit(texts)
    assert len(model.assignments_) == len(texts)


@functools.cache
def _small_model() -> TopicModel:
    texts = pd.Series(["Lieferung spät", "Hotline besetzt", "Lieferung kaputt",
                       "Hotline nicht erreichbar", "lange Wartezeit"] * 5)  # fmt: skip
    return TopicModel(n_topics=2, random_state=0).fit(texts)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(st.none(), st.text(max_size=60)), min_size=1, max_size=6))
def test_arbitrary_texts_never_crash_transform_or_assign(texts):
    model = _small_model()
    shares = model.transform(texts)
    assert shares.shape == (len(texts), 2)
    sums = shares.sum(axis=1, min_count=1).dropna()
    assert ((sums.round(9) == 1) | (sums == 0)).all()
    out = model.assign(texts)
    assert out["topic"].isna().sum() >= sum(t is None for t in texts)


def test_works_in_a_pipeline_and_with_pandas_output():
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    texts = pd.Series(["Lieferung spät", "Hotline besetzt", "Lieferung kaputt",
                       "Hotline nicht erreichbar"] * 5)  # fmt: skip
    y = np.array([0, 1, 0, 1] * 5)
    pipe = make_pipeline(
        TopicModel(n_topics=2, lang="de", random_state=0, sentiment=False), LogisticRegression()
    ).fit(texts, y)
    assert (pipe.predict(texts) == y).mean() == 1.0
    model = TopicModel(n_topics=2, lang="de", random_state=0, sentiment=False)
    model.set_output(transform="pandas")
    out = model.fit_transform(texts)
    assert out.columns.tolist() == model.get_feature_names_out().tolist()


@settings(max_examples=25, deadline=None)
@given(st.lists(st.one_of(st.none(), st.text(max_size=40),
                          st.sampled_from(["Lieferung spät", "Hotline besetzt", "lange Wartezeit",
                                           "Rechnung falsch", "App stürzt ab"])),
                min_size=0, max_size=40))
def test_fit_on_arbitrary_texts_fits_or_says_why(texts):
    model = TopicModel(n_topics_range=(2, 4), random_state=0)
    try:
        with warnings.catch_warnings():  # random text is often in no language we know
            warnings.simplefilter("ignore", el.DataQualityWarning)
            model.fit(texts)
    except InsufficientDataError as error:
        assert "need at least" in str(error)
        return
    assert 2 <= model.n_topics_ <= 4
    assert len(model.assignments_) == len(texts)
