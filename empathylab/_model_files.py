"""Writing fitted models as JSON or ``.npz`` (never pickle): one writer for every model."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np

__all__ = ["write_model_file"]


def write_model_file(path: Path, header: dict[str, Any], arrays: Mapping[str, np.ndarray],
                     terms: Mapping[str, list[str]]) -> Path:
    """Write ``header`` (JSON-able), float ``arrays`` and str lists ``terms`` to ``path``."""
    if path.suffix.lower() == ".json":
        doc = dict(header)
        doc |= {k: np.asarray(v).tolist() for k, v in arrays.items()}
        doc |= {f"{k}_terms": list(v) for k, v in terms.items()}
        path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        return path
    out: dict[str, np.ndarray] = {k: np.asarray(v) for k, v in arrays.items()}
    for name, words in terms.items():
        encoded = [t.encode("utf-8") for t in words]
        lengths = np.fromiter(map(len, encoded), dtype=np.int64, count=len(encoded))
        out[f"{name}_terms"] = np.frombuffer(b"".join(encoded), dtype=np.uint8)
        out[f"{name}_offsets"] = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)
    out["header"] = np.asarray(json.dumps(header, ensure_ascii=False))
    with path.open("wb") as fh:
        np.savez_compressed(fh, allow_pickle=False, **out)
    return path
