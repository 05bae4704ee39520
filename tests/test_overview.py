"""The HTML overview: figures inline, customer text escaped, the load report shown."""

from __future__ import annotations

import io
import re

import pandas as pd
import pytest

import empathylab as el
from empathylab.report import overview

EXPORT = (
    "Datum;Kanal;Kommentar;NPS\n"
    "01.07.2026;E-Mail;<script>alert(1)</script>;9\n"
    "15.08.2026;Chat;<img src=x onerror=alert(2)>;3\n"
    "02.10.2026;Telefon;Alles gut & schnell;10\n"
    "03.10.2026;Telefon;ohne Wert;12\n"
)


@pytest.fixture
def feedback() -> pd.DataFrame:
    with pytest.warns(el.DataQualityWarning):
        return el.read_feedback(io.StringIO(EXPORT))


def test_summary_volume_and_scores(feedback):
    result = overview(feedback)
    summary = result.summary.set_index("measure")["value"]
    assert summary["rows"] == "4"
    assert summary["nps answers"] == "3"
    volume = result.volume()
    assert volume.set_index(["period", "channel"])["n"].to_dict() == {
        ("2026Q3", "chat"): 1,
        ("2026Q3", "email"): 1,
        ("2026Q4", "phone"): 2,
    }
    scores = result.scores().set_index(["channel", "score"])
    assert scores.loc[("phone", "nps"), "n"] == 1  # 12 is out of range and left empty


def test_html_escapes_customer_text_and_inlines_the_figure(feedback, tmp_path):
    doc = overview(feedback).to_html(tmp_path / "o.html")
    assert (tmp_path / "o.html").read_text(encoding="utf-8") == doc
    assert "<script>alert" not in doc and "&lt;script&gt;alert(1)&lt;/script&gt;" in doc
    assert "<img src=x" not in doc and "&lt;img src=x onerror=alert(2)&gt;" in doc
    assert re.search(r'<img alt="[^"]+" src="data:image/png;base64,', doc)
    assert "Content-Security-Policy" in doc
    assert "Data quality" in doc and "out_of_range" in doc


def test_plot_returns_axes_with_one_bar_group_per_channel(feedback):
    ax = overview(feedback).plot()
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert sorted(labels) == ["chat", "email", "phone"]
    assert len(ax.patches) == 3 * 2  # 3 channels x 2 quarters


def test_accessor_delegates(feedback):
    assert feedback.cx.overview().summary.equals(overview(feedback).summary)
    assert feedback.cx.load_report is feedback.attrs["load_report"]


def test_missing_columns_are_named():
    with pytest.raises(el.MissingColumnError, match="column 'timestamp'"):
        overview(pd.DataFrame({"text": ["a"]}))
