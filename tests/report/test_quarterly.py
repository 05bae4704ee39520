"""The quarterly report: its figures match the library's functions, text stays text."""

from __future__ import annotations

import openpyxl
import pandas as pd
import pytest
from browser import inspect

import empathylab as el
from empathylab.datasets import load_sample
from empathylab.report import quarterly_report

PAYLOAD = "<img src=x onerror=\"document.body.dataset.pwned=1\">"


def _in_quarter(data, label="2026-Q2"):
    """Index of the customer rows of one quarter (where the report shows values)."""
    quarter = el.metrics.period_labels(data["timestamp"]) == label
    return data.index[quarter & (data["author_role"] == "customer")]


@pytest.fixture(scope="module")
def feedback():
    return load_sample("feedback_de")


@pytest.fixture(scope="module")
def report(feedback):
    return quarterly_report(feedback, "2026Q2", lang="de")


def test_headline_figures_are_the_library_figures(report, feedback):
    kpis = report.summary.set_index("metric")
    quarter = el.metrics.period_labels(feedback["timestamp"]) == "2026-Q2"
    customers = feedback[quarter & (feedback["author_role"] == "customer")]
    assert kpis.loc["volume", "current"] == len(customers)
    assert kpis.loc["nps", "current"] == pytest.approx(el.nps(customers["nps"]).value)
    before = feedback[(el.metrics.period_labels(feedback["timestamp"]) == "2026-Q1")
                      & (feedback["author_role"] == "customer")]
    diff = el.nps_diff(customers["nps"], before["nps"])
    assert kpis.loc["nps", "delta"] == pytest.approx(diff.difference)
    assert kpis.loc["nps", "p_value"] == pytest.approx(diff.p_value)
    assert (kpis["p_adjusted"].dropna() >= kpis["p_value"].dropna() - 1e-12).all()
    assert report.previous == "2026-Q1"


def test_sections_tables_and_figures(report):
    keys = [s.key for s in report.sections]
    assert keys[:2] == ["kpis", "touchpoints"] and keys[-2:] == ["data_quality", "methods"]
    assert "wom" in keys and "loyalty" in keys
    assert "touchpoints/heatmap" in report.figures
    current = report.tables["touchpoints/current"]
    assert set(current["touchpoint"]) >= {"delivery", "billing"}
    assert report.section("loyalty").notes  # no customers table: said so, not hidden
    assert "Rocks (2016)" in " ".join(report.section("methods").notes)
    changes = report.tables["topics/changes"]
    assert changes["delta"].is_monotonic_decreasing
    assert (changes["p_adjusted"] >= changes["p_value"] - 1e-12).all()
    assert "topics/changes" in report.figures
    assert {"says", "feels", "pains"} <= set(report.tables["empathy_map/items"]["quadrant"])
    assert "empathy_map/map" in report.figures
    emotions = report.tables["emotions/by_touchpoint"]
    assert emotions["n"].sum() == report.summary.set_index("metric").loc["volume", "current"]
    assert emotions["anger_share"].between(0, 1).all()
    drivers = report.tables["emotions/nps_drivers"].set_index("driver")
    assert drivers.loc["joy", "effect"] > 0 > drivers.loc["disappointment", "effect"]
    by_team = report.tables["empathy/by_team"]
    assert set(by_team["Team"]) == {"premium", "service-de", "stores"}
    assert report.tables["empathy/bot_vs_human"]["author_role"].tolist() == ["agent", "bot"]
    # the replies were scored with empathy_score, paired with the message they answer
    kpis = report.summary.set_index("metric")
    assert 0 < kpis.loc["empathy_mean", "current"] < 100


def test_compare_with_the_same_quarter_a_year_before(feedback):
    yearly = quarterly_report(feedback, "2026-Q2", compare="year", lang="en")
    assert yearly.previous == "2025-Q2"
    assert yearly.title == "Customer experience quarterly report"
    yearly.close()


def test_default_quarter_is_the_latest_with_enough_messages(feedback):
    latest = quarterly_report(feedback, lang="en")
    assert latest.quarter == "2026-Q3"  # 2026-Q4 holds a single message
    latest.close()


def test_html_is_self_contained_and_escaped(feedback, tmp_path):
    data = feedback.copy()
    rows = _in_quarter(data)[:40]
    data.loc[rows, "touchpoint"] = PAYLOAD
    report = quarterly_report(data, "2026Q2")
    doc = report.to_html(tmp_path / "q.html")
    assert PAYLOAD not in doc and "&lt;img src=x onerror=" in doc
    assert "<script" not in doc.lower()
    assert "http://" not in doc and "https://" not in doc.split("</style>")[1].split("<img")[0]
    assert doc.count("data:image/png;base64,") == len(report.figures)
    assert "<html lang='de'>" in doc
    report.close()


def test_markdown_and_jupyter_views(report):
    text = report.to_markdown()
    assert text.startswith("# Quartalsbericht Kundenerlebnis")
    assert "## Kontaktpunkte" in text
    assert "Kontaktpunkte" in report._repr_html_()
    assert repr(report).startswith("<QuarterlyReport: 2026-Q2 vs 2026-Q1, NPS ")


def test_excel_export_neutralises_formulas(feedback, tmp_path):
    data = feedback.copy()
    rows = _in_quarter(data)[:40]
    data.loc[rows, "touchpoint"] = "=HYPERLINK(\"http://x\")"
    report = quarterly_report(data, "2026Q2")
    path = report.export_tables(tmp_path / "tables.xlsx")
    sheet = openpyxl.load_workbook(path)["touchpoints_current"]
    cells = [c.value for c in sheet["A"]]
    assert "'=HYPERLINK(\"http://x\")" in cells
    report.close()


def test_loyalty_section_with_a_customers_table(feedback):
    report = quarterly_report(feedback, "2026Q2", customers=load_sample("customers"))
    effects = report.tables["loyalty/effects"]
    assert set(effects["outcome"]) == {"repurchase_90d", "churned", "spend_next_12m"}
    assert (effects["per"] == 10).all()
    # the sample plants more repurchase with more empathic replies; the scored empathy finds it
    repurchase = effects.set_index("outcome").loc["repurchase_90d"]
    assert repurchase["ci_low"] > 0
    assert "loyalty/dose_response" in report.figures
    report.close()


def test_given_empathy_column_is_used_as_it_is(feedback):
    data = feedback.assign(empathy=feedback["author_role"].map({"agent": 70.0, "bot": 40.0}))
    report = quarterly_report(data, "2026Q2")
    bots = report.tables["empathy/bot_vs_human"].set_index("author_role")["mean_empathy"]
    assert bots.to_dict() == {"agent": 70.0, "bot": 40.0}
    report.close()


def test_bad_input(feedback):
    with pytest.raises(ValueError, match="must look like '2026Q3'"):
        quarterly_report(feedback, "Q3/2026")
    with pytest.raises(ValueError, match="has no data; the data cover 2024-Q4"):
        quarterly_report(feedback, "2020Q1")
    with pytest.raises(ValueError, match="`lang` must be one of"):
        quarterly_report(feedback, lang="fr")
    with pytest.raises(el.InsufficientDataError, match="no row of `df` has a timestamp"):
        quarterly_report(feedback.assign(timestamp=pd.NaT))


@pytest.mark.browser
def test_report_in_a_real_browser(feedback, tmp_path):
    data = feedback.copy()
    rows = _in_quarter(data)[:40]
    data.loc[rows, "touchpoint"] = PAYLOAD
    script = "<script>document.title='pwned'; window.top.pwned = 1</script> Ich finde das schlecht."
    data.loc[rows[:20], "text"] = script
    report = quarterly_report(data, "2026Q2", customers=load_sample("customers"))
    path = tmp_path / "quarterly.html"
    report.to_html(path)
    shot = tmp_path / "quarterly.png"
    seen = inspect(path, tmp_path, screenshot=shot)
    assert seen["pwned"] == 0 and seen["scripts"] == 0
    assert seen["images"] == len(report.figures) and seen["loaded"] == seen["images"]
    assert PAYLOAD in seen["text"] and "<script>document.title='pwned'" in seen["text"]
    assert seen["title"] == report.title
    assert shot.stat().st_size > 50_000
    report.close()


def test_touchpoints_missing_in_the_export_are_found_in_the_text(feedback):
    data = feedback.drop(columns=["touchpoint"])
    report = quarterly_report(data, "2026Q2", lang="en")
    found = report.tables["touchpoints/current"]
    assert {"delivery", "returns", "billing"} <= set(found["touchpoint"])
    assert set(report.data.loc[report.data["is_customer"], "touchpoint_source"]) == {"text"}
    report.close()


def test_the_planted_delivery_crisis_is_flagged(feedback):
    report = quarterly_report(feedback, "2025Q4")
    flagged = report.tables["anomalies/flagged"]
    pairs = set(zip(flagged["touchpoint"], flagged["period"], strict=True))
    assert ("delivery", "2025-11") in pairs
    report.close()
