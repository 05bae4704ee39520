"""Pieces shared by the cue-based derivations (emotions, effort, actionability, politeness)."""

from __future__ import annotations

import warnings
from collections.abc import Callable, Sequence

import numpy as np
import pandas as pd

from ..exceptions import DataQualityWarning
from ..text._cues import Tokens, tokenize
from ..text.language import detect_language
from ..text.sentences import split_sentences

__all__ = ["as_series", "languages", "per_sentence", "prepare"]


def as_series(texts: pd.Series | Sequence[str]) -> pd.Series:
    """``texts`` as a Series of str (missing values kept), the input never mutated."""
    if isinstance(texts, pd.DataFrame):
        raise TypeError(
            "`texts` must be a Series (or list) of texts, but a DataFrame was passed; pass "
            "one column, e.g. df['text'], or use the accessor df.cx.<method>(column='text')."
        )
    series = texts if isinstance(texts, pd.Series) else pd.Series(list(texts), dtype=object)
    return series.astype("str") if series.dtype != "str" else series


def languages(
    series: pd.Series, lang: str | Sequence[str] | pd.Series
) -> tuple[np.ndarray, np.ndarray]:
    """Reported language per row (de/en/other/und, NaN for blank texts) and the cue language
    (``de`` or ``en``; None for other languages and blank texts; ``und`` uses English)."""
    from ..sentiment._api import _languages

    reported = _languages(series, lang)
    cue = np.where(reported == "und", "en", reported)
    cue = np.where(np.isin(cue, ["de", "en"]), cue, np.array(None, dtype=object)).astype(object)
    return reported, cue


def prepare(
    texts: pd.Series | Sequence[str], lang: str | Sequence[str] | pd.Series
) -> tuple[pd.Series, np.ndarray, np.ndarray, Tokens]:
    """Series, reported language, cue language and tokens of the texts."""
    series = as_series(texts)
    reported, cue = languages(series, lang)
    other = int((reported == "other").sum())
    if other:
        warnings.warn(
            f"{other} text(s) are in a language other than German or English; they get no "
            "cues (NA) and language 'other'",
            DataQualityWarning,
            stacklevel=4,
        )
    return series, reported, cue, tokenize(series)


def per_sentence(
    series: pd.Series,
    lang: str | Sequence[str] | pd.Series,
    func: Callable[..., pd.DataFrame],
    **kwargs: object,
) -> pd.DataFrame:
    """``func`` applied to every sentence or contrastive clause of the texts
    (:func:`empathylab.text.split_sentences`), with the whole text's language: one row per
    unit with ``row`` (the text's index label), ``unit`` and ``sentence`` first."""
    positional = series.reset_index(drop=True)
    units = split_sentences(positional)
    position = units["row"].to_numpy(dtype=np.int64)
    if isinstance(lang, str) and lang == "auto":
        per_text = detect_language(positional)["language"].to_numpy(dtype=object)
    elif isinstance(lang, str):
        per_text = np.full(len(series), lang, dtype=object)
    else:
        given = lang if isinstance(lang, pd.Series) else pd.Series(list(lang), dtype=object)
        per_text = given.to_numpy(dtype=object)
    unit_lang = pd.Series(per_text[position], index=units.index, dtype=object)
    scored = func(units["sentence"], lang=unit_lang, level="text", **kwargs)
    units["row"] = series.index[position]
    return pd.concat([units, scored], axis=1)


def evidence_lists(n: int, rows: np.ndarray, items: np.ndarray) -> list[list[str]]:
    """One list per row position of the ``items`` whose ``rows`` equals it (order kept)."""
    out: list[list[str]] = [[] for _ in range(n)]
    for r, item in zip(rows.tolist(), items.tolist(), strict=True):
        out[r].append(item)
    return out


def count_table(n: int, rows: np.ndarray, labels: np.ndarray, names: Sequence[str],
                weights: np.ndarray | None = None) -> np.ndarray:
    """(n, len(names)) sums of ``weights`` (default 1) per row and label."""
    out = np.zeros((n, len(names)), dtype=float)
    if len(rows):
        col = pd.Index(list(names)).get_indexer(labels)
        ok = col >= 0
        np.add.at(out, (rows[ok], col[ok]), 1.0 if weights is None else weights[ok])
    return out
