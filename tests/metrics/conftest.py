"""Fixtures of the metrics tests: the bundled German sample with sentiment (scored once)."""

from __future__ import annotations

import pandas as pd
import pytest


@pytest.fixture(scope="session")
def scored_sample() -> pd.DataFrame:
    """``load_sample("feedback_de").cx.sentiment()``; copy before changing it."""
    from empathylab.datasets import load_sample

    return load_sample("feedback_de").cx.sentiment()
