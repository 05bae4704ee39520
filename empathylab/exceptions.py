"""Error and warning classes.

Every error inherits from :class:`EmpathyLabError` and from the builtin it
behaves like, so ``except ValueError`` keeps working for callers that do not
know empathylab.
"""

from __future__ import annotations

__all__ = [
    "DataQualityWarning",
    "EmpathyLabError",
    "FeedbackFormatError",
    "InsufficientDataError",
    "MissingColumnError",
    "ModelFormatError",
    "SmallSampleWarning",
]


class EmpathyLabError(Exception):
    """Base class of all empathylab errors."""


class FeedbackFormatError(EmpathyLabError, ValueError):
    """A feedback export cannot be read.

    The message names the file, the line or record and the column where the
    problem is, what was found and what to do about it.
    """


class MissingColumnError(EmpathyLabError, KeyError):
    """A column a function needs is not in the DataFrame."""

    def __str__(self) -> str:  # KeyError would repr() the message
        return str(self.args[0]) if self.args else ""


class ModelFormatError(EmpathyLabError, ValueError):
    """A saved model file cannot be read: not a model file, another format version,
    damaged, or pickled data. The message names the file and what is wrong."""


class InsufficientDataError(EmpathyLabError, ValueError):
    """Too little data for the requested analysis."""


class DataQualityWarning(UserWarning):
    """The data were read, but something in them needs the analyst's attention."""


class SmallSampleWarning(UserWarning):
    """A group is too small for its estimate to be trusted."""
