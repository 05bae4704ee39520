"""detect_intents(): German and English cues, negation, evidence, NA, anchors, accessor."""

from __future__ import annotations

import re
import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import empathylab as el
from empathylab.intents import INTENTS, detect_intents, intent_rules
from empathylab.intents._detect import _compiled, anchor_text

CASES = [
    # (text, intents expected True)
    ("I will cancel my subscription at the end of the month", {"churn"}),
    ("I'm switching to another provider next week.", {"churn"}),
    ("Ich kündige meinen Vertrag zum nächsten Monat.", {"churn"}),
    ("Wir wechseln zur Konkurrenz, das reicht jetzt.", {"churn"}),
    ("My lawyer will be in touch.", {"escalation"}),
    ("I will report you to the Better Business Bureau", {"escalation"}),
    ("Ich habe Beschwerde beim Verbraucherschutz eingereicht.", {"escalation"}),
    ("Dann schalte ich einen Anwalt ein.", {"escalation"}),
    ("I will tell everyone I know about this.", {"negative_wom"}),
    ("Ich warne alle meine Freunde vor euch!", {"negative_wom"}),
    ("Finger weg von diesem Laden.", {"negative_wom"}),
    ("I would recommend this shop to anyone.", {"positive_wom"}),
    ("Ich empfehle euch gerne weiter!", {"positive_wom"}),
    ("Kann ich nur empfehlen.", {"positive_wom"}),
    ("This is the third time I'm writing to you.", {"repeat_contact"}),
    ("Schon wieder ist das Paket nicht angekommen.", {"repeat_contact"}),
    ("Ich schreibe euch zum dritten Mal.", {"repeat_contact"}),
    ("I have called you four times this week.", {"repeat_contact"}),
    ("Never again! Worst shop ever", {"churn"}),
    ("Nie wieder NordMarkt!", {"churn"}),
    ("Ab jetzt kaufe ich bei der Konkurrenz.", {"churn"}),
    ("That was my last order with you.", {"churn"}),
    ("Nie wieder Probleme mit dem Router, danke für die Hilfe", set()),
    ("The parcel arrived on time, thank you.", set()),
    ("Wie kann ich meine Adresse ändern?", set()),
    # writing to the company itself is no escalation
    ("Ich melde mich bei Ihnen wegen meiner Rechnung.", set()),
    ("Ich habe eine Beschwerde an Sie: das Paket ist beschädigt.", set()),
]

NEGATED = [
    ("I will not cancel my subscription, don't worry.", set()),
    ("I'm not switching to anyone else.", set()),
    ("Ich werde nicht kündigen.", set()),
    ("Ich würde euch nicht weiterempfehlen.", {"negative_wom"}),
    ("I would not recommend this company.", {"negative_wom"}),
    ("I don't recommend them at all.", {"negative_wom"}),
    ("Kann ich leider nicht empfehlen.", {"negative_wom"}),
    ("No need for a lawyer, it is sorted.", set()),
    # a barrier is no denial: still churn
    ("I can't cancel my subscription, the page is broken", {"churn"}),
    ("Ich kann meinen Vertrag nicht kündigen, die Seite hängt", {"churn"}),
    # a negation in another clause does not reach the cue
    ("If you don't fix this, I will cancel my account", {"churn"}),
    ("I can't recommend them enough!", {"positive_wom"}),
]


@pytest.mark.parametrize(("text", "expected"), CASES + NEGATED)
def test_cases(text, expected):
    out = detect_intents(pd.Series([text]))
    found = {name for name in INTENTS if out.loc[0, name]}
    assert found == expected, out.loc[0, "intent_evidence"]


def test_columns_index_and_evidence_spans():
    texts = pd.Series(
        ["Ich kündige! Und ich warne alle. Schon wieder kein Paket.", None, "", "ok"],
        index=["a", "b", "c", "d"],
    )
    out = detect_intents(texts)
    assert list(out.columns) == [*INTENTS, "intent_evidence"]
    assert out.index.tolist() == ["a", "b", "c", "d"]
    assert out.loc["a", "intent_evidence"] == [
        "churn: kündige", "negative_wom: warne alle", "repeat_contact: Schon wieder",
    ]
    for row in ("b", "c", "d"):
        assert not out.loc[row, list(INTENTS)].any()
        assert out.loc[row, "intent_evidence"] == []
    for item in out.loc["a", "intent_evidence"]:
        intent, span = item.split(": ", 1)
        assert intent in INTENTS and span in texts["a"]
    assert out[list(INTENTS)].dtypes.eq(bool).all()


def test_evidence_keeps_text_order_across_languages():
    out = detect_intents(["Schon wieder! I will cancel my account."])
    assert out.loc[0, "intent_evidence"] == ["repeat_contact: Schon wieder",
                                             "churn: cancel my account"]


def test_lang_restricts_the_cues():
    texts = pd.Series(["Ich kündige jetzt", "I will cancel my contract"])
    assert detect_intents(texts, lang="en")["churn"].tolist() == [False, True]
    assert detect_intents(texts, lang="de")["churn"].tolist() == [True, False]
    per_row = detect_intents(texts, lang=pd.Series(["de", "de"]))
    assert per_row["churn"].tolist() == [True, False]
    unknown = detect_intents(texts, lang=["fr", None])
    assert unknown["churn"].tolist() == [True, True]
    with pytest.raises(ValueError, match="`lang` must be one of"):
        detect_intents(texts, lang="fr")
    with pytest.raises(ValueError, match="one language per text"):
        detect_intents(texts, lang=["de"])


def test_line_breaks_and_typographic_apostrophes():
    out = detect_intents(["I’m switching\nto another bank", "third\r\ntime I’m writing"])
    assert out["churn"].tolist() == [True, False]
    assert out["repeat_contact"].tolist() == [False, True]


def test_prefilter_gives_the_same_result_on_the_bundled_samples():
    from empathylab.datasets import load_sample

    texts = pd.concat([load_sample(n)["text"] for n in ("feedback_de", "helpdesk",
                                                        "twitter_support")],
                      ignore_index=True)
    fast = detect_intents(texts)
    slow = detect_intents(texts, prefilter=False)
    pd.testing.assert_frame_equal(fast, slow)
    assert fast[list(INTENTS)].any().all()  # every intent occurs in the samples


def test_rules_table_and_files():
    rules = intent_rules()
    assert set(rules["lang"]) == {"de", "en"}
    assert set(rules["intent"]) == {*INTENTS, "_negation", "_inability"}
    assert set(rules["mode"]) <= {"fixed", "ability", "negatable", "flip", "cue"}
    for pattern in rules["pattern"]:
        re.compile(pattern)
    for lang in ("de", "en"):
        assert _compiled(lang).regex.groups >= len(rules[rules["lang"] == lang]) - 3


RULES = [r for r in intent_rules().itertuples() if not r.intent.startswith("_")]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: f"{r.lang}-{r.line}")
@settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_every_match_of_a_rule_contains_its_anchor(rule, data):
    pattern = rule.pattern.replace(" ", "[ \\t]+")
    text = data.draw(st.from_regex(re.compile(pattern, re.IGNORECASE), fullmatch=True)
                     .filter(lambda s: "\n" not in s and "\r" not in s))
    folded = anchor_text(pd.Series([text.replace("’", "'")]))[0]
    folded = re.sub(r"\s+", " ", folded)
    assert any(a in folded for a in rule.anchor.split("|")), (text, rule.anchor)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(st.none(), st.text(max_size=80)), max_size=8))
def test_arbitrary_text_never_crashes(values):
    out = detect_intents(pd.Series(values, dtype=object))
    assert len(out) == len(values)
    assert all(isinstance(v, list) for v in out["intent_evidence"])


def test_accessor_joins_the_columns():
    df = pd.DataFrame({"text": ["Ich kündige", "Danke"], "x": [1, 2]})
    out = df.cx.intents()
    pd.testing.assert_frame_equal(out[list(INTENTS)], detect_intents(df["text"])[list(INTENTS)])
    assert out["x"].tolist() == [1, 2]
    with pytest.raises(el.MissingColumnError, match="Text"):
        df.cx.intents(column="Text")


def test_twcs_customer_tweets(shared_data):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", el.DataQualityWarning)
        df = el.read_feedback(shared_data / "twcs_head" / "twcs.csv", preset="twitter")
    texts = df.loc[df["author_role"] == "customer", "text"]
    out = detect_intents(texts)
    rates = out[list(INTENTS)].mean()
    # intents are rare in support tweets, and each evidence span is in its text
    assert (rates < 0.05).all() and rates.sum() > 0
    for idx in np.flatnonzero(out["intent_evidence"].str.len().to_numpy() > 0):
        text = re.sub(r"\s+", " ", texts.iloc[idx]).replace("’", "'")
        for item in out["intent_evidence"].iloc[idx]:
            assert item.split(": ", 1)[1] in text
