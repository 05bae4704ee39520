"""The ``df.cx`` accessor: delegates to empathylab's functions, adds no logic of its own."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

__all__ = ["CxAccessor"]


@pd.api.extensions.register_dataframe_accessor("cx")
class CxAccessor:
    """Customer-experience methods on a feedback DataFrame (``df.cx.redact()``, ...).

    Each method calls the function of the same purpose with this DataFrame:
    ``df.cx.redact()`` is ``empathylab.redact_pii(df)``.
    """

    def __init__(self, data: pd.DataFrame) -> None:
        self._data = data

    @property
    def load_report(self) -> Any:
        """The :class:`~empathylab.io.LoadReport` of :func:`~empathylab.read_feedback`, or None."""
        return self._data.attrs.get("load_report")

    def redact(self, columns: Sequence[str] = ("text",), **kwargs: Any) -> pd.DataFrame:
        """:func:`empathylab.redact_pii` on this DataFrame."""
        from .io.redact import redact_pii

        return redact_pii(self._data, columns=columns, **kwargs)

    def overview(self, **kwargs: Any) -> Any:
        """:func:`empathylab.report.overview` of this DataFrame."""
        from .report.overview import overview

        return overview(self._data, **kwargs)
