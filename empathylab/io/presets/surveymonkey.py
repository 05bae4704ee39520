"""SurveyMonkey survey responses: the CSV or Excel export with two header rows.

Analyze Results > Save as > Export file > All responses data, "Original View",
"Actual answer text" (or "Numerical value"), columns condensed or expanded,
as CSV or XLSX. Two header rows:

1. ``Respondent ID, Collector ID, Start Date, End Date, IP Address, Email
   Address, First Name, Last Name, Custom Data 1``, then one cell per
   question with its text; a question with several answer columns (check
   boxes, matrix rows, "Other (please specify)") has its text over the first
   column and blanks over the rest;
2. blanks under the metadata, then ``Response`` under single-answer
   questions, ``Open-Ended Response`` under comment boxes, and the choice or
   row labels under multi-part questions.

:func:`header_rows` recognises the second row, which is header, not a
response. Each column's question is its own header or, for a blank header,
the last question to its left, followed by its label from the second row;
the columns of multi-part questions are renamed that way (``Zu welchen
Themen ...? - Karte`` instead of the blank header's ``column_12``).

The NPS, CSAT, CES, rating and comment questions are found by their texts
and answers as for Qualtrics (see :mod:`empathylab.io.presets._survey`);
comment boxes ("Open-Ended Response", "Other (please specify)") with the
longest answers are the fallback for ``text``. ``feedback_id`` is the
Respondent ID, ``timestamp`` the End Date (as written: SurveyMonkey exports
the account's local time, ``11/22/2026 02:35:10 PM``), ``customer_id`` the
Email Address (``Custom Data`` columns stay as extras), ``channel`` is
``survey``.
"""

from __future__ import annotations

import re

import pandas as pd

from ..schema import normalize_header
from ._base import Preset, PresetContext
from ._survey import add_survey_columns, find_questions

_META = (
    "Respondent ID",
    "Collector ID",
    "Start Date",
    "End Date",
    "IP Address",
    "Email Address",
    "First Name",
    "Last Name",
)
_META_NORM = {normalize_header(m) for m in _META}
# Labels of the second header row that only say "the answer" (SurveyMonkey writes them
# in the account's language).
_GENERIC = {"response", "antwort", "open ended response", "offene antwort"}
_OPEN = {
    "open ended response",
    "offene antwort",
    "other please specify",
    "sonstiges bitte angeben",
    "andere bitte angeben",
}
_PLACEHOLDER = re.compile(r"^column_[0-9]+$")


def _is_meta(column: object) -> bool:
    norm = normalize_header(column)
    return norm in _META_NORM or norm.startswith("custom data")


def header_rows(raw: pd.DataFrame) -> int:
    """1 when the first row holds the answer labels (``Response``, ``Open-Ended Response``,
    choice labels) under blank metadata cells, else 0.

    >>> raw = pd.DataFrame({"Respondent ID": ["", "1143"], "Q?": ["Response", "Gut"]})
    >>> header_rows(raw)
    1
    """
    if raw.empty:
        return 0
    first = raw.iloc[0].astype("string").str.strip().fillna("")
    meta = [c for c in raw.columns if _is_meta(c)]
    if not meta or (first[meta] != "").any():
        return 0
    labels = {normalize_header(v) for v in first.to_numpy() if v}
    return int(bool(labels & (_GENERIC | _OPEN)))


def _questions(raw: pd.DataFrame, ctx: PresetContext) -> tuple[dict[str, str], set[str]]:
    """Question text of each column and the columns that are comment boxes."""
    labels = (
        ctx.header_rows.iloc[0].astype("string").fillna("")
        if len(ctx.header_rows)
        else pd.Series("", index=raw.columns, dtype="string")
    )
    questions: dict[str, str] = {}
    open_boxes: set[str] = set()
    current = ""
    for col in raw.columns:  # once per column, to carry a question over its blank headers
        name = str(col)
        if not _PLACEHOLDER.match(name):
            current = name
        label = str(labels.get(col, "")).strip()
        norm = normalize_header(label)
        questions[name] = current if not label or norm in _GENERIC else f"{current} - {label}"
        if norm in _OPEN:
            open_boxes.add(name)
    return questions, open_boxes


def _part_names(raw: pd.DataFrame, questions: dict[str, str]) -> dict[str, str]:
    """New names for the columns of multi-part questions: ``<question> - <label>``."""
    names = {str(c) for c in raw.columns}
    multi = {q.split(" - ", 1)[0] for c, q in questions.items() if _PLACEHOLDER.match(c)}
    renames: dict[str, str] = {}
    for col, question in questions.items():
        if question != col and question.split(" - ", 1)[0] in multi and question not in names:
            renames[col] = question
            names.add(question)
    return renames


def _prepare(raw: pd.DataFrame, ctx: PresetContext) -> pd.DataFrame:
    questions, open_boxes = _questions(raw, ctx)
    found = find_questions(
        raw,
        questions,
        skip=[c for c in raw.columns if _is_meta(c)],
        free_text=open_boxes.__contains__,
    )
    out = add_survey_columns(raw, raw.copy(), found)
    return out.rename(columns=_part_names(raw, questions))


PRESET = Preset(
    name="surveymonkey",
    description=(
        "SurveyMonkey responses export (Analyze Results > Save as > Export file, CSV or XLSX) "
        "with its two header rows; NPS, CSAT and comment found by question text."
    ),
    aliases={
        "feedback_id": ("Respondent ID",),
        "timestamp": ("End Date", "Start Date"),
        "customer_id": ("Email Address",),
    },
    signature=(
        "Respondent ID",
        "Collector ID",
        "Start Date",
        "End Date",
        "IP Address",
        "Custom Data 1",
    ),
    min_hits=4,
    header_rows=header_rows,
    prepare=_prepare,
    defaults={"channel": "survey"},
)
