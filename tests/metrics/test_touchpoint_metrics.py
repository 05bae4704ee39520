"""touchpoint_metrics() and period_deltas(): sample data, hand-made conversations, flags."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import empathylab as el
from empathylab.metrics import nps, period_deltas, period_labels, touchpoint_metrics
from empathylab.metrics.touchpoint_metrics import METRIC_COLUMNS


@pytest.fixture
def sample(scored_sample) -> pd.DataFrame:
    return scored_sample


def quiet(*args, **kwargs) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", el.SmallSampleWarning)
        return touchpoint_metrics(*args, **kwargs)


def test_sample_columns_and_values(sample):
    with pytest.warns(el.SmallSampleWarning, match="fewer than min_n=30"):
        table = touchpoint_metrics(sample)
    assert table.columns.tolist() == ["touchpoint", "quarter", *METRIC_COLUMNS]
    customers = sample[sample["author_role"] == "customer"]
    assert int(table["n"].sum()) == len(customers)  # nothing dropped (NA touchpoint kept)
    assert table["touchpoint"].isna().any()
    shares = table.groupby("quarter")["share"].sum()
    np.testing.assert_allclose(shares, 1.0)
    assert table["quarter"].str.fullmatch(r"\d{4}-Q[1-4]").all()
    # sentiment present after df.cx.sentiment()
    assert table["sentiment_mean"].between(-1, 1).all()
    has_ci = table["sentiment_n"] >= 2
    assert table.loc[has_ci, "sentiment_ci_low"].notna().all()
    assert table.loc[~has_ci, "sentiment_ci_low"].isna().all()
    scored = table[has_ci]
    assert (scored["sentiment_ci_low"] <= scored["sentiment_mean"]).all()
    assert (scored["sentiment_mean"] <= scored["sentiment_ci_high"]).all()
    assert (scored["negative_ci_low"] <= scored["negative_share"]).all()
    # one group recomputed by hand
    row = table[(table["touchpoint"] == "delivery") & (table["quarter"] == "2025-Q4")].iloc[0]
    part = customers[(customers["touchpoint"] == "delivery")
                     & (customers["timestamp"] >= "2025-10-01")
                     & (customers["timestamp"] < "2026-01-01")]
    assert row["n"] == len(part)
    assert row["sentiment_mean"] == pytest.approx(part["compound"].mean())
    assert row["negative_share"] == pytest.approx((part["label"] == "negative").mean())
    expected = nps(part["nps"])
    assert row["nps_n"] == expected.n
    assert row["nps"] == pytest.approx(expected.value)
    assert (row["nps_ci_low"], row["nps_ci_high"]) == (pytest.approx(expected.ci_low),
                                                       pytest.approx(expected.ci_high))
    sat = part["csat"].dropna()
    assert row["csat"] == pytest.approx((sat >= 4).mean())
    assert row["ces"] == pytest.approx(part["ces"].mean())
    assert row["n_conversations"] == part["conversation_id"].nunique()
    assert row["first_response_hours"] > 0
    assert pd.isna(row["escalation_rate"]) and pd.isna(row["empathy_mean"])


def test_small_groups_flagged_not_hidden(sample):
    with pytest.warns(el.SmallSampleWarning) as caught:
        table = touchpoint_metrics(sample, by=("touchpoint", "quarter"), min_n=30)
    assert len([w for w in caught if issubclass(w.category, el.SmallSampleWarning)]) == 1
    assert (table["small_sample"] == (table["n"] < 30)).all()
    assert table["small_sample"].any() and (~table["small_sample"]).any()
    small = table[table["small_sample"] & (table["nps_n"] > 0)]
    assert small["nps"].notna().all()  # figures kept
    with warnings.catch_warnings():
        warnings.simplefilter("error", el.SmallSampleWarning)
        big = touchpoint_metrics(sample, by="touchpoint", min_n=1)
    assert not big["small_sample"].any()


def test_fiscal_quarters_and_weeks(sample):
    table = quiet(sample, by="quarter", fiscal_year_start=10)
    assert table["quarter"].iloc[0] == "FY2025-Q1"  # the data start in October 2024
    weeks = quiet(sample, by=("week",))
    assert weeks["week"].str.fullmatch(r"\d{4}-W\d{2}").all()
    assert int(weeks["n"].sum()) == int((sample["author_role"] == "customer").sum())


def conversation_frame() -> pd.DataFrame:
    t0 = pd.Timestamp("2025-03-03 09:00")
    rows = [
        # c1: customer 09:00, bot 09:01, customer 09:10, agent 11:30, agent 12:00 -> 2.5 h, 3 h
        ("c1", "k1", "customer", 0, "delivery", "chat", 1),
        ("c1", "k1", "bot", 1, "delivery", "chat", None),
        ("c1", "k1", "customer", 10, "delivery", "chat", None),
        ("c1", "k1", "agent", 150, "delivery", "chat", None),
        ("c1", "k1", "agent", 180, "delivery", "chat", None),
        # c2: same customer again 3 days later, reply after 30 min
        ("c2", "k1", "customer", 3 * 1440, "delivery", "email", 9),
        ("c2", "k1", "agent", 3 * 1440 + 30, "delivery", "email", None),
        # c3: another customer, no reply yet (not resolved, no response time)
        ("c3", "k2", "customer", 60, "delivery", "phone", 10),
        # c4: k2 answers a survey two days later: not a contact
        ("c4", "k2", "customer", 2 * 1440, "delivery", "survey", 3),
        # c5: k3 at returns, then again 10 days later (outside the 7-day window)
        ("c5", "k3", "customer", 0, "returns", "chat", None),
        ("c5", "k3", "agent", 45, "returns", "chat", None),
        ("c6", "k3", "customer", 10 * 1440, "returns", "chat", None),
    ]
    return pd.DataFrame({
        "conversation_id": [r[0] for r in rows], "customer_id": [r[1] for r in rows],
        "author_role": [r[2] for r in rows],
        "timestamp": [t0 + pd.Timedelta(minutes=r[3]) for r in rows],
        "touchpoint": [r[4] for r in rows], "channel": [r[5] for r in rows],
        "nps": [r[6] for r in rows], "text": "x",
    })


def test_response_resolution_and_repeat_contacts_by_hand():
    table = quiet(conversation_frame(), by="touchpoint").set_index("touchpoint")
    d = table.loc["delivery"]
    assert d["n"] == 5 and d["n_conversations"] == 4
    # responses: c1 150 min (bot does not count), c2 30 min -> median 1.5 h, mean 1.5 h
    assert d["n_responded"] == 2
    assert d["first_response_hours"] == pytest.approx((2.5 + 0.5) / 2)
    # resolution = last message - first for conversations with a reply: c1 3 h, c2 0.5 h
    assert d["n_resolved"] == 2
    assert d["resolution_hours"] == pytest.approx((3.0 + 0.5) / 2)
    # contacts: k1 (c1 then c2 within 7 days: repeat), k2 (c3; c4 is a survey): 1 of 2
    assert d["contact_customers"] == 2
    assert d["repeat_contact_rate"] == pytest.approx(0.5)
    r = table.loc["returns"]
    assert r["first_response_hours"] == pytest.approx(0.75)
    assert r["repeat_contact_rate"] == 0.0  # 10 days is outside the window
    wide = quiet(conversation_frame(), by="touchpoint", repeat_window="14D")
    assert wide.set_index("touchpoint").loc["returns", "repeat_contact_rate"] == 1.0


def test_status_solved_at_and_escalated_columns():
    df = conversation_frame()
    df["escalated"] = df["conversation_id"].isin(["c1"])
    solved = quiet(df.assign(solved_at=df["timestamp"] + pd.Timedelta(hours=5)),
                   by="touchpoint").set_index("touchpoint")
    # solved_at (max per conversation) minus the first customer message
    # c1: 12:00 + 5 h - 09:00 = 8 h; c2: 0.5 + 5; c3: 5; c4: 5
    assert solved.loc["delivery", "resolution_hours"] == pytest.approx(np.median([8, 5.5, 5, 5]))
    status = np.where(df["conversation_id"].isin(["c2"]), "solved", "open")
    by_status = quiet(df.assign(status=status), by="touchpoint").set_index("touchpoint")
    assert by_status.loc["delivery", "n_resolved"] == 1
    assert by_status.loc["delivery", "resolution_hours"] == pytest.approx(0.5)
    assert solved.loc["delivery", "escalation_rate"] == pytest.approx(1 / 4)
    assert solved.loc["returns", "escalation_rate"] == 0.0


def test_list_valued_touchpoints_are_exploded():
    df = pd.DataFrame({
        "touchpoints": [["delivery", "returns"], ["delivery"], [], ["app"]],
        "nps": [10, 2, 8, 9], "text": "x",
        "timestamp": pd.to_datetime(["2025-01-02"] * 4),
    })
    table = quiet(df, by=("touchpoint", "quarter")).set_index("touchpoint")
    assert table.loc["delivery", "n"] == 2 and table.loc["returns", "n"] == 1
    # the share's denominator counts each message once: 4 messages in the quarter
    assert table.loc["delivery", "share"] == pytest.approx(2 / 4)
    assert table["share"].sum() == pytest.approx(5 / 4)  # more than 1, as documented
    assert table.loc["delivery", "nps"] == pytest.approx(0.0)
    na_row = table[table.index.isna()]
    assert na_row["n"].item() == 1  # the empty list: no touchpoint, kept


def test_empathy_column_is_averaged_over_replies():
    df = conversation_frame()
    df["empathy"] = np.where(df["author_role"] == "agent", 80.0, np.nan)
    df.loc[df.index[3], "empathy"] = 40.0
    table = quiet(df, by="touchpoint").set_index("touchpoint")
    assert table.loc["delivery", "empathy_n"] == 3
    assert table.loc["delivery", "empathy_mean"] == pytest.approx((40 + 80 + 80) / 3)
    assert 0 <= table.loc["delivery", "empathy_ci_low"] <= 200 / 3


def test_errors():
    df = conversation_frame()
    with pytest.raises(el.MissingColumnError, match="did you mean 'touchpoint'"):
        touchpoint_metrics(df, by="touchpiont")
    with pytest.raises(ValueError, match=r"column 'nps'.*but 11 was found at position 2"):
        touchpoint_metrics(df.assign(nps=[1, None, 11] + [None] * 9), by="touchpoint")
    with pytest.raises(el.MissingColumnError, match="timestamp"):
        touchpoint_metrics(df.drop(columns="timestamp"), by="quarter")
    with pytest.raises(TypeError, match="DataFrame"):
        touchpoint_metrics([1, 2])


def test_input_not_mutated(sample):
    before = sample.copy()
    quiet(sample)
    pd.testing.assert_frame_equal(sample, before)


def planted_quarters(rng, n=400, drop=0.25) -> pd.DataFrame:
    """Two quarters per touchpoint; 'delivery' loses `drop` of promoters in Q2."""
    rows = []
    for tp in ("delivery", "app"):
        for q, month in ((1, "2025-02-01"), (2, "2025-05-01")):
            pro = 0.5 - (drop if (tp == "delivery" and q == 2) else 0.0)
            cats = rng.choice([10, 8, 3], size=n, p=[pro, 0.3, 0.7 - pro])
            rows.append(pd.DataFrame({"touchpoint": tp, "timestamp": pd.Timestamp(month),
                                      "nps": cats, "text": "x"}))
    return pd.concat(rows, ignore_index=True)


def test_quarter_over_quarter_deltas(rng):
    table = quiet(planted_quarters(rng), by=("touchpoint", "quarter"))
    deltas = period_deltas(table, "nps")
    assert deltas.columns.tolist()[:4] == ["touchpoint", "period", "previous_period", "metric"]
    assert len(deltas) == 2 and (deltas["previous_period"] == "2025-Q1").all()
    d = deltas.set_index("touchpoint")
    assert d.loc["delivery", "delta"] == pytest.approx(
        d.loc["delivery", "value"] - d.loc["delivery", "previous_value"])
    assert d.loc["delivery", "delta"] < 0 and d.loc["delivery", "p_adjusted"] < 0.001
    assert d.loc["delivery", "ci_high"] < 0
    assert d.loc["app", "ci_low"] < 0 < d.loc["app", "ci_high"]
    assert (d["p_adjusted"] >= d["p_value"]).all()
    assert not d["small_sample"].any()
    for metric, test in (("csat", "two_proportion_z"), ("sentiment_mean", "welch_t")):
        assert period_deltas(table, metric).empty  # no such data: no rows
        assert test


def test_deltas_skip_gaps_and_check_input(sample):
    table = quiet(sample, by="quarter")
    deltas = period_deltas(table, "negative_share")
    assert (deltas["test"] == "two_proportion_z").all()
    from empathylab.metrics import period_ordinal

    gap = period_ordinal(deltas["period"]) - period_ordinal(deltas["previous_period"])
    assert (gap == 1).all()
    without = table[table["quarter"] != "2025-Q2"]
    assert "2025-Q3" not in period_deltas(without, "nps")["period"].tolist()
    means = period_deltas(table, "sentiment_mean")
    assert (means["test"] == "welch_t").all()
    tested = means[(means["n"] >= 2) & (means["previous_n"] >= 2)]
    assert len(tested) >= 6 and tested["p_value"].between(0, 1).all()
    assert means.loc[means["n"] < 2, "p_value"].isna().all()  # 2026-Q4 has one message
    with pytest.raises(ValueError, match="no period column"):
        period_deltas(quiet(sample, by="touchpoint"))
    with pytest.raises(ValueError, match="`metric` must be one of"):
        period_deltas(table, "nsp")


def test_accessor_delegates(sample):
    pd.testing.assert_frame_equal(sample.cx.touchpoint_metrics(by="touchpoint", min_n=1),
                                  touchpoint_metrics(sample, by="touchpoint", min_n=1))
    r = sample.cx.nps()
    expected = nps(sample["nps"])
    assert (r.value, r.ci_low, r.n) == (expected.value, expected.ci_low, expected.n)
    assert el.nps is nps and el.touchpoint_metrics is touchpoint_metrics
    with pytest.raises(el.MissingColumnError):
        sample.cx.nps(column="NPS_score")


def test_index_labels_duplicates_and_time_zones_do_not_matter():
    df = conversation_frame()
    base = quiet(df, by=("touchpoint", "quarter"))
    labelled = quiet(df.set_axis([f"r{i}" for i in range(len(df))]), by=("touchpoint", "quarter"))
    duplicated = quiet(df.set_axis([0] * len(df)), by=("touchpoint", "quarter"))
    zoned = quiet(df.assign(timestamp=df["timestamp"].dt.tz_localize("Europe/Berlin")),
                  by=("touchpoint", "quarter"))
    for other in (labelled, duplicated, zoned):
        pd.testing.assert_frame_equal(other, base)


_rows = st.lists(st.tuples(st.sampled_from(["a", "b", "c", None]),
                           st.one_of(st.none(), st.integers(0, 10)),
                           st.integers(0, 400)), min_size=1, max_size=60)


@settings(max_examples=40, deadline=None)
@given(_rows)
def test_groups_agree_with_nps_on_each_subset(rows):
    df = pd.DataFrame({
        "touchpoint": [r[0] for r in rows], "nps": [r[1] for r in rows],
        "timestamp": [pd.Timestamp("2025-01-01") + pd.Timedelta(days=r[2]) for r in rows],
    })
    df["nps"] = df["nps"].astype("float64")
    table = quiet(df, by=("touchpoint", "quarter"))
    assert int(table["n"].sum()) == len(df)
    np.testing.assert_allclose(table.groupby("quarter")["share"].sum(), 1.0)
    for row in table.itertuples():
        part = df[(df["touchpoint"].isna() if pd.isna(row.touchpoint)
                   else df["touchpoint"] == row.touchpoint)
                  & (period_labels(df["timestamp"]) == row.quarter)]
        assert row.n == len(part)
        if part["nps"].notna().any():
            expected = nps(part["nps"])
            assert row.nps == pytest.approx(expected.value)
            assert row.nps_ci_low == pytest.approx(expected.ci_low)
        else:
            assert row.nps_n == 0 and pd.isna(row.nps)
