"""Dask path of :func:`empathylab.loyalty.link_outcomes` (interactions lazy, customers pandas).

The interactions are projected to the columns the link needs, shuffled on the
customer key so each customer's rows meet in one partition, and each partition is
linked by the pandas function itself to the customers it holds; customers without
interactions get the pandas result for no interactions. The warnings about
interactions that cannot be linked are counted over the whole collection and
raised once, as in pandas.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from ..exceptions import DataQualityWarning
from .metrics import with_row_ids

__all__ = ["dask_link_outcomes"]


def _link_part(part: pd.DataFrame, customers: pd.DataFrame, on: str,
               kwargs: dict[str, Any]) -> pd.DataFrame:
    from ..loyalty._link import link_outcomes

    part = part.sort_index(kind="stable")  # a shuffle does not keep the row order
    mine = customers[customers[on].isin(part[on])]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataQualityWarning)  # counted once, globally
        linked = link_outcomes(part, mine.drop(columns="_pos"), on=on, **kwargs)
    linked.insert(0, "_pos", mine["_pos"].to_numpy())
    return linked


def _unlinked_part(part: pd.DataFrame, keys: pd.Series, on: str, timestamp: str
                   ) -> pd.DataFrame:
    key = part[on]
    return pd.DataFrame({
        "rows": [len(part)],
        "no_key": [int(key.isna().sum())],
        "unknown": [int((key.notna() & ~key.isin(keys)).sum())],
        "no_time": [int(part[timestamp].isna().sum())],
    })


def dask_link_outcomes(
    interactions: Any,
    customers: pd.DataFrame,
    *,
    on: str,
    window: str | pd.Timedelta | None,
    timestamp: str,
    outcome_time: str | None,
    experience: Sequence[str] | Mapping[str, str] | None,
    aggregations: Sequence[str],
    role: str,
) -> pd.DataFrame:
    """:func:`~empathylab.loyalty.link_outcomes` with ``interactions`` a Dask DataFrame."""
    import dask

    from ..loyalty._link import _experience_spec, link_outcomes

    if not isinstance(customers, pd.DataFrame):
        raise TypeError(
            "`customers` must be a pandas DataFrame (one row per outcome, small enough for "
            f"memory), but {type(customers).__name__} was passed; call .compute() on it first."
        )
    meta = interactions._meta
    kwargs: dict[str, Any] = {"window": window, "timestamp": timestamp,
                              "outcome_time": outcome_time, "experience": experience,
                              "aggregations": aggregations, "role": role}
    # validation, and the result for customers without interactions, from the pandas code
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataQualityWarning)
        empty = link_outcomes(meta, customers, on=on, **kwargs)
        given = [on, *([outcome_time] if outcome_time else [])]
        produced = [c for c in link_outcomes(meta, customers[given], on=on, **kwargs).columns
                    if c not in given]
    spec = _experience_spec(meta, experience)
    cols = [on, timestamp, *[c for c in ("touchpoint", role) if c in meta.columns], *spec]
    lazy = with_row_ids(interactions[list(dict.fromkeys(cols))])
    if lazy._meta[on].dtype != customers[on].dtype:  # as _align_keys does in pandas
        lazy = lazy.assign(**{on: lazy[on].astype("string")})
        customers = customers.assign(**{on: customers[on].astype("string")})
    keys = customers[on]
    table = customers.assign(_pos=range(len(customers)))
    part_meta = empty.iloc[:0].copy()
    part_meta.insert(0, "_pos", pd.Series(dtype="int64"))
    linked = lazy.shuffle(on, npartitions=max(1, lazy.npartitions)).map_partitions(
        _link_part, table, on, kwargs, meta=part_meta, enforce_metadata=False)
    unlinked = lazy.map_partitions(
        _unlinked_part, keys, on, timestamp,
        meta=pd.DataFrame({c: pd.Series(dtype="int64")
                           for c in ("rows", "no_key", "unknown", "no_time")}),
        enforce_metadata=False)
    found, counts = dask.compute(linked, unlinked)
    _warn(counts.sum(), on, timestamp, outcome_time)
    found = found.set_index("_pos")
    out = empty.reset_index(drop=True)
    positions = found.index.to_numpy()
    for col in produced:
        if col in found.columns:
            merged = out[col].copy()
            merged.iloc[positions] = found[col].to_numpy()
            out[col] = merged
    out.index = customers.index
    return out


def _warn(total: pd.Series, on: str, timestamp: str, outcome_time: str | None) -> None:
    problems = []
    if total["no_key"]:
        problems.append(f"{int(total['no_key'])} have no {on!r}")
    if total["unknown"]:
        problems.append(f"{int(total['unknown'])} have a {on!r} that is not among the customers")
    if outcome_time is not None and total["no_time"]:
        problems.append(f"{int(total['no_time'])} have no {timestamp!r}, so their order is "
                        "unknown")
    if problems:
        warnings.warn(
            f"link_outcomes: of {int(total['rows'])} interactions, " + "; ".join(problems)
            + ". They are not linked to any outcome.",
            DataQualityWarning,
            stacklevel=4,
        )
