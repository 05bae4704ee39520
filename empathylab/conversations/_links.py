"""Reply links and conversation order as position arrays (vectorised, no per-row Python).

Everything here works on positions ``0..n-1`` of the messages: ``parent[i]`` is the
position of the message that message ``i`` answers (``-1`` when it answers nothing in
the data). Cycles are found by pointer doubling; they are rare, so only their members
are walked in Python.
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

from ..exceptions import DataQualityWarning, FeedbackFormatError

__all__ = ["clean_ids", "find_cycles", "parents", "roots", "to_times"]


def clean_ids(values: pd.Series) -> pd.Series:
    """Ids as stripped text, NA for missing and blank; ``3.0`` (a float id) becomes ``3``."""
    text = values.astype("string").str.strip()
    text = text.str.replace(r"^([0-9]+)\.0+$", r"\1", regex=True)
    return text.mask(text == "")


def to_times(values: pd.Series, column: str) -> pd.Series:
    """Timestamps as ``datetime64``; text and mixed time zones are read as UTC.

    A column that already is ``datetime64`` (naive or aware) is kept. Values that
    cannot be read raise an error naming the column and the first bad row.
    """
    if isinstance(values.dtype, pd.DatetimeTZDtype) or pd.api.types.is_datetime64_dtype(values):
        return values
    parsed = pd.to_datetime(values, utc=True, errors="coerce", format="mixed")
    bad = parsed.isna() & values.notna()
    if bad.any():
        first = values.index[bad.to_numpy()].tolist()[0]
        raise FeedbackFormatError(
            f"column {column!r} (from `timestamp`) has {int(bad.sum())} value(s) that are not "
            f"dates, first at row {first!r}: {values.loc[first]!r}; convert the column with "
            "pandas.to_datetime, or pass timestamp=None to use the row order."
        )
    return parsed


def parents(ids: pd.Series, links: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Position of each message's parent (-1 if none) and a mask of dangling links.

    A link to an id that is not in the data is *dangling* (the parent was not
    exported); the first message of a duplicated id is the one linked to.
    """
    n = len(ids)
    # one hash pass over ids and links together; then integer look-ups only
    codes, _ = pd.factorize(pd.concat([ids, links], ignore_index=True), use_na_sentinel=True)
    own, target = codes[:n], codes[n:]
    first = np.full(int(codes.max()) + 1 if len(codes) else 0, -1, dtype=np.int64)
    valid = own >= 0
    rows = np.flatnonzero(valid)[::-1]
    first[own[rows]] = rows  # written last to first: the first row of an id wins
    parent = np.where(target >= 0, first[np.maximum(target, 0)], -1) if n else target
    parent = np.asarray(parent, dtype=np.int64)
    has_link = links.notna().to_numpy()
    return parent, has_link & (parent < 0)


def _doubling(parent: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Root of every node and a mask of the nodes whose chain never ends (cycles)."""
    n = len(parent)
    pointer = np.where(parent >= 0, parent, np.arange(n))
    for _ in range(max(1, int(np.ceil(np.log2(max(n, 2))))) + 2):
        nxt = pointer[pointer]
        if np.array_equal(nxt, pointer):
            break
        pointer = nxt
    stuck = pointer[pointer] != pointer
    # a node whose root is itself but that has a parent is on a cycle too (self-link, or
    # a cycle whose doubling happened to land on the node)
    stuck |= (pointer == np.arange(n)) & (parent >= 0)
    return pointer, stuck


def find_cycles(parent: np.ndarray) -> list[list[int]]:
    """The cycles of the parent links, each as a list of positions."""
    _, stuck = _doubling(parent)
    cycles: list[list[int]] = []
    seen: set[int] = set()
    for start in np.flatnonzero(stuck).tolist():
        path: list[int] = []
        where: dict[int, int] = {}
        node = start
        while node >= 0 and node not in seen and node not in where:
            where[node] = len(path)
            path.append(node)
            node = int(parent[node])
        if node >= 0 and node in where:
            cycles.append(path[where[node]:])
        seen.update(path)
    return cycles


def roots(
    parent: np.ndarray,
    *,
    ids: pd.Series,
    order: np.ndarray,
    link_column: str,
    on_cycle: str,
) -> tuple[np.ndarray, np.ndarray]:
    """Root position of every message, and the parent array with cycles broken.

    ``order`` ranks the messages in time; with ``on_cycle="break"`` the earliest
    message of each cycle loses its link (and becomes the root), with a warning.
    """
    parent = parent.copy()
    cycles = find_cycles(parent)
    if cycles:
        shown = "; ".join(
            " -> ".join(str(ids.iloc[p]) for p in [*c, c[0]]) for c in cycles[:3]
        )
        if on_cycle == "raise":
            raise FeedbackFormatError(
                f"the reply links in column {link_column!r} form {len(cycles)} cycle(s), "
                f"e.g. {shown}; a message cannot answer itself or a later answer to it. Fix the "
                "links, or pass on_cycle='break' to cut each cycle at its earliest message."
            )
        for cycle in cycles:
            first = min(cycle, key=lambda p: order[p])
            parent[first] = -1
        warnings.warn(
            f"the reply links in column {link_column!r} form {len(cycles)} cycle(s) ({shown}); "
            "each was cut at its earliest message, which now starts its thread",
            DataQualityWarning,
            stacklevel=3,
        )
    pointer, _ = _doubling(parent)
    return pointer, parent


def nearest_up(parent: np.ndarray, start: np.ndarray, target: np.ndarray) -> np.ndarray:
    """For each start position, the nearest ancestor (excluding itself) where ``target``
    is True, or -1. Walks all chains at once, one level per step."""
    out = np.full(len(start), -1, dtype=np.int64)
    cur = parent[start] if len(start) else start.copy()
    active = np.flatnonzero(cur >= 0)
    while len(active):
        node = cur[active]
        hit = target[node]
        out[active[hit]] = node[hit]
        active = active[~hit]
        cur[active] = parent[cur[active]]
        active = active[cur[active] >= 0]
    return out


def chain_pairs(
    parent: np.ndarray, start: np.ndarray, through: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Pairs ``(ancestor, start)`` for every ancestor reached from ``start`` by a chain of
    ``through`` nodes (the walk stops at the first node that is not ``through``)."""
    ups: list[np.ndarray] = []
    froms: list[np.ndarray] = []
    origin = start.copy()
    cur = parent[start] if len(start) else start.copy()
    keep = cur >= 0
    origin, cur = origin[keep], cur[keep]
    while len(cur):
        ok = through[cur]
        origin, cur = origin[ok], cur[ok]
        ups.append(cur)
        froms.append(origin)
        cur = parent[cur]
        keep = cur >= 0
        origin, cur = origin[keep], cur[keep]
    if not ups:
        empty = np.array([], dtype=np.int64)
        return empty, empty
    return np.concatenate(ups), np.concatenate(froms)
