"""Row-wise derivations on Dask collections: the same function, per partition.

A function decorated with :func:`rowwise` takes a pandas Series or DataFrame as its
first argument and returns rows indexed like it. Given a Dask collection instead
(as first argument or as a keyword argument, e.g. ``context=``), it runs per
partition through ``map_partitions``: its ``meta`` (the empty result with the right
columns and dtypes) is the function applied to the empty pandas frames Dask keeps as
``_meta``, so the result's schema is exactly the pandas one. Dask is optional: it is
never imported here; a Dask object is recognised by its type's module.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar, cast

__all__ = ["is_dask", "rowwise"]

F = TypeVar("F", bound=Callable[..., Any])


def is_dask(value: object) -> bool:
    """True for a Dask DataFrame or Series (without importing Dask)."""
    module = type(value).__module__
    return module.startswith(("dask.", "dask_expr")) and hasattr(value, "map_partitions")


def rowwise(func: F) -> F:
    """Let ``func`` accept Dask collections and run it per partition (see module doc)."""

    @functools.wraps(func)
    def wrapper(first: Any, *args: Any, **kwargs: Any) -> Any:
        lazy = {k: v for k, v in kwargs.items() if is_dask(v)}
        if not (is_dask(first) or lazy):
            return func(first, *args, **kwargs)
        if not is_dask(first):
            raise TypeError(
                f"{func.__name__}: the keyword arguments {sorted(lazy)} are Dask collections "
                "but the first argument is not; pass Dask collections for all of them (with "
                "the same partitions) or pandas objects for all."
            )
        plain = {k: v for k, v in kwargs.items() if k not in lazy}
        names = list(lazy)

        def run(part: Any, *parts: Any) -> Any:
            return func(part, *args, **plain, **dict(zip(names, parts, strict=True)))

        meta = run(first._meta, *(lazy[n]._meta for n in names))
        return first.map_partitions(run, *(lazy[n] for n in names), meta=meta)

    return cast(F, wrapper)
