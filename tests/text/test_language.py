"""detect_language: German, English, other and undetermined, per row, offline."""

from __future__ import annotations

import csv
import sys

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from empathylab.text import _whitespace, detect_language, supported_languages
from empathylab.text._whitespace import WIDE_WHITESPACE, split_batches, split_texts

# Short feedback written for these tests: the hard case is a handful of words.
GERMAN = [
    "Danke!",
    "Paket kam nicht",
    "Lieferung zu spät",
    "Sehr freundlicher Kundenservice, gerne wieder",
    "Warum dauert die Rückerstattung so lange?",
    "Leider keine Antwort auf meine Mail",
    "Die Hotline ist nie erreichbar",
    "ich warte seit 3 wochen auf mein geld",
    "Schoen, dass es endlich klappt",
    "Alles bestens 👍",
]
ENGLISH = [
    "Thanks!",
    "where is my order?",
    "Package never arrived",
    "Great support, thank you so much",
    "Why does the refund take so long?",
    "Still no reply to my email",
    "The hotline is never available",
    "i have been waiting 3 weeks for my money",
    "STOP CHARGING MY CARD",
    "Love the new app 😍",
]
OTHER = [
    "¿Dónde está mi pedido?",
    "Merci beaucoup pour votre aide",
    "Il pacco non è mai arrivato",
    "Ik wacht al drie weken op mijn geld",
    "Где мой заказ?",
    "注文した商品が届きません",
    "Obrigado pela ajuda, resolvido",
]


def languages(texts: list[str], **kwargs) -> list[str]:
    return detect_language(pd.Series(texts), **kwargs)["language"].tolist()


def test_short_german_and_english_feedback():
    assert languages(GERMAN) == ["de"] * len(GERMAN)
    assert languages(ENGLISH) == ["en"] * len(ENGLISH)


def test_other_languages_and_scripts_are_other():
    assert languages(OTHER) == ["other"] * len(OTHER)


def test_undetermined_and_missing():
    texts = pd.Series(["👍👍 https://t.co/x", "@AmazonHelp 12345", "", "   ", None, np.nan],
                      index=list("abcdef"), dtype=object)
    out = detect_language(texts)
    assert out.index.tolist() == list("abcdef")
    assert out["language"].iloc[:2].tolist() == ["und", "und"]
    assert out["confidence"].iloc[:2].tolist() == [0.0, 0.0]
    assert out["language"].iloc[2:].isna().all() and out["confidence"].iloc[2:].isna().all()


def test_urls_handles_and_hashtags_carry_no_language():
    # the English-looking handle and URL must not outvote the German words
    texts = ["@BestCustomerCareEver danke für die schnelle Hilfe https://example.com/help/now",
             "RT @DeutscheKunden: where is my parcel? #lieferung"]
    assert languages(texts) == ["de", "en"]


def test_requested_languages_and_confidence():
    texts = ["Il pacco non è mai arrivato", "Merci beaucoup pour votre aide"]
    assert languages(texts, languages=("de", "en", "it")) == ["it", "other"]
    out = detect_language(pd.Series(GERMAN + ENGLISH))
    assert out["confidence"].between(0.5, 1.0).all()
    assert languages(["Ok"], min_confidence=1.0) == ["und"]
    assert languages(["Ok"], min_confidence=0.0)[0] in {"de", "en", "other"}


def test_umlaut_free_german_and_shouting():
    assert languages(["fuer die Ruecksendung muss ich zahlen?", "DAS IST EINE FRECHHEIT"]) == [
        "de", "de"]


def test_errors():
    with pytest.raises(ValueError, match="`languages` must contain codes from"):
        detect_language(pd.Series(["x"]), languages=("de", "xx"))
    with pytest.raises(ValueError, match="did you mean 'en'"):
        detect_language(pd.Series(["x"]), languages=("eng",))
    with pytest.raises(ValueError, match="at least one language"):
        detect_language(pd.Series(["x"]), languages=())
    with pytest.raises(ValueError, match="`min_confidence` must be a number from 0 to 1"):
        detect_language(pd.Series(["x"]), min_confidence=1.5)
    assert supported_languages()[:2] == ("de", "en")


def test_batches_and_a_shared_dictionary_change_nothing(monkeypatch):
    texts = pd.Series((GERMAN + ENGLISH + OTHER) * 7)
    whole = detect_language(texts)
    monkeypatch.setattr(_whitespace, "BATCH_BYTES", 300)
    batched = detect_language(texts)
    pd.testing.assert_frame_equal(whole, batched, check_exact=False, atol=1e-6)


def test_split_batches_share_one_dictionary():
    array = pa.array(["good good", "bad", None, "good bad ugly"])
    parts = split_batches(array, [(0, 2), (2, 4)])
    assert parts[0].dictionary is parts[1].dictionary
    words = [parts[i].dictionary.take(pa.array(parts[i].codes)).to_pylist() for i in (0, 1)]
    assert words == [["good", "good", "bad"], ["good", "bad", "ugly"]]
    assert [p.counts.tolist() for p in parts] == [[2, 1], [0, 3]]
    single = split_texts(array)
    assert single.dictionary.take(pa.array(single.codes)).to_pylist() == words[0] + words[1]


def test_wide_whitespace_is_what_python_splits_on():
    python = tuple(chr(c).encode() for c in range(128, sys.maxunicode + 1) if chr(c).isspace())
    assert python == WIDE_WHITESPACE


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.none(), st.text(max_size=40)), max_size=25))
def test_arbitrary_text_never_crashes(texts):
    out = detect_language(pd.Series(texts, dtype=object))
    assert len(out) == len(texts)
    known = out["language"].dropna()
    assert known.isin(["de", "en", "other", "und"]).all()
    assert out["confidence"].dropna().between(0.0, 1.0).all()


# --- the public dev data -------------------------------------------------------------------

def _tsv(path, names):
    return pd.read_csv(path, sep="\t", header=None, names=names, quoting=csv.QUOTE_NONE,
                       dtype=str, keep_default_na=False)


@pytest.mark.shared_data
def test_german_and_english_dev_sets(shared_data):
    german = {
        "germeval": _tsv(shared_data / "germeval2017_dev" / "dev_v1.4.tsv",
                         ["url", "text", "relevance", "label", "aspects"])["text"],
        "potts": _tsv(shared_data / "german_sentiment" / "PotTS.tsv", ["label", "text"])["text"],
    }
    english = {
        "airline": pd.read_csv(shared_data / "airline_dev" / "tweets_american_usairways.csv")[
            "text"],
        "epitome": pd.read_csv(shared_data / "epitome" / "emotional-reactions-reddit.csv")[
            "response_post"],
    }
    for name, texts in german.items():
        share = detect_language(texts)["language"].eq("de").mean()
        assert share >= 0.95, (name, share)  # tweets include English ones and noise
    for name, texts in english.items():
        share = detect_language(texts.dropna())["language"].eq("en").mean()
        assert share >= 0.98, (name, share)
