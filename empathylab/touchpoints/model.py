"""``TouchpointModel``: a multi-label touchpoint classifier trained on the analyst's labels.

The default taxonomy knows customer journeys in general; an analyst with labelled
feedback of their own domain (a railway's "Zugfahrt", a bank's "Online-Banking")
trains :class:`TouchpointModel` in one call. It is a scikit-learn estimator
(``fit(texts, list_of_label_lists)``, ``predict`` -> list of label lists,
``predict_proba``, ``classes_``; it works in a ``Pipeline`` and with
``cross_val_score``) and is saved as JSON or ``.npz``, never as a pickle.

Features, one sparse matrix:

* word 1-2-grams and character 3-5-grams inside word boundaries, each TF-IDF with
  sublinear term frequency and L2-normalised rows (vocabulary and idf learned in
  ``fit``; n-grams of at least ``min_df`` training texts);
* the taxonomy's matches (default: the default taxonomy): ``log(1 + n)`` for the
  number ``n`` of matches of every touchpoint, times ``taxonomy_weight``. They
  carry what the taxonomy knows about words the training rows lack, so a few
  dozen labelled rows per class go further.

On top: one L2 logistic regression per class (one-vs-rest, ``liblinear``) on the
features scaled by the class's naive-Bayes log-count ratios (NB-LR, as in Wang &
Manning's NBSVM, 2012): a feature that is much more frequent in the class's texts
than in the others weighs more, which lets a class with a dozen texts stand out
among tens of thousands of n-grams. ``class_weight="balanced"`` (the default)
weighs a class's positive and negative texts inversely to their frequency. A text
gets every class whose probability reaches the class's threshold ``thresholds_``;
the thresholds maximise each class's F1 on out-of-fold probabilities of an inner
cross-validation over the training rows (``threshold_cv`` folds; the ratios and
regressions are refitted in every inner fold; the TF-IDF vocabulary and idf are
those of all training rows, which see no labels). ``at_least_one=True`` gives a
text without any class above its threshold the class closest to its threshold.

How well it does is measured by ``benchmarks/touchpoint_model.py`` (GermEval 2017
aspect categories; figures in BENCHMARKS.md, section Touchpoints).
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from numbers import Integral, Real
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.base import BaseEstimator
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import KFold
from sklearn.utils.validation import check_is_fitted

from .._validation import check_argument
from ..exceptions import InsufficientDataError, ModelFormatError, SmallSampleWarning
from ..sentiment.model import _as_texts, _check_range, _TfidfBlock, normalize_texts
from ._matcher import match_table
from ._model_io import FORMAT, FORMAT_VERSION, SUFFIXES, read_model_file, write_model_file
from ._taxonomy import Taxonomy, load_taxonomy

__all__ = ["TouchpointModel"]

MIN_ROWS = 10
_FEW_ROWS = 50
_MIN_PER_CLASS = 2
_LANGS = ("auto", "de", "en", "all")


def _as_label_lists(labels: Any, n: int) -> list[list[Any]]:
    if isinstance(labels, str):
        raise TypeError(
            "`labels` must be a list with one list of labels per text, but a str was passed."
        )
    items = labels.tolist() if isinstance(labels, pd.Series | np.ndarray) else list(labels)
    if len(items) != n:
        raise ValueError(
            f"`texts` has {n} rows but `labels` has {len(items)}; pass one list of labels "
            "per text (an empty list for a text without a touchpoint)."
        )
    out: list[list[Any]] = []
    for i, item in enumerate(items):
        if isinstance(item, str) or not isinstance(item, Sequence | set | frozenset | np.ndarray):
            raise TypeError(
                f"`labels` must hold one list of labels per text, but item {i} is "
                f"{item!r} ({type(item).__name__}); write [{item!r}] for a single label, [] "
                "for none."
            )
        values = list(dict.fromkeys(np.asarray(list(item), dtype=object).tolist()))
        bad = [v for v in values if not isinstance(v, str | int) or isinstance(v, bool)]
        if bad:
            raise TypeError(
                f"labels must be str (or int), but item {i} holds {bad[0]!r} "
                f"({type(bad[0]).__name__})."
            )
        out.append(values)
    return out


def _best_threshold(p: np.ndarray, y: np.ndarray) -> float:
    """The probability cut that maximises F1 of ``y`` (0/1) on scores ``p``."""
    positives = int(y.sum())
    if positives == 0:
        return 1.0
    order = np.argsort(-p, kind="stable")
    ps, ys = p[order], y[order]
    tp = np.cumsum(ys)
    k = np.arange(1, len(ps) + 1)
    f1 = 2 * tp / (k + positives)
    # only cut between distinct scores
    last = np.r_[ps[1:] != ps[:-1], True]
    f1 = np.where(last, f1, -1.0)
    best = int(np.argmax(f1))
    below = ps[best + 1] if best + 1 < len(ps) else 0.0
    return float((ps[best] + below) / 2)


class TouchpointModel(BaseEstimator):
    """Multi-label touchpoint classifier for German and English feedback.

    Word and character n-grams (TF-IDF) plus the taxonomy's match counts feed one
    logistic regression per touchpoint, with per-class thresholds chosen by an
    inner cross-validation on the training rows (see the module docstring).

    Parameters
    ----------
    taxonomy : "default", dict, str, Path, Taxonomy or None, default="default"
        Taxonomy whose matches are features (:func:`load_taxonomy`); None leaves
        them out. It is stored with the model, so a loaded model matches as it
        did when saved.
    lang : {"auto", "de", "en", "all"}, default="auto"
        Language of the texts for the taxonomy's language-bound terms (as in
        :func:`assign_touchpoints`).
    taxonomy_weight : float, default=0.3
        Factor on the taxonomy features (the TF-IDF rows have unit length; the
        default was chosen by cross-validation on GermEval 2017, where 1.0 let
        the taxonomy features crowd out the n-grams of the specific classes).
    word_ngram_range : (int, int) or None, default=(1, 2)
        Lengths of the word n-grams; None leaves them out.
    char_ngram_range : (int, int) or None, default=(3, 5)
        Lengths of the character n-grams inside word boundaries; None leaves them out.
    min_df : int, default=2
        Keep only n-grams that occur in at least this many training texts.
    max_features : int or None, default=None
        Keep at most this many n-grams per kind, the most frequent.
    C : float, default=10.0
        Inverse strength of the L2 penalty of each logistic regression.
    nb_alpha : float, default=1.0
        Smoothing of the naive-Bayes log-count ratios that scale every class's
        features (NB-LR, Wang & Manning 2012); 0 turns the scaling off (plain
        logistic regression on the features).
    class_weight : "balanced" or None, default="balanced"
        ``"balanced"`` weighs the positive and negative texts of every class
        inversely to their frequency.
    threshold_cv : int, default=5
        Folds of the inner cross-validation that chooses the thresholds; 0 or 1
        use 0.5 for every class.
    at_least_one : bool, default=False
        Give every text at least one label (the one whose probability is closest
        to, or furthest above, its threshold).
    normalize_text : bool, default=True
        Links become ``URL``, ``@handles`` ``@USER``, HTML entities are unescaped
        (:func:`empathylab.sentiment.model.normalize_texts`) before the n-grams.
    random_state : int, default=0
        Seed of the inner folds.

    Attributes
    ----------
    classes_ : numpy.ndarray
        The labels seen in ``fit``, sorted; the columns of :meth:`predict_proba`.
    thresholds_ : numpy.ndarray of shape (n_classes,)
        Probability thresholds per class.
    coef_ : numpy.ndarray of shape (n_classes, n_features)
    intercept_ : numpy.ndarray of shape (n_classes,)
    blocks_ : list
        The TF-IDF blocks (vocabulary and idf).
    taxonomy_ : Taxonomy or None
        The taxonomy of the features.

    Examples
    --------
    >>> texts = ["Paket kam nicht an", "Lieferung zu spät", "Hotline nie erreichbar",
    ...          "Am Telefon niemand", "Rechnung falsch", "Doppelt abgebucht"] * 10
    >>> labels = [["delivery"], ["delivery", "waiting_time"], ["hotline"], ["hotline"],
    ...           ["billing"], ["billing"]] * 10
    >>> model = TouchpointModel().fit(texts, labels)
    >>> model.classes_.tolist()
    ['billing', 'delivery', 'hotline', 'waiting_time']
    >>> model.predict(["Die Rechnung stimmt nicht", "Niemand an der Hotline"])
    [['billing'], ['hotline']]
    """

    def __init__(
        self,
        *,
        taxonomy: Any = "default",
        lang: str = "auto",
        taxonomy_weight: float = 0.3,
        word_ngram_range: tuple[int, int] | None = (1, 2),
        char_ngram_range: tuple[int, int] | None = (3, 5),
        min_df: int = 2,
        max_features: int | None = None,
        C: float = 10.0,
        nb_alpha: float = 1.0,
        class_weight: str | None = "balanced",
        threshold_cv: int = 5,
        at_least_one: bool = False,
        normalize_text: bool = True,
        random_state: int = 0,
    ) -> None:
        self.taxonomy = taxonomy
        self.lang = lang
        self.taxonomy_weight = taxonomy_weight
        self.word_ngram_range = word_ngram_range
        self.char_ngram_range = char_ngram_range
        self.min_df = min_df
        self.max_features = max_features
        self.C = C
        self.nb_alpha = nb_alpha
        self.class_weight = class_weight
        self.threshold_cv = threshold_cv
        self.at_least_one = at_least_one
        self.normalize_text = normalize_text
        self.random_state = random_state

    def __sklearn_tags__(self) -> Any:
        tags = super().__sklearn_tags__()
        tags.input_tags.two_d_array = False
        tags.input_tags.string = True
        tags.target_tags.multi_output = True
        return tags

    # ------------------------------------------------------------------ checks
    def _check_params(self) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
        check_argument("lang", _LANGS, self.lang)
        check_argument("class_weight", ["balanced", None], self.class_weight)
        for name in ("at_least_one", "normalize_text"):
            if not isinstance(getattr(self, name), bool | np.bool_):
                raise TypeError(
                    f"`{name}` must be True or False, but {getattr(self, name)!r} was passed."
                )
        word = _check_range("word_ngram_range", self.word_ngram_range)
        char = _check_range("char_ngram_range", self.char_ngram_range)
        if word is None and char is None and self.taxonomy is None:
            raise ValueError(
                "no features: `word_ngram_range` and `char_ngram_range` are None and "
                "`taxonomy` is None; keep at least one of them."
            )
        for name, low in (("min_df", 1), ("threshold_cv", 0), ("random_state", 0)):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, Integral) or int(value) < low:
                raise ValueError(f"`{name}` must be an integer >= {low}, but {value!r} was passed.")
        if self.max_features is not None and (
            isinstance(self.max_features, bool) or not isinstance(self.max_features, Integral)
            or self.max_features < 1
        ):
            raise ValueError(
                f"`max_features` must be None or a positive integer, but {self.max_features!r} "
                "was passed."
            )
        for name, strict in (("C", True), ("taxonomy_weight", False), ("nb_alpha", False)):
            value = getattr(self, name)
            ok = isinstance(value, Real) and not isinstance(value, bool) and (
                float(value) > 0 if strict else float(value) >= 0)
            if not ok:
                kind = "positive" if strict else "non-negative"
                raise ValueError(f"`{name}` must be a {kind} number, but {value!r} was passed.")
        return word, char

    def _prepare(self, texts: Any) -> pd.Series:
        series = _as_texts(texts)
        return normalize_texts(series) if self.normalize_text else series

    # ------------------------------------------------------------------ features
    def _taxonomy_features(self, raw: pd.Series, tax: Taxonomy | None) -> sp.csr_matrix:
        if tax is None:
            return sp.csr_matrix((len(raw), 0))
        matches = match_table(raw.reset_index(drop=True), tax, lang=self.lang)
        col = {k: i for i, k in enumerate(tax.keys)}
        counts = sp.coo_matrix(
            (np.ones(len(matches)), (matches["row"].to_numpy(),
                                     matches["touchpoint"].map(col).to_numpy(np.int64))),
            shape=(len(raw), len(tax)),
        ).tocsr()
        counts.sum_duplicates()
        counts.data = np.log1p(counts.data) * float(self.taxonomy_weight)
        return counts

    def _features(self, texts: Any) -> tuple[sp.csr_matrix, pd.Series]:
        raw = _as_texts(texts)
        prepared = normalize_texts(raw) if self.normalize_text else raw
        parts = [b.transform(prepared) for b in self.blocks_]
        parts.append(self._taxonomy_features(raw, self.taxonomy_))
        return sp.csr_matrix(sp.hstack(parts, format="csr")), raw

    # ------------------------------------------------------------------ fit
    def fit(self, texts: Any, labels: Any) -> TouchpointModel:
        """Learn the vocabularies, one classifier per touchpoint and its threshold.

        Parameters
        ----------
        texts : pandas.Series, list or 1-D array of str, or a one-column DataFrame
            Training texts; every value must be a str.
        labels : list-like of list-likes
            The touchpoints of every text, e.g. ``[["delivery"], [], ["billing",
            "hotline"]]``; every class needs at least two texts with and one
            without it.

        Returns
        -------
        TouchpointModel
            ``self``, fitted.

        Raises
        ------
        TypeError
            When a text is not a str, or an item of ``labels`` is not a list.
        ValueError
            When ``texts`` and ``labels`` differ in length, or a parameter is invalid.
        InsufficientDataError
            With fewer than 10 rows, no label at all, or a class on fewer than two
            texts (or on all of them).

        Warns
        -----
        SmallSampleWarning
            With fewer than 50 rows.
        """
        word, char = self._check_params()
        raw = _as_texts(texts)
        n = len(raw)
        y_lists = _as_label_lists(labels, n)
        if n < MIN_ROWS:
            raise InsufficientDataError(
                f"`texts` has {n} rows; TouchpointModel needs at least {MIN_ROWS} labelled texts "
                "(better a few dozen per touchpoint)."
            )
        classes = np.asarray(sorted({v for row in y_lists for v in row}, key=lambda v: (
            type(v).__name__, v)), dtype=object)
        if not len(classes):
            raise InsufficientDataError("`labels` holds no label at all; label some texts first.")
        if all(isinstance(c, str) for c in classes):
            classes = classes.astype(str)
        index = {c: i for i, c in enumerate(classes.tolist())}
        y = np.zeros((n, len(classes)), dtype=np.int8)
        for r, row in enumerate(y_lists):
            for v in row:
                y[r, index[v]] = 1
        counts = y.sum(axis=0)
        rare = [str(c) for c, k in zip(classes, counts, strict=True) if k < _MIN_PER_CLASS]
        if rare:
            raise InsufficientDataError(
                f"class(es) {rare} of `labels` are on fewer than {_MIN_PER_CLASS} texts; label "
                "more texts of them or drop them."
            )
        full = [str(c) for c, k in zip(classes, counts, strict=True) if k == n]
        if full:
            raise InsufficientDataError(
                f"class(es) {full} are on every text, so there is nothing to learn about them; "
                "drop them."
            )
        if n < _FEW_ROWS:
            warnings.warn(
                f"TouchpointModel is fitted on {n} texts only; expect it to generalise poorly "
                "(label a few dozen texts per touchpoint).",
                SmallSampleWarning, stacklevel=2,
            )
        self.taxonomy_ = None if self.taxonomy is None else load_taxonomy(self.taxonomy)
        prepared = normalize_texts(raw) if self.normalize_text else raw
        blocks: list[_TfidfBlock] = []
        parts: list[sp.csr_matrix] = []
        for name, ngrams in (("word", word), ("char", char)):
            if ngrams is not None:
                block, matrix = _TfidfBlock.learn(name, ngrams, prepared, int(self.min_df),
                                                  self.max_features)
                blocks.append(block)
                parts.append(matrix)
        self.blocks_ = blocks
        parts.append(self._taxonomy_features(raw, self.taxonomy_))
        X = sp.csr_matrix(sp.hstack(parts, format="csr"))

        self.classes_ = classes
        self.coef_, self.intercept_ = self._fit_linear(X, y)
        self.thresholds_ = self._choose_thresholds(X, y)
        self.n_features_ = int(X.shape[1])
        return self

    def _fit_linear(self, X: sp.csr_matrix, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """One NB-weighted logistic regression per class; weights in the original space."""
        binary = X.copy()
        binary.data = (binary.data != 0).astype(np.float64)
        coef = np.zeros((y.shape[1], X.shape[1]))
        intercept = np.zeros(y.shape[1])
        alpha = float(self.nb_alpha)
        for j in range(y.shape[1]):
            target = y[:, j]
            if target.min() == target.max():  # a class absent from an inner fold
                intercept[j] = 20.0 if target[0] else -20.0
                continue
            if alpha > 0:  # log-count ratio of the features (Wang & Manning 2012)
                pos = target.astype(bool)
                p = alpha + np.asarray(binary[pos].sum(axis=0)).ravel()
                q = alpha + np.asarray(binary[~pos].sum(axis=0)).ravel()
                ratio = np.log((p / p.sum()) / (q / q.sum()))
                design = sp.csr_matrix(X.multiply(ratio))
            else:
                ratio = np.ones(X.shape[1])
                design = X
            clf = LogisticRegression(C=float(self.C), class_weight=self.class_weight,
                                     solver="liblinear", dual=True, max_iter=2000)
            clf.fit(design, target)
            coef[j] = clf.coef_[0] * ratio
            intercept[j] = clf.intercept_[0]
        return coef, intercept

    def _choose_thresholds(self, X: sp.csr_matrix, y: np.ndarray) -> np.ndarray:
        k = int(self.threshold_cv)
        if k < 2:
            return np.full(y.shape[1], 0.5)
        k = min(k, len(y))
        oof = np.zeros(y.shape, dtype=float)
        folds = KFold(n_splits=k, shuffle=True, random_state=int(self.random_state))
        for train, test in folds.split(X):
            coef, intercept = self._fit_linear(X[train], y[train])
            oof[test] = _sigmoid(np.asarray(X[test] @ coef.T) + intercept)
        return np.asarray([_best_threshold(oof[:, j], y[:, j]) for j in range(y.shape[1])])

    # ------------------------------------------------------------------ predict
    def _proba(self, texts: Any) -> tuple[np.ndarray, pd.Series]:
        check_is_fitted(self)
        X, raw = self._features(texts)
        return _sigmoid(np.asarray(X @ self.coef_.T) + self.intercept_), raw

    def predict_proba(self, texts: Any) -> pd.DataFrame:
        """Probability of every class (one-vs-rest: rows need not sum to 1).

        Parameters
        ----------
        texts : pandas.Series, list or 1-D array of str, or a one-column DataFrame

        Returns
        -------
        pandas.DataFrame
            One float column per class of ``classes_``; indexed like ``texts``
            (a Series) or 0..n-1.
        """
        proba, raw = self._proba(texts)
        return pd.DataFrame(proba, index=raw.index.copy(), columns=list(self.classes_))

    def predict(self, texts: Any) -> list[list[Any]]:
        """The touchpoints of every text: classes whose probability reaches ``thresholds_``.

        Parameters
        ----------
        texts : pandas.Series, list or 1-D array of str, or a one-column DataFrame

        Returns
        -------
        list of list
            One list of labels per text, in ``classes_`` order (empty when none
            reaches its threshold, unless ``at_least_one``).
        """
        proba, _ = self._proba(texts)
        return self._decide(proba)

    def _decide(self, proba: np.ndarray) -> list[list[Any]]:
        chosen = proba >= self.thresholds_
        if self.at_least_one and len(proba):
            empty = ~chosen.any(axis=1)
            if empty.any():
                margin = proba[empty] - self.thresholds_
                chosen[np.flatnonzero(empty), margin.argmax(axis=1)] = True
        classes = self.classes_.tolist()
        return [[classes[j] for j in np.flatnonzero(row)] for row in chosen]

    def score(self, texts: Any, labels: Any) -> float:
        """Micro-averaged F1 of :meth:`predict` against ``labels`` (list of label lists).

        Parameters
        ----------
        texts : list-like of str
        labels : list-like of list-likes

        Returns
        -------
        float
        """
        truth = _as_label_lists(labels, len(_as_texts(texts)))
        predicted = self.predict(texts)
        tp = sum(len(set(t) & set(p)) for t, p in zip(truth, predicted, strict=True))
        n_true = sum(len(set(t)) for t in truth)
        n_pred = sum(len(set(p)) for p in predicted)
        return 0.0 if n_true + n_pred == 0 else 2.0 * tp / (n_true + n_pred)

    # ------------------------------------------------------------------ persistence
    def save(self, path: str | Path) -> Path:
        """Write the fitted model as JSON (``.json``) or NumPy arrays (``.npz``), never pickle.

        The file holds the parameters, the taxonomy (as a mapping), the n-gram
        vocabularies and idf, coefficients, intercepts, thresholds and classes.

        Parameters
        ----------
        path : str or pathlib.Path
            File name ending in ``.json`` or ``.npz``.

        Returns
        -------
        pathlib.Path

        Examples
        --------
        >>> import tempfile
        >>> texts = ["Paket kam nicht", "Lieferung spät", "Hotline schlecht",
        ...          "Telefon besetzt"] * 13
        >>> labels = [["delivery"], ["delivery"], ["hotline"], ["hotline"]] * 13
        >>> model = TouchpointModel(threshold_cv=0).fit(texts, labels)
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     again = TouchpointModel.load(model.save(f"{tmp}/model.npz"))
        >>> again.predict(["Paket verloren"]) == model.predict(["Paket verloren"])
        True
        """
        import empathylab

        check_is_fitted(self)
        path = Path(path)
        if path.suffix.lower() not in SUFFIXES:
            raise ValueError(
                f"`path` must end in '.json' or '.npz', but {str(path)!r} was passed; a "
                "TouchpointModel is saved as JSON or NumPy arrays, never pickle."
            )
        params = self.get_params(deep=False)
        params["taxonomy"] = None if self.taxonomy_ is None else "<stored>"
        for key in ("word_ngram_range", "char_ngram_range"):
            if params[key] is not None:
                params[key] = [int(v) for v in params[key]]
        for key, kind in (("C", float), ("taxonomy_weight", float), ("nb_alpha", float),
                          ("min_df", int),
                          ("threshold_cv", int), ("random_state", int)):
            params[key] = kind(params[key])
        if params["max_features"] is not None:
            params["max_features"] = int(params["max_features"])
        params["at_least_one"] = bool(params["at_least_one"])
        params["normalize_text"] = bool(params["normalize_text"])
        header = {
            "format": FORMAT, "format_version": FORMAT_VERSION,
            "library_version": empathylab.__version__, "params": params,
            "classes": [c.item() if isinstance(c, np.generic) else c for c in self.classes_],
            "taxonomy": None if self.taxonomy_ is None else self.taxonomy_.to_dict(),
            "blocks": [{"name": b.name, "ngram_range": list(b.ngram_range)}
                       for b in self.blocks_],
            "n_features": self.n_features_,
        }
        arrays = {"coef": self.coef_, "intercept": self.intercept_,
                  "thresholds": self.thresholds_}
        arrays |= {f"{b.name}_idf": b.idf for b in self.blocks_}
        return write_model_file(path, header, arrays,
                                {b.name: b.vocabulary for b in self.blocks_})

    @classmethod
    def load(cls, path: str | Path) -> TouchpointModel:
        """Read a model written by :meth:`save` (``.json`` or ``.npz``; never a pickle).

        Parameters
        ----------
        path : str or pathlib.Path

        Returns
        -------
        TouchpointModel
            Fitted; predicts as the saved model did.

        Raises
        ------
        FileNotFoundError
            When there is no such file.
        ModelFormatError
            When the file is not a TouchpointModel file of a known format version, is
            damaged, or holds pickled data; the message names the file.
        """
        path = Path(path)
        if path.suffix.lower() not in SUFFIXES:
            raise ModelFormatError(
                f"'{path}' is not a TouchpointModel file: the name must end in '.json' or "
                f"'.npz', not {path.suffix!r}. TouchpointModel files are never pickles."
            )
        if not path.is_file():
            raise FileNotFoundError(f"no TouchpointModel file at '{path}'.")
        header, arrays = read_model_file(path)
        try:
            params = dict(header["params"])
            stored = header.get("taxonomy")
            taxonomy = None if stored is None else load_taxonomy(stored)
            params["taxonomy"] = taxonomy
            for key in ("word_ngram_range", "char_ngram_range"):
                if isinstance(params.get(key), list):
                    params[key] = tuple(params[key])
            model = cls(**params)
            model._check_params()
            model.taxonomy_ = taxonomy
            model.classes_ = np.asarray(header["classes"], dtype=object)
            if all(isinstance(c, str) for c in model.classes_):
                model.classes_ = model.classes_.astype(str)
            model.blocks_ = [
                _TfidfBlock(str(meta["name"]),
                            (int(meta["ngram_range"][0]), int(meta["ngram_range"][1])),
                            [str(t) for t in arrays[f"{meta['name']}_terms"]],
                            np.asarray(arrays[f"{meta['name']}_idf"], np.float64))
                for meta in header["blocks"]
            ]
            model.coef_ = np.asarray(arrays["coef"], np.float64)
            model.intercept_ = np.asarray(arrays["intercept"], np.float64)
            model.thresholds_ = np.asarray(arrays["thresholds"], np.float64)
            model.n_features_ = int(header["n_features"])
        except (KeyError, TypeError, ValueError, IndexError) as exc:
            raise ModelFormatError(f"'{path}' is damaged: {type(exc).__name__}: {exc}") from None
        n_tax = 0 if model.taxonomy_ is None else len(model.taxonomy_)
        n_features = sum(len(b.vocabulary) for b in model.blocks_) + n_tax
        k = len(model.classes_)
        problems = []
        if model.coef_.shape != (k, n_features) or n_features != model.n_features_:
            problems.append(f"coef has shape {model.coef_.shape}, expected {(k, n_features)}")
        if model.intercept_.shape != (k,) or model.thresholds_.shape != (k,):
            problems.append("intercept or thresholds do not match the classes")
        problems += [f"the {b.name} block has {len(b.vocabulary)} terms but {b.idf.size} idf "
                     "values" for b in model.blocks_ if b.idf.shape != (len(b.vocabulary),)]
        if problems:
            raise ModelFormatError(f"'{path}' is damaged: {'; '.join(problems)}.")
        return model


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return np.asarray(1.0 / (1.0 + np.exp(-np.clip(z, -500, 500))))
