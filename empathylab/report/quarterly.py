"""``quarterly_report``: the quarter's CX figures in one self-contained page, by import.

The report derives what the data lacks (customer sentiment, reply empathy,
touchpoints), computes every section with the library's own functions and keeps
their tables and figures: ``.tables`` and ``.figures`` are what the page shows.
Customer text only reaches the page escaped.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .._results import _markdown_table
from .._validation import check_argument, check_columns
from ..exceptions import InsufficientDataError
from . import _sections as sec
from . import html as h
from ._i18n import LANGS, t

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["QuarterlyReport", "quarterly_report"]

COMPARE = ("previous", "year")
_QUARTER = re.compile(r"^(?:(FY)?(\d{4})-?Q([1-4]))$", re.I)


@dataclass
class Section:
    """One section of the report: its tables, figures and short notes."""

    key: str
    title: str
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    figures: dict[str, Figure] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def quarterly_report(
    df: pd.DataFrame,
    quarter: str | None = None,
    *,
    compare: str = "previous",
    lang: str = "de",
    customers: pd.DataFrame | None = None,
    fiscal_year_start: int = 1,
    min_n: int = 30,
    random_state: int = 0,
) -> QuarterlyReport:
    """The quarterly CX report of a feedback DataFrame.

    Parameters
    ----------
    df : pandas.DataFrame
        Feedback in the canonical schema (:func:`empathylab.read_feedback`; several
        exports may be concatenated). Uses ``timestamp``, ``text``, ``author_role``,
        ``channel``, ``touchpoint``, ``nps``, ``csat``, ``ces``, ``team`` or
        ``agent_id`` when present. Derived when absent: ``compound``/``label``
        (sentiment of customer messages), ``empathy`` (of agent and bot replies).
    quarter : str, optional
        ``"2026Q3"`` or ``"2026-Q3"`` (fiscal: ``"FY2026-Q1"``); default the latest
        quarter with at least ``min_n`` customer messages.
    compare : {"previous", "year"}, default="previous"
        Compare with the quarter before, or with the same quarter a year earlier.
    lang : {"de", "en"}, default="de"
        Language of titles, labels and notes.
    customers : pandas.DataFrame, optional
        One row per customer with outcomes (``repurchase_90d``, ``churned``, ...) for
        the loyalty section (:func:`empathylab.loyalty.link_outcomes`).
    fiscal_year_start : int, default=1
        First month of the fiscal year (1 = calendar quarters).
    min_n : int, default=30
        Groups below this size are flagged as small.
    random_state : int, default=0
        Seed of the Monte Carlo and bootstrap parts, so a report is reproducible.

    Returns
    -------
    QuarterlyReport
        ``.to_html(path)``, ``.to_markdown()``, ``.tables``, ``.figures``,
        ``.summary`` (the headline figures) and a Jupyter repr.

    Examples
    --------
    >>> from empathylab.datasets import load_sample
    >>> report = quarterly_report(load_sample("feedback_de"), "2026Q2", lang="en")
    >>> report.quarter, report.previous
    ('2026-Q2', '2026-Q1')
    >>> "nps" in set(report.summary["metric"])
    True
    """
    check_argument("compare", COMPARE, compare)
    check_argument("lang", LANGS, lang)
    check_columns(df, ["timestamp", "text"], param="df")
    data = sec.prepare(df, fiscal_year_start=fiscal_year_start)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # pairing problems are counted by threads itself
        pairs = sec.reply_threads(data)
    data = sec.add_reply_empathy(data, pairs)
    labels = data["quarter"].dropna()
    if labels.empty:
        raise InsufficientDataError(
            "no row of `df` has a timestamp, so no quarter can be reported. Check the "
            "`timestamp` column (read_feedback parses dates; see its load report)."
        )
    current = _pick_quarter(data, quarter, min_n)
    previous = sec.shift_quarter(current, -4 if compare == "year" else -1)
    return QuarterlyReport(data=data, source=df, threads=pairs, quarter=current,
                           previous=previous,
                           compare=compare, lang=lang, customers=customers, min_n=min_n,
                           fiscal_year_start=fiscal_year_start, random_state=random_state)


def _pick_quarter(data: pd.DataFrame, quarter: str | None, min_n: int) -> str:
    available = sorted(data["quarter"].dropna().unique())
    if quarter is None:
        sizes = data[data["is_customer"]].groupby("quarter").size()
        full = [q for q in available if sizes.get(q, 0) >= min_n]
        return (full or available)[-1]
    match = _QUARTER.match(str(quarter).strip())
    if match is None:
        raise ValueError(
            f"`quarter` must look like '2026Q3' or '2026-Q3' (fiscal 'FY2026-Q1'), but "
            f"{quarter!r} was passed."
        )
    fy, year, q = match.groups()
    label = f"{'FY' if fy else ''}{year}-Q{q}"
    if label not in available:
        raise ValueError(
            f"quarter {label!r} has no data; the data cover {', '.join(available)}."
        )
    return label


class QuarterlyReport:
    """The quarterly report (see :func:`quarterly_report`)."""

    def __init__(self, *, data: pd.DataFrame, source: pd.DataFrame,
                 threads: pd.DataFrame | None, quarter: str,
                 previous: str, compare: str, lang: str, customers: pd.DataFrame | None,
                 min_n: int, fiscal_year_start: int, random_state: int) -> None:
        self.quarter, self.previous, self.compare, self.lang = quarter, previous, compare, lang
        self.min_n, self.random_state = min_n, random_state
        self._data, self._source, self._customers = data, source, customers
        self.threads = threads
        self.fiscal_year_start = fiscal_year_start
        builders: list[Callable[[QuarterlyReport], Section]] = [
            sec.kpis, sec.touchpoints, *sec.EXTRA_BEFORE_LOYALTY, sec.loyalty, sec.word_of_mouth,
            *sec.EXTRA_AFTER_WOM, sec.anomalies, sec.data_quality, sec.methods,
        ]
        self.sections: list[Section] = []
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # the sections record what matters in notes
            for build in builders:
                self.sections.append(build(self))

    # what the section builders read -----------------------------------------------
    @property
    def data(self) -> pd.DataFrame:
        """All rows with the derived columns (quarter, sentiment, empathy, ...)."""
        return self._data

    @property
    def current(self) -> pd.DataFrame:
        """The rows of the reported quarter."""
        return self._data[self._data["quarter"] == self.quarter]

    def section(self, key: str) -> Section:
        """The section with this key (``kpis``, ``touchpoints``, ...)."""
        for item in self.sections:
            if item.key == key:
                return item
        raise KeyError(f"no section {key!r}; the report has {[s.key for s in self.sections]}")

    # views ----------------------------------------------------------------------
    @property
    def tables(self) -> dict[str, pd.DataFrame]:
        """Every table of the report, ``"section/name" -> DataFrame``."""
        return {f"{s.key}/{name}": table.copy() for s in self.sections
                for name, table in s.tables.items()}

    @property
    def figures(self) -> dict[str, Figure]:
        """Every figure of the report, ``"section/name" -> matplotlib Figure``."""
        return {f"{s.key}/{name}": fig for s in self.sections for name, fig in s.figures.items()}

    @property
    def summary(self) -> pd.DataFrame:
        """The headline figures: metric, current, comparison, change, CI, p, significance."""
        return self.section("kpis").tables["kpis"].copy()

    @property
    def title(self) -> str:
        return t("title", self.lang)

    def _subtitle(self) -> str:
        current = self.current[self.current["is_customer"]]
        customers = current["customer_id"].nunique() if "customer_id" in current else 0
        return t("subtitle", self.lang, quarter=self.quarter, previous=self.previous,
                 n=f"{len(current):,}", customers=f"{customers:,}")

    def _body(self) -> list[tuple[str, str]]:
        parts = []
        for item in self.sections:
            body = ""
            if item.key == "kpis":
                body += sec.kpi_cards(self)
            for note in item.notes:
                body += f"<p class='note'>{h.esc(note)}</p>"
            for name, fig in item.figures.items():
                body += h.figure_to_img(fig, alt=f"{item.title}: {name}")
            for name, table in item.tables.items():
                if item.key == "kpis" and name == "kpis":
                    body += h.table_html(sec.display_kpis(table, self.lang))
                    continue
                if len(table):
                    body += h.table_html(sec.rounded(table), max_rows=30)
            parts.append((item.title, body))
        return parts

    def to_html(self, path: str | Path | None = None) -> str:
        """One self-contained HTML page (inline CSS and PNG figures; opens offline).

        Every text from the data is escaped, and the page's Content-Security-Policy
        allows no script. Written to ``path`` when given.
        """
        doc = h.page(self.title, self._subtitle(), self._body(), lang=self.lang)
        if path is not None:
            h.write_page(doc, path)
        return doc

    def to_markdown(self) -> str:
        """The report as Markdown: headline, then each section's notes and tables."""
        lines = [f"# {self.title}", "", self._subtitle(), ""]
        for item in self.sections:
            lines += [f"## {item.title}", ""]
            lines += [f"> {note}" for note in item.notes] + ([""] if item.notes else [])
            for name, table in item.tables.items():
                if len(table):
                    lines += [f"*{name}*", "", _markdown_table(sec.rounded(table).head(30)), ""]
        return "\n".join(lines)

    def export_tables(self, path: str | Path) -> Path:
        """Every table into one Excel workbook (one sheet per table), formulas neutralised."""
        from ..io.export import _naive, neutralize_formulas

        target = Path(path).expanduser().resolve()
        target.parent.mkdir(parents=True, exist_ok=True)
        with pd.ExcelWriter(target) as writer:
            for name, table in self.tables.items():
                sheet = re.sub(r"[\[\]:*?/\\]", "_", name)[:31]
                neutralize_formulas(_naive(table)).to_excel(writer, sheet_name=sheet,
                                                            index=False)
        return target

    def _repr_html_(self) -> str:
        body = "".join(f"<h3>{h.esc(title)}</h3>{content}" for title, content in self._body())
        return (f"<div class='empathylab-report'><h2>{h.esc(self.title)}</h2>"
                f"<p>{h.esc(self._subtitle())}</p>{body}</div>")

    def __repr__(self) -> str:
        kpis = self.summary.set_index("metric")
        parts = [f"{self.quarter} vs {self.previous}"]
        if "nps" in kpis.index and np.isfinite(kpis.loc["nps", "current"]):
            parts.append(f"NPS {100 * kpis.loc['nps', 'current']:+.0f}")
        parts.append(f"{len(self.sections)} sections")
        return f"<QuarterlyReport: {', '.join(parts)}>"

    def close(self) -> None:
        """Close the report's matplotlib figures (they are kept open for ``.figures``)."""
        import matplotlib.pyplot as plt

        for fig in self.figures.values():
            plt.close(fig)

    def _context(self) -> dict[str, Any]:
        return {"customers": self._customers, "source": self._source}
