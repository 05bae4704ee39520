"""Delimited text (CSV, TSV, semicolon CSV): dialect sniffing and row-exact parsing.

Every physical line is accounted for: it is part of the header (or a preamble
above it, such as Excel's ``sep=;`` hint or an export title), a blank line, a
data record, or a quarantined record with the reason it was rejected.

A record with the wrong number of fields is quarantined. When a record spans
several lines because of an opening quote that is never closed, only its first
line is quarantined and parsing resumes on the next line, so one stray ``"``
cannot swallow the rest of the file.
"""

from __future__ import annotations

import csv
import re
import sys
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..exceptions import FeedbackFormatError

__all__ = ["Dialect", "ParsedTable", "parse_delimited", "sniff_dialect"]

_DELIMITERS = (";", ",", "\t", "|")
_SNIFF_LINES = 200
_MAX_RAW = 500  # characters of a quarantined record kept in the report


@dataclass(frozen=True)
class Dialect:
    """Delimiter and quote character of a delimited file."""

    delimiter: str
    quotechar: str = '"'


@dataclass
class ParsedTable:
    """Records of a delimited file as strings, indexed by their first physical line."""

    frame: pd.DataFrame
    quarantined: list[dict[str, object]] = field(default_factory=list)
    header_line: int = 1
    preamble_lines: int = 0
    blank_lines: int = 0
    dialect: Dialect = Dialect(",")
    notes: list[dict[str, object]] = field(default_factory=list)


def normalize_newlines(text: str) -> str:
    """Line ends become ``\\n``: ``\\r\\n`` (Windows), and a lone ``\\r`` too in files
    that use it as their line end (old Mac); elsewhere a lone ``\\r`` is a stray character
    inside a field (pasted text) and becomes a space.

    >>> normalize_newlines("a;b\\r\\n1;x\\ry\\r\\n")
    'a;b\\n1;x y\\n'
    """
    if "\r" not in text:
        return text
    text = text.replace("\r\n", "\n")
    return text.replace("\r", "\n" if "\n" not in text else " ")


@contextmanager
def _large_fields() -> Iterator[None]:
    old = csv.field_size_limit()
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    try:
        yield
    finally:
        csv.field_size_limit(old)


def _records(
    lines: list[str], start: int, dialect: Dialect
) -> Iterator[tuple[int, int, list[str]]]:
    """Yield ``(first_line_index, n_lines, fields)`` from ``lines[start:]``.

    Raises csv.Error from the underlying reader with the reader's state lost;
    the caller restarts after the offending line.
    """
    reader = csv.reader(
        (ln + "\n" for ln in _islice(lines, start)),
        delimiter=dialect.delimiter,
        quotechar=dialect.quotechar,
        doublequote=True,
        skipinitialspace=False,
        strict=False,
    )
    consumed = 0
    for fields in reader:
        n_lines = reader.line_num - consumed
        yield start + consumed, n_lines, fields
        consumed = reader.line_num


def _islice(lines: list[str], start: int) -> Iterator[str]:
    for i in range(start, len(lines)):
        yield lines[i]


def sniff_dialect(text: str, delimiter: str | None = None) -> tuple[Dialect, int]:
    """Choose the delimiter; return it and the number of preamble lines to skip.

    Each candidate (``;``, ``,``, tab, ``|``) parses the first lines; the one
    whose most common field count (above one) is shared by the most lines wins,
    ties going to the larger field count. An Excel ``sep=;`` first line is
    honoured and skipped.

    >>> sniff_dialect("Datum;Kommentar;NPS\\n22.11.2026;Gut, danke;9\\n")
    (Dialect(delimiter=';', quotechar='"'), 0)
    >>> sniff_dialect("sep=,\\na,b\\n1,2\\n")
    (Dialect(delimiter=',', quotechar='"'), 1)
    """
    lines = text.split("\n", _SNIFF_LINES + 1)[:_SNIFF_LINES]
    skip = 0
    hint = re.fullmatch(r"\s*sep=(.)\s*", lines[0]) if lines else None
    if hint:
        skip = 1
        delimiter = delimiter or hint.group(1)
    if delimiter is not None:
        return Dialect(delimiter), skip
    sample = lines[skip:]
    best: tuple[float, int, int] = (-1.0, 0, 0)
    choice = ","
    for rank, cand in enumerate(_DELIMITERS):
        counts = [len(f) for f in _sniff_records(sample, Dialect(cand)) if f != [""] and f]
        if not counts:
            continue
        modal, freq = Counter(counts).most_common(1)[0]
        if modal < 2:
            continue
        # Share of records with the modal count; later records weigh as much as the first.
        score = (freq / len(counts), modal, -rank)
        if score > best:
            best, choice = score, cand
    return Dialect(choice), skip


def _sniff_records(sample: list[str], dialect: Dialect) -> list[list[str]]:
    out = []
    try:
        with _large_fields():
            for _, _, fields in _records(sample, 0, dialect):
                out.append(fields)
    except csv.Error:
        pass
    return out


def _find_header(lines: list[str], start: int, dialect: Dialect) -> tuple[int, int, list[str]]:
    """Index of the header line, its line count and its fields.

    The header is the first non-blank record whose field count is the file's
    most common one; lines above it (an export title, a date) are preamble.
    """
    head: list[tuple[int, int, list[str]]] = []
    try:
        with _large_fields():
            for rec in _records(lines[: start + _SNIFF_LINES], start, dialect):
                if any(f.strip() for f in rec[2]):
                    head.append(rec)
    except csv.Error:
        pass
    if not head:
        raise FeedbackFormatError("no header line found")
    modal = Counter(len(r[2]) for r in head).most_common(1)[0][0]
    for rec in head[:20]:
        if len(rec[2]) == modal:
            return rec
    return head[0]


_URL = re.compile(r"(?:https?://|www\.)\S+")
_NUMBERISH = re.compile(r"[\d\s.,:/+-]+")


def _looks_like_data(header: list[str]) -> bool:
    """A first line of links, of only numbers, or mostly of long texts is data, not
    column names. (A single long cell is not enough: survey exports use whole
    questions, such as SurveyMonkey's 81-character NPS question, as headers.)"""
    cells = [c.strip() for c in header if c.strip()]
    if not cells:
        return False
    if any(_URL.fullmatch(c) for c in cells):
        return True
    if all(_NUMBERISH.fullmatch(c) for c in cells):
        return True
    return sum(len(c) > 60 for c in cells) > len(cells) / 2


def dedupe_headers(names: list[str]) -> list[str]:
    """Blank headers become ``column_<n>``; repeats get ``.1``, ``.2`` like pandas.

    >>> dedupe_headers(["a", "", "a", " b "])
    ['a', 'column_2', 'a.1', 'b']
    """
    out: list[str] = []
    seen: Counter[str] = Counter()
    for i, raw in enumerate(names, start=1):
        name = raw.strip().strip("\ufeff") or f"column_{i}"
        if seen[name]:
            candidate = f"{name}.{seen[name]}"
            while candidate in seen:
                seen[name] += 1
                candidate = f"{name}.{seen[name]}"
            seen[name] += 1
            name = candidate
        seen[name] += 1
        out.append(name)
    return out


def _parse_fast(
    text: str, lines: list[str], n_lines: int, start: int, names: list[str], dialect: Dialect
) -> tuple[pd.DataFrame, int] | None:
    """Parse a well-formed file with pyarrow's multithreaded CSV reader.

    ``lines`` holds at least the first ``start`` lines (preamble and header);
    ``n_lines`` is the file's number of lines.

    Returns None (and the caller takes the line-by-line path, which locates
    and quarantines bad records) when anything is off: an odd number of quote
    characters (an unclosed quote), a record whose field count differs from the
    header's, or a reader error. Line numbers follow from the record order and
    the line breaks inside quoted fields, since no line is skipped.
    """
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.csv as pacsv

    body_offset = sum(len(ln) + 1 for ln in lines[:start])
    body = text[body_offset:]
    if body.count(dialect.quotechar) % 2:
        return None
    invalid: list[object] = []

    def on_invalid(row: object) -> str:
        invalid.append(row)
        return "skip"

    columns = [f"f{i}" for i in range(len(names))]
    try:
        table = pacsv.read_csv(
            pa.py_buffer(body.encode("utf-8")),
            read_options=pacsv.ReadOptions(column_names=columns, block_size=1 << 24),
            parse_options=pacsv.ParseOptions(
                delimiter=dialect.delimiter,
                quote_char=dialect.quotechar,
                double_quote=True,
                newlines_in_values=True,
                ignore_empty_lines=False,
                invalid_row_handler=on_invalid,
            ),
            convert_options=pacsv.ConvertOptions(
                column_types=dict.fromkeys(columns, pa.string()),
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except (pa.ArrowInvalid, pa.ArrowException, ValueError):
        return None
    if invalid:
        return None
    n_rows = table.num_rows
    embedded = np.zeros(n_rows, dtype=np.int64)
    filled = np.zeros(n_rows, dtype=bool)
    for name in columns:
        col = table[name]
        embedded += pc.count_substring(col, "\n").to_numpy(zero_copy_only=False)
        filled |= pc.greater(pc.utf8_length(pc.utf8_trim_whitespace(col)), 0).to_numpy(
            zero_copy_only=False
        )
    if embedded.sum() + n_rows != n_lines - start:
        return None  # line accounting does not add up: let the careful path decide
    first_lines = start + 1 + np.arange(n_rows) + np.concatenate(([0], np.cumsum(embedded)[:-1]))
    table = table.rename_columns(names) if len(set(names)) == len(names) else table
    frame = table.to_pandas()
    frame.columns = names
    keep = filled & (embedded >= 0)
    frame = frame[keep]
    frame.index = pd.Index(first_lines[keep], dtype="int64", name="line")
    return frame, int((~keep).sum())


def _parses_as_record(line: str, dialect: Dialect, n_fields: int) -> bool:
    """Whether ``line`` on its own is a complete record of ``n_fields`` fields."""
    if n_fields < 2 or line.count(dialect.delimiter) < n_fields - 1:
        return False
    try:
        parsed = next(
            csv.reader(
                [line], delimiter=dialect.delimiter, quotechar=dialect.quotechar, strict=True
            )
        )
    except (csv.Error, StopIteration):
        return False
    return len(parsed) == n_fields


def parse_delimited(
    text: str,
    *,
    source: str,
    delimiter: str | None = None,
    strict: bool = False,
    engine: str = "auto",
) -> ParsedTable:
    """Parse delimited text into string records, quarantining malformed ones.

    Parameters
    ----------
    text : str
        The decoded file.
    source : str
        File name for messages.
    delimiter : str, optional
        Skip sniffing and use this delimiter.
    strict : bool, default=False
        Raise :class:`FeedbackFormatError` at the first malformed record instead
        of quarantining it.
    engine : {"auto", "python"}, default="auto"
        ``"auto"`` tries pyarrow's fast reader on well-formed files and falls
        back to the line-by-line reader; ``"python"`` always reads line by line.

    Returns
    -------
    ParsedTable
        ``frame`` has one column per header field (all strings, ``""`` for
        empty) and the record's first physical line (1-based) as index.
    """
    text = normalize_newlines(text).lstrip("\ufeff")
    if not text.strip():
        raise FeedbackFormatError(f"{source}: the file is empty; export the data again.")
    dialect, skip = sniff_dialect(text, delimiter)
    # The head is enough to find the header; the whole file is split only when the
    # fast reader cannot take it (saves a list of a million strings on big files).
    n_lines = text.count("\n") + (0 if text.endswith("\n") else 1)
    lines = text.split("\n", skip + 2 * _SNIFF_LINES + 1)[: skip + 2 * _SNIFF_LINES]
    if len(lines) > n_lines:
        lines = lines[:n_lines]
    try:
        h_index, h_lines, header = _find_header(lines, skip, dialect)
    except FeedbackFormatError:
        raise FeedbackFormatError(
            f"{source}: no header line found; the first line must name the columns."
        ) from None
    names = dedupe_headers(header)
    n_fields = len(names)
    quarantined: list[dict[str, object]] = []
    rows: list[list[str]] = []
    row_lines: list[int] = []
    blank = sum(1 for ln in lines[skip:h_index] if not ln.strip())
    preamble = h_index - blank

    def reject(first: int, n: int, reason: str) -> None:
        raw = "\n".join(lines[first : first + n])
        if strict:
            raise FeedbackFormatError(
                f"{source}, line {first + 1}: {reason}. Fix the line in the file, or pass "
                "strict=False to quarantine such rows (see df.attrs['load_report'])."
            )
        quarantined.append({"line": first + 1, "reason": reason, "raw": raw[:_MAX_RAW]})

    short: list[tuple[int, list[str]]] = []
    notes: list[dict[str, object]] = []
    pos = h_index + h_lines
    headerless = _looks_like_data(header)
    if not headerless and not strict and engine == "auto":
        fast = _parse_fast(text, lines, n_lines, pos, names, dialect)
        if fast is not None:
            frame, blank_rows = fast
            return ParsedTable(
                frame=frame,
                header_line=h_index + 1,
                preamble_lines=preamble,
                blank_lines=blank + blank_rows,
                dialect=dialect,
            )
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if headerless:
        names = [f"column_{i}" for i in range(1, n_fields + 1)]
        pos = h_index
        notes.append(
            {
                "kind": "no_header",
                "column": None,
                "count": 0,
                "lines": [],
                "message": "the first line looks like data, not column names (long "
                "texts, links or numbers); columns are named column_1, ...",
            }
        )
    with _large_fields():
        while pos < len(lines):
            cursor = pos  # first line of the record being read
            try:
                for first, n, fields in _records(lines, pos, dialect):
                    cursor = first + n
                    if n == 1 and not any(f.strip() for f in fields):
                        blank += 1
                        continue
                    if n == 1 and 0 < len(fields) < n_fields:
                        short.append((first, fields))
                        continue
                    if len(fields) != n_fields:
                        if n > 1 and any(
                            _parses_as_record(ln, dialect, n_fields)
                            for ln in lines[first + 1 : first + n]
                        ):
                            # An opening quote that is never closed swallowed the next
                            # records: reject its line only and read on from the next one.
                            reject(
                                first,
                                1,
                                f'a quote (") opened in this line is not closed; expected '
                                f"{n_fields} fields",
                            )
                            cursor = first + 1
                            break
                        where = f"lines {first + 1}-{first + n}: " if n > 1 else ""
                        reject(
                            first,
                            n,
                            f"{where}expected {n_fields} fields (as in the header), found "
                            f"{len(fields)}",
                        )
                        continue
                    rows.append(fields)
                    row_lines.append(first + 1)
                else:
                    cursor = len(lines)
            except csv.Error as err:
                reject(cursor, 1, f"unreadable ({err})")
                cursor += 1
            pos = cursor
    if short:
        n_records = len(rows) + len(short)
        if len(short) >= max(3, 0.2 * n_records):
            # The file's convention: trailing empty fields are left out. Pad, don't reject.
            for first, fields in short:
                rows.append(fields + [""] * (n_fields - len(fields)))
                row_lines.append(first + 1)
            notes.append(
                {
                    "kind": "short_rows",
                    "column": None,
                    "count": len(short),
                    "lines": [f + 1 for f, _ in short[:20]],
                    "message": f"{len(short)} of {n_records} rows have fewer fields than the "
                    "header (the file leaves out trailing empty fields); padded with empty values",
                }
            )
        else:
            for first, fields in short:
                reject(
                    first, 1, f"expected {n_fields} fields (as in the header), found {len(fields)}"
                )
            quarantined.sort(key=lambda q: int(q["line"]))  # type: ignore[call-overload]
    frame = pd.DataFrame(rows, columns=names, dtype="str")
    frame.index = pd.Index(row_lines, dtype="int64", name="line")
    if short:
        frame = frame.sort_index(kind="stable")
    return ParsedTable(
        frame=frame,
        quarantined=quarantined,
        header_line=h_index + 1,
        preamble_lines=preamble,
        blank_lines=blank,
        dialect=dialect,
        notes=notes,
    )
