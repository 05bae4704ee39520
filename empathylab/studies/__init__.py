"""The published figures the field quotes, as data: citation, year, sample, method, caveats.

* :func:`table` lists every entry (one row per study) with what it can and
  cannot support and its verification level (V / S / X as in SOURCES.md);
  :func:`get` returns one :class:`Study`; :func:`figures` the numbers.
* :func:`gei_comparison` reproduces the Global Empathy Index's top-10 vs
  bottom-10 design with a bootstrap interval, a permutation test and the
  comparison net of sector; :func:`load_gei_sample` is a synthetic index
  table made by :func:`make_gei_table`.
"""

from .catalog import Study, figures, get, keys, table
from .gei import GEIComparison, gei_comparison, load_gei_sample, make_gei_table

__all__ = [
    "GEIComparison",
    "Study",
    "figures",
    "gei_comparison",
    "get",
    "keys",
    "load_gei_sample",
    "make_gei_table",
    "table",
]
