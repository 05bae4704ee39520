"""``threads()``: each agent or bot reply with the customer message it answers and the
customer's next message, rebuilt from reply links or from conversation order."""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from .._validation import check_argument, check_columns
from ..exceptions import DataQualityWarning, MissingColumnError
from ._links import chain_pairs, clean_ids, nearest_up, parents, roots, to_times

__all__ = ["conversations", "threads"]

#: reply-link columns tried, in this order, when the default ``reply_to`` is absent
#: (``in_response_to_tweet_id`` is the public twcs.csv layout's name)
LINK_ALIASES = ("in_response_to", "in_response_to_tweet_id", "in_reply_to", "parent_id")
_CUSTOMER, _AGENT, _BOT = 0, 1, 2
_ROLES = {"customer": _CUSTOMER, "agent": _AGENT, "bot": _BOT}
_DEFAULT_LINK = "in_response_to"


@dataclass
class _Pairing:
    """Position arrays of one pairing run (shared by threads and conversations)."""

    role: np.ndarray  # int8 role code per row, -1 unknown
    times: pd.Series  # datetime per row (NaT when unknown), positional index
    conv: np.ndarray  # object conversation key per row (NA when none)
    conv_known: np.ndarray  # bool
    replies: np.ndarray  # positions of agent and bot rows, in input order
    answered: np.ndarray  # per reply: position of the customer message it answers, -1
    following: np.ndarray  # per reply: position of the customer's next message, -1
    method: np.ndarray  # per reply: "reply_to", "order" or "none"
    rank: np.ndarray  # time order rank of every row


def _resolve_link(data: pd.DataFrame, reply_to: str | None) -> str | None:
    if reply_to is None:
        return None
    if reply_to in data.columns:
        return reply_to
    if reply_to == _DEFAULT_LINK:
        return next((c for c in LINK_ALIASES if c in data.columns), None)
    check_columns(data, [reply_to], param="reply_to")
    return reply_to  # pragma: no cover - check_columns raised


def _roles(data: pd.DataFrame, role: str) -> np.ndarray:
    text = data[role].astype("string").str.strip().str.lower()
    code = text.map(_ROLES).astype("Int8").fillna(-1).to_numpy(dtype=np.int8)
    unknown = (code < 0) & text.notna().to_numpy()
    if unknown.any():
        seen = sorted(set(text[unknown].dropna().unique().tolist()))[:5]
        warnings.warn(
            f"{int(unknown.sum())} row(s) of column {role!r} are not 'customer', 'agent' or "
            f"'bot' ({seen}); they are left out of the threads",
            DataQualityWarning,
            stacklevel=4,
        )
    return code


def _pair(
    data: pd.DataFrame,
    *,
    id_col: str,
    reply_to: str | None,
    conversation: str,
    timestamp: str | None,
    role: str,
    on_cycle: str,
) -> _Pairing:
    check_argument("on_cycle", ["raise", "break"], on_cycle)
    check_columns(data, [role], param="role")
    link = _resolve_link(data, reply_to)
    if link is not None:
        check_columns(data, [id_col], param="id_col")
    if link is None and conversation not in data.columns:
        raise MissingColumnError(
            f"threads need reply links or a conversation id: column {conversation!r} (from "
            f"`conversation`) not found, and no reply-link column ({', '.join(LINK_ALIASES)}) "
            "is there either. Pass `reply_to=` the column with the id of the answered "
            "message, or `conversation=` the ticket or thread column."
        )
    n = len(data)
    code = _roles(data, role)
    if timestamp is not None:
        check_columns(data, [timestamp], param="timestamp")
        times = to_times(data[timestamp], timestamp).reset_index(drop=True)
    else:
        times = pd.Series(pd.NaT, index=pd.RangeIndex(n), dtype="datetime64[ns]")
    # time order: by time, then row order; unknown times keep their row's place in between
    key = times.astype("int64").to_numpy() if times.notna().all() else None
    if key is None:
        filled = times.copy()
        if filled.notna().any():
            filled = filled.ffill().bfill()
            key = filled.astype("int64").to_numpy()
        else:
            key = np.zeros(n, dtype=np.int64)
    order = np.lexsort((np.arange(n), key))
    rank = np.empty(n, dtype=np.int64)
    rank[order] = np.arange(n)

    if conversation in data.columns:
        conv_given = clean_ids(data[conversation]).to_numpy(dtype=object)
    else:
        conv_given = np.full(n, pd.NA, dtype=object)
    conv = conv_given.copy()
    is_reply = code >= _AGENT
    replies = np.flatnonzero(is_reply)
    answered = np.full(len(replies), -1, dtype=np.int64)
    following = np.full(len(replies), -1, dtype=np.int64)
    method = np.full(len(replies), "none", dtype=object)
    by_link = np.zeros(len(replies), dtype=bool)

    if link is not None:
        ids = clean_ids(data[id_col]).reset_index(drop=True)
        links = clean_ids(data[link]).reset_index(drop=True)
        parent, dangling = parents(ids, links)
        known = code >= 0
        parent = np.where(known, parent, -1)  # rows of unknown role are left out
        parent = np.where(parent >= 0, np.where(known[np.maximum(parent, 0)], parent, -1), -1)
        root, parent = roots(parent, ids=ids, order=rank, link_column=link, on_cycle=on_cycle)
        missing_conv = pd.isna(conv)
        if missing_conv.any():
            conv[missing_conv] = ids.to_numpy(dtype=object)[root[missing_conv]]
        by_link = links.notna().to_numpy()[replies]
        answered = nearest_up(parent, replies, code == _CUSTOMER)
        customers = np.flatnonzero(code == _CUSTOMER)
        ups, froms = chain_pairs(parent, customers, is_reply)
        if len(ups):  # the earliest customer message below each reply, through replies only
            pick = np.lexsort((rank[froms], ups))
            ups, froms = ups[pick], froms[pick]
            first = np.r_[True, ups[1:] != ups[:-1]]
            slot = np.full(n, -1, dtype=np.int64)
            slot[ups[first]] = froms[first]
            following = slot[replies]
        method[by_link] = "reply_to"
        n_dangling = int(dangling[replies].sum())
        if n_dangling:
            warnings.warn(
                f"{n_dangling} of {len(replies)} replies answer a message that is not in the data "
                f"(their {link!r} id is not in {id_col!r}); their customer_message is NA",
                DataQualityWarning,
                stacklevel=3,
            )

    conv_known = ~pd.isna(conv)
    # conversation order for replies without a link
    use_order = ~by_link & conv_known[replies]
    if use_order.any():
        rows = np.flatnonzero(conv_known & (code >= 0))
        rows = rows[np.argsort(rank[rows], kind="stable")]
        frame = pd.DataFrame({"conv": conv[rows]})
        cust = np.where(code[rows] == _CUSTOMER, rows, -1).astype(float)
        cust[cust < 0] = np.nan
        frame["cust"] = cust
        before = frame.groupby("conv", sort=False)["cust"].ffill().to_numpy()
        after = frame.groupby("conv", sort=False)["cust"].bfill().to_numpy()
        prev_slot = np.full(n, -1, dtype=np.int64)
        next_slot = np.full(n, -1, dtype=np.int64)
        prev_slot[rows] = np.nan_to_num(before, nan=-1).astype(np.int64)
        next_slot[rows] = np.nan_to_num(after, nan=-1).astype(np.int64)
        pos = replies[use_order]
        answered[use_order] = prev_slot[pos]
        # a customer message linked below the reply wins over the mere next one in time
        following[use_order] = np.where(following[use_order] >= 0, following[use_order],
                                        next_slot[pos])
        method[use_order] = "order"
    return _Pairing(
        role=code, times=times, conv=conv, conv_known=conv_known, replies=replies,
        answered=answered, following=following, method=method, rank=rank,
    )


def _plain(data: pd.DataFrame) -> pd.DataFrame:
    """A shallow view without ``attrs``: pandas copies ``attrs`` (the load report) into
    every intermediate result, which is most of the time on large tables."""
    out = data.copy(deep=False)
    out.attrs = {}
    return out


def _column(data: pd.DataFrame, name: str, rows: np.ndarray) -> pd.Series:
    if name in data.columns:
        return data[name].iloc[rows].reset_index(drop=True)
    return pd.Series(pd.NA, index=pd.RangeIndex(len(rows)), dtype="string")


def _take(series: pd.Series, pos: np.ndarray) -> pd.Series:
    """``series.iloc[pos]`` with -1 giving NA, on a fresh positional index."""
    values = series.reset_index(drop=True)
    out = values.iloc[np.maximum(pos, 0)].reset_index(drop=True)
    return out.where(pd.Series(pos >= 0), other=None) if len(pos) else out


def _sentiment_of(
    texts: pd.Series, positions: np.ndarray, lang: Any
) -> tuple[np.ndarray, np.ndarray]:
    """Compound score and label of the customer messages at ``positions`` (scored once)."""
    from ..sentiment import sentiment

    n = len(texts)
    compound = np.full(n, np.nan)
    label = np.full(n, None, dtype=object)
    todo = np.unique(positions[positions >= 0])
    if len(todo):
        subset = texts.iloc[todo].astype("str")
        if isinstance(lang, pd.Series):
            lang = lang.iloc[todo]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DataQualityWarning)  # other languages stay NA
            scored = sentiment(subset.reset_index(drop=True), lang=lang)
        compound[todo] = scored["compound"].to_numpy(dtype=float)
        label[todo] = scored["label"].to_numpy(dtype=object)
    return compound, label


def threads(
    data: pd.DataFrame,
    *,
    id_col: str = "feedback_id",
    reply_to: str | None = "in_response_to",
    conversation: str = "conversation_id",
    timestamp: str | None = "timestamp",
    role: str = "author_role",
    text: str = "text",
    keep: Sequence[str] = (),
    recovery: bool = True,
    lang: str | pd.Series = "auto",
    score_empathy: bool = False,
    empathy_kwargs: dict[str, Any] | None = None,
    on_cycle: str = "raise",
) -> pd.DataFrame:
    """Each agent or bot reply with the customer message it answers and the next one.

    Conversations are rebuilt from reply links where a message has one (the id
    of the message it answers, as in Twitter's ``in_response_to_tweet_id``):
    a reply answers its nearest customer ancestor (through replies to replies),
    and the customer's next message is the earliest customer message that
    answers this reply or a reply below it. Replies without a link are paired
    by conversation order instead: by ``conversation`` and time, a reply
    answers the last customer message before it and is followed by the first
    customer message after it.

    Parameters
    ----------
    data : pandas.DataFrame
        Messages in the canonical schema of :func:`empathylab.read_feedback`
        (one row per message, ``author_role`` customer/agent/bot).
    id_col : str, default="feedback_id"
        Message id, the target of the reply links.
    reply_to : str or None, default="in_response_to"
        Column with the id of the message each row answers. When the default
        name is absent, ``in_response_to_tweet_id``, ``in_reply_to`` and
        ``parent_id`` are tried; when none is there, or with None, only the
        conversation order is used. A name you pass must exist.
    conversation : str, default="conversation_id"
        Ticket or thread id. With reply links, rows without one get the id of
        the first message of their thread.
    timestamp : str or None, default="timestamp"
        Message time (naive or time-zone aware; text is read as UTC). None uses
        the row order, and response times are NA.
    role, text : str
        Author role and message text columns.
    keep : sequence of str, default=()
        Further columns of the reply rows to carry over (e.g. ``"Team"``).
    recovery : bool, default=True
        Score the customer messages with :func:`empathylab.sentiment` and add
        ``sentiment_before``, ``sentiment_after``, ``recovery`` and ``recovered``.
    lang : {"auto", "de", "en"} or Series, default="auto"
        Passed to :func:`empathylab.sentiment` for the recovery columns.
    score_empathy : bool, default=False
        Score the replies with ``empathylab.empathy.empathy_score(replies,
        context=customer_message)`` and add its columns (``empathy`` 0..100 and
        the components it returns).
    empathy_kwargs : dict, optional
        Further keyword arguments of ``empathy_score``.
    on_cycle : {"raise", "break"}, default="raise"
        What to do when reply links form a cycle: raise
        :class:`~empathylab.FeedbackFormatError`, or cut each cycle at its
        earliest message with a :class:`~empathylab.DataQualityWarning`.

    Returns
    -------
    pandas.DataFrame
        One row per agent or bot reply, indexed like the reply rows of ``data``:
        ``reply_id``, ``conversation_id``, ``customer_id`` (of the reply row, else of
        the answered message), ``agent_id``, ``author_role`` (agent or bot),
        ``channel``, ``reply_text``, ``reply_time``, ``customer_message_id``,
        ``customer_message``, ``customer_time``, ``next_customer_id``,
        ``next_customer_message``, ``next_customer_time``, ``response_time``
        (timedelta from the answered message to the reply), ``response_seconds``,
        ``turn`` (1, 2, ... the reply's place among its conversation's replies),
        ``n_turns`` (replies in the conversation), ``pairing`` (``reply_to``,
        ``order``, or ``none`` when the reply could not be placed), the ``keep``
        columns, and with ``recovery=True``: ``sentiment_before`` and
        ``sentiment_after`` (compound score of the answered and of the next
        customer message), ``recovery`` (after minus before) and ``recovered``
        (True when the answered message was negative and the next one is not;
        NA unless the answered message was negative and a next one exists).

    Warns
    -----
    DataQualityWarning
        Replies linked to messages that are not in the data; negative response
        times (set to NA); roles other than customer/agent/bot; broken cycles.

    Examples
    --------
    >>> from empathylab.datasets import load_sample
    >>> t = threads(load_sample("feedback_de"), keep=["Team"])
    >>> t[["author_role", "turn", "pairing"]].head(2)
      author_role  turn pairing
    1       agent     1   order
    4       agent     1   order
    >>> bool((t["response_seconds"].dropna() >= 0).all())
    True
    """
    check_columns(data, [text], param="text")
    check_columns(data, list(keep), param="keep")
    data = _plain(data)
    pairing = _pair(
        data, id_col=id_col, reply_to=reply_to, conversation=conversation,
        timestamp=timestamp, role=role, on_cycle=on_cycle,
    )
    replies, answered, following = pairing.replies, pairing.answered, pairing.following
    texts = data[text].reset_index(drop=True)
    times = pairing.times
    ids = (clean_ids(data[id_col]) if id_col in data.columns
           else pd.Series(data.index.astype(str), index=data.index, dtype="string"))
    ids = ids.reset_index(drop=True)
    out = pd.DataFrame(index=pd.RangeIndex(len(replies)))
    out["reply_id"] = ids.iloc[replies].reset_index(drop=True)
    conv = pd.Series(pairing.conv[replies], dtype="string")
    out["conversation_id"] = conv
    own_customer = _column(data, "customer_id", replies).astype("string")
    if "customer_id" in data.columns:
        own_customer = own_customer.fillna(
            _take(data["customer_id"].astype("string"), answered).astype("string")
        )
    out["customer_id"] = own_customer
    out["agent_id"] = _column(data, "agent_id", replies).astype("string")
    roles = np.where(pairing.role[replies] == _BOT, "bot", "agent")
    out["author_role"] = pd.Series(roles, dtype="string")
    out["channel"] = _column(data, "channel", replies).astype("string")
    out["reply_text"] = texts.iloc[replies].reset_index(drop=True)
    out["reply_time"] = times.iloc[replies].reset_index(drop=True)
    out["customer_message_id"] = _take(ids, answered).astype("string")
    out["customer_message"] = _take(texts, answered)
    out["customer_time"] = _take(times, answered)
    out["next_customer_id"] = _take(ids, following).astype("string")
    out["next_customer_message"] = _take(texts, following)
    out["next_customer_time"] = _take(times, following)
    delta = out["reply_time"] - out["customer_time"]
    negative = (delta < pd.Timedelta(0)).fillna(False).to_numpy(bool)
    if negative.any():
        shown = out["reply_id"][negative].head(3).tolist()
        warnings.warn(
            f"{int(negative.sum())} repl(ies) are older than the message they answer (e.g. "
            f"{shown}); their response_time is set to NA. Check the time zones of "
            f"{timestamp!r}.",
            DataQualityWarning,
            stacklevel=2,
        )
        delta = delta.mask(pd.Series(negative))
    out["response_time"] = delta
    out["response_seconds"] = delta.dt.total_seconds()
    # turn: place among the conversation's replies in time order
    key = pd.Series(np.where(pairing.conv_known[replies], pairing.conv[replies],
                             "\x00row" + pd.Series(replies).astype(str)), dtype=object)
    order = np.argsort(pairing.rank[replies], kind="stable")
    turn = np.empty(len(replies), dtype=np.int64)
    turn[order] = key.iloc[order].groupby(key.iloc[order].to_numpy(), sort=False).cumcount() + 1
    size = key.map(key.value_counts())
    out["turn"] = pd.array(turn, dtype="Int64")
    out["n_turns"] = pd.array(size.to_numpy(dtype=np.int64), dtype="Int64")
    placed = (answered >= 0) | (following >= 0)
    out["pairing"] = pd.Series(np.where(placed, pairing.method, "none"), dtype="string")
    for name in keep:
        out[name] = data[name].iloc[replies].reset_index(drop=True)
    if recovery:
        compound, label = _sentiment_of(texts, np.r_[answered, following], lang)
        before = np.where(answered >= 0, compound[np.maximum(answered, 0)], np.nan)
        after = np.where(following >= 0, compound[np.maximum(following, 0)], np.nan)
        lab_before = np.where(answered >= 0, label[np.maximum(answered, 0)], None)
        lab_after = np.where(following >= 0, label[np.maximum(following, 0)], None)
        out["sentiment_before"] = before
        out["sentiment_after"] = after
        out["recovery"] = after - before
        eligible = (lab_before == "negative") & pd.notna(lab_after)
        recovered = pd.array(np.where(eligible, lab_after != "negative", False), dtype="boolean")
        recovered[~eligible] = pd.NA
        out["recovered"] = recovered
    if score_empathy:
        out = out.join(_empathy_columns(out, empathy_kwargs or {}))
    out.index = data.index[replies]
    return out


def _empathy_columns(out: pd.DataFrame, kwargs: dict[str, Any]) -> pd.DataFrame:
    try:
        from ..empathy import empathy_score  # type: ignore[attr-defined,unused-ignore]
    except ImportError as err:  # the reply-empathy module is optional in this build
        raise ImportError(
            "`score_empathy=True` needs empathylab.empathy.empathy_score, which is not "
            "available in this installation; score the replies yourself and add an "
            "'empathy' column, or use threads(..., score_empathy=False)."
        ) from err
    scored = empathy_score(out["reply_text"], context=out["customer_message"], **kwargs)
    scored = pd.DataFrame(scored).set_axis(out.index)
    return scored.drop(columns=[c for c in scored.columns if c in out.columns])


def conversations(data: pd.DataFrame, **kwargs: Any) -> pd.DataFrame:
    """One row per conversation: messages, replies, first-response time, recovery.

    Parameters
    ----------
    data : pandas.DataFrame
        Messages, as for :func:`threads`.
    **kwargs
        The keyword arguments of :func:`threads` (``reply_to``, ``conversation``,
        ``timestamp``, ``recovery``, ...).

    Returns
    -------
    pandas.DataFrame
        ``conversation_id``, ``customer_id`` (of the first customer message),
        ``channel`` (of the first message), ``n_messages``,
        ``n_customer_messages``, ``n_turns`` (agent and bot replies, as in
        :func:`threads`), ``n_bot_replies``, ``handled_by`` (``agent``,
        ``bot``, ``bot+agent`` or ``none``), ``started`` (first message time),
        ``first_response_time`` (from the first customer message to the first
        reply after it; NaT when unanswered), ``first_response_seconds``,
        ``answered`` (a reply follows the first customer message),
        ``unanswered_messages`` (customer messages after the conversation's
        last reply), and with ``recovery=True`` ``sentiment_first``,
        ``sentiment_last`` (first and last customer message) and ``recovery``.

    Examples
    --------
    >>> from empathylab.datasets import load_sample
    >>> c = conversations(load_sample("helpdesk"), recovery=False)
    >>> int(c["n_messages"].sum()) == len(load_sample("helpdesk"))
    True
    """
    recovery = kwargs.pop("recovery", True)
    lang = kwargs.pop("lang", "auto")
    text = kwargs.pop("text", "text")
    for name in ("keep", "score_empathy", "empathy_kwargs"):
        kwargs.pop(name, None)
    pair_kwargs = {k: kwargs.pop(k) for k in list(kwargs) if k in {
        "id_col", "reply_to", "conversation", "timestamp", "role", "on_cycle"}}
    if kwargs:
        raise TypeError(f"conversations() got unexpected keyword arguments {sorted(kwargs)}")
    pair_kwargs.setdefault("id_col", "feedback_id")
    pair_kwargs.setdefault("reply_to", _DEFAULT_LINK)
    pair_kwargs.setdefault("conversation", "conversation_id")
    pair_kwargs.setdefault("timestamp", "timestamp")
    pair_kwargs.setdefault("role", "author_role")
    pair_kwargs.setdefault("on_cycle", "raise")
    check_columns(data, [text], param="text")
    data = _plain(data)
    p = _pair(data, **pair_kwargs)
    rows = np.flatnonzero(p.conv_known & (p.role >= 0))
    rows = rows[np.argsort(p.rank[rows], kind="stable")]
    code = p.role[rows]
    frame = pd.DataFrame({
        "conversation_id": pd.Series(p.conv[rows], dtype="string"),
        "is_customer": code == _CUSTOMER,
        "is_reply": code >= _AGENT,
        "is_bot": code == _BOT,
        "time": p.times.iloc[rows].reset_index(drop=True),
        "customer_id": _column(data, "customer_id", rows).astype("string"),
        "channel": _column(data, "channel", rows).astype("string"),
    })
    frame["cust_time"] = frame["time"].where(frame["is_customer"])
    frame["reply_time"] = frame["time"].where(frame["is_reply"])
    groups = frame.groupby("conversation_id", sort=False)
    first_cust = groups["cust_time"].transform("first")
    frame["reply_after_first"] = frame["reply_time"].where(frame["reply_time"] >= first_cust)
    # position of each row within the conversation, to count customer messages after the
    # last reply
    frame["seq"] = groups.cumcount()
    last_reply_seq = frame["seq"].where(frame["is_reply"]).groupby(
        frame["conversation_id"], sort=False).transform("max")
    frame["after_last"] = frame["is_customer"] & ~(frame["seq"] <= last_reply_seq)
    customer_first = frame["customer_id"].where(frame["is_customer"])
    frame["customer_first"] = customer_first
    g = frame.groupby("conversation_id", sort=False)
    out = pd.DataFrame({
        "customer_id": g["customer_first"].first(),
        "channel": g["channel"].first(),
        "n_messages": g.size(),
        "n_customer_messages": g["is_customer"].sum(),
        "n_turns": g["is_reply"].sum(),
        "n_bot_replies": g["is_bot"].sum(),
        "started": g["time"].min(),
        "first_customer_time": g["cust_time"].first(),
        "first_reply_time": g["reply_after_first"].min(),
        "unanswered_messages": g["after_last"].sum(),
    })
    n_human = out["n_turns"] - out["n_bot_replies"]
    out["handled_by"] = np.select(
        [(out["n_bot_replies"] > 0) & (n_human > 0), out["n_bot_replies"] > 0, n_human > 0],
        ["bot+agent", "bot", "agent"], default="none",
    )
    out["first_response_time"] = out["first_reply_time"] - out["first_customer_time"]
    out["first_response_seconds"] = out["first_response_time"].dt.total_seconds()
    out["answered"] = out["first_reply_time"].notna()
    if recovery:
        first_pos = pd.Series(np.where(code == _CUSTOMER, rows, -1)).where(
            lambda s: s >= 0).groupby(frame["conversation_id"], sort=False)
        firsts = first_pos.first().reindex(out.index)
        lasts = first_pos.last().reindex(out.index)
        f = np.nan_to_num(firsts.to_numpy(dtype=float), nan=-1).astype(np.int64)
        la = np.nan_to_num(lasts.to_numpy(dtype=float), nan=-1).astype(np.int64)
        texts = data[text].reset_index(drop=True)
        compound, _ = _sentiment_of(texts, np.r_[f, la], lang)
        out["sentiment_first"] = np.where(f >= 0, compound[np.maximum(f, 0)], np.nan)
        out["sentiment_last"] = np.where(la >= 0, compound[np.maximum(la, 0)], np.nan)
        out["recovery"] = out["sentiment_last"] - out["sentiment_first"]
    out = out.drop(columns=["first_customer_time", "first_reply_time"])
    for col in ("n_messages", "n_customer_messages", "n_turns", "n_bot_replies",
                "unanswered_messages"):
        out[col] = out[col].astype("int64")
    return out.reset_index()
