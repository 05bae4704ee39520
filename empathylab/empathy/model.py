"""``EmpathyModel``: reply empathy learned from a team's own labelled replies.

:func:`~empathylab.empathy_score` knows empathic language in general; a team that
rates some of its own replies (empathic or not, or levels 0/1/2) can fit
:class:`EmpathyModel` on them. It is a scikit-learn classifier (``fit``,
``predict``, ``predict_proba``, ``classes_``; usable in ``Pipeline`` and
``GridSearchCV``), saved as JSON or ``.npz``, never as a pickle.

Features, concatenated into one sparse matrix:

* the rule scores of :func:`~empathylab.empathy_score` (:data:`RULE_FEATURES`:
  the five mechanisms, politeness, harshness, sympathy_only, empathy / 100; a missing
  personalization, without context, is 0), standardised with the training mean and
  standard deviation;
* word 1-2-grams and character 2-5-grams within word boundaries, each TF-IDF with
  sublinear term frequency and L2-normalised rows (vocabulary and idf learned in
  ``fit``).

On top: a logistic regression (L2; multinomial for more than two classes, so ordinal
levels are treated as classes), ``class_weight="balanced"`` by default.
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
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.linear_model import LogisticRegression
from sklearn.utils.validation import check_is_fitted

from .._model_files import write_model_file
from .._validation import check_argument
from ..exceptions import InsufficientDataError, ModelFormatError, SmallSampleWarning
from ..sentiment.model import _TfidfBlock
from ._api import _aligned, _as_series, _texts, empathy_score

__all__ = ["FORMAT", "FORMAT_VERSION", "RULE_FEATURES", "EmpathyModel"]

#: Rule features, in the order of the feature matrix.
RULE_FEATURES = ("emotional_reaction", "interpretation", "exploration", "personalization",
                 "ownership", "politeness", "harshness", "sympathy_only", "empathy")
FORMAT = "empathylab.EmpathyModel"
FORMAT_VERSION = 1
MIN_ROWS = 10
_FEW_ROWS = 100
_SUFFIXES = (".json", ".npz")


def _rule_matrix(replies: pd.Series, context: Any, lang: str) -> np.ndarray:
    scores = empathy_score(replies, context=context, lang=lang)
    out = scores[list(RULE_FEATURES)].astype(float).to_numpy()
    out[:, RULE_FEATURES.index("empathy")] /= 100.0
    return np.ascontiguousarray(np.nan_to_num(out))


class EmpathyModel(ClassifierMixin, BaseEstimator):
    """Empathy classifier on rule scores plus word and character TF-IDF.

    Parameters
    ----------
    lang : {"auto", "de", "en"}, default="auto"
        Language of the replies for the rule scores (``"auto"``: per row).
    rules : bool, default=True
        Use the rule scores of :func:`~empathylab.empathy_score` as features.
    word_ngram_range, char_ngram_range : tuple of int or None, default=(1, 2), (2, 5)
        N-gram ranges of the TF-IDF blocks; None leaves a block out.
    min_df : int, default=2
        Minimum number of training replies an n-gram must occur in.
    max_features : int or None, default=50000
        Keep at most this many n-grams per block (the most frequent).
    C : float, default=1.0
        Inverse regularisation strength of the logistic regression.
    class_weight : "balanced", dict or None, default="balanced"
    max_iter : int, default=1000

    Attributes
    ----------
    classes_ : ndarray
        The labels seen in ``fit``.
    blocks_ : list
        The fitted TF-IDF blocks.
    rule_mean_, rule_scale_ : ndarray
        Standardisation of the rule features.
    coef_, intercept_ : ndarray
        Logistic-regression coefficients.

    Examples
    --------
    >>> replies = ["I can imagine how annoying that is; which size did you order?",
    ...            "We apologize for the inconvenience."] * 50
    >>> model = EmpathyModel().fit(replies, [1, 0] * 50)
    >>> model.predict(["That must be frustrating, what happened?",
    ...                "Sorry for the inconvenience."]).tolist()
    [1, 0]
    """

    def __init__(
        self,
        *,
        lang: str = "auto",
        rules: bool = True,
        word_ngram_range: tuple[int, int] | None = (1, 2),
        char_ngram_range: tuple[int, int] | None = (2, 5),
        min_df: int = 2,
        max_features: int | None = 50000,
        C: float = 1.0,
        class_weight: str | dict[Any, float] | None = "balanced",
        max_iter: int = 1000,
    ) -> None:
        self.lang = lang
        self.rules = rules
        self.word_ngram_range = word_ngram_range
        self.char_ngram_range = char_ngram_range
        self.min_df = min_df
        self.max_features = max_features
        self.C = C
        self.class_weight = class_weight
        self.max_iter = max_iter

    # ------------------------------------------------------------------ checks
    def _check_params(self) -> None:
        check_argument("lang", ["auto", "de", "en"], self.lang)
        for name in ("word_ngram_range", "char_ngram_range"):
            value = getattr(self, name)
            if value is not None and not (
                isinstance(value, Sequence) and len(value) == 2
                and all(isinstance(v, Integral) and int(v) >= 1 for v in value)
                and int(value[0]) <= int(value[1])
            ):
                raise ValueError(f"`{name}` must be None or a pair (low, high) of ints with "
                                 f"1 <= low <= high, but {value!r} was passed.")
        if not self.rules and self.word_ngram_range is None and self.char_ngram_range is None:
            raise ValueError("EmpathyModel needs features: set `rules=True` or an n-gram range.")
        if not isinstance(self.min_df, Integral) or self.min_df < 1:
            raise ValueError(f"`min_df` must be an int >= 1, but {self.min_df!r} was passed.")
        if self.max_features is not None and (
            not isinstance(self.max_features, Integral) or self.max_features < 1
        ):
            raise ValueError(f"`max_features` must be None or an int >= 1, but "
                             f"{self.max_features!r} was passed.")
        if not isinstance(self.C, Real) or not self.C > 0:
            raise ValueError(f"`C` must be a positive number, but {self.C!r} was passed.")

    def _blocks_spec(self) -> list[tuple[str, tuple[int, int]]]:
        spec = []
        if self.word_ngram_range is not None:
            spec.append(("word", tuple(self.word_ngram_range)))
        if self.char_ngram_range is not None:
            spec.append(("char", tuple(self.char_ngram_range)))
        return spec  # type: ignore[return-value]

    def _inputs(self, replies: Any, context: Any) -> tuple[pd.Series, Any]:
        series = _texts(_as_series(replies, "replies"))
        ctx = None if context is None else _texts(_aligned(context, series, "context"))
        return series, ctx

    def _features(self, series: pd.Series, ctx: Any, fit: bool) -> sp.csr_matrix:
        text = series.fillna("").astype(str)
        parts = []
        if fit:
            self.blocks_ = []
            for name, ngram in self._blocks_spec():
                block, matrix = _TfidfBlock.learn(name, ngram, text, self.min_df,
                                                  self.max_features)
                self.blocks_.append(block)
                parts.append(matrix)
        else:
            parts = [b.transform(text) for b in self.blocks_]
        if self.rules:
            rules = _rule_matrix(series, ctx, self.lang)
            if fit:
                self.rule_mean_ = rules.mean(axis=0)
                scale = rules.std(axis=0)
                self.rule_scale_ = np.where(scale > 0, scale, 1.0)
            parts.append(sp.csr_matrix((rules - self.rule_mean_) / self.rule_scale_))
        elif fit:
            self.rule_mean_ = np.zeros(0)
            self.rule_scale_ = np.zeros(0)
        return sp.csr_matrix(sp.hstack(parts, format="csr"))

    # ------------------------------------------------------------------ estimator
    def fit(self, replies: Any, y: Any, context: Any = None) -> EmpathyModel:
        """Fit on labelled replies.

        Parameters
        ----------
        replies : pandas.Series or list of str
        y : array-like
            One label per reply: 0/1, ordinal levels (0, 1, 2, ...) or names.
        context : pandas.Series or list of str, optional
            The customer message each reply answers (for personalization).

        Returns
        -------
        EmpathyModel
            ``self``, fitted.
        """
        self._check_params()
        series, ctx = self._inputs(replies, context)
        labels = np.asarray(list(y) if not isinstance(y, np.ndarray) else y)
        if labels.ndim != 1 or len(labels) != len(series):
            raise ValueError(f"`y` must hold one label per reply ({len(series)}), but has shape "
                             f"{labels.shape}.")
        if pd.isna(pd.Series(labels, dtype=object)).any():
            raise ValueError("`y` has missing labels; drop those replies before fitting.")
        if len(series) < MIN_ROWS:
            raise InsufficientDataError(f"EmpathyModel needs at least {MIN_ROWS} labelled "
                                        f"replies, but {len(series)} were passed.")
        if len(np.unique(labels)) < 2:
            raise InsufficientDataError(f"`y` has only one class ({labels[0]!r}); label "
                                        "empathic and non-empathic replies.")
        if len(series) < _FEW_ROWS:
            warnings.warn(f"only {len(series)} labelled replies: the model will be unstable; "
                          f"label {_FEW_ROWS} or more.", SmallSampleWarning, stacklevel=2)
        x = self._features(series, ctx, fit=True)
        clf = LogisticRegression(C=float(self.C), class_weight=self.class_weight,
                                 max_iter=int(self.max_iter))
        clf.fit(x, labels)
        self.classes_ = clf.classes_
        self.coef_ = clf.coef_
        self.intercept_ = clf.intercept_
        self.n_features_ = x.shape[1]
        return self

    def decision_function(self, replies: Any, context: Any = None) -> np.ndarray:
        """Linear scores (one column per class, one for two classes)."""
        check_is_fitted(self)
        series, ctx = self._inputs(replies, context)
        scores = self._features(series, ctx, fit=False) @ self.coef_.T + self.intercept_
        return np.asarray(scores).ravel() if scores.shape[1] == 1 else np.asarray(scores)

    def predict_proba(self, replies: Any, context: Any = None) -> np.ndarray:
        """Probability of each class (columns in the order of ``classes_``)."""
        scores = self.decision_function(replies, context)
        if scores.ndim == 1:
            p = 1.0 / (1.0 + np.exp(-scores))
            return np.column_stack([1 - p, p])
        scores = scores - scores.max(axis=1, keepdims=True)
        e = np.exp(scores)
        return e / e.sum(axis=1, keepdims=True)

    def predict(self, replies: Any, context: Any = None) -> np.ndarray:
        """The most probable class of each reply."""
        return self.classes_[np.argmax(self.predict_proba(replies, context), axis=1)]

    # ------------------------------------------------------------------ persistence
    def save(self, path: str | Path) -> Path:
        """Write the fitted model as JSON (``.json``) or NumPy arrays (``.npz``), never pickle.

        Parameters
        ----------
        path : str or pathlib.Path
            File name ending in ``.json`` or ``.npz``.

        Returns
        -------
        pathlib.Path
            The file written.
        """
        check_is_fitted(self)
        import empathylab

        path = Path(path)
        if path.suffix.lower() not in _SUFFIXES:
            raise ValueError(f"`path` must end in '.json' or '.npz', but {str(path)!r} was "
                             "passed; an EmpathyModel is saved as JSON or NumPy arrays.")
        params = self.get_params(deep=False)
        for key in ("word_ngram_range", "char_ngram_range"):
            if params[key] is not None:
                params[key] = [int(v) for v in params[key]]
        if isinstance(params["class_weight"], dict):
            params["class_weight"] = {"pairs": [[_scalar(k), float(v)]
                                                for k, v in params["class_weight"].items()]}
        header = {"format": FORMAT, "format_version": FORMAT_VERSION,
                  "library_version": empathylab.__version__, "params": params,
                  "classes": [_scalar(c) for c in self.classes_],
                  "classes_kind": self.classes_.dtype.kind,
                  "blocks": [{"name": b.name, "ngram_range": list(b.ngram_range)}
                             for b in self.blocks_],
                  "rule_features": list(RULE_FEATURES) if self.rules else [],
                  "n_features": int(self.n_features_)}
        arrays = {"coef": self.coef_, "intercept": self.intercept_,
                  "rule_mean": self.rule_mean_, "rule_scale": self.rule_scale_}
        arrays |= {f"{b.name}_idf": b.idf for b in self.blocks_}
        return write_model_file(path, header, arrays,
                                {b.name: list(b.vocabulary) for b in self.blocks_})

    @classmethod
    def load(cls, path: str | Path) -> EmpathyModel:
        """Read a model written by :meth:`save` (``.json`` or ``.npz``; never a pickle).

        Raises
        ------
        FileNotFoundError
            When there is no such file.
        ModelFormatError
            When the file is not an EmpathyModel file of a known format version, is
            damaged, or holds pickled data; the message names the file.
        """
        from ._model_io import read_model

        path = Path(path)
        if path.suffix.lower() not in _SUFFIXES:
            raise ModelFormatError(f"'{path}' is not an EmpathyModel file: the name must end "
                                   f"in '.json' or '.npz', not {path.suffix!r}.")
        if not path.is_file():
            raise FileNotFoundError(f"no EmpathyModel file at '{path}'.")
        header, arrays = read_model(path)
        params = dict(header["params"])
        for key in ("word_ngram_range", "char_ngram_range"):
            if isinstance(params.get(key), list):
                params[key] = tuple(params[key])
        if isinstance(params.get("class_weight"), dict):
            params["class_weight"] = dict(params["class_weight"].get("pairs", []))
        try:
            model = cls(**params)
            model._check_params()
        except (TypeError, ValueError) as exc:
            raise ModelFormatError(f"'{path}' holds invalid parameters: {exc}") from None
        try:
            kind = str(header.get("classes_kind", "O"))
            classes = np.asarray(header["classes"], dtype=object if kind in "OUS" else None)
            model.classes_ = classes.astype(str) if kind == "U" else classes
            for name in ("coef", "intercept", "rule_mean", "rule_scale"):
                setattr(model, f"{name}_", np.asarray(arrays[name], np.float64))
            model.blocks_ = [
                _TfidfBlock(str(meta["name"]), (int(meta["ngram_range"][0]),
                                                int(meta["ngram_range"][1])),
                            [str(t) for t in arrays[f"{meta['name']}_terms"]],
                            np.asarray(arrays[f"{meta['name']}_idf"], np.float64))
                for meta in header["blocks"]
            ]
            model.n_features_ = int(header["n_features"])
        except (KeyError, TypeError, ValueError, IndexError) as exc:
            raise ModelFormatError(f"'{path}' is damaged: {type(exc).__name__}: {exc}") from None
        n_rules = len(RULE_FEATURES) if model.rules else 0
        n = sum(len(b.vocabulary) for b in model.blocks_) + n_rules
        rows = 1 if len(model.classes_) == 2 else len(model.classes_)
        problems = []
        if model.coef_.shape != (rows, n) or n != model.n_features_:
            problems.append(f"coef has shape {model.coef_.shape}, expected {(rows, n)}")
        if model.intercept_.shape != (rows,):
            problems.append(f"intercept has shape {model.intercept_.shape}")
        if model.rule_mean_.shape != (n_rules,) or model.rule_scale_.shape != (n_rules,):
            problems.append("the rule scaling does not match `rules`")
        if any(b.idf.shape != (len(b.vocabulary),) for b in model.blocks_):
            problems.append("a block's idf does not match its vocabulary")
        if problems:
            raise ModelFormatError(f"'{path}' is damaged: {'; '.join(problems)}.")
        import empathylab

        if header.get("library_version") != empathylab.__version__:
            warnings.warn(f"'{path}' was saved by empathylab {header.get('library_version')}, "
                          f"this is {empathylab.__version__}: the rule features come from the "
                          "installed lexicons, so probabilities can differ; refit to be sure.",
                          UserWarning, stacklevel=2)
        return model


def _scalar(value: Any) -> Any:
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, str | bool | int | float):
        return value
    raise TypeError(f"labels of type {type(value).__name__} ({value!r}) cannot be saved; fit "
                    "with str or int labels.")
