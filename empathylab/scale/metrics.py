"""Dask paths of the aggregates: :func:`~empathylab.touchpoint_metrics` and NPS counts.

Each partition is reduced to small per-group sums (:mod:`._sums`); only those and
the narrow conversation table (one row per conversation, after a shuffle on
``conversation_id``) come back to the client, where the pandas finishing code runs.
The whole frame is never collected.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from ..metrics.nps import DETRACTOR_MAX, PROMOTER_MIN, _as_scores
from ..metrics.touchpoint_metrics import _resolve_by, check_options, finish_table
from ._sums import (
    conversation_rows,
    empty_sums,
    finish_conversations,
    merge_sums,
    part_sums,
    project_conversations,
)

__all__ = ["dask_nps_counts", "dask_touchpoint_metrics", "with_row_ids"]

_PART_BITS = 40  # global row id = partition number * 2**40 + position in the partition


def _row_ids(part: pd.DataFrame, partition_info: dict[str, Any] | None = None) -> pd.DataFrame:
    number = int(partition_info["number"]) if partition_info else 0
    out = part.copy(deep=False)
    out.index = pd.Index((number << _PART_BITS) + np.arange(len(part), dtype=np.int64),
                         name="_row_id")
    return out


def with_row_ids(ddf: Any) -> Any:
    """The collection indexed by a unique int64 row id that keeps the row order."""
    meta = ddf._meta.copy()
    meta.index = pd.Index([], dtype="int64", name="_row_id")
    return ddf.map_partitions(_row_ids, meta=meta, align_dataframes=False,
                              enforce_metadata=False)


def dask_touchpoint_metrics(
    ddf: Any,
    by: str | Sequence[str],
    *,
    timestamp: str,
    fiscal_year_start: int,
    min_n: int,
    confidence: float,
    nps_method: str,
    customer_roles: Sequence[str],
    responder_roles: Sequence[str],
    non_contact_channels: Sequence[str],
    repeat_window: str | pd.Timedelta,
) -> pd.DataFrame:
    """:func:`~empathylab.touchpoint_metrics` of a Dask DataFrame (a pandas table)."""
    import dask

    if not hasattr(ddf, "columns"):
        raise TypeError("`df` must be a DataFrame (pandas or Dask), but a Dask Series was "
                        "passed; select a DataFrame with the columns you need.")
    confidence = check_options(confidence, nps_method)
    window = pd.Timedelta(repeat_window)
    meta = ddf._meta
    keys = _resolve_by(meta, by, timestamp)
    names = [name for name, _ in keys]
    others = [nm for nm, source in keys if source.startswith("@")]
    ddf = with_row_ids(ddf)
    sums = ddf.map_partitions(part_sums, by, timestamp=timestamp,
                              fiscal_year_start=fiscal_year_start,
                              customer_roles=customer_roles, meta=empty_sums(len(names)),
                              enforce_metadata=False)
    wanted = [sums]
    has_conv = "conversation_id" in meta.columns and timestamp in meta.columns
    if has_conv:
        proj = ddf.map_partitions(project_conversations, by, timestamp=timestamp,
                                  fiscal_year_start=fiscal_year_start,
                                  meta=project_conversations(meta, by, timestamp=timestamp,
                                                             fiscal_year_start=fiscal_year_start),
                                  enforce_metadata=False)
        npart = max(1, ddf.npartitions)
        rows_kw: dict[str, Any] = {"timestamp": timestamp, "customer_roles": customer_roles,
                   "responder_roles": responder_roles,
                   "non_contact_channels": non_contact_channels}
        conv_meta = conversation_rows(proj._meta, len(names), **rows_kw)
        rows = proj.shuffle("conversation_id", npartitions=npart).map_partitions(
            conversation_rows, len(names), **rows_kw, meta=conv_meta, enforce_metadata=False)
        wanted.append(rows)
    computed = dask.compute(*wanted)
    table = merge_sums(computed[0], names, others)
    if has_conv:
        conv = finish_conversations(computed[1], names,
                                    has_customer="customer_id" in meta.columns,
                                    repeat_window=window)
        if conv is not None:
            table = table.merge(conv, on=names, how="outer")
    return finish_table(table, names, min_n=min_n, confidence=confidence,
                        nps_method=nps_method, stacklevel=4)


def _nps_part(scores: pd.Series) -> pd.DataFrame:
    values, n_missing = _as_scores(scores, name="scores", low=0, high=10, whole=True)
    return pd.DataFrame({
        "promoters": [int((values >= PROMOTER_MIN).sum())],
        "passives": [int(((values > DETRACTOR_MAX) & (values < PROMOTER_MIN)).sum())],
        "detractors": [int((values <= DETRACTOR_MAX).sum())],
        "n_missing": [n_missing],
    })


def dask_nps_counts(*series: Any) -> list[dict[str, int]]:
    """Promoters, passives, detractors and missing answers of Dask Series (one compute).

    Each partition is validated as :func:`empathylab.nps` validates a Series (an
    out-of-range answer raises naming its value and index label).
    """
    import dask

    meta = pd.DataFrame({c: pd.Series(dtype="int64") for c in ("promoters", "passives",
                                                                 "detractors", "n_missing")})
    parts = [s.map_partitions(_nps_part, meta=meta, enforce_metadata=False) for s in series]
    computed = dask.compute(*parts)
    return [{k: int(v) for k, v in frame.sum().items()} for frame in computed]
