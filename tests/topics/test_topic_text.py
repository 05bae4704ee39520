"""Tokens, stop words, stems, bigram collocations and coherence of the topic model."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import sparse

from empathylab.topics import TopicModel, feedback_filler, stop_words
from empathylab.topics._coherence import topic_coherence
from empathylab.topics._features import build_vocabulary, collocations, doc_term_matrix
from empathylab.topics._text import tokenize


def test_stop_lists_hold_function_words_not_content_words():
    de, en = stop_words("de"), stop_words("en")
    assert {"und", "der", "nicht", "für", "fuer", "über", "dass"} <= de
    assert not {"lieferung", "hotline", "wartezeit", "lange", "rechnung"} & de
    assert {"the", "and", "don't", "i'm"} <= en
    # content words of scikit-learn's list that feedback is about are kept
    assert not {"bill", "call", "system", "top", "delivery"} & en
    assert {"hallo", "danke", "bitte"} <= feedback_filler("de")
    assert {"thanks", "please", "hello"} <= feedback_filler("en")
    with pytest.raises(ValueError, match="must be one of"):
        stop_words("fr")


def test_german_stems_fold_inflections_and_keep_surface_forms():
    tokens = tokenize(
        ["Lange Wartezeiten an der Hotline.", "Die lange Wartezeit nervt!"], ["de", "de"]
    )
    assert tokens.docs[0] == ["lang", "wartezeit", "hotlin"]
    assert tokens.docs[1] == ["lang", "wartezeit", "nervt"]
    assert tokens.surface["wartezeit"] == {"Wartezeiten": 1, "Wartezeit": 1}
    # the stop words "an der" break the pair, so no "Wartezeit Hotline"
    assert tokens.pairs[0] == [("lang", "wartezeit")]


def test_punctuation_urls_handles_and_numbers_are_no_words():
    tokens = tokenize(
        ["RT @DB_Bahn: Zug 4711 fällt aus, Ersatzbus https://t.co/abc fährt &amp; ok"], ["de"]
    )
    assert tokens.docs[0] == ["zug", "fallt", "ersatzbus", "fahrt", "ok"]
    # the comma ends the chunk: "aus, Ersatzbus" is no pair
    assert ("fallt", "ersatzbus") not in tokens.pairs[0]


def test_languages_pick_stop_list_and_stemmer_other_uses_both_unstemmed():
    tokens = tokenize(
        ["The deliveries were late", "Die Lieferungen waren spät", "deliveries und the"],
        ["en", "de", "other"],
    )
    assert tokens.docs[0] == ["deliveri", "late"]
    assert tokens.docs[1] == ["liefer", "spat"]
    assert tokens.docs[2] == ["deliveries"]


def test_missing_and_blank_texts_give_empty_rows():
    tokens = tokenize([None, np.nan, "", "   ", "Hallo, danke!"], ["de"] * 5)
    assert tokens.docs == [[], [], [], [], []]
    kept = tokenize(["Hallo, danke!"], ["de"], filler=False)
    assert kept.docs == [["hallo", "dank"]]


def test_extra_stop_words_are_case_insensitive():
    tokens = tokenize(["ShopCare Lieferung"], ["de"], extra_stop_words=["shopcare"])
    assert tokens.docs == [["liefer"]]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.none(), st.text(max_size=80)), max_size=8))
def test_tokenize_never_crashes_and_pairs_are_adjacent_words(texts):
    tokens = tokenize(texts, ["de"] * len(texts))
    assert len(tokens.docs) == len(texts) == len(tokens.pairs)
    for doc, pairs in zip(tokens.docs, tokens.pairs, strict=True):
        assert len(pairs) <= max(len(doc) - 1, 0)
        assert all(a in doc and b in doc for a, b in pairs)


def _wait_corpus() -> list[str]:
    base = [
        "Die lange Wartezeit an der Hotline ist ärgerlich.",
        "Schon wieder eine lange Wartezeit, unmöglich.",
        "Lange Wartezeiten am Telefon, niemand geht ran.",
        "Paket kam beschädigt an, Karton kaputt.",
        "Das Paket war beschädigt und nass.",
        "Rechnung doppelt abgebucht, bitte erstatten.",
        "Die Rechnung stimmt nicht, doppelt abgebucht.",
        "Lange Schlange an der Kasse, lange gewartet.",
    ]
    return base * 3


def test_lange_wartezeit_becomes_a_bigram_feature_with_its_written_form():
    tokens = tokenize(_wait_corpus(), ["de"] * 24)
    assert ("lang", "wartezeit") in collocations(tokens, min_count=3, threshold=0.3)
    vocabulary = build_vocabulary(
        tokens, min_df=2, max_df=1.0, bigrams=True, min_bigram_count=3, bigram_threshold=0.3
    )
    i = vocabulary.features.index("lang wartezeit")
    assert vocabulary.readable[i] == "lange Wartezeit"
    counts = doc_term_matrix(tokens, vocabulary)
    assert counts[0, i] == 1 and counts[3, i] == 0
    # the model shows it in its labels and terms
    model = TopicModel(n_topics=3, lang="de", random_state=0, sentiment=False).fit(
        _wait_corpus()
    )
    assert "lang wartezeit" in model.feature_names_
    assert any("lange Wartezeit" in terms for terms in model.topics_["top_terms"])
    assert any("lange Wartezeit" in label for label in model.topics_["label"])


def test_without_bigrams_only_words():
    model = TopicModel(n_topics=3, lang="de", bigrams=False, random_state=0, sentiment=False)
    model.fit(_wait_corpus())
    assert not any(" " in f for f in model.feature_names_)


def test_coherence_matches_a_hand_computation():
    # 4 documents; terms a, b, c
    x = sparse.csc_matrix(np.array([[1, 1, 0], [1, 0, 1], [1, 1, 1], [0, 0, 1]], dtype=float))
    stems = [("a",), ("b",), ("c",)]
    terms = [np.array([0, 1, 2])]
    # NPMI by hand: p(a)=3/4, p(b)=2/4, p(c)=3/4, p(ab)=2/4, p(ac)=2/4, p(bc)=1/4
    def npmi(pab, pa, pb):
        return math.log(pab / (pa * pb)) / -math.log(pab)

    expected = np.mean([npmi(0.5, 0.75, 0.5), npmi(0.5, 0.75, 0.75), npmi(0.25, 0.5, 0.75)])
    assert topic_coherence(x, terms, stems, "npmi")[0] == pytest.approx(expected)
    # UMass by hand on 5 documents, D(a)=4, D(b)=2, D(c)=2, D(ab)=D(ac)=D(bc)=1,
    # order a, b, c: log((D(b,a)+1)/D(a)), log((D(c,a)+1)/D(a)), log((D(c,b)+1)/D(b))
    x = sparse.csc_matrix(
        np.array([[1, 1, 0], [1, 0, 0], [1, 0, 1], [0, 1, 1], [1, 0, 0]], dtype=float)
    )
    umass = np.mean([math.log(2 / 4), math.log(2 / 4), math.log(2 / 2)])
    assert topic_coherence(x, terms, stems, "umass")[0] == pytest.approx(umass)


def test_coherence_skips_a_bigram_paired_with_its_own_word():
    x = sparse.csc_matrix(np.array([[1, 1, 0], [1, 1, 0], [0, 0, 1], [1, 0, 1]], dtype=float))
    stems = [("lang",), ("lang", "wartezeit"), ("kass",)]
    # only pairs (lang, kass) and (lang wartezeit, kass) count
    p = 0.25
    expected = np.mean([math.log(p / (0.75 * 0.5)) / -math.log(p), -1.0])
    got = topic_coherence(x, [np.array([0, 1, 2])], stems, "npmi")[0]
    assert got == pytest.approx(expected)
    with pytest.raises(ValueError, match="`coherence` must be one of"):
        topic_coherence(x, [np.array([0, 1])], stems, "cv")


def test_doc_term_rows_follow_the_texts():
    texts = pd.Series(["Lieferung spät", None, "Lieferung pünktlich", "Lieferung spät"])
    tokens = tokenize(texts.tolist(), ["de"] * 4)
    vocabulary = build_vocabulary(
        tokens, min_df=1, max_df=1.0, bigrams=False, min_bigram_count=3, bigram_threshold=0.3
    )
    counts = doc_term_matrix(tokens, vocabulary)
    assert counts.shape == (4, 3)
    assert counts[1].nnz == 0
    assert counts.sum() == 6
