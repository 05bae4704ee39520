"""threads() and conversations(): reply links, conversation order, times, cycles, twcs."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import empathylab as el
from empathylab.conversations import conversations, threads


def _chain() -> pd.DataFrame:
    """c1 -> a1 -> a2 (reply to a reply) -> c2 -> b1; c3 unanswered; times in minutes."""
    t0 = pd.Timestamp("2024-05-01 10:00", tz="UTC")
    rows = [
        ("c1", None, "customer", None, 0, "My parcel is late and nobody answers. Terrible."),
        ("a1", "c1", "agent", "ann", 10, "Sorry to hear that, I am checking it now."),
        ("a2", "a1", "agent", "ann", 12, "It will arrive tomorrow."),
        ("c2", "a2", "customer", None, 30, "Thanks, that is great news!"),
        ("b1", "c2", "bot", "bot-1", 31, "Glad we could help."),
        ("c3", None, "customer", None, 50, "Another question about my invoice"),
    ]
    return pd.DataFrame({
        "feedback_id": [r[0] for r in rows],
        "in_response_to": [r[1] for r in rows],
        "author_role": [r[2] for r in rows],
        "agent_id": [r[3] for r in rows],
        "timestamp": [t0 + pd.Timedelta(minutes=r[4]) for r in rows],
        "text": [r[5] for r in rows],
        "conversation_id": ["T1"] * 5 + ["T2"],
        "channel": "chat",
        "customer_id": ["k1", None, None, "k1", None, "k1"],
    }, index=[10, 11, 12, 13, 14, 15])


def test_reply_chain_pairs_answer_and_next_message():
    out = threads(_chain(), recovery=False)
    assert out.index.tolist() == [11, 12, 14]
    assert out["reply_id"].tolist() == ["a1", "a2", "b1"]
    # a2 answers a1, a reply: its customer message is c1, found through the chain
    assert out["customer_message_id"].tolist() == ["c1", "c1", "c2"]
    assert out["next_customer_id"].tolist()[:2] == ["c2", "c2"]
    assert pd.isna(out["next_customer_id"].iloc[2])
    assert out["response_seconds"].tolist() == [600.0, 720.0, 60.0]
    assert out["turn"].tolist() == [1, 2, 3]
    assert out["n_turns"].tolist() == [3, 3, 3]
    assert out["author_role"].tolist() == ["agent", "agent", "bot"]
    assert (out["pairing"] == "reply_to").all()
    assert out["customer_id"].tolist() == ["k1", "k1", "k1"]
    assert out["channel"].tolist() == ["chat"] * 3


def test_recovery_columns():
    out = threads(_chain(), lang="en")
    first = out.iloc[0]
    assert first["sentiment_before"] < 0 < first["sentiment_after"]
    assert first["recovery"] == pytest.approx(first["sentiment_after"] - first["sentiment_before"])
    assert first["recovered"] is True or bool(first["recovered"]) is True
    # b1 answers a positive message and has no next one: recovery undefined
    assert pd.isna(out["recovered"].iloc[2]) and pd.isna(out["sentiment_after"].iloc[2])
    scores = el.sentiment(pd.Series(["My parcel is late and nobody answers. Terrible."]), lang="en")
    assert first["sentiment_before"] == pytest.approx(scores["compound"].iloc[0])


def test_recovered_is_false_when_the_next_message_stays_negative():
    df = _chain()
    df.loc[13, "text"] = "Still nothing. This is awful and I am angry."
    out = threads(df, lang="en")
    assert out["recovered"].tolist()[:2] == [False, False]


def test_conversation_order_without_links():
    df = _chain().drop(columns=["in_response_to"])
    out = threads(df, recovery=False)
    assert (out["pairing"] == "order").all()
    assert out["customer_message_id"].tolist() == ["c1", "c1", "c2"]
    assert out["next_customer_id"].tolist()[:2] == ["c2", "c2"]
    # rows shuffled: the order comes from the timestamps
    shuffled = threads(df.sample(frac=1, random_state=3), recovery=False).sort_index()
    pd.testing.assert_frame_equal(shuffled, out)


def test_reply_to_none_ignores_links():
    df = _chain()
    df["in_response_to"] = ["", "c3", "c3", "a2", "c2", ""]  # wrong links
    out = threads(df, reply_to=None, recovery=False)
    assert out["customer_message_id"].tolist() == ["c1", "c1", "c2"]


def test_mixed_time_zones_give_true_response_times():
    df = _chain().drop(columns=["in_response_to"])
    # the same instants written in two zones, as text
    times = df["timestamp"].astype(object)
    df["timestamp"] = [
        t.tz_convert("Europe/Berlin").isoformat() if i % 2 else t.isoformat()
        for i, t in enumerate(times)
    ]
    out = threads(df, recovery=False)
    assert out["response_seconds"].tolist() == [600.0, 720.0, 60.0]
    assert str(out["reply_time"].dt.tz) == "UTC"


def test_naive_timestamps_and_no_timestamp():
    df = _chain()
    df["timestamp"] = df["timestamp"].dt.tz_localize(None)
    assert threads(df, recovery=False)["response_seconds"].tolist() == [600.0, 720.0, 60.0]
    out = threads(df.drop(columns="timestamp"), timestamp=None, recovery=False)
    assert out["customer_message_id"].tolist() == ["c1", "c1", "c2"]
    assert out["response_time"].isna().all()


def test_missing_link_targets_warn_and_stay_na():
    df = _chain()
    df.loc[11, "in_response_to"] = "gone"
    with pytest.warns(el.DataQualityWarning, match="1 of 3 replies answer a message that is not"):
        out = threads(df, recovery=False)
    assert pd.isna(out.loc[11, "customer_message"])
    assert out.loc[11, "next_customer_id"] == "c2"  # c2 still answers a2, a reply to a1
    assert pd.isna(out.loc[12, "customer_message_id"])


def test_unlinked_reply_falls_back_to_order():
    df = _chain()
    df.loc[14, "in_response_to"] = None
    out = threads(df, recovery=False)
    assert out.loc[14, "pairing"] == "order"
    assert out.loc[14, "customer_message_id"] == "c2"


def test_cycles_raise_or_break():
    df = _chain()
    df.loc[10, "in_response_to"] = "c2"  # c1 -> c2 -> a2 -> a1 -> c1
    with pytest.raises(el.FeedbackFormatError, match="cycle"):
        threads(df, recovery=False)
    with pytest.warns(el.DataQualityWarning, match="cut at its earliest message"):
        out = threads(df, recovery=False, on_cycle="break")
    assert out["customer_message_id"].tolist() == ["c1", "c1", "c2"]
    self_link = _chain()
    self_link.loc[11, "in_response_to"] = "a1"
    with pytest.raises(el.FeedbackFormatError, match="a1 -> a1"):
        threads(self_link, recovery=False)


def test_negative_response_time_is_na_with_warning():
    df = _chain()
    df.loc[11, "timestamp"] = df.loc[10, "timestamp"] - pd.Timedelta(minutes=5)
    with pytest.warns(el.DataQualityWarning, match="older than the message they answer"):
        out = threads(df, recovery=False)
    assert pd.isna(out.loc[11, "response_seconds"])


def test_keep_and_errors():
    df = _chain().assign(Team="service-en")
    assert threads(df, keep=["Team"], recovery=False)["Team"].tolist() == ["service-en"] * 3
    with pytest.raises(el.MissingColumnError, match="did you mean 'Team'"):
        threads(df, keep=["team"], recovery=False)
    with pytest.raises(el.MissingColumnError, match="reply_to"):
        threads(df, reply_to="parent", recovery=False)
    with pytest.raises(el.MissingColumnError, match="conversation"):
        threads(df.drop(columns=["in_response_to", "conversation_id"]), recovery=False)
    with pytest.raises(ValueError, match="on_cycle"):
        threads(df, on_cycle="ignore")
    bad = df.assign(timestamp=["x", *df["timestamp"].astype(str).tolist()[1:]])
    with pytest.raises(el.FeedbackFormatError, match="row 10"):
        threads(bad, recovery=False)


def test_unknown_roles_are_left_out_with_a_warning():
    df = _chain()
    df["author_role"] = df["author_role"].astype(object)
    df.loc[12, "author_role"] = "system"
    with pytest.warns(el.DataQualityWarning, match="system"):
        out = threads(df, recovery=False)
    assert out["reply_id"].tolist() == ["a1", "b1"]
    # c2's link to the left-out a2 is cut: c2 follows nobody
    assert pd.isna(out.loc[11, "next_customer_id"])


def test_score_empathy_without_module_is_a_clear_import_error(monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "empathylab.empathy", None)
    with pytest.raises(ImportError, match="score_empathy=True"):
        threads(_chain(), recovery=False, score_empathy=True)


def test_score_empathy_joins_the_scorer_columns(monkeypatch):
    import sys
    import types

    calls = {}

    def empathy_score(replies, context=None):
        calls["context"] = list(context)
        return pd.DataFrame({"empathy": replies.str.len().astype(float)}, index=replies.index)

    module = types.ModuleType("empathylab.empathy")
    module.empathy_score = empathy_score  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "empathylab.empathy", module)
    out = threads(_chain(), recovery=False, score_empathy=True)
    assert out["empathy"].tolist() == out["reply_text"].str.len().astype(float).tolist()
    assert calls["context"][0] == _chain().loc[10, "text"]


def test_empty_and_customer_only_data():
    df = _chain()
    out = threads(df[df["author_role"] == "customer"], recovery=False)
    assert len(out) == 0 and "customer_message" in out.columns
    out = threads(df.iloc[:0], recovery=True)
    assert len(out) == 0


def test_conversations_summary():
    c = conversations(_chain(), lang="en").set_index("conversation_id")
    assert c.loc["T1", "n_messages"] == 5 and c.loc["T1", "n_turns"] == 3
    assert c.loc["T1", "n_bot_replies"] == 1 and c.loc["T1", "handled_by"] == "bot+agent"
    assert c.loc["T1", "first_response_seconds"] == 600.0
    assert bool(c.loc["T1", "answered"]) and not bool(c.loc["T2", "answered"])
    assert c.loc["T2", "unanswered_messages"] == 1 and c.loc["T2", "handled_by"] == "none"
    assert c.loc["T1", "recovery"] > 0
    with pytest.raises(TypeError, match="unexpected"):
        conversations(_chain(), colour="red")


def test_accessor_delegates():
    df = _chain()
    pd.testing.assert_frame_equal(df.cx.threads(recovery=False), threads(df, recovery=False))


# --- the Customer Support on Twitter head (../shared/data/twcs_head) --------------------


def _naive_pairs(raw: pd.DataFrame) -> dict[str, tuple[str | None, str | None]]:
    """Reference pairing, written independently from the raw CSV with dicts and loops."""
    def clean(v: object) -> str | None:
        if pd.isna(v) or str(v).strip() == "":
            return None
        return str(v).strip().removesuffix(".0")

    rows = {clean(r.tweet_id): r for r in raw.itertuples(index=False)}
    inbound = {k: str(r.inbound).strip().lower() == "true" for k, r in rows.items()}
    parent = {k: clean(r.in_response_to_tweet_id) for k, r in rows.items()}
    children: dict[str, list[str]] = {}
    for k, p in parent.items():
        if p is not None:
            children.setdefault(p, []).append(k)
    when = {k: pd.Timestamp(pd.to_datetime(r.created_at, format="%a %b %d %H:%M:%S %z %Y"))
            for k, r in rows.items()}
    out = {}
    for k in rows:
        if inbound[k]:
            continue
        up = parent[k]
        while up is not None and up in rows and not inbound[up]:
            up = parent[up]
        answered = up if up is not None and up in rows else None
        # customer messages below k, through replies only
        found, stack = [], list(children.get(k, []))
        while stack:
            c = stack.pop()
            if c not in rows:
                continue
            if inbound[c]:
                found.append(c)
            else:
                stack.extend(children.get(c, []))
        nxt = min(found, key=lambda c: when[c]) if found else None
        out[k] = (answered, nxt)
    return out


@pytest.fixture
def twcs(shared_data):
    path = shared_data / "twcs_head" / "twcs.csv"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", el.DataQualityWarning)
        df = el.read_feedback(path, preset="twitter")
    return path, df


def test_twcs_known_pairs(twcs):
    _, df = twcs
    with pytest.warns(el.DataQualityWarning, match="3 of 2222 replies"):
        out = threads(df, recovery=False)
    by_id = out.set_index("reply_id")
    # read off the CSV: tweet 1 (sprintcare) answers 3 and is answered by 2
    assert by_id.loc["1", "customer_message_id"] == "3"
    assert by_id.loc["1", "customer_message"].startswith("@sprintcare I have sent several")
    assert by_id.loc["1", "next_customer_id"] == "2"
    assert by_id.loc["1", "response_seconds"] == 140.0  # 22:08:27 -> 22:10:47
    assert by_id.loc["4", "customer_message_id"] == "5"
    assert by_id.loc["4", "response_seconds"] == 314.0  # 21:49:35 -> 21:54:49
    assert by_id.loc["6", "customer_message_id"] == "8"
    assert by_id.loc["6", "next_customer_id"] == "5"
    assert pd.isna(by_id.loc["11", "next_customer_id"])  # no response_tweet_id
    assert by_id.loc["1", "agent_id"] == "sprintcare"
    assert by_id.loc["1", "customer_id"] == "115712"


def test_twcs_counts_match_an_independent_pairing(twcs):
    path, df = twcs
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", el.DataQualityWarning)
        out = threads(df, recovery=False)
    # bare CRs inside two texts: only \n ends a record
    raw = pd.read_csv(path, dtype=str, keep_default_na=False, lineterminator="\n")
    ref = _naive_pairs(raw)
    assert len(out) == len(ref) == int((raw["inbound"] == "False").sum())
    linked = out[out["pairing"] == "reply_to"].set_index("reply_id")
    for rid, row in linked.iterrows():
        answered, nxt = ref[str(rid)]
        assert (None if pd.isna(row["customer_message_id"]) else row["customer_message_id"]) \
            == answered, rid
        assert (None if pd.isna(row["next_customer_id"]) else row["next_customer_id"]) == nxt, rid
    paired = out["customer_message"].notna()
    assert paired.sum() == sum(a is not None for a, _ in ref.values())
    assert (out["response_seconds"].dropna() >= 0).all()
    assert out["response_seconds"].notna().sum() == paired.sum()


def test_twcs_bot_vs_human_and_recovery(twcs):
    _, df = twcs
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", el.DataQualityWarning)
        out = threads(df)
    table = el.bot_vs_human(out)
    assert table["author_role"].tolist() == ["agent"]
    eligible = out["recovered"].notna()
    assert table.loc[0, "n_recovery"] == eligible.sum() > 50
    assert table.loc[0, "recovery_rate"] == pytest.approx(out["recovered"][eligible].mean())
    assert table.loc[0, "ci_low"] < table.loc[0, "recovery_rate"] < table.loc[0, "ci_high"]
    assert table.loc[0, "response_median_s"] == pytest.approx(out["response_seconds"].median())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", el.DataQualityWarning)
        c = conversations(df, recovery=False)
    assert c["n_messages"].sum() == len(df)
    assert (c["first_response_seconds"].dropna() >= 0).all()
    assert np.isin(c["handled_by"], ["agent", "none"]).all()


# --- property test: any reply forest, against a plain-Python pairing ---------------------


def _reference(df: pd.DataFrame) -> dict[str, tuple[str | None, str | None]]:
    role = dict(zip(df["feedback_id"], df["author_role"], strict=True))
    parent = dict(zip(df["feedback_id"], df["in_response_to"], strict=True))
    when = dict(zip(df["feedback_id"], df["timestamp"], strict=True))
    children: dict[str, list[str]] = {}
    for k, p in parent.items():
        if p is not None:
            children.setdefault(p, []).append(k)
    out = {}
    for k in df["feedback_id"]:
        if role[k] == "customer":
            continue
        up = parent[k]
        while up is not None and up in role and role[up] != "customer":
            up = parent[up]
        answered = up if up is not None and up in role else None
        found, stack = [], list(children.get(k, []))
        while stack:
            c = stack.pop()
            if role[c] == "customer":
                found.append(c)
            else:
                stack.extend(children.get(c, []))
        out[k] = (answered, min(found, key=lambda c: (when[c], c)) if found else None)
    return out


@st.composite
def _forests(draw):
    n = draw(st.integers(1, 25))
    rows, t = [], pd.Timestamp("2024-01-01", tz="Europe/Berlin")
    for i in range(n):
        t = t + pd.Timedelta(seconds=draw(st.integers(1, 5000)))
        parent = draw(st.one_of(st.none(), st.integers(0, i - 1) if i else st.none(),
                                st.just(-1)))
        link = None if parent is None else ("gone" if parent == -1 else f"m{parent}")
        rows.append((f"m{i}", link, draw(st.sampled_from(["customer", "agent", "bot"])), t))
    return pd.DataFrame(rows, columns=["feedback_id", "in_response_to", "author_role",
                                       "timestamp"]).assign(text="x")


@settings(max_examples=60, deadline=None)
@given(_forests(), st.randoms(use_true_random=False))
def test_any_forest_matches_the_reference(df, random):
    order = list(range(len(df)))
    random.shuffle(order)
    shuffled = df.iloc[order]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", el.DataQualityWarning)
        out = threads(shuffled, recovery=False)
    ref = _reference(df)
    assert sorted(out["reply_id"]) == sorted(ref)
    for row in out.itertuples():
        answered, nxt = ref[row.reply_id]
        got_a = None if pd.isna(row.customer_message_id) else row.customer_message_id
        got_n = None if pd.isna(row.next_customer_id) else row.next_customer_id
        # unlinked replies start their thread: the conversation order agrees with the links
        assert (got_a, got_n) == (answered, nxt), row.pairing
    assert (out["response_seconds"].dropna() >= 0).all()
