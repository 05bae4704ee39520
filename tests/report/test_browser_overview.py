"""The overview page in a real browser: customer text stays text, every figure loads."""

from __future__ import annotations

import pandas as pd
import pytest
from browser import inspect

from empathylab.report import overview

PAYLOADS = (
    "<script>document.title='pwned'; window.top.pwned = 1</script>",
    "<img src=x onerror=\"document.body.dataset.pwned=1\">",
)


@pytest.mark.browser
def test_overview_renders_escaped_with_its_figure(tmp_path):
    data = pd.DataFrame({
        "timestamp": pd.to_datetime(["2026-07-01", "2026-08-01", "2026-09-01"]),
        "text": [*PAYLOADS, "Alles gut"],
        "channel": ["email", "chat", "app"],
        "customer_id": ["1", "2", "3"],
    })
    path = tmp_path / "overview.html"
    overview(data, title="Überblick").to_html(path)
    seen = inspect(path, tmp_path, screenshot=tmp_path / "overview.png")
    assert seen["pwned"] == 0
    assert seen["title"] == "Überblick"
    assert seen["scripts"] == 0
    assert seen["images"] >= 1 and seen["loaded"] == seen["images"]
    assert PAYLOADS[0] in seen["text"] and PAYLOADS[1] in seen["text"]
    assert (tmp_path / "overview.png").stat().st_size > 10_000
