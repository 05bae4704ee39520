"""``effort()``: customer effort expressed in a text, -5 (very hard) .. +5 (very easy)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from .._dask import rowwise
from .._validation import check_argument
from ..emotions._common import count_table, evidence_lists, per_sentence, prepare
from ..text._cues import column_hits

__all__ = ["effort"]

LEVELS = ("text", "sentence")


@rowwise
def effort(
    texts: pd.Series | Sequence[str],
    *,
    lang: str | Sequence[str] | pd.Series = "auto",
    level: str = "text",
) -> pd.DataFrame:
    """Customer effort the text describes, from -5 (very hard) to +5 (very easy).

    Hard cues are repeated contacts ("had to call three times", "mehrmals
    angerufen"), waiting ("musste ewig warten", "on hold"), transfers
    ("weitergeleitet"), explaining again ("von vorne erklären") and many steps or
    forms; easy cues are quick, easy, uncomplicated handling ("ging ganz einfach",
    "hassle-free", "beim ersten Anruf"). The cues (``effort/data/effort.tsv``) were
    written for this project. A negated cue counts for the other side ("nicht
    einfach" is hard, "didn't have to wait" is easy).

    The scale runs the way the CES question of the bundled samples does (higher is
    easier), so it can be set beside a CES answer (1-7, 7 = very easy): see
    BENCHMARKS.md for the correlation on the sample.

    Parameters
    ----------
    texts : pandas.Series of str (or list-like)
        Feedback texts, German and English mixed.
    lang : {"auto", "de", "en"} or a Series of language codes, default="auto"
        As in :func:`empathylab.sentiment`.
    level : {"text", "sentence"}, default="text"
        ``"sentence"``: one row per sentence or contrastive clause.

    Returns
    -------
    pandas.DataFrame
        Indexed like ``texts`` (for ``level="sentence"``: one row per unit with
        ``row``, ``unit`` and ``sentence`` first), with

        ``effort`` (float)
            Sum of the easy cues' strengths minus the hard cues' (1-3 each, +1 after
            an intensifier), clipped to -5..+5; NaN when the text says nothing about
            effort (no cue), for blank texts and for other languages.
        ``effort_hard``, ``effort_easy`` (float)
            The two sums before clipping (0 without cues; NaN where unscored).
        ``effort_evidence`` (list of str)
            ``"hard: span"`` / ``"easy: span"`` for every cue, in text order.
        ``language`` (str)
            As in :func:`empathylab.emotions`.

    Examples
    --------
    >>> effort(["Ich musste ewig warten und dreimal anrufen.", "Ging ganz einfach.",
    ...         "Das Paket ist blau."])["effort"].tolist()
    [-5.0, 3.0, nan]
    >>> effort(["It wasn't easy."])["effort_evidence"].tolist()
    [['hard: easy (negated)']]
    """
    check_argument("level", LEVELS, level)
    if level == "sentence":
        series = texts if isinstance(texts, pd.Series) else pd.Series(list(texts), dtype=object)
        return per_sentence(series, lang, effort)
    series, reported, cue_lang, tokens = prepare(texts, lang)
    n = len(series)
    hits = column_hits(series, cue_lang, "empathylab.effort", "effort.tsv", tokens=tokens)
    label = hits["label"].to_numpy(dtype=object).copy()
    negated = hits["negated"].to_numpy(bool)
    label[negated] = np.where(label[negated] == "hard", "easy", "hard")
    weight = np.maximum(hits["strength"].to_numpy(float) + hits["boost"].to_numpy(float), 1.0)
    row = hits["row"].to_numpy(np.int64)
    sums = count_table(n, row, label, ["hard", "easy"], weight)
    any_cue = count_table(n, row, label, ["hard", "easy"]).sum(axis=1) > 0
    scored = np.array([c is not None for c in cue_lang], dtype=bool)
    score = np.clip(sums[:, 1] - sums[:, 0], -5, 5)
    span = hits["span"].to_numpy(dtype=object).copy()
    span[negated] = span[negated] + " (negated)"
    order = np.lexsort((hits["start"].to_numpy(np.int64), row))
    items = np.array([f"{a}: {b}" for a, b in zip(label[order], span[order], strict=True)],
                     dtype=object)
    out = pd.DataFrame(index=series.index)
    out["effort"] = np.where(any_cue & scored, score, np.nan)
    out["effort_hard"] = np.where(scored, sums[:, 0], np.nan)
    out["effort_easy"] = np.where(scored, sums[:, 1], np.nan)
    out["effort_evidence"] = pd.Series(evidence_lists(n, row[order], items), index=series.index,
                                       dtype=object)
    out["language"] = pd.array(reported, dtype="str")
    return out
