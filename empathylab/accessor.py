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
        from .sentiment import sentiment

        return self._join(column, sentiment, **kwargs)

    def _join(self, column: str, func: Any, **kwargs: Any) -> pd.DataFrame:
        """This DataFrame with ``func(self[column])``'s columns (replacing same-named ones)."""
        from ._validation import check_columns

        check_columns(self._data, [column], param="column")
        result = func(self._data[column], **kwargs)
        if isinstance(result, pd.Series):
            result = result.to_frame()
        return self._data.drop(columns=[c for c in result.columns if c in self._data]).join(
            result
        )

    def emotions(self, column: str = "text", **kwargs: Any) -> pd.DataFrame:
        """This DataFrame with the columns of :func:`empathylab.emotions` added (an
        existing column of the same name is replaced)."""
        from .emotions import emotions

        return self._join(column, emotions, **kwargs)

    def effort(self, column: str = "text", **kwargs: Any) -> pd.DataFrame:
        """This DataFrame with the columns of :func:`empathylab.effort` added."""
        from .effort import effort

        return self._join(column, effort, **kwargs)

    def actionability(self, column: str = "text", **kwargs: Any) -> pd.DataFrame:
        """This DataFrame with the columns of :func:`empathylab.actionability` added."""
        from .actionability import actionability

        return self._join(column, actionability, **kwargs)

    def politeness(self, column: str = "text", **kwargs: Any) -> pd.DataFrame:
        """This DataFrame with :func:`empathylab.politeness_features` and
        ``politeness_score`` (:func:`empathylab.politeness_score`) added."""
        from .politeness import politeness_features, politeness_score

        features = self._join(column, politeness_features, **kwargs)
        score = politeness_score(self._data[column], **kwargs)
        return features.drop(columns=[c for c in ["politeness_score"] if c in features]).join(
            score
        )

    def nps(self, column: str = "nps", **kwargs: Any) -> Any:
        """:func:`empathylab.nps` of this DataFrame's ``column`` (0-10 answers)."""
        from ._validation import check_columns
        from .metrics import nps

        check_columns(self._data, [column], param="column")
        return nps(self._data[column], **kwargs)

    def touchpoint_metrics(
        self, by: str | Sequence[str] = ("touchpoint", "quarter"), **kwargs: Any
    ) -> pd.DataFrame:
        """:func:`empathylab.touchpoint_metrics` of this DataFrame."""
        from .metrics import touchpoint_metrics

        return touchpoint_metrics(self._data, by=by, **kwargs)

    def threads(self, **kwargs: Any) -> pd.DataFrame:
        """:func:`empathylab.threads` of this DataFrame (one row per agent or bot reply)."""
        from .conversations import threads

        return threads(self._data, **kwargs)

    def intents(self, column: str = "text", **kwargs: Any) -> pd.DataFrame:
        """This DataFrame with the columns of :func:`empathylab.detect_intents` added
        (an existing column of the same name is replaced)."""
        from .intents import detect_intents

        return self._join(column, detect_intents, **kwargs)

    def empathy_map(self, segment: str | None = None, **kwargs: Any) -> Any:
        """:func:`empathylab.empathy_map` of this DataFrame (an :class:`EmpathyMap`)."""
        from .empathy_map import empathy_map

        return empathy_map(self._data, segment, **kwargs)

    def empathy(
        self,
        column: str = "text",
        context: str | None = None,
        group: str | None = None,
        **kwargs: Any,
    ) -> pd.DataFrame:
        """This DataFrame with the columns of :func:`empathylab.empathy_score` added
        (mechanisms, ``sympathy_only``, ``boilerplate``, ``politeness``, ``harshness``,
        ``empathy``, ``evidence``, ``language``, ``address``; an existing column of the
        same name is replaced). ``context`` and ``group`` name columns of this
        DataFrame: the customer message each reply answers, and the agent or team."""
        from ._validation import check_columns
        from .empathy import empathy_score

        names = [column] + [c for c in (context, group) if c is not None]
        check_columns(self._data, names, param="column")
        scores = empathy_score(
            self._data[column],
            context=None if context is None else self._data[context],
            group=None if group is None else self._data[group],
            **kwargs,
        )
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
