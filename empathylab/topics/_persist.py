"""Saving and loading a fitted ``TopicModel`` as JSON (never a pickle).

The file holds the parameters, the vocabulary (stems, written forms, bigrams),
the idf weights, the topic-term matrix, the topic table, the example texts and
the coherence table, the library version and :data:`FORMAT_VERSION`. The
per-text ``assignments_`` of the fitted texts are not saved (``assign`` gives
them again). The example texts are customer texts: treat the file like the data.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from ..exceptions import ModelFormatError
from ._features import Vocabulary

if TYPE_CHECKING:
    from ._model import TopicModel

__all__ = ["FORMAT", "FORMAT_VERSION", "load_model", "save_model"]

#: ``format`` field of a saved topic model.
FORMAT = "empathylab.TopicModel"
#: Version of the file layout.
FORMAT_VERSION = 1

_TABLE_DTYPES = {
    "topics": {"topic": "int64", "label": "str", "top_terms": "str", "size": "int64",
               "share": "float64", "coherence": "float64", "mean_sentiment": "float64",
               "negative_share": "float64", "n_sentences": "int64", "example": "str"},
    "examples": {"topic": "int64", "rank": "int64", "text": "str", "topic_weight": "float64"},
    "coherence": {"n_topics": "int64", "npmi": "float64", "umass": "float64", "chosen": "bool"},
}  # fmt: skip


def _plain(value: Any) -> Any:
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, float) and np.isnan(value):
        return None
    return value


def _records(table: pd.DataFrame) -> dict[str, list[Any]]:
    return {
        str(c): [_plain(v) if not pd.isna(v) else None for v in table[c].astype(object)]
        for c in table.columns
    }


def save_model(model: TopicModel, path: Path) -> Path:
    """Write ``model`` (fitted) to ``path`` (``.json``)."""
    from .. import __version__

    if path.suffix.lower() != ".json":
        raise ValueError(
            f"`path` must end in '.json' (a TopicModel is saved as JSON), but {str(path)!r} "
            "was passed."
        )
    params = model.get_params()
    params["stop_words"] = None if params["stop_words"] is None else list(params["stop_words"])
    params["n_topics_range"] = list(params["n_topics_range"])
    vocabulary = model.vocabulary_
    doc = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "library_version": __version__,
        "params": {k: _plain(v) for k, v in params.items()},
        "n_topics": int(model.n_topics_),
        "labels": list(model.labels_),
        "features": list(vocabulary.features),
        "readable": list(vocabulary.readable),
        "bigrams": sorted([a, b] for a, b in vocabulary.bigrams),
        "idf": model.tfidf_.idf_.tolist(),
        "components": np.asarray(model.components_).tolist(),
        "n_texts": int(model.result_.n_texts),
        "topics": _records(model.topics_),
        "examples": _records(model.examples_),
        "coherence": _records(model.coherence_),
    }
    path.write_text(json.dumps(doc, ensure_ascii=False, default=str), encoding="utf-8")
    return path


def _get(doc: dict[str, Any], key: str, path: Path, kind: type | tuple[type, ...]) -> Any:
    if key not in doc:
        raise ModelFormatError(f"'{path}' is damaged: '{key}' is missing.")
    if not isinstance(doc[key], kind):
        raise ModelFormatError(f"'{path}' is damaged: '{key}' has the wrong type.")
    return doc[key]


def _table(doc: dict[str, Any], key: str, path: Path) -> pd.DataFrame:
    columns = _get(doc, key, path, dict)
    table = pd.DataFrame(columns)
    for column, dtype in _TABLE_DTYPES[key].items():
        if column not in table.columns:
            raise ModelFormatError(
                f"'{path}' is damaged: column '{column}' of '{key}' is missing."
            )
        table[column] = table[column].astype(dtype) if dtype != "str" else pd.array(
            table[column].tolist(), dtype="str"
        )
    return table


def load_model(cls: type[TopicModel], path: Path) -> TopicModel:
    """Read a model written by :func:`save_model`."""
    from sklearn.decomposition import NMF, LatentDirichletAllocation
    from sklearn.feature_extraction.text import TfidfTransformer

    from ._result import TopicsResult

    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ModelFormatError(f"'{path}' is not a TopicModel file: not JSON ({error}).") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        found = doc.get("format") if isinstance(doc, dict) else type(doc).__name__
        raise ModelFormatError(
            f"'{path}' is not a TopicModel file (its 'format' is {found!r}, expected {FORMAT!r})."
        )
    if doc.get("format_version") != FORMAT_VERSION:
        raise ModelFormatError(
            f"'{path}' has format version {doc.get('format_version')!r}, but this empathylab "
            f"reads version {FORMAT_VERSION}; refit the model with this version."
        )
    params = dict(_get(doc, "params", path, dict))
    if isinstance(params.get("n_topics_range"), list):
        params["n_topics_range"] = tuple(params["n_topics_range"])
    try:
        model = cls(**params)
    except TypeError as error:
        raise ModelFormatError(f"'{path}' is damaged: unknown parameters ({error}).") from None
    features = tuple(_get(doc, "features", path, list))
    components = np.asarray(_get(doc, "components", path, list), dtype=np.float64)
    idf = np.asarray(_get(doc, "idf", path, list), dtype=np.float64)
    k = int(_get(doc, "n_topics", path, int))
    if components.shape != (k, len(features)) or idf.shape != (len(features),):
        raise ModelFormatError(f"'{path}' is damaged: the arrays do not match the vocabulary.")
    model.vocabulary_ = Vocabulary(
        features, tuple(_get(doc, "readable", path, list)),
        frozenset((a, b) for a, b in _get(doc, "bigrams", path, list)),
    )
    model.feature_names_ = np.asarray(features, dtype=object)
    tfidf = TfidfTransformer(sublinear_tf=True)
    tfidf.idf_ = idf
    tfidf.n_features_in_ = len(features)
    model.tfidf_ = tfidf
    estimator: Any
    if model.method == "nmf":
        estimator = NMF(n_components=k, init="nndsvda", random_state=model.random_state,
                        max_iter=model.max_iter or 400)
        estimator.n_components_ = k
    else:
        from scipy.special import psi

        estimator = LatentDirichletAllocation(
            n_components=k, learning_method="batch", random_state=model.random_state,
            max_iter=model.max_iter or 10,
        )
        expected = psi(components) - psi(components.sum(axis=1, keepdims=True))
        estimator.exp_dirichlet_component_ = np.exp(expected)
        estimator.doc_topic_prior_ = 1.0 / k
        estimator.topic_word_prior_ = 1.0 / k
    estimator.components_ = components
    estimator.n_features_in_ = len(features)
    model._estimator = estimator
    model.components_ = components
    model.n_topics_ = k
    model.labels_ = list(_get(doc, "labels", path, list))
    topics = _table(doc, "topics", path)
    examples = _table(doc, "examples", path)
    if "row" not in examples.columns:
        raise ModelFormatError(f"'{path}' is damaged: column 'row' of 'examples' is missing.")
    examples = examples[["topic", "rank", "row", "text", "topic_weight"]]
    model.coherence_ = _table(doc, "coherence", path)
    model.result_ = TopicsResult(
        topics=topics, examples=examples, coherence_table=model.coherence_.copy(),
        method=model.method, criterion=model.coherence, n_texts=int(doc.get("n_texts", 0)),
    )
    model.topics_ = model.result_.summary
    model.examples_ = examples
    return model
