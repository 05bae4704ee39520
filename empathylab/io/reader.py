"""``read_feedback``: any feedback export in, the canonical DataFrame out."""

from __future__ import annotations

import warnings as _warnings
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from ..exceptions import DataQualityWarning, FeedbackFormatError
from .canonical import resolve_columns, to_canonical
from .encoding import repair_mojibake
from .presets import PresetContext, detect_preset, get_preset
from .report import QUARANTINE_COLUMNS, WARNING_COLUMNS, LoadReport
from .sources import FORMATS, RawSource, detect_format, open_source
from .tables import read_table

__all__ = ["read_feedback"]


def read_feedback(
    source: object,
    *,
    format: str = "auto",
    preset: str = "auto",
    columns: Mapping[str, str | None] | None = None,
    encoding: str | None = None,
    delimiter: str | None = None,
    sheet_name: int | str = 0,
    strict: bool = False,
    score_ranges: Mapping[str, tuple[float, float]] | None = None,
    dayfirst: bool | None = None,
    repair_encoding: bool = True,
    chunksize: int | None = None,
    engine: str = "pandas",
    report: bool = False,
) -> Any:
    """Read a feedback export into the canonical schema.

    Parameters
    ----------
    source : str, path-like or file-like
        A file (CSV/TSV, Excel .xlsx, JSON, JSON Lines, Parquet; optionally
        gzip/bz2/xz-compressed or in a zip archive, whose files are read one
        after the other) or an open file object. URLs are not fetched.
    format : {"auto", "csv", "excel", "json", "jsonl", "parquet"}, default="auto"
        Detected from the content, then the file extension.
    preset : str, default="auto"
        Vendor layout (see :func:`empathylab.io.list_presets`): ``"zendesk"``,
        ``"qualtrics"``, ``"twitter"``, ... or ``"generic"``; ``"auto"`` picks
        the preset whose headers match best.
    columns : dict, optional
        Canonical column -> source header, overriding the preset
        (``{"text": "Freitext"}``); ``None`` as value leaves a column empty.
    encoding : str, optional
        Skip detection (UTF-8/BOM/UTF-16/cp1252 and relatives) and use this codec.
    delimiter : str, optional
        Skip sniffing (``;``, ``,``, tab, ``|``).
    sheet_name : int or str, default=0
        Excel sheet to read.
    strict : bool, default=False
        Raise :class:`~empathylab.FeedbackFormatError` at the first malformed
        record instead of quarantining it.
    score_ranges : dict, optional
        Override the allowed ranges (``{"rating": (1, 10)}``); values outside
        become NA and are reported.
    dayfirst : bool, optional
        How to read ``01/02/2026``; default: day first unless the file looks
        English (comma-separated with decimal points).
    repair_encoding : bool, default=True
        Repair mojibake such as ``Ã¼`` (for ``ü``) in text cells and headers.
    chunksize : int, optional
        Read a delimited file (CSV/TSV, also gzip/bz2/xz) in pieces of about this
        many records: an iterator of canonical DataFrames, each with its own
        ``attrs["load_report"]``, ``source_line`` and index continuing over the
        pieces, for files larger than memory (see :mod:`empathylab.scale`). With
        ``engine="dask"``: one partition per piece.
    engine : {"pandas", "dask"}, default="pandas"
        ``"dask"``: ``source`` may be a folder or a glob pattern (``"exports/*.csv"``)
        and a lazy Dask DataFrame is returned, one partition per file (or per
        ``chunksize`` records), each read as here; columns are the union of the
        files' columns (missing ones NA). Needs ``empathylab[dask]``.
    report : bool, default=False
        With ``engine="dask"``: return ``(ddf, load_report)``, the second a Dask
        delayed :class:`~empathylab.io.LoadReport` of all files and pieces
        (compute both at once: ``dask.compute(ddf, load_report)``).

    Returns
    -------
    pandas.DataFrame
        Columns ``feedback_id, timestamp, customer_id, conversation_id,
        author_role, agent_id, channel, touchpoint, text, language, rating,
        nps, csat, ces, source, source_line`` (see :mod:`empathylab.io.schema`),
        then the source's other columns as they were (numbers and dates parsed
        where a whole column fits). ``df.attrs["load_report"]`` is a
        :class:`~empathylab.io.LoadReport`: rows read, loaded and quarantined
        with reasons, and warnings. With ``chunksize=``: an iterator of such
        DataFrames; with ``engine="dask"``: a Dask DataFrame of that schema
        (and the delayed report with ``report=True``).

    Raises
    ------
    FeedbackFormatError
        When the file cannot be read at all (names the file, line or column
        and what to do), or with ``strict=True`` at the first bad record.

    Warns
    -----
    DataQualityWarning
        When rows were quarantined or values had to be left empty.

    Examples
    --------
    >>> import io
    >>> export = io.BytesIO("Datum;Kommentar;NPS\\n22.11.2026;Sehr freundlich!;9\\n"
    ...                     "23.11.2026;Lieferung zu spät;3\\n".encode("cp1252"))
    >>> df = read_feedback(export)
    >>> df[["timestamp", "text", "nps"]]
       timestamp               text  nps
    0 2026-11-22   Sehr freundlich!  9.0
    1 2026-11-23  Lieferung zu spät  3.0
    >>> df.attrs["load_report"].rows_loaded
    2
    """
    if format not in ("auto", *FORMATS):
        raise FeedbackFormatError(
            f"`format` must be one of {['auto', *FORMATS]}, but {format!r} was passed."
        )
    if engine not in ("pandas", "dask"):
        raise ValueError(f"`engine` must be one of ['pandas', 'dask'], but {engine!r} was passed.")
    if chunksize is not None or engine == "dask":
        read_kw = {"format": format, "preset": preset, "columns": columns,
                   "encoding": encoding, "delimiter": delimiter, "sheet_name": sheet_name,
                   "strict": strict, "score_ranges": score_ranges, "dayfirst": dayfirst,
                   "repair_encoding": repair_encoding}
        if engine == "dask":
            from ..scale.read import dask_read_feedback

            return dask_read_feedback(source, chunksize=chunksize, report=report,
                                      read_kw=read_kw)
        from ..scale.read import read_chunks

        return read_chunks(source, chunksize=int(chunksize), read_kw=read_kw)  # type: ignore[arg-type]
    frames: list[pd.DataFrame] = []
    reports: list[LoadReport] = []
    for raw in open_source(source):
        frame, loaded = _read_one(
            raw,
            format=format,
            preset=preset,
            columns=columns,
            encoding=encoding,
            delimiter=delimiter,
            sheet_name=sheet_name,
            strict=strict,
            score_ranges=score_ranges,
            dayfirst=dayfirst,
            repair_encoding=repair_encoding,
        )
        frames.append(frame)
        reports.append(loaded)
    if len(frames) == 1:
        df, loaded = frames[0], reports[0]
    else:
        df = pd.concat(frames, ignore_index=True)
        loaded = _merge_reports(reports)
    df.attrs["load_report"] = loaded
    if loaded.n_quarantined or len(loaded.warnings):
        _warnings.warn(
            f"{loaded.source}: {loaded.n_quarantined} row(s) quarantined, "
            f"{len(loaded.warnings)} data-quality warning(s); see df.attrs['load_report']",
            DataQualityWarning,
            stacklevel=2,
        )
    return df


def _read_one(
    raw: RawSource,
    *,
    format: str,
    preset: str,
    columns: Mapping[str, str | None] | None,
    encoding: str | None,
    delimiter: str | None,
    sheet_name: int | str,
    strict: bool,
    score_ranges: Mapping[str, tuple[float, float]] | None,
    dayfirst: bool | None,
    repair_encoding: bool,
) -> tuple[pd.DataFrame, LoadReport]:
    fmt = detect_format(raw) if format == "auto" else format
    table = read_table(
        raw, fmt, encoding=encoding, delimiter=delimiter, sheet_name=sheet_name, strict=strict
    )
    frame = table.frame
    notes: list[dict[str, object]] = list(table.notes)
    if repair_encoding:
        frame, notes = _repair(frame, notes)
    if len(frame.columns) == 0:
        raise FeedbackFormatError(f"{raw.name}: no columns found; is this a feedback export?")

    chosen = detect_preset(list(frame.columns)) if preset == "auto" else get_preset(preset)
    header_rows = 0
    if chosen.header_rows is not None and len(frame):
        header_rows = int(chosen.header_rows(frame))
    ctx = PresetContext(
        source=raw.name, header_rows=frame.iloc[:header_rows], overrides=dict(columns or {})
    )
    frame = frame.iloc[header_rows:]
    if chosen.prepare is not None:
        before = set(frame.columns)
        frame = chosen.prepare(frame, ctx)
        # a column the preset built but the caller maps by hand would only clutter the extras
        built = [c for c in ctx.overrides if c in frame.columns and c not in before]
        frame = frame.drop(columns=built)
    mapping = resolve_columns(list(frame.columns), chosen, columns, source=raw.name)
    english = table.delimiter == "," and fmt == "csv"
    canonical, mapping, row_warnings = to_canonical(
        frame,
        mapping,
        preset=chosen,
        ctx=ctx,
        source=raw.name,
        score_ranges=score_ranges,
        dayfirst=(not english) if dayfirst is None else dayfirst,
        decimal="," if table.delimiter == ";" else None,
    )
    quarantined = pd.DataFrame(
        [{"source": raw.name, **q} for q in table.quarantined], columns=QUARANTINE_COLUMNS
    )
    quarantined = quarantined.astype({"line": "int64"})
    warn_frame = pd.DataFrame([*notes, *row_warnings], columns=WARNING_COLUMNS)
    report = LoadReport(
        source=raw.name,
        rows_read=len(canonical) + len(quarantined),
        rows_loaded=len(canonical),
        quarantined=quarantined,
        warnings=warn_frame,
        format=fmt,
        encoding=table.encoding,
        delimiter=table.delimiter,
        preset=chosen.name,
        columns=mapping,
        header_lines=table.header_lines + header_rows,
        preamble_lines=table.preamble_lines,
        blank_lines=table.blank_lines,
    )
    return canonical, report


def _repair(
    frame: pd.DataFrame, notes: list[dict[str, object]]
) -> tuple[pd.DataFrame, list[dict[str, object]]]:
    headers, n_headers = repair_mojibake(pd.Series(list(frame.columns), dtype="str"))
    repaired = {}
    total = 0
    for col in frame.columns:
        if frame[col].dtype.kind in "biufcmM":
            continue
        fixed, n = repair_mojibake(frame[col])
        if n:
            repaired[col] = fixed
            total += n
    if repaired:
        frame = frame.assign(**repaired)
    if n_headers:
        frame = frame.set_axis(list(headers), axis=1)
    if total or n_headers:
        notes = [
            *notes,
            {
                "kind": "mojibake_repaired",
                "column": None,
                "count": total + n_headers,
                "lines": [],
                "message": f"repaired garbled characters (such as 'Ã¼' for 'ü') in "
                f"{total} cell(s) and {n_headers} header(s)",
            },
        ]
    return frame, notes


def _merge_reports(reports: list[LoadReport]) -> LoadReport:
    def frames(attr: str) -> pd.DataFrame:
        parts = [getattr(r, attr) for r in reports if len(getattr(r, attr))]
        return pd.concat(parts, ignore_index=True) if parts else getattr(reports[0], attr)

    warn = frames("warnings")
    first = reports[0]
    return LoadReport(
        source=str(Path(first.source.split(":", 1)[0])),
        rows_read=sum(r.rows_read for r in reports),
        rows_loaded=sum(r.rows_loaded for r in reports),
        quarantined=frames("quarantined"),
        warnings=warn,
        format=", ".join(sorted({r.format for r in reports})),
        encoding=", ".join(sorted({r.encoding or "n/a" for r in reports})),
        delimiter=first.delimiter,
        preset=", ".join(sorted({r.preset for r in reports})),
        columns=first.columns,
        header_lines=sum(r.header_lines for r in reports),
        preamble_lines=sum(r.preamble_lines for r in reports),
        blank_lines=sum(r.blank_lines for r in reports),
    )
