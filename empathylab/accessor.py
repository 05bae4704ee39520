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

    def sentiment(self, column: str = "text", **kwargs: Any) -> pd.DataFrame:
        """This DataFrame with the columns of :func:`empathylab.sentiment` added
        (``compound, positive, negative, neutral, label, language``; an existing
        column of the same name is replaced)."""
        from ._validation import check_columns
        from .sentiment import sentiment

        check_columns(self._data, [column], param="column")
        scores = sentiment(self._data[column], **kwargs)
        return self._data.drop(columns=[c for c in scores.columns if c in self._data]).join(
            scores
        )

    def touchpoints(self, column: str = "text", **kwargs: Any) -> pd.DataFrame:
        """This DataFrame with the columns of :func:`empathylab.assign_touchpoints` added
        (``touchpoints, primary_touchpoint, evidence``, and one per touchpoint with
        ``wide=True``; an existing column of the same name is replaced)."""
        from ._validation import check_columns
        from .touchpoints import assign_touchpoints

        check_columns(self._data, [column], param="column")
        found = assign_touchpoints(self._data[column], **kwargs)
        return self._data.drop(columns=[c for c in found.columns if c in self._data]).join(
            found
        )

    def overview(self, **kwargs: Any) -> Any:
        """:func:`empathylab.report.overview` of this DataFrame."""
        from .report.overview import overview

        return overview(self._data, **kwargs)
