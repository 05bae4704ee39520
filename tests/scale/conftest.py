"""A two-worker Dask LocalCluster for the scale tests (skipped without the dask extra)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def dask_client():
    pytest.importorskip("dask.dataframe", reason="needs the optional extra empathylab[dask]")
    distributed = pytest.importorskip("distributed", reason="needs empathylab[dask]")
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None)
    client = distributed.Client(cluster)
    yield client
    client.close()
    cluster.close()
