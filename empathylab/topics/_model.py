"""``TopicModel``: topics of German and English feedback, scikit-learn style."""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.exceptions import NotFittedError

from .._validation import as_texts, check_argument
from ..exceptions import DataQualityWarning, InsufficientDataError
from ._coherence import MEASURES, topic_coherence
from ._features import build_vocabulary, doc_term_matrix
from ._nndsvd import leading_svd, nndsvda
from ._result import TopicsResult, aspect_sentiment, label_topics
from ._text import Tokens, tokenize

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["TopicModel"]

METHODS = ("nmf", "lda")
_DOCS_PER_TOPIC = 3  # fewest texts with known terms per topic


def _as_series(texts: object, param: str = "texts") -> pd.Series:
    """The texts as a Series (a one-column DataFrame, a list or an array also do)."""
    return as_texts(texts, param=param)


def _check_range(value: object) -> tuple[int, int]:
    ok = (
        isinstance(value, tuple | list)
        and len(value) == 2
        and all(isinstance(v, int | np.integer) and not isinstance(v, bool) for v in value)
        and 2 <= value[0] <= value[1]
    )
    if not ok:
        raise ValueError(
            "`n_topics_range` must be a pair (low, high) of ints with 2 <= low <= high, "
            f"but {value!r} was passed."
        )
    pair: Any = value
    return int(pair[0]), int(pair[1])


class TopicModel(TransformerMixin, BaseEstimator):
    """Topics of German and English customer feedback (NMF or LDA over stems and bigrams).

    Texts are tokenised per language (German and English stop words, feedback
    filler such as "hallo", "danke", "thanks", Snowball stems; see
    :mod:`empathylab.topics._text`), frequent collocations become bigram
    features ("lange Wartezeit"), and a topic model is fitted on the
    document-term matrix: NMF on sublinear TF-IDF, or LDA on counts. With
    ``n_topics="auto"`` a model is fitted for every number of topics in
    ``n_topics_range`` and the one whose top terms are most coherent is kept
    (:mod:`empathylab.topics._coherence`; the table is ``coherence_``).

    Parameters
    ----------
    n_topics : int or "auto", default="auto"
        Number of topics, or ``"auto"`` to choose by coherence.
    lang : {"auto", "de", "en"}, default="auto"
        Language of the texts; ``"auto"`` detects it per row
        (:func:`empathylab.text.detect_language`). Rows in another language use
        both stop lists and no stemming.
    method : {"nmf", "lda"}, default="nmf"
        The factorisation.
    random_state : int, optional
        Seed of the factorisation; fitting twice with the same seed gives the
        same topics.
    n_topics_range : (int, int), default=(4, 15)
        Smallest and largest number of topics tried by ``n_topics="auto"``
        (both included; numbers that leave fewer than 3 texts or 2 terms per
        topic are skipped).
    coherence : {"npmi", "umass"}, default="npmi"
        The measure that chooses ``n_topics="auto"`` (both are recorded).
    n_top_terms : int, default=10
        Terms per topic in ``top_terms`` and in the coherence.
    min_df : int or float, default=2
        Fewest texts (int) or smallest share of texts (float) a feature must
        occur in.
    max_df : int or float, default=0.5
        Most texts or largest share a feature may occur in (drops words that
        are in every message).
    bigrams : bool, default=True
        Add collocated word pairs as features.
    min_bigram_count : int, default=3
        Fewest occurrences of a bigram.
    bigram_threshold : float, default=0.3
        Smallest NPMI of a bigram's two words over adjacent pairs.
    filler_words : bool, default=True
        Drop greetings, thanks and sign-offs (``hallo``, ``danke``, ``bitte``,
        ``thanks``, ``please``, ...): ``empathylab/topics/data/feedback_filler_*.txt``.
    stop_words : iterable of str, optional
        More words to drop (case-insensitive).
    min_topic_weight : float, default=0.3
        A text's dominant topic counts only when its share of the text's topic
        weight is at least this; otherwise ``assign`` gives NA.
    sentiment : bool, default=True
        Compute the aspect-level sentiment of every topic when fitting.
    n_examples : int, default=3
        Example texts kept per topic.
    max_iter : int, optional
        Iterations of the factorisation (default: 400 for NMF, 10 for LDA (scikit-learn's default)).

    Attributes
    ----------
    n_topics_ : int
        The number of topics fitted.
    topics_ : pandas.DataFrame
        One row per topic: ``topic`` (id 0..n-1), ``label`` (the two or three
        strongest terms in their commonest written form, "lange Wartezeit /
        Hotline"), ``top_terms`` (comma-separated, strongest first), ``size``
        (fitted texts whose dominant topic it is), ``share`` (size over the
        texts that are neither missing nor blank), ``coherence`` (NPMI of the top terms),
        ``mean_sentiment`` (mean compound, by :func:`empathylab.sentiment` at
        sentence level, of the sentences whose terms belong to this topic most,
        in texts with at least ``min_topic_weight`` of the topic: aspect level,
        not the whole review; NaN with ``sentiment=False``), ``negative_share``
        (share of those sentences labelled negative), ``n_sentences`` and
        ``example`` (the most representative text).
    examples_ : pandas.DataFrame
        ``topic``, ``rank``, ``row`` (the text's index label), ``text`` and
        ``topic_weight`` of the ``n_examples`` most representative texts of
        each topic.
    coherence_ : pandas.DataFrame
        ``n_topics``, ``npmi``, ``umass`` and ``chosen`` for every number of
        topics tried.
    assignments_ : pandas.DataFrame
        The dominant topics of the fitted texts, indexed like them (columns as
        :meth:`assign`; from the weights of the fit, which ``assign`` on the
        same texts reproduces up to the solver's tolerance).
    result_ : TopicsResult
        The result object (``.summary``, ``.plot()``, Jupyter view).
    feature_names_ : numpy.ndarray
        The features (stems, "stem stem" for bigrams).

    Examples
    --------
    >>> import empathylab as el
    >>> from empathylab.datasets import load_sample
    >>> df = load_sample("feedback_de")
    >>> texts = df.loc[df["author_role"] == "customer", "text"]
    >>> model = el.TopicModel(n_topics=8, random_state=0).fit(texts)
    >>> model.topics_.columns.tolist()[:6]
    ['topic', 'label', 'top_terms', 'size', 'share', 'coherence']
    >>> model.assign(["Die Lieferung kam zu spät, Paket beschädigt."]).columns.tolist()
    ['topic', 'label', 'topic_weight']
    """

    def __init__(
        self,
        n_topics: int | str = "auto",
        lang: str = "auto",
        method: str = "nmf",
        *,
        random_state: int | None = None,
        n_topics_range: tuple[int, int] = (4, 15),
        coherence: str = "npmi",
        n_top_terms: int = 10,
        min_df: int | float = 2,
        max_df: int | float = 0.5,
        bigrams: bool = True,
        min_bigram_count: int = 3,
        bigram_threshold: float = 0.3,
        filler_words: bool = True,
        stop_words: Iterable[str] | None = None,
        min_topic_weight: float = 0.3,
        sentiment: bool = True,
        n_examples: int = 3,
        max_iter: int | None = None,
    ) -> None:
        self.n_topics = n_topics
        self.lang = lang
        self.method = method
        self.random_state = random_state
        self.n_topics_range = n_topics_range
        self.coherence = coherence
        self.n_top_terms = n_top_terms
        self.min_df = min_df
        self.max_df = max_df
        self.bigrams = bigrams
        self.min_bigram_count = min_bigram_count
        self.bigram_threshold = bigram_threshold
        self.filler_words = filler_words
        self.stop_words = stop_words
        self.min_topic_weight = min_topic_weight
        self.sentiment = sentiment
        self.n_examples = n_examples
        self.max_iter = max_iter

    # ------------------------------------------------------------------ checks
    def _validate(self) -> None:
        check_argument("method", METHODS, self.method)
        check_argument("lang", ["auto", "de", "en"], self.lang)
        check_argument("coherence", MEASURES, self.coherence)
        if isinstance(self.n_topics, str):
            check_argument("n_topics", ["auto"], self.n_topics)
        elif isinstance(self.n_topics, bool) or not isinstance(self.n_topics, int | np.integer) \
                or self.n_topics < 2:
            raise ValueError(
                f"`n_topics` must be 'auto' or an int >= 2, but {self.n_topics!r} was passed."
            )
        _check_range(self.n_topics_range)
        for name in ("n_top_terms", "n_examples", "min_bigram_count"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int | np.integer) or value < 1:
                raise ValueError(f"`{name}` must be an int >= 1, but {value!r} was passed.")
        if not 0.0 <= float(self.min_topic_weight) <= 1.0:
            raise ValueError(
                f"`min_topic_weight` must lie in [0, 1], but {self.min_topic_weight!r} was passed."
            )
        if not -1.0 <= float(self.bigram_threshold) <= 1.0:
            raise ValueError(
                "`bigram_threshold` is an NPMI and must lie in [-1, 1], but "
                f"{self.bigram_threshold!r} was passed."
            )
        if isinstance(self.stop_words, str):
            raise TypeError("`stop_words` must be a list of words, not a single string.")

    def _check_fitted(self) -> None:
        if not hasattr(self, "components_"):
            raise NotFittedError(
                "This TopicModel is not fitted yet; call model.fit(texts) before using "
                "transform, assign, topics_ or plot."
            )

    # --------------------------------------------------------------- tokens
    def _languages(self, texts: pd.Series) -> np.ndarray:
        if self.lang == "auto":
            return detect_languages(texts)
        out = np.full(len(texts), self.lang, dtype=object)
        out[texts.isna().to_numpy()] = None
        return out

    def _tokens(self, texts: pd.Series, languages: np.ndarray, count_surface: bool) -> Tokens:
        return tokenize(
            texts.tolist(), languages, filler=self.filler_words,
            extra_stop_words=self.stop_words or (), count_surface=count_surface,
        )

    # --------------------------------------------------------------- fitting
    def _factorise(
        self, x: sparse.csr_matrix, k: int, svd: tuple[np.ndarray, ...] | None
    ) -> tuple[Any, np.ndarray]:
        """Fit ``k`` topics on ``x`` (TF-IDF for NMF, counts for LDA)."""
        start: dict[str, np.ndarray] = {}
        if self.method == "nmf":
            from sklearn.decomposition import NMF

            assert svd is not None  # computed by fit for NMF
            model: Any = NMF(
                n_components=k, init="custom", random_state=self.random_state,
                max_iter=self.max_iter or 400,
            )
            start["W"], start["H"] = nndsvda(x, k, (svd[0], svd[1], svd[2]))
        else:
            from sklearn.decomposition import LatentDirichletAllocation

            model = LatentDirichletAllocation(
                n_components=k, learning_method="batch", random_state=self.random_state,
                max_iter=self.max_iter or 10,
            )
        with warnings.catch_warnings():
            # NMF's ConvergenceWarning at max_iter is not the user's concern
            warnings.simplefilter("ignore", category=UserWarning)
            # its loss is sqrt of a difference that rounds below 0 on a perfect fit
            warnings.filterwarnings("ignore", category=RuntimeWarning, module="sklearn")
            weights = model.fit_transform(x, **start)
        return model, np.asarray(weights)

    def _input(self, counts: sparse.csr_matrix) -> sparse.csr_matrix:
        if self.method == "lda":
            return counts
        return self.tfidf_.transform(counts)

    def _top_terms(self, components: np.ndarray) -> list[np.ndarray]:
        n = min(self.n_top_terms, components.shape[1])
        return [np.argsort(-row, kind="stable")[:n] for row in components]

    def fit(self, X: object, y: object = None) -> TopicModel:  # noqa: N803 (sklearn)
        """Fit topics on the texts ``X``.

        Parameters
        ----------
        X : pandas.Series of str (or a list, or a one-column DataFrame)
            The texts; missing and empty texts are allowed (their topic is NA).
        y : ignored
            Present for scikit-learn pipelines.

        Returns
        -------
        TopicModel
            ``self``, with the fitted attributes (``topics_``, ``assignments_``
            from the fit's weights, ``coherence_``, ...).

        Raises
        ------
        InsufficientDataError
            When there are too few texts with words, or too few features, for
            the number of topics.
        """
        from sklearn.feature_extraction.text import TfidfTransformer

        self._validate()
        texts = _as_series(X, "X")
        languages = self._languages(texts)
        other = int(np.isin(languages, ["other"]).sum())
        if other:
            warnings.warn(
                f"{other} text(s) are in a language other than German or English; they are "
                "tokenised with both stop lists and without stemming",
                DataQualityWarning, stacklevel=2,
            )
        tokens = self._tokens(texts, languages, count_surface=True)
        n_docs = sum(1 for d in tokens.docs if d)
        smallest = 2 if self.n_topics == "auto" else int(self.n_topics)
        if self.n_topics == "auto":
            smallest = _check_range(self.n_topics_range)[0]
        if n_docs < _DOCS_PER_TOPIC * smallest:
            raise InsufficientDataError(
                f"{n_docs} of the {len(texts)} texts have words a topic model can use; "
                f"{smallest} topics need at least {_DOCS_PER_TOPIC * smallest}. Pass more "
                "texts or a smaller `n_topics`."
            )
        vocabulary = build_vocabulary(
            tokens, min_df=self.min_df, max_df=self.max_df, bigrams=self.bigrams,
            min_bigram_count=self.min_bigram_count, bigram_threshold=self.bigram_threshold,
        )
        counts = doc_term_matrix(tokens, vocabulary)
        n_features = len(vocabulary.features)
        if n_features < 2 * smallest:
            raise InsufficientDataError(
                f"only {n_features} terms occur in at least `min_df`={self.min_df!r} and at most "
                f"`max_df`={self.max_df!r} of the texts; {smallest} topics need at least "
                f"{2 * smallest}. Pass more texts, lower `min_df` or raise `max_df`."
            )
        self.vocabulary_ = vocabulary
        self.feature_names_ = np.asarray(vocabulary.features, dtype=object)
        self.tfidf_ = TfidfTransformer(sublinear_tf=True).fit(counts)
        binary = (counts > 0).astype(np.float64).tocsc()
        stems = [vocabulary.stems(i) for i in range(n_features)]
        if self.n_topics == "auto":
            low, high = _check_range(self.n_topics_range)
            high = min(high, n_docs // _DOCS_PER_TOPIC, n_features // 2)
            candidates = list(range(low, high + 1))
        else:
            candidates = [int(self.n_topics)]
        rows = []
        fits = {}
        x = self._input(counts)
        # one SVD gives the NNDSVDa start of every candidate (see _nndsvd)
        svd = leading_svd(x, max(candidates), self.random_state) if self.method == "nmf" else None
        for k in candidates:
            model, weights = self._factorise(x, k, svd)
            top = self._top_terms(model.components_)
            npmi = topic_coherence(binary, top, stems, "npmi")
            umass = topic_coherence(binary, top, stems, "umass")
            rows.append({"n_topics": k, "npmi": float(np.nanmean(npmi)) if np.isfinite(npmi).any()
                         else np.nan, "umass": float(np.nanmean(umass))
                         if np.isfinite(umass).any() else np.nan})
            fits[k] = (model, weights, npmi)
        table = pd.DataFrame(rows)
        scores = table[self.coherence].to_numpy(dtype=float)
        best = candidates[int(np.nanargmax(scores))] if np.isfinite(scores).any() else candidates[0]
        table["chosen"] = table["n_topics"] == best
        self.coherence_ = table
        model, weights, npmi = fits[best]
        self._estimator = model
        self.components_ = np.asarray(model.components_)
        self.n_topics_ = best
        top = self._top_terms(self.components_)
        self.labels_ = label_topics(top, vocabulary)
        shares = _shares(weights)
        self.assignments_ = self._assign_from(shares, texts)
        self.result_ = TopicsResult.build(
            model=self, texts=texts, languages=languages, weights=weights, shares=shares,
            top_terms=top, coherence=npmi,
            sentiment=aspect_sentiment(self, texts, languages, shares)
            if self.sentiment else None,
        )
        self.topics_ = self.result_.summary
        self.examples_ = self.result_.examples
        return self

    # ------------------------------------------------------------- applying
    def _weights(self, X: object) -> tuple[pd.Series, np.ndarray]:  # noqa: N803
        self._check_fitted()
        texts = _as_series(X, "X")
        tokens = self._tokens(texts, self._languages(texts), count_surface=False)
        counts = doc_term_matrix(tokens, self.vocabulary_)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", category=UserWarning)
            weights = np.asarray(self._estimator.transform(self._input(counts)))
        empty = np.asarray(counts.sum(axis=1)).ravel() == 0
        weights[empty] = 0.0
        return texts, weights

    def transform(self, X: object) -> pd.DataFrame:  # noqa: N803 (sklearn)
        """Topic shares of every text: one column per topic label, rows like ``X``.

        A row's shares sum to 1; a text without any of the model's terms has
        zeros, a missing text NaN.
        """
        texts, weights = self._weights(X)
        shares = _shares(weights)
        shares[texts.isna().to_numpy()] = np.nan
        return pd.DataFrame(shares, index=texts.index, columns=list(self.labels_))

    def fit_transform(self, X: object, y: object = None, **fit_params: Any) -> pd.DataFrame:  # noqa: N803
        """Fit, then :meth:`transform` the same texts."""
        return self.fit(X, y).transform(X)

    def assign(self, texts: object) -> pd.DataFrame:
        """The dominant topic of every text, or NA when no topic is strong enough.

        Returns
        -------
        pandas.DataFrame
            Indexed like ``texts``: ``topic`` (Int64 id, NA for missing texts,
            texts without the model's terms, and texts whose strongest topic
            has less than ``min_topic_weight`` of their weight), ``label`` (the
            topic's label) and ``topic_weight`` (the dominant topic's share).
        """
        series, weights = self._weights(texts)
        return self._assign_from(_shares(weights), series)

    def _assign_from(self, shares: np.ndarray, texts: pd.Series) -> pd.DataFrame:
        n = len(texts)
        best = shares.argmax(axis=1) if shares.shape[1] else np.zeros(n, dtype=int)
        weight = shares[np.arange(n), best] if n else np.zeros(0)
        strong = (weight >= self.min_topic_weight) & (weight > 0) & texts.notna().to_numpy()
        topic = pd.array(np.where(strong, best, 0), dtype="Int64")
        topic[~strong] = pd.NA
        labels = np.asarray(self.labels_, dtype=object)[best]
        return pd.DataFrame(
            {
                "topic": topic,
                "label": pd.array(np.where(strong, labels, None), dtype="str"),
                "topic_weight": np.where(texts.notna().to_numpy(), weight, np.nan),
            },
            index=texts.index,
        )

    def get_feature_names_out(self, input_features: object = None) -> np.ndarray:
        """The topic labels (the columns of :meth:`transform`)."""
        self._check_fitted()
        return np.asarray(self.labels_, dtype=object)

    # ------------------------------------------------------------- saving
    def save(self, path: str | Path) -> Path:
        """Write the fitted model as JSON (never a pickle).

        The file holds the parameters, vocabulary, idf weights, topic-term
        matrix, the topic, example and coherence tables and the library
        version; not ``assignments_`` (``assign`` gives them again). The
        example texts are customer texts: keep the file as safe as the data.

        Parameters
        ----------
        path : str or pathlib.Path
            File name ending in ``.json``.

        Returns
        -------
        pathlib.Path
            The file written.

        Examples
        --------
        >>> import tempfile
        >>> texts = pd.Series(["Lieferung spät", "Hotline besetzt", "Paket kaputt"] * 4)
        >>> model = TopicModel(n_topics=2, lang="de", random_state=0, sentiment=False)
        >>> model = model.fit(texts)
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     loaded = TopicModel.load(model.save(Path(tmp) / "topics.json"))
        >>> loaded.transform(texts).equals(model.transform(texts))
        True
        """
        from ._persist import save_model

        self._check_fitted()
        return save_model(self, Path(path))

    @classmethod
    def load(cls, path: str | Path) -> TopicModel:
        """Read a model written by :meth:`save`.

        Raises
        ------
        FileNotFoundError
            When there is no such file.
        ModelFormatError
            (a ``ValueError``) When the file is not a TopicModel file of a
            known format version or is damaged; the message names the file.
        """
        from ._persist import load_model

        return load_model(cls, Path(path))

    # ------------------------------------------------------------- display
    def plot(self, ax: Axes | None = None, **kwargs: Any) -> Axes:
        """Horizontal bars of topic sizes coloured by mean aspect sentiment."""
        self._check_fitted()
        return self.result_.plot(ax=ax, **kwargs)

    def _repr_html_(self) -> str:
        if hasattr(self, "result_"):
            return self.result_._repr_html_()
        return str(super()._repr_html_inner())


def _shares(weights: np.ndarray) -> np.ndarray:
    total = weights.sum(axis=1, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        out = np.where(total > 0, weights / np.where(total > 0, total, 1.0), 0.0)
    return out


def detect_languages(texts: pd.Series) -> np.ndarray:
    """``de``/``en``/``other``/``und`` per text (None for missing and blank texts)."""
    from ..text.language import detect_language

    found = detect_language(texts.astype("str").where(texts.notna(), ""))["language"]
    values = found.astype(object).to_numpy(dtype=object, copy=True)
    values[pd.isna(values)] = None
    return values
