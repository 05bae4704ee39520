"""Apple App Store reviews: review-tool CSV exports, the App Store Connect API, and
app-store-scraper JSON.

App Store Connect itself has no review download; reviews come out of three
kinds of files:

**Review-tool CSV** (exports of App Store Connect API scripts and review
tools such as AppFollow or Appbot; the names vary a little)::

    Date, Nickname, Rating, Title, Review, Version, Territory,
    Developer Response, Developer Response Date

with ``Stars`` for Rating, ``Content`` for Review, ``Country`` for
Territory, ``Author`` or ``User Name`` for Nickname.

**App Store Connect API** (``GET /v1/apps/{id}/customerReviews``):
``{"data": [{"type": "customerReviews", "id", "attributes": {"rating",
"title", "body", "reviewerNickname", "createdDate", "territory"}}]}``.
Replies live in separate ``customerReviewResponses`` resources and are not
joined.

**app-store-scraper** (the Python package's ``reviews`` saved as JSON): a
list of ``{"date", "userName", "title", "review", "rating", "isEdited",
"developerResponse": {"id", "body", "modified"}}``.

``text`` is the title as the first sentence, then the review; ``rating`` the
stars (1-5); ``customer_id`` the reviewer's nickname (a display name, not an
account id: App Store reviews are otherwise anonymous); ``channel`` ``app``.
Territory (``DEU``, ``USA``) and version stay as extras. The developer's
response goes to ``reply_text`` and ``reply_timestamp``. Dates are kept as
written (converted to UTC when they carry an offset, as the API's do).
"""

from __future__ import annotations

import pandas as pd

from ._base import Preset, PresetContext
from ._common import add_column, find_column, join_title_body, parse_reply

_TITLE = ("Title", "Review Title", "attributes.title", "title")
_BODY = ("Review", "Content", "Review Text", "Body", "attributes.body", "review")


def _prepare(raw: pd.DataFrame, ctx: PresetContext) -> pd.DataFrame:
    out = raw.copy()
    title = find_column(raw, *_TITLE)
    body = find_column(raw, *_BODY)
    if title is not None or body is not None:
        text = join_title_body(
            raw[title] if title is not None else None, raw[body] if body is not None else None
        )
        out = add_column(out, "text", text)
    reply = parse_reply(
        raw,
        ctx,
        find_column(
            raw, "Developer Response", "Developer Reply", "Response", "developerResponse.body"
        ),
        find_column(
            raw,
            "Developer Response Date",
            "Developer Reply Date",
            "Response Date",
            "developerResponse.modified",
        ),
        zone=None,
    )
    for name, values in reply.items():
        out[name] = values
    return out


PRESET = Preset(
    name="app_store",
    description=(
        "Apple App Store reviews: review-tool CSV, App Store Connect API JSON or "
        "app-store-scraper JSON; title + review, stars, developer response as reply_text."
    ),
    aliases={
        "feedback_id": ("Review ID", "id"),
        "timestamp": ("Date", "Review Date", "attributes.createdDate", "date", "Updated"),
        "customer_id": (
            "Nickname",
            "Reviewer Nickname",
            "Author",
            "User Name",
            "attributes.reviewerNickname",
            "userName",
        ),
        "rating": ("Rating", "Stars", "attributes.rating", "rating"),
    },
    signature=(
        "Nickname",
        "Reviewer Nickname",
        "Territory",
        "Developer Response",
        "Developer Response Date",
        "isEdited",
        "userName",
        "developerResponse.body",
        "developerResponse.modified",
        "attributes.reviewerNickname",
        "attributes.territory",
        "attributes.createdDate",
    ),
    min_hits=2,
    prepare=_prepare,
    defaults={"channel": "app"},
)
