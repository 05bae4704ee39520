"""empathylab: customer-empathy analytics for German and English feedback."""

from .exceptions import (
    DataQualityWarning,
    EmpathyLabError,
    FeedbackFormatError,
    InsufficientDataError,
    MissingColumnError,
    SmallSampleWarning,
)
from .io import LoadReport, list_presets, read_feedback

__version__ = "0.1.0"

__all__ = [
    "DataQualityWarning",
    "EmpathyLabError",
    "FeedbackFormatError",
    "InsufficientDataError",
    "LoadReport",
    "MissingColumnError",
    "SmallSampleWarning",
    "__version__",
    "list_presets",
    "read_feedback",
]
