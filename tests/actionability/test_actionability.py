"""actionability(): questions (not rhetorical ones), problems, threats to leave, ideas, praise."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.metrics import f1_score

import empathylab as el
from empathylab.actionability import ACTIONS, actionability


@pytest.mark.parametrize(
    ("text", "action"),
    [
        ("Wann kommt mein Paket?", "response_needed"),
        ("Where is my refund?", "response_needed"),
        ("Bitte um Rückmeldung bis Freitag.", "response_needed"),
        ("Please call me back.", "response_needed"),
        ("Die App stürzt beim Bezahlen immer ab.", "response_needed"),
        ("My order never arrived.", "response_needed"),
        ("Wenn das so weitergeht, kündige ich meinen Vertrag.", "response_needed"),
        ("One more mistake and I'll take my business elsewhere.", "response_needed"),
        ("Es wäre schön, wenn man den Liefertermin wählen könnte.", "suggestion"),
        ("It would be great if you offered gift wrapping.", "suggestion"),
        ("Super freundlicher Service, weiter so!", "praise"),
        ("Excellent service, thank you!", "praise"),
        ("n/a", "not_meaningful"),
        ("-", "not_meaningful"),
        ("👍👍", "not_meaningful"),
        ("Ich habe gestern bestellt.", "other"),
        ("Der Fahrer war unfreundlich und das Essen kalt.", "response_needed"),
    ],
)
def test_action(text, action):
    assert actionability([text])["action"].iloc[0] == action


@pytest.mark.parametrize(
    "text",
    ["Warum immer ich?! Unfassbar.", "Is this a joke? Terrible design.",
     "Soll das ein Witz sein?"],
)
def test_rhetorical_question_is_not_a_question(text):
    out = actionability([text])
    assert not out["question"].iloc[0]


def test_threat_and_problem_flags_and_evidence():
    out = actionability(["Immer noch keine Antwort. Ich kündige!"], lang="de")
    assert out.loc[0, "churn_threat"] and out.loc[0, "problem"]
    assert "churn_threat: kündige" in out.loc[0, "action_evidence"]


def test_resolved_problem_needs_no_answer():
    out = actionability(["The problem was resolved quickly, thanks!",
                         "Das Problem wurde schnell gelöst, danke."])
    assert not out["problem"].any()
    assert (out["action"] == "praise").all()


def test_negated_praise_is_a_complaint():
    out = actionability(["Ich bin mit dem Service nicht zufrieden."], lang="de")
    assert out.loc[0, "problem"] and out.loc[0, "action"] == "response_needed"


def test_complaint_needs_sentiment_unless_switched_off():
    text = ["Der Fahrer war unfreundlich und das Essen kalt."]
    assert actionability(text)["complaint"].iloc[0]
    off = actionability(text, complaint_below=None)
    assert not off["complaint"].iloc[0] and off["action"].iloc[0] == "other"


def test_no_problem_is_not_a_problem():
    out = actionability(["Kein Problem, alles gut.", "No problem at all."])
    assert not out["problem"].any()


def test_columns_missing_and_empty():
    out = actionability(pd.Series([None, "", "Danke!"], index=[5, 6, 7]))
    assert list(out.index) == [5, 6, 7]
    assert out["action"].tolist()[:2] == ["not_meaningful", "not_meaningful"]
    empty = actionability(pd.Series([], dtype="str"))
    assert list(empty.columns) == ["action", "response_needed", "question", "problem",
                                   "churn_threat", "complaint", "suggestion", "praise",
                                   "not_meaningful",
                                   "action_evidence", "language"]
    assert empty["question"].dtype == bool


def test_accessor_equals_function():
    df = pd.DataFrame({"text": ["Wann kommt mein Paket?", "Toll!"]})
    pd.testing.assert_frame_equal(df.cx.actionability().drop(columns="text"),
                                  el.actionability(df["text"]))


@pytest.mark.filterwarnings("ignore::empathylab.DataQualityWarning")
@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(st.none(), st.text(max_size=60)), max_size=8))
def test_arbitrary_text_never_crashes(values):
    out = actionability(pd.Series(values, dtype=object))
    assert out["action"].isin(ACTIONS).all()


def test_sample_intents():
    """Measured (benchmarks/effort.py): macro-F1 0.929 over response_needed, suggestion
    and praise on the bundled samples' true_intent (in-sample, see BENCHMARKS.md);
    asserted with a margin."""
    from empathylab.datasets import registry

    truth = registry.load_sample("truth")
    parts = [registry.load_sample(n).assign(sample=n)
             for n in ("feedback_de", "feedback_en", "helpdesk", "twitter_support")]
    rows = pd.concat([p[["sample", "feedback_id", "text"]] for p in parts], ignore_index=True)
    rows = rows.merge(truth[["sample", "feedback_id", "true_intent"]], on=["sample",
                                                                           "feedback_id"])
    mapping = {"complaint": "response_needed", "churn_threat": "response_needed",
               "question": "response_needed", "follow_up": "response_needed",
               "suggestion": "suggestion", "praise": "praise", "thanks": "praise"}
    rows["truth"] = rows["true_intent"].map(mapping)
    rows = rows.dropna(subset=["truth"]).reset_index(drop=True)
    pred = actionability(rows["text"])["action"]
    macro = f1_score(rows["truth"], pred, labels=["response_needed", "suggestion", "praise"],
                     average="macro")
    assert macro > 0.88
