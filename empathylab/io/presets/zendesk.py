"""Zendesk Support: the ticket CSV export, and ticket comments or ticket events from the API.

Three layouts are recognised.

**Ticket CSV** (Admin Center > Account > Tools > Reports > Export, CSV; or a
view's "Export as CSV"). One row per ticket::

    Id, Requester, Requester id, Requester external id, Requester email,
    Requester domain, Submitter, Assignee, Group, Subject, Description, Tags,
    Status, Priority, Via, Ticket type, Created at, Updated at, Assigned at,
    Organization, Due date, Solved at, Satisfaction Score, Reopens, Replies, ...

Dates look like ``2026-11-22 14:35:10 +0100`` (converted to UTC). ``text`` is
the Description (the ticket's first message; the Subject when the export has
no Description), ``customer_id`` the Requester id, ``agent_id`` the Assignee
and ``conversation_id`` the ticket Id. ``Via`` (``Web Form``, ``Mail``,
``Phone call (incoming)``, ``Chat``, ``Web Widget``, ``Mobile SDK``, ...)
becomes ``channel`` (``web``, ``email``, ``phone``, ``chat``, ``app``, ...).
The JSON ticket list of the API (``{"tickets": [{"id", "subject",
"description", "requester_id", "assignee_id", "via": {"channel"},
"satisfaction_rating": {"score"}, ...}]}``) is read the same way.

**Ticket comments JSON** (``GET /api/v2/tickets/{id}/comments.json``, a list
of ``{"id", "type", "author_id", "body", "html_body", "plain_body", "public",
"audit_id", "via": {"channel", "source"}, "created_at"}`` under
``"comments"``). The API does not repeat the ticket id in each comment; add a
``ticket_id`` to each comment when you combine several tickets in one file (it
becomes ``conversation_id``). One row per comment; ``text`` is ``plain_body``,
else ``body``, else ``html_body`` with the HTML removed.

**Ticket events JSON** (``GET /api/v2/incremental/ticket_events.json?include=
comment_events``): ``{"ticket_events": [{"id", "ticket_id", "timestamp",
"created_at", "updater_id", "via", "event_type", "child_events": [...]}]}``.
An update adds at most one comment, so each event's ``Comment`` child event
supplies that row's ``author_id``, ``body`` and ``public``; events without a
comment (field changes only) are kept with an empty text. ``timestamp`` is the
event's ``created_at`` (the epoch ``timestamp`` stays as ``timestamp_original``).

Author roles of comments: from a role column when the file has one
(``author.role``, ``role``: ``end-user`` -> customer, ``agent``/``admin`` ->
agent); else a comment is the customer's when its ``author_id`` equals the
ticket's ``requester_id``. Without either, the author of a ticket's first
comment (in file order, which is the API's chronological order) is taken as
the requester and an ``inferred_role`` warning says so. Private comments
(``public`` false: internal notes) are always the agent's, since end users
cannot write them. ``customer_id`` is filled on customer rows and
``agent_id`` on agent rows.

Satisfaction: Zendesk's binary rating becomes ``csat`` 5 for ``Good`` and 1
for ``Bad`` (the ends of the 1-5 scale, so "satisfied" shares count them
right); ``Offered`` and ``Unoffered`` (a survey was sent, or could have been,
but not answered) become empty without a warning; numbers (the newer 1-5
CSAT surveys) are kept; anything else is left empty with an
``unknown_value`` warning.
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
    parse_times,
    strip_html,
)

_SATISFACTION = {
    "good": "5",
    "goodwithcomment": "5",
    "gut": "5",
    "bad": "1",
    "badwithcomment": "1",
    "schlecht": "1",
    "offered": "",
    "unoffered": "",
    "angeboten": "",
    "nichtangeboten": "",
}
_COMMENT_FIELDS = ("id", "author_id", "body", "plain_body", "html_body", "public", "created_at")


def _ids(values: pd.Series) -> pd.Series:
    """Ids as text without a float's ``.0`` (JSON numbers with gaps become floats)."""
    text = blank_to_na(values)
    return text.str.replace(r"^([0-9]+)\.0$", r"\1", regex=True)


def _satisfaction(values: pd.Series, ctx: PresetContext, column: str) -> pd.Series:
    """Good -> 5, Bad -> 1, Offered/Unoffered -> empty, numbers kept."""
    text = blank_to_na(values)
    key = text.str.lower().str.replace(r"[^a-z]+", "", regex=True)
    mapped = key.map(_SATISFACTION, na_action="ignore")
    numeric = text.str.fullmatch(r"[0-9]+(?:[.,][0-9]+)?").fillna(False).astype(bool)
    unknown = (text.notna() & mapped.isna() & ~numeric).to_numpy(dtype=bool)
    if unknown.any():
        examples = ", ".join(map(repr, text[unknown].unique()[:3]))
        ctx.warn(
            "unknown_value",
            f"{int(unknown.sum())} value(s) of {column!r} are not a Zendesk satisfaction "
            f"rating (Good, Bad, Offered, Unoffered or a number), e.g. {examples}; csat left "
            "empty",
            column=column,
            lines=values.index[unknown].tolist(),
        )
    out = mapped.where(~numeric, text).astype("string")
    return out.mask(out == "")


def _first_comment(cell: object) -> dict[str, object]:
    """The ``Comment`` child event in a ticket event's ``child_events`` JSON text."""
    if not isinstance(cell, str) or not cell.lstrip().startswith("["):
        return {}
    try:
        events = json.loads(cell)
    except ValueError:
        return {}
    for event in events if isinstance(events, list) else ():
        if isinstance(event, dict) and "Comment" in (event.get("event_type"), event.get("type")):
            return {k: event.get(k) for k in _COMMENT_FIELDS if k in event}
    return {}


def _comment_events(raw: pd.DataFrame, column: str) -> pd.DataFrame:
    """One row per ticket event: the fields of the comment it added (empty when none)."""
    # json.loads per cell is unavoidable: each cell holds a whole JSON document.
    records = raw[column].astype("string").map(_first_comment, na_action="ignore")
    frame = pd.DataFrame.from_records(
        [r if isinstance(r, dict) else {} for r in records], index=raw.index
    )
    return frame.reindex(columns=[c for c in _COMMENT_FIELDS if c in frame.columns])


def _is_private(values: pd.Series) -> pd.Series:
    flag = values.astype("string").str.strip().str.lower()
    return flag.isin(["false", "0", "no", "f"]).fillna(False).astype(bool)


def _comment_roles(
    raw: pd.DataFrame, out: pd.DataFrame, author: str, ticket: str | None, ctx: PresetContext
) -> pd.DataFrame:
    authors = _ids(out[author])
    public = find_column(out, "public")
    private = _is_private(out[public]) if public else pd.Series(False, index=out.index)
    role_col = find_column(raw, "author.role", "author_role", "author role", "role", "user.role")
    if role_col is not None:
        role = blank_to_na(raw[role_col]).mask(private, "agent")
        customer = role.str.lower().isin(["end-user", "end_user", "enduser", "customer", "user"])
        customer = customer.fillna(False).astype(bool)
    else:
        requester_col = find_column(raw, "requester_id", "requester.id", "Requester id")
        if requester_col is not None:
            requester = _ids(raw[requester_col])
        else:
            group = (
                _ids(raw[ticket]).fillna("")
                if ticket
                else pd.Series("", index=out.index, dtype="string")
            )
            requester = authors.groupby(group.to_numpy(), sort=False).transform("first")
            ctx.warn(
                "inferred_role",
                "no requester_id or author role in the comments; the author of each ticket's "
                "first comment is taken as the requester (customer), other authors as agents. "
                "Add a requester_id column (or pass columns={'author_role': ...}) to be exact",
                column=author,
            )
        customer = ((authors == requester).fillna(False) & ~private).astype(bool)
        role = pd.Series(
            np.where(customer, "customer", "agent"), index=out.index, dtype="string"
        ).mask(authors.isna())
    out = add_column(out, "author_role", role)
    out = add_column(out, "customer_id", authors.where(customer))
    out = add_column(out, "agent_id", authors.where(~customer))
    return out


def _prepare(raw: pd.DataFrame, ctx: PresetContext) -> pd.DataFrame:
    out = raw.copy()
    events = find_column(raw, "child_events")
    if events is not None and find_column(raw, "author_id") is None:
        comments = _comment_events(raw, events)
        for col in comments.columns:
            if col not in ("id", "created_at"):
                out[col] = comments[col]
        if "id" in comments.columns:
            out["comment_id"] = comments["id"]
        created = find_column(raw, "created_at")
        if created is not None:  # ISO time in UTC, rather than the epoch ``timestamp``
            out = add_column(out, "timestamp", parse_times(raw[created], ctx, created))
    satisfaction = find_column(
        out, "Satisfaction Score", "satisfaction_rating.score", "Satisfaction", "Zufriedenheit"
    )
    if satisfaction is not None:
        out = add_column(out, "csat", _satisfaction(out[satisfaction], ctx, satisfaction))
    via = find_column(out, "via.channel", "Via", "Kanal")
    if via is not None:
        out = add_column(out, "channel", channel_from_via(out[via]))
    author = find_column(out, "author_id", "author.id")
    if author is None:  # one row per ticket
        ticket_id = find_column(out, "ticket_id") or find_column(out, "Id", "id")
        if ticket_id is not None:
            out = add_column(out, "conversation_id", _ids(out[ticket_id]))
        return out
    ticket = find_column(out, "ticket_id", "ticket.id", "Ticket Id")
    if ticket is not None:
        out = add_column(out, "conversation_id", _ids(out[ticket]))
    if find_column(out, "plain_body", "body") is None:
        html_body = find_column(out, "html_body")
        if html_body is not None:
            out = add_column(out, "text", strip_html(out[html_body]))
    return _comment_roles(raw, out, author, ticket, ctx)


PRESET = Preset(
    name="zendesk",
    description=(
        "Zendesk Support: ticket CSV export (Reports > Export), ticket comments or "
        "incremental ticket events JSON from the API."
    ),
    aliases={
        "feedback_id": ("Id", "id"),
        "timestamp": ("Created at", "created_at", "Erstellt am", "Erstellt"),
        "customer_id": ("Requester id", "requester_id", "Anfragender-ID"),
        "agent_id": ("Assignee id", "assignee_id", "Assignee", "Bearbeiter"),
        "text": (
            "plain_body",
            "body",
            "Description",
            "description",
            "Beschreibung",
            "Subject",
            "subject",
            "Betreff",
        ),
    },
    signature=(
        "Id",
        "Requester",
        "Requester id",
        "Requester email",
        "Submitter",
        "Assignee",
        "Group",
        "Organization",
        "Subject",
        "Via",
        "Ticket type",
        "Satisfaction Score",
        "author_id",
        "plain_body",
        "html_body",
        "audit_id",
        "via.channel",
        "requester_id",
        "submitter_id",
        "assignee_id",
        "satisfaction_rating.score",
        "updater_id",
        "child_events",
    ),
    min_hits=3,
    prepare=_prepare,
)
