"""empathylab: customer-empathy analytics for German and English feedback."""

from . import accessor as _accessor  # registers df.cx
from . import loyalty, plotting, studies, wom
from .actionability import actionability
from .effort import effort
from .emotions import emotions
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
from .metrics import (
    KeyDriversResult,
    NPSDiffResult,
    NPSResult,
    detect_anomalies,
    key_drivers,
    nps,
    nps_diff,
    period_deltas,
    touchpoint_metrics,
)
from .politeness import politeness_features, politeness_score
from .sentiment import SentimentModel, sentiment

__version__ = "0.1.0"
del _accessor

__all__ = [
    "DataQualityWarning",
    "EmpathyLabError",
    "FeedbackFormatError",
    "InsufficientDataError",
    "KeyDriversResult",
    "LoadReport",
    "MissingColumnError",
    "ModelFormatError",
    "NPSDiffResult",
    "NPSResult",
    "RedactionReport",
    "SentimentModel",
    "SmallSampleWarning",
    "__version__",
    "actionability",
    "detect_anomalies",
    "effort",
    "emotions",
    "key_drivers",
    "list_presets",
    "loyalty",
    "nps",
    "nps_diff",
    "period_deltas",
    "plotting",
    "politeness_features",
    "politeness_score",
    "read_feedback",
    "redact_pii",
    "redaction_summary",
    "sentiment",
    "studies",
    "touchpoint_metrics",
    "wom",
]
