"""Running independent batches of a column on several cores.

The heavy steps of the text modules (numpy over token arrays, Arrow string
kernels) release the GIL, so threads scale them without copying data to
worker processes. ``EMPATHYLAB_THREADS`` sets the number of threads (``1``
runs everything in the calling thread); the default is the number of cores
available to the process, at most 8.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

__all__ = ["map_batches", "n_threads"]

T = TypeVar("T")
R = TypeVar("R")


def n_threads() -> int:
    """Threads to use: ``EMPATHYLAB_THREADS``, else the available cores (at most 8)."""
    value = os.environ.get("EMPATHYLAB_THREADS", "").strip()
    if value:
        try:
            number = int(value)
        except ValueError:
            raise ValueError(
                f"the environment variable EMPATHYLAB_THREADS must be a whole number >= 1, "
                f"but {value!r} was set; unset it to use every core."
            ) from None
        if number < 1:
            raise ValueError(
                f"the environment variable EMPATHYLAB_THREADS must be >= 1, but {number} was "
                "set; use 1 to run in the calling thread."
            )
        return number
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, 8))


def map_batches(
    fn: Callable[[T], R], items: Iterable[T], *, on_done: Callable[[T], None] | None = None
) -> list[R]:
    """``[fn(item) for item in items]``, on a thread pool when there are several items.

    Results keep the order of ``items``; ``on_done(item)`` runs in the calling
    thread after each item's result is in (for progress bars). An exception in
    one item is raised here after the running items finish.
    """
    todo = list(items)
    threads = min(n_threads(), len(todo))
    if threads <= 1:
        out = []
        for item in todo:
            out.append(fn(item))
            if on_done is not None:
                on_done(item)
        return out
    with ThreadPoolExecutor(max_workers=threads, thread_name_prefix="empathylab") as pool:
        futures = [pool.submit(fn, item) for item in todo]
        results = []
        for item, future in zip(todo, futures, strict=True):
            results.append(future.result())
            if on_done is not None:
                on_done(item)
        return results
