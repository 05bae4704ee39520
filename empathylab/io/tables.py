"""Format readers: each turns a :class:`RawSource` into a raw table of records.

A raw table is a DataFrame with the source's own headers, the record's line
(or record number) as index, and the records that could not be read listed
separately with their reasons. Mapping to the canonical schema happens later.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..exceptions import FeedbackFormatError
from .delimited import dedupe_headers, parse_delimited
from .encoding import decode_bytes
from .sources import RawSource

__all__ = ["RawTable", "read_table"]

_MAX_RAW = 500
# Keys under which APIs wrap their records: Zendesk, Intercom, Trustpilot, generic.
_ENVELOPES = (
    "tickets",
    "comments",
    "conversations",
    "reviews",
    "responses",
    "results",
    "data",
    "items",
    "records",
    "messages",
    "feedback",
    "entries",
    "rows",
    "value",
)


@dataclass
class RawTable:
    """Records of one export before mapping, with everything needed for the report."""

    frame: pd.DataFrame
    format: str
    quarantined: list[dict[str, object]] = field(default_factory=list)
    encoding: str | None = None
    delimiter: str | None = None
    header_lines: int = 1
    preamble_lines: int = 0
    blank_lines: int = 0
    notes: list[dict[str, object]] = field(default_factory=list)


def read_table(
    raw: RawSource,
    fmt: str,
    *,
    encoding: str | None = None,
    delimiter: str | None = None,
    sheet_name: int | str = 0,
    strict: bool = False,
) -> RawTable:
    """Read ``raw`` as ``fmt`` (one of ``csv, excel, json, jsonl, parquet``)."""
    if fmt == "csv":
        return _read_csv(raw, encoding=encoding, delimiter=delimiter, strict=strict)
    if fmt == "excel":
        return _read_excel(raw, sheet_name=sheet_name)
    if fmt in ("json", "jsonl"):
        text, used = _text(raw, encoding)
        reader = _read_jsonl if fmt == "jsonl" else _read_json
        table = reader(text, source=raw.name, strict=strict)
        table.encoding = used
        return table
    if fmt == "parquet":
        return _read_parquet(raw)
    raise FeedbackFormatError(  # pragma: no cover - checked by the caller
        f"`format` must be one of ['auto', 'csv', 'excel', 'json', 'jsonl', 'parquet'], "
        f"but {fmt!r} was passed."
    )


def _text(raw: RawSource, encoding: str | None) -> tuple[str, str | None]:
    if raw.text is not None:
        return raw.text, None
    return decode_bytes(raw.data, source=raw.name, encoding=encoding)


def _read_csv(
    raw: RawSource, *, encoding: str | None, delimiter: str | None, strict: bool
) -> RawTable:
    text, used = _text(raw, encoding)
    if delimiter is None and raw.suffix == ".tsv":
        delimiter = "\t"
    parsed = parse_delimited(text, source=raw.name, delimiter=delimiter, strict=strict)
    return RawTable(
        frame=parsed.frame,
        format="csv",
        quarantined=parsed.quarantined,
        encoding=used,
        delimiter=parsed.dialect.delimiter,
        preamble_lines=parsed.preamble_lines,
        blank_lines=parsed.blank_lines,
        notes=parsed.notes,
        header_lines=0 if any(n["kind"] == "no_header" for n in parsed.notes) else 1,
    )


def _cell_to_str(value: object) -> object:
    """Excel/JSON cell as text: whole floats without ``.0``, dates in ISO 8601."""
    if value is None or value is pd.NA or value is pd.NaT:
        return pd.NA
    if isinstance(value, float):
        if math.isnan(value):
            return pd.NA
        return str(int(value)) if value.is_integer() and abs(value) < 2**53 else repr(value)
    if isinstance(value, bool | np.bool_):
        return "True" if value else "False"
    if isinstance(value, dt.datetime | dt.date | dt.time | pd.Timestamp):
        return value.isoformat()
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def _stringify(frame: pd.DataFrame) -> pd.DataFrame:
    """Object columns (mixed cell types) become strings; typed columns stay typed."""
    out = {}
    for col in frame.columns:
        values = frame[col]
        if values.dtype == object:
            values = values.map(_cell_to_str).astype("str")
        out[col] = values
    return pd.DataFrame(out, index=frame.index)


def _read_excel(raw: RawSource, *, sheet_name: int | str) -> RawTable:
    try:
        grid = pd.read_excel(
            io.BytesIO(raw.data),
            sheet_name=sheet_name,
            header=None,
            dtype=object,
            engine="openpyxl",
        )
    except ValueError as err:
        if "Worksheet" in str(err) or "sheet" in str(err).lower():
            raise FeedbackFormatError(
                f"{raw.name}: sheet {sheet_name!r} not found ({err}); pass sheet_name= with "
                "the sheet's name or position (0 = the first)."
            ) from None
        raise FeedbackFormatError(
            f"{raw.name}: cannot be read as an Excel workbook ({err}); save it again as .xlsx."
        ) from None
    except Exception as err:  # openpyxl and zipfile raise many types for damaged files
        raise FeedbackFormatError(
            f"{raw.name}: cannot be read as an Excel workbook ({type(err).__name__}: {err}); "
            "open it in Excel and save it again as .xlsx, or export CSV."
        ) from None
    grid.index = pd.RangeIndex(1, len(grid) + 1)  # Excel row numbers
    filled = grid.notna() & grid.map(lambda v: not (isinstance(v, str) and not v.strip()))
    counts = filled.sum(axis=1)
    nonblank = counts[counts > 0]
    if nonblank.empty:
        raise FeedbackFormatError(f"{raw.name}: the sheet is empty; check sheet_name=.")
    # The header is the first row filled at least half as wide as the typical row: title
    # rows above it fill a cell or two, and a survey header may leave cells blank under
    # multi-part questions, so it can be narrower than the data below it.
    typical = int(nonblank.head(50).mode().max())
    needed = 1 if typical <= 1 else max(2, (typical + 1) // 2)
    header_row = int(nonblank[nonblank >= needed].index[0])
    used_cols = [c for c in grid.columns if filled.loc[header_row:, c].any()]
    header = [
        str(_cell_to_str(v)) if not pd.isna(v) else "" for v in grid.loc[header_row, used_cols]
    ]
    body = grid.loc[header_row + 1 :, used_cols]
    blank_rows = ~filled.loc[header_row + 1 :, used_cols].any(axis=1)
    body = body[~blank_rows]
    body.columns = dedupe_headers(header)
    frame = _stringify(body)
    frame.index = pd.Index(body.index, dtype="int64", name="line")
    preamble = int((counts.loc[: header_row - 1] > 0).sum())
    blank = int((counts.loc[: header_row - 1] == 0).sum()) + int(blank_rows.sum())
    return RawTable(
        frame=frame, format="excel", header_lines=1, preamble_lines=preamble, blank_lines=blank
    )


def _records_from_json(obj: object, source: str) -> list[object]:
    if isinstance(obj, list):
        return obj
    if isinstance(obj, dict):
        for key in _ENVELOPES:
            if isinstance(obj.get(key), list):
                return list(obj[key])
        lists = [v for v in obj.values() if isinstance(v, list) and v and isinstance(v[0], dict)]
        if lists:
            return max(lists, key=len)
        if obj and all(isinstance(v, dict) for v in obj.values()):
            return [dict(v, _key=k) for k, v in obj.items()]  # {"id": {...}, ...}
        return [obj]
    raise FeedbackFormatError(
        f"{source}: the JSON holds a {type(obj).__name__}, not records; expected a list of "
        'objects (or an object with one, such as {"tickets": [...]}).'
    )


def _flatten(record: dict[str, object], prefix: str = "", depth: int = 0) -> dict[str, object]:
    """Nested objects as dotted columns (``via.channel``), four levels deep; lists stay
    whole. Like ``pandas.json_normalize(sep=".", max_level=3)`` without its deep copy of
    every record, which dominated the loading of API exports.

    >>> _flatten({"id": 1, "via": {"channel": "email", "source": {"from": "x"}}, "tags": []})
    {'id': 1, 'via.channel': 'email', 'via.source.from': 'x', 'tags': []}
    """
    out: dict[str, object] = {}
    for key, value in record.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict) and value and depth < 3:
            out.update(_flatten(value, f"{name}.", depth + 1))
        else:
            out[name] = value
    return out


def _frame_from_records(
    records: list[object], numbers: list[int], source: str, strict: bool, what: str
) -> tuple[pd.DataFrame, list[dict[str, object]]]:
    good: list[dict[str, object]] = []
    good_numbers: list[int] = []
    quarantined: list[dict[str, object]] = []
    for number, record in zip(numbers, records, strict=True):
        if isinstance(record, dict) and record:
            good.append(record)
            good_numbers.append(number)
            continue
        reason = (
            "empty object"
            if isinstance(record, dict)
            else f"a {type(record).__name__}, not an object"
        )
        if strict:
            raise FeedbackFormatError(
                f"{source}, {what} {number}: {reason}; fix it, or pass strict=False to "
                "quarantine it."
            )
        raw = json.dumps(record, ensure_ascii=False, default=str)[:_MAX_RAW]
        quarantined.append({"line": number, "reason": reason, "raw": raw})
    if good:
        flat = [_flatten(record) for record in good]
        frame = pd.DataFrame.from_records(flat)
        frame.columns = dedupe_headers([str(c) for c in frame.columns])
    else:
        frame = pd.DataFrame()
    frame.index = pd.Index(good_numbers, dtype="int64", name="line")
    return _stringify(frame), quarantined


def _read_json(text: str, *, source: str, strict: bool) -> RawTable:
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as err:
        raise FeedbackFormatError(
            f"{source}, line {err.lineno}, column {err.colno}: invalid JSON ({err.msg}); if the "
            "file has one JSON object per line, pass format='jsonl'."
        ) from None
    except RecursionError:
        raise FeedbackFormatError(f"{source}: the JSON is nested too deeply to read.") from None
    records = _records_from_json(obj, source)
    frame, quarantined = _frame_from_records(
        records, list(range(1, len(records) + 1)), source, strict, "record"
    )
    return RawTable(frame=frame, format="json", quarantined=quarantined, header_lines=0)


def _read_jsonl(text: str, *, source: str, strict: bool) -> RawTable:
    records: list[object] = []
    numbers: list[int] = []
    quarantined: list[dict[str, object]] = []
    blank = 0
    for number, line in enumerate(text.lstrip("\ufeff").splitlines(), start=1):
        if not line.strip():
            blank += 1
            continue
        try:
            records.append(json.loads(line))
            numbers.append(number)
        except (json.JSONDecodeError, RecursionError) as err:
            reason = f"invalid JSON ({getattr(err, 'msg', 'nested too deeply')})"
            if strict:
                raise FeedbackFormatError(
                    f"{source}, line {number}: {reason}; fix the line, or pass strict=False to "
                    "quarantine it."
                ) from None
            quarantined.append({"line": number, "reason": reason, "raw": line[:_MAX_RAW]})
    frame, bad = _frame_from_records(records, numbers, source, strict, "line")
    return RawTable(
        frame=frame,
        format="jsonl",
        quarantined=sorted(quarantined + bad, key=lambda q: int(q["line"])),  # type: ignore[call-overload]
        header_lines=0,
        blank_lines=blank,
    )


def _read_parquet(raw: RawSource) -> RawTable:
    try:
        frame = pd.read_parquet(io.BytesIO(raw.data))
    except Exception as err:  # pyarrow raises ArrowInvalid, OSError, ... for damaged files
        raise FeedbackFormatError(
            f"{raw.name}: cannot be read as Parquet ({type(err).__name__}: {err}); write it "
            "again or export CSV."
        ) from None
    frame = frame.reset_index(drop=not any(frame.index.names))
    frame.columns = dedupe_headers([str(c) for c in frame.columns])
    frame = _stringify(frame)
    frame.index = pd.RangeIndex(1, len(frame) + 1, name="line")
    return RawTable(frame=frame, format="parquet", header_lines=0)
