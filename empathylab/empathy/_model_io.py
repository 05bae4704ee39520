"""Reading the files ``EmpathyModel.save`` writes (JSON or ``.npz``; never a pickle)."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

import numpy as np

from ..exceptions import ModelFormatError

__all__ = ["read_model"]


def _check_header(path: Path, header: object) -> dict[str, Any]:
    from .model import FORMAT, FORMAT_VERSION

    if not isinstance(header, dict):
        raise ModelFormatError(f"'{path}' is not an EmpathyModel file: it holds a JSON "
                               f"{type(header).__name__}, not an object.")
    if header.get("format") != FORMAT:
        raise ModelFormatError(f"'{path}' is not an EmpathyModel file (its 'format' is "
                               f"{header.get('format')!r}, expected {FORMAT!r}).")
    if header.get("format_version") != FORMAT_VERSION:
        raise ModelFormatError(
            f"'{path}' has format version {header.get('format_version')!r}, but this "
            f"empathylab reads version {FORMAT_VERSION}; load it with empathylab "
            f"{header.get('library_version')!r} and refit."
        )
    for key, kind in (("params", dict), ("classes", list), ("blocks", list)):
        if not isinstance(header.get(key), kind):
            raise ModelFormatError(f"'{path}' is damaged: '{key}' is missing or not a "
                                   f"{kind.__name__}.")
    return header


def read_model(path: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """Header and arrays of a saved EmpathyModel (``ModelFormatError`` on bad files)."""
    if path.suffix.lower() == ".json":
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except UnicodeDecodeError:
            raise ModelFormatError(f"'{path}' is not an EmpathyModel JSON file: it is not "
                                   "UTF-8 text (a pickle or another binary file?).") from None
        except json.JSONDecodeError as exc:
            raise ModelFormatError(f"'{path}' is not valid JSON ({exc.msg} at line "
                                   f"{exc.lineno}); write it with EmpathyModel.save().") from None
        header = _check_header(path, doc)
        return header, header
    try:
        with np.load(path, allow_pickle=False) as npz:
            arrays: dict[str, Any] = {k: npz[k] for k in npz.files}
    except (zipfile.BadZipFile, EOFError, OSError) as exc:
        raise ModelFormatError(f"'{path}' is not an EmpathyModel .npz file: it cannot be read "
                               f"as a NumPy archive ({exc}).") from None
    except ValueError as exc:
        raise ModelFormatError(f"'{path}' cannot be loaded safely: it holds pickled (object) "
                               f"data, which EmpathyModel never reads ({exc}).") from None
    if "header" not in arrays:
        raise ModelFormatError(f"'{path}' is damaged: 'header' is missing.")
    try:
        header = _check_header(path, json.loads(str(arrays["header"])))
    except json.JSONDecodeError as exc:
        raise ModelFormatError(f"'{path}' is damaged: its header is not JSON ({exc.msg})."
                               ) from None
    for key in [k for k in arrays if k.endswith("_terms")]:
        offsets_key = key.replace("_terms", "_offsets")
        if offsets_key not in arrays:
            raise ModelFormatError(f"'{path}' is damaged: '{offsets_key}' is missing.")
        data = arrays[key].tobytes()
        offsets = np.asarray(arrays[offsets_key], np.int64)
        try:
            arrays[key] = [data[a:b].decode("utf-8")
                           for a, b in zip(offsets[:-1], offsets[1:], strict=True)]
        except UnicodeDecodeError as exc:
            raise ModelFormatError(f"'{path}' is damaged: {key} ({exc}).") from None
    return header, arrays
