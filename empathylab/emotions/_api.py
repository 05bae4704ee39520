"""``emotions()``: multi-label emotions with intensity 1-5 and their evidence."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from .._dask import rowwise
from .._validation import check_argument
from ..text._cues import column_hits
from ._common import evidence_lists, per_sentence, prepare

__all__ = ["EMOTIONS", "emotions"]

#: the emotions reported, in the order of the output columns
EMOTIONS = (
    "anger", "frustration", "disappointment", "worry", "confusion",
    "joy", "gratitude", "relief", "surprise",
)  # fmt: skip
#: negated positive emotions ("not happy", "nicht zufrieden") read as weak disappointment
_NEGATED_TO_DISAPPOINTMENT = ("joy", "gratitude", "relief")
LEVELS = ("text", "sentence")


def _intensities(
    n: int, hits: pd.DataFrame, exclaim: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Intensity (n, emotions), and the rows and "emotion: span" items of the evidence."""
    negated = hits["negated"].to_numpy(bool)
    label = hits["label"].to_numpy(dtype=object).copy()
    strength = hits["strength"].to_numpy(float).copy()
    flip = negated & np.isin(label, _NEGATED_TO_DISAPPOINTMENT)
    label[flip] = "disappointment"
    strength[flip] = 1.0
    keep = ~negated | flip
    label, strength = label[keep], strength[keep]
    row = hits["row"].to_numpy(np.int64)[keep]
    boost = hits["boost"].to_numpy(np.int64)[keep]
    caps = hits["caps"].to_numpy(bool)[keep]
    span = hits["span"].to_numpy(dtype=object).copy()
    span[flip] = span[flip] + " (negated)"
    span = span[keep]
    score = np.clip(strength + boost + caps, 1, 5)
    col = pd.Index(list(EMOTIONS)).get_indexer(label)
    best = np.zeros((n, len(EMOTIONS)))
    count = np.zeros((n, len(EMOTIONS)))
    np.maximum.at(best, (row, col), score)
    np.add.at(count, (row, col), 1.0)
    present = best > 0
    # several cues of the same emotion and exclamation marks add one step each
    out = best + (count >= 2) + (present & exclaim[:, None])
    out = np.where(present, np.clip(out, 1, 5), 0)
    order = np.lexsort((hits["start"].to_numpy(np.int64)[keep], row))
    items = np.array([f"{lab}: {sp}" for lab, sp in zip(label[order], span[order], strict=True)],
                     dtype=object)
    return out, row[order], items


@rowwise
def emotions(
    texts: pd.Series | Sequence[str],
    *,
    lang: str | Sequence[str] | pd.Series = "auto",
    level: str = "text",
) -> pd.DataFrame:
    """Emotions expressed in each text (or sentence), with intensity 1-5 and evidence.

    Cues are German and English emotion words and phrases written for this project
    (``empathylab/emotions/data/emotions.tsv``; no third-party lexicon), read with the
    negation, intensifier and capitalisation rules of :mod:`empathylab.text._cues`.

    Parameters
    ----------
    texts : pandas.Series of str (or list-like)
        Feedback texts, German and English mixed.
    lang : {"auto", "de", "en"} or a Series of language codes, default="auto"
        As in :func:`empathylab.sentiment`: ``"auto"`` detects the language of each
        row; other languages get no cues (NA intensities).
    level : {"text", "sentence"}, default="text"
        ``"sentence"`` scores every sentence and contrastive clause
        (:func:`empathylab.text.split_sentences`) with its text's language.

    Returns
    -------
    pandas.DataFrame
        Indexed like ``texts`` (for ``level="sentence"``: one row per unit with
        ``row``, ``unit`` and ``sentence`` first), with

        one column per emotion of :data:`EMOTIONS` (Int64)
            ``anger``, ``frustration``, ``disappointment``, ``worry``,
            ``confusion``, ``joy``, ``gratitude``, ``relief``, ``surprise``.
            Intensity: 0 absent, 1 (weak) to 5 (strong). The strongest cue's strength
            (1-3), +1 after an intensifier ("sehr", "really"), -1 after a downtoner
            ("etwas", "a bit"), +1 when written in capitals, +1 for a second cue of
            the same emotion, +1 when the text has an exclamation mark. A negated cue
            ("nicht wütend", "not angry", "zufrieden war ich nicht") does not count;
            a negated joy, gratitude or relief cue ("not happy") counts as
            disappointment of intensity 1. NA for blank texts and other languages.
        ``emotions`` (list of str)
            The emotions present, in column order.
        ``dominant_emotion`` (str)
            The most intense emotion (ties: column order); NA when none.
        ``emotion_evidence`` (list of str)
            ``"emotion: span"`` for every counted cue, in text order.
        ``language`` (str)
            ``de``, ``en``, ``other``, ``und`` (no words; read as English) or NA.

    Examples
    --------
    >>> out = emotions(["Ich bin wirklich sehr wütend!", "Thanks, I'm so relieved.",
    ...                 "Ich bin nicht wütend."])
    >>> out[["anger", "gratitude", "relief", "dominant_emotion"]]
       anger  gratitude  relief dominant_emotion
    0      4          0       0            anger
    1      0          2       4           relief
    2      0          0       0              NaN
    >>> out.loc[0, "emotion_evidence"]
    ['anger: wütend']
    """
    check_argument("level", LEVELS, level)
    if level == "sentence":
        series = texts if isinstance(texts, pd.Series) else pd.Series(list(texts), dtype=object)
        return per_sentence(series, lang, emotions)
    series, reported, cue_lang, tokens = prepare(texts, lang)
    n = len(series)
    hits = column_hits(series, cue_lang, "empathylab.emotions", "emotions.tsv", tokens=tokens)
    exclaim = np.zeros(n, dtype=bool)
    if len(tokens.raw):
        bang = tokens.raw == "!"
        exclaim[np.unique(tokens.row[bang])] = True
    table, ev_rows, items = _intensities(n, hits, exclaim)
    scored = np.array([c is not None for c in cue_lang], dtype=bool)
    out = pd.DataFrame(index=series.index)
    for j, name in enumerate(EMOTIONS):
        out[name] = pd.array(np.where(scored, table[:, j], 0).astype(np.int64), dtype="Int64")
        out.loc[~scored, name] = pd.NA
    names = np.asarray(EMOTIONS, dtype=object)
    present = table > 0
    out["emotions"] = pd.Series([list(names[p]) for p in present], index=series.index,
                                dtype=object)
    dominant = np.where(present.any(axis=1), names[table.argmax(axis=1)], None)
    out["dominant_emotion"] = pd.array(dominant, dtype="str")
    out["emotion_evidence"] = pd.Series(evidence_lists(n, ev_rows, items), index=series.index,
                                        dtype=object)
    out["language"] = pd.array(reported, dtype="str")
    return out
