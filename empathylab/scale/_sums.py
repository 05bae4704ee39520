"""Sufficient statistics of :func:`~empathylab.touchpoint_metrics`, per part and merged.

A part is a Dask partition or a chunk of a CSV. Message metrics reduce exactly:
counts and sums add up, and means and standard deviations merge from each part's
count, sum and sum of squared deviations (M2) by Chan et al.'s pairwise formula
(M2 = sum of the parts' M2 + sum of n_i (mean_i - mean)^2), which keeps the precision
of the one-pass pandas figures (equal to about 1e-12). Conversation metrics (medians
of response and resolution times, repeat contacts) do not reduce; they are computed
from a narrow per-row projection (conversation id, time, role, channel, customer,
escalation, status and the group keys) once the rows of each conversation are
together, by the same code as the pandas path
(:func:`empathylab.metrics.touchpoint_metrics.conversation_table`).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from ..metrics.touchpoint_metrics import (
    _explode,
    _list_valued,
    _resolve_by,
    conversation_groups,
    conversation_table,
    key_frame,
    mark_repeats,
    prepare_rows,
)

__all__ = [
    "CONVERSATION_COLUMNS",
    "conversation_rows",
    "finish_conversations",
    "merge_sums",
    "part_sums",
    "project_conversations",
]

_MOMENTS = ("sent", "ces", "emp")  # mean and SD wanted
_SHARES = ("neg", "pro", "det", "sat")  # count and sum wanted
#: Source columns the conversation metrics read (those present are projected).
CONVERSATION_COLUMNS = ("conversation_id", "author_role", "channel", "customer_id",
                        "escalated", "status", "solved_at")


def key_names(n: int) -> list[str]:
    """Private names of the group keys in projections (a key may be a data column)."""
    return [f"_key{i}" for i in range(n)]


def part_sums(
    part: pd.DataFrame, by: str | Sequence[str], *, timestamp: str, fiscal_year_start: int,
    customer_roles: Sequence[str],
) -> pd.DataFrame:
    """Per-group sums of one part, as a long table.

    ``_kind`` is ``"msg"`` (customer messages by all keys), ``"slice"`` (customer
    messages by the period keys, for ``share``), ``"emp"`` (rows with empathy) or
    ``"total"`` (the number of customer messages in ``n``). Key columns are named
    ``_key0``, ``_key1``, ...
    """
    prep = prepare_rows(part, by, timestamp=timestamp, fiscal_year_start=fiscal_year_start,
                        customer_roles=customer_roles)
    names, kn = prep.names, key_names(len(prep.names))
    rename = dict(zip(names, kn, strict=True))
    customer = prep.is_customer.to_numpy()
    msgs = _explode(prep.keyframe[customer], prep.exploded).join(prep.values, on="_row")
    frames = [_group_sums(msgs.rename(columns=rename), kn, "msg")]
    if prep.others:
        cols = [rename[o] for o in prep.others]
        sl = prep.keyframe[customer].rename(columns=rename).groupby(
            cols, dropna=False, sort=False).size().rename("n").reset_index()
        frames.append(sl.assign(_kind="slice"))
    frames.append(pd.DataFrame({"_kind": ["total"], "n": [int(customer.sum())]}))
    emp = prep.empathy
    if emp.notna().any():
        ek = _explode(prep.keyframe[emp.notna().to_numpy()], prep.exploded)
        ek = ek.join(emp.rename("emp"), on="_row").rename(columns=rename)
        frames.append(_moments(ek.groupby(kn, dropna=False, sort=False), "emp")
                      .reset_index().assign(_kind="emp"))
    out = pd.concat(frames, ignore_index=True)
    return out.reindex(columns=sums_columns(len(names)))


def sums_columns(n_keys: int) -> list[str]:
    """The columns of :func:`part_sums` (its Dask ``meta``)."""
    cols = ["_kind", *key_names(n_keys), "n"]
    for v in _MOMENTS:
        cols += [f"{v}_n", f"{v}_sum", f"{v}_m2"]
    for v in _SHARES:
        cols += [f"{v}_n", f"{v}_sum"]
    return cols


def empty_sums(n_keys: int) -> pd.DataFrame:
    cols = sums_columns(n_keys)
    dtypes = {c: ("object" if c == "_kind" or c.startswith("_key") else "float64") for c in cols}
    return pd.DataFrame({c: pd.Series(dtype=t) for c, t in dtypes.items()})


def _moments(g: pd.core.groupby.DataFrameGroupBy, column: str) -> pd.DataFrame:
    x = g[column]
    n = x.count()
    return pd.DataFrame({f"{column}_n": n, f"{column}_sum": x.sum(),
                         f"{column}_m2": (x.var(ddof=0) * n).fillna(0.0)})


def _group_sums(msgs: pd.DataFrame, kn: list[str], kind: str) -> pd.DataFrame:
    g = msgs.groupby(kn, dropna=False, sort=False)
    parts = [g.size().rename("n").to_frame()]
    parts += [_moments(g, v) for v in ("sent", "ces")]
    for v in _SHARES:
        parts.append(pd.DataFrame({f"{v}_n": g[v].count(), f"{v}_sum": g[v].sum()}))
    return pd.concat(parts, axis=1).reset_index().assign(_kind=kind)


def _merge_moments(frame: pd.DataFrame, kn: list[str], v: str) -> pd.DataFrame:
    """Count, mean and SD (ddof=1) of ``v`` per group from the parts' n, sum and M2."""
    n_i = frame[f"{v}_n"].astype(float)
    g = frame.groupby(kn, dropna=False, sort=False)
    n = g[f"{v}_n"].transform("sum").astype(float)
    total = g[f"{v}_sum"].transform("sum")
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = total / n
        part_mean = frame[f"{v}_sum"] / n_i
        spread = np.where(n_i > 0, n_i * (part_mean - mean) ** 2, 0.0)
    work = pd.DataFrame({"n": n_i, "s": frame[f"{v}_sum"], "m2": frame[f"{v}_m2"].fillna(0.0),
                         "spread": spread}, index=frame.index)
    w = work.groupby([frame[k] for k in kn], dropna=False, sort=False)
    out = pd.DataFrame({"n": w["n"].sum(), "s": w["s"].sum(),
                        "m2": w["m2"].sum() + w["spread"].sum()})
    with np.errstate(invalid="ignore", divide="ignore"):
        out["mean"] = np.where(out["n"] > 0, out["s"] / out["n"], np.nan)
        out["sd"] = np.where(out["n"] > 1, np.sqrt(np.maximum(out["m2"], 0.0)
                                                    / (out["n"] - 1)), np.nan)
    return out


def merge_sums(sums: pd.DataFrame, names: list[str], others: list[str]) -> pd.DataFrame:
    """The per-group table :func:`finish_table` expects (without conversation figures)."""
    kn = key_names(len(names))
    msg = sums[sums["_kind"] == "msg"]
    g = msg.groupby(kn, dropna=False, sort=False)
    sent, ces = _merge_moments(msg, kn, "sent"), _merge_moments(msg, kn, "ces")
    neg_n = g["neg_n"].sum()
    table = pd.DataFrame({
        "n": g["n"].sum(),
        "sentiment_n": sent["n"], "sentiment_mean": sent["mean"], "sentiment_sd": sent["sd"],
        "negative_n": g["neg_sum"].sum().where(neg_n > 0), "_neg_n": neg_n,
        "nps_n": g["pro_n"].sum(), "promoters": g["pro_sum"].sum(),
        "detractors": g["det_sum"].sum(),
        "csat_n": g["sat_n"].sum(), "csat_satisfied": g["sat_sum"].sum(),
        "ces_n": ces["n"], "ces": ces["mean"], "ces_sd": ces["sd"],
    })
    table.index.names = names
    table = table.reset_index()
    if others:
        ok = [kn[names.index(o)] for o in others]
        sl = (sums[sums["_kind"] == "slice"].groupby(ok, dropna=False, sort=False)["n"].sum()
              .rename("_slice"))
        sl.index.names = others
        table = table.merge(sl.reset_index(), on=others, how="left")
    else:
        table["_slice"] = sums.loc[sums["_kind"] == "total", "n"].sum()
    emp_rows = sums[sums["_kind"] == "emp"]
    if len(emp_rows):
        emp = _merge_moments(emp_rows, kn, "emp")
        emp = pd.DataFrame({"empathy_n": emp["n"], "empathy_mean": emp["mean"],
                            "empathy_sd": emp["sd"]})
        emp.index.names = names
        table = table.merge(emp.reset_index(), on=names, how="outer")
    return table


def project_conversations(
    part: pd.DataFrame, by: str | Sequence[str], *, timestamp: str, fiscal_year_start: int,
) -> pd.DataFrame:
    """The narrow per-row projection the conversation metrics need (index kept)."""
    keys = _resolve_by(part, by, timestamp)
    keyframe, _ = key_frame(part, keys, timestamp=timestamp,
                            fiscal_year_start=fiscal_year_start)
    cols = [timestamp, *[c for c in CONVERSATION_COLUMNS if c in part.columns]]
    out = part[list(dict.fromkeys(cols))].copy()
    for name, kname in zip(keyframe.columns[1:], key_names(len(keys)), strict=True):
        out[kname] = keyframe[name].to_numpy()
    return out


def conversation_rows(
    proj: pd.DataFrame, n_keys: int, *, timestamp: str, customer_roles: Sequence[str],
    responder_roles: Sequence[str], non_contact_channels: Sequence[str],
) -> pd.DataFrame:
    """:func:`conversation_table` of a projection holding whole conversations, with the
    keys of each conversation's first customer message; empty (same columns) if none."""
    kn = key_names(n_keys)
    cols = ["_conv", "row", "start", "last", "reply", "response_h", "resolution_h", "contact",
            "customer", "escalated", *kn]
    proj = proj.sort_index(kind="stable")  # a shuffle does not keep the row order
    if "author_role" in proj.columns:
        is_customer = proj["author_role"].astype("string").isin(list(customer_roles)).fillna(
            False)
    else:
        is_customer = pd.Series(True, index=proj.index)
    table = None
    if len(proj):
        table = conversation_table(proj, timestamp=timestamp, is_customer=is_customer,
                                   responder_roles=responder_roles,
                                   non_contact_channels=non_contact_channels)
    if table is None:
        empty = {c: pd.Series(dtype="float64") for c in cols}
        empty.update({c: pd.Series(dtype="datetime64[ns]") for c in ("start", "last", "reply")})
        empty.update({c: pd.Series(dtype="object") for c in ("_conv", "customer", *kn)})
        empty["contact"] = pd.Series(dtype="bool")
        empty["row"] = pd.Series(dtype="int64")
        return pd.DataFrame(empty)[cols]
    keys = proj.loc[table["row"].to_numpy(), kn].to_numpy()
    table = table.rename_axis("_conv").reset_index()
    for i, k in enumerate(kn):
        table[k] = keys[:, i] if n_keys else None
    return table[cols]


def finish_conversations(
    rows: pd.DataFrame, names: list[str], *, has_customer: bool,
    repeat_window: pd.Timedelta,
) -> pd.DataFrame | None:
    """Group figures from :func:`conversation_rows` of all parts (None without any)."""
    if rows.empty:
        return None
    kn = key_names(len(names))
    # the pandas path's order: by first customer message, ties in the original row order
    table = rows.sort_values(["start", "row"], kind="stable").set_index("_conv")
    table.index.name = None
    mark_repeats(table, repeat_window)
    keyframe = table[["row", *kn]].rename(columns={"row": "_row", **dict(zip(kn, names,
                                                                              strict=True))})
    exploded = [n for n in names if _list_valued(keyframe[n])]
    keyframe = _explode(keyframe.reset_index(drop=True), exploded)
    return conversation_groups(table[[c for c in table.columns if c not in kn]], keyframe,
                               names, has_customer=has_customer)
