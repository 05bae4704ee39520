"""Reading and writing the files ``TouchpointModel.save`` writes (JSON or ``.npz``).

Never a pickle: ``.npz`` files are read with ``allow_pickle=False``; term lists are
stored as UTF-8 bytes plus offsets.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

import numpy as np

from .._model_files import write_model_file
from ..exceptions import ModelFormatError

__all__ = ["FORMAT", "FORMAT_VERSION", "read_model_file", "write_model_file"]

#: ``format`` field of a saved model.
FORMAT = "empathylab.TouchpointModel"
#: Version of the file layout written by :meth:`TouchpointModel.save`.
FORMAT_VERSION = 1
SUFFIXES = (".json", ".npz")


def _check_header(path: Path, header: object) -> dict[str, Any]:
    if not isinstance(header, dict):
        raise ModelFormatError(
            f"'{path}' is not a TouchpointModel file: it holds a JSON {type(header).__name__}, "
            "not an object."
        )
    if header.get("format") != FORMAT:
        raise ModelFormatError(
            f"'{path}' is not a TouchpointModel file (its 'format' is "
            f"{header.get('format')!r}, expected {FORMAT!r})."
        )
    if header.get("format_version") != FORMAT_VERSION:
        raise ModelFormatError(
            f"'{path}' has format version {header.get('format_version')!r}, but this "
            f"empathylab reads version {FORMAT_VERSION}; it was written by empathylab "
            f"{header.get('library_version')!r}: load it with that version and refit."
        )
    return header


def read_model_file(path: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """``(header, arrays)``; ``arrays`` maps names to arrays and ``<name>_terms`` to lists."""
    if path.suffix.lower() == ".json":
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except UnicodeDecodeError:
            raise ModelFormatError(
                f"'{path}' is not a TouchpointModel JSON file: it is not UTF-8 text (a pickle "
                "or another binary file?)."
            ) from None
        except json.JSONDecodeError as exc:
            raise ModelFormatError(
                f"'{path}' is not valid JSON ({exc.msg} at line {exc.lineno}, column "
                f"{exc.colno}); write it with TouchpointModel.save()."
            ) from None
        header = _check_header(path, doc)
        return header, header
    try:
        with np.load(path, allow_pickle=False) as npz:
            arrays: dict[str, Any] = {k: npz[k] for k in npz.files}
    except (zipfile.BadZipFile, EOFError, OSError) as exc:
        raise ModelFormatError(
            f"'{path}' is not a TouchpointModel .npz file: it cannot be read as a NumPy "
            f"archive ({exc})."
        ) from None
    except ValueError as exc:
        raise ModelFormatError(
            f"'{path}' cannot be loaded safely: it holds pickled (object) data, which "
            f"TouchpointModel never reads ({exc})."
        ) from None
    if "header" not in arrays:
        raise ModelFormatError(f"'{path}' is damaged: 'header' is missing.")
    try:
        header = json.loads(str(arrays["header"]))
    except json.JSONDecodeError as exc:
        raise ModelFormatError(
            f"'{path}' is damaged: its header is not JSON ({exc.msg})."
        ) from None
    header = _check_header(path, header)
    for key in [k for k in arrays if k.endswith("_terms")]:
        data = arrays[key].tobytes()
        offsets_key = key[: -len("_terms")] + "_offsets"
        if offsets_key not in arrays:
            raise ModelFormatError(f"'{path}' is damaged: '{offsets_key}' is missing.")
        offsets = np.asarray(arrays[offsets_key], np.int64)
        try:
            arrays[key] = [data[a:b].decode("utf-8")
                           for a, b in zip(offsets[:-1], offsets[1:], strict=True)]
        except UnicodeDecodeError as exc:
            raise ModelFormatError(f"'{path}' is damaged: {key} ({exc}).") from None
    return header, arrays
