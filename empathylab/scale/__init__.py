"""Scale: Dask paths of the aggregates, chunked reading and exact merging of chunks.

* Row-wise derivations (:func:`~empathylab.sentiment`, :func:`~empathylab.redact_pii`,
  language detection, ...) accept a ``dask.dataframe`` collection and run per
  partition (:mod:`empathylab._dask`).
* Aggregates accept one too and return pandas results equal to the pandas ones:
  :func:`~empathylab.nps`, :func:`~empathylab.nps_diff`,
  :func:`~empathylab.touchpoint_metrics`, :func:`empathylab.loyalty.link_outcomes`.
* ``read_feedback("exports/*.csv", engine="dask")`` reads many files (or big CSV
  files in pieces) lazily; ``read_feedback(path, chunksize=n)`` yields pandas
  chunks, and :class:`MetricsAccumulator` / :func:`aggregate_chunks` merge their
  aggregates exactly.

Dask is optional (``pip install empathylab[dask]``) and never imported by
``import empathylab``.
"""

from .accumulate import METRICS, MetricsAccumulator, aggregate_chunks

__all__ = ["METRICS", "MetricsAccumulator", "aggregate_chunks"]
