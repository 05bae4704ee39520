"""``touchpoint_metrics()``: one tidy table of CX metrics per touchpoint and period."""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from typing import NamedTuple

import numpy as np
import pandas as pd

from .._dask import is_dask
from .._validation import check_columns
from ..exceptions import SmallSampleWarning
from ._stats import check_confidence, mean_interval, wilson_interval
from .nps import DETRACTOR_MAX, NPS_METHODS, PROMOTER_MIN, _as_scores, nps_interval
from .periods import FREQUENCIES, period_labels

__all__ = ["METRIC_COLUMNS", "touchpoint_metrics"]

#: Columns after the group keys, in order (the same whatever the data hold).
METRIC_COLUMNS: tuple[str, ...] = (
    "n", "share", "small_sample",
    "sentiment_n", "sentiment_mean", "sentiment_sd", "sentiment_ci_low", "sentiment_ci_high",
    "negative_n", "negative_share", "negative_ci_low", "negative_ci_high",
    "nps_n", "promoters", "passives", "detractors", "nps", "nps_ci_low", "nps_ci_high",
    "csat_n", "csat_satisfied", "csat", "csat_ci_low", "csat_ci_high",
    "ces_n", "ces", "ces_sd", "ces_ci_low", "ces_ci_high",
    "n_conversations", "n_responded", "first_response_hours", "first_response_hours_mean",
    "n_resolved", "resolution_hours",
    "contact_customers", "repeat_contact_rate",
    "escalation_n", "escalation_rate",
    "empathy_n", "empathy_mean", "empathy_sd", "empathy_ci_low", "empathy_ci_high",
)

_SOLVED = {"solved", "closed", "resolved", "geloest", "gelöst", "geschlossen", "erledigt"}


def _is_listlike(value: object) -> bool:
    return isinstance(value, list | tuple | set | frozenset | np.ndarray)


def _list_valued(col: pd.Series) -> bool:
    sample = col.dropna()
    return bool(len(sample)) and bool(sample.map(_is_listlike).any())


def _explode(frame: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    for col in columns:
        frame = frame.assign(**{col: frame[col].map(
            lambda v: list(v) if _is_listlike(v) else v)}).explode(col)
    return frame


def _resolve_by(data: pd.DataFrame, by: str | Sequence[str], timestamp: str) -> list[tuple[str,
                                                                                         str]]:
    """``(output name, source)`` per key; source is a column or ``"@quarter"`` etc."""
    keys = [by] if isinstance(by, str) else list(by)
    if not keys:
        raise ValueError("`by` must name at least one column or period, but () was passed.")
    out = []
    for key in keys:
        if key in data.columns:
            out.append((key, key))
        elif key in FREQUENCIES:
            check_columns(data, [timestamp], param="timestamp")
            out.append((key, "@" + key))
        elif key == "touchpoint" and "touchpoints" in data.columns:
            out.append((key, "touchpoints"))  # the list column of assign_touchpoints
        else:
            check_columns(data, [key], param="by")
    return out


def check_options(confidence: float, nps_method: str) -> float:
    """The checked ``confidence``; raises for an unknown ``nps_method``."""
    confidence = check_confidence(confidence)
    if nps_method not in ("adjusted_wald", "wald"):
        from .._validation import check_argument

        check_argument("nps_method", [m for m in NPS_METHODS if m != "bootstrap"], nps_method)
    return confidence


def _validated(data: pd.DataFrame, column: str, low: float, high: float, whole: bool) -> pd.Series:
    values = pd.to_numeric(data[column], errors="coerce").astype("float64")
    _as_scores(data[column], name=f"column {column!r}", low=low, high=high, whole=whole)
    return values


def _conversations(
    data: pd.DataFrame,
    keyframe: pd.DataFrame,
    *,
    timestamp: str,
    is_customer: pd.Series,
    responder_roles: Sequence[str],
    non_contact_channels: Sequence[str],
    repeat_window: pd.Timedelta,
    names: list[str],
) -> pd.DataFrame | None:
    """Per-group response, resolution, repeat-contact and escalation figures (or None)."""
    table = conversation_table(data, timestamp=timestamp, is_customer=is_customer,
                               responder_roles=responder_roles,
                               non_contact_channels=non_contact_channels)
    if table is None:
        return None
    mark_repeats(table, repeat_window)
    return conversation_groups(table, keyframe, names, has_customer="customer_id" in data.columns)


def conversation_table(
    data: pd.DataFrame,
    *,
    timestamp: str,
    is_customer: pd.Series,
    responder_roles: Sequence[str],
    non_contact_channels: Sequence[str],
) -> pd.DataFrame | None:
    """One row per conversation (indexed by its id, ordered by first customer message).

    Columns ``row`` (index label of the first customer message), ``start``, ``last``,
    ``reply``, ``response_h``, ``resolution_h``, ``contact``, ``customer`` and
    ``escalated``. Everything here depends on the rows of one conversation only, so
    it can run per partition once the rows of a conversation are together (Dask).
    """
    if "conversation_id" not in data.columns or timestamp not in data.columns:
        return None
    ts = pd.to_datetime(data[timestamp])
    if isinstance(ts.dtype, pd.DatetimeTZDtype):
        ts = ts.dt.tz_convert("UTC").dt.tz_localize(None)
    conv = data["conversation_id"]
    base = pd.DataFrame({"conv": conv, "ts": ts, "cust": is_customer}, index=data.index)
    base = base[base["conv"].notna() & base["ts"].notna()]
    cust = base[base["cust"]]
    if cust.empty:
        return None
    first = cust.sort_values("ts", kind="stable").groupby("conv", sort=False).head(1)
    table = pd.DataFrame({"row": first.index, "start": first["ts"].to_numpy()},
                         index=first["conv"].to_numpy())
    table["last"] = base.groupby("conv")["ts"].max().reindex(table.index).to_numpy()
    if "author_role" in data.columns:
        role = data["author_role"].astype("string").reindex(base.index)
        replies = base[role.isin(list(responder_roles)).fillna(False).to_numpy()]
        replies = replies.assign(start=table["start"].reindex(replies["conv"]).to_numpy())
        replies = replies[replies["ts"] >= replies["start"]]
        table["reply"] = replies.groupby("conv")["ts"].min().reindex(table.index).to_numpy()
    else:
        table["reply"] = pd.NaT
    table["response_h"] = (table["reply"] - table["start"]).dt.total_seconds() / 3600
    if "solved_at" in data.columns:
        solved = pd.to_datetime(data["solved_at"]).reindex(base.index)
        if isinstance(solved.dtype, pd.DatetimeTZDtype):
            solved = solved.dt.tz_convert("UTC").dt.tz_localize(None)
        end = solved.groupby(base["conv"]).max().reindex(table.index)
        table["resolution_h"] = (end - table["start"]).dt.total_seconds() / 3600
    else:
        resolution = (table["last"] - table["start"]).dt.total_seconds() / 3600
        if "status" in data.columns:
            status = data["status"].astype("string").str.strip().str.lower().reindex(base.index)
            final = (base.assign(status=status).sort_values("ts", kind="stable")
                     .groupby("conv")["status"].last().reindex(table.index))
            resolved = final.isin(_SOLVED).fillna(False).to_numpy()
        else:
            resolved = table["reply"].notna().to_numpy()
        table["resolution_h"] = resolution.where(resolved)
    contact = pd.Series(True, index=table.index)
    if "channel" in data.columns and non_contact_channels:
        channel = data["channel"].astype("string").str.lower().reindex(table["row"])
        contact = pd.Series(~channel.isin([c.lower() for c in non_contact_channels])
                            .fillna(False).to_numpy(), index=table.index)
    table["contact"] = contact
    table["customer"] = (data["customer_id"].reindex(table["row"]).to_numpy()
                         if "customer_id" in data.columns else np.nan)
    if "escalated" in data.columns:
        esc = data["escalated"].reindex(base.index).astype("boolean")
        table["escalated"] = esc.groupby(base["conv"]).max().reindex(table.index).astype(
            "float64").to_numpy()
    else:
        table["escalated"] = np.nan
    return table


def mark_repeats(table: pd.DataFrame, repeat_window: pd.Timedelta) -> None:
    """Add ``repeat``: another contact conversation of the customer within the window."""
    if table["customer"].isna().all():
        table["repeat"] = np.nan
        return
    contacts = table[table["contact"] & table["customer"].notna()].sort_values(
        ["customer", "start"], kind="stable")
    nxt = contacts.groupby("customer")["start"].shift(-1)
    table["repeat"] = ((nxt - contacts["start"]) <= repeat_window).reindex(table.index)


def conversation_groups(
    table: pd.DataFrame, keyframe: pd.DataFrame, names: list[str], *, has_customer: bool
) -> pd.DataFrame:
    """Group figures of a :func:`conversation_table` (with ``repeat``) by the keys of
    each conversation's first customer message (``keyframe``: ``_row`` and the keys)."""
    # each conversation belongs to the group(s) of its first customer message
    keyed = keyframe.loc[keyframe["_row"].isin(table["row"])]
    joined = keyed.merge(table.reset_index(drop=True), left_on="_row", right_on="row")
    grouped = joined.groupby(names, dropna=False, sort=False)
    contacts_only = joined[joined["contact"] & joined["customer"].notna()]
    repeat_customers = (contacts_only.assign(repeat=contacts_only["repeat"].fillna(False)
                                             .astype(bool))
                        .groupby([*names, "customer"], dropna=False, sort=False)["repeat"].max()
                        .groupby(level=list(range(len(names))), dropna=False, sort=False))
    out = pd.DataFrame({
        "n_conversations": grouped.size(),
        "n_responded": grouped["response_h"].count(),
        "first_response_hours": grouped["response_h"].median(),
        "first_response_hours_mean": grouped["response_h"].mean(),
        "n_resolved": grouped["resolution_h"].count(),
        "resolution_hours": grouped["resolution_h"].median(),
        "escalation_n": grouped["escalated"].count(),
        "escalation_rate": grouped["escalated"].mean(),
    })
    if has_customer:
        out["contact_customers"] = repeat_customers.size().reindex(out.index)
        out["repeat_contact_rate"] = repeat_customers.mean().reindex(out.index)
    return out.reset_index()


def touchpoint_metrics(
    df: pd.DataFrame,
    by: str | Sequence[str] = ("touchpoint", "quarter"),
    *,
    timestamp: str = "timestamp",
    fiscal_year_start: int = 1,
    min_n: int = 30,
    confidence: float = 0.95,
    nps_method: str = "adjusted_wald",
    customer_roles: Sequence[str] = ("customer",),
    responder_roles: Sequence[str] = ("agent",),
    non_contact_channels: Sequence[str] = ("survey", "review"),
    repeat_window: str | pd.Timedelta = "7D",
) -> pd.DataFrame:
    """CX metrics per touchpoint (and period, channel, ...) as one tidy table.

    Message metrics (``n``, sentiment, negative share, NPS, CSAT, CES) count
    the customer messages (``author_role`` in ``customer_roles``; every row
    when there is no ``author_role`` column). A list-valued key column (the
    ``touchpoints`` column of ``assign_touchpoints``) is exploded: **a message
    counts once in every touchpoint it mentions**, so ``share`` is the group's
    messages over the distinct messages of its slice (same values of the other
    keys) and the shares of a slice can add up to more than 1. Messages without
    a touchpoint form their own group (key NA): nothing is dropped.

    Conversation metrics (``conversation_id`` and ``timestamp`` needed) put each
    conversation in the group of its first customer message:

    * first response: time from the first customer message to the first reply
      by ``responder_roles`` (agents, not bots) at or after it;
    * resolution: ``solved_at`` (when that column exists) minus the first
      message; otherwise the last message minus the first, for conversations
      whose last ``status`` is solved/closed (when a ``status`` column exists)
      or else for conversations with a reply;
    * repeat contact: among the group's customers with a contact conversation
      (channel not in ``non_contact_channels``: survey answers and reviews are
      not contacts), the share who started another contact conversation within
      ``repeat_window`` after one of them (conversations near the end of the
      data cannot show a repeat yet);
    * escalation: share of conversations with a true ``escalated`` value; NA
      when there is no such column.

    Parameters
    ----------
    df : DataFrame
        Feedback in the canonical schema (:mod:`empathylab.io.schema`); columns
        used when present: ``compound`` and ``label`` (``df.cx.sentiment()``),
        ``nps`` (0-10), ``csat`` (1-5), ``ces`` (1-7, 7 = very easy),
        ``empathy`` (0-100, averaged over all rows that have it, i.e. replies),
        ``escalated``, ``status``, ``solved_at``.
    by : str or sequence of str, default=("touchpoint", "quarter")
        Group keys: column names, or ``"quarter"``, ``"month"``, ``"week"``
        derived from ``timestamp`` (labels of :func:`period_labels`).
        ``"touchpoint"`` falls back to a ``touchpoints`` list column.
    timestamp : str, default="timestamp"
    fiscal_year_start : int, default=1
        First month of the fiscal year for ``"quarter"`` (1 = calendar quarters).
    min_n : int, default=30
        Groups with fewer messages get ``small_sample=True`` (kept, with one
        :class:`~empathylab.SmallSampleWarning`).
    confidence : float, default=0.95
    nps_method : {"adjusted_wald", "wald"}, default="adjusted_wald"
        NPS interval (Rocks 2016; see :func:`empathylab.nps`).
    customer_roles, responder_roles : sequence of str
        ``author_role`` values of customer messages and of replies.
    non_contact_channels : sequence of str, default=("survey", "review")
    repeat_window : str or Timedelta, default="7D"

    Returns
    -------
    DataFrame
        One row per group: the keys, then

        * ``n`` customer messages, ``share`` of the period's messages, ``small_sample``;
        * ``sentiment_n``, ``sentiment_mean`` of ``compound`` with ``sentiment_sd``
          and t-interval ``sentiment_ci_low/high`` (mean intervals are clipped to
          the scale);
        * ``negative_n`` and ``negative_share`` (label "negative" among scored
          messages) with Wilson ``negative_ci_low/high``;
        * ``nps_n``, ``promoters``, ``passives``, ``detractors``, ``nps`` (-1..1)
          with ``nps_ci_low/high``;
        * ``csat_n``, ``csat_satisfied``, ``csat`` (share 4-5 of 5) with Wilson interval;
        * ``ces_n``, ``ces`` mean, ``ces_sd``, t-interval;
        * ``n_conversations``, ``n_responded``, ``first_response_hours`` (median)
          and ``first_response_hours_mean``, ``n_resolved``, ``resolution_hours``
          (median), ``contact_customers``, ``repeat_contact_rate``,
          ``escalation_n``, ``escalation_rate``;
        * ``empathy_n``, ``empathy_mean``, ``empathy_sd``, t-interval.

        Metrics without data are NA (the columns are always there).

    Examples
    --------
    >>> from empathylab.datasets import load_sample
    >>> df = load_sample("feedback_de")
    >>> table = touchpoint_metrics(df, by="touchpoint")
    >>> table.loc[table["touchpoint"] == "delivery", ["n", "nps_n"]].astype(int).values.tolist()
    [[420, 229]]
    """
    if is_dask(df):
        from ..scale.metrics import dask_touchpoint_metrics

        return dask_touchpoint_metrics(
            df, by, timestamp=timestamp, fiscal_year_start=fiscal_year_start, min_n=min_n,
            confidence=confidence, nps_method=nps_method, customer_roles=customer_roles,
            responder_roles=responder_roles, non_contact_channels=non_contact_channels,
            repeat_window=repeat_window)
    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"`df` must be a pandas DataFrame, but {type(df).__name__} was passed.")
    confidence = check_options(confidence, nps_method)
    window = pd.Timedelta(repeat_window)
    prep = prepare_rows(df, by, timestamp=timestamp, fiscal_year_start=fiscal_year_start,
                        customer_roles=customer_roles)
    df, names, exploded = prep.df, prep.names, prep.exploded
    keyframe, is_customer, values, empathy = (prep.keyframe, prep.is_customer, prep.values,
                                              prep.empathy)

    cust_keys = _explode(keyframe[is_customer.to_numpy()], exploded)
    msgs = cust_keys.join(values, on="_row")
    g = msgs.groupby(names, dropna=False, sort=False)
    table = pd.DataFrame({
        "n": g.size(),
        "sentiment_n": g["sent"].count(), "sentiment_mean": g["sent"].mean(),
        "sentiment_sd": g["sent"].std(ddof=1),
        "negative_n": g["neg"].sum(min_count=1), "_neg_n": g["neg"].count(),
        "nps_n": g["pro"].count(), "promoters": g["pro"].sum(), "detractors": g["det"].sum(),
        "csat_n": g["sat"].count(), "csat_satisfied": g["sat"].sum(),
        "ces_n": g["ces"].count(), "ces": g["ces"].mean(), "ces_sd": g["ces"].std(ddof=1),
    }).reset_index()

    # share: messages of the group over the distinct messages of its period (or of all)
    others = prep.others
    total_messages = int(is_customer.sum())
    if others:
        slice_n = (keyframe[is_customer.to_numpy()].groupby(others, dropna=False, sort=False)
                   .size().rename("_slice").reset_index())
        table = table.merge(slice_n, on=others, how="left")
    else:
        table["_slice"] = total_messages

    emp_keys = _explode(keyframe[empathy.notna().to_numpy()], exploded)
    if len(emp_keys):
        e = emp_keys.join(empathy.rename("emp"), on="_row").groupby(names, dropna=False,
                                                                    sort=False)["emp"]
        emp = pd.DataFrame({"empathy_n": e.count(), "empathy_mean": e.mean(),
                            "empathy_sd": e.std(ddof=1)}).reset_index()
        table = table.merge(emp, on=names, how="outer")

    conv = _conversations(
        df, _explode(keyframe, exploded), timestamp=timestamp, is_customer=is_customer,
        responder_roles=responder_roles, non_contact_channels=non_contact_channels,
        repeat_window=window, names=names,
    )
    if conv is not None:
        table = table.merge(conv, on=names, how="outer")

    return finish_table(table, names, min_n=min_n, confidence=confidence,
                        nps_method=nps_method, stacklevel=3)


def key_frame(
    df: pd.DataFrame, keys: list[tuple[str, str]], *, timestamp: str, fiscal_year_start: int
) -> tuple[pd.DataFrame, list[str]]:
    """``_row`` (the index label) and one column per group key; the list-valued keys."""
    keyframe = pd.DataFrame({"_row": df.index}, index=df.index)
    exploded: list[str] = []
    for name, source in keys:
        if source.startswith("@"):
            keyframe[name] = period_labels(df[timestamp], source[1:],
                                           fiscal_year_start=fiscal_year_start).to_numpy()
        else:
            keyframe[name] = df[source].to_numpy()
            if _list_valued(df[source]):
                exploded.append(name)
    return keyframe, exploded


class PreparedRows(NamedTuple):
    """The inputs of the per-group figures, as :func:`prepare_rows` derives them."""

    df: pd.DataFrame
    keys: list[tuple[str, str]]
    names: list[str]
    exploded: list[str]
    others: list[str]
    keyframe: pd.DataFrame
    is_customer: pd.Series
    values: pd.DataFrame
    empathy: pd.Series


def prepare_rows(
    df: pd.DataFrame,
    by: str | Sequence[str],
    *,
    timestamp: str,
    fiscal_year_start: int,
    customer_roles: Sequence[str],
) -> PreparedRows:
    """Group keys per row and the validated, coded values behind the message metrics.

    Row-wise only (each row on its own), so it runs unchanged per partition or chunk.
    """
    keys = _resolve_by(df, by, timestamp)
    names = [name for name, _ in keys]
    keyframe, exploded = key_frame(df, keys, timestamp=timestamp,
                                   fiscal_year_start=fiscal_year_start)
    if df.index.has_duplicates:
        df = df.reset_index(drop=True)
        keyframe = keyframe.reset_index(drop=True).assign(_row=np.arange(len(df)))

    if "author_role" in df.columns:
        is_customer = df["author_role"].astype("string").isin(list(customer_roles)).fillna(False)
    else:
        is_customer = pd.Series(True, index=df.index)

    values = pd.DataFrame(index=df.index)
    compound = (pd.to_numeric(df["compound"], errors="coerce") if "compound" in df.columns
                else pd.Series(np.nan, index=df.index))
    values["sent"] = compound
    values["neg"] = ((df["label"].astype("string") == "negative").astype("float64")
                     .where(compound.notna()) if "label" in df.columns else np.nan)
    if "nps" in df.columns:
        score = _validated(df, "nps", 0, 10, True)
        values["pro"] = (score >= PROMOTER_MIN).astype(float).where(score.notna())
        values["det"] = (score <= DETRACTOR_MAX).astype(float).where(score.notna())
    else:
        values["pro"] = values["det"] = np.nan
    if "csat" in df.columns:
        score = _validated(df, "csat", 1, 5, False)
        values["sat"] = (score >= 4).astype(float).where(score.notna())
    else:
        values["sat"] = np.nan
    values["ces"] = _validated(df, "ces", 1, 7, False) if "ces" in df.columns else np.nan
    empathy = (_validated(df, "empathy", 0, 100, False) if "empathy" in df.columns
               else pd.Series(np.nan, index=df.index))

    others = [nm for nm, source in keys if source.startswith("@") and nm not in exploded]
    return PreparedRows(df, keys, names, exploded, others, keyframe, is_customer, values,
                        empathy)


def finish_table(
    table: pd.DataFrame,
    names: list[str],
    *,
    min_n: int,
    confidence: float,
    nps_method: str,
    stacklevel: int = 2,
) -> pd.DataFrame:
    """Shares, rates, intervals, column order and dtypes from the per-group sums.

    ``table`` has the keys and ``n``, ``_slice``, ``sentiment_n/mean/sd``,
    ``negative_n``, ``_neg_n``, ``nps_n``, ``promoters``, ``detractors``, ``csat_n``,
    ``csat_satisfied``, ``ces_n``, ``ces``, ``ces_sd`` and, where present, the
    empathy and conversation figures: the pandas path and the Dask/chunked paths
    (:mod:`empathylab.scale`) share this code.
    """
    for col in METRIC_COLUMNS:
        if col not in table.columns:
            table[col] = np.nan
    counts = ["n", "sentiment_n", "nps_n", "csat_n", "ces_n", "empathy_n", "n_conversations"]
    table[counts] = table[counts].fillna(0)
    table["share"] = np.where(table["_slice"] > 0, table["n"] / table["_slice"], np.nan)
    table["small_sample"] = table["n"] < min_n
    table["negative_share"] = table["negative_n"] / table["_neg_n"]
    table["negative_ci_low"], table["negative_ci_high"] = wilson_interval(
        table["negative_n"].to_numpy(float), table["_neg_n"].to_numpy(float), confidence)
    for prefix, mean, lo, hi in (("sentiment", "sentiment_mean", -1, 1), ("ces", "ces", 1, 7),
                                 ("empathy", "empathy_mean", 0, 100)):
        low, high = mean_interval(
            table[mean].to_numpy(float), table[f"{prefix}_sd"].to_numpy(float),
            table[f"{prefix}_n"].to_numpy(float), confidence)
        table[f"{prefix}_ci_low"], table[f"{prefix}_ci_high"] = np.clip(low, lo, hi), np.clip(
            high, lo, hi)
    n_nps = table["nps_n"].to_numpy(float)
    table["passives"] = table["nps_n"] - table["promoters"] - table["detractors"]
    with np.errstate(invalid="ignore", divide="ignore"):
        table["nps"] = np.where(n_nps > 0, (table["promoters"] - table["detractors"]) / n_nps,
                                np.nan)
        table["csat"] = np.where(table["csat_n"] > 0, table["csat_satisfied"] / table["csat_n"],
                                 np.nan)
    _, _, low, high = nps_interval(table["promoters"].to_numpy(float),
                                   table["detractors"].to_numpy(float), n_nps,
                                   method=nps_method, confidence=confidence)
    table["nps_ci_low"], table["nps_ci_high"] = low, high
    table["csat_ci_low"], table["csat_ci_high"] = wilson_interval(
        table["csat_satisfied"].to_numpy(float), table["csat_n"].to_numpy(float), confidence)
    for col, n_col in (("promoters", "nps_n"), ("passives", "nps_n"),
                       ("detractors", "nps_n"), ("csat_satisfied", "csat_n")):
        table[col] = table[col].where(table[n_col] > 0)  # NA, not 0, without answers

    table = table[[*names, *METRIC_COLUMNS]]
    int_cols = ["n", "sentiment_n", "negative_n", "nps_n", "promoters", "passives", "detractors",
                "csat_n", "csat_satisfied", "ces_n", "n_conversations", "n_responded",
                "n_resolved", "contact_customers", "escalation_n", "empathy_n"]
    table = table.astype(dict.fromkeys(int_cols, "Int64"))
    table = table.astype({"small_sample": bool})
    table = table.sort_values(names, kind="stable", na_position="last").reset_index(drop=True)
    small = table.loc[table["small_sample"] & (table["n"] > 0)]
    if len(small):
        warnings.warn(
            f"{len(small)} of {len(table)} groups have fewer than min_n={min_n} customer "
            "messages; they are kept and flagged in `small_sample` (their intervals are wide).",
            SmallSampleWarning, stacklevel=stacklevel,
        )
    return table
