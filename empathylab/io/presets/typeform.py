"""Typeform responses: the CSV (or Excel) download of a form's results.

Results > Responses > Download all responses (CSV or XLSX). One row per
response; the columns are ``#`` (the response token), one column per
question titled with the question itself (``Wie wahrscheinlich ist es, dass
Sie uns weiterempfehlen?``), the hidden fields, then ``Response Type``
(``completed`` or ``partial``), ``Start Date (UTC)``, ``Stage Date (UTC)``,
``Submit Date (UTC)``, ``Network ID``, ``Tags`` and ``Ending`` (older
exports have only the start and submit dates and the network id). Dates are
written ``2026-11-22 14:35:10`` in UTC.

The questions are found by their titles and answers (see
:mod:`empathylab.io.presets._survey`): the NPS question (recommend /
weiterempfehlen, answers 0-10) -> ``nps``; an opinion scale or rating
question (rate / bewerten / Sterne) -> ``rating``; satisfaction -> ``csat``;
ease / effort -> ``ces``; the open question asking why / warum / for a
comment -> ``text``. Hidden fields keep their names (a hidden field called
``kundennr`` or ``customer_id`` fills ``customer_id`` through the usual
German/English header names).

``feedback_id`` is ``#``; ``timestamp`` the Submit Date, for partial
responses the Stage Date or the Start Date, as UTC; ``channel`` is
``survey``.
"""

from __future__ import annotations

import pandas as pd

from ..schema import normalize_header
from ._base import Preset, PresetContext
from ._common import add_column, blank_to_na, find_column, parse_times
from ._survey import add_survey_columns, find_questions

_META = (
    "#",
    "Response Type",
    "Start Date (UTC)",
    "Stage Date (UTC)",
    "Submit Date (UTC)",
    "Network ID",
    "Tags",
    "Ending",
)
_META_NORM = {normalize_header(m) for m in _META}


def _prepare(raw: pd.DataFrame, ctx: PresetContext) -> pd.DataFrame:
    skip = [c for c in raw.columns if normalize_header(c) in _META_NORM]
    found = find_questions(raw, {str(c): str(c) for c in raw.columns}, skip=skip)
    out = add_survey_columns(raw, raw.copy(), found)
    token = next((c for c in raw.columns if str(c).strip() == "#"), None)
    if token is not None:
        out = add_column(out, "feedback_id", blank_to_na(raw[token]))
    dates = [
        c
        for c in (
            find_column(raw, "Submit Date (UTC)"),
            find_column(raw, "Stage Date (UTC)"),
            find_column(raw, "Start Date (UTC)"),
        )
        if c is not None
    ]
    if dates:
        merged = blank_to_na(raw[dates[0]])
        for col in dates[1:]:
            merged = merged.fillna(blank_to_na(raw[col]))
        out = add_column(out, "timestamp", parse_times(merged, ctx, dates[0], zone="UTC"))
    return out


PRESET = Preset(
    name="typeform",
    description=(
        "Typeform responses download (Results > Responses, CSV or XLSX); NPS, rating and "
        "comment questions found by their titles."
    ),
    aliases={"timestamp": ("Submit Date (UTC)", "Stage Date (UTC)", "Start Date (UTC)")},
    signature=(
        "Network ID",
        "Start Date (UTC)",
        "Submit Date (UTC)",
        "Stage Date (UTC)",
        "Response Type",
        "Ending",
    ),
    min_hits=3,
    prepare=_prepare,
    defaults={"channel": "survey"},
)
