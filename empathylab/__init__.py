"""empathylab: customer-empathy analytics for German and English feedback."""

from . import accessor as _accessor  # registers df.cx
from .exceptions import (
    DataQualityWarning,
    EmpathyLabError,
    FeedbackFormatError,
    InsufficientDataError,
    MissingColumnError,
    ModelFormatError,
    SmallSampleWarning,
)
from .io import (
    LoadReport,
    RedactionReport,
    list_presets,
    read_feedback,
    redact_pii,
    redaction_summary,
)
from .sentiment import SentimentModel, sentiment
from .touchpoints import TouchpointModel, assign_touchpoints

__version__ = "0.1.0"
del _accessor

__all__ = [
    "DataQualityWarning",
    "EmpathyLabError",
    "FeedbackFormatError",
    "InsufficientDataError",
    "LoadReport",
    "MissingColumnError",
    "ModelFormatError",
    "RedactionReport",
    "SentimentModel",
    "SmallSampleWarning",
    "TouchpointModel",
    "__version__",
    "assign_touchpoints",
    "list_presets",
    "read_feedback",
    "redact_pii",
    "redaction_summary",
    "sentiment",
]
