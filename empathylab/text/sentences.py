"""Splitting feedback into sentences and contrastive clauses, vectorised.

Sentence-level sentiment must not average a mixed review away: "Lieferung
schnell, aber der Support war eine Katastrophe" holds two judgements. Units
are sentences (ended by ``.``, ``!``, ``?``, ``…``, line breaks, or emoji
followed by a capital) and, inside a sentence, clauses that turn at a
contrastive conjunction after a comma, semicolon or dash (German ``aber``,
``jedoch``, ``allerdings``, ``trotzdem``, ``dennoch``, ``sondern``, English
``but``, ``however``, ``though``, ``yet``, ``although``).

Abbreviations common in German and English feedback (``z. B.``, ``bzw.``,
``Nr.``, ``ca.``, ``usw.``, ``e.g.``, ``Mr.``), ordinal dates (``3. Oktober``),
decimal numbers and URLs do not end a sentence.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

__all__ = ["split_sentences"]

_ABBREVIATIONS = (
    # German
    "z",
    "b",
    "bzw",
    "ca",
    "nr",
    "usw",
    "etc",
    "d",
    "h",
    "u",
    "a",
    "o",
    "ä",
    "vgl",
    "ggf",
    "evtl",
    "inkl",
    "exkl",
    "zzgl",
    "bspw",
    "sog",
    "tel",
    "str",
    "dr",
    "prof",
    "hr",
    "fr",
    "mio",
    "mrd",
    "std",
    "min",
    "sek",
    "max",
    "jan",
    "feb",
    "mär",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "okt",
    "nov",
    "dez",
    "gmbh",
    "abs",
    "ff",
    "lt",
    "mfg",
    "zb",
    "uvm",
    "bzgl",
    # English
    "e",
    "i",
    "mr",
    "mrs",
    "ms",
    "vs",
    "approx",
    "no",
    "st",
    "jr",
    "sr",
    "inc",
    "ltd",
    "co",
    "dept",
    "est",
    "fig",
    "oct",
    "dec",
    "mon",
    "tue",
    "wed",
    "thu",
    "fri",
    "sat",
    "sun",
)
_PROTECT = "\x00"  # stands in for a '.' that does not end a sentence

_ABBREV_RE = (
    r"(?i)(?<![\w.])("
    + "|".join(sorted({re.escape(a) for a in _ABBREVIATIONS}, key=len, reverse=True))
    + r")\."
)
_MONTHS = (
    "Januar|Jänner|Februar|März|Maerz|April|Mai|Juni|Juli|August|September|Oktober|November"
    "|Dezember|Jan|Feb|Mär|Apr|Jun|Jul|Aug|Sep|Sept|Okt|Nov|Dez"
)
# 49.90, 28.09. den ..., 3. Oktober, 2. Mal
_NUMBER_DOT = r"(?<=\d)\.(?=\s*\d|\s+[a-zäöüß]|\s+(?:" + _MONTHS + r"|Mal|Klasse|Stock)\b)"
_URL = r"(?i)(?:https?://|www\.)\S+?(?=[.,!?;:)]*(?:\s|$))"  # without trailing punctuation
_SENTENCE_END = r"(?<=[.!?…])[\"'»«“”)\]]*\s+|\n+|(?<=[.!?…])(?=[A-ZÄÖÜ])"
_CONTRAST = (
    r"(?:[,;:]|\s[-–—])\s+(?=(?i:aber|jedoch|allerdings|trotzdem|dennoch|sondern|but|however"
    r"|though|yet|although|whereas)\b)"
)


_DOTTED = r"(?i)(?<![\w.])(?:[a-zäöü]\.\s?){2,}"  # e.g., i.e., z.B., d.h., u.a., o.ä.


def _protect_dots(text: pd.Series) -> pd.Series:
    text = text.str.replace(_URL, lambda m: m.group(0).replace(".", _PROTECT), regex=True)
    text = text.str.replace(_DOTTED, lambda m: m.group(0).replace(".", _PROTECT), regex=True)
    text = text.str.replace(_ABBREV_RE, lambda m: m.group(1) + _PROTECT, regex=True)
    return text.str.replace(_NUMBER_DOT, _PROTECT, regex=True)


def split_sentences(texts: pd.Series, *, contrast: bool = True) -> pd.DataFrame:
    """Split each text into sentences (and contrastive clauses); one row per unit.

    Parameters
    ----------
    texts : pandas.Series of str
        Feedback texts; NA and empty texts give no rows.
    contrast : bool, default=True
        Also split a sentence where it turns at ``aber``/``but`` and the like
        after a comma, semicolon or dash.

    Returns
    -------
    pandas.DataFrame
        ``row`` (the index label of the text in ``texts``), ``unit`` (0, 1, ...
        within the text) and ``sentence`` (stripped text of the unit), in order.

    Examples
    --------
    >>> s = pd.Series(["Lieferung schnell, aber der Support war eine Katastrophe. Danke z. B. "
    ...                "für nichts!", "Great app!! Crashes daily though"])
    >>> split_sentences(s)["sentence"].tolist()
    ['Lieferung schnell', 'aber der Support war eine Katastrophe.', 'Danke z. B. für nichts!', \
'Great app!!', 'Crashes daily though']
    """
    text = pd.Series(texts, copy=False).astype("string")
    text = text[text.notna() & (text.str.strip() != "")]
    if text.empty:
        return pd.DataFrame(
            {
                "row": pd.Series(dtype=texts.index.dtype),
                "unit": pd.Series(dtype="int64"),
                "sentence": pd.Series(dtype="str"),
            }
        )
    # the two control characters serve as markers below; in feedback they are noise
    protected = _protect_dots(text.str.replace("[\x00\x01]", " ", regex=True))
    pattern = _SENTENCE_END + ("|" + _CONTRAST if contrast else "")
    # Split by marking boundaries with a separator, then one vectorised split + explode.
    marked = protected.str.replace(pattern, "\x01", regex=True)
    parts = marked.str.split("\x01").explode()
    parts = parts.str.replace(_PROTECT, ".", regex=False).str.strip()
    parts = parts[parts.notna() & (parts != "")]
    row = parts.index.to_numpy()
    change = np.r_[True, row[1:] != row[:-1]] if len(row) else np.array([], dtype=bool)
    start = np.flatnonzero(change)
    unit = np.arange(len(row)) - np.repeat(start, np.diff(np.r_[start, len(row)]))
    return pd.DataFrame(
        {"row": row, "unit": unit.astype("int64"), "sentence": parts.to_numpy(dtype=object)}
    ).astype({"sentence": "str"})
