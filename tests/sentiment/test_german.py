"""The German lexicon, rules and preprocessing (empathylab.sentiment._german).

Hand-written sentences check the rules one at a time; the resource tests check the
data files for the consistency rules stated in docs/lexicon_de.md; the shared-data
tests check zero-shot accuracy on the public German sets (skipped when absent), with
floors slightly below what benchmarks/sentiment_de.py measures.
"""

from __future__ import annotations

import csv
import math
import re

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.metrics import f1_score

from empathylab.sentiment import LexiconSpec, score_texts
from empathylab.sentiment import _german as de
from empathylab.sentiment import _german_text as gt


def compound(*texts: str) -> list[float]:
    return score_texts(pd.Series(list(texts)), de.german_spec())["compound"].tolist()


def one(text: str) -> float:
    return compound(text)[0]


# --------------------------------------------------------------------------- the spec
def test_spec_is_a_cached_lexicon_spec():
    spec = de.german_spec()
    assert isinstance(spec, LexiconSpec)
    assert spec is de.german_spec()
    assert spec.name == "de"
    assert len(spec.lexicon) > 30_000  # generated forms of about 1,600 lemmas
    assert {"nicht", "kein", "keine", "nie", "ohne", "weder"} <= spec.negations
    assert spec.contrasts["aber"] == (0.5, 1.5)


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("Super Service, sehr freundlich und kompetent.", 1),
        ("Die Lieferung kam pünktlich, alles bestens.", 1),
        ("Vielen Dank für die schnelle Hilfe!", 1),
        ("Der Zug hatte 40 Minuten Verspätung.", -1),
        ("Das Paket kam beschädigt an, eine Frechheit.", -1),
        ("Unfreundliches Personal und eine Wartezeit ohne Ende.", -1),
        ("Totale Abzocke!", -1),
        ("Ich bin enttäuscht.", -1),
        ("Der Zug ist am Montag um 8 Uhr in Köln.", 0),
    ],
)
def test_plain_sentences(text, sign):
    assert np.sign(round(one(text), 6)) == sign


# --------------------------------------------------------------------------- negation
def test_negation_before_the_word():
    good, not_good = compound("Das Essen war gut.", "Das Essen war nicht gut.")
    assert good > 0 > not_good
    # VADER's rule: a negated positive is a mild negative, not the opposite extreme
    assert -0.6 < not_good < -0.1


def test_negation_ending_the_clause_verb_second_order():
    assert one("Gut war es nicht.") < 0
    assert one("Das gefällt mir nicht.") < 0
    assert one("Das Gerät funktioniert nicht mehr.") < 0
    # a negation before "dass"/"ob" belongs to the main clause and is not moved there
    moved = de.preprocess_german(pd.Series(["Es stimmt nicht, dass es schlecht ist.",
                                            "Ich weiß nicht, ob es gut ist."]))
    assert moved.tolist() == ["Es stimmt nicht , dass es schlecht ist.",
                              "Ich weiß nicht , ob es gut ist."]


def test_negated_opinion_verb_negates_its_dass_clause():
    # "neg-raising": "Ich finde nicht, dass X" means "Ich finde, dass nicht X"
    moved = de.preprocess_german(pd.Series(["Ich finde nicht, dass der Service gut war.",
                                            "Wir glauben nicht dass es klappt"]))
    assert moved.tolist() == ["Ich finde, dass nicht der Service gut war.",
                              "Wir glauben dass nicht es klappt"]
    assert one("Ich finde nicht, dass der Service gut war.") < 0
    assert one("Ich glaube nicht, dass es ein schlechtes Produkt ist.") > 0


@pytest.mark.parametrize(
    "text", ["Kein guter Service.", "Keine freundliche Antwort.", "Niemals zufrieden."]
)
def test_kein_and_nie_negate(text):
    assert one(text) < 0


def test_negated_negative_is_positive():
    assert one("Ohne Probleme geliefert.") > 0
    assert one("Das Personal war nicht unfreundlich.") > 0


def test_negation_special_cases():
    assert one("Nicht schlecht!") > 0
    assert one("Das war gar nicht übel.") > 0
    assert one("Nicht zu empfehlen.") < 0
    # "nicht nur ..., sondern auch" does not negate
    assert one("Nicht nur freundlich, sondern auch kompetent.") > 0.5


# --------------------------------------------------------------------------- intensity
def test_intensifiers_and_downtoners():
    plain, very, slightly = compound(
        "Der Service war freundlich.",
        "Der Service war sehr freundlich.",
        "Der Service war etwas freundlich.",
    )
    assert slightly < plain < very
    bad, really_bad = compound("Das war schlecht.", "Das war echt extrem schlecht.")
    assert really_bad < bad < 0


def test_caps_and_exclamation_emphasise():
    calm, caps, bang = compound(
        "Der Support ist schlecht", "Der Support ist SCHLECHT", "Der Support ist schlecht!!!"
    )
    assert caps < calm < 0
    assert bang < calm


# --------------------------------------------------------------------------- contrast
def test_contrast_after_aber_dominates():
    assert one("Lieferung schnell, aber der Support war eine Katastrophe") < -0.3
    assert one("Die Wartezeit war lang, aber das Personal war sehr freundlich.") > 0


# --------------------------------------------------------------------------- compounds
@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("Eine echte Kundendienstwüste.", -1),
        ("Die Kundenservice-Katastrophe geht weiter.", -1),
        ("Was für ein Mistladen.", -1),
        ("Eine Horrorfahrt.", -1),
        ("Verkehrschaos am Morgen.", -1),
        ("Top-Service!", 1),
        ("Ein Traumurlaub.", 1),
    ],
)
def test_compounds(text, sign):
    assert np.sign(one(text)) == sign


@pytest.mark.parametrize("word", ["Zeitspanne", "Supermarkt", "Optimist", "Trauma", "Megabyte"])
def test_compound_exclusions_keep_neutral_words_whole(word):
    assert one(f"Das ist ein {word}.") == 0


def test_compound_mark_keeps_standalone_morphemes_neutral():
    # "Wüste" is neutral as a word, negative only as the head of a compound
    assert one("Wir fuhren durch die Wüste.") == 0
    assert one("Eine Servicewüste.") < 0


def test_compound_heads_do_not_split_verb_forms_or_job_titles():
    # "-falle" is a trap ("Kostenfalle"), not the end of "aufgefallen" or "einfallen"
    for word in ["aufgefallen", "zurückgefallen", "einfallen", "toppen", "Spitzenmanager",
                 "Spitzenzeiten"]:
        assert gt._split_word(word) == word, word
    assert gt._split_word("Kostenfalle") == f"Kosten {de.COMPOUND_MARK}falle"
    assert gt._split_word("Spitzenservice") == f"{de.COMPOUND_MARK}Spitzen service"
    assert one("Mir ist nichts aufgefallen.") == 0


# --------------------------------------------------------------------------- not judgements
def test_links_and_mentions_are_not_scored():
    out = de.preprocess_german(pd.Series([
        "@SuperMario siehe https://example.com/super-angebote und www.top-preise.de",
        "Mail an service@firma.de, danke",
    ]))
    assert out[0].split() == ["siehe", "und"]
    assert "service@firma.de" in out[1]  # an e-mail address is no mention
    assert one("@SuperMario hallo") == 0
    assert one("Siehe https://example.com/super-angebote") == 0


def test_salutation_is_no_judgement():
    out = de.preprocess_german(pd.Series(["Liebes Team, anbei die Unterlagen.",
                                          "Hallo liebe Frau Roth,", "Ich liebe Kuchen."]))
    assert out.tolist() == ["Team, anbei die Unterlagen.", "Hallo Frau Roth,",
                            "Ich liebe Kuchen."]
    assert one("Liebes Team, anbei die Unterlagen.") == 0
    assert one("Liebe Frau Roth, lieber Herr Roth, hier der Bericht.") == 0
    assert one("Ich liebe diesen Laden.") > 0.3


def test_closing_wishes_are_friendly_but_mild():
    wish, praise = compound("Schönen Tag noch!", "Der Tag war schön!")
    assert 0 < wish < 0.3 < praise


def test_subjunctive_request_is_not_praise():
    request, statement = compound(
        "Es wäre schön, wenn die Hotline erreichbar wäre.", "Die Hotline ist erreichbar."
    )
    assert request < statement
    assert one("Es wäre schön gewesen, vorher informiert zu werden.") < 0


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("Seit Wochen keine Antwort.", -1),
        ("Ware nicht geliefert.", -1),
        ("Ich warte immer noch auf die Erstattung.", -1),
        ("Das bringt nichts.", -1),
        ("Das bringt gar nichts.", -1),
        ("Hat nichts zu bieten.", -1),
        ("Das sollte man sich nicht entgehen lassen.", 1),
        ("Gerne wieder!", 1),
        ("Preis-Leistung stimmt.", 1),
    ],
)
def test_waiting_worth_and_recommendation_idioms(text, sign):
    assert np.sign(one(text)) == sign


# --------------------------------------------------------------------------- label rule
def label(*texts: str) -> list[str]:
    s = score_texts(pd.Series(list(texts)), de.german_spec())
    return de.DE_LABEL_RULE.apply(s["compound"], s["positive"], s["negative"]).tolist()


def test_label_rule_thresholds_the_length_normalised_share():
    rule = de.DE_LABEL_RULE
    assert rule.statistic == "share" and rule.lower < 0 < rule.upper


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Super Service, sehr freundlich und kompetent.", "positive"),
        ("Die Lieferung kam pünktlich, alles bestens.", "positive"),
        ("Vielen Dank für die schnelle Hilfe!", "positive"),
        ("Hat alles geklappt, danke.", "positive"),
        ("Die Mitarbeiterin am Telefon war sehr nett und hat mir sofort geholfen.", "positive"),
        ("Das Zimmer war sauber und das Frühstück lecker.", "positive"),
        ("Der Film war nicht schlecht.", "positive"),
        ("Der Zug hatte 40 Minuten Verspätung.", "negative"),
        ("Paket kam beschädigt an.", "negative"),
        ("Seit zwei Wochen keine Antwort vom Kundenservice.", "negative"),
        ("Unfreundliches Personal, nie wieder!", "negative"),
        ("Ware nicht geliefert, Geld weg.", "negative"),
        ("Ich finde nicht, dass der Service gut war.", "negative"),
        ("Lieferung schnell, aber der Support war eine Katastrophe.", "negative"),
        ("Bestellnummer 12345, Lieferung am Dienstag.", "neutral"),
        ("Ich habe eine Frage zu meiner Rechnung.", "neutral"),
        ("Liebes Team, anbei die Unterlagen. Schönen Tag noch!", "neutral"),
        ("Es wäre schön, wenn die Hotline erreichbar wäre.", "neutral"),
    ],
)
def test_label_rule_on_short_comments(text, expected):
    assert label(text) == [expected]


def test_label_rule_a_report_with_one_kind_word_is_neutral():
    # the share of sentiment-bearing words, not their number, decides: a long text that
    # mostly reports facts stays neutral although its compound is positive
    report = ("Der Termin war am Montag um acht Uhr in der Filiale am Markt. Wir haben die "
              "Unterlagen abgegeben und den Vertrag unterschrieben. Der Mitarbeiter war nett. "
              "Am Dienstag kam die Bestätigung per Post, am Mittwoch die Rechnung.")
    assert one(report) > 0.3
    assert label(report, "Der Mitarbeiter war nett.") == ["neutral", "positive"]


# --------------------------------------------------------------------------- spellings
@pytest.mark.parametrize(
    ("umlaut", "plain"),
    [
        ("Ich bin enttäuscht.", "Ich bin enttaeuscht."),
        ("Ich bin enttäuscht.", "Ich bin enttauscht."),
        ("Sehr pünktlich.", "Sehr puenktlich."),
        ("Macht Spaß!", "Macht Spass!"),
        ("Einfach scheiße.", "Einfach scheisse."),
    ],
)
def test_umlaut_free_spellings(umlaut, plain):
    a, b = compound(umlaut, plain)
    assert a == pytest.approx(b) and a != 0


def test_inflections_are_generated():
    lex = de.load_lexicon()
    for form in ["unfreundlichsten", "verspätete", "abgezockt", "enttäuschender", "kaputten"]:
        assert lex[form] < 0, form
    for form in ["freundlicheren", "hilfsbereite", "zufriedenste", "empfiehlt"]:
        assert lex[form] > 0, form
    assert de.load_phrases()["fällt aus"] < 0
    assert one("Der Zug fällt aus.") < 0


def test_elongation_is_read_once():
    assert one("suuuuper") == pytest.approx(one("super"))


# --------------------------------------------------------------------------- idioms, signs
@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("Unter aller Sau.", -1),
        ("Na toll, schon wieder Verspätung.", -1),
        ("Danke für nichts.", -1),
        ("Ich habe die Nase voll.", -1),
        ("Daumen hoch!", 1),
        ("Hut ab!", 1),
        ("Besser geht's nicht!", 1),
        ("Endlich angekommen :)", 1),
        ("Wieder zu spät :(", -1),
        ("Danke 👍", 1),
        ("Der Zug steht 😡", -1),
    ],
)
def test_idioms_and_signs(text, sign):
    assert np.sign(one(text)) == sign


def test_greetings_carry_no_judgement():
    assert one("Liebe Grüße, Anna") == pytest.approx(one("Grüße, Anna"), abs=0.2)


def test_scores_follow_the_index_and_keep_missing_texts():
    texts = pd.Series(["gut", None, "schlecht"], index=[10, 20, 30])
    out = score_texts(texts, de.german_spec())
    assert out.index.tolist() == [10, 20, 30]
    assert out.loc[10, "compound"] > 0 > out.loc[30, "compound"]


# --------------------------------------------------------------------------- resources
def test_lexicon_rows_are_unique_and_in_range():
    rows = de._read_tsv("de_lexicon.tsv")
    lemmas = [row[0] for row in rows]
    assert len(lemmas) == len(set(lemmas))
    assert all(" " not in lemma for lemma in lemmas)
    assert all(-4 <= float(row[2]) <= 4 for row in rows)
    assert len(rows) > 1500


def test_lexicon_keys_are_lowercase_single_tokens():
    spec = de.german_spec()
    assert all(k == k.lower() and not any(c.isspace() for c in k) for k in spec.lexicon)
    assert all(-4 <= v <= 4 and v != 0 for v in spec.lexicon.values())
    assert all(2 <= len(p.split(" ")) <= 5 for p in spec.phrases)


def test_no_form_gets_opposite_signs_from_two_lemmas():
    by_form: dict[tuple[str, int], set[int]] = {}
    for entry in de._lexicon_entries():
        key = (entry.form, entry.priority)
        by_form.setdefault(key, set()).add(int(np.sign(entry.valence)))
    clashes = {k: v for k, v in by_form.items() if {-1, 1} <= v}
    assert not clashes


def test_un_derivation():
    lex = de.load_lexicon()
    assert lex["unschön"] == pytest.approx(-de.UN_FACTOR * lex["schön"])
    # written entries win over derivations
    assert lex["unfreundlich"] == -2.1


def test_spelling_variants():
    assert de.spelling_variants("Spaß".lower()) == ["spass"]
    assert de.spelling_variants("schön") == ["schoen"]  # "schon" would be another word
    assert "enttauscht" in de.spelling_variants("enttäuscht")


def test_expand_entry_rejects_an_unknown_word_class():
    with pytest.raises(ValueError, match="word class must be one of"):
        de.expand_entry("gut", "adj")


def test_loaders():
    assert de.load_boosters()["sehr"] > 0 > de.load_boosters()["etwas"]
    assert "kaum" in de.load_negations()
    heads, modifiers, exclusions = de.load_compounds()
    assert heads["verspätungen"] < 0 and modifiers["spitzen"] > 0
    assert "a" in exclusions["traum"]
    emoticons, emoji = de.load_emoticons()
    assert emoticons[":d"] > 0 and emoticons[emoji["👎"]] < 0


# --------------------------------------------------------------------------- robustness
@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.none(), st.text(max_size=80)), max_size=8))
def test_preprocess_and_score_never_crash(texts):
    series = pd.Series(texts, dtype="object")
    out = de.preprocess_german(series)
    assert len(out) == len(series) and out.index.equals(series.index)
    scores = score_texts(series, de.german_spec()).to_numpy(dtype=float)
    present = series.notna().to_numpy()
    assert np.isfinite(scores[present]).all()
    assert np.isnan(scores[~present]).all()  # a missing text stays missing


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzäöüß -.,!", max_size=60))
def test_preprocess_keeps_words_and_letters(text):
    out = de.preprocess_german(pd.Series([text]))[0]
    collapse = gt._ELONGATION.sub(r"\1", re.sub(gt._NOT_PROSE, r"\1 ", text))
    assert sorted(out.replace(" ", "").replace("-", "").replace(de.COMPOUND_MARK, "")) == sorted(
        collapse.replace(" ", "").replace("-", "")
    )


def test_input_is_not_mutated():
    texts = pd.Series(["Gut war es nicht.", "Servicewüste"])
    before = texts.copy()
    de.preprocess_german(texts)
    pd.testing.assert_series_equal(texts, before)


# --------------------------------------------------------------------------- shared data
def _tsv(path, names):
    return pd.read_csv(path, sep="\t", header=None, names=names, quoting=csv.QUOTE_NONE,
                       dtype=str, keep_default_na=False)


def _labels(score, t_pos, t_neg):
    return np.where(score >= t_pos, "positive", np.where(score <= t_neg, "negative", "neutral"))


def _shipped(scores):
    return de.DE_LABEL_RULE.apply(
        scores["compound"], scores["positive"], scores["negative"]
    ).to_numpy()


@pytest.mark.shared_data
def test_germeval_2017_dev_micro_f1(shared_data):
    df = _tsv(shared_data / "germeval2017_dev" / "dev_v1.4.tsv",
              ["url", "text", "relevance", "label", "aspects"])
    assert len(df) == 2584
    s = score_texts(df["text"], de.german_spec())
    y = df["label"].to_numpy()
    # the project's target; measured 0.702 (always-neutral: 0.701 on this dev set)
    assert np.mean(_shipped(s) == y) >= 0.70
    # measured 0.460 at VADER's +-0.05: GermEval's long, mostly neutral texts
    assert np.mean(_labels(s["compound"].to_numpy(), 0.05, -0.05) == y) > 0.45


def _tweets(shared_data, name, names):
    df = _tsv(shared_data / "german_sentiment" / name, names)
    df = df[df["label"] != "mixed"]
    return df, score_texts(df["text"], de.german_spec())


@pytest.mark.shared_data
@pytest.mark.parametrize(
    ("name", "names", "vader_floor", "shipped_floor"),
    [
        # measured 0.662 at +-0.05 and 0.458 with the shipped rule
        ("PotTS.tsv", ["label", "text"], 0.65, 0.45),
        # measured 0.536 at +-0.05 and 0.558 with the shipped rule
        ("sb10k_corpus_v1.0.cgsa.tsv", ["id", "label", "text"], 0.525, 0.55),
    ],
)
def test_tweet_sets_macro_f1(shared_data, name, names, vader_floor, shipped_floor):
    df, s = _tweets(shared_data, name, names)
    vader = f1_score(df["label"], _labels(s["compound"].to_numpy(), 0.05, -0.05),
                     average="macro")
    shipped = f1_score(df["label"], _shipped(s), average="macro")
    assert vader > vader_floor and not math.isnan(vader)
    assert shipped > shipped_floor


@pytest.mark.shared_data
def test_negation_set_accuracy(shared_data):
    df = _tsv(shared_data / "german_sentiment" / "negation_dataset.tsv", ["text", "label"])
    y = df["label"].str.strip().replace({"positiv": "positive"}).to_numpy()
    s = score_texts(df["text"], de.german_spec())
    # measured 0.720 at +-0.05 and 0.677 with the shipped rule
    assert np.mean(_labels(s["compound"].to_numpy(), 0.05, -0.05) == y) > 0.70
    assert np.mean(_shipped(s) == y) > 0.66


# --------------------------------------------------------------------------- token-level rules
TOKENS = [
    "Kundendienstwüste!", "(Horrorfahrt)", "Top-Service", "suuuper", "niiicht.", "@anna!",
    "https://example.com/x", "www.top-preise.de,", "Hut", "ab!", "ok.", "Ja.Gut",
    "nicht...hab", "Chaos/Katastrophe", "👍🏻", "❤️", "a-b-c", "Servicewüste", "gut",
    "Lieferzeit-Katastrophe!!", "x", "", "ÄRGER!!!", "Stromausfall,", "100m²",
]


@pytest.mark.parametrize("token", TOKENS)
def test_token_rules_are_the_text_rules_per_token(token):
    many = [token, "gut"] * gt._SMALL  # enough for the Arrow path
    pieces, counts = gt.rewrite_tokens(pa.array(many))
    assert counts[1] == 1 and pieces.to_pylist()[counts[0]] == "gut"
    assert pieces.to_pylist()[: counts[0]] == gt._rewrite_one(token).split()


@settings(max_examples=80, deadline=None)
@given(st.lists(st.text(alphabet="abcdeüßKSW-.,!?@:/·…()ht", min_size=1, max_size=14),
                min_size=1, max_size=12))
def test_token_rules_never_disagree_with_the_reference(tokens):
    many = tokens * (gt._SMALL // len(tokens) + 1)  # enough for the Arrow path
    pieces, counts = gt.rewrite_tokens(pa.array(many))
    expected = [gt._rewrite_one(t).split() for t in many]
    assert counts.tolist() == [len(e) for e in expected]
    assert pieces.to_pylist() == [p for e in expected for p in e]


@pytest.mark.parametrize(("text", "read"), [
    ("Gut war es nicht.", "nicht Gut war es ."),
    ("Leider funktioniert es nicht mehr, schade", "Leider nicht funktioniert es mehr, schade"),
    ("Das Essen war gut, der Service nicht", "Das Essen war gut, nicht der Service"),
    ("Nee, klappt nicht:/", "Nee, nicht klappt :/"),
    ("Geht gar nicht...hab Hunger", "nicht Geht gar ... hab Hunger"),
    ("Besser geht es nicht!", "Besser geht es nicht !"),
    ("Das bringt nichts.", "Das bringt nichts ."),
    ("Es stimmt nicht, dass es schlecht ist.", "Es stimmt nicht , dass es schlecht ist."),
    ("Ich finde nicht, dass der Service gut war.", "Ich finde, dass nicht der Service gut war."),
    ("Das ist eine sehr lange Geschichte die nicht.",
     "Das ist eine sehr lange Geschichte die nicht ."),
    ("nicht", "nicht"),
])
def test_clause_final_negation_on_tokens(text, read):
    assert de.preprocess_german(pd.Series([text]))[0] == read


_RULE_WORDS = [
    "Liebe", "liebe", "Lieber", "liebes", "LIEBE", "(Liebe", "Hallo", "hi", "@anna", "Team",
    "Frau", "Grüße", "nicht", "Nicht", "NICHT", "nicht,", "nicht,,", "dass", "daß", ",dass",
    "nicht,dass", "Dass", "finde", "fand", "ich", "wir", "glaube", "gut", "war", ",", ".",
    "😡", "👍🏻",
]  # fmt: skip
_RULE_SPACES = [" ", "  ", "\n", "\t", "\u00a0", ", ", " \n "]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_RULE_WORDS), st.sampled_from(_RULE_SPACES)),
                min_size=1, max_size=12))
def test_text_rule_candidates_include_every_text_the_rules_change(parts):
    from empathylab.text._whitespace import split_texts

    text = "".join(word + space for word, space in parts)
    texts = pd.Series([text, text.strip(), "Liebe Grüße", "Ich finde nicht, dass es gut war.",
                       "glaube nicht,dass", "Hallo liebe Anna"], dtype="str")
    changed = (gt.preprocess_texts(texts) != texts).to_numpy(bool)
    split = split_texts(pa.array(texts.tolist()))
    candidates = gt.text_rules.candidates(split, gt.text_rules.flags(split.dictionary))
    assert not (changed & ~candidates).any()


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(st.tuples(st.sampled_from(_RULE_WORDS), st.sampled_from(_RULE_SPACES)),
                         min_size=1, max_size=10), min_size=1, max_size=6))
def test_sentiment_runs_the_text_rules_on_the_candidates_only_with_the_same_scores(texts):
    from empathylab import sentiment

    series = pd.Series(["".join(w + s for w, s in parts) for parts in texts], dtype="str")
    ours = sentiment(series, lang="de")[["compound", "positive", "negative", "neutral"]]
    pd.testing.assert_frame_equal(ours, score_texts(series, de.german_spec()))


def test_sentiment_uses_the_same_german_rules_as_the_engine():
    from empathylab import sentiment

    texts = pd.Series(["Liebes Team, gut war es nicht.", "Kundendienstwüste!!! 😡",
                       "Ich finde nicht, dass es gut war.", "Super Hotel, gerne wieder 👍🏻",
                       "Die Lieferung kam nie an, Frechheit"] * 3)
    ours = sentiment(texts, lang="de")[["compound", "positive", "negative", "neutral"]]
    pd.testing.assert_frame_equal(ours, score_texts(texts, de.german_spec()))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from([
    "nicht", "nicht.", "nicht,", "nicht:/", "Nicht!", "mehr", "mehr.", ",", ".", ", dass",
    ",dass", "dass", "ob", "leider", "aber", "Besser", "geht's", "bringt", "Ja.Gut",
    "gut.", "gut", "(schön)", "kaum", "nie...", "so", "»Zitat.«",
]), min_size=1, max_size=40))
def test_negation_flags_are_the_same_in_python_and_arrow(tokens):
    small = gt.reorder_tokens.flags(pa.array(tokens))  # few tokens: Python
    large = gt.reorder_tokens.flags(pa.array(tokens * (gt._SMALL // len(tokens) + 1)))
    np.testing.assert_array_equal(small, large[: len(tokens)])


def test_small_and_large_dictionaries_rewrite_alike():
    pieces, counts = gt.rewrite_tokens(pa.array(TOKENS * (gt._SMALL // len(TOKENS) + 1)))
    small_pieces, small_counts = gt.rewrite_tokens(pa.array(TOKENS))
    assert counts[: len(TOKENS)].tolist() == small_counts.tolist()
    assert pieces.to_pylist()[: len(small_pieces)] == small_pieces.to_pylist()


def test_negation_ends_with_its_sentence():
    assert one("Mein Gutscheincode wird an der Kasse nicht angenommen. Sehr enttäuschend.") < 0
    assert one("Das klappt nicht, toll ist das nicht.") < 0
