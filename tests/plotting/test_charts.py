"""Plotting functions: artists drawn from the data, labels in both languages."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from matplotlib.colors import to_hex

from empathylab import MissingColumnError
from empathylab.plotting import (
    PALETTE,
    label,
    plot_drivers,
    plot_heatmap,
    plot_nps_bars,
    plot_sentiment_by,
    plot_tornado,
    plot_trend,
    plot_waterfall,
)


@pytest.fixture
def metrics():
    return pd.DataFrame({
        "quarter": ["2025Q1", "2025Q2", "2025Q3"] * 2,
        "touchpoint": ["delivery"] * 3 + ["billing"] * 3,
        "sentiment_mean": [-0.2, -0.1, 0.05, 0.1, 0.15, 0.2],
        "ci_low": [-0.3, -0.2, -0.05, 0.0, 0.05, 0.1],
        "ci_high": [-0.1, 0.0, 0.15, 0.2, 0.25, 0.3],
        "negative_share": [0.5, 0.4, 0.3, 0.2, 0.1, np.nan],
    })


def test_trend_draws_a_line_and_band_per_group(metrics):
    ax = plot_trend(metrics, x="quarter", y="sentiment_mean", hue="touchpoint", lang="de")
    assert len(ax.lines) == 2
    assert len(ax.collections) == 2  # the CI bands
    billing = ax.lines[0]  # groups sorted: billing, delivery
    np.testing.assert_allclose(billing.get_ydata(), [0.1, 0.15, 0.2])
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2025Q1", "2025Q2", "2025Q3"]
    assert ax.get_xlabel() == "Quartal"
    assert ax.get_legend().get_title().get_text() == "Kontaktpunkt"
    assert to_hex(billing.get_color()) == PALETTE[0].lower()


def test_heatmap_writes_values_and_leaves_gaps_blank(metrics):
    ax = plot_heatmap(metrics)
    texts = [t.get_text() for t in ax.texts]
    assert "50%" in texts and "10%" in texts
    assert len(texts) == 5  # the NaN cell has no text
    assert [t.get_text() for t in ax.get_yticklabels()] == ["billing", "delivery"]


def test_sentiment_by_channel_shares_sum_to_one():
    data = pd.DataFrame({"channel": ["app"] * 4 + ["email"] * 2,
                         "label": ["negative", "negative", "positive", "neutral",
                                   "positive", "positive"]})
    ax = plot_sentiment_by(data)
    widths = np.array([p.get_width() for p in ax.patches]).reshape(3, 2)
    np.testing.assert_allclose(widths.sum(axis=0), [1.0, 1.0])
    assert [t.get_text() for t in ax.get_yticklabels()] == ["email (n=2)", "app (n=4)"]


def test_nps_bars_annotate_the_score():
    data = pd.DataFrame({"nps": [10] * 50 + [8] * 30 + [3] * 20 + [np.nan] * 5})
    ax = plot_nps_bars(data)
    assert any("NPS +30" in t.get_text() and "n=100" in t.get_text() for t in ax.texts)
    heights = sorted(round(p.get_height(), 2) for p in ax.patches)
    assert heights == [0.2, 0.3, 0.5]


def test_drivers_sorted_with_error_bars():
    data = pd.DataFrame({"driver": ["delivery", "app", "price"], "effect": [-1.2, 0.4, -0.3],
                         "ci_low": [-1.6, 0.1, -0.7], "ci_high": [-0.8, 0.7, 0.1]})
    ax = plot_drivers(data, lang="de")
    assert [t.get_text() for t in ax.get_yticklabels()] == ["delivery", "price", "app"]
    assert ax.get_xlabel() == "Effekt"


def test_waterfall_and_tornado():
    steps = pd.DataFrame({"step": ["won", "lost"], "value": [120.0, -80.0]})
    ax = plot_waterfall(steps)
    assert [round(p.get_height(), 1) for p in ax.patches] == [120.0, -80.0, 40.0]
    table = pd.DataFrame({"parameter": ["k+", "k-", "ι"], "low": [90, 50, 99],
                          "high": [110, 150, 101]})
    ax = plot_tornado(table, base=100)
    assert ax.get_yticklabels()[-1].get_text() == "k-"  # the widest on top


def test_labels_and_errors(metrics):
    assert label("negative_share", "de") == "Anteil negativ"
    assert label("some_column") == "some column"
    with pytest.raises(ValueError, match="`lang` must be one of"):
        label("nps", "fr")
    with pytest.raises(MissingColumnError, match="quartal"):
        plot_trend(metrics, x="quartal", y="sentiment_mean")
