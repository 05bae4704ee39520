"""Tone beyond the cue lexicons: German forms of address (Sie/du) and shouting.

A German reply that addresses the customer both as *Sie* and as *du* reads careless;
``address`` says which form a reply uses. Formal forms: ``Ihnen``, ``Ihr``/``Ihre``...
(capitalised) and ``Sie`` after a lower-case word or a comma (so that a sentence-initial
*Sie* = *they* is not counted). Informal forms: ``du``, ``dich``, ``dir``, ``dein...``,
``euch``, ``euer``/``eure...`` in any case. Counted with Arrow's RE2 over the column.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

__all__ = ["SHOUT_WEIGHT", "address", "shouting"]

_FORMAL = r"\b(?:Ihnen|Ihr|Ihre|Ihren|Ihrem|Ihrer|Ihres)\b|(?:[a-zäöüß]|,) Sie\b"
_INFORMAL = (r"(?i)\b(?:du|dich|dir|dein|deine|deinen|deinem|deiner|deines|euch|euer|eure|"
             r"euren|eurem|eurer)\b")
#: Harshness weight of a run of two or more ``!`` or ``?!``.
SHOUT_WEIGHT = 0.3


def _count(texts: pa.ChunkedArray | pa.Array, pattern: str) -> np.ndarray:
    counts = pc.fill_null(pc.count_substring_regex(texts, pattern), 0)
    return np.asarray(counts.to_numpy(zero_copy_only=False), dtype=np.int64)


def address(texts: pa.ChunkedArray | pa.Array) -> np.ndarray:
    """``"Sie"``, ``"du"``, ``"mixed"`` or None (no form of address) per German text."""
    formal = _count(texts, _FORMAL) > 0
    informal = _count(texts, _INFORMAL) > 0
    out = np.full(len(formal), None, dtype=object)
    out[formal & ~informal] = "Sie"
    out[informal & ~formal] = "du"
    out[formal & informal] = "mixed"
    return out


def shouting(texts: pa.ChunkedArray | pa.Array) -> np.ndarray:
    """Number of ``!!`` (or ``?!``) runs per text."""
    return _count(texts, r"[!?]*![!?]*![!?]*|\?!")
