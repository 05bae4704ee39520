"""``SentimentModel``: a sentiment classifier trained on the analyst's own labelled feedback.

The lexicon of :func:`empathylab.sentiment.sentiment` knows language, not a domain:
"on hold" in an airline's tweets, "Verspätung" in a railway's. With a few thousand
labelled rows, :class:`SentimentModel` learns the domain in one call. It is a
scikit-learn classifier (``fit``, ``predict``, ``predict_proba``, ``classes_``; it
works in a ``Pipeline`` and in ``GridSearchCV``) and is saved as JSON or ``.npz``,
never as a pickle.

Features, concatenated into one sparse matrix:

* word 1-2-grams and character 2-5-grams inside word boundaries (``char_wb``), each
  TF-IDF with sublinear term frequency and L2-normalised rows, the vocabulary and the
  inverse document frequencies learned in ``fit``. The word tokens are made for
  feedback and social media (``word_tokenizer="social"``): ``!``/``?`` runs,
  emoticons and emoji are tokens, hashtags are split, elongations shortened, and the
  tokens after a negation are marked up to the end of the clause
  (``negation_scope=True``: "not helpful" gives ``not helpful_NEG``, not ``helpful``);
* five lexicon features of the row's language (``lang="auto"``:
  :func:`empathylab.text.detect_language` per row; German rows use
  :func:`~empathylab.sentiment.german_spec`, all others
  :func:`~empathylab.sentiment.english_spec`), from
  :func:`~empathylab.sentiment.score_texts`: ``compound``, ``positive``,
  ``negative``, ``neutral`` and ``share`` (``positive - negative``), standardised
  with the training mean and standard deviation. They carry the lexicon's knowledge
  of words the training rows do not contain, and its negation rules.

On top: a multinomial logistic regression (scikit-learn's ``LogisticRegression``,
``newton-cg`` solver, L2 penalty). ``class_weight="balanced"`` (the default) weighs
each class inversely to its frequency, which helps the rare classes and macro-F1.

Texts are prepared before both feature kinds (``normalize_text=True``): HTML
entities are unescaped, links become ``URL`` and ``@handles`` become ``@USER`` (a
company's own handle is in nearly every tweet and says nothing about sentiment).

How well it does, measured by ``benchmarks/sentiment_trained.py`` with the defaults
(fit and test rows never overlap):

* GermEval 2017 dev (Wojatzki et al. 2017; Deutsche Bahn social-media texts, all
  2,584 rows), fitted on one random half (seed 0) and tested on the other: micro-F1
  0.779 and, the other way round, 0.756 (over five seeds and both directions 0.767,
  range 0.756-0.779), where the majority label scores 0.701, plain TF-IDF with
  logistic regression 0.721 and the zero-shot lexicon 0.702 on average. For
  comparison (other rows: the test sets), the German BERT model ``germansentiment``
  (trained on 1.8M texts) lists micro-F1 0.754 on GermEval 2017 (Guhr et al. 2020;
  figure as listed in ../shared/data/README.md).
* Twitter US Airline Sentiment (American and US Airways), fitted on one airline and
  tested on the other: macro-F1 0.726 (American to US Airways) and 0.728 (back),
  against 0.620 and 0.637 for the zero-shot lexicon and 0.48 for plain TF-IDF with
  logistic regression (scikit-learn's word tokens instead of the social ones: 0.715
  and 0.726). Five-fold cross-validation within one airline gives 0.757 (American)
  and 0.737 (US Airways).
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from numbers import Integral, Real
from pathlib import Path
from typing import Any, cast

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import normalize
from sklearn.utils.validation import check_is_fitted

from .._model_files import write_model_file
from .._validation import as_texts, check_argument
from ..exceptions import InsufficientDataError, ModelFormatError, SmallSampleWarning
from ._model_io import (
    FORMAT,
    FORMAT_VERSION,
    _array,
    _check_shapes,
    _field,
    _json_scalar,
    _read_json,
    _read_npz,
)
from ._model_tokens import ngram_analyzer

__all__ = ["FORMAT", "FORMAT_VERSION", "LEXICON_FEATURES", "SentimentModel"]

#: Lexicon features, in the order of the feature matrix.
LEXICON_FEATURES = ("compound", "positive", "negative", "neutral", "share")
#: Fewer rows than this raise; fewer than ``_FEW_ROWS`` warn.
MIN_ROWS = 10
_FEW_ROWS = 100
_MIN_PER_CLASS = 2

_LANGS = ("auto", "de", "en")
_TOKENIZERS = ("social", "sklearn")
_SUFFIXES = (".json", ".npz")
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_HANDLE = re.compile(r"(?<![\w@])@\w+")
_ENTITIES = {"&amp;": "&", "&gt;": ">", "&lt;": "<", "&quot;": '"', "&#39;": "'", "&nbsp;": " "}
_ENTITY = re.compile("|".join(map(re.escape, _ENTITIES)))


# --------------------------------------------------------------------------- inputs
def _as_texts(texts: Any, param: str = "texts") -> pd.Series:
    """A Series of str from a Series, list, 1-D array or one-column DataFrame."""
    return as_texts(texts, param=param, allow_missing=False)


def _as_labels(labels: Any, n: int) -> np.ndarray:
    if isinstance(labels, str):
        raise TypeError(
            "`labels` must be a list-like with one label per text, but a str was passed."
        )
    if isinstance(labels, pd.DataFrame):
        if labels.shape[1] != 1:
            raise ValueError(
                f"`labels` must be one column, but a DataFrame with {labels.shape[1]} columns "
                "was passed."
            )
        labels = labels.iloc[:, 0]
    y = labels.to_numpy() if isinstance(labels, pd.Series) else np.asarray(labels)
    if y.ndim != 1:
        y = y.ravel() if y.ndim == 2 and y.shape[1] == 1 else y
    if y.ndim != 1:
        raise ValueError(f"`labels` must be one-dimensional, but has shape {y.shape}.")
    if len(y) != n:
        raise ValueError(
            f"`texts` has {n} rows but `labels` has {len(y)}; pass one label per text."
        )
    missing = pd.isna(y)
    if missing.any():
        raise ValueError(
            f"`labels` has {int(missing.sum())} missing value(s), the first at position "
            f"{int(np.flatnonzero(missing)[0])}; drop those rows before fitting."
        )
    if y.dtype == object:
        kinds = {type(v) for v in y}
        if len(kinds) > 1:
            raise TypeError(
                f"`labels` mixes types ({', '.join(sorted(k.__name__ for k in kinds))}); use one "
                "type, e.g. labels.astype(str)."
            )
    return y


def _check_range(name: str, value: object) -> tuple[int, int] | None:
    if value is None:
        return None
    ok = (
        isinstance(value, Sequence)
        and not isinstance(value, str)
        and len(value) == 2
        and all(isinstance(v, Integral) and not isinstance(v, bool) for v in value)
        and 1 <= value[0] <= value[1]
    )
    if not ok:
        raise ValueError(
            f"`{name}` must be None or a pair of integers (min_n, max_n) with "
            f"1 <= min_n <= max_n, e.g. (1, 2), but {value!r} was passed."
        )
    pair = cast(Sequence[int], value)
    return int(pair[0]), int(pair[1])


def normalize_texts(texts: pd.Series) -> pd.Series:
    """Unescape HTML entities, write links as ``URL`` and ``@handles`` as ``@USER``.

    Parameters
    ----------
    texts : pandas.Series of str

    Returns
    -------
    pandas.Series of str
        Indexed like ``texts``.

    Examples
    --------
    >>> normalize_texts(pd.Series(["@AmericanAir thx &amp; bye https://t.co/x1"])).tolist()
    ['@USER thx & bye URL']
    """
    out = texts.astype(object).str.replace(_ENTITY, lambda m: _ENTITIES[m.group(0)], regex=True)
    out = out.str.replace(_URL, "URL", regex=True)
    return out.str.replace(_HANDLE, "@USER", regex=True)


# --------------------------------------------------------------------------- features
@dataclass
class _TfidfBlock:
    """One TF-IDF feature block: fixed vocabulary and idf, sklearn's tf-idf arithmetic.

    ``transform`` equals ``TfidfVectorizer(sublinear_tf=True).transform`` of the
    vectorizer the block was learned with (checked in the tests).
    """

    name: str  # "word" or "char"
    ngram_range: tuple[int, int]
    vocabulary: list[str]
    idf: np.ndarray
    tokenizer: str = "sklearn"  # word block: "social" (_model_tokens) or "sklearn"
    negation: bool = False  # word block, "social": _NEG marks in negation scope
    _counter: CountVectorizer | None = field(default=None, repr=False, compare=False)

    @property
    def analyzer(self) -> str | Callable[[str], list[str]]:
        if self.name != "word":
            return "char_wb"
        if self.tokenizer == "social":
            return ngram_analyzer(self.ngram_range, self.negation)
        return "word"

    @classmethod
    def learn(
        cls, name: str, ngram_range: tuple[int, int], texts: pd.Series, min_df: int,
        max_features: int | None, tokenizer: str = "sklearn", negation: bool = False,
    ) -> tuple[_TfidfBlock, sp.csr_matrix]:
        analyzer = cls(name, ngram_range, [], np.zeros(0), tokenizer, negation).analyzer
        vec = TfidfVectorizer(  # a callable analyzer makes its own n-grams
            analyzer=analyzer, ngram_range=(1, 1) if callable(analyzer) else ngram_range,
            sublinear_tf=True, min_df=min_df, max_features=max_features, dtype=np.float64,
        )
        try:
            matrix = vec.fit_transform(texts)
        except ValueError as exc:  # "empty vocabulary" for texts without words
            raise InsufficientDataError(
                f"no {name} n-grams of length {ngram_range} were found in `texts` "
                f"(scikit-learn: {exc}); pass texts with words, lower `min_df`, or set "
                f"`{name}_ngram_range=None`."
            ) from None
        vocab = np.empty(len(vec.vocabulary_), dtype=object)
        for term, i in vec.vocabulary_.items():
            vocab[i] = term
        block = cls(name, ngram_range, vocab.tolist(), np.asarray(vec.idf_, dtype=np.float64),
                    tokenizer, negation)
        return block, sp.csr_matrix(matrix)

    def transform(self, texts: pd.Series) -> sp.csr_matrix:
        if self._counter is None:
            analyzer = self.analyzer
            self._counter = CountVectorizer(
                analyzer=analyzer, ngram_range=(1, 1) if callable(analyzer) else self.ngram_range,
                vocabulary=self.vocabulary, dtype=np.float64,
            )
        counts = sp.csr_matrix(self._counter.transform(texts), dtype=np.float64)
        np.log(counts.data, out=counts.data)
        counts.data += 1.0
        counts.data *= self.idf[counts.indices]
        return sp.csr_matrix(normalize(counts, norm="l2", copy=False))


def _lexicon_scores(texts: pd.Series, lang: str) -> np.ndarray:
    """The five :data:`LEXICON_FEATURES` of every text, with its language's lexicon.

    German rows use the German lexicon, all others (other languages too) the English.
    """
    from ._api import SCORE_COLUMNS, sentiment

    if lang == "auto":
        from ..text.language import detect_language

        german = detect_language(texts)["language"].eq("de").fillna(False).to_numpy(bool)
        languages = np.where(german, "de", "en")
    else:
        languages = np.full(len(texts), lang)
    out = sentiment(texts, lang=list(languages), progress=False)[SCORE_COLUMNS]
    # C order, so the scaling's column sums run in the same order at fit and transform
    out = np.nan_to_num(np.ascontiguousarray(out.to_numpy(float)))
    return np.column_stack([out, out[:, 1] - out[:, 2]])


# --------------------------------------------------------------------------- estimator
class SentimentModel(ClassifierMixin, BaseEstimator):
    """Sentiment classifier for German and English feedback, trained on your labels.

    Word and character n-grams (TF-IDF) and lexicon features of the row's language
    go into a multinomial logistic regression (see the module docstring). Fit it on
    a few thousand labelled rows of your own feedback; use it directly or with
    ``empathylab.sentiment(texts, method="model", model=model)``.

    Parameters
    ----------
    lang : {"auto", "de", "en"}, default="auto"
        Language of the texts, which picks the lexicon of the lexicon features:
        ``"auto"`` detects it per row (:func:`empathylab.text.detect_language`;
        German rows get the German lexicon, all others the English one).
    lexicon : bool, default=True
        Add the five lexicon features (:data:`LEXICON_FEATURES`).
    word_ngram_range : (int, int) or None, default=(1, 2)
        Lengths of the word n-grams; None leaves them out.
    word_tokenizer : {"social", "sklearn"}, default="social"
        Tokens of the word n-grams. ``"social"``: tokens for feedback and social
        media, which keep ``!``/``?`` runs, emoticons, emoji, clause punctuation and
        one-letter words, split CamelCase hashtags, shorten and flag elongations
        and flag words in capitals (see ``empathylab.sentiment._model_tokens``);
        ``"sklearn"``: scikit-learn's default, words of two or more characters.
    negation_scope : bool, default=True
        With ``word_tokenizer="social"``, mark the tokens after a negation ("not",
        "never", "n't", "nicht", "kein", ...) up to the end of the clause with
        ``_NEG``, so "not helpful" does not count as "helpful". Ignored by
        ``"sklearn"``.
    char_ngram_range : (int, int) or None, default=(2, 5)
        Lengths of the character n-grams inside word boundaries; None leaves them out.
    min_df : int, default=1
        Keep only n-grams that occur in at least this many training texts.
    max_features : int or None, default=None
        Keep at most this many n-grams per kind (word, character), the most frequent.
    C : float, default=10.0
        Inverse strength of the L2 penalty of the logistic regression; smaller is
        smoother.
    class_weight : "balanced", dict or None, default="balanced"
        Weights of the classes in the loss; ``"balanced"`` weighs each class
        inversely to its frequency (better macro-F1), None weighs all rows alike
        (often slightly better accuracy when one class dominates).
    normalize_text : bool, default=True
        Prepare the texts with :func:`normalize_texts` (links, @handles, HTML
        entities) before computing features.
    max_iter : int, default=1000
        Iterations of the solver.
    tol : float, default=1e-4
        Tolerance of the solver.

    Attributes
    ----------
    classes_ : numpy.ndarray
        The labels seen in ``fit``, sorted; the columns of :meth:`predict_proba`.
    coef_ : numpy.ndarray of shape (n_classes, n_features)
        Weights of the features (one row for two classes, as in scikit-learn), in the
        order of :meth:`get_feature_names_out`.
    intercept_ : numpy.ndarray of shape (n_classes,)
        Intercepts (one for two classes).
    blocks_ : list
        The TF-IDF blocks (vocabulary and idf of the word and the character n-grams).
    lexicon_mean_, lexicon_scale_ : numpy.ndarray of shape (5,)
        Mean and standard deviation of the lexicon features on the training texts
        (empty when ``lexicon=False``).
    n_iter_ : numpy.ndarray
        Iterations the solver used.

    See Also
    --------
    empathylab.sentiment.sentiment : lexicon sentiment, and ``method="model"``.

    Notes
    -----
    The lexicon features are computed with the lexicons of the installed empathylab,
    so a model loaded into another version can give slightly different
    probabilities; :meth:`load` warns when the versions differ.

    Examples
    --------
    >>> from empathylab.datasets import make_feedback
    >>> df = make_feedback(400, random_state=0)
    >>> msgs = df[df["author_role"] == "customer"]
    >>> labels = msgs["true_sentiment"].map({-1: "negative", 0: "neutral", 1: "positive"})
    >>> model = SentimentModel().fit(msgs["text"], labels)
    >>> model.classes_.tolist()
    ['negative', 'neutral', 'positive']
    >>> model.predict(["Vielen Dank, alles super gelaufen!",
    ...                "Das Paket ist wieder nicht angekommen, eine Frechheit."]).tolist()
    ['positive', 'negative']
    >>> model.predict_proba(["Thanks a lot, great help!"]).round(2).sum()
    np.float64(1.0)
    """

    def __init__(
        self,
        *,
        lang: str = "auto",
        lexicon: bool = True,
        word_ngram_range: tuple[int, int] | None = (1, 2),
        word_tokenizer: str = "social",
        negation_scope: bool = True,
        char_ngram_range: tuple[int, int] | None = (2, 5),
        min_df: int = 1,
        max_features: int | None = None,
        C: float = 10.0,
        class_weight: str | Mapping[Any, float] | None = "balanced",
        normalize_text: bool = True,
        max_iter: int = 1000,
        tol: float = 1e-4,
    ) -> None:
        self.lang = lang
        self.lexicon = lexicon
        self.word_ngram_range = word_ngram_range
        self.word_tokenizer = word_tokenizer
        self.negation_scope = negation_scope
        self.char_ngram_range = char_ngram_range
        self.min_df = min_df
        self.max_features = max_features
        self.C = C
        self.class_weight = class_weight
        self.normalize_text = normalize_text
        self.max_iter = max_iter
        self.tol = tol

    def __sklearn_tags__(self) -> Any:
        tags = super().__sklearn_tags__()
        tags.input_tags.two_d_array = False
        tags.input_tags.string = True
        return tags

    # ------------------------------------------------------------------ checks
    def _check_params(self) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
        check_argument("lang", _LANGS, self.lang)
        check_argument("word_tokenizer", _TOKENIZERS, self.word_tokenizer)
        for name in ("lexicon", "normalize_text", "negation_scope"):
            if not isinstance(getattr(self, name), bool | np.bool_):
                raise TypeError(
                    f"`{name}` must be True or False, but {getattr(self, name)!r} was passed."
                )
        word = _check_range("word_ngram_range", self.word_ngram_range)
        char = _check_range("char_ngram_range", self.char_ngram_range)
        if word is None and char is None and not self.lexicon:
            raise ValueError(
                "no features: `word_ngram_range` and `char_ngram_range` are None and "
                "`lexicon` is False; keep at least one of them."
            )
        for name, low in (("min_df", 1), ("max_iter", 1)):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, Integral) or int(value) < low:
                raise ValueError(
                    f"`{name}` must be an integer >= {low}, but {value!r} was passed."
                )
        if self.max_features is not None and (
            isinstance(self.max_features, bool) or not isinstance(self.max_features, Integral)
            or self.max_features < 1
        ):
            raise ValueError(
                f"`max_features` must be None or a positive integer, but "
                f"{self.max_features!r} was passed."
            )
        for name in ("C", "tol"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, Real) or not float(value) > 0:
                raise ValueError(
                    f"`{name}` must be a positive number, but {value!r} was passed."
                )
        cw = self.class_weight
        if not (cw is None or cw == "balanced" or isinstance(cw, Mapping)):
            raise ValueError(
                f"`class_weight` must be 'balanced', a dict of class -> weight or None, but "
                f"{cw!r} was passed."
            )
        return word, char

    def _prepare(self, texts: Any) -> pd.Series:
        series = _as_texts(texts)
        return normalize_texts(series) if self.normalize_text else series

    # ------------------------------------------------------------------ fit
    def fit(self, texts: Any, labels: Any, sample_weight: Any = None) -> SentimentModel:
        """Learn the vocabularies, the lexicon scaling and the classifier.

        Parameters
        ----------
        texts : pandas.Series, list or 1-D array of str, or a one-column DataFrame
            Training texts; every value must be a str.
        labels : list-like
            One label per text, e.g. ``positive`` / ``neutral`` / ``negative`` (the
            names ``sentiment(method="model")`` reads); at least two classes with at
            least two texts each.
        sample_weight : list-like of float, optional
            Weight of every row in the loss (e.g. annotator confidence).

        Returns
        -------
        SentimentModel
            ``self``, fitted.

        Raises
        ------
        TypeError
            When a text is not a str (e.g. NaN), or a single str is passed.
        ValueError
            When ``texts`` and ``labels`` differ in length, labels are missing, or a
            parameter is invalid.
        InsufficientDataError
            With fewer than 10 rows, one class only, or a class with a single row.

        Warns
        -----
        SmallSampleWarning
            With fewer than 100 rows.
        """
        word, char = self._check_params()
        series = self._prepare(texts)
        y = _as_labels(labels, len(series))
        n = len(series)
        if n < MIN_ROWS:
            raise InsufficientDataError(
                f"`texts` has {n} rows; SentimentModel needs at least {MIN_ROWS} labelled "
                "texts (a useful domain model a few thousand)."
            )
        classes, counts = np.unique(y, return_counts=True)
        if len(classes) < 2:
            raise InsufficientDataError(
                f"`labels` has one class only ({classes[0]!r}); a classifier needs at least "
                "two, e.g. positive and negative texts."
            )
        if counts.min() < _MIN_PER_CLASS:
            rare = [str(c) for c, k in zip(classes, counts, strict=True) if k < _MIN_PER_CLASS]
            raise InsufficientDataError(
                f"class(es) {rare} of `labels` have a single text; every class needs at least "
                f"{_MIN_PER_CLASS}. Label more texts of that class or drop it."
            )
        if n < _FEW_ROWS:
            warnings.warn(
                f"SentimentModel is fitted on {n} texts only; expect it to generalise "
                "poorly (a domain model needs a few thousand labelled texts).",
                SmallSampleWarning,
                stacklevel=2,
            )
        weights = None
        if sample_weight is not None:
            weights = np.asarray(sample_weight, dtype=float).ravel()
            if len(weights) != n or not np.isfinite(weights).all() or (weights < 0).any():
                raise ValueError(
                    f"`sample_weight` must hold {n} finite non-negative numbers (one per "
                    f"text), but {len(weights)} value(s) were passed"
                    + ("" if len(weights) != n else " with negative or non-finite ones")
                    + "."
                )

        blocks: list[_TfidfBlock] = []
        parts: list[sp.csr_matrix] = []
        for name, ngrams in (("word", word), ("char", char)):
            if ngrams is not None:
                block, matrix = _TfidfBlock.learn(
                    name, ngrams, series, int(self.min_df), self.max_features,
                    str(self.word_tokenizer), bool(self.negation_scope),
                )
                blocks.append(block)
                parts.append(matrix)
        self.blocks_ = blocks
        if self.lexicon:
            raw = _lexicon_scores(series, self.lang)
            self.lexicon_mean_ = raw.mean(axis=0)
            scale = raw.std(axis=0)
            self.lexicon_scale_ = np.where(scale > 1e-12, scale, 1.0)
            parts.append(sp.csr_matrix((raw - self.lexicon_mean_) / self.lexicon_scale_))
        else:
            self.lexicon_mean_ = np.zeros(0)
            self.lexicon_scale_ = np.ones(0)
        features = sp.csr_matrix(sp.hstack(parts, format="csr"))

        clf = LogisticRegression(
            C=float(self.C), class_weight=self._class_weight(), solver="newton-cg",
            max_iter=int(self.max_iter), tol=float(self.tol),
        )
        clf.fit(features, y, sample_weight=weights)
        self.classes_ = clf.classes_
        self.coef_ = np.asarray(clf.coef_, dtype=np.float64)
        self.intercept_ = np.asarray(clf.intercept_, dtype=np.float64)
        self.n_iter_ = np.asarray(clf.n_iter_)
        return self

    def _class_weight(self) -> str | dict[Any, float] | None:
        cw = self.class_weight
        return dict(cw) if isinstance(cw, Mapping) else cw

    # ------------------------------------------------------------------ predict
    def transform_features(self, texts: Any) -> sp.csr_matrix:
        """The feature matrix the classifier sees (columns: :meth:`get_feature_names_out`).

        Parameters
        ----------
        texts : pandas.Series, list or 1-D array of str, or a one-column DataFrame

        Returns
        -------
        scipy.sparse.csr_matrix of shape (n_texts, n_features)
        """
        check_is_fitted(self)
        series = self._prepare(texts)
        parts = [block.transform(series) for block in self.blocks_]
        if self.lexicon:
            raw = _lexicon_scores(series, self.lang)
            parts.append(sp.csr_matrix((raw - self.lexicon_mean_) / self.lexicon_scale_))
        return sp.csr_matrix(sp.hstack(parts, format="csr"))

    def decision_function(self, texts: Any) -> np.ndarray:
        """Linear scores: shape (n_texts,) for two classes (positive: ``classes_[1]``),
        else (n_texts, n_classes) in ``classes_`` order.

        Parameters
        ----------
        texts : pandas.Series, list or 1-D array of str, or a one-column DataFrame

        Returns
        -------
        numpy.ndarray
        """
        scores = np.asarray(self.transform_features(texts) @ self.coef_.T) + self.intercept_
        return scores.ravel() if scores.shape[1] == 1 else scores

    def predict_proba(self, texts: Any) -> np.ndarray:
        """Class probabilities, one column per class in ``classes_`` order.

        Parameters
        ----------
        texts : pandas.Series, list or 1-D array of str, or a one-column DataFrame

        Returns
        -------
        numpy.ndarray of shape (n_texts, n_classes)
            Rows sum to 1.
        """
        scores = self.decision_function(texts)
        if scores.ndim == 1:
            positive = 1.0 / (1.0 + np.exp(-scores))
            return np.column_stack([1.0 - positive, positive])
        scores = scores - scores.max(axis=1, keepdims=True)
        expo = np.exp(scores)
        return np.asarray(expo / expo.sum(axis=1, keepdims=True))

    def predict(self, texts: Any) -> np.ndarray:
        """The most probable label of every text.

        Parameters
        ----------
        texts : pandas.Series, list or 1-D array of str, or a one-column DataFrame

        Returns
        -------
        numpy.ndarray of shape (n_texts,)
            Values of ``classes_``.
        """
        scores = self.decision_function(texts)
        index = (scores > 0).astype(int) if scores.ndim == 1 else scores.argmax(axis=1)
        return np.asarray(self.classes_[index])

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """Names of the features: ``word:<n-gram>``, ``char:<n-gram>``, ``lexicon:<name>``.

        Parameters
        ----------
        input_features : ignored
            Present for scikit-learn compatibility.

        Returns
        -------
        numpy.ndarray of str
        """
        check_is_fitted(self)
        names = [f"{b.name}:{term}" for b in self.blocks_ for term in b.vocabulary]
        if self.lexicon:
            names += [f"lexicon:{f}" for f in LEXICON_FEATURES]
        return np.asarray(names, dtype=object)

    def top_features(self, n: int = 10) -> pd.DataFrame:
        """The features with the largest weights of every class: what drives a label.

        Parameters
        ----------
        n : int, default=10
            Features per class.

        Returns
        -------
        pandas.DataFrame
            ``label`` (the class), ``rank`` (1 = strongest), ``feature`` (as in
            :meth:`get_feature_names_out`) and ``weight`` (towards the label: the
            row of ``coef_``; for two classes ``coef_[0]`` for ``classes_[1]`` and
            its negative for ``classes_[0]``).
        """
        check_is_fitted(self)
        if isinstance(n, bool) or not isinstance(n, Integral) or n < 1:
            raise ValueError(f"`n` must be a positive integer, but {n!r} was passed.")
        names = self.get_feature_names_out()
        rows: list[tuple[object, int, str, float]] = []
        if len(self.coef_) == 1:
            weights = [(self.classes_[0], -self.coef_[0]), (self.classes_[1], self.coef_[0])]
        else:
            weights = list(zip(self.classes_, self.coef_, strict=True))
        for label, w in weights:
            top = np.argsort(-w, kind="stable")[: int(n)]
            rows += [(label, r + 1, str(names[i]), float(w[i])) for r, i in enumerate(top)]
        return pd.DataFrame(rows, columns=["label", "rank", "feature", "weight"])

    # ------------------------------------------------------------------ persistence
    def _header(self) -> dict[str, Any]:
        import empathylab

        params = self.get_params(deep=False)
        for key in ("word_ngram_range", "char_ngram_range"):
            if params[key] is not None:
                params[key] = [int(v) for v in params[key]]
        if isinstance(params["class_weight"], Mapping):
            params["class_weight"] = {
                "pairs": [[_json_scalar(k), float(v)] for k, v in params["class_weight"].items()]
            }
        for key, kind in (("C", float), ("tol", float), ("min_df", int), ("max_iter", int)):
            params[key] = kind(params[key])
        if params["max_features"] is not None:
            params["max_features"] = int(params["max_features"])
        for key in ("lexicon", "normalize_text", "negation_scope"):
            params[key] = bool(params[key])
        return {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "library_version": empathylab.__version__,
            "params": params,
            "classes": [_json_scalar(c) for c in self.classes_],
            "classes_kind": self.classes_.dtype.kind,
            "blocks": [{"name": b.name, "ngram_range": list(b.ngram_range),
                        "tokenizer": b.tokenizer, "negation": bool(b.negation)}
                       for b in self.blocks_],
            "lexicon_features": list(LEXICON_FEATURES) if self.lexicon else [],
            "n_features": int(self.coef_.shape[1]),
            "n_iter": np.asarray(self.n_iter_).ravel().tolist(),
        }

    def save(self, path: str | Path) -> Path:
        """Write the fitted model as JSON (``.json``) or NumPy arrays (``.npz``).

        Both hold the parameters, the vocabularies and idf of the n-gram blocks, the
        lexicon scaling, the coefficients and intercepts, the classes, the library
        version and :data:`FORMAT_VERSION`; ``.npz`` is compressed and several times
        smaller. Never a pickle: :meth:`load` reads ``.npz`` with ``allow_pickle=False``.

        Parameters
        ----------
        path : str or pathlib.Path
            File name ending in ``.json`` or ``.npz``.

        Returns
        -------
        pathlib.Path
            The file written.

        Examples
        --------
        >>> import tempfile
        >>> from empathylab.datasets import make_feedback
        >>> df = make_feedback(300, random_state=1)
        >>> msgs = df[df["author_role"] == "customer"]
        >>> model = SentimentModel().fit(msgs["text"], msgs["true_sentiment"].astype(int))
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     again = SentimentModel.load(model.save(f"{tmp}/model.npz"))
        >>> bool(np.allclose(again.predict_proba(msgs["text"]), model.predict_proba(msgs["text"])))
        True
        """
        check_is_fitted(self)
        path = Path(path)
        if path.suffix.lower() not in _SUFFIXES:
            raise ValueError(
                f"`path` must end in '.json' or '.npz', but {str(path)!r} was passed; a "
                "SentimentModel is saved as JSON or NumPy arrays, never pickle."
            )
        header = self._header()
        arrays = {"coef": self.coef_, "intercept": self.intercept_,
                  "lexicon_mean": self.lexicon_mean_, "lexicon_scale": self.lexicon_scale_}
        arrays |= {f"{b.name}_idf": b.idf for b in self.blocks_}
        return write_model_file(path, header, arrays,
                                {b.name: list(b.vocabulary) for b in self.blocks_})

    @classmethod
    def load(cls, path: str | Path) -> SentimentModel:
        """Read a model written by :meth:`save` (``.json`` or ``.npz``; never a pickle).

        Parameters
        ----------
        path : str or pathlib.Path

        Returns
        -------
        SentimentModel
            Fitted; ``predict_proba`` equals the saved model's (to float tolerance,
            with the same empathylab version).

        Raises
        ------
        FileNotFoundError
            When there is no such file.
        ModelFormatError
            (a ``ValueError``) When the file is not a SentimentModel file of a known
            format version, is damaged, or holds pickled data; the message names the
            file.

        Warns
        -----
        UserWarning
            When the file was written by another empathylab version (its lexicons,
            and so the lexicon features, may differ).
        """
        path = Path(path)
        if path.suffix.lower() not in _SUFFIXES:
            raise ModelFormatError(
                f"'{path}' is not a SentimentModel file: the name must end in '.json' or "
                f"'.npz', not {path.suffix!r}. SentimentModel files are never pickles."
            )
        if not path.is_file():
            raise FileNotFoundError(f"no SentimentModel file at '{path}'.")
        header, arrays = _read_json(path) if path.suffix.lower() == ".json" else _read_npz(path)
        params = dict(_field(header, "params", path, dict))
        if header.get("format_version") == 1:  # written before the social word tokens
            params.setdefault("word_tokenizer", "sklearn")
            params.setdefault("negation_scope", False)
        for key in ("word_ngram_range", "char_ngram_range"):
            if isinstance(params.get(key), list):
                params[key] = tuple(params[key])
        if isinstance(params.get("class_weight"), Mapping):
            params["class_weight"] = dict(params["class_weight"].get("pairs", []))
        try:
            model = cls(**params)
            model._check_params()
        except (TypeError, ValueError) as exc:
            raise ModelFormatError(f"'{path}' holds invalid parameters: {exc}") from None
        try:
            kind = str(header.get("classes_kind", "O"))
            classes = np.asarray(_field(header, "classes", path, list),
                                 dtype=object if kind in "OUS" else None)
            model.classes_ = classes.astype(str) if kind == "U" else classes
            for name in ("coef", "intercept", "lexicon_mean", "lexicon_scale"):
                setattr(model, f"{name}_", np.asarray(_array(arrays, name, path), np.float64))
            model.blocks_ = [
                _TfidfBlock(str(meta["name"]),
                            (int(meta["ngram_range"][0]), int(meta["ngram_range"][1])),
                            [str(t) for t in _array(arrays, f"{meta['name']}_terms", path)],
                            np.asarray(_array(arrays, f"{meta['name']}_idf", path), np.float64),
                            str(meta.get("tokenizer", "sklearn")),
                            bool(meta.get("negation", False)))
                for meta in _field(header, "blocks", path, list)
            ]
            model.n_iter_ = np.asarray(header.get("n_iter", [0]), dtype=np.int32)
        except (KeyError, TypeError, ValueError, IndexError) as exc:
            if str(path) in str(exc):
                raise
            raise ModelFormatError(f"'{path}' is damaged: {type(exc).__name__}: {exc}") from None
        _check_shapes(path, model, header)
        import empathylab

        saved = header.get("library_version")
        if saved != empathylab.__version__:
            warnings.warn(
                f"'{path}' was saved by empathylab {saved}, this is {empathylab.__version__}: "
                "the lexicon features come from the installed lexicons, so probabilities can "
                "differ slightly; refit the model to be sure.",
                UserWarning,
                stacklevel=2,
            )
        return model
