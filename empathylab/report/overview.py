"""A first look at a feedback DataFrame: what was loaded, from where, when, and by whom.

This is what ``empathylab demo`` writes. The quarterly report builds on the
same HTML helpers.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import pandas as pd

from .._results import Result
from .._validation import check_columns
from . import html as h

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["DataOverview", "overview"]

_SCORES = ("rating", "nps", "csat", "ces")


class DataOverview(Result):
    """Overview of a feedback DataFrame (see :func:`overview`)."""

    _title = "Feedback overview"

    def __init__(self, data: pd.DataFrame, *, title: str) -> None:
        self.data = data
        self.title = title

    def _headline(self) -> str:
        s = self.summary.set_index("measure")["value"]
        return f"{s['rows']} rows, {s['customers']} customers, {s['period']}"

    def _summary(self) -> pd.DataFrame:
        df = self.data
        stamps = df["timestamp"].dropna() if "timestamp" in df else pd.Series(dtype="object")
        period = (
            f"{stamps.min():%Y-%m-%d} to {stamps.max():%Y-%m-%d}" if len(stamps) else "no dates"
        )
        items: list[tuple[str, object]] = [
            ("rows", len(df)),
            ("customers", df["customer_id"].nunique() if "customer_id" in df else 0),
            ("conversations", df["conversation_id"].nunique() if "conversation_id" in df else 0),
            ("period", period),
        ]
        if "author_role" in df:
            for role, n in df["author_role"].value_counts(sort=False).items():
                items.append((f"messages by {role}", int(n)))
        for col in _SCORES:
            if col in df and df[col].notna().any():
                items.append((f"{col} answers", int(df[col].notna().sum())))
        return pd.DataFrame({"measure": [k for k, _ in items], "value": [str(v) for _, v in items]})

    def volume(self, freq: str = "Q") -> pd.DataFrame:
        """Messages per period and channel: ``period, channel, n`` (tidy)."""
        df = self.data.dropna(subset=["timestamp"])
        stamps = df["timestamp"]
        if getattr(stamps.dt, "tz", None) is not None:
            stamps = stamps.dt.tz_localize(None)
        period = stamps.dt.to_period(freq).astype("str")
        channel = df["channel"].fillna("unknown") if "channel" in df else "unknown"
        out = (
            pd.DataFrame({"period": period, "channel": channel})
            .groupby(["period", "channel"], observed=True)
            .size()
            .rename("n")
            .reset_index()
        )
        return out

    def scores(self) -> pd.DataFrame:
        """Answers and mean of each score by channel: ``channel, score, n, mean``."""
        df = self.data
        present = [c for c in _SCORES if c in df and df[c].notna().any()]
        if not present:
            return pd.DataFrame(columns=["channel", "score", "n", "mean"])
        long = (
            df.assign(channel=df["channel"].fillna("unknown"))
            .melt(id_vars="channel", value_vars=present, var_name="score")
            .dropna(subset=["value"])
        )
        return (
            long.groupby(["channel", "score"], observed=True)["value"]
            .agg(n="size", mean="mean")
            .reset_index()
            .round({"mean": 2})
        )

    def plot(self, ax: Axes | None = None, **kwargs: Any) -> Axes:
        """Stacked bars of messages per quarter by channel."""
        import matplotlib.pyplot as plt

        if ax is None:
            _, ax = plt.subplots(figsize=(8, 3.5))
        table = self.volume().pivot(index="period", columns="channel", values="n").fillna(0)
        colours = [
            "#0072B2",
            "#E69F00",
            "#009E73",
            "#CC79A7",
            "#56B4E9",
            "#D55E00",
            "#F0E442",
            "#000000",
            "#999999",
            "#882255",
        ]
        bottom = None
        for i, channel in enumerate(table.columns):
            ax.bar(
                table.index,
                table[channel],
                bottom=bottom,
                label=channel,
                color=colours[i % len(colours)],
            )
            bottom = table[channel] if bottom is None else bottom + table[channel]
        ax.set_ylabel("messages")
        ax.set_xlabel("quarter")
        ax.legend(fontsize=8, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
        ax.tick_params(axis="x", labelrotation=45)
        return ax

    def to_html(self, path: str | Path | None = None) -> str:
        """Self-contained HTML (inline CSS and figure); written to ``path`` when given."""
        import matplotlib.pyplot as plt

        sections: list[tuple[str, str]] = []
        kpis = "".join(
            f"<div class='kpi'><div class='value'>{h.esc(v)}</div>"
            f"<div class='label'>{h.esc(k)}</div></div>"
            for k, v in self.summary.itertuples(index=False)
        )
        sections.append(("Overview", f"<div class='kpis'>{kpis}</div>"))
        if self.data["timestamp"].notna().any():
            ax = self.plot()
            fig = cast("Figure", ax.figure)
            sections.append(
                (
                    "Volume by quarter and channel",
                    h.figure_to_img(fig, alt="messages per quarter by channel"),
                )
            )
            plt.close(fig)
        scores = self.scores()
        if len(scores):
            scores["cell"] = scores["mean"].map("{:.2f}".format) + " (n=" + scores["n"].astype(
                "str"
            ) + ")"
            wide = scores.pivot(index="channel", columns="score", values="cell").reset_index()
            wide.columns.name = None
            body = h.table_html(wide.fillna("")) + (
                "<p class='note'>Mean answer (number of answers). Scales: rating 1-5, "
                "nps 0-10, csat 1-5, ces 1-7 (7 = very easy).</p>"
            )
        else:
            body = "<p class='note'>No survey scores in this data.</p>"
        sections.append(("Scores by channel", body))
        report = self.data.attrs.get("load_report")
        if report is not None:
            body = h.table_html(report.summary)
            for title, table in report._sections():
                if len(table):
                    body += f"<p><strong>{h.esc(title)}</strong></p>" + h.table_html(table)
            sections.append(("Data quality: how the export was loaded", body))
        redaction = self.data.attrs.get("redaction")
        if redaction is not None:
            sections.append(("Personal data redacted", h.table_html(redaction.summary)))
        cols = [
            c
            for c in ("timestamp", "author_role", "channel", "touchpoint", "text")
            if c in self.data
        ]
        examples = self.data.dropna(subset=["text"])[cols].head(12)
        sections.append(("Example messages", h.table_html(examples)))
        doc = h.page(self.title, self._headline(), sections)
        if path is not None:
            h.write_page(doc, path)
        return doc


def overview(data: pd.DataFrame, *, title: str = "Feedback overview") -> DataOverview:
    """Overview of a canonical feedback DataFrame (from :func:`~empathylab.read_feedback`).

    Parameters
    ----------
    data : pandas.DataFrame
        Needs ``text`` and ``timestamp``; uses ``customer_id``, ``channel``,
        ``author_role`` and the score columns when present.
    title : str, default="Feedback overview"
        Title of the HTML page.

    Returns
    -------
    DataOverview
        ``.summary`` (measure, value), ``.volume()`` (period, channel, n),
        ``.scores()`` (channel, score, n, mean), ``.plot()``, ``.to_html(path)``.

    Examples
    --------
    >>> import io, empathylab as el
    >>> df = el.read_feedback(io.StringIO("Datum;Kanal;Kommentar\\n01.10.2026;E-Mail;gut\\n"))
    >>> overview(df).summary.head(2)
         measure value
    0       rows     1
    1  customers     0
    """
    check_columns(data, ["text", "timestamp"], param="data")
    return DataOverview(data, title=title)
