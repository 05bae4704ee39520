"""The sections of the quarterly report: each takes the report and returns a Section."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, cast

import numpy as np
import pandas as pd

from . import html as h
from ._i18n import t

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from .quarterly import QuarterlyReport, Section

__all__ = [
    "EXTRA_AFTER_WOM",
    "EXTRA_BEFORE_LOYALTY",
    "anomalies",
    "data_quality",
    "display_kpis",
    "empathy_map_section",
    "emotions_section",
    "kpi_cards",
    "kpis",
    "loyalty",
    "methods",
    "prepare",
    "reply_empathy",
    "reply_threads",
    "add_reply_empathy",
    "team_column",
    "rounded",
    "shift_quarter",
    "topics",
    "touchpoints",
    "word_of_mouth",
]

KPI_METRICS = ("nps", "csat", "sentiment_mean", "negative_share", "ces", "empathy_mean")
# Lower is better for these; the cards colour a rise red.
_LOWER_IS_BETTER = {"negative_share"}
REPLY_ROLES = ("agent", "bot")


def _section(key: str, report: QuarterlyReport) -> Section:
    from .quarterly import Section

    return Section(key=key, title=t(key, report.lang))


TEAM_COLUMNS = ("team", "Team", "group", "agent_group")


def team_column(data: pd.DataFrame) -> str | None:
    """The column naming the team or group that handled a conversation, if any."""
    return next((c for c in TEAM_COLUMNS if c in data and data[c].notna().any()), None)


def reply_threads(data: pd.DataFrame) -> pd.DataFrame | None:
    """Agent and bot replies paired with the customer messages they answer, with empathy.

    None when the data have no replies or nothing to pair them by. The reply empathy
    is :func:`empathylab.empathy_score` with the answered customer message as context
    (unless the data bring their own ``empathy`` column).
    """
    from ..conversations import threads

    if "author_role" not in data or "feedback_id" not in data:
        return None
    roles = data["author_role"].astype("string")
    if not roles.isin(REPLY_ROLES).any():
        return None
    links = [c for c in ("in_response_to", "in_response_to_tweet_id") if c in data]
    if "conversation_id" not in data and not links:
        return None
    team = team_column(data)
    keep = [team] if team else []
    given = "empathy" in data and data["empathy"].notna().any()
    if given:
        keep.append("empathy")
    pairs = threads(data, keep=keep, score_empathy=not given)
    return pairs


def prepare(df: pd.DataFrame, *, fiscal_year_start: int) -> pd.DataFrame:
    """A copy with ``quarter``, ``is_customer`` and, when absent, customer sentiment and
    touchpoints (the export's touchpoint; where it has none, the primary touchpoint that
    :func:`empathylab.assign_touchpoints` finds in the text, marked in
    ``touchpoint_source``)."""
    from ..metrics.periods import period_labels
    from ..sentiment import sentiment

    data = df.copy()
    if "author_role" in data:
        data["is_customer"] = (data["author_role"].astype("string") == "customer").fillna(False)
    else:
        data["is_customer"] = True
    data["is_customer"] = data["is_customer"].astype(bool)
    stamps = pd.to_datetime(data["timestamp"], errors="coerce")
    data["quarter"] = period_labels(stamps, "quarter", fiscal_year_start=fiscal_year_start)
    if "compound" not in data or "label" not in data:
        rows = data["is_customer"].to_numpy() & data["text"].notna().to_numpy()
        scores = sentiment(data.loc[rows, "text"], progress=False)
        data["compound"] = scores["compound"].reindex(data.index)
        data["label"] = scores["label"].reindex(data.index)
    given = data["touchpoint"] if "touchpoint" in data else pd.Series(pd.NA, index=data.index)
    gaps = (data["is_customer"].to_numpy() & given.isna().to_numpy()
            & data["text"].notna().to_numpy())
    if gaps.any():
        from ..touchpoints import assign_touchpoints

        found = assign_touchpoints(data.loc[gaps, "text"])["primary_touchpoint"]
        data["touchpoint"] = given.astype("object")
        data.loc[gaps, "touchpoint"] = found.to_numpy(dtype=object)
        data["touchpoint_source"] = np.where(gaps, "text", "export")
    return data


def add_reply_empathy(data: pd.DataFrame, pairs: pd.DataFrame | None) -> pd.DataFrame:
    """``data`` with the replies' ``empathy`` from ``pairs`` (when not already there)."""
    if pairs is None or ("empathy" in data and data["empathy"].notna().any()):
        return data
    scored = pairs.dropna(subset=["reply_id"]).drop_duplicates("reply_id")
    values = scored.set_index(scored["reply_id"].astype("string"))["empathy"]
    out = data.copy()
    out["empathy"] = out["feedback_id"].astype("string").map(values).astype("float64")
    return out


def shift_quarter(label: str, steps: int) -> str:
    """``2026-Q1`` shifted by ``steps`` quarters (``FY`` labels keep their prefix)."""
    prefix = "FY" if label.startswith("FY") else ""
    year, q = label.removeprefix("FY").split("-Q")
    index = int(year) * 4 + int(q) - 1 + steps
    return f"{prefix}{index // 4}-Q{index % 4 + 1}"


def _figure(ax: Axes) -> Figure:
    """The top-level Figure an Axes is drawn on."""
    fig = ax.get_figure(root=True)
    if fig is None:  # pragma: no cover - an Axes always has a figure
        raise RuntimeError("the plot returned an Axes without a figure")
    return cast("Figure", fig)


def rounded(table: pd.DataFrame) -> pd.DataFrame:
    """Numbers rounded for display (3 significant decimals), the table otherwise unchanged."""
    out = table.copy()
    for col in out.columns:
        if pd.api.types.is_float_dtype(out[col]):
            out[col] = out[col].round(3)
    return out


# -- headline figures --------------------------------------------------------------
def kpis(report: QuarterlyReport) -> Section:
    """Volume, NPS, CSAT, sentiment, negative share, CES, empathy: this quarter vs the other."""
    from ..metrics import period_deltas, touchpoint_metrics
    from ..metrics._stats import bh_adjust

    out = _section("kpis", report)
    data = report.data
    lag = 4 if report.compare == "year" else 1
    table = touchpoint_metrics(data, by="quarter", min_n=report.min_n,
                               fiscal_year_start=report.fiscal_year_start)
    rows = [_volume_row(table, report.quarter, report.previous)]
    for metric in KPI_METRICS:
        current = table[table["quarter"] == report.quarter]
        deltas = period_deltas(table, metric, lag=lag, min_n=report.min_n)
        hit = deltas[deltas["period"] == report.quarter]
        if len(hit):
            r = hit.iloc[0]
            rows.append({"metric": metric, "current": r["value"], "previous": r["previous_value"],
                         "delta": r["delta"], "ci_low": r["ci_low"], "ci_high": r["ci_high"],
                         "p_value": r["p_value"], "n": r["n"], "previous_n": r["previous_n"],
                         "test": r["test"]})
        elif len(current):
            value = _metric_value(current.iloc[0], metric)
            rows.append({"metric": metric, "current": value, "previous": np.nan,
                         "delta": np.nan, "ci_low": np.nan, "ci_high": np.nan,
                         "p_value": np.nan, "n": np.nan, "previous_n": np.nan,
                         "test": "no comparison data"})
    kpi = pd.DataFrame(rows)
    kpi["p_adjusted"] = bh_adjust(kpi["p_value"].to_numpy(dtype=float))
    kpi["significant"] = kpi["p_adjusted"] < 0.05
    kpi["small_sample"] = (kpi["n"] < report.min_n) | (kpi["previous_n"] < report.min_n)
    out.tables["kpis"] = kpi
    out.tables["by_quarter"] = table[["quarter", "n", "nps", "csat", "sentiment_mean",
                                      "negative_share", "ces", "empathy_mean"]]
    return out


def _metric_value(row: pd.Series, metric: str) -> float:
    value = row.get(metric)
    return float(value) if value is not None and pd.notna(value) else np.nan


def _volume_row(table: pd.DataFrame, quarter: str, previous: str) -> dict[str, object]:
    """Messages this quarter vs the other: ratio, exact conditional test, Clopper-Pearson CI."""
    from scipy import stats

    counts = table.set_index("quarter")["n"]
    n1 = int(counts.get(quarter, 0))
    n0 = int(counts.get(previous, 0))
    row: dict[str, object] = {"metric": "volume", "current": n1, "previous": n0,
                              "n": n1, "previous_n": n0,
                              "test": "conditional binomial (equal rates)"}
    if n0 > 0 and n1 + n0 > 0:
        test = stats.binomtest(n1, n1 + n0, 0.5)
        ci = test.proportion_ci()
        row.update(delta=n1 / n0 - 1, p_value=test.pvalue,
                   ci_low=ci.low / (1 - ci.low) - 1 if ci.low < 1 else np.nan,
                   ci_high=ci.high / (1 - ci.high) - 1 if ci.high < 1 else np.inf)
    else:
        row.update(delta=np.nan, p_value=np.nan, ci_low=np.nan, ci_high=np.nan)
    return row


def _format(metric: str, value: float) -> str:
    if value is None or not np.isfinite(value):
        return "–"
    if metric == "nps":
        return f"{100 * value:+.0f}"
    if metric in ("csat", "negative_share"):
        return f"{100 * value:.0f} %"
    if metric == "volume":
        return f"{value:,.0f}"
    if metric == "empathy_mean":
        return f"{value:.0f}"
    return f"{value:.2f}"


def _format_delta(metric: str, value: float) -> str:
    if value is None or not np.isfinite(value):
        return "–"
    if metric == "nps":
        return f"{100 * value:+.0f} Pkt."
    if metric in ("csat", "negative_share"):
        return f"{100 * value:+.1f} pp"
    if metric == "volume":
        return f"{100 * value:+.0f} %"
    if metric == "empathy_mean":
        return f"{value:+.1f}"
    return f"{value:+.3f}"


def display_kpis(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The KPI table as an analyst reads it: labels, units, interval as text."""
    rows = []
    for r in table.itertuples(index=False):
        metric = str(r.metric)
        interval = (f"[{_format_delta(metric, r.ci_low)}, {_format_delta(metric, r.ci_high)}]"
                    if np.isfinite(r.ci_low) else "")
        rows.append({
            t("metric", lang): t(metric, lang),
            t("current", lang): _format(metric, r.current),
            t("previous", lang): _format(metric, r.previous),
            t("delta", lang): _format_delta(metric, r.delta),
            "95% CI": interval,
            "p (BH)": "" if not np.isfinite(r.p_adjusted) else f"{r.p_adjusted:.3f}",
            t("significant", lang): t("yes", lang) if r.significant else t("no", lang),
        })
    return pd.DataFrame(rows)


def kpi_cards(report: QuarterlyReport) -> str:
    """KPI cards: value, change with arrow, a star when significant after BH."""
    cards = []
    for r in report.summary.itertuples(index=False):
        metric = str(r.metric)
        if not np.isfinite(r.current):
            continue
        arrow = ""
        if np.isfinite(r.delta) and r.delta != 0:
            better = (r.delta < 0) if metric in _LOWER_IS_BETTER else (r.delta > 0)
            colour = "#009E73" if better else "#D55E00"
            symbol = "▲" if r.delta > 0 else "▼"
            star = " *" if r.significant else ""
            arrow = (f"<div class='label' style='color:{colour}'>{symbol} "
                     f"{h.esc(_format_delta(metric, r.delta))}{star}</div>")
        cards.append(f"<div class='kpi'><div class='value'>{h.esc(_format(metric, r.current))}"
                     f"</div><div class='label'>{h.esc(t(metric, report.lang))}</div>{arrow}"
                     "</div>")
    legend = ("* signifikant nach Benjamini-Hochberg (5 %)" if report.lang == "de"
              else "* significant after Benjamini-Hochberg (5%)")
    return f"<div class='kpis'>{''.join(cards)}</div><p class='note'>{h.esc(legend)}</p>"


# -- touchpoints ---------------------------------------------------------------------
def touchpoints(report: QuarterlyReport) -> Section:
    """Touchpoint x quarter heatmap of the negative share, and the quarter's table."""
    from ..metrics import period_deltas, touchpoint_metrics
    from ..plotting import plot_heatmap

    out = _section("touchpoints", report)
    data = report.data
    has = "touchpoint" in data and data["touchpoint"].notna().any()
    if not has and "touchpoints" not in data:
        out.notes.append(t("no_data", report.lang))
        return out
    quarters = [shift_quarter(report.quarter, -k) for k in range(5, -1, -1)]
    recent = data[data["quarter"].isin(quarters)]
    table = touchpoint_metrics(recent, by=("touchpoint", "quarter"), min_n=report.min_n,
                               fiscal_year_start=report.fiscal_year_start)
    table = table[table["touchpoint"].notna()]
    ax = plot_heatmap(table, x="quarter", y="touchpoint", value="negative_share",
                      lang=report.lang)
    out.figures["heatmap"] = _figure(ax)
    out.notes.append(t("heatmap_note", report.lang))
    now = table[table["quarter"] == report.quarter]
    deltas = period_deltas(table, "negative_share", min_n=report.min_n,
                           lag=4 if report.compare == "year" else 1)
    deltas = deltas[deltas["period"] == report.quarter][["touchpoint", "delta", "p_adjusted"]]
    current = now[["touchpoint", "n", "share", "sentiment_mean", "negative_share", "nps",
                   "csat", "ces", "small_sample"]].merge(
        deltas.rename(columns={"delta": "negative_share_delta"}), on="touchpoint", how="left")
    out.tables["current"] = current.sort_values("negative_share", ascending=False,
                                                na_position="last").reset_index(drop=True)
    if current["small_sample"].any():
        out.notes.append(t("small", report.lang))
    return out


# -- emotions, effort, actionability --------------------------------------------------------
EMOTIONS_SHOWN = ("anger", "frustration", "disappointment", "worry", "confusion", "joy",
                  "gratitude")


def emotions_section(report: QuarterlyReport) -> Section:
    """Per touchpoint: shares of emotions, effort in the text, share needing an answer;
    and which emotions go with the NPS answer (key drivers)."""
    from ..actionability import actionability
    from ..effort import effort
    from ..emotions import emotions
    from ..metrics import key_drivers
    from ..plotting import plot_drivers

    out = _section("emotions", report)
    rows = report.current[report.current["is_customer"] & report.current["text"].notna()]
    if len(rows) < 20:
        out.notes.append(t("no_data", report.lang))
        return out
    found = emotions(rows["text"])
    present = found[list(EMOTIONS_SHOWN)].fillna(0).gt(0).astype(float)
    derived = present.join(effort(rows["text"])[["effort"]]).join(
        actionability(rows["text"])[["response_needed"]].astype(float))
    by = rows["touchpoint"] if "touchpoint" in rows else pd.Series("all", index=rows.index)
    table = derived.assign(touchpoint=by.fillna("–").astype(str)).groupby("touchpoint")
    summary = table.mean().add_suffix("_share").rename(columns={"effort_share": "effort_mean"})
    summary.insert(0, "n", table.size())
    out.tables["by_touchpoint"] = summary.reset_index().sort_values("n", ascending=False)
    out.notes.append(
        "Anteil der Kundennachrichten mit dem Gefühl (empathylab.emotions), mittlerer Aufwand im "
        "Text (-5 sehr mühsam bis +5 sehr einfach, empathylab.effort), Anteil, der eine Antwort "
        "braucht (empathylab.actionability)." if report.lang == "de" else
        "Share of customer messages with the emotion (empathylab.emotions), mean effort in the "
        "text (-5 very hard to +5 very easy, empathylab.effort), share that needs an answer "
        "(empathylab.actionability).")
    if "nps" in rows and rows["nps"].notna().sum() >= report.min_n:
        drivers = key_drivers(rows[["nps"]].join(present), outcome="nps",
                              drivers=list(EMOTIONS_SHOWN))
        table = drivers.summary
        out.tables["nps_drivers"] = table
        ax = plot_drivers(table, effect="effect", ci_low="effect_ci_low",
                          ci_high="effect_ci_high", lang=report.lang)
        ax.set_xlabel("NPS-Antwort mit minus ohne das Gefühl" if report.lang == "de"
                      else "NPS answer with minus without the emotion")
        out.figures["nps_drivers"] = _figure(ax)
    return out


# -- loyalty -------------------------------------------------------------------------
def loyalty(report: QuarterlyReport) -> Section:
    """Reply empathy and later outcomes (needs ``customers=``): association, with controls."""
    from ..loyalty import effect_of_empathy, link_outcomes

    out = _section("loyalty", report)
    customers = report._context()["customers"]
    data = report.data
    if customers is None:
        out.notes.append(t("no_customers", report.lang))
        return out
    if "empathy" not in data or not data["empathy"].notna().any():
        out.notes.append(t("no_data", report.lang))
        return out
    experience = {"empathy": "reply", "compound": "customer"}
    linked = link_outcomes(data, customers, experience=experience, aggregations=("mean",))
    if "tenure_months" in linked:
        linked["log_tenure"] = np.log1p(linked["tenure_months"].astype(float))
    controls = [c for c in ("segment", "log_tenure", "compound_mean") if c in linked]
    rows, contrast = [], []
    first = None
    for outcome in ("repurchase_90d", "churned", "spend_next_12m"):
        if outcome not in linked:
            continue
        fit = effect_of_empathy(linked, outcome, treatment="empathy_mean", controls=controls,
                                per=10, random_state=report.random_state)
        first = first or fit
        rows.append(fit.summary)
        c = fit.contrast
        c.insert(0, "outcome", outcome)
        contrast.append(c)
    if not rows:
        out.notes.append(t("no_data", report.lang))
        return out
    out.notes.append(t("association", report.lang))
    out.notes.append(("Kontrollvariablen: " if report.lang == "de" else "Controls: ")
                     + ", ".join(controls) + ("; Effekt je 10 Empathiepunkte."
                                              if report.lang == "de" else
                                              "; effect per 10 empathy points."))
    out.tables["effects"] = pd.concat(rows, ignore_index=True)
    out.tables["contrast"] = pd.concat(contrast, ignore_index=True)
    if first is not None:
        out.figures["dose_response"] = _figure(first.plot())
    return out


# -- word of mouth --------------------------------------------------------------------
def word_of_mouth(report: QuarterlyReport) -> Section:
    """The quarter's promoters and detractors through the 9-vs-16 model, with its interval."""
    from .. import wom

    out = _section("wom", report)
    current = report.current
    if "nps" not in current or current["nps"].notna().sum() == 0:
        out.notes.append(t("no_data", report.lang))
        return out
    result = wom.estimate(current, nps="nps", random_state=report.random_state, n_sims=5000)
    out.notes.append(t("wom_note", report.lang))
    out.tables["estimate"] = result.summary
    out.tables["assumptions"] = result.assumptions
    out.tables["sensitivity"] = result.sensitivity().head(8)
    out.figures["waterfall"] = _figure(result.plot(lang=report.lang))
    return out


# -- anomalies -------------------------------------------------------------------------
def anomalies(report: QuarterlyReport) -> Section:
    """Weeks and months of the quarter whose volume or negative share broke out of their own
    history (weeks find short spikes when volume allows; months have the power at low volume)."""
    from ..metrics import detect_anomalies
    from ..metrics.periods import period_labels

    out = _section("anomalies", report)
    data = report.data
    by = "touchpoint" if "touchpoint" in data and data["touchpoint"].notna().any() else None
    found = []
    for freq, suffix in (("W", "-1"), ("M", "-01")):
        for metric in ("volume", "negative_share"):
            table = detect_anomalies(data, by=by, freq=freq, metric=metric,
                                     fiscal_year_start=report.fiscal_year_start)
            if not len(table):
                continue
            fmt = "%G-W%V-%u" if freq == "W" else "%Y-%m-%d"
            start = pd.to_datetime(table["period"].astype(str) + suffix, format=fmt,
                                   errors="coerce")
            quarter = period_labels(pd.Series(start, index=table.index), "quarter",
                                    fiscal_year_start=report.fiscal_year_start)
            keep = (quarter == report.quarter).to_numpy() & table["flag"].fillna(False).astype(
                bool).to_numpy()
            found.append(table[keep].assign(freq=freq))
    table = pd.concat(found, ignore_index=True) if found else pd.DataFrame()
    if len(table):
        out.tables["flagged"] = table
    else:
        out.notes.append(t("no_anomalies", report.lang))
    return out


# -- data quality and methods -----------------------------------------------------------
def data_quality(report: QuarterlyReport) -> Section:
    """What the load and the redaction reported, and rows the report could not place."""
    out = _section("data_quality", report)
    source = report._context()["source"]
    load = source.attrs.get("load_report")
    if load is not None and hasattr(load, "summary"):
        out.tables["load"] = load.summary
        quarantined = getattr(load, "quarantined", None)
        if quarantined is not None and len(quarantined):
            out.notes.append(f"{t('quarantined', report.lang)}: {len(quarantined):,}")
            out.tables["quarantined"] = quarantined.head(20)
    redaction = source.attrs.get("redaction")
    if redaction is not None and hasattr(redaction, "summary"):
        out.tables["redaction"] = redaction.summary
        out.notes.append(t("redacted", report.lang))
    missing = int(report.data["quarter"].isna().sum())
    if missing:
        out.notes.append(f"{t('excluded', report.lang)}: {missing:,}")
    if "language" in report.data:
        langs = report.data.loc[report.data["is_customer"], "language"].value_counts(
            dropna=False)
        out.tables["languages"] = langs.rename_axis("language").reset_index(name="n")
    return out


_METHODS = {
    "de": [
        "NPS: Anteil Promotoren (9-10) minus Anteil Kritiker (0-6); Intervall: adjustiertes "
        "Wald-Intervall nach Rocks (2016), The American Statistician.",
        "CSAT: Anteil der Antworten 4-5 von 5 mit Wilson-Intervall; CES: Mittelwert mit "
        "t-Intervall.",
        "Quartalsvergleich: NPS-Differenz (z-Test), Anteile (Agresti-Caffo, z-Test), "
        "Mittelwerte (Welch); p-Werte nach Benjamini-Hochberg korrigiert.",
        "Stimmung: empathylab.sentiment (deutsches und englisches Lexikon, Genauigkeit in "
        "BENCHMARKS.md) auf den Nachrichten der Kund:innen.",
        "Mundpropaganda: 9 vs. 16 Personen (American Express Global Customer Service "
        "Barometer 2011, USA, n = 1.018); Gegenbefund East, Hammond & Wright (2007).",
        "Auffälligkeiten: Woche und Monat gegen die eigenen 8 Vorperioden (Poisson/negativ "
        "binomial für Volumen, Fisher-Test für den Negativanteil), Benjamini-Hochberg.",
    ],
    "en": [
        "NPS: share of promoters (9-10) minus share of detractors (0-6); interval: adjusted "
        "Wald after Rocks (2016), The American Statistician.",
        "CSAT: share of answers 4-5 of 5 with a Wilson interval; CES: mean with a t interval.",
        "Quarter comparison: NPS difference (z-test), shares (Agresti-Caffo, z-test), means "
        "(Welch); p-values adjusted by Benjamini-Hochberg.",
        "Sentiment: empathylab.sentiment (German and English lexicons, accuracy in "
        "BENCHMARKS.md) on the customers' messages.",
        "Word of mouth: 9 vs 16 people (American Express Global Customer Service Barometer "
        "2011, US, n = 1,018); counter-evidence East, Hammond & Wright (2007).",
        "Anomalies: each week and month against its own 8 periods before (Poisson/negative "
        "binomial for volume, Fisher's test for the negative share), Benjamini-Hochberg.",
    ],
}


def methods(report: QuarterlyReport) -> Section:
    """How each figure was computed, with the sources of the published numbers."""
    out = _section("methods", report)
    out.notes.extend(_METHODS[report.lang])
    return out


# -- topics -----------------------------------------------------------------------------
def topics(report: QuarterlyReport) -> Section:
    """Topics of the customer messages of both quarters; which gained or lost share."""
    from ..metrics._stats import bh_adjust, proportion_diff
    from ..plotting import plot_drivers
    from ..topics import TopicModel

    out = _section("topics", report)
    data = report.data
    both = data[data["is_customer"] & data["quarter"].isin([report.quarter, report.previous])
                & data["text"].notna()]
    if both["quarter"].nunique() < 2 or len(both) < 100:
        out.notes.append(t("no_data", report.lang))
        return out
    model = TopicModel(n_topics="auto", random_state=report.random_state).fit(both["text"])
    assigned = model.assign(both["text"])
    info = model.topics_.set_index("topic")
    rows = []
    n_now = int((both["quarter"] == report.quarter).sum())
    n_before = int((both["quarter"] == report.previous).sum())
    for topic, label in info["label"].items():
        hit = (assigned["topic"] == topic).fillna(False).to_numpy()
        k_now = int((hit & (both["quarter"] == report.quarter).to_numpy()).sum())
        k_before = int((hit & (both["quarter"] == report.previous).to_numpy()).sum())
        delta, low, high, p = proportion_diff(
            np.array(k_now), np.array(n_now), np.array(k_before), np.array(n_before))
        rows.append({"topic": label, "share": k_now / n_now, "previous_share": k_before / n_before,
                     "delta": float(delta), "ci_low": float(low), "ci_high": float(high),
                     "p_value": float(p), "mean_sentiment": info.loc[topic, "mean_sentiment"],
                     "top_terms": info.loc[topic, "top_terms"]})
    table = pd.DataFrame(rows)
    table["p_adjusted"] = bh_adjust(table["p_value"].to_numpy())
    table = table.sort_values("delta", ascending=False).reset_index(drop=True)
    out.tables["changes"] = table
    out.notes.append(
        "Anteil der Kundennachrichten je Thema (dominantes Thema), Veränderung mit "
        "95 %-Intervall (Agresti-Caffo), p nach Benjamini-Hochberg; Stimmung je Thema aus den "
        "Sätzen, die es nennen." if report.lang == "de" else
        "Share of customer messages per topic (dominant topic), change with a 95% interval "
        "(Agresti-Caffo), p adjusted by Benjamini-Hochberg; topic sentiment from the sentences "
        "that mention it.")
    ax = plot_drivers(table.rename(columns={"topic": "driver", "delta": "effect"}),
                      lang=report.lang)
    ax.set_xlabel("Veränderung des Anteils" if report.lang == "de" else "change of share")
    out.figures["changes"] = _figure(ax)
    return out


# -- reply empathy ------------------------------------------------------------------------
def reply_empathy(report: QuarterlyReport) -> Section:
    """Reply empathy by team and channel, and bot against human, for the quarter's replies."""
    from ..conversations import bot_vs_human, empathy_table
    from ..metrics.periods import period_labels
    from ..plotting import plot_drivers

    out = _section("empathy", report)
    pairs = report.threads
    if pairs is None or "empathy" not in pairs or not pairs["empathy"].notna().any():
        out.notes.append(t("no_data", report.lang))
        return out
    quarter = period_labels(pd.to_datetime(pairs["reply_time"], errors="coerce"), "quarter",
                            fiscal_year_start=report.fiscal_year_start)
    now = pairs[(quarter == report.quarter).to_numpy()]
    if not len(now):
        out.notes.append(t("no_data", report.lang))
        return out
    team = team_column(now)
    if team:
        by_team = empathy_table(now, by=team, min_n=report.min_n)
        out.tables["by_team"] = by_team
        ax = plot_drivers(by_team.assign(driver=by_team[team].astype(str)),
                          effect="mean_empathy", lang=report.lang)
        ax.set_xlabel(t("empathy_mean", report.lang))
        out.figures["by_team"] = _figure(ax)
    if "channel" in now:
        out.tables["by_channel"] = empathy_table(now, by="channel", min_n=report.min_n)
    out.tables["bot_vs_human"] = bot_vs_human(now)
    if "sympathy_only" in now:
        share = float(now["sympathy_only"].astype("float").mean())
        out.notes.append(
            f"{share:.0%} der Antworten sind nur mitfühlend (Entschuldigung plus Standardlösung, "
            "ohne auf das Gefühl oder die Lage einzugehen)." if report.lang == "de" else
            f"{share:.0%} of the replies are sympathy only (an apology plus the standard fix, "
            "without naming the feeling or the situation).")
    out.notes.append(
        "Empathie 0-100 nach empathylab.empathy_score (emotionale Reaktion, Verstehen, "
        "gezielte Fragen, Bezug auf den Fall, Verantwortung; Ton); Gruppen unter 30 Antworten "
        "sind markiert." if report.lang == "de" else
        "Empathy 0-100 by empathylab.empathy_score (emotional reaction, interpretation, "
        "targeted questions, personalization, ownership; tone); groups under 30 replies are "
        "flagged.")
    return out


# -- empathy map --------------------------------------------------------------------------
def empathy_map_section(report: QuarterlyReport) -> Section:
    """What the quarter's customers say, think, do and feel; their pains and gains."""
    from ..empathy_map import empathy_map

    out = _section("empathy_map", report)
    customers = report.current[report.current["is_customer"] & report.current["text"].notna()]
    if len(customers) < 20:
        out.notes.append(t("no_data", report.lang))
        return out
    result = empathy_map(customers, top=5)
    out.tables["items"] = result.to_frame()
    out.figures["map"] = _figure(result.plot(lang=report.lang))
    out.notes.append(
        "Sätze der Kundennachrichten nach Regeln einsortiert; je Feld die häufigsten "
        "Aussagen mit einem Originalzitat." if report.lang == "de" else
        "Sentences of the customers' messages sorted by rules; per field the most frequent "
        "statements with a verbatim quote.")
    return out


# Sections added by the modules that provide them (empathy).
EXTRA_BEFORE_LOYALTY: list[Callable[[QuarterlyReport], Section]] = [
    emotions_section, topics, reply_empathy]
EXTRA_AFTER_WOM: list[Callable[[QuarterlyReport], Section]] = [empathy_map_section]
