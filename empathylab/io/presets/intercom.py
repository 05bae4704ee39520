"""Intercom: the conversations CSV export and conversations from the REST API (JSON).

**Conversations CSV** (Reports > Conversations > Export, or the conversation
dataset of Reports > Export data; the columns depend on what was selected).
One row per conversation; the preset looks for::

    Conversation ID, Conversation URL, Created at, Updated at, Channel,
    Started by, State, User ID, User email, User name, Teammate assigned,
    Team assigned, Conversation tags, Conversation rating,
    Conversation rating remark, First message

``text`` is the first message (HTML removed; the rating remark when the
export has no message column), ``feedback_id`` and ``conversation_id`` the
Conversation ID, ``agent_id`` the assigned teammate, ``csat`` the rating (1-5,
or Intercom's labels and emoji: Terrible 1, Bad 2, OK 3, Great 4, Amazing 5)
and ``remark`` a copy of the rating remark. ``Channel`` (``Messenger``,
``Email``, ...) becomes ``channel`` (``chat``, ``email``, ...).

**Conversation JSON** (``GET /conversations/{id}``, one object, or several
in a list or under ``"conversations"``)::

    {"type": "conversation", "id": "215468843001", "created_at": 1795268110,
     "source": {"type": "conversation", "id": "...", "subject": "", "body": "<p>Hallo</p>",
                "author": {"type": "user", "id": "...", "name": "...", "email": "..."}},
     "conversation_rating": {"rating": 5, "remark": "Super!", "created_at": ...},
     "conversation_parts": {"type": "conversation_part.list", "total_count": 3,
         "conversation_parts": [{"id": "...", "part_type": "comment",
             "body": "<p>...</p>", "created_at": ..., "author": {"type": "admin", "id": ...}}]}}

One row per message: the opening message (``source``), then every
conversation part with a body (comments, notes, replies by bots; parts
without a body such as assignments and closings are left out, since they are
events rather than messages). Each row keeps the conversation's own fields;
``part_type`` says what the row is (``source`` for the opening message,
Intercom's ``comment``, ``note``, ``assignment``, ... for parts).
``author.type`` becomes the role: ``user``, ``lead`` and ``contact`` ->
customer, ``admin`` and ``team`` -> agent, ``bot`` -> bot. HTML bodies
become text (``<p>Hallo</p>`` -> ``Hallo``). The conversation rating goes to
``csat`` (1-5) and ``remark`` of the opening message only, so that each
conversation counts once. Times (Unix seconds) become UTC.
"""

from __future__ import annotations

import json

import numpy as np
import pandas as pd

from ._base import Preset, PresetContext
from ._common import (
    add_column,
    blank_to_na,
    channel_from_via,
    find_column,
    join_title_body,
    lookup_labels,
    parse_times,
    strip_html,
)

_RATING_LABELS = {
    "5": ("amazing", "awesome", "super", "grossartig"),
    "4": ("great", "good", "gut"),
    "3": ("ok", "okay", "neutral"),
    "2": ("bad", "schlecht"),
    "1": ("terrible", "awful", "furchtbar", "schrecklich"),
}
_RATING_EMOJI = {"🤩": "5", "😃": "4", "😀": "4", "😐": "3", "🙁": "2", "😞": "2", "😠": "1"}
_CUSTOMER_TYPES = ("user", "lead", "contact", "customer")


def _ids(values: pd.Series) -> pd.Series:
    return blank_to_na(values).str.replace(r"^([0-9]+)\.0$", r"\1", regex=True)


def _rating(values: pd.Series) -> pd.Series:
    text = lookup_labels(values, _RATING_LABELS)
    emoji = text.str.strip().map(_RATING_EMOJI, na_action="ignore")
    return emoji.fillna(text).astype("string")


def _split_ids(role: pd.Series, author: pd.Series) -> tuple[pd.Series, pd.Series]:
    """``customer_id`` and ``agent_id``: the author's id on customer rows and on the others."""
    customer = role.str.lower().isin(_CUSTOMER_TYPES).fillna(False).astype(bool)
    return author.where(customer), author.where(~customer & role.notna())


def _column(raw: pd.DataFrame, name: str) -> pd.Series:
    col = find_column(raw, name)
    if col is None:
        return pd.Series(pd.NA, index=raw.index, dtype="string")
    return blank_to_na(raw[col])


def _load_parts(cells: pd.Series) -> list[list[dict[str, object]]]:
    """Each cell's JSON list of conversation parts (``[]`` when empty or unreadable)."""
    out: list[list[dict[str, object]]] = []
    # json.loads per cell is unavoidable: each cell holds a whole JSON document.
    for cell in cells.astype("string").fillna("").to_numpy(dtype=object):
        try:
            parts = json.loads(cell) if cell.lstrip().startswith("[") else []
        except ValueError:
            parts = []
        out.append([p for p in parts if isinstance(p, dict)] if isinstance(parts, list) else [])
    return out


def _part_fields(parts: list[dict[str, object]]) -> pd.DataFrame:
    """The fields used of each conversation part (``pd.json_normalize`` would deep-copy
    every part, which costs seconds on a few thousand conversations)."""

    def author(part: dict[str, object], key: str) -> object:
        value = part.get("author")
        return value.get(key) if isinstance(value, dict) else None

    return pd.DataFrame(
        {
            "id": [p.get("id") for p in parts],
            "part_type": [p.get("part_type") for p in parts],
            "body": [p.get("body") for p in parts],
            "created_at": [p.get("created_at") for p in parts],
            "author.type": [author(p, "type") for p in parts],
            "author.id": [author(p, "id") for p in parts],
        },
        dtype=object,
    ).astype("string")


def _from_api(raw: pd.DataFrame, ctx: PresetContext) -> pd.DataFrame:
    out = raw.copy()
    conversation = _ids(_column(raw, "id"))
    role = _column(raw, "source.author.type")
    text = join_title_body(
        strip_html(_column(raw, "source.subject")), strip_html(_column(raw, "source.body"))
    )
    out = add_column(out, "feedback_id", _ids(_column(raw, "source.id")).fillna(conversation))
    out = add_column(out, "conversation_id", conversation)
    out = add_column(out, "timestamp", parse_times(_column(raw, "created_at"), ctx, "created_at"))
    out = add_column(out, "author_role", role)
    customer_id, agent_id = _split_ids(role, _ids(_column(raw, "source.author.id")))
    out = add_column(out, "customer_id", customer_id)
    out = add_column(out, "agent_id", agent_id)
    out = add_column(out, "text", text)
    channel = channel_from_via(_column(raw, "source.type")).replace("conversation", "chat")
    out = add_column(out, "channel", channel)
    out = add_column(out, "csat", _rating(_column(raw, "conversation_rating.rating")))
    out["remark"] = _column(raw, "conversation_rating.remark")
    out["part_type"] = pd.Series("source", index=raw.index, dtype="string")

    parts_col = find_column(raw, "conversation_parts.conversation_parts")
    if parts_col is None:
        return out
    lists = _load_parts(raw[parts_col])
    counts = np.fromiter((len(p) for p in lists), dtype=np.int64, count=len(lists))
    if not counts.sum():
        return out
    flat = _part_fields([p for parts in lists for p in parts])
    owner = np.repeat(np.arange(len(raw)), counts)
    body = strip_html(_column(flat, "body"))
    keep = body.notna().to_numpy() & (body.str.strip() != "").fillna(False).to_numpy()
    if not keep.any():
        return out
    flat = flat[keep].reset_index(drop=True)
    rows = out.iloc[owner[keep]]
    lines = rows.index
    rows = rows.reset_index(drop=True)
    part_role = _column(flat, "author.type")
    rows["feedback_id"] = _ids(_column(flat, "id"))
    rows["timestamp"] = parse_times(
        _column(flat, "created_at"), ctx, "conversation_parts.created_at", lines=lines
    )
    rows["author_role"] = part_role
    rows["customer_id"], rows["agent_id"] = _split_ids(part_role, _ids(_column(flat, "author.id")))
    rows["text"] = body[keep].reset_index(drop=True)
    rows["csat"] = pd.NA
    rows["remark"] = pd.NA
    rows["part_type"] = _column(flat, "part_type")
    rows[parts_col] = pd.NA  # the whole thread's JSON stays on the opening message only
    rows.index = lines
    return pd.concat([out, rows]).sort_index(kind="stable")


def _from_csv(raw: pd.DataFrame) -> pd.DataFrame:
    out = raw.copy()
    conversation = find_column(raw, "Conversation ID", "conversation_id")
    if conversation is not None:
        out = add_column(out, "conversation_id", _ids(raw[conversation]))
    message = find_column(
        raw,
        "First message",
        "Initial message",
        "Conversation first message",
        "First user message",
        "Message",
        "Body",
        "Message body",
    )
    remark = find_column(raw, "Conversation rating remark", "Rating remark", "Remark")
    if message is not None:
        out = add_column(out, "text", strip_html(raw[message]))
    elif remark is not None:
        out = add_column(out, "text", strip_html(raw[remark]))
    if remark is not None:
        out["remark"] = blank_to_na(raw[remark])
    rating = find_column(raw, "Conversation rating", "Rating")
    if rating is not None:
        out = add_column(out, "csat", _rating(raw[rating]))
    channel = find_column(raw, "Channel", "Source type")
    if channel is not None:
        out = add_column(out, "channel", channel_from_via(raw[channel]))
    return out


def _prepare(raw: pd.DataFrame, ctx: PresetContext) -> pd.DataFrame:
    if find_column(raw, "source.body", "conversation_parts.conversation_parts") is not None:
        return _from_api(raw, ctx)
    return _from_csv(raw)


PRESET = Preset(
    name="intercom",
    description=(
        "Intercom: conversations CSV export (Reports > Export) or conversation JSON from the "
        "API (source, conversation_parts, conversation_rating)."
    ),
    aliases={
        "feedback_id": ("Conversation ID",),
        "timestamp": ("Created at", "Conversation started at", "Started at", "created_at"),
        "customer_id": ("User ID", "Contact ID", "User external ID", "User email"),
        "agent_id": ("Teammate assigned", "Teammate currently assigned", "Assignee"),
        "author_role": ("Author type", "Part author type"),
        "language": ("Language", "Conversation language", "User language"),
    },
    signature=(
        "Conversation ID",
        "Conversation URL",
        "Conversation rating",
        "Conversation rating remark",
        "Teammate assigned",
        "Team assigned",
        "Started by",
        "Conversation tags",
        "source.body",
        "source.author.type",
        "source.delivered_as",
        "conversation_parts.conversation_parts",
        "conversation_rating.rating",
        "conversation_rating.remark",
        "admin_assignee_id",
        "team_assignee_id",
    ),
    min_hits=3,
    prepare=_prepare,
    defaults={"channel": "chat"},
)
