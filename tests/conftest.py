"""Shared fixtures: seeded random numbers, headless matplotlib, the shared dev data, the
scored German sample and a two-worker Dask cluster (one conftest: sub-folder conftest
files would clash as modules under --doctest-modules)."""

from __future__ import annotations

from pathlib import Path

import matplotlib
import numpy as np
import pytest

matplotlib.use("Agg")

SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


@pytest.fixture
def rng() -> np.random.Generator:
    return np.random.default_rng(20261122)


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    import matplotlib.pyplot as plt

    plt.close("all")


@pytest.fixture
def shared_data() -> Path:
    """``../shared/data``; tests that use it skip when it is absent (a user's fresh clone)."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"needs the shared dev data at {SHARED_DATA} (not part of the project)")
    return SHARED_DATA


@pytest.fixture(scope="session")
def scored_sample():
    """``load_sample("feedback_de").cx.sentiment()``; copy before changing it."""
    from empathylab.datasets import load_sample

    return load_sample("feedback_de").cx.sentiment()


@pytest.fixture(scope="session")
def dask_client():
    """A two-worker LocalCluster (skipped without the dask extra)."""
    pytest.importorskip("dask.dataframe", reason="needs the optional extra empathylab[dask]")
    distributed = pytest.importorskip("distributed", reason="needs empathylab[dask]")
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None)
    client = distributed.Client(cluster)
    yield client
    client.close()
    cluster.close()
