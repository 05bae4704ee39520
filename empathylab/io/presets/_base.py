"""What a preset is: how one vendor's export maps onto the canonical schema."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import pandas as pd

from ..schema import normalize_header

__all__ = ["Preset", "PresetContext"]


@dataclass
class PresetContext:
    """What a preset's ``prepare`` step may use and report.

    Attributes
    ----------
    source : str
        Name of the file being read (for messages).
    header_rows : pandas.DataFrame
        Extra header rows under the first one (Qualtrics' question texts and
        import ids, SurveyMonkey's sub-headers), as strings, same columns as the data.
    overrides : mapping
        The caller's ``columns=`` (canonical -> source header); a canonical
        column the preset would build but the caller maps by hand is dropped.
    """

    source: str
    header_rows: pd.DataFrame = field(default_factory=pd.DataFrame)
    overrides: Mapping[str, str | None] = field(default_factory=dict)
    warnings: list[dict[str, object]] = field(default_factory=list)

    def warn(
        self,
        kind: str,
        message: str,
        *,
        column: str | None = None,
        lines: Sequence[int] = (),
    ) -> None:
        """Record a data-quality warning for the load report."""
        self.warnings.append(
            {
                "kind": kind,
                "column": column,
                "count": len(lines),
                "lines": list(lines)[:20],
                "message": message,
            }
        )


@dataclass(frozen=True)
class Preset:
    """How one vendor's export maps onto the canonical schema.

    Parameters
    ----------
    name : str
        Name passed as ``read_feedback(..., preset=name)``.
    description : str
        One line: which export of which product, and how to get it.
    aliases : mapping of str to sequence of str
        Canonical column -> the vendor's header names for it, best first.
        Compared after :func:`~empathylab.io.schema.normalize_header`.
    signature : sequence of str
        Headers that identify the export; the share found decides auto-detection.
    min_hits : int, default=2
        Fewest signature headers that must be present for auto-detection.
    header_rows : callable, optional
        ``header_rows(raw) -> int``: how many leading data rows are really a
        continuation of the header (they are not counted as rows read).
    prepare : callable, optional
        ``prepare(raw, ctx) -> DataFrame``: vendor logic on the raw string
        table (index = source line). May add canonical columns (an added
        ``author_role`` wins over aliases); must not drop rows.
    defaults : mapping of str to str
        Constant values for canonical columns the export lacks (``channel``).
    fuzzy : bool, default=False
        Also match headers by similarity (the generic preset).
    """

    name: str
    description: str
    aliases: Mapping[str, Sequence[str]] = field(default_factory=dict)
    signature: Sequence[str] = ()
    min_hits: int = 2
    header_rows: Callable[[pd.DataFrame], int] | None = None
    prepare: Callable[[pd.DataFrame, PresetContext], pd.DataFrame] | None = None
    defaults: Mapping[str, str] = field(default_factory=dict)
    fuzzy: bool = False

    def match_score(self, columns: Sequence[object]) -> float:
        """Share of the signature found among ``columns`` (0 when too few are found)."""
        if not self.signature:
            return 0.0
        present = {normalize_header(c) for c in columns}
        hits = sum(normalize_header(s) in present for s in self.signature)
        if hits < self.min_hits:
            return 0.0
        return hits / len(self.signature)
