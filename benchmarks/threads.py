"""Conversation threading and intent detection: throughput and the twcs pairing counts.

Run: ``.venv/bin/python benchmarks/threads.py [n_rows]`` (default 200,000; a few minutes
on two cores).

Data
    The first 5,000 rows of Customer Support on Twitter (``../shared/data/twcs_head``),
    read with ``read_feedback(preset="twitter")``; without ``../shared`` the bundled
    ``twitter_support`` sample. For the speed runs the rows are replicated to
    ``n_rows`` with a copy number added to every id and reply link, so each copy is
    a separate set of threads of the same shape.

Pairing counts
    On the original rows: replies, replies paired with the customer message they
    answer and with the customer's next message, links to tweets not in the head,
    conversations, median response time.

Baseline
    A per-row Python pairing loop (dicts of parents and children, a walk up to the
    answered customer message and down to the earliest next one), the way one
    would write it without vectorising, timed once on the same rows. Its pairs are
    checked against ``threads()`` before timing counts.

Measured
    ``threads(df, recovery=False)`` (pairing only), best of 2; ``threads(df)`` with
    the sentiment recovery columns, once; ``detect_intents`` on the customer texts
    of the replicated rows, with the anchor prefilter (default) and without it; and
    the churn cues against the planted churn threats (``true_churn_threat``) of the
    bundled synthetic samples.
"""

from __future__ import annotations

import sys
import time
import warnings
from pathlib import Path

import pandas as pd

import empathylab as el
from empathylab.intents import INTENTS, detect_intents

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def _load() -> tuple[pd.DataFrame, str]:
    path = SHARED / "twcs_head" / "twcs.csv"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", el.DataQualityWarning)
        if path.exists():
            return el.read_feedback(path, preset="twitter"), "twcs_head (5,000 rows)"
        from empathylab.datasets import sample_path

        return el.read_feedback(sample_path("twitter_support")), "bundled twitter_support"


def _replicate(df: pd.DataFrame, n_rows: int) -> pd.DataFrame:
    copies = -(-n_rows // len(df))
    parts = []
    for k in range(copies):
        part = df[["feedback_id", "in_response_to_tweet_id", "conversation_id", "author_role",
                   "agent_id", "customer_id", "channel", "timestamp", "text"]].copy()
        suffix = f"-{k}"
        part["feedback_id"] = part["feedback_id"].astype("string") + suffix
        part["conversation_id"] = part["conversation_id"].astype("string") + suffix
        link = part["in_response_to_tweet_id"].astype("string")
        part["in_response_to_tweet_id"] = link + suffix  # NA stays NA
        parts.append(part)
    return pd.concat(parts, ignore_index=True).iloc[:n_rows]


def naive_pairs(df: pd.DataFrame) -> dict[str, tuple[str | None, str | None]]:
    """Reply id -> (answered customer message id, next customer message id), row by row."""
    ids = df["feedback_id"].astype(str).tolist()
    links = [None if pd.isna(v) else str(v) for v in df["in_response_to_tweet_id"]]
    roles = df["author_role"].astype(str).tolist()
    times = df["timestamp"].tolist()
    role = dict(zip(ids, roles, strict=True))
    when = dict(zip(ids, times, strict=True))
    parent = dict(zip(ids, links, strict=True))
    children: dict[str, list[str]] = {}
    for k, p in parent.items():
        if p is not None:
            children.setdefault(p, []).append(k)
    out: dict[str, tuple[str | None, str | None]] = {}
    for k in ids:
        if role[k] == "customer":
            continue
        up = parent[k]
        while up is not None and up in role and role[up] != "customer":
            up = parent[up]
        answered = up if up is not None and up in role else None
        found: list[str] = []
        stack = list(children.get(k, []))
        while stack:
            c = stack.pop()
            if c not in role:
                continue
            if role[c] == "customer":
                found.append(c)
            else:
                stack.extend(children.get(c, []))
        out[k] = (answered, min(found, key=lambda c: (when[c], c)) if found else None)
    return out


def _best(fn, repeat: int) -> float:  # type: ignore[no-untyped-def]
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def main(n_rows: int = 200_000) -> None:
    df, name = _load()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", el.DataQualityWarning)
        t = el.threads(df, recovery=False)
        conv = el.conversations(df, recovery=False)
    linked = t["pairing"] == "reply_to"
    print(f"data: {name}; {len(df):,} messages, {int((df['author_role'] == 'customer').sum()):,} "
          f"customer, {len(t):,} agent/bot replies")
    answered = int(t["customer_message"].notna().sum())
    following = int(t["next_customer_message"].notna().sum())
    by_order, unplaced = int((t["pairing"] == "order").sum()), int((t["pairing"] == "none").sum())
    print(f"  replies paired with the message they answer: {answered:,}; with the customer's "
          f"next message: {following:,}")
    print(f"  replies by link: {int(linked.sum()):,}; without a link (conversation order): "
          f"{by_order:,}; unplaced: {unplaced:,}")
    print(f"  conversations: {len(conv):,}; answered: {int(conv['answered'].sum()):,}; "
          f"median response time {t['response_seconds'].median():.0f} s; "
          f"median first response {conv['first_response_seconds'].median():.0f} s")

    big = _replicate(df, n_rows)
    print(f"\nspeed on {len(big):,} rows ({len(big) // len(df)}+ copies)")
    start = time.perf_counter()
    ref = naive_pairs(big)
    naive = time.perf_counter() - start
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", el.DataQualityWarning)
        out = el.threads(big, recovery=False)
        ours = _best(lambda: el.threads(big, recovery=False), 2)
        start = time.perf_counter()
        el.threads(big)
        with_recovery = time.perf_counter() - start
    got = {r: (None if pd.isna(a) else a, None if pd.isna(b) else b)
           for r, a, b in zip(out["reply_id"], out["customer_message_id"],
                              out["next_customer_id"], strict=True)}
    same = sum(got[k] == v for k, v in ref.items())
    print(f"  pairs equal to the naive loop's: {same:,} of {len(ref):,}")
    print(f"  naive per-row loop: {naive:7.2f} s  ({len(big) / naive:>10,.0f} rows/s)")
    print(f"  threads(recovery=False): {ours:7.2f} s  ({len(big) / ours:>10,.0f} rows/s)"
          f"  {naive / ours:5.1f}x the loop")
    print(f"  threads() with recovery: {with_recovery:7.2f} s  "
          f"({len(big) / with_recovery:>10,.0f} rows/s)")

    texts = big.loc[big["author_role"] == "customer", "text"].reset_index(drop=True)
    detect_intents(texts.head(100))  # compile the rules
    fast = _best(lambda: detect_intents(texts), 2)
    start = time.perf_counter()
    slow_out = detect_intents(texts, prefilter=False)
    slow = time.perf_counter() - start
    fast_out = detect_intents(texts)
    assert fast_out[list(INTENTS)].equals(slow_out[list(INTENTS)])
    rates = ", ".join(f"{k} {v:.2%}" for k, v in fast_out[list(INTENTS)].mean().items())
    print(f"\nintents on {len(texts):,} customer texts: {rates}")
    print(f"  detect_intents (prefilter):    {fast:7.2f} s  ({len(texts) / fast:>10,.0f} texts/s)"
          f"  {slow / fast:5.1f}x without it")
    print(f"  detect_intents(prefilter=False): {slow:5.2f} s  "
          f"({len(texts) / slow:>10,.0f} texts/s)")


def sample_churn() -> None:
    """Churn cues against the planted churn threats of the bundled (synthetic) samples."""
    from empathylab.datasets import load_sample

    truth = load_sample("truth")
    rows = []
    for name in ("feedback_de", "feedback_en", "helpdesk", "twitter_support"):
        df = load_sample(name).assign(source_id=lambda d: d["feedback_id"].astype(str))
        part = df.merge(truth.loc[truth["sample"] == name, ["source_id", "true_churn_threat"]],
                        on="source_id", how="inner")
        rows.append(part[part["author_role"] == "customer"])
    data = pd.concat(rows, ignore_index=True)
    found = detect_intents(data["text"])["churn"].to_numpy()
    true = data["true_churn_threat"].fillna(False).astype(bool).to_numpy()
    hits = int((found & true).sum())
    print(f"\nchurn on the bundled samples' {len(data):,} customer texts "
          f"({int(true.sum())} planted churn threats): detected {int(found.sum())}, "
          f"precision {hits / max(found.sum(), 1):.2f}, recall {hits / max(true.sum(), 1):.2f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200_000)
    sample_churn()
