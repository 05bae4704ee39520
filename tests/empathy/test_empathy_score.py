"""empathy_score(): output shape, inputs, tone, boilerplate, accessor."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import empathylab
from empathylab import DataQualityWarning, MissingColumnError, empathy_score
from empathylab.empathy._api import COLUMNS


def test_columns_index_and_missing_replies() -> None:
    replies = pd.Series(["I can imagine how annoying that is.", None, "  ", np.nan],
                        index=[10, 11, 12, 13])
    out = empathy_score(replies, lang="en")
    assert list(out.columns) == COLUMNS
    assert out.index.equals(replies.index)
    assert out.loc[[11, 12, 13], "empathy"].isna().all()
    assert out.loc[[11, 12, 13], "sympathy_only"].isna().all()
    assert out.loc[11, "evidence"] == []
    assert out["sympathy_only"].dtype == "boolean"
    assert out.loc[10, "language"] == "en"


def test_input_is_not_mutated_and_lists_work() -> None:
    replies = pd.Series(["Sorry for the inconvenience."])
    before = replies.copy()
    empathy_score(replies)
    pd.testing.assert_series_equal(replies, before)
    assert len(empathy_score(["a", "b"])) == 2


def test_scores_are_bounded_and_formula_holds() -> None:
    replies = ["I can imagine how annoying that is. Which size did you order? I will send a "
               "new one by Friday. Kind regards", "As I already said, read the FAQ!!",
               "Das ist ärgerlich. Ich kümmere mich darum. Viele Grüße"]
    out = empathy_score(replies, context=["size M is too small"] * 3)
    mech = out[list(empathylab.empathy.MECHANISMS)]
    assert ((mech >= 0) & (mech <= 1)).all().all()
    w = np.array(list(empathylab.empathy.MECHANISM_WEIGHTS.values()))
    core = mech.to_numpy() @ w / w.sum()
    expected = 100 * (0.7 * core + 0.3 * out["politeness"]) * (1 - 0.5 * out["harshness"])
    np.testing.assert_allclose(out["empathy"], expected.round(1), atol=0.051)


def test_tone_harshness_and_politeness() -> None:
    out = empathy_score(["As I already said, this is clearly stated in our terms. It's your "
                         "own fault.", "Hello Anna, thank you for your patience. Please let "
                         "me check this for you. Kind regards"], lang="en")
    assert out["harshness"].iloc[0] >= 0.8
    assert out["harshness"].iloc[1] == 0.0
    assert out["politeness"].iloc[1] >= 0.6
    assert out["empathy"].iloc[0] < out["empathy"].iloc[1]
    de = empathy_score(["Wie bereits mitgeteilt, das ist Ihr eigenes Verschulden.",
                        "Wieso hast du das nicht gelesen?"], lang="de")
    assert (de["harshness"] >= 0.5).all()


def test_sie_du_mixing() -> None:
    out = empathy_score(["Vielen Dank für Ihre Nachricht. Kannst du mir die Nummer schicken? "
                         "Viele Grüße", "Vielen Dank für Ihre Nachricht. Können Sie mir die "
                         "Nummer schicken? Viele Grüße", "Danke dir! Schick mir gern die "
                         "Nummer."], lang="de")
    assert out["address"].tolist() == ["mixed", "Sie", "du"]
    assert out["politeness"].iloc[0] < out["politeness"].iloc[1]
    assert "politeness: Sie and du mixed" in out["evidence"].iloc[0]


def test_boilerplate_within_groups() -> None:
    canned = "Thank you for contacting our customer service team."
    replies = [f"{canned} Your parcel 1{i} is on its way." for i in range(4)]
    replies += ["I can imagine how annoying the broken zip is.", "Which colour was it?",
                "We will refund you by Friday.", f"{canned} Ok."]
    groups = ["a"] * 4 + ["b"] * 4
    out = empathy_score(replies, group=groups, lang="en")
    assert (out["boilerplate"].iloc[:4] > 0.5).all()
    assert (out["boilerplate"].iloc[4:7] == 0).all()
    assert out["boilerplate"].iloc[7] == 0  # canned in group a, unique in group b
    together = empathy_score(replies, lang="en")
    assert together["boilerplate"].iloc[7] > 0.5
    few = empathy_score(replies[:2], group=["a", "a"], lang="en")
    assert few["boilerplate"].isna().all()


def test_near_duplicates_count_as_boilerplate() -> None:
    replies = ["We are sorry to hear that your order was delayed, we will look into it.",
               "We are so sorry to hear that your order was delayed, we will look into it!",
               "We are sorry to hear your order was delayed, we will look into it.",
               "Completely different text about a broken screen."]
    out = empathy_score(replies, lang="en")
    assert (out["boilerplate"].iloc[:3] == 1).all()
    assert out["boilerplate"].iloc[3] == 0


def test_other_languages_warn() -> None:
    with pytest.warns(DataQualityWarning, match="neither German nor English"):
        out = empathy_score(["¿Dónde está mi pedido? Lo necesito mañana por la tarde."])
    assert out["empathy"].isna().all()
    assert out["language"].iloc[0] == "other"


def test_bad_inputs() -> None:
    with pytest.raises(TypeError, match="single str"):
        empathy_score("I can imagine")
    with pytest.raises(ValueError, match="`context` has 1 values"):
        empathy_score(["a", "b"], context=["x"])
    with pytest.raises(ValueError, match="`lang` must be one of"):
        empathy_score(["a"], lang="fr")
    with pytest.raises(TypeError, match=r"at position 0 \(index 0\): 5 \(int\)"):
        empathy_score(pd.Series([5]))
    with pytest.raises(ValueError, match="unknown mechanisms"):
        empathy_score(["a"], weights={"warmth": 1.0})
    with pytest.raises(ValueError, match="boilerplate_min"):
        empathy_score(["a"], boilerplate_min=1)
    with pytest.raises(ValueError, match="index of `context`"):
        empathy_score(pd.Series(["a"], index=[1]), context=pd.Series(["b"], index=[2]))


def test_context_aligned_by_index() -> None:
    replies = pd.Series(["Your order 5521 ships today.", "Thanks!"], index=["r1", "r2"])
    context = pd.Series(["Thanks", "Where is order 5521?"], index=["r2", "r1"])
    out = empathy_score(replies, context=context, lang="en")
    assert out.loc["r1", "personalization"] >= 0.8


def test_accessor_equals_function() -> None:
    df = pd.DataFrame({"text": ["I can imagine how annoying that is.", "Sorry."],
                       "msg": ["It broke, so annoying", "hm"], "agent": ["a", "b"]})
    added = df.cx.empathy(context="msg", group="agent", lang="en")
    direct = empathy_score(df["text"], context=df["msg"], group=df["agent"], lang="en")
    pd.testing.assert_frame_equal(added[direct.columns], direct)
    assert list(added.columns[:3]) == ["text", "msg", "agent"]
    with pytest.raises(MissingColumnError, match="did you mean 'msg'"):
        df.cx.empathy(context="msgs")


@settings(max_examples=40, deadline=None)
@given(st.lists(st.one_of(st.none(), st.text(max_size=80)), min_size=1, max_size=6))
def test_arbitrary_text_never_crashes(texts: list[str | None]) -> None:
    out = empathy_score(texts, context=list(reversed(texts)), lang="en")
    assert len(out) == len(texts)
    done = out["empathy"].dropna()
    assert ((done >= 0) & (done <= 100)).all()


def test_language_per_row() -> None:
    replies = ["Das ist wirklich ärgerlich, ich kümmere mich darum.",
               "That must be really frustrating, I will fix it today."]
    auto = empathy_score(replies)
    assert auto["language"].tolist() == ["de", "en"]
    given = empathy_score(replies, lang=["Deutsch", "en-GB"])
    assert given["language"].tolist() == ["de", "en"]
    pd.testing.assert_frame_equal(auto, given)
    assert (auto["emotional_reaction"] >= 0.8).all()
    assert (auto["ownership"] >= 0.5).all()
