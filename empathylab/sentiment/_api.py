"""``sentiment()``: polarity of German and English feedback, per text or per sentence."""

from __future__ import annotations

import warnings
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .._validation import check_argument
from ..exceptions import DataQualityWarning
from ..text.language import detect_language
from ..text.sentences import split_sentences
from ._engine import score_texts
from ._english import english_spec
from ._labels import apply_rule
from ._spec import LexiconSpec
from ._vader import vader_spec

if TYPE_CHECKING:
    from .model import SentimentModel

__all__ = ["sentiment"]

METHODS = ("lexicon", "vader", "model")
LEVELS = ("text", "sentence")
SCORE_COLUMNS = ["compound", "positive", "negative", "neutral"]

_CHUNK = 100_000  # rows per step of the progress bar


def _spec_for(method: str, lang: str) -> LexiconSpec:
    if lang == "de":
        from ._german import german_spec

        return german_spec()
    return vader_spec() if method == "vader" else english_spec()


def _languages(texts: pd.Series, lang: str | Sequence[str] | pd.Series) -> pd.Series:
    if isinstance(lang, str):
        if lang == "auto":
            return detect_language(texts)["language"]
        check_argument("lang", ["auto", "de", "en"], lang)
        out = pd.Series(lang, index=texts.index, dtype="str")
    else:
        given = lang if isinstance(lang, pd.Series) else pd.Series(list(lang), dtype=object)
        if len(given) != len(texts):
            raise ValueError(
                f"`lang` has {len(given)} values but `texts` has {len(texts)}; pass one "
                "language per text, or 'auto', 'de' or 'en'."
            )
        out = given.set_axis(texts.index).astype("str").str.lower()
        unknown = out.notna() & ~out.isin(["de", "en", "other", "und"])
        if unknown.any():
            raise ValueError(
                "`lang` values must be 'de', 'en', 'other' or 'und', but "
                f"{sorted(out[unknown].unique())[:5]} were passed."
            )
    return out.where(texts.notna() & (texts.astype("str").str.strip() != ""))


def _progress(total: int, show: bool | None) -> Callable[[int], None]:
    if show is False or (show is None and total < 2 * _CHUNK):
        return lambda n: None
    from tqdm.auto import tqdm

    bar = tqdm(total=total, unit="texts", desc="sentiment", leave=False)

    def update(n: int) -> None:
        bar.update(n)
        if bar.n >= total:
            bar.close()

    return update


def _score_lexicon(
    texts: pd.Series, language: pd.Series, method: str, step: Callable[[int], None]
) -> pd.DataFrame:
    out = pd.DataFrame(np.nan, index=texts.index, columns=SCORE_COLUMNS)
    for lang in ("en", "de"):
        rows = language.isin(["en", "und"] if lang == "en" else ["de"]).to_numpy()
        if not rows.any():
            continue
        spec = _spec_for(method, lang)
        part = texts[rows]
        for start in range(0, len(part), _CHUNK):
            chunk = part.iloc[start : start + _CHUNK]
            out.loc[chunk.index, SCORE_COLUMNS] = score_texts(chunk, spec).to_numpy()
            step(len(chunk))
    return out


def _score_model(texts: pd.Series, language: pd.Series, model: SentimentModel) -> pd.DataFrame:
    from sklearn.utils.validation import check_is_fitted

    check_is_fitted(model)
    out = pd.DataFrame(np.nan, index=texts.index, columns=[*SCORE_COLUMNS, "label"])
    rows = language.isin(["de", "en", "und"]).to_numpy()
    if rows.any():
        proba = np.asarray(model.predict_proba(texts[rows]))
        classes = [str(c) for c in model.classes_]

        def column(name: str) -> np.ndarray:
            return proba[:, classes.index(name)] if name in classes else np.zeros(len(proba))

        pos, neg, neu = column("positive"), column("negative"), column("neutral")
        out.loc[rows, "positive"] = pos
        out.loc[rows, "negative"] = neg
        out.loc[rows, "neutral"] = neu
        out.loc[rows, "compound"] = pos - neg
        out.loc[rows, "label"] = np.asarray(classes, dtype=object)[proba.argmax(axis=1)]
    return out


def sentiment(
    texts: pd.Series | Sequence[str],
    *,
    lang: str | Sequence[str] | pd.Series = "auto",
    method: str = "lexicon",
    level: str = "text",
    model: SentimentModel | None = None,
    progress: bool | None = None,
) -> pd.DataFrame:
    """Sentiment of each text (or sentence): compound score, shares and a label.

    Parameters
    ----------
    texts : pandas.Series of str (or list-like)
        Feedback texts, German and English mixed.
    lang : {"auto", "de", "en"} or a Series of language codes, default="auto"
        ``"auto"`` detects the language of every row
        (:func:`empathylab.text.detect_language`). Texts in other languages
        are labelled ``other`` and left unscored (NaN) with a warning; texts
        without words (only emoji or links, ``und``) are scored with the
        English rules, which know emoji.
    method : {"lexicon", "vader", "model"}, default="lexicon"
        ``"lexicon"``: VADER's rules with the English service vocabulary, and
        the German lexicon and rules written for this project, with thresholds
        chosen on dev data (:func:`empathylab.sentiment.label_rules`). ``"vader"``: VADER's own
        English lexicon and its +-0.05 thresholds (German rows still use the
        German lexicon). ``"model"``: a fitted :class:`SentimentModel` given as
        ``model=``.
    level : {"text", "sentence"}, default="text"
        ``"sentence"`` scores sentences and contrastive clauses
        (:func:`empathylab.text.split_sentences`), so "Lieferung schnell, aber
        der Support war eine Katastrophe" yields a positive and a negative unit.
    model : SentimentModel, optional
        Required for ``method="model"``.
    progress : bool, optional
        Show a progress bar (notebook-aware); default: only from 200,000 texts.

    Returns
    -------
    pandas.DataFrame
        For ``level="text"``, indexed like ``texts``: ``compound`` (-1..1),
        ``positive``, ``negative``, ``neutral`` (shares of the text's
        sentiment-bearing and neutral words; class probabilities for
        ``method="model"``), ``label`` (``positive``/``neutral``/``negative``,
        NA where unscored) and ``language`` (``de``, ``en``, ``other``,
        ``und``). For ``level="sentence"``, one row per unit with ``row`` (the
        text's index label), ``unit`` and ``sentence`` before those columns.

    Warns
    -----
    DataQualityWarning
        When texts in other languages were left unscored.

    Examples
    --------
    >>> texts = pd.Series(["Super schnelle Lieferung, danke!", "My flight was cancelled again.",
    ...                    "Todo muy bien"])
    >>> sentiment(texts)[["label", "language"]]  # doctest: +SKIP
    """
    check_argument("method", METHODS, method)
    check_argument("level", LEVELS, level)
    if method == "model" and model is None:
        raise ValueError("`method='model'` needs a fitted SentimentModel as `model=`.")
    series = texts if isinstance(texts, pd.Series) else pd.Series(list(texts), dtype="str")
    series = series.astype("str") if series.dtype != "str" else series
    if level == "sentence":
        units = split_sentences(series)
        unit_lang: Any = lang
        if not isinstance(lang, str):
            per_text = pd.Series(lang, index=series.index) if not isinstance(
                lang, pd.Series) else lang.set_axis(series.index)
            unit_lang = per_text.reindex(units["row"]).to_numpy()
        elif lang == "auto":
            # a short clause says little about its language: use the whole text's
            unit_lang = detect_language(series)["language"].reindex(units["row"]).to_numpy()
        scored = sentiment(units["sentence"], lang=unit_lang, method=method, model=model,
                           progress=progress)
        return pd.concat([units, scored], axis=1)
    language = _languages(series, lang)
    other = language.eq("other").fillna(False).to_numpy()
    if other.any():
        warnings.warn(
            f"{int(other.sum())} text(s) are in a language other than German or English; "
            "they are labelled 'other' and left unscored",
            DataQualityWarning,
            stacklevel=2,
        )
    if method == "model":
        assert model is not None  # checked above; narrows the type
        out = _score_model(series, language, model)
        out["label"] = out["label"].astype("str")
    else:
        step = _progress(int((~other).sum()), progress)
        out = _score_lexicon(series, language, method, step)
        out["label"] = apply_rule(out, language, method).astype("str")
    out["language"] = language.astype("str")
    return out[[*SCORE_COLUMNS, "label", "language"]]
