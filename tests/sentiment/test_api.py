"""sentiment(): languages, levels, methods, labels, the df.cx accessor."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

import empathylab as el
from empathylab.sentiment import label_rules, sentiment

ENGLISH = pd.Series(
    [
        "Thank you so much, the agent was wonderful and very helpful!",
        "My flight was delayed and then cancelled. Still no reply.",
        "The package arrived on Tuesday.",
    ],
    index=[10, 20, 30],
)


def test_english_labels_and_columns():
    out = sentiment(ENGLISH, lang="en")
    assert list(out.columns) == ["compound", "positive", "negative", "neutral", "label",
                                 "language"]
    assert out.index.tolist() == [10, 20, 30]
    assert out["label"].tolist() == ["positive", "negative", "neutral"]
    assert (out["language"] == "en").all()
    shares = out[["positive", "negative", "neutral"]].sum(axis=1)
    np.testing.assert_allclose(shares, 1.0)


def test_vader_method_uses_vader_thresholds():
    out = sentiment(ENGLISH, lang="en", method="vader")
    rule = label_rules()[("vader", "en")]
    assert (rule.statistic, rule.lower, rule.upper) == ("compound", -0.05, 0.05)
    lower, upper = rule.lower, rule.upper
    expected = np.where(out["compound"] >= upper, "positive",
                        np.where(out["compound"] <= lower, "negative", "neutral"))
    assert out["label"].tolist() == expected.tolist()


def test_service_vocabulary_moves_scores():
    texts = pd.Series(["I was stranded after the flight got cancelled", "on hold for an hour"])
    vader = sentiment(texts, lang="en", method="vader")["compound"]
    lexicon = sentiment(texts, lang="en")["compound"]
    assert (lexicon < vader).all()


def test_other_languages_are_left_unscored_with_a_warning():
    texts = pd.Series(["Todo muy bien, gracias por la ayuda", "Great service, thanks!"])
    with pytest.warns(el.DataQualityWarning, match="1 text"):
        out = sentiment(texts)
    assert out["language"].tolist() == ["other", "en"]
    assert pd.isna(out.loc[0, "compound"]) and pd.isna(out.loc[0, "label"])
    assert out.loc[1, "label"] == "positive"


def test_missing_and_empty_texts():
    out = sentiment(pd.Series(["Great!", None, ""]), lang="en")
    assert out["label"].isna().tolist() == [False, True, True]


def test_sentence_level_keeps_mixed_judgements_apart():
    texts = pd.Series(["Great app, but the support was terrible!", "Thanks."], index=["a", "b"])
    units = sentiment(texts, lang="en", level="sentence")
    assert units[["row", "unit"]].values.tolist() == [["a", 0], ["a", 1], ["b", 0]]
    assert units["label"].tolist()[:2] == ["positive", "negative"]
    whole = sentiment(texts, lang="en")
    assert whole.loc["a", "label"] == "negative"  # VADER's "but" weighting


def test_lang_series_and_errors():
    langs = pd.Series(["en", "other", "en"], index=ENGLISH.index)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", el.DataQualityWarning)
        out = sentiment(ENGLISH, lang=langs)
    assert out["label"].isna().tolist() == [False, True, False]
    with pytest.raises(ValueError, match="`method` must be one of"):
        sentiment(ENGLISH, method="vadr")
    with pytest.raises(ValueError, match="`level` must be one of"):
        sentiment(ENGLISH, level="word")
    with pytest.raises(ValueError, match="`lang` has 2 values"):
        sentiment(ENGLISH, lang=["en", "de"])
    with pytest.raises(ValueError, match="`lang` must be one of"):
        sentiment(ENGLISH, lang="english")
    with pytest.raises(ValueError, match="needs a fitted SentimentModel"):
        sentiment(ENGLISH, method="model")


def test_accessor_adds_the_columns():
    df = pd.DataFrame({"text": ENGLISH.to_numpy(), "nps": [10, 2, 7]})
    out = df.cx.sentiment(lang="en")
    expected = sentiment(df["text"], lang="en")
    pd.testing.assert_frame_equal(out[expected.columns], expected)
    assert out["nps"].tolist() == [10, 2, 7]
    with pytest.raises(el.MissingColumnError, match="column 'Kommentar'"):
        df.cx.sentiment(column="Kommentar")


MIXED = pd.Series(
    [
        "Lieferung schnell, aber der Support war eine Katastrophe",
        "Thank you so much, the agent was wonderful!",
        "Die Hotline ist nie erreichbar.",
        "Still no reply to my email after two weeks.",
        "Merci beaucoup pour votre aide",
        "",
        None,
        "😍😍",
    ]
    * 5
)


@pytest.mark.parametrize("method", ["lexicon", "vader"])
def test_batches_and_threads_change_nothing(monkeypatch, method):
    from empathylab.text import _whitespace

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", el.DataQualityWarning)
        whole = sentiment(MIXED, method=method)
        monkeypatch.setattr(_whitespace, "BATCH_BYTES", 120)
        for threads in ("1", "4"):
            monkeypatch.setenv("EMPATHYLAB_THREADS", threads)
            pd.testing.assert_frame_equal(sentiment(MIXED, method=method), whole)


def test_each_row_is_scored_with_its_own_language():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", el.DataQualityWarning)
        out = sentiment(MIXED.iloc[:8])
    assert out["language"].tolist()[:5] == ["de", "en", "de", "en", "other"]
    assert out["language"].iloc[5:7].isna().all() and out["label"].iloc[5:7].isna().all()
    assert out.loc[7, "language"] == "und" and out.loc[7, "label"] == "positive"  # emoji
    alone_de = sentiment(MIXED.iloc[[0, 2]], lang="de")
    pd.testing.assert_frame_equal(out.iloc[[0, 2]], alone_de)
    alone_en = sentiment(MIXED.iloc[[1, 3]], lang="en")
    pd.testing.assert_frame_equal(out.iloc[[1, 3]], alone_en)


def test_sentence_level_with_a_repeated_index_and_given_languages():
    texts = pd.Series(["Great app. But the support was terrible!", "Gut. Aber teuer."],
                      index=["x", "x"])
    units = sentiment(texts, level="sentence", lang=["en", "de"])
    assert units["row"].tolist() == ["x", "x", "x", "x"]
    assert units["language"].tolist() == ["en", "en", "de", "de"]
    assert units["label"].tolist() == ["positive", "negative", "positive", "negative"]


def test_progress_bar_only_when_asked(capsys):
    sentiment(ENGLISH, lang="en", progress=False)
    assert capsys.readouterr().err == ""
    sentiment(ENGLISH, lang="en", progress=True)
    assert "sentiment" in capsys.readouterr().err


def test_label_rule_can_be_chosen():
    from empathylab.sentiment import LabelRule

    texts = pd.Series(["Das Hotel war schön, das Frühstück gut.", "Nice hotel, good breakfast."])
    scores = sentiment(texts, lang=["de", "en"])
    vader = sentiment(texts, lang=["de", "en"], label_rule="vader")
    pd.testing.assert_frame_equal(scores.drop(columns="label"), vader.drop(columns="label"))
    expected = np.where(vader["compound"] >= 0.05, "positive",
                        np.where(vader["compound"] <= -0.05, "negative", "neutral"))
    assert vader["label"].tolist() == expected.tolist()
    strict = LabelRule("compound", -0.9, 0.99)
    assert sentiment(texts, lang=["de", "en"], label_rule=strict)["label"].tolist() == [
        "neutral", "neutral"]
    mixed = sentiment(texts, lang=["de", "en"], label_rule={"de": strict})
    assert mixed["label"].tolist() == ["neutral", scores.loc[1, "label"]]
    with pytest.raises(ValueError, match="`label_rule` must be one of"):
        sentiment(texts, label_rule="vadr")
    with pytest.raises(ValueError, match="must map 'de' and/or 'en'"):
        sentiment(texts, label_rule={"fr": strict})
    with pytest.raises(TypeError, match="`label_rule` must be None"):
        sentiment(texts, label_rule=0.05)
    with pytest.raises(ValueError, match="`lower` must be below `upper`"):
        LabelRule("share", 0.3, 0.1)


def test_missing_given_languages_are_detected():
    texts = pd.Series(["Die Lieferung war super", "The delivery was great", "Prima", "Bien"])
    with pytest.warns(el.DataQualityWarning, match="1 text"):
        out = sentiment(texts, lang=pd.Series([None, "English", "de-AT", "fr"]))
    assert out["language"].tolist() == ["de", "en", "de", "other"]
    pd.testing.assert_frame_equal(out.iloc[[0]], sentiment(texts.iloc[[0]], lang="de"))
