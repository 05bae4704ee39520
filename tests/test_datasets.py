"""Tests of empathylab.datasets: the synthetic generator and the bundled samples."""

from __future__ import annotations

import json
import re
from itertools import combinations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.linear_model import LogisticRegression

from empathylab.datasets import _build_samples as build
from empathylab.datasets import (
    list_samples,
    load_sample,
    make_feedback,
    planted_truth,
    sample_path,
)
from empathylab.datasets.generator import CUSTOMER_COLUMNS, FEEDBACK_COLUMNS
from empathylab.datasets.registry import SAMPLES
from empathylab.io.schema import CANONICAL_COLUMNS

EXPORTS = ("feedback_de", "feedback_en", "helpdesk", "twitter_support")


@pytest.fixture(scope="module")
def feedback() -> pd.DataFrame:
    return make_feedback(2000, random_state=42)  # type: ignore[return-value]


@pytest.fixture(scope="module")
def big() -> tuple[pd.DataFrame, pd.DataFrame]:
    return make_feedback(20_000, random_state=11, return_customers=True)  # type: ignore[return-value]


@pytest.fixture(scope="module")
def big_null() -> tuple[pd.DataFrame, pd.DataFrame]:
    return make_feedback(20_000, random_state=11, return_customers=True,  # type: ignore[return-value]
                         empathy_effect=0.0)


def _adjusted_empathy_coef(customers: pd.DataFrame) -> float:
    x = pd.DataFrame({
        "exposure": customers["true_empathy_exposure"] - 1,
        "premium": (customers["segment"] == "premium").astype(float),
        "business": (customers["segment"] == "business").astype(float),
        "log_tenure": np.log1p(customers["tenure_months"]),
        "severity": customers["true_mean_severity"],
    })
    model = LogisticRegression(C=1e8, max_iter=2000).fit(x, customers["repurchase_90d"])
    return float(model.coef_[0][0])


# -- make_feedback: shape, schema, determinism ---------------------------------------------


def test_same_seed_same_data_other_seed_other_data():
    a = make_feedback(300, random_state=7)
    b = make_feedback(300, random_state=7)
    c = make_feedback(300, random_state=8)
    pd.testing.assert_frame_equal(a, b)
    assert not a["text"].equals(c["text"])


def test_schema_and_dtypes(feedback):
    assert tuple(feedback.columns) == FEEDBACK_COLUMNS
    assert tuple(feedback.columns[:15]) == CANONICAL_COLUMNS
    assert all(c.startswith("true_") for c in feedback.columns[20:])
    for col in ("feedback_id", "customer_id", "conversation_id", "agent_id", "channel",
                "touchpoint", "text", "language", "source", "true_reply_style"):
        assert feedback[col].dtype == "str", col
    assert feedback["timestamp"].dtype.kind == "M"
    assert list(feedback["author_role"].cat.categories) == ["customer", "agent", "bot"]
    for col in ("rating", "nps", "csat", "ces", "order_value", "true_valence"):
        assert feedback[col].dtype == "float64", col
    assert feedback["true_sentiment"].dtype == "Int8"
    assert feedback["feedback_id"].is_unique
    assert feedback["timestamp"].is_monotonic_increasing


def test_n_counts_conversations_and_replies_follow_messages(feedback):
    messages = feedback[feedback["true_kind"] == "message"]
    assert len(messages) == 2000
    assert messages["conversation_id"].is_unique
    first = feedback.groupby("conversation_id")["timestamp"].transform("min")
    assert (messages["timestamp"] == first[messages.index]).all()
    assert (messages["author_role"] == "customer").all()
    assert feedback["agent_id"].isna().eq(feedback["author_role"] == "customer").all()
    start, end = pd.Timestamp("2024-10-01"), pd.Timestamp("2026-10-01")
    assert messages["timestamp"].between(start, end).all()


def test_languages_per_customer(feedback):
    per_customer = feedback.groupby("customer_id")["language"].nunique()
    assert (per_customer == 1).all()
    share_de = feedback.drop_duplicates("customer_id")["language"].eq("de").mean()
    assert 0.5 < share_de < 0.7
    only_en = make_feedback(50, lang="en", random_state=1)
    assert set(only_en["language"]) == {"en"}


def test_customers_table(big):
    df, customers = big
    assert tuple(customers.columns) == CUSTOMER_COLUMNS
    assert customers["customer_id"].is_unique
    assert set(customers["customer_id"]) == set(df["customer_id"])
    assert customers["repurchase_90d"].dtype == bool and customers["churned"].dtype == bool
    assert customers["churn_date"].notna().eq(customers["churned"]).all()
    churned = customers[customers["churned"]]
    assert (churned["churn_date"] >= churned["last_contact"].dt.floor("D")).all()
    assert (customers["spend_next_12m"] >= 0).all()
    replies = df[df["author_role"] != "customer"].groupby("customer_id").size()
    n_replies = customers.set_index("customer_id")["true_n_replies"]
    assert n_replies.reindex(replies.index).eq(replies).all()


def test_invalid_arguments():
    with pytest.raises(ValueError, match="`lang` must be one of"):
        make_feedback(10, lang="fr")
    with pytest.raises(ValueError, match="`n` must be a positive integer"):
        make_feedback(0)
    with pytest.raises(ValueError, match="did you mean 'email'"):
        make_feedback(10, channels={"emial": 1.0})
    with pytest.raises(ValueError, match="`empathy_effect` must be a finite number"):
        make_feedback(10, empathy_effect=float("nan"))


@settings(max_examples=8, deadline=None)
@given(n=st.integers(1, 40), seed=st.integers(0, 2**32 - 1),
       lang=st.sampled_from(["de", "en", "mixed"]), quarters=st.integers(1, 9))
def test_any_small_configuration_works(n, seed, lang, quarters):
    df = make_feedback(n, lang=lang, random_state=seed, quarters=quarters)
    assert (df["true_kind"] == "message").sum() == n
    assert df["text"].str.len().gt(0).all()


# -- text variety ---------------------------------------------------------------------------


def test_texts_are_varied(feedback):
    assert feedback["text"].duplicated().mean() < 0.05
    customer = feedback[feedback["author_role"] == "customer"]
    assert customer["text"].duplicated().mean() < 0.05
    words = set(re.findall(r"\w+", " ".join(feedback["text"]).lower()))
    assert len(words) > 2500
    for lang in ("de", "en"):
        texts = feedback.loc[feedback["language"] == lang, "text"]
        assert texts.nunique() > 0.9 * len(texts)


def test_texts_have_realistic_noise_and_personal_data(feedback):
    noise = feedback["true_noise"].dropna().str.split("|").explode()
    assert {"typo", "umlauts", "emoji", "lower"} <= set(noise)
    text = feedback["text"]
    assert text.str.contains("ae|oe|ue").any() and text.str.contains("[äöü]").any()
    pii = feedback.dropna(subset=["true_pii"])
    emails = pii.loc[pii["true_pii"] == "email", "text"]
    assert emails.str.contains(r"@(?:mail\.)?example\.(?:com|org|net)", case=False).all()
    ibans = pii.loc[pii["true_pii"] == "iban", "text"].str.extract(
        r"(DE\d{2}(?: ?\d{4}){4} ?\d{2})", expand=False).dropna()
    assert len(ibans) > 0
    for iban in ibans:
        compact = iban.replace(" ", "")
        digits = "".join(str(int(ch, 36)) for ch in compact[4:] + compact[:4])
        assert int(digits) % 97 == 1, iban
    mixed = feedback[feedback["true_intent"] == "mixed"]["text"]
    assert mixed.str.contains(r"\b(?:aber|but)\b").mean() > 0.9


def test_replies_in_all_styles_and_languages(feedback):
    replies = feedback[feedback["author_role"] != "customer"]
    styles = replies.groupby(["language", "true_reply_style"]).size()
    for lang in ("de", "en"):
        for style in ("cold", "sympathetic", "empathic", "bot"):
            assert styles.get((lang, style), 0) >= 10, (lang, style)
    german = replies.loc[replies["language"] == "de", "text"]
    assert not german.str.contains(r"\b(?:du|dich|dir|dein|deine)\b").any()
    agents = replies[replies["author_role"] == "agent"]
    assert agents.groupby("agent_id")["true_reply_style"].nunique().max() >= 2
    assert agents["team"].nunique() >= 4


def test_empathic_replies_restate_the_customers_details(feedback):
    agents = feedback[(feedback["author_role"] == "agent") & feedback["order_id"].notna()]
    mentions = [oid in text for oid, text in zip(agents["order_id"], agents["text"], strict=True)]
    mentioned = pd.Series(mentions, index=agents.index).groupby(agents["true_reply_style"]).mean()
    assert mentioned["empathic"] > 0.3 > mentioned["cold"]
    emp = feedback[feedback["true_reply_style"] == "empathic"]
    assert emp["true_empathy_feeling"].all()
    assert (emp[["true_empathy_restate", "true_empathy_question",
                 "true_empathy_ownership"]].sum(axis=1) >= 2).all()
    cold = feedback[feedback["true_reply_style"] == "cold"]
    assert not cold[["true_empathy_feeling", "true_empathy_restate"]].any().any()


def _jaccard(a: str, b: str) -> float:
    x, y = set(a.lower().split()), set(b.lower().split())
    return len(x & y) / len(x | y)


def test_agents_reuse_their_own_boilerplate(feedback):
    sym = feedback[(feedback["true_reply_style"] == "sympathetic")
                   & (feedback["channel"] == "email")]
    top = sym["agent_id"].value_counts().index[:4]
    texts = {a: sym.loc[sym["agent_id"] == a, "text"].head(12).tolist() for a in top}
    within = np.mean([_jaccard(x, y) for a in top for x, y in combinations(texts[a], 2)])
    between = np.mean([_jaccard(x, y) for a, b in combinations(top, 2)
                       for x in texts[a] for y in texts[b]])
    assert within > between + 0.1


# -- scores ------------------------------------------------------------------------------------


def test_scores_in_range_and_only_where_asked(feedback):
    for col, (lo, hi) in {"nps": (0, 10), "csat": (1, 5), "ces": (1, 7), "rating": (1, 5)}.items():
        values = feedback[col].dropna()
        assert values.between(lo, hi).all() and (values == values.round()).all(), col
    scored = feedback[["nps", "csat", "ces", "rating"]].notna().any(axis=1)
    allowed = (feedback["true_kind"] == "survey") | feedback["channel"].isin(["survey", "review"])
    assert not (scored & ~allowed).any()
    assert (feedback.loc[scored, "author_role"] == "customer").all()
    reviews = feedback[(feedback["channel"] == "review") & (feedback["true_kind"] == "message")]
    assert reviews["rating"].notna().all()


def test_scores_follow_text_and_response_is_selective(big):
    df, _ = big
    surveys = df[df["true_kind"] == "survey"]
    assert surveys["csat"].corr(surveys["true_satisfaction"]) > 0.5
    assert surveys["ces"].corr(surveys["true_effort"]) < -0.4
    reviews = df[(df["channel"] == "review") & (df["true_kind"] == "message")]
    assert reviews["rating"].corr(reviews["true_valence"]) > 0.7
    invited = df[df["true_survey_invited"].fillna(False).astype(bool)]
    rate = invited["true_survey_responded"].astype(bool).mean()
    assert 0.1 < rate < 0.45
    by_answer = invited.groupby(invited["true_survey_responded"].astype(bool))[
        "true_satisfaction"].mean()
    assert by_answer[True] > by_answer[False] + 0.1
    angry = invited["true_emotion"] == "anger"
    assert invited.loc[angry, "true_survey_responded"].astype(bool).mean() < rate


# -- planted effects -----------------------------------------------------------------------------


def test_planted_empathy_effect_is_recovered(big):
    _, customers = big
    coef = _adjusted_empathy_coef(customers)
    assert coef == pytest.approx(0.8, abs=0.15)  # standard error about 0.035
    only = customers[customers["true_n_replies"] >= 1]
    empathic = only["true_empathy_exposure"] == 2.0
    sympathetic = only["true_empathy_exposure"] == 1.0
    assert (only.loc[empathic, "repurchase_90d"].mean()
            > only.loc[sympathetic, "repurchase_90d"].mean() + 0.05)
    assert (only.loc[empathic, "churned"].mean() < only.loc[sympathetic, "churned"].mean())


def test_no_effect_when_empathy_effect_is_zero(big_null):
    df, customers = big_null
    assert abs(_adjusted_empathy_coef(customers)) < 0.15
    assert df.attrs["planted"]["repurchase_log_odds_per_level"] == 0.0
    surveys = df[df["true_kind"] == "survey"].merge(
        df[df["author_role"] == "agent"].drop_duplicates("conversation_id")[
            ["conversation_id", "true_reply_style"]], on="conversation_id", suffixes=("", "_r"))
    means = surveys.groupby("true_reply_style_r")["csat"].mean()
    assert means["empathic"] - means["cold"] < 0.35


def test_empathic_replies_raise_csat(big):
    df, _ = big
    first = df[df["author_role"] == "agent"].drop_duplicates("conversation_id")
    surveys = df[df["true_kind"] == "survey"].merge(
        first[["conversation_id", "true_reply_style"]], on="conversation_id",
        suffixes=("", "_r"))
    means = surveys.groupby("true_reply_style_r")["csat"].mean()
    assert means["empathic"] > means["sympathetic"] > means["cold"]


def test_confounding_severity_drives_style(big):
    df, _ = big
    first = df[df["true_kind"] == "message"][["conversation_id", "true_severity"]]
    replies = df[df["author_role"] == "agent"].merge(first, on="conversation_id",
                                                     suffixes=("", "_m"))
    share = replies.groupby("true_severity_m")["true_reply_style"].apply(
        lambda s: (s == "empathic").mean())
    assert share.loc[3] > share.loc[0] + 0.1


def test_delivery_crisis_quarter(big):
    df, _ = big
    msgs = df[df["true_kind"] == "message"]
    quarter = msgs["timestamp"].dt.to_period("Q").astype(str)
    crisis = df.attrs["planted"]["delivery_crisis_quarter"]
    assert crisis == "2025Q4"
    delivery = msgs["true_touchpoints"].str.startswith("delivery")
    share = delivery.groupby(quarter).mean()
    assert share[crisis] > share.drop(crisis).max()
    negative = (msgs["true_sentiment"] == -1)[delivery].groupby(quarter[delivery]).mean()
    assert negative[crisis] > negative.drop(crisis).max()


def test_planted_truth_documents_the_sizes():
    truth = planted_truth(2.0)
    assert truth["repurchase_log_odds_per_level"] == pytest.approx(1.6)
    assert truth["churn_hazard_ratio_per_level"] == pytest.approx(np.exp(-1.0), rel=1e-5)


# -- bundled samples -----------------------------------------------------------------------------


def test_list_samples_table():
    table = list_samples()
    assert table.columns.tolist() == ["name", "description", "file", "format", "rows", "bytes",
                                      "columns", "how_made"]
    assert table["name"].tolist() == list(SAMPLES)
    assert (table["rows"] > 0).all()
    assert table["bytes"].sum() < 5_000_000
    for name in table["name"]:
        assert sample_path(name).is_file()


@pytest.mark.parametrize("name", list(SAMPLES))
def test_load_sample(name):
    df = load_sample(name)
    manifest = json.loads((sample_path(name).parent / "manifest.json").read_text())
    assert len(df) == manifest[name]["rows"]
    if name in EXPORTS:
        assert tuple(df.columns[:15]) == CANONICAL_COLUMNS
        assert df["author_role"].dtype == "category"
        assert df["timestamp"].dtype.kind == "M" and df["timestamp"].dt.tz is None
        assert df["text"].dtype == "str" and df["text"].notna().all()
        assert df["customer_id"].notna().all()
        assert df["touchpoint"].dropna().isin(
            ["webshop", "checkout", "delivery", "hotline", "chat", "email", "store", "app",
             "billing", "returns"]).all()


def test_exports_join_the_truth_and_the_customers():
    truth = load_sample("truth")
    customers = load_sample("customers")
    seen = set()
    for name in EXPORTS:
        df = load_sample(name)
        ids = truth.loc[truth["sample"] == name, "source_id"].tolist()
        assert df["feedback_id"].tolist() == ids, name
        roles = truth.loc[truth["sample"] == name, "author_role"].astype(str).tolist()
        assert df["author_role"].astype(str).tolist() == roles, name
        seen |= set(df["customer_id"])
    assert seen == set(customers["customer_id"])
    de = load_sample("feedback_de")
    assert de["language"].value_counts().idxmax() == "de" and (de["language"] == "en").any()
    assert de["Bestellwert"].dtype == "float64"


def test_unknown_sample_name():
    with pytest.raises(ValueError, match=r"known samples are \[.*Did you mean 'customers'\?"):
        load_sample("custmers")
    with pytest.raises(ValueError, match="unknown sample 'nope'"):
        sample_path("nope")


def test_committed_samples_equal_a_fresh_build(tmp_path):
    build.build(tmp_path)
    committed = sample_path("customers").parent
    for name in ("feedback_de.csv", "helpdesk.jsonl", "twitter_support.csv", "customers.csv",
                 "truth.csv", "planted.json", "manifest.json"):
        assert (tmp_path / name).read_bytes() == (committed / name).read_bytes(), name
    new = pd.read_excel(tmp_path / "feedback_en.xlsx")
    old = pd.read_excel(committed / "feedback_en.xlsx")
    pd.testing.assert_frame_equal(new, old)
    raw = pd.read_csv(tmp_path / "feedback_de.csv", sep=";", encoding="cp1252", dtype=str)
    pd.testing.assert_frame_equal(raw, pd.read_csv(committed / "feedback_de.csv", sep=";",
                                                   encoding="cp1252", dtype=str))
