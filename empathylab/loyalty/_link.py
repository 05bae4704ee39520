"""``link_outcomes``: each customer's service experience before an outcome, joined to it."""

from __future__ import annotations

import warnings
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from .._dask import is_dask
from .._validation import check_argument, check_columns
from ..exceptions import DataQualityWarning

__all__ = ["DEFAULT_EXPERIENCE", "link_outcomes"]

AGGREGATIONS = ("mean", "last", "min", "max", "first", "count")
# Experience columns looked for when none are named, with the rows they are read from:
# reply empathy from agent and bot replies, sentiment and recovery from the customer side.
DEFAULT_EXPERIENCE: dict[str, str] = {
    "empathy": "reply",
    "compound": "customer",
    "recovery": "reply",
}
_ROLES = {"reply": ("agent", "bot"), "customer": ("customer",), "all": ()}


def link_outcomes(
    interactions: pd.DataFrame,
    customers: pd.DataFrame,
    *,
    on: str = "customer_id",
    window: str | pd.Timedelta | None = None,
    timestamp: str = "timestamp",
    outcome_time: str | None = None,
    experience: Sequence[str] | Mapping[str, str] | None = None,
    aggregations: Sequence[str] = ("mean", "last", "min"),
    role: str = "author_role",
) -> pd.DataFrame:
    """Join each outcome row to the service experience the customer had before it.

    Parameters
    ----------
    interactions : pandas.DataFrame or dask.dataframe.DataFrame
        Messages or replies, one per row (a Dask DataFrame is shuffled on ``on``
        and linked per partition; same table as pandas), with the customer key ``on``, a
        ``timestamp`` and experience columns (reply ``empathy`` from
        :func:`empathylab.empathy_score`, sentiment ``compound``, ``recovery``, ...).
    customers : pandas.DataFrame
        Outcome rows: one per customer (repurchase, churn, spend), or several per
        customer (e.g. NPS answers, each with its own time in ``outcome_time``).
    on : str, default="customer_id"
        Key column present in both tables.
    window : str or Timedelta, optional
        Only experience within this span before the outcome counts (``"90D"``).
        Needs ``outcome_time``.
    timestamp : str, default="timestamp"
        Time column of ``interactions``.
    outcome_time : str, optional
        Time column of ``customers``: only interactions strictly before it count
        (time order: what happened after the outcome cannot have caused it). When
        None, every interaction of the customer counts; use that only when the
        outcomes were measured after the last contact, as in the bundled sample.
    experience : list of str or dict, optional
        Columns of ``interactions`` to aggregate. A dict maps each column to the
        rows it is read from: ``"reply"`` (agent and bot rows), ``"customer"``
        (customer rows) or ``"all"``; a list reads every row. Default: those of
        ``empathy`` (replies), ``compound`` (customer messages) and ``recovery``
        (replies) that are present. Rows are told apart by the ``role`` column;
        without it every row is read.
    aggregations : list of str, default=("mean", "last", "min")
        Any of ``mean, last, min, max, first, count``; ``last`` is the latest value
        before the outcome, ``min`` the worst experience.
    role : str, default="author_role"
        Column of ``interactions`` with ``customer``, ``agent`` or ``bot``.

    Returns
    -------
    pandas.DataFrame
        ``customers`` (same index and columns) plus ``n_interactions`` (rows of the
        customer counted), ``first_contact`` and ``last_contact`` (their times),
        ``touchpoint_main`` (the most frequent ``touchpoint`` when that column
        exists) and one column ``{column}_{aggregation}`` per experience column and
        aggregation, NA for customers with no counted experience.

    Raises
    ------
    MissingColumnError
        When a named column is absent.
    ValueError
        For ``window`` without ``outcome_time`` or an unknown aggregation.

    Warns
    -----
    DataQualityWarning
        When interactions have no key, no timestamp (with ``outcome_time``), or a key
        that is not among the customers: they cannot be linked and are counted in
        the warning instead of vanishing.

    Examples
    --------
    >>> from empathylab.datasets import make_feedback
    >>> rows, customers = make_feedback(300, random_state=1, return_customers=True)
    >>> replies = rows.assign(empathy=rows["true_empathy"] * 50.0)
    >>> linked = link_outcomes(replies, customers, experience={"empathy": "reply"})
    >>> "empathy_mean" in linked.columns
    True
    """
    if is_dask(interactions):
        from ..scale.link import dask_link_outcomes

        return dask_link_outcomes(
            interactions, customers, on=on, window=window, timestamp=timestamp,
            outcome_time=outcome_time, experience=experience, aggregations=aggregations,
            role=role)
    check_columns(interactions, [on, timestamp], param="interactions")
    check_columns(customers, [on] + ([outcome_time] if outcome_time else []), param="customers")
    for agg in aggregations:
        check_argument("aggregations", AGGREGATIONS, agg)
    if window is not None and outcome_time is None:
        raise ValueError(
            "`window` needs `outcome_time`: name the column of `customers` with the time "
            "of each outcome, so the window can end there."
        )
    spec = _experience_spec(interactions, experience)
    span = pd.Timedelta(window) if window is not None else None

    left = customers[[on] + ([outcome_time] if outcome_time else [])].copy()
    left["_row"] = np.arange(len(customers))
    cols = [on, timestamp] + [c for c in ("touchpoint",) if c in interactions]
    right = interactions[list(dict.fromkeys(cols + list(spec)))].copy()
    for column, source in spec.items():
        roles = _ROLES[source]
        if roles and role in interactions:
            right[column] = right[column].where(interactions[role].isin(roles).to_numpy())
    _align_keys(left, right, on)
    _warn_unlinked(right, left, on, timestamp, outcome_time)

    pairs = left.merge(right, on=on, how="inner", suffixes=("", "_x"))
    if outcome_time is not None:
        when = pd.to_datetime(pairs[outcome_time])
        t = pd.to_datetime(pairs[timestamp])
        keep = t < when
        if span is not None:
            keep &= t >= when - span
        pairs = pairs.loc[keep.fillna(False).to_numpy()]
    pairs = pairs.sort_values(["_row", timestamp], kind="stable")
    grouped = pairs.groupby("_row", sort=True)
    out = pd.DataFrame(index=pd.RangeIndex(len(customers)))
    out["n_interactions"] = grouped.size().reindex(out.index, fill_value=0).astype("int64")
    out["first_contact"] = grouped[timestamp].min().reindex(out.index)
    out["last_contact"] = grouped[timestamp].max().reindex(out.index)
    if "touchpoint" in pairs:
        main = (
            pairs.dropna(subset=["touchpoint"])
            .groupby(["_row", "touchpoint"], sort=True)
            .size()
            .reset_index(name="k")
            .sort_values(["_row", "k"], ascending=[True, False], kind="stable")
            .drop_duplicates("_row")
            .set_index("_row")["touchpoint"]
        )
        out["touchpoint_main"] = main.reindex(out.index)
    for column in spec:
        values = pairs[["_row", column]].dropna()
        g = values.groupby("_row", sort=True)[column]
        for agg in aggregations:
            func = {"first": "first", "last": "last"}.get(agg, agg)
            result = g.agg(func).reindex(out.index)
            if agg == "count":
                result = result.fillna(0).astype("int64")
            out[f"{column}_{agg}"] = result
    out.index = customers.index
    clash = [c for c in out.columns if c in customers.columns]
    return pd.concat([customers.drop(columns=clash), out], axis=1)


def _experience_spec(
    interactions: pd.DataFrame, experience: Sequence[str] | Mapping[str, str] | None
) -> dict[str, str]:
    if experience is None:
        spec = {c: s for c, s in DEFAULT_EXPERIENCE.items() if c in interactions}
        if not spec:
            raise ValueError(
                "`interactions` has none of the default experience columns "
                f"{list(DEFAULT_EXPERIENCE)}; name yours with `experience=` (e.g. "
                "experience=['empathy'] after df.cx.empathy())."
            )
    elif isinstance(experience, Mapping):
        spec = {str(c): str(s) for c, s in experience.items()}
    else:
        spec = {str(c): "all" for c in experience}
    check_columns(interactions, list(spec), param="experience")
    for column, source in spec.items():
        check_argument(f"experience[{column!r}]", list(_ROLES), source)
        series = interactions[column]
        if not (pd.api.types.is_numeric_dtype(series) or pd.api.types.is_bool_dtype(series)):
            raise TypeError(
                f"experience column {column!r} must be numeric or boolean, but it has dtype "
                f"{series.dtype}."
            )
    return spec


def _align_keys(left: pd.DataFrame, right: pd.DataFrame, on: str) -> None:
    """Compare keys as text when the two tables store them differently (int vs str)."""
    if left[on].dtype != right[on].dtype:
        left[on] = left[on].astype("string")
        right[on] = right[on].astype("string")


def _warn_unlinked(
    right: pd.DataFrame,
    left: pd.DataFrame,
    on: str,
    timestamp: str,
    outcome_time: str | None,
) -> None:
    problems = []
    no_key = int(right[on].isna().sum())
    if no_key:
        problems.append(f"{no_key} have no {on!r}")
    unknown = int((right[on].notna() & ~right[on].isin(left[on])).sum())
    if unknown:
        problems.append(f"{unknown} have a {on!r} that is not among the customers")
    if outcome_time is not None:
        no_time = int(right[timestamp].isna().sum())
        if no_time:
            problems.append(f"{no_time} have no {timestamp!r}, so their order is unknown")
    if problems:
        warnings.warn(
            f"link_outcomes: of {len(right)} interactions, " + "; ".join(problems)
            + ". They are not linked to any outcome.",
            DataQualityWarning,
            stacklevel=3,
        )
