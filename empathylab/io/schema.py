"""The canonical feedback schema every loader returns.

One row is one message: a survey answer, a review, a ticket comment, a tweet.
Columns (all present after :func:`empathylab.read_feedback`, missing values as NA):

=================  ==========================  =============================================
column             dtype                       meaning
=================  ==========================  =============================================
feedback_id        str                         id of the message (generated when absent)
timestamp          datetime64                  when it was written (UTC if the source had zones)
customer_id        str                         who the customer is
conversation_id    str                         ticket / thread / conversation it belongs to
author_role        category                    ``customer``, ``agent`` or ``bot``
agent_id           str                         the agent or bot that wrote it (agent rows)
channel            str                         email, phone, chat, web, app, store, social, ...
touchpoint         str                         journey touchpoint given by the source
text               str                         the free text (required)
language           str                         ISO 639-1 code from the source (``de``, ``en``)
rating             float64                     star rating, 1-5
nps                float64                     likelihood to recommend, 0-10
csat               float64                     satisfaction, 1-5
ces                float64                     customer effort score, 1-7, 7 = very easy
source             str                         file (and archive member) the row came from
=================  ==========================  =============================================

After these come ``source_line`` (the row's line in the file, or its record
number for JSON and Parquet, so every row can be traced back) and the source's
other columns, unchanged. Presets that carry a public reply next to a review
(Trustpilot, app stores) add ``reply_text`` and ``reply_timestamp``.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "AUTHOR_ROLES",
    "CANONICAL_COLUMNS",
    "ID_COLUMNS",
    "SCORE_COLUMNS",
    "SCORE_RANGES",
    "STRING_COLUMNS",
    "normalize_header",
]

CANONICAL_COLUMNS: tuple[str, ...] = (
    "feedback_id",
    "timestamp",
    "customer_id",
    "conversation_id",
    "author_role",
    "agent_id",
    "channel",
    "touchpoint",
    "text",
    "language",
    "rating",
    "nps",
    "csat",
    "ces",
    "source",
)

ID_COLUMNS: tuple[str, ...] = ("feedback_id", "customer_id", "conversation_id", "agent_id")
SCORE_COLUMNS: tuple[str, ...] = ("rating", "nps", "csat", "ces")
STRING_COLUMNS: tuple[str, ...] = (
    *ID_COLUMNS,
    "channel",
    "touchpoint",
    "text",
    "language",
    "source",
)
AUTHOR_ROLES: tuple[str, ...] = ("customer", "agent", "bot")

#: Allowed range of each score column; values outside become NA with a warning.
#: NPS 0-10 after Reichheld (2003); CSAT 1-5; CES 1-7 (the 7-point CES 2.0 scale);
#: star ratings 1-5. Override with ``read_feedback(..., score_ranges={...})``.
SCORE_RANGES: dict[str, tuple[float, float]] = {
    "rating": (1.0, 5.0),
    "nps": (0.0, 10.0),
    "csat": (1.0, 5.0),
    "ces": (1.0, 7.0),
}

_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def normalize_header(name: object) -> str:
    """Header text reduced for matching: lower case, umlauts spelled out, words by one space.

    >>> normalize_header("  Kunden-Nr.  ")
    'kunden nr'
    >>> normalize_header("Zufriedenheit (1–5)")
    'zufriedenheit 1 5'
    >>> normalize_header("Review Created (UTC)")
    'review created utc'
    """
    text = str(name).strip().lower().translate(_UMLAUTS)
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return _NON_ALNUM.sub(" ", text).strip()
