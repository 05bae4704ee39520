"""What happened while loading: :class:`LoadReport`."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from .._results import AttrsReport, Result

__all__ = ["LoadReport"]

QUARANTINE_COLUMNS = ["source", "line", "reason", "raw"]
WARNING_COLUMNS = ["kind", "column", "count", "lines", "message"]


@dataclass(repr=False, eq=False)
class LoadReport(Result, AttrsReport):
    """Account of one :func:`~empathylab.read_feedback` call; ``df.attrs["load_report"]``.

    ``rows_read == rows_loaded + len(quarantined)`` always holds. The report is
    also a dict of its headline figures, so the DataFrame can still be saved to
    Parquet (which stores ``attrs`` as JSON; it comes back as that dict). Header lines,
    preamble lines above the header (an export title, Excel's ``sep=;``) and
    blank lines are not rows and are counted separately.

    Attributes
    ----------
    source : str
        File name(s) read.
    rows_read, rows_loaded : int
        Data records found, and records in the returned DataFrame.
    quarantined : pandas.DataFrame
        Rejected records: ``source``, ``line`` (1-based line, or record number
        for JSON and Parquet), ``reason`` and ``raw`` (the record's text, cut
        at 500 characters).
    warnings : pandas.DataFrame
        Data-quality findings in loaded rows: ``kind`` (``empty_text``,
        ``duplicate_id``, ``out_of_range``, ``invalid_value``, ``unknown_value``,
        ``guessed_column``, ``mojibake_repaired``, ...), ``column``, ``count``,
        ``lines`` (up to 20 example lines) and ``message``.
    format, encoding, delimiter, preset : str
        What was detected or used.
    columns : dict
        Canonical column -> source column it was taken from.
    """

    source: str = ""
    rows_read: int = 0
    rows_loaded: int = 0
    quarantined: pd.DataFrame = field(
        default_factory=lambda: pd.DataFrame(columns=QUARANTINE_COLUMNS)
    )
    warnings: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=WARNING_COLUMNS))
    format: str = ""
    encoding: str | None = None
    delimiter: str | None = None
    preset: str = ""
    columns: dict[str, str] = field(default_factory=dict)
    header_lines: int = 0
    preamble_lines: int = 0
    blank_lines: int = 0

    _title = "Load report"

    def __post_init__(self) -> None:
        self._refresh_payload()

    def _attrs_payload(self) -> dict[str, object]:
        return {
            "report": "load",
            "source": self.source,
            "format": self.format,
            "encoding": self.encoding,
            "delimiter": self.delimiter,
            "preset": self.preset,
            "rows_read": int(self.rows_read),
            "rows_loaded": int(self.rows_loaded),
            "rows_quarantined": int(len(self.quarantined)),
            "quarantined_lines": [int(v) for v in self.quarantined["line"]][:1000],
            "warnings": [str(k) for k in self.warnings["kind"]],
            "columns": {str(k): str(v) for k, v in self.columns.items()},
        }

    @property
    def n_quarantined(self) -> int:
        """Number of quarantined records."""
        return len(self.quarantined)

    @property
    def ok(self) -> bool:
        """True when nothing was quarantined and there are no warnings."""
        return self.n_quarantined == 0 and len(self.warnings) == 0

    def _headline(self) -> str:
        return (
            f"{self.source}: {self.rows_read} rows read, {self.rows_loaded} loaded, "
            f"{self.n_quarantined} quarantined, {len(self.warnings)} warning(s) "
            f"[{self.format}, {self.encoding or 'n/a'}, preset {self.preset}]"
        )

    def _summary(self) -> pd.DataFrame:
        items: list[tuple[str, object]] = [
            ("source", self.source),
            ("format", self.format),
            ("encoding", self.encoding),
            ("delimiter", {"\t": "tab"}.get(self.delimiter or "", self.delimiter)),
            ("preset", self.preset),
            ("rows_read", self.rows_read),
            ("rows_loaded", self.rows_loaded),
            ("rows_quarantined", self.n_quarantined),
            ("header_lines", self.header_lines),
            ("preamble_lines", self.preamble_lines),
            ("blank_lines", self.blank_lines),
            ("warnings", len(self.warnings)),
        ]
        items += [(f"column:{k}", v) for k, v in self.columns.items()]
        return pd.DataFrame(
            {
                "item": [k for k, _ in items],
                "value": [str(v) if v is not None else "" for _, v in items],
            }
        )

    def _sections(self) -> list[tuple[str, pd.DataFrame]]:
        warn = self.warnings.copy()
        if len(warn):
            warn["lines"] = warn["lines"].map(lambda v: ", ".join(map(str, v)))
        return [("Quarantined rows", self.quarantined), ("Warnings", warn)]

    def __str__(self) -> str:
        lines = [self._headline()]
        for row in self.quarantined.head(10).itertuples(index=False):
            lines.append(f"  quarantined line {row.line}: {row.reason}")
        if self.n_quarantined > 10:
            lines.append(f"  ... and {self.n_quarantined - 10} more (see .quarantined)")
        for row in self.warnings.itertuples(index=False):
            lines.append(f"  warning [{row.kind}]: {row.message}")
        return "\n".join(lines)
