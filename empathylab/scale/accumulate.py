"""Exact aggregates over chunks: :class:`MetricsAccumulator` and :func:`aggregate_chunks`."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pandas as pd

from .._validation import check_argument
from ..metrics.nps import NPSResult
from ..metrics.touchpoint_metrics import _resolve_by, check_options, finish_table
from ._sums import (
    conversation_rows,
    finish_conversations,
    merge_sums,
    part_sums,
    project_conversations,
)
from .metrics import _nps_part

__all__ = ["METRICS", "MetricsAccumulator", "aggregate_chunks"]

METRICS = ("touchpoint_metrics", "nps")


class MetricsAccumulator:
    """Collect the sufficient statistics of chunks; ``result()`` equals the one-shot figure.

    Parameters
    ----------
    metric : {"touchpoint_metrics", "nps"}, default="touchpoint_metrics"
    column : str, default="nps"
        The answers for ``metric="nps"``.
    **options
        Keyword arguments of :func:`empathylab.touchpoint_metrics` (``by``, ``min_n``,
        ``confidence``, ...) or of :func:`empathylab.nps` (``method``, ``confidence``).

    Notes
    -----
    Message metrics keep per-group counts, sums and sums of squared deviations (a
    few rows per group and chunk). Conversation metrics (median response and
    resolution times, repeat contacts) cannot be summed: the accumulator keeps a
    narrow projection of each chunk (conversation id, time, role, channel, customer,
    escalation, status and the group keys; no text) and computes them at the end
    with the pandas code, so conversations that span chunks are counted right.

    Examples
    --------
    Row-wise derivations run per chunk; aggregates are merged exactly:

    >>> import empathylab as el
    >>> from empathylab.datasets import sample_path
    >>> acc = MetricsAccumulator(by="touchpoint", min_n=1)
    >>> nps = MetricsAccumulator(metric="nps")
    >>> for chunk in el.read_feedback(sample_path("feedback_de"), chunksize=500):
    ...     chunk = el.redact_pii(chunk)                          # row-wise, per chunk
    ...     _ = acc.update(chunk.join(el.sentiment(chunk["text"])[["compound", "label"]]))
    ...     _ = nps.update(chunk)
    >>> table = acc.result()
    >>> whole = el.read_feedback(sample_path("feedback_de"))
    >>> table["n"].tolist() == el.touchpoint_metrics(whole, by="touchpoint", min_n=1)["n"].tolist()
    True
    >>> nps.result().n == el.nps(el.read_feedback(sample_path("feedback_de"))["nps"]).n
    True
    """

    def __init__(self, metric: str = "touchpoint_metrics", *, column: str = "nps",
                 **options: Any) -> None:
        check_argument("metric", METRICS, metric)
        self.metric, self.column, self.options = metric, column, options
        self._sums: list[pd.DataFrame] = []
        self._conv: list[pd.DataFrame] = []
        self._rows = 0
        self._meta: pd.DataFrame | None = None

    def update(self, chunk: pd.DataFrame) -> MetricsAccumulator:
        """Add one chunk (a canonical DataFrame); returns ``self``."""
        if self.metric == "nps":
            self._sums.append(_nps_part(chunk[self.column]))
            return self
        o = self._tm_options()
        part = chunk.copy(deep=False)
        part.index = pd.RangeIndex(self._rows, self._rows + len(chunk))
        self._rows += len(chunk)
        if self._meta is None:
            self._meta = chunk.iloc[:0]
        self._sums.append(part_sums(part, o["by"], timestamp=o["timestamp"],
                                    fiscal_year_start=o["fiscal_year_start"],
                                    customer_roles=o["customer_roles"]))
        if "conversation_id" in part.columns and o["timestamp"] in part.columns:
            self._conv.append(project_conversations(
                part, o["by"], timestamp=o["timestamp"],
                fiscal_year_start=o["fiscal_year_start"]))
        return self

    def _tm_options(self) -> dict[str, Any]:
        o = {"by": ("touchpoint", "quarter"), "timestamp": "timestamp", "fiscal_year_start": 1,
             "min_n": 30, "confidence": 0.95, "nps_method": "adjusted_wald",
             "customer_roles": ("customer",), "responder_roles": ("agent",),
             "non_contact_channels": ("survey", "review"), "repeat_window": "7D"}
        unknown = set(self.options) - set(o)
        if unknown:
            raise TypeError(f"unknown touchpoint_metrics option(s) {sorted(unknown)}; "
                            f"allowed: {sorted(o)}")
        o.update(self.options)
        return o

    def result(self) -> Any:
        """The :func:`~empathylab.nps` result or the :func:`~empathylab.touchpoint_metrics`
        table of all chunks so far."""
        if self.metric == "nps":
            counts = (pd.concat(self._sums).sum() if self._sums else
                      pd.Series(0, index=["promoters", "passives", "detractors", "n_missing"]))
            found: dict[str, Any] = {str(k): int(v) for k, v in counts.items()}
            return NPSResult(**found, **self.options)
        if self._meta is None:
            raise ValueError("no chunk was added; call update(chunk) first")
        o = self._tm_options()
        confidence = check_options(o["confidence"], o["nps_method"])
        keys = _resolve_by(self._meta, o["by"], o["timestamp"])
        names = [n for n, _ in keys]
        others = [n for n, s in keys if s.startswith("@")]
        table = merge_sums(pd.concat(self._sums, ignore_index=True), names, others)
        if self._conv:
            rows = conversation_rows(
                pd.concat(self._conv), len(names), timestamp=o["timestamp"],
                customer_roles=o["customer_roles"], responder_roles=o["responder_roles"],
                non_contact_channels=o["non_contact_channels"])
            conv = finish_conversations(rows, names,
                                        has_customer="customer_id" in self._meta.columns,
                                        repeat_window=pd.Timedelta(o["repeat_window"]))
            if conv is not None:
                table = table.merge(conv, on=names, how="outer")
        return finish_table(table, names, min_n=o["min_n"], confidence=confidence,
                            nps_method=o["nps_method"], stacklevel=3)


def aggregate_chunks(chunks: Iterable[pd.DataFrame], *, metric: str = "touchpoint_metrics",
                     **options: Any) -> Any:
    """:class:`MetricsAccumulator` over ``chunks`` (e.g. ``read_feedback(path, chunksize=)``).

    Examples
    --------
    >>> import empathylab as el
    >>> from empathylab.datasets import sample_path
    >>> chunks = el.read_feedback(sample_path("feedback_de"), chunksize=400)
    >>> aggregate_chunks(chunks, metric="nps").n > 0
    True
    """
    acc = MetricsAccumulator(metric, **options)
    for chunk in chunks:
        acc.update(chunk)
    return acc.result()



