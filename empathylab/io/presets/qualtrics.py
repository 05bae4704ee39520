"""Qualtrics survey responses: the CSV (or Excel) export with three header rows.

Data & Analysis > Export & Import > Export Data > CSV (or Excel), with
"Use choice text" or "Use numeric values". The file starts with three rows:

1. short column names: ``StartDate, EndDate, Status, IPAddress, Progress,
   Duration (in seconds), Finished, RecordedDate, ResponseId,
   RecipientLastName, RecipientFirstName, RecipientEmail, ExternalReference,
   LocationLatitude, LocationLongitude, DistributionChannel, UserLanguage``,
   then the questions ``Q1, Q1_NPS_GROUP, Q2_1, Q3_TEXT, ...`` (or the names
   given to them) and embedded data;
2. the question texts (``Start Date``, ``Response ID``, ``Wie
   wahrscheinlich ist es, dass Sie uns weiterempfehlen?``, ...);
3. import ids as JSON: ``{"ImportId":"QID1"}``,
   ``{"ImportId":"recordedDate","timeZone":"Europe/Berlin"}``.

Rows 2 and 3 are header, not responses: :func:`header_rows` finds them (also
the two-row layout of older exports) and the reader does not count them.

The questions are found by their text and their answers (see
:mod:`empathylab.io.presets._survey`): ``nps`` is the question asking how
likely one is to recommend (``recommend``, ``empfehlen``,
``weiterempfehlen``) whose answers read as numbers (``"10 - Extremely
likely"``, ``"0 - Überhaupt nicht wahrscheinlich"`` and plain numbers), else
a column named ``NPS``, ``Q_NPS`` or ``..._NPS``; ``..._NPS_GROUP`` holds the
Promoter/Passive/Detractor category and is never a score. ``csat`` and
``ces`` are found the same way (satisfaction; ease or effort, with Likert
labels such as ``Sehr zufrieden`` -> 5 and ``Stimme eher zu`` -> 5 of 7
translated). ``text`` is the open question asking why / warum / for a
comment or feedback with the longest answers, else the ``_TEXT`` column (by
name or import id, ``QID2_TEXT``) with the longest answers. Other questions stay as extra columns.

``feedback_id`` is ``ResponseId``, ``timestamp`` ``RecordedDate`` (else
``EndDate``) converted from the export's ``timeZone`` to UTC,
``customer_id`` ``ExternalReference`` (else ``RecipientEmail``),
``language`` ``UserLanguage``; ``channel`` is ``survey`` (the distribution
channel stays in ``DistributionChannel``). Survey previews, test and spam
responses (``Status``) are kept and reported as ``test_response``.
"""

from __future__ import annotations

import json
import re

import pandas as pd

from ..schema import normalize_header
from ._base import Preset, PresetContext
from ._common import add_column, blank_to_na, find_column, parse_times
from ._survey import add_survey_columns, find_questions

# Squashed metadata column -> squashed texts of the same column in the question-text row.
_META: dict[str, tuple[str, ...]] = {
    "startdate": ("startdate",),
    "enddate": ("enddate",),
    "status": ("responsetype", "status"),
    "ipaddress": ("ipaddress",),
    "progress": ("progress",),
    "durationinseconds": ("durationinseconds",),
    "finished": ("finished",),
    "recordeddate": ("recordeddate",),
    "responseid": ("responseid",),
    "responseset": ("responseset",),
    "recipientlastname": ("recipientlastname",),
    "recipientfirstname": ("recipientfirstname",),
    "recipientemail": ("recipientemail",),
    "externalreference": ("externaldatareference", "externalreference"),
    "externaldatareference": ("externaldatareference",),
    "locationlatitude": ("locationlatitude",),
    "locationlongitude": ("locationlongitude",),
    "distributionchannel": ("distributionchannel",),
    "userlanguage": ("userlanguage",),
    "name": ("name",),
    "emailaddress": ("emailaddress",),
}
_TEST_STATUS = {
    "survey preview": "preview",
    "survey test": "test",
    "spam": "spam",
    "1": "preview",
    "2": "test",
    "8": "spam",
}
_NPS_NAME = re.compile(r"(?i)^(?:q_)?nps(?:_score)?$|_nps$")


def _squash(name: object) -> str:
    return normalize_header(name).replace(" ", "")


def _meta_columns(columns: pd.Index) -> list[str]:
    return [
        str(c)
        for c in columns
        if _squash(c) in _META or str(c).startswith("Q_") or _squash(c).startswith("location")
    ]


def _is_import_row(row: pd.Series) -> bool:
    text = row.astype("string").str.strip()
    return bool(text.str.startswith('{"ImportId"').fillna(False).sum() >= 2)


def _is_question_row(row: pd.Series) -> bool:
    hits = 0
    for col in row.index:
        expected = _META.get(_squash(col))
        if expected is not None and _squash(row[col]) in expected:
            hits += 1
    return hits >= 2


def header_rows(raw: pd.DataFrame) -> int:
    """Leading rows that repeat the header: question texts and/or import ids (0 to 2).

    >>> raw = pd.DataFrame({"StartDate": ["Start Date", '{"ImportId":"startDate"}', "2026-11-20"],
    ...                     "ResponseId": ["Response ID", '{"ImportId":"_recordId"}', "R_1"]})
    >>> header_rows(raw)
    2
    """
    n = 0
    for position in range(min(2, len(raw))):
        row = raw.iloc[position]
        if _is_import_row(row) or (position == n and _is_question_row(row)):
            n = position + 1
        else:
            break
    return n


def _header_info(ctx: PresetContext) -> tuple[dict[str, str], dict[str, dict[str, str]]]:
    """Question text and import-id fields (``ImportId``, ``timeZone``) of each column."""
    questions: dict[str, str] = {}
    imports: dict[str, dict[str, str]] = {}
    for _, row in ctx.header_rows.iterrows():  # at most two rows
        if _is_import_row(row):
            for col, cell in row.items():  # a few dozen cells, each a JSON object
                try:
                    info = json.loads(cell) if isinstance(cell, str) else None
                except ValueError:
                    continue
                if isinstance(info, dict):
                    imports[str(col)] = {str(k): str(v) for k, v in info.items()}
        else:
            questions.update(
                {str(c): str(v) for c, v in row.items() if isinstance(v, str) and v.strip()}
            )
    return questions, imports


def _prepare(raw: pd.DataFrame, ctx: PresetContext) -> pd.DataFrame:
    out = raw.copy()
    questions, imports = _header_info(ctx)

    def free_text(col: str) -> bool:
        import_id = imports.get(col, {}).get("ImportId", "")
        return col.upper().endswith("_TEXT") or import_id.upper().endswith("_TEXT")

    found = find_questions(raw, questions, skip=_meta_columns(raw.columns), free_text=free_text)
    if "nps" not in found:
        named = [c for c in raw.columns if _NPS_NAME.search(str(c))]
        if named:  # a column named NPS is the NPS even when its text sounded like a rating
            found = {kind: col for kind, col in found.items() if col != named[0]}
            found["nps"] = named[0]
    out = add_survey_columns(raw, out, found)

    stamp = find_column(raw, "RecordedDate", "EndDate")
    zone = imports.get(stamp, {}).get("timeZone") if stamp is not None else None
    if stamp is not None and zone:
        out = add_column(out, "timestamp", parse_times(raw[stamp], ctx, stamp, zone=zone))

    status = find_column(raw, "Status")
    if status is not None:
        kind = blank_to_na(raw[status]).str.lower().map(_TEST_STATUS, na_action="ignore")
        flagged = kind.notna().to_numpy(dtype=bool)
        if flagged.any():
            counts = kind[flagged].value_counts()
            what = ", ".join(f"{n} {k}" for k, n in counts.items())
            ctx.warn(
                "test_response",
                f"{int(flagged.sum())} response(s) are not from respondents ({what}, by "
                f"{status!r}); kept, filter them out with df[{status!r}]",
                column=status,
                lines=raw.index[flagged].tolist(),
            )
    return out


PRESET = Preset(
    name="qualtrics",
    description=(
        "Qualtrics survey export (Data & Analysis > Export Data, CSV or Excel) with its three "
        "header rows; NPS, CSAT, CES and the comment question found by their texts."
    ),
    aliases={
        "feedback_id": ("ResponseId", "ResponseID", "_recordId"),
        "timestamp": ("RecordedDate", "EndDate", "StartDate"),
        "customer_id": (
            "ExternalReference",
            "ExternalDataReference",
            "RecipientEmail",
            "EmailAddress",
        ),
        "language": ("UserLanguage", "Q_Language"),
    },
    signature=(
        "StartDate",
        "EndDate",
        "Status",
        "IPAddress",
        "Progress",
        "Duration (in seconds)",
        "Finished",
        "RecordedDate",
        "ResponseId",
        "RecipientLastName",
        "RecipientFirstName",
        "RecipientEmail",
        "ExternalReference",
        "LocationLatitude",
        "LocationLongitude",
        "DistributionChannel",
        "UserLanguage",
    ),
    min_hits=3,
    header_rows=header_rows,
    prepare=_prepare,
    defaults={"channel": "survey"},
)
