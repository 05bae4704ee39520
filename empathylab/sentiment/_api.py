"""``sentiment()``: polarity of German and English feedback, per text or per sentence."""

from __future__ import annotations

import warnings
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
import pyarrow as pa

from .._dask import rowwise
from .._parallel import map_batches
from .._validation import check_argument
from ..exceptions import DataQualityWarning
from ..io.values import normalize_language
from ..text._whitespace import WordSplit, as_arrow, batch_array, split_batches, text_batches
from ..text.language import detect_language, detect_split, token_table
from ..text.sentences import split_sentences
from ._engine import Shared, _compile, _preprocessed_series, _score_batch, shared_tables
from ._english import english_spec
from ._labels import LabelRule, apply_rule, resolve_rules
from ._spec import LexiconSpec
from ._vader import vader_spec

if TYPE_CHECKING:
    from .model import SentimentModel

__all__ = ["sentiment"]

METHODS = ("lexicon", "vader", "model")
LEVELS = ("text", "sentence")
SCORE_COLUMNS = ["compound", "positive", "negative", "neutral"]

_PROGRESS_FROM = 200_000  # texts from which a progress bar is shown by default
_SHARED_FROM = 0.05  # share of a column's rows from which a language uses the shared tables


def _spec_for(method: str, lang: str) -> LexiconSpec:
    if lang == "de":
        from ._german import german_spec

        return german_spec()
    return vader_spec() if method == "vader" else english_spec()


def _languages(texts: pd.Series, lang: str | Sequence[str] | pd.Series) -> np.ndarray:
    """The language of every text (object array; NaN for missing and blank texts)."""
    if isinstance(lang, str):
        if lang == "auto":
            return detect_language(texts)["language"].to_numpy(dtype=object)
        check_argument("lang", ["auto", "de", "en"], lang)
        out = pd.Series(lang, index=texts.index, dtype="str")
    else:
        given = lang if isinstance(lang, pd.Series) else pd.Series(list(lang), dtype=object)
        if len(given) != len(texts):
            raise ValueError(
                f"`lang` has {len(given)} values but `texts` has {len(texts)}; pass one "
                "language per text, or 'auto', 'de' or 'en'."
            )
        # names and locales as read_feedback reads them ("Deutsch", "de-AT" -> "de");
        # any other language is "other"
        out = normalize_language(given.set_axis(texts.index).astype("string")).astype(object)
        known = out.notna().to_numpy()
        foreign = known & ~out.isin(["de", "en", "other", "und"]).to_numpy()
        out[foreign] = "other"
        if not known.all():  # missing languages are detected
            out[~known] = detect_language(texts[~known])["language"].to_numpy(dtype=object)
    blank = texts.isna() | (texts.astype("str").str.strip() == "")
    return out.astype(object).where(~blank).to_numpy(dtype=object, copy=True)


def _progress(total: int, show: bool | None) -> Callable[[int], None]:
    if show is False or (show is None and total < _PROGRESS_FROM):
        return lambda n: None
    from tqdm.auto import tqdm

    bar = tqdm(total=total, unit="texts", desc="sentiment", leave=False)

    def update(n: int) -> None:
        bar.update(n)
        if bar.n >= total:
            bar.close()

    return update


def _score_lexicon(
    texts: pd.Series,
    lang: str | Sequence[str] | pd.Series,
    method: str,
    progress: bool | None,
) -> tuple[np.ndarray, np.ndarray]:
    """Scores (n, 4) and language (object, NaN for blank texts) of every text.

    The column is cut into batches of a few MB that run on a thread pool. Each
    batch is split on whitespace once, and the batches share one dictionary of
    distinct tokens: language detection and the English and German rules work
    per distinct token, then over the batch's token stream. German rows whose
    text the German text rules rewrite (a salutation, "ich finde nicht, dass")
    are split again.
    """
    n = len(texts)
    scores = np.full((n, 4), np.nan)
    language = np.full(n, np.nan, dtype=object)
    given = None if isinstance(lang, str) and lang == "auto" else _languages(texts, lang)
    array = as_arrow(texts)
    batches = text_batches(array)
    splits = split_batches(array, batches)
    if not splits:
        return scores, language
    dictionary = splits[0].dictionary
    table = token_table(dictionary) if given is None else None

    def detect(i: int) -> None:
        lo, hi = batches[i]
        if given is None:
            language[lo:hi] = detect_split(splits[i], table=table)[0]
        else:
            found = given[lo:hi].copy()
            found[splits[i].counts == 0] = np.nan  # blank texts are not scored
            language[lo:hi] = found

    map_batches(detect, range(len(batches)))
    rows = {"en": np.isin(language, ["en", "und"]), "de": language == "de"}
    specs = {lang: _spec_for(method, lang) for lang in rows if rows[lang].any()}
    # tables of the whole column's tokens pay off for a language with many rows; the few
    # rows of another language are tokenised on their own
    shared = {lang: shared_tables(dictionary, spec) for lang, spec in specs.items()
              if rows[lang].sum() >= _SHARED_FROM * n}
    step = _progress(n, progress)

    rewritten: dict[str, list[tuple[np.ndarray, pd.Series]]] = {lang: [] for lang in specs}

    def run(i: int) -> None:
        lo, hi = batches[i]
        split = splits[i]
        batch = batch_array(array, lo, hi)
        part = scores[lo:hi]
        for lang, spec in specs.items():
            mine = rows[lang][lo:hi]
            if not mine.any():
                continue
            comp = _compile(spec)
            if spec.preprocess is not None:  # rows the text rules change are scored after
                at, prepared = _rewritten(texts.iloc[lo:hi], mine, spec, split, shared.get(lang))
                if at.size:
                    rewritten[lang].append((lo + at, prepared))
                    mine = mine.copy()
                    mine[at] = False
                if not mine.any():
                    continue
            if lang in shared:
                part[mine] = _score_batch(
                    batch.filter(pa.array(mine)), spec, comp, split.subset(mine), shared[lang]
                )
            else:
                part[mine] = _score_batch(batch.filter(pa.array(mine)), spec, comp)

    map_batches(run, range(len(batches)), on_done=lambda i: step(batches[i][1] - batches[i][0]))
    for lang, found in rewritten.items():  # the rewritten rows of the column, split anew
        if found:
            _score_rewritten(found, specs[lang], shared.get(lang), scores)
    return scores, language


def _rewritten(
    texts: pd.Series, mine: np.ndarray, spec: LexiconSpec, split: WordSplit,
    shared: Shared | None,
) -> tuple[np.ndarray, pd.Series]:
    """Positions of the texts among ``mine`` that ``spec.preprocess`` changes, and their text.

    With the shared tables and a ``preprocess`` that tells its candidates, only
    those texts are preprocessed.
    """
    maybe = mine
    if shared is not None and shared.preprocess_flags is not None:
        maybe = mine & spec.preprocess.candidates(split, shared.preprocess_flags)  # type: ignore[union-attr]
    at = np.flatnonzero(maybe)
    if not at.size:
        return at, texts.iloc[:0]
    original = texts.iloc[at]
    prepared = _preprocessed_series(original, spec)
    changed = (prepared != original).fillna(False).to_numpy(bool)
    return at[changed], prepared[changed]


def _score_rewritten(
    found: list[tuple[np.ndarray, pd.Series]], spec: LexiconSpec, shared: Shared | None,
    scores: np.ndarray,
) -> None:
    """Score the rewritten texts of all batches together (rows in column order)."""
    at = np.concatenate([rows for rows, _ in found])
    order = np.argsort(at, kind="stable")
    at = at[order]
    prepared = as_arrow(pd.concat([text for _, text in found]).iloc[order])
    comp = _compile(spec)

    def run(bounds: tuple[int, int]) -> None:
        lo, hi = bounds
        scores[at[lo:hi]] = _score_batch(batch_array(prepared, lo, hi), spec, comp,
                                         shared=shared)

    map_batches(run, text_batches(prepared))


#: class labels a SentimentModel may be fitted on, and the label each stands for
_CLASS_NAMES = {
    "positive": "positive", "neutral": "neutral", "negative": "negative",
    "positiv": "positive", "negativ": "negative", "pos": "positive", "neg": "negative",
    "neu": "neutral", "1": "positive", "0": "neutral", "-1": "negative",
    "1.0": "positive", "0.0": "neutral", "-1.0": "negative",
}  # fmt: skip


def _score_model(texts: pd.Series, language: pd.Series, model: SentimentModel) -> pd.DataFrame:
    from sklearn.utils.validation import check_is_fitted

    check_is_fitted(model)
    classes = [_CLASS_NAMES.get(str(c).strip().lower()) for c in model.classes_]
    if None in classes or len(set(classes)) != len(classes):
        raise ValueError(
            "`method='model'` needs a SentimentModel fitted on the labels 'positive', "
            "'neutral', 'negative' (or -1, 0, 1), but this one has the classes "
            f"{[str(c) for c in model.classes_]}; use model.predict_proba(texts) for other "
            "label sets."
        )
    out = pd.DataFrame(np.nan, index=texts.index, columns=SCORE_COLUMNS)
    out["label"] = pd.Series(np.nan, index=texts.index, dtype=object)
    rows = language.isin(["de", "en", "und"]).to_numpy()
    if rows.any():
        proba = np.asarray(model.predict_proba(texts[rows]))

        def column(name: str) -> np.ndarray:
            return proba[:, classes.index(name)] if name in classes else np.zeros(len(proba))

        pos, neg, neu = column("positive"), column("negative"), column("neutral")
        out.loc[rows, "positive"] = pos
        out.loc[rows, "negative"] = neg
        out.loc[rows, "neutral"] = neu
        out.loc[rows, "compound"] = pos - neg
        out.loc[rows, "label"] = np.asarray(classes, dtype=object)[proba.argmax(axis=1)]
    return out


@rowwise
def sentiment(
    texts: pd.Series | Sequence[str],
    *,
    lang: str | Sequence[str] | pd.Series = "auto",
    method: str = "lexicon",
    level: str = "text",
    model: SentimentModel | None = None,
    label_rule: str | LabelRule | dict[str, LabelRule] | None = None,
    progress: bool | None = None,
) -> pd.DataFrame:
    """Sentiment of each text (or sentence): compound score, shares and a label.

    Parameters
    ----------
    texts : pandas.Series of str (or list-like)
        Feedback texts, German and English mixed.
    lang : {"auto", "de", "en"} or a Series of language codes, default="auto"
        ``"auto"`` detects the language of every row
        (:func:`empathylab.text.detect_language`); a Series (such as the
        ``language`` column of :func:`read_feedback`: ISO codes, names or
        locales such as ``"Deutsch"``, ``"de-AT"``) gives it per row, and its
        missing values are detected. Texts in other languages are labelled
        ``other`` and left unscored (NaN) with a warning; texts without words
        (only emoji or links, ``und``) are scored with the English rules,
        which know emoji.
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
    label_rule : None, "vader", LabelRule or dict, optional
        How scores become ``label``. None (default): the rule of the method
        and language, chosen on dev data (:func:`label_rules`): for
        ``"lexicon"``, English ``share >= 0.25`` positive and ``<= -0.05``
        negative (airline tweets), German ``share >= 0.25`` / ``<= -0.10``
        (GermEval 2017, which labels most texts neutral). ``"vader"``: VADER's
        ``compound`` +-0.05 for both languages, which the benchmarks show is
        the better choice for tweets and reviews that are mostly evaluative
        (PotTS, hotel and film reviews; see BENCHMARKS.md). A
        :class:`LabelRule`, or ``{"de": rule, "en": rule}``, sets your own.
        Not used by ``method="model"``, whose label is the most probable class.
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
    >>> texts = pd.Series(["Super schnelle Lieferung, danke!", "My flight was cancelled again."])
    >>> sentiment(texts)[["label", "language"]]
          label language
    0  positive       de
    1  negative       en
    >>> units = sentiment(["Lieferung schnell, aber der Support war eine Katastrophe"],
    ...                   level="sentence")
    >>> units[["sentence", "label"]]
                                    sentence     label
    0                      Lieferung schnell  positive
    1  aber der Support war eine Katastrophe  negative

    On the bundled German sample, through the accessor:

    >>> import empathylab as el
    >>> from empathylab.datasets import sample_path
    >>> df = el.read_feedback(sample_path("feedback_de")).cx.sentiment()
    >>> sorted(df["label"].dropna().unique())
    ['negative', 'neutral', 'positive']
    """
    check_argument("method", METHODS, method)
    check_argument("level", LEVELS, level)
    resolve_rules("lexicon" if method == "model" else method, label_rule)  # fail early
    if method == "model" and model is None:
        raise ValueError("`method='model'` needs a fitted SentimentModel as `model=`.")
    series = texts if isinstance(texts, pd.Series) else pd.Series(list(texts), dtype="str")
    series = series.astype("str") if series.dtype != "str" else series
    if level == "sentence":
        return _sentence_level(series, lang, method, model, label_rule, progress)
    if method == "model":
        assert model is not None  # checked above; narrows the type
        language = _languages(series, lang)
        _warn_other(language)
        out = _score_model(series, pd.Series(language, index=series.index), model)
        out["label"] = out["label"].astype("str")
    else:
        scores, language = _score_lexicon(series, lang, method, progress)
        _warn_other(language)
        out = pd.DataFrame(scores, index=series.index, columns=SCORE_COLUMNS)
        out["label"] = apply_rule(
            out, pd.Series(language, index=series.index), method, label_rule
        ).astype("str")
    out["language"] = pd.array(language, dtype="str")
    return out[[*SCORE_COLUMNS, "label", "language"]]


def _warn_other(language: np.ndarray) -> None:
    other = int((language == "other").sum())
    if other:
        warnings.warn(
            f"{other} text(s) are in a language other than German or English; "
            "they are labelled 'other' and left unscored",
            DataQualityWarning,
            stacklevel=3,
        )


def _sentence_level(
    series: pd.Series,
    lang: str | Sequence[str] | pd.Series,
    method: str,
    model: SentimentModel | None,
    label_rule: str | LabelRule | dict[str, LabelRule] | None,
    progress: bool | None,
) -> pd.DataFrame:
    """One row per sentence or contrastive clause, scored with its text's language."""
    positional = series.reset_index(drop=True)
    units = split_sentences(positional)
    position = units["row"].to_numpy(dtype=np.int64)
    if isinstance(lang, str) and lang == "auto":
        # a short clause says little about its language: use the whole text's
        per_text = detect_language(positional)["language"].to_numpy(dtype=object)
    elif isinstance(lang, str):
        per_text = np.full(len(series), lang, dtype=object)
    else:
        per_text = _languages(positional, lang)
    scored = sentiment(
        units["sentence"], lang=pd.Series(per_text[position], index=units.index, dtype=object),
        method=method, model=model, label_rule=label_rule, progress=progress,
    )
    units["row"] = series.index[position]
    return pd.concat([units, scored], axis=1)
