"""Google Play reviews: the Play Console reviews CSV, and google-play-scraper JSON.

**Play Console** > Download reports > Reviews: monthly files
``reviews_<package>_<YYYYMM>.csv`` in the developer account's Cloud Storage
bucket. They are **UTF-16 LE** (with a byte-order mark), comma-separated,
one row per review::

    Package Name, App Version Code, App Version Name, Reviewer Language,
    Device, Review Submit Date and Time, Review Submit Millis Since Epoch,
    Review Last Update Date and Time, Review Last Update Millis Since Epoch,
    Star Rating, Review Title, Review Text, Developer Reply Date and Time,
    Developer Reply Millis Since Epoch, Developer Reply Text, Review Link

Dates are ISO 8601 in UTC (``2026-11-22T14:35:10Z``). ``text`` is the title
(rare since Google dropped review titles) as the first sentence, then the
review text; ``rating`` the stars; ``timestamp`` the submit time;
``language`` the reviewer's language; ``feedback_id`` the ``reviewId`` in
the Review Link (``<file>:<line>`` for reviews without a link, i.e. ratings
without text); ``channel`` ``app``. The developer's reply goes to the extra
columns ``reply_text`` and ``reply_timestamp``. Reviews are anonymous:
``customer_id`` stays empty.

**google-play-scraper** (the Python package's ``reviews()`` result saved as
JSON): ``reviewId, userName, userImage, content, score, thumbsUpCount,
reviewCreatedVersion, at, replyContent, repliedAt, appVersion``; ``userName``
(a display name) becomes ``customer_id``; its times have no zone (the
machine's local time) and are kept as written.
"""

from __future__ import annotations

import pandas as pd

from ._base import Preset, PresetContext
from ._common import (
    add_column,
    blank_to_na,
    fill_ids,
    find_column,
    join_title_body,
    parse_reply,
)


def _prepare(raw: pd.DataFrame, ctx: PresetContext) -> pd.DataFrame:
    out = raw.copy()
    title = find_column(raw, "Review Title")
    body = find_column(raw, "Review Text", "content")
    if title is not None or body is not None:
        text = join_title_body(
            raw[title] if title is not None else None, raw[body] if body is not None else None
        )
        out = add_column(out, "text", text)
    link = find_column(raw, "Review Link")
    if link is not None and find_column(raw, "reviewId") is None:
        ids = blank_to_na(raw[link]).str.extract(r"[?&]reviewId=([^&#\s]+)", expand=False)
        out = add_column(out, "feedback_id", fill_ids(ids, ctx))
    reply = parse_reply(
        raw,
        ctx,
        find_column(raw, "Developer Reply Text", "replyContent"),
        find_column(raw, "Developer Reply Date and Time", "repliedAt"),
        zone=None,  # the Console writes "...Z"; the scraper writes local times without a zone
    )
    for name, values in reply.items():
        out[name] = values
    return out


PRESET = Preset(
    name="google_play",
    description=(
        "Google Play Console reviews CSV (UTF-16) or google-play-scraper JSON; title + text, "
        "stars, developer reply as reply_text."
    ),
    aliases={
        "feedback_id": ("reviewId",),
        "timestamp": ("Review Submit Date and Time", "at"),
        "customer_id": ("userName",),
        "rating": ("Star Rating", "score"),
        "language": ("Reviewer Language",),
    },
    signature=(
        "Package Name",
        "App Version Code",
        "App Version Name",
        "Reviewer Language",
        "Device",
        "Review Submit Date and Time",
        "Review Submit Millis Since Epoch",
        "Review Last Update Date and Time",
        "Review Last Update Millis Since Epoch",
        "Star Rating",
        "Review Title",
        "Review Text",
        "Developer Reply Date and Time",
        "Developer Reply Millis Since Epoch",
        "Developer Reply Text",
        "Review Link",
        "reviewId",
        "userImage",
        "thumbsUpCount",
        "reviewCreatedVersion",
        "replyContent",
        "repliedAt",
    ),
    min_hits=3,
    prepare=_prepare,
    defaults={"channel": "app"},
)
