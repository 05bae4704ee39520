"""Tables over :func:`threads`: bot vs human, and empathy per agent, team or channel."""

from __future__ import annotations

import warnings
from collections.abc import Sequence

import numpy as np
import pandas as pd
from scipy import stats

from .._validation import check_columns
from ..exceptions import MissingColumnError, SmallSampleWarning

__all__ = ["bot_vs_human", "empathy_table", "mean_interval", "wilson_interval"]


def wilson_interval(
    successes: np.ndarray | float, n: np.ndarray | float, confidence: float = 0.95
) -> tuple[np.ndarray, np.ndarray]:
    """Wilson score interval of a proportion (Wilson 1927); NaN where ``n`` is 0.

    Examples
    --------
    >>> low, high = wilson_interval(8, 10)
    >>> round(float(low), 4), round(float(high), 4)
    (0.4902, 0.9433)
    """
    _check_confidence(confidence)
    k = np.asarray(successes, dtype=float)
    m = np.asarray(n, dtype=float)
    z = stats.norm.ppf(0.5 + confidence / 2)
    with np.errstate(invalid="ignore", divide="ignore"):
        p = k / m
        centre = (p + z * z / (2 * m)) / (1 + z * z / m)
        half = z / (1 + z * z / m) * np.sqrt(p * (1 - p) / m + z * z / (4 * m * m))
    low = np.where(m > 0, np.clip(centre - half, 0, 1), np.nan)
    high = np.where(m > 0, np.clip(centre + half, 0, 1), np.nan)
    if low.ndim == 0:  # scalars in, floats out
        return float(low), float(high)  # type: ignore[return-value]
    return low, high


def mean_interval(
    mean: np.ndarray, sd: np.ndarray, n: np.ndarray, confidence: float = 0.95
) -> tuple[np.ndarray, np.ndarray]:
    """Student-t interval of a mean; NaN for fewer than two values."""
    _check_confidence(confidence)
    m = np.asarray(n, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        t = stats.t.ppf(0.5 + confidence / 2, np.maximum(m - 1, 1))
        half = t * np.asarray(sd, dtype=float) / np.sqrt(m)
    half = np.where(m >= 2, half, np.nan)
    return np.asarray(mean) - half, np.asarray(mean) + half


def _check_confidence(confidence: float) -> None:
    if not 0 < confidence < 1:
        raise ValueError(f"`confidence` must be between 0 and 1, but {confidence!r} was passed.")


def _recovery_counts(data: pd.DataFrame, groups: list[str], recovered: str) -> pd.DataFrame:
    flag = data[recovered].astype("boolean")
    frame = data[groups].assign(_eligible=flag.notna(), _hit=flag.fillna(False).astype(bool))
    out = frame.groupby(groups, dropna=False, sort=True, observed=True)[
        ["_eligible", "_hit"]].sum()
    return out.rename(columns={"_eligible": "n_recovery", "_hit": "n_recovered"})


def _need_empathy(data: pd.DataFrame, empathy: str) -> None:
    if empathy not in data.columns:
        raise MissingColumnError(
            f"column {empathy!r} (from `empathy`) not found: score the replies first, with "
            "threads(..., score_empathy=True) or empathylab.empathy.empathy_score, or pass "
            "`empathy=` the column that holds the scores (0..100)."
        )


def empathy_table(
    threads_df: pd.DataFrame,
    by: str | Sequence[str] = "agent_id",
    empathy: str = "empathy",
    *,
    threshold: float = 50.0,
    min_n: int = 30,
    confidence: float = 0.95,
    recovered: str = "recovered",
) -> pd.DataFrame:
    """Reply empathy per agent, team or channel, with intervals and small groups flagged.

    Parameters
    ----------
    threads_df : pandas.DataFrame
        Output of :func:`threads` with an empathy score column.
    by : str or list of str, default="agent_id"
        Group columns (``"agent_id"``, a team column kept with
        ``threads(..., keep=["Team"])``, ``"channel"``, ``"author_role"``).
        Missing group values form their own group.
    empathy : str, default="empathy"
        Score column, 0..100 (as from ``empathy_score``).
    threshold : float, default=50
        Replies scoring at least this count as empathic in ``share_empathic``.
    min_n : int, default=30
        Groups with fewer scored replies are flagged ``small_sample`` (and
        warned about): their interval rests on few replies, and the normal
        approximation behind it is a rule of thumb from about 30 on.
    confidence : float, default=0.95
        Level of the intervals.
    recovered : str, default="recovered"
        Recovery flag of :func:`threads` (left out when the column is absent).

    Returns
    -------
    pandas.DataFrame
        One row per group: the ``by`` columns, ``n`` (replies with a score),
        ``mean_empathy``, ``ci_low``, ``ci_high`` (Student-t interval of the
        mean), ``share_empathic`` (share with a score >= ``threshold``),
        ``share_ci_low``, ``share_ci_high`` (Wilson interval), ``n_recovery``
        (replies to a negative message that got an answer), ``recovery_rate``,
        ``recovery_ci_low``, ``recovery_ci_high`` (Wilson) and ``small_sample``.

    Warns
    -----
    SmallSampleWarning
        When a group has fewer than ``min_n`` scored replies.

    Examples
    --------
    >>> t = pd.DataFrame({"agent_id": ["a", "a", "b"], "empathy": [80.0, 60.0, 20.0]})
    >>> empathy_table(t, min_n=1)[["agent_id", "n", "mean_empathy", "share_empathic"]]
      agent_id  n  mean_empathy  share_empathic
    0        a  2          70.0             1.0
    1        b  1          20.0             0.0
    """
    groups = [by] if isinstance(by, str) else list(by)
    if not groups:
        raise ValueError("`by` must name at least one column, but an empty list was passed.")
    check_columns(threads_df, groups, param="by")
    _need_empathy(threads_df, empathy)
    score = pd.to_numeric(threads_df[empathy], errors="coerce").astype(float)
    frame = threads_df[groups].assign(
        _score=score, _high=(score >= threshold).where(score.notna())
    )
    g = frame.groupby(groups, dropna=False, sort=True, observed=True)
    out = pd.DataFrame({
        "n": g["_score"].count(),
        "mean_empathy": g["_score"].mean(),
        "_sd": g["_score"].std(ddof=1),
        "_high": g["_high"].sum(min_count=0),
    })
    out["ci_low"], out["ci_high"] = mean_interval(
        out["mean_empathy"].to_numpy(), out["_sd"].to_numpy(), out["n"].to_numpy(), confidence
    )
    n = out["n"].to_numpy(dtype=float)
    high = out["_high"].to_numpy(dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        out["share_empathic"] = np.where(n > 0, high / n, np.nan)
    out["share_ci_low"], out["share_ci_high"] = wilson_interval(high, n, confidence)
    if recovered in threads_df.columns:
        rec = _recovery_counts(threads_df, groups, recovered).reindex(out.index, fill_value=0)
        m = rec["n_recovery"].to_numpy(dtype=float)
        k = rec["n_recovered"].to_numpy(dtype=float)
        out["n_recovery"] = m.astype(np.int64)
        with np.errstate(invalid="ignore", divide="ignore"):
            out["recovery_rate"] = np.where(m > 0, k / m, np.nan)
        out["recovery_ci_low"], out["recovery_ci_high"] = wilson_interval(k, m, confidence)
    out["small_sample"] = out["n"] < min_n
    out = out.drop(columns=["_sd", "_high"]).reset_index()
    out["n"] = out["n"].astype(np.int64)
    small = out[out["small_sample"]]
    if len(small):
        names = [" / ".join(map(str, row)) for row in small[groups].itertuples(index=False)]
        shown = ", ".join(names[:5]) + (" ..." if len(names) > 5 else "")
        warnings.warn(
            f"{len(small)} of {len(out)} group(s) of {groups} have fewer than {min_n} scored "
            f"replies ({shown}); their figures are flagged small_sample",
            SmallSampleWarning,
            stacklevel=2,
        )
    return out


def bot_vs_human(
    threads_df: pd.DataFrame,
    *,
    role: str = "author_role",
    empathy: str = "empathy",
    confidence: float = 0.95,
    recovered: str = "recovered",
    response: str = "response_seconds",
) -> pd.DataFrame:
    """Bot replies against human (agent) replies: volume, speed, recovery, empathy.

    Parameters
    ----------
    threads_df : pandas.DataFrame
        Output of :func:`threads`.
    role : str, default="author_role"
        ``agent`` or ``bot`` per reply.
    empathy : str, default="empathy"
        Score column; ``mean_empathy`` and its interval are added when present.
    confidence : float, default=0.95
        Level of the intervals.
    recovered, response : str
        Recovery flag and response time (seconds) columns of :func:`threads`.

    Returns
    -------
    pandas.DataFrame
        One row per role (``agent``, ``bot``): ``n`` (replies),
        ``response_median_s`` (median response time in seconds),
        ``n_recovery`` (replies to a negative message that got an answer),
        ``recovery_rate``, ``ci_low``, ``ci_high`` (Wilson interval of the
        recovery rate), and with an empathy column ``mean_empathy``,
        ``empathy_ci_low``, ``empathy_ci_high``.

    Examples
    --------
    >>> t = pd.DataFrame({"author_role": ["agent", "agent", "bot"],
    ...                   "response_seconds": [60.0, 120.0, 2.0],
    ...                   "recovered": pd.array([True, False, pd.NA], dtype="boolean")})
    >>> bot_vs_human(t)[["author_role", "n", "response_median_s", "recovery_rate"]]
      author_role  n  response_median_s  recovery_rate
    0       agent  2               90.0            0.5
    1         bot  1                2.0            NaN
    """
    check_columns(threads_df, [role], param="role")
    roles = threads_df[role].astype("string").str.lower()
    frame = pd.DataFrame({"author_role": roles}, index=threads_df.index)
    frame["_rt"] = (pd.to_numeric(threads_df[response], errors="coerce")
                    if response in threads_df.columns else np.nan)
    g = frame.groupby("author_role", sort=False)
    out = pd.DataFrame({"n": g.size(), "response_median_s": g["_rt"].median()})
    out = out.reindex([r for r in ("agent", "bot") if r in out.index]
                      + [r for r in out.index if r not in ("agent", "bot")])
    if recovered in threads_df.columns:
        rec = _recovery_counts(threads_df.assign(author_role=roles), ["author_role"], recovered)
        rec = rec.reindex(out.index, fill_value=0)
        m = rec["n_recovery"].to_numpy(dtype=float)
        k = rec["n_recovered"].to_numpy(dtype=float)
        out["n_recovery"] = m.astype(np.int64)
        with np.errstate(invalid="ignore", divide="ignore"):
            out["recovery_rate"] = np.where(m > 0, k / m, np.nan)
        out["ci_low"], out["ci_high"] = wilson_interval(k, m, confidence)
    if empathy in threads_df.columns:
        score = pd.to_numeric(threads_df[empathy], errors="coerce").astype(float)
        sg = score.groupby(roles)
        mean, sd, cnt = (sg.mean().reindex(out.index), sg.std(ddof=1).reindex(out.index),
                         sg.count().reindex(out.index))
        out["mean_empathy"] = mean.to_numpy()
        out["empathy_ci_low"], out["empathy_ci_high"] = mean_interval(
            mean.to_numpy(), sd.to_numpy(), cnt.to_numpy(), confidence
        )
    out["n"] = out["n"].astype(np.int64)
    return out.rename_axis("author_role").reset_index()
