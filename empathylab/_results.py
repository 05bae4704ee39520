"""Base class of result objects: ``.summary``, ``.plot()``, Jupyter repr, Markdown."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

import pandas as pd

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["AttrsReport", "Result"]


class Result:
    """Base class for analysis results.

    Subclasses implement :meth:`_summary` (a tidy DataFrame) and may override
    :meth:`plot`, :meth:`_headline` (the one-line text of ``repr``) and
    :meth:`_sections` (extra titled tables for the HTML and Markdown views).
    The summary is computed once and cached.
    """

    _title = "Result"

    @property
    def summary(self) -> pd.DataFrame:
        """Tidy DataFrame with the result's main figures (computed once)."""
        cached = self.__dict__.get("_summary_cache")
        if cached is None:
            cached = self._summary()
            self.__dict__["_summary_cache"] = cached
        return cached.copy()

    def _summary(self) -> pd.DataFrame:  # pragma: no cover - abstract
        raise NotImplementedError

    def _headline(self) -> str:
        return f"{len(self.summary)} rows"

    def _sections(self) -> list[tuple[str, pd.DataFrame]]:
        return []

    def plot(self, ax: Axes | None = None, **kwargs: Any) -> Axes:
        """Plot the result on ``ax`` (a new figure when None) and return the Axes."""
        raise NotImplementedError(f"{type(self).__name__} has no plot")

    def __repr__(self) -> str:
        return f"<{type(self).__name__}: {self._headline()}>"

    def _repr_html_(self) -> str:
        parts = [
            f"<div class='empathylab-result'><strong>{html.escape(self._title)}</strong>",
            f"<p>{html.escape(self._headline())}</p>",
            self.summary.to_html(index=False, escape=True, na_rep=""),
        ]
        for title, table in self._sections():
            if len(table):
                parts.append(f"<p><em>{html.escape(title)}</em></p>")
                parts.append(table.to_html(index=False, escape=True, na_rep="", max_rows=20))
        parts.append("</div>")
        return "\n".join(parts)

    def to_markdown(self) -> str:
        """Markdown text of the headline and the tables (no extra dependency)."""
        lines = [f"**{self._title}**: {self._headline()}", "", _markdown_table(self.summary)]
        for title, table in self._sections():
            if len(table):
                lines += ["", f"*{title}*", "", _markdown_table(table.head(20))]
        return "\n".join(lines) + "\n"


def _markdown_table(df: pd.DataFrame) -> str:
    def cell(value: object) -> str:
        if value is None or (not isinstance(value, str) and pd.isna(value)):
            return ""
        return str(value).replace("|", "\\|").replace("\n", " ")

    header = "| " + " | ".join(cell(c) for c in df.columns) + " |"
    rule = "|" + "|".join("---" for _ in df.columns) + "|"
    rows = ["| " + " | ".join(cell(v) for v in row) + " |" for row in df.itertuples(index=False)]
    return "\n".join([header, rule, *rows])


class AttrsReport(dict[str, object]):
    """Mixin for reports kept in ``DataFrame.attrs`` (load and redaction reports).

    Such a report is also a plain ``dict`` of its JSON-safe headline figures
    (filled by :meth:`_attrs_payload`): pandas writes ``attrs`` as JSON when it
    saves Parquet, and compares ``attrs`` when it concatenates or merges, so a
    report that is a dict survives both; after a Parquet round trip it comes
    back as that plain dict. Two reports are equal when their figures are.
    """

    def _attrs_payload(self) -> dict[str, object]:  # pragma: no cover - abstract
        raise NotImplementedError

    def _refresh_payload(self) -> None:
        self.clear()
        self.update(self._attrs_payload())

    __hash__ = None
