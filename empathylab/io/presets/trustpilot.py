"""Trustpilot service reviews: the reviews CSV export of Trustpilot Business.

Trustpilot Business > Reviews > Export (or Analytics > Reviews > Download,
CSV). One row per review::

    Review Created (UTC), Review ID, Review Consumer User Id, Review Title,
    Review Content, Review Stars, Source Of Review, Review Language,
    Domain URL, Webshop Name, Business Unit ID, Tags,
    Company Reply Date (UTC), Company Reply Content

(Some exports add ``Review Consumer Name``, ``Location Name`` or a reference
id.) The reviews JSON of the Trustpilot API (``{"reviews": [{"id", "stars",
"title", "text", "language", "createdAt", "consumer": {"id",
"displayName"}, "companyReply": {"text", "createdAt"}}]}``) is read the same
way.

``text`` is the title as the first sentence followed by the review (``"Sehr
schnelle Lieferung. Bestellt am Montag, ..."``; a full stop is added after a
title without closing punctuation); the vendor's title and content columns
stay as extras. ``rating`` is the stars (1-5), ``timestamp`` the creation
time in UTC, ``customer_id`` the consumer id, ``language`` the review
language, ``channel`` ``review``. The company's public reply goes to the
extra columns ``reply_text`` and ``reply_timestamp`` (UTC).
"""

from __future__ import annotations

import pandas as pd

from ._base import Preset, PresetContext
from ._common import add_column, find_column, join_title_body, parse_reply, parse_times


def _prepare(raw: pd.DataFrame, ctx: PresetContext) -> pd.DataFrame:
    out = raw.copy()
    title = find_column(raw, "Review Title", "title")
    body = find_column(raw, "Review Content", "text")
    if title is not None or body is not None:
        text = join_title_body(
            raw[title] if title is not None else None, raw[body] if body is not None else None
        )
        out = add_column(out, "text", text)
    created = find_column(raw, "Review Created (UTC)", "createdAt")
    if created is not None:
        out = add_column(out, "timestamp", parse_times(raw[created], ctx, created, zone="UTC"))
    reply = parse_reply(
        raw,
        ctx,
        find_column(raw, "Company Reply Content", "companyReply.text"),
        find_column(raw, "Company Reply Date (UTC)", "companyReply.createdAt"),
        zone="UTC",
    )
    for name, values in reply.items():
        out[name] = values
    return out


PRESET = Preset(
    name="trustpilot",
    description=(
        "Trustpilot Business reviews export (CSV) or reviews JSON from the API; title + "
        "review as text, stars as rating, company reply as reply_text."
    ),
    aliases={
        "feedback_id": ("Review ID", "Review Id", "id"),
        "customer_id": ("Review Consumer User Id", "consumer.id"),
        "rating": ("Review Stars", "stars"),
        "language": ("Review Language", "language"),
        "touchpoint": ("Location Name", "location.name"),
    },
    signature=(
        "Review Created (UTC)",
        "Review Consumer User Id",
        "Review Title",
        "Review Content",
        "Review Stars",
        "Source Of Review",
        "Review Language",
        "Domain URL",
        "Webshop Name",
        "Business Unit ID",
        "Company Reply Date (UTC)",
        "Company Reply Content",
        "consumer.displayName",
        "companyReply.text",
        "companyReply.createdAt",
    ),
    min_hits=3,
    prepare=_prepare,
    defaults={"channel": "review"},
)
