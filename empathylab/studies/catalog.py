"""The catalogue of studies: :class:`Study`, :func:`table`, :func:`get`, :func:`figures`."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from .._validation import did_you_mean

__all__ = ["Study", "figures", "get", "keys", "table"]


@dataclass(frozen=True)
class Study:
    """One published figure the field quotes, with what it can and cannot support.

    Attributes
    ----------
    key : str
        Short name (``"amex2011"``).
    title, citation : str
    year : int
    sample, method : str
        As SOURCES.md gives them ("Not seen" where it says so).
    finding : str
        The figure, quoted briefly or paraphrased.
    figures : dict of str to float
        The numbers, shares as fractions (0.47, not 47).
    caveats, can_support, cannot_support : tuple of str
    verification : str
        SOURCES.md status: V (original or its press release seen), S (secondary
        quotations only), X (not verified).
    section : str
        Where in SOURCES.md the entry comes from.
    """

    key: str
    title: str
    citation: str
    year: int
    sample: str
    method: str
    finding: str
    figures: dict[str, float] = field(default_factory=dict)
    caveats: tuple[str, ...] = ()
    can_support: tuple[str, ...] = ()
    cannot_support: tuple[str, ...] = ()
    verification: str = "X"
    section: str = ""

    def __repr__(self) -> str:
        return f"<Study {self.key}: {self.title} [{self.verification}]>"

    def to_markdown(self) -> str:
        """A short Markdown card of the entry."""
        def bullets(items: tuple[str, ...]) -> str:
            return "\n".join(f"- {x}" for x in items)

        nums = ", ".join(f"{k} = {v:g}" for k, v in self.figures.items()) or "none"
        return (
            f"**{self.title}** ({self.year}; verification {self.verification})\n\n"
            f"{self.citation}\n\n*Sample*: {self.sample}. *Method*: {self.method}.\n\n"
            f"{self.finding}\n\n*Figures*: {nums}\n\n*Caveats*\n{bullets(self.caveats)}\n\n"
            f"*Can support*\n{bullets(self.can_support)}\n\n"
            f"*Cannot support*\n{bullets(self.cannot_support)}\n"
        )


def _records() -> dict[str, Study]:
    from ._records import RECORDS

    return {s.key: s for s in RECORDS}


def keys() -> list[str]:
    """Keys of all entries, in catalogue order.

    Examples
    --------
    >>> keys()[:3]
    ['amex2011', 'amex2012', 'amex2017']
    """
    return list(_records())


def get(key: str) -> Study:
    """The entry ``key``.

    Raises
    ------
    KeyError
        For an unknown key (the message lists the keys and the closest one).

    Examples
    --------
    >>> s = get("amex2011")
    >>> s.figures["told_good"], s.figures["told_bad"], s.verification
    (9.0, 16.0, 'V')
    """
    records = _records()
    if key not in records:
        raise KeyError(
            f"unknown study {key!r}{did_you_mean(str(key), records)} Known: {list(records)}."
        )
    return records[key]


def table() -> pd.DataFrame:
    """All entries as a tidy table, one row per study.

    Returns
    -------
    pandas.DataFrame
        ``key``, ``title``, ``citation``, ``year``, ``sample``, ``method``,
        ``finding``, ``caveats``, ``can_support``, ``cannot_support`` (each a
        "; "-joined text), ``verification`` (V / S / X as in SOURCES.md),
        ``section``.

    Examples
    --------
    >>> t = table()
    >>> t.set_index("key").loc["east2007", "verification"]
    'V'
    """
    rows = [{
        "key": s.key, "title": s.title, "citation": s.citation, "year": s.year,
        "sample": s.sample, "method": s.method, "finding": s.finding,
        "caveats": "; ".join(s.caveats), "can_support": "; ".join(s.can_support),
        "cannot_support": "; ".join(s.cannot_support), "verification": s.verification,
        "section": s.section,
    } for s in _records().values()]
    return pd.DataFrame(rows).astype({"year": "int64"})


def figures(key: str | None = None) -> pd.DataFrame:
    """The numbers of all entries (or of one) as a long table.

    Returns
    -------
    pandas.DataFrame
        ``key``, ``figure``, ``value``, ``verification``.

    Examples
    --------
    >>> figures("amex2012").set_index("figure")["value"].to_dict()["share_tell_bad"]
    0.56
    """
    studies = [get(key)] if key is not None else list(_records().values())
    rows = [{"key": s.key, "figure": name, "value": float(v), "verification": s.verification}
            for s in studies for name, v in s.figures.items()]
    return pd.DataFrame(rows, columns=["key", "figure", "value", "verification"])
