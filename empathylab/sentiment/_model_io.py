"""Reading and checking the files ``SentimentModel.save`` writes (JSON or ``.npz``).

Never a pickle: ``.npz`` files are read with ``allow_pickle=False``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from ..exceptions import ModelFormatError

if TYPE_CHECKING:
    from .model import SentimentModel

__all__ = ["FORMAT", "FORMAT_VERSION"]

#: ``format`` field of a saved model.
FORMAT = "empathylab.SentimentModel"
#: Version of the file layout written by :meth:`SentimentModel.save` (2: the word
#: block's tokenizer and negation marking; version 1 files, which predate them, are
#: read with ``word_tokenizer="sklearn"`` and ``negation_scope=False``).
FORMAT_VERSION = 2
#: Versions :meth:`SentimentModel.load` reads.
READABLE_VERSIONS = (1, 2)


def _json_scalar(value: Any) -> Any:
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, str | bool | int | float):
        return value
    raise TypeError(
        f"labels of type {type(value).__name__} ({value!r}) cannot be saved; fit with str "
        "or int labels."
    )


def _field(doc: Mapping[str, Any], key: str, path: Path, kind: type) -> Any:
    if key not in doc:
        raise ModelFormatError(f"'{path}' is damaged: '{key}' is missing.")
    if not isinstance(doc[key], kind):
        raise ModelFormatError(
            f"'{path}' is damaged: '{key}' should be a {kind.__name__}, not "
            f"{type(doc[key]).__name__}."
        )
    return doc[key]


def _array(arrays: Mapping[str, Any], key: str, path: Path) -> Any:
    if key not in arrays:
        raise ModelFormatError(f"'{path}' is damaged: '{key}' is missing.")
    return arrays[key]


def _check_header(path: Path, header: object) -> dict[str, Any]:
    if not isinstance(header, dict):
        raise ModelFormatError(
            f"'{path}' is not a SentimentModel file: it holds a JSON {type(header).__name__}, "
            "not an object."
        )
    if header.get("format") != FORMAT:
        raise ModelFormatError(
            f"'{path}' is not a SentimentModel file (its 'format' is {header.get('format')!r}, "
            f"expected {FORMAT!r})."
        )
    if header.get("format_version") not in READABLE_VERSIONS:
        raise ModelFormatError(
            f"'{path}' has format version {header.get('format_version')!r}, but this "
            f"empathylab reads versions {', '.join(map(str, READABLE_VERSIONS))}; it was "
            f"written by empathylab "
            f"{header.get('library_version')!r}: load it with that version and refit."
        )
    return header


def _read_json(path: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise ModelFormatError(
            f"'{path}' is not a SentimentModel JSON file: it is not UTF-8 text (a pickle or "
            "another binary file?)."
        ) from None
    except json.JSONDecodeError as exc:
        raise ModelFormatError(
            f"'{path}' is not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno}); "
            "write it with SentimentModel.save()."
        ) from None
    header = _check_header(path, doc)
    return header, header


def _read_npz(path: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    import zipfile

    try:
        with np.load(path, allow_pickle=False) as npz:
            arrays: dict[str, Any] = {k: npz[k] for k in npz.files}
    except (zipfile.BadZipFile, EOFError, OSError) as exc:
        raise ModelFormatError(
            f"'{path}' is not a SentimentModel .npz file: it cannot be read as a NumPy "
            f"archive ({exc})."
        ) from None
    except ValueError as exc:
        raise ModelFormatError(
            f"'{path}' cannot be loaded safely: it holds pickled (object) data, which "
            f"SentimentModel never reads ({exc})."
        ) from None
    try:
        header = json.loads(str(_array(arrays, "header", path)))
    except json.JSONDecodeError as exc:
        raise ModelFormatError(
            f"'{path}' is damaged: its header is not JSON ({exc.msg})."
        ) from None
    header = _check_header(path, header)
    for key in [k for k in arrays if k.endswith("_terms")]:
        data = arrays[key].tobytes()
        offsets = np.asarray(_array(arrays, key.replace("_terms", "_offsets"), path), np.int64)
        try:
            arrays[key] = [data[a:b].decode("utf-8")
                           for a, b in zip(offsets[:-1], offsets[1:], strict=True)]
        except UnicodeDecodeError as exc:
            raise ModelFormatError(f"'{path}' is damaged: {key} ({exc}).") from None
    return header, arrays


def _check_shapes(path: Path, model: SentimentModel, header: Mapping[str, Any]) -> None:
    from .model import LEXICON_FEATURES

    n_lex = len(LEXICON_FEATURES) if model.lexicon else 0
    problems = [f"unknown block {b.name!r}" for b in model.blocks_
                if b.name not in ("word", "char")]
    problems += [f"unknown tokenizer {b.tokenizer!r} of the {b.name} block" for b in model.blocks_
                 if b.tokenizer not in ("social", "sklearn")]
    problems += [
        f"the {b.name} block has {len(b.vocabulary)} terms but {b.idf.size} idf values"
        for b in model.blocks_ if b.idf.shape != (len(b.vocabulary),)
    ]
    n_features = sum(len(b.vocabulary) for b in model.blocks_) + n_lex
    n_classes = len(model.classes_)
    rows = 1 if n_classes == 2 else n_classes
    if n_classes < 2:
        problems.append(f"{n_classes} class(es)")
    if model.coef_.shape != (rows, n_features):
        problems.append(f"coef has shape {model.coef_.shape}, expected {(rows, n_features)}")
    if model.intercept_.shape != (rows,):
        problems.append(f"intercept has shape {model.intercept_.shape}, expected {(rows,)}")
    if model.lexicon_mean_.shape != (n_lex,) or model.lexicon_scale_.shape != (n_lex,):
        problems.append("the lexicon scaling does not match `lexicon`")
    if header.get("n_features") != n_features:
        problems.append(f"the header says {header.get('n_features')} features, the arrays "
                        f"{n_features}")
    finite = np.isfinite(model.coef_).all() and np.isfinite(model.intercept_).all()
    if not problems and not finite:
        problems.append("the coefficients are not finite")
    if problems:
        raise ModelFormatError(f"'{path}' is damaged: {'; '.join(problems)}.")
