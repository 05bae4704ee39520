"""Twitter customer-support threads in the public ``twcs.csv`` layout.

Columns: ``tweet_id, author_id, inbound, created_at, text, response_tweet_id,
in_response_to_tweet_id`` (Customer Support on Twitter, Kaggle / Thought Vector).
``inbound`` is True for customers' tweets, False for the brands' replies. The
conversation id is the id of the first tweet of each thread.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ._base import Preset, PresetContext

_TRUE = {"true", "1", "yes", "t", "y"}
_FALSE = {"false", "0", "no", "f", "n"}


def _clean_ids(values: pd.Series) -> pd.Series:
    """Ids as text; ``3.0`` (a float written by pandas) becomes ``3``."""
    text = values.astype("string").str.strip().str.replace(r"^([0-9]+)\.0$", r"\1", regex=True)
    return text.fillna("")


def thread_roots(tweet_id: pd.Series, parent_id: pd.Series) -> pd.Series:
    """Id of the first tweet of each tweet's thread (vectorised pointer jumping).

    A tweet whose parent is not in the data starts its own thread's visible
    part, so its own id is its root. Cycles stop after 64 halvings.

    >>> ids = pd.Series(["1", "2", "3", "9"])
    >>> parents = pd.Series(["", "1", "2.0", "7"])
    >>> thread_roots(ids, parents).tolist()
    ['1', '1', '1', '9']
    """
    ids = _clean_ids(tweet_id).to_numpy(dtype=object)
    parents = _clean_ids(parent_id).to_numpy(dtype=object)
    position = pd.Index(ids)
    if not position.is_unique:
        position = position.drop_duplicates()
    idx = position.get_indexer(parents)
    own = position.get_indexer(ids)
    # pointer[i] = index (into `position`) of the parent of tweet position i, or itself.
    pointer = np.arange(len(position))
    has_parent = idx >= 0
    pointer[own[has_parent]] = idx[has_parent]
    for _ in range(64):
        nxt = pointer[pointer]
        if np.array_equal(nxt, pointer):
            break
        pointer = nxt
    roots = np.asarray(position)[pointer[own]]
    return pd.Series(roots, index=tweet_id.index, dtype="string")


def _prepare(raw: pd.DataFrame, ctx: PresetContext) -> pd.DataFrame:
    out = raw.copy()
    cols = {c.lower(): c for c in raw.columns}
    inbound_col = cols.get("inbound")
    if inbound_col is not None:
        flag = raw[inbound_col].astype("string").str.strip().str.lower()
        inbound = flag.isin(_TRUE)
        unknown = ~(inbound | flag.isin(_FALSE))
        if unknown.any():
            lines = raw.index[unknown].tolist()
            ctx.warn(
                "unknown_value",
                f"{int(unknown.sum())} value(s) of 'inbound' are neither True nor False; "
                "their author_role is left empty",
                column=inbound_col,
                lines=lines,
            )
        role = pd.Series(np.where(inbound, "customer", "agent"), index=raw.index, dtype="string")
        out["author_role"] = role.mask(unknown)
        author = cols.get("author_id")
        if author is not None:
            out["customer_id"] = raw[author].where(inbound)
            out["agent_id"] = raw[author].where(~inbound & ~unknown)
    tweet, parent = cols.get("tweet_id"), cols.get("in_response_to_tweet_id")
    if tweet is not None and parent is not None:
        out["conversation_id"] = thread_roots(raw[tweet], raw[parent])
    return out


PRESET = Preset(
    name="twitter",
    description="Twitter customer-support threads, the public twcs.csv layout.",
    aliases={"feedback_id": ("tweet_id",), "timestamp": ("created_at",), "text": ("text",)},
    signature=(
        "tweet_id",
        "author_id",
        "inbound",
        "created_at",
        "text",
        "response_tweet_id",
        "in_response_to_tweet_id",
    ),
    min_hits=4,
    prepare=_prepare,
    defaults={"channel": "social"},
)
