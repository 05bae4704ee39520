"""English for customer feedback (empathylab.sentiment._english): vocabulary, rules, label rule.

The sentences are written for these tests (none comes from the dev data); each checks
one kind of entry or rule against what a reader of customer feedback would say. The
resource tests check ``data/en_service.tsv`` for the format its header states. The
shared-data tests check the airline target of issue 3 (macro-F1 >= 0.60 zero-shot)
with the shipped rule, the cross-airline choice of thresholds, and that brand replies
on Twitter are not scored negative for their apologies (skipped when the data is
absent).
"""

from __future__ import annotations

import itertools
import warnings
from importlib import resources

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.metrics import f1_score

from empathylab.sentiment import LexiconSpec, label_rules, score_texts, sentiment, vader_spec
from empathylab.sentiment import _english as en


def labels(*texts: str, method: str = "lexicon") -> list[str]:
    return sentiment(pd.Series(list(texts)), lang="en", method=method)["label"].tolist()


def scores(*texts: str) -> pd.DataFrame:
    return score_texts(pd.Series(list(texts)), en.english_spec())


# --------------------------------------------------------------------------- the spec
def test_spec_is_vader_plus_the_service_entries():
    spec = en.english_spec()
    assert isinstance(spec, LexiconSpec)
    assert spec is en.english_spec()
    vader = vader_spec()
    assert vader.lexicon["support"] == 1.7  # VADER's own spec is left as it is
    assert "support" not in spec.lexicon  # rated 0: a neutral word, not a 0-valued one
    assert spec.lexicon["stranded"] == -2.2 and spec.phrases["on hold"] == -1.4
    neutral = {t for t, v in _rows() if float(v) == 0.0}
    assert set(vader.lexicon) - neutral <= set(spec.lexicon)
    assert spec.boosters == vader.boosters and spec.contrasts == vader.contrasts
    assert spec.preprocess is None  # the default English path stays a plain lexicon pass


def test_verbal_negations_are_scored_like_vaders_no():
    spec = en.english_spec()
    forms = en.verbal_negations()
    assert {"not", "cannot", "can't", "doesn't", "dont", "won\u2019t"} <= forms
    assert "never" not in forms and "no" not in forms  # VADER's rules for them are kept
    assert forms <= spec.determiner_negations and forms <= spec.negations
    assert all(spec.lexicon[f] == en.NEGATION_VALENCE for f in forms)
    assert "n\u2019t" in spec.negation_substrings


def test_curly_apostrophes_negate_like_straight_ones():
    straight, curly = scores("The app doesn't work.", "The app doesn\u2019t work.")["compound"]
    assert straight == curly < 0
    assert scores("The food wasn\u2019t bad.")["compound"][0] > 0


def test_the_label_rule_is_the_shipped_one():
    rule = label_rules()[("lexicon", "en")]
    assert rule is en.EN_LABEL_RULE
    assert rule.statistic == "share" and rule.lower < 0 < rule.upper
    texts = pd.Series(["Delivery was quick, thanks!", "Still waiting for my refund.",
                       "My order number is 123."])
    out = sentiment(texts, lang="en")
    expected = rule.apply(out["compound"], out["positive"], out["negative"])
    assert out["label"].tolist() == expected.tolist() == ["positive", "negative", "neutral"]


# --------------------------------------------------------------------------- resource file
def _rows() -> list[list[str]]:
    text = resources.files("empathylab.sentiment").joinpath("data/en_service.tsv").read_text(
        "utf-8")
    return [line.split("\t") for line in text.splitlines()
            if line.strip() and not line.startswith("#")]


def test_service_file_format():
    rows = _rows()
    assert len(rows) > 400
    terms = [r[0] for r in rows]
    assert all(len(r) == 2 for r in rows), [r for r in rows if len(r) != 2]
    assert len(set(terms)) == len(terms), "duplicate terms"
    for term, value in rows:
        assert term == term.strip().lower() and "  " not in term, term
        assert 1 <= len(term.split(" ")) <= 5, term
        assert -4.0 <= float(value) <= 4.0, term


def test_every_entry_reaches_the_spec():
    spec = en.english_spec()
    for term, value in _rows():
        variants = [term, term.replace("'", "\u2019")]
        for form in variants:
            if " " in term:
                assert spec.phrases[form] == float(value), form
            elif float(value) == 0.0:
                assert form not in spec.lexicon, form
            else:
                assert spec.lexicon[form] == float(value), form


# --------------------------------------------------------------------------- vocabulary
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("My parcel never arrived and nobody answers the phone.", "negative"),
        ("Been on hold for 40 minutes again.", "negative"),
        ("Internet outage again, third time this week.", "negative"),
        ("They overcharged me and added hidden fees.", "negative"),
        ("I was charged twice and the refund still hasn't arrived.", "negative"),
        ("The package was damaged in transit and the agent was unhelpful.", "negative"),
        ("Checkout keeps crashing, the app is unusable.", "negative"),
        ("The room was filthy and we found bed bugs.", "negative"),
        ("Your customer care line is a joke.", "negative"),
        ("Thanks for nothing.", "negative"),
        ("The refund came through within minutes, seamless!", "positive"),
        ("The technician was knowledgeable and went above and beyond.", "positive"),
        ("Hotel room was spotless and the staff were attentive.", "positive"),
        ("Arrived ahead of schedule and well packaged.", "positive"),
        ("Your delivery is scheduled for Tuesday.", "neutral"),
    ],
)
def test_service_vocabulary(text, expected):
    assert labels(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "The support team answered my question.",
        "Can you tell me the opening hours of your help desk, please?",
        "I would like to change my delivery address, please.",
        "Yes, the order number is 1234.",
        "Please share your account email with us.",
        "Is hand luggage included in the fare?",
    ],
)
def test_vader_words_in_their_customer_service_sense(text):
    # VADER reads the support team, please, yes, number, share and hand as praise
    assert labels(text, method="vader") == ["positive"]
    assert labels(text) == ["neutral"]


def test_mixed_judgement_weighs_the_clause_after_but():
    # "support" names a department: the judgement is "terrible"
    assert labels("Great app, but the support was terrible!") == ["negative"]


# --------------------------------------------------------------------------- negation
@pytest.mark.parametrize(
    "text",
    [
        "I still can't log in to my account.",
        "Nobody has called me back.",
        "The courier didn't even ring the bell.",
        "I haven't received my replacement card.",
        "The app won't let me change my password.",
        "It\u2019s not working since the update.",
    ],
)
def test_a_failure_stated_with_a_negation_is_negative(text):
    assert labels(text) == ["negative"]


@pytest.mark.parametrize(
    "text",
    [
        "The delivery was not late.",
        "The staff weren't rude at all.",
        "I didn't have any problems with the installation.",
        "The new router doesn't disconnect anymore.",
        "Can't complain, the engineer was on time.",
        "I can't wait for my new phone to arrive!",
    ],
)
def test_a_negated_service_failure_is_not_negative(text):
    assert labels(text) != ["negative"]
    assert scores(text)["compound"][0] > 0


def test_a_negation_before_a_neutral_service_word_keeps_its_valence():
    # "support" and "share" are neutral (out of the lexicon), not sentiment words rated 0
    assert scores("The app doesn't support my bank card.")["compound"][0] < 0
    assert scores("There is no support on weekends.")["compound"][0] < 0


def test_negation_reaches_two_words_and_vaders_never_rules_stay():
    assert scores("The agent was not very helpful.")["compound"][0] < 0
    assert scores("The staff were not friendly.")["compound"][0] < 0
    # "never" keeps VADER's rules: emphasis in "never ... so", three words of reach
    texts = ["The service has never been so good.", "I never had a problem with them."]
    ours = scores(*texts)["compound"]
    vader = score_texts(pd.Series(texts), vader_spec())["compound"]
    assert (ours > 0).all() and (vader > 0).all()


# --------------------------------------------------------------------------- brand replies
@pytest.mark.parametrize(
    "text",
    [
        "We're so sorry to hear that! Please DM us your order number and we'll look into it.",
        "Apologies for the inconvenience. Please send us a direct message with your email.",
        "Sorry for the delay, our team is on it.",
        "We're sorry for the long wait, an agent will be with you shortly.",
        "Please don't hesitate to contact us if you need anything else.",
        "If that doesn't work, please reply with your account email.",
        "I understand your frustration, let me check this for you.",
    ],
)
def test_brand_replies_are_not_negative_for_their_apology(text):
    assert labels(text) == ["neutral"]
    assert scores(text)["compound"][0] > -0.05


def test_a_customers_sorry_does_not_hide_the_complaint():
    assert labels("Sorry, but this is the worst service I have ever had.") == ["negative"]
    assert labels("Sorry to bother you again, my order is still missing.") == ["negative"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(max_size=60), min_size=1, max_size=5))
def test_arbitrary_text_scores_in_range(texts):
    out = score_texts(pd.Series(texts, dtype="str"), en.english_spec())
    assert np.isfinite(out.to_numpy()).all()
    assert out["compound"].between(-1, 1).all()


# --------------------------------------------------------------------------- shared data
CLASSES = np.array(["negative", "neutral", "positive"])
GRID = np.round(np.arange(-0.6, 0.61, 0.05), 2)


def _macro_f1(truth: np.ndarray, predicted: np.ndarray) -> float:
    """Macro-F1 over the three classes (sklearn's, vectorised for the threshold grid)."""
    f1 = []
    for c in CLASSES:
        tp = np.sum((predicted == c) & (truth == c))
        wrong = np.sum((predicted == c) != (truth == c))  # false positives and negatives
        f1.append(2 * tp / (2 * tp + wrong) if tp else 0.0)
    return float(np.mean(f1))


def _labels(value: np.ndarray, lower: float, upper: float) -> np.ndarray:
    return np.where(value >= upper, "positive", np.where(value <= lower, "negative", "neutral"))


def _airline(shared_data) -> pd.DataFrame:
    return pd.read_csv(shared_data / "airline_dev" / "tweets_american_usairways.csv")


@pytest.mark.shared_data
def test_airline_target_with_the_shipped_rule(shared_data):
    df = _airline(shared_data)
    truth = df["airline_sentiment"].to_numpy()
    ours = sentiment(df["text"], lang="en")["label"].to_numpy()
    vader = sentiment(df["text"], lang="en", method="vader")["label"].to_numpy()
    assert _macro_f1(truth, ours) == pytest.approx(
        f1_score(truth, ours, labels=CLASSES, average="macro"))
    # benchmarks/sentiment_en.py measures 0.630 (VADER with +-0.05: 0.458)
    assert _macro_f1(truth, ours) >= 0.60
    assert _macro_f1(truth, ours) >= _macro_f1(truth, vader) + 0.12
    for airline in ("American", "US Airways"):
        rows = (df["airline"] == airline).to_numpy()
        assert _macro_f1(truth[rows], ours[rows]) >= 0.60, airline


@pytest.mark.shared_data
def test_thresholds_chosen_on_one_airline_hold_on_the_other(shared_data):
    df = _airline(shared_data)
    truth = df["airline_sentiment"].to_numpy()
    out = score_texts(df["text"], en.english_spec())
    value = (out["positive"] - out["negative"]).to_numpy()
    airline = df["airline"].to_numpy()
    pairs = [(lo, hi) for lo, hi in itertools.product(GRID, GRID) if lo < hi]
    rule = en.EN_LABEL_RULE
    for fit_on, test_on in (("American", "US Airways"), ("US Airways", "American")):
        fit, test = airline == fit_on, airline == test_on
        lo, hi = max(pairs, key=lambda t: _macro_f1(truth[fit], _labels(value[fit], *t)))
        # chosen on one airline: close to the shipped rule, and the target on the other
        assert abs(lo - rule.lower) <= 0.1 and abs(hi - rule.upper) <= 0.1, (fit_on, lo, hi)
        assert _macro_f1(truth[test], _labels(value[test], lo, hi)) >= 0.60, fit_on


@pytest.mark.shared_data
def test_brand_apologies_on_twitter_are_not_strongly_negative(shared_data):
    df = pd.read_csv(shared_data / "twcs_head" / "twcs.csv").dropna(subset=["text"])
    brand = df[~df["inbound"].astype(str).str.lower().eq("true")]
    sorry = brand.loc[brand["text"].str.contains(r"(?i)\b(?:sorry|apolog)"), "text"]
    assert len(sorry) > 300
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ours = sentiment(sorry, lang="en")
        vader = sentiment(sorry, lang="en", method="vader")
    # apologies score 0; what stays negative restates the customer's problem
    assert ours["compound"].median() >= 0.0
    assert (ours["compound"] <= -0.5).mean() < 0.10
    assert (ours["label"] == "negative").mean() < (vader["label"] == "negative").mean()
