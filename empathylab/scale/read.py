"""Reading big exports: CSV chunks for pandas, and many files (or chunks) as one Dask frame.

``read_feedback(path, chunksize=n)`` yields canonical DataFrames of about ``n``
records each; ``read_feedback("exports/*.csv", engine="dask")`` returns a Dask
DataFrame with one partition per file (or per chunk of ``chunksize`` records of a
plain CSV file). Every piece is read by the same code as a whole file: the file's
head (preamble and header) is put in front of the piece's records, and the line
numbers (``source_line``, the report's quarantined lines) are shifted back to the
file's real lines.

What depends on the whole file is decided per piece: the encoding (unless given),
duplicate-id warnings, the "rows leave out trailing empty fields" convention, and
the types of the export's extra columns (numbers and dates parsed where the whole
piece fits). Canonical columns do not depend on it.
"""

from __future__ import annotations

import glob
import re
import warnings
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..exceptions import DataQualityWarning, FeedbackFormatError
from ..io.report import LoadReport
from ..io.sources import _COMPRESSED, _EXTENSIONS, RawSource, detect_format, open_source
from ._scan import CsvLayout, csv_layout, iter_blocks, open_binary

__all__ = ["dask_read_feedback", "expand_sources", "read_chunks"]

_LINE = re.compile(r"\b(lines?) (\d+)(?:-(\d+))?")


def expand_sources(source: object) -> list[Path]:
    """The files of a path, a folder (its export files, sorted) or a glob pattern."""
    if isinstance(source, list | tuple):
        return [p for s in source for p in expand_sources(s)]
    text = str(source)
    path = Path(text).expanduser()
    if any(c in text for c in "*?["):
        files = sorted(Path(p) for p in glob.glob(str(path)) if Path(p).is_file())
    elif path.is_dir():
        known = set(_EXTENSIONS) | set(_COMPRESSED)
        files = sorted(p for p in path.iterdir()
                       if p.is_file() and p.suffix.lower() in known and not p.name.startswith("."))
    else:
        files = [path]
    if not files:
        raise FeedbackFormatError(
            f"{text}: no export files found (looked for {sorted(_EXTENSIONS)} and compressed "
            "versions); check the folder or pattern."
        )
    return files


def _is_plain_delimited(path: Path) -> bool:
    with open(path, "rb") as handle:
        head = handle.read(4096)
    raw = RawSource(path.name, head, path.suffix.lower() if path.suffix.lower() in _EXTENSIONS
                    else "")
    return detect_format(raw) == "csv"


def _is_compressed(path: Path) -> bool:
    with open(path, "rb") as handle:
        magic = handle.read(6)
    return magic[:2] == b"\x1f\x8b" or magic[:3] == b"BZh" or magic[:6] == b"\xfd7zXZ\x00"


def _shift_message(message: str, shift: int) -> str:
    def repl(m: re.Match[str]) -> str:
        first = int(m.group(2)) + shift
        rest = f"-{int(m.group(3)) + shift}" if m.group(3) else ""
        return f"{m.group(1)} {first}{rest}"

    return _LINE.sub(repl, message)


def read_piece(
    path: Path, layout: CsvLayout, first_line: int, data: bytes, *, first: bool,
    row_start: int, read_kw: Mapping[str, Any],
) -> tuple[pd.DataFrame, LoadReport]:
    """One piece of a delimited file as ``read_feedback`` reads a whole file."""
    from ..io.reader import _read_one

    # the first piece with the file's head, the later ones with the header line(s) only
    head = layout.header if first else layout.column_header
    shift = first_line - (layout.header_line_count if first else
                          layout.column_header_line_count)
    raw = RawSource(path.name, head + data, ".csv")
    try:
        frame, report = _read_one(raw, format="csv", **{**read_kw,
                                                       "delimiter": layout.delimiter})
    except FeedbackFormatError as err:
        if first:
            raise
        raise FeedbackFormatError(_shift_message(str(err), shift)) from None
    if shift:
        frame["source_line"] = frame["source_line"] + shift
        report.quarantined = report.quarantined.assign(line=report.quarantined["line"] + shift)
        if len(report.warnings):
            report.warnings = report.warnings.assign(
                lines=report.warnings["lines"].map(lambda ls: [int(v) + shift for v in ls]))
    if not first:  # the head was counted with the first piece
        report.header_lines = 0
    report._refresh_payload()
    frame.index = pd.RangeIndex(row_start, row_start + len(frame))
    frame.attrs["load_report"] = report
    return frame, report


def _warn_report(report: LoadReport) -> None:
    if report.n_quarantined or len(report.warnings):
        warnings.warn(
            f"{report.source}: {report.n_quarantined} row(s) quarantined, "
            f"{len(report.warnings)} data-quality warning(s); see df.attrs['load_report']",
            DataQualityWarning, stacklevel=3,
        )


def read_chunks(source: object, *, chunksize: int, read_kw: Mapping[str, Any]
                ) -> Iterator[pd.DataFrame]:
    """Canonical DataFrames of about ``chunksize`` records of one delimited file.

    Each has its own ``attrs["load_report"]``; ``source_line`` and the index continue
    over the chunks, so the concatenated chunks equal the file read whole.
    """
    if not isinstance(source, str | Path) and not hasattr(source, "__fspath__"):
        raise FeedbackFormatError(
            f"`chunksize=` reads a file path, but a {type(source).__name__} was passed."
        )
    path = Path(str(source)).expanduser()
    if path.is_dir() or not path.exists():
        open_source(path)  # the errors of a whole read: missing file, folder
    if read_kw.get("format", "auto") not in ("auto", "csv") or not _is_plain_delimited(path):
        raise FeedbackFormatError(
            f"{path.name}: `chunksize=` splits delimited text (CSV/TSV, also gzip/bz2/xz); "
            "read Excel, JSON and Parquet exports whole, or convert them to CSV."
        )
    kw = {k: v for k, v in read_kw.items() if k not in ("format", "delimiter")}
    layout = csv_layout(path, delimiter=read_kw.get("delimiter"),
                        encoding=read_kw.get("encoding"))
    rows = 0
    for i, (line, _, data) in enumerate(iter_blocks(path, layout, chunksize)):
        frame, report = read_piece(path, layout, line, data, first=i == 0, row_start=rows,
                                   read_kw=kw)
        rows += len(frame)
        _warn_report(report)
        _warn_quotes(report)
        yield frame


def _warn_quotes(report: LoadReport) -> None:
    """Pieces end where the quotes since the first record balance; a quote opened and
    never closed shifts that, so the records after it may be cut differently."""
    reasons = report.quarantined["reason"].astype(str)
    bad = report.quarantined["line"][reasons.str.contains("quote|lines ", regex=True)]
    if len(bad):
        warnings.warn(
            f"{report.source}: line {int(bad.iloc[0])} has a quote that is not closed (or a "
            "record spanning lines with the wrong field count); chunk boundaries after it "
            "may cut records differently from a whole read. Read this file without "
            "chunksize= to be sure.", DataQualityWarning, stacklevel=3)


# ---------------------------------------------------------------- Dask


def _quiet_read(path: Path, read_kw: Mapping[str, Any]) -> tuple[pd.DataFrame, LoadReport]:
    from ..io.reader import read_feedback

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataQualityWarning)  # the report keeps it all
        frame = read_feedback(path, **read_kw)
    return frame, frame.attrs["load_report"]


def _read_range(path: Path, layout: CsvLayout, first_line: int, offset: int, size: int,
                first: bool, read_kw: Mapping[str, Any]) -> tuple[pd.DataFrame, LoadReport]:
    with open_binary(path) as handle:
        handle.seek(offset)
        data = handle.read(size)
    return read_piece(path, layout, first_line, data, first=first, row_start=0,
                      read_kw=read_kw)


def _conform(part: tuple[pd.DataFrame, LoadReport], meta: pd.DataFrame) -> pd.DataFrame:
    frame, report = part
    frame = frame.reindex(columns=meta.columns)
    for col in meta.columns:
        want = meta[col].dtype
        if frame[col].dtype != want:
            try:
                frame[col] = frame[col].astype(want)
            except (TypeError, ValueError) as err:
                raise FeedbackFormatError(
                    f"{report.source}: column {col!r} holds values that do not fit the type "
                    f"{want} it has in the other files or first rows ({err}); map it with "
                    "columns= or read this file separately."
                ) from None
    frame.attrs = {}
    return frame


def _first_of(part: tuple[pd.DataFrame, LoadReport]) -> LoadReport:
    return part[1]


def _merged_report(reports: list[LoadReport]) -> LoadReport:
    from ..io.reader import _merge_reports

    return reports[0] if len(reports) == 1 else _merge_reports(reports)


def dask_read_feedback(
    source: object, *, chunksize: int | None, report: bool, read_kw: Mapping[str, Any]
) -> Any:
    """A Dask DataFrame of the files of ``source`` (see :func:`empathylab.read_feedback`)."""
    import dask
    import dask.dataframe as dd

    files = expand_sources(source)
    kw = dict(read_kw)
    tasks: list[Any] = []
    probes: list[pd.DataFrame] = []
    for path in files:
        plain = kw.get("format", "auto") in ("auto", "csv") and _is_plain_delimited(path)
        if plain:
            layout = csv_layout(path, delimiter=kw.get("delimiter"), encoding=kw.get("encoding"))
            piece_kw = {k: v for k, v in kw.items() if k not in ("format", "delimiter")}
            head = next(iter_blocks(path, layout, 200), None)
            if head is not None:
                probe, _ = read_piece(path, layout, head[0], head[2], first=True, row_start=0,
                                      read_kw=piece_kw)
                probes.append(probe.iloc[:0])
            if chunksize is None or _is_compressed(path):
                tasks.append(dask.delayed(_quiet_read)(path, kw))
                continue
            plan = [(line, offset, len(data))
                    for line, offset, data in iter_blocks(path, layout, chunksize)]
            for i, (line, offset, size) in enumerate(plan):
                tasks.append(dask.delayed(_read_range)(path, layout, line, offset, size,
                                                       i == 0, piece_kw))
        else:  # Excel, JSON, Parquet: read now (their columns are only known after reading)
            frame, rep = _quiet_read(path, kw)
            probes.append(frame.iloc[:0])
            tasks.append(dask.delayed((frame, rep), traverse=False))
    meta = _union_meta(probes)
    parts = [dask.delayed(_conform)(t, meta) for t in tasks]
    ddf = dd.from_delayed(parts, meta=meta, verify_meta=False)
    if not report:
        return ddf
    return ddf, dask.delayed(_merged_report)([dask.delayed(_first_of)(t) for t in tasks])


def _union_meta(probes: list[pd.DataFrame]) -> pd.DataFrame:
    """Columns of all files (canonical first, then extras in order of appearance).

    A column whose type differs between files is kept as object; whole-number extras
    become float64 (a later piece may have gaps in them), booleans nullable booleans.
    """
    if not probes:
        raise FeedbackFormatError("no rows found in any of the files")
    columns: dict[str, Any] = {}
    for probe in probes:
        for col in probe.columns:
            dtype = probe[col].dtype
            if col not in columns:
                columns[col] = dtype
            elif columns[col] != dtype:
                columns[col] = np.dtype(object)
    for col, dtype in columns.items():
        if col != "source_line" and isinstance(dtype, np.dtype) and dtype.kind in "iu":
            columns[col] = np.dtype("float64")
        elif isinstance(dtype, np.dtype) and dtype.kind == "b":
            columns[col] = pd.BooleanDtype()
    return pd.DataFrame({c: pd.Series(dtype=t) for c, t in columns.items()})

