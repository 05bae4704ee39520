"""Building blocks the vendor presets share: column lookup, HTML, titles, replies, ids.

Everything works on whole columns (pandas string methods, compiled patterns);
the presets combine these into their ``prepare`` steps.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from ..schema import normalize_header
from ..values import is_blank, parse_datetimes
from ._base import PresetContext

__all__ = [
    "add_column",
    "blank_to_na",
    "channel_from_via",
    "fill_ids",
    "find_column",
    "join_title_body",
    "lookup_labels",
    "parse_reply",
    "parse_times",
    "strip_html",
]


def find_column(raw: pd.DataFrame, *names: str) -> str | None:
    """The first of ``names`` present in ``raw`` (compared after ``normalize_header``).

    >>> find_column(pd.DataFrame(columns=["Review Title", "x"]), "title", "review title")
    'Review Title'
    """
    present: dict[str, str] = {}
    for col in raw.columns:
        present.setdefault(normalize_header(col), str(col))
    for name in names:
        hit = present.get(normalize_header(name))
        if hit is not None:
            return hit
    return None


def blank_to_na(values: pd.Series) -> pd.Series:
    """Values as stripped strings, empty cells as NA."""
    text = values.astype("string").str.strip()
    return text.mask(is_blank(values))


def add_column(frame: pd.DataFrame, name: str, values: pd.Series | object) -> pd.DataFrame:
    """Set canonical column ``name``; a vendor column of that name moves to ``<name>_original``.

    Modifies and returns ``frame`` (a copy made by the caller).
    """
    if name in frame.columns and f"{name}_original" not in frame.columns:
        frame = frame.rename(columns={name: f"{name}_original"})
    frame[name] = values
    return frame


# Plain-string patterns (RE2 syntax) so that pandas runs them in pyarrow.
_TAG = r"</?[A-Za-z][^<>]*>"
_BREAK = r"(?i)<\s*(?:br\s*/?|/p|/div|/li|/h[1-6]|/tr|/blockquote)\s*>"
_ENTITY = r"&(?:[A-Za-z]+|#[0-9]+|#x[0-9A-Fa-f]+);"


def strip_html(values: pd.Series) -> pd.Series:
    """HTML message bodies as plain text: tags removed, paragraphs and ``<br>`` as line
    breaks, entities such as ``&amp;`` and ``&uuml;`` decoded.

    Cells without tags or entities are left exactly as they were.

    >>> bodies = ["<p>Hallo</p>", "<p>Paket&nbsp;fehlt.</p><p>Danke!</p>", "3 < 5"]
    >>> strip_html(pd.Series(bodies)).tolist()
    ['Hallo', 'Paket fehlt.\\nDanke!', '3 < 5']
    """
    text = values.astype("string")
    tagged = text.str.contains(_TAG, regex=True).fillna(False).astype(bool)
    entity = text.str.contains(_ENTITY, regex=True).fillna(False).astype(bool)
    touched = tagged | entity
    if not touched.any():
        return text
    part = text[touched]
    part = part.str.replace(_BREAK, "\n", regex=True).str.replace(_TAG, "", regex=True)
    has_entity = part.str.contains(_ENTITY, regex=True).fillna(False).astype(bool)
    if has_entity.any():
        # html.unescape knows all 2,231 named entities; only cells that contain one pay for it.
        decoded = part[has_entity].map(html.unescape, na_action="ignore").astype("string")
        part = part.mask(has_entity, decoded)
    part = (
        part.str.replace(r"[ \t\x{00a0}]+", " ", regex=True)
        .str.replace(r" ?\n ?", "\n", regex=True)
        .str.replace(r"\n{2,}", "\n", regex=True)
        .str.strip()
    )
    return text.mask(touched, part)


_SENTENCE_END = r"[.!?…:;\"'“”»)]$"


def join_title_body(title: pd.Series | None, body: pd.Series | None) -> pd.Series:
    """A review's title as its first sentence, then the body: ``"Super. Kam schnell an."``.

    A full stop is added after a title that does not end in punctuation; a row
    with only a title or only a body gets that one.

    >>> join_title_body(pd.Series(["Super", "Naja!", None]),
    ...                 pd.Series(["Kam schnell an.", "", "Nur Text"])).tolist()
    ['Super. Kam schnell an.', 'Naja!', 'Nur Text']
    """
    if title is None:
        if body is None:
            raise ValueError("join_title_body needs a title or a body column")
        return blank_to_na(body)
    head = blank_to_na(title)
    if body is None:
        return head
    tail = blank_to_na(body)
    ended = head.str.contains(_SENTENCE_END, regex=True).fillna(True).astype(bool)
    head_dot = head.where(ended, head + ".")
    both = head.notna() & tail.notna()
    joined = head_dot.str.cat(tail, sep=" ")
    return joined.where(both, tail.fillna(head))


def parse_times(
    values: pd.Series,
    ctx: PresetContext,
    column: str,
    *,
    zone: str | None = "UTC",
    dayfirst: bool = False,
    target: str = "timestamp",
    lines: pd.Index | None = None,
) -> pd.Series:
    """Dates of a vendor column, in UTC when the export states its time zone.

    Times without an offset are taken to be in ``zone`` (``"UTC"`` for headers
    such as ``Review Created (UTC)``, Qualtrics' ``timeZone``) and converted to
    UTC; ``zone=None`` leaves them as they are. In the hour that occurs twice
    when clocks go back, standard time is assumed. Values that are not dates
    are left empty and reported as ``invalid_value`` with their source lines
    (``lines``, one per value, when ``values`` is not indexed by line).
    """
    stamps, bad = parse_datetimes(values, dayfirst=dayfirst)
    if bad.any():
        ctx.warn(
            "invalid_value",
            f"{int(bad.sum())} value(s) of {column!r} are not dates; {target} left empty",
            column=column,
            lines=(values.index if lines is None else lines)[bad.to_numpy()].tolist(),
        )
    if zone is None or getattr(stamps.dt, "tz", None) is not None:
        return stamps
    try:
        local = stamps.dt.tz_localize(
            zone, ambiguous=np.zeros(len(stamps), dtype=bool), nonexistent="shift_forward"
        )
    except (KeyError, ValueError) as err:
        ctx.warn(
            "unknown_value",
            f"time zone {zone!r} of {column!r} is unknown ({err}); times kept as written",
            column=column,
        )
        return stamps
    return local.dt.tz_convert("UTC")


def parse_reply(
    raw: pd.DataFrame,
    ctx: PresetContext,
    text_col: str | None,
    date_col: str | None,
    *,
    zone: str | None = "UTC",
) -> dict[str, pd.Series]:
    """``reply_text`` and ``reply_timestamp`` from the vendor's reply columns (see
    :func:`parse_times` for ``zone``)."""
    out: dict[str, pd.Series] = {}
    if text_col is not None:
        out["reply_text"] = strip_html(blank_to_na(raw[text_col])).astype("str")
    if date_col is not None:
        out["reply_timestamp"] = parse_times(
            raw[date_col], ctx, date_col, zone=zone, target="reply_timestamp"
        )
    return out


def fill_ids(ids: pd.Series, ctx: PresetContext) -> pd.Series:
    """Missing ids replaced by ``<file>:<line>``, as the reader generates them."""
    stem = ctx.source.rsplit("/", 1)[-1]
    generated = pd.Series(ids.index.astype(str), index=ids.index, dtype="string").radd(f"{stem}:")
    return blank_to_na(ids).fillna(generated)


# Ordered: the first pattern that matches decides (WhatsApp is chat, not app).
_VIA_RULES: tuple[tuple[str, str], ...] = (
    ("phone", r"(?i)phone|voice|voicemail|call|telefon|talk"),
    ("email", r"(?i)mail"),
    ("chat", r"(?i)chat|messag|whatsapp|sms|line|wechat|any.?channel"),
    ("social", r"(?i)twitter|facebook|instagram|social"),
    ("app", r"(?i)mobile|sdk|\bapp\b"),
    ("web", r"(?i)web|form|widget|\bapi\b|help.?cent|portal"),
)


def channel_from_via(values: pd.Series) -> pd.Series:
    """Channel names of help desks (Zendesk's ``Via``: ``Web Form``, ``Phone call (incoming)``,
    ``Mobile SDK``, ``web_widget``, ...) mapped to the canonical channels; others in lower case.

    >>> channel_from_via(pd.Series(["Web Form", "Phone call (incoming)", "WhatsApp", "rule"]))
    0      web
    1    phone
    2     chat
    3     rule
    dtype: string
    """
    text = blank_to_na(values)
    out = text.str.lower()
    decided = pd.Series(False, index=values.index)
    for channel, pattern in _VIA_RULES:
        hit = text.str.contains(pattern, regex=True).fillna(False).astype(bool) & ~decided
        out = out.mask(hit, channel)
        decided |= hit
    return out


def lookup_labels(values: pd.Series, table: Mapping[str, Sequence[str]]) -> pd.Series:
    """Answer labels replaced by their numbers (``"Sehr zufrieden"`` -> ``"5"``).

    ``table`` maps a number to its labels; labels are compared after
    ``normalize_header``. Values not in the table are left as they were.

    >>> lookup_labels(pd.Series(["Sehr zufrieden", "4", "??"]), {"5": ["sehr zufrieden"]}).tolist()
    ['5', '4', '??']
    """
    reverse = {normalize_header(label): num for num, labels in table.items() for label in labels}
    text = values.astype("string")
    key = text.str.lower()
    for umlaut, spelled in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        key = key.str.replace(umlaut, spelled, regex=False)
    key = key.str.replace(r"[^0-9a-z]+", " ", regex=True).str.strip()
    mapped = key.map(reverse, na_action="ignore")
    return mapped.fillna(text).astype("string")
