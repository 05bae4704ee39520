"""empathylab: customer-empathy analytics for German and English feedback."""

from . import accessor as _accessor  # registers df.cx
from . import loyalty, plotting, studies, wom
from .actionability import actionability
from .conversations import bot_vs_human, conversations, empathy_table, threads
from .effort import effort
from .emotions import emotions
from .empathy import EmpathyModel, empathy_score
from .empathy_map import EmpathyMap, empathy_map
from .exceptions import (
    DataQualityWarning,
    EmpathyLabError,
    FeedbackFormatError,
    InsufficientDataError,
    MissingColumnError,
    ModelFormatError,
    SmallSampleWarning,
)
from .intents import detect_intents
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
from .report import QuarterlyReport, quarterly_report
from .sentiment import SentimentModel, sentiment
from .topics import TopicModel
from .touchpoints import TouchpointModel, assign_touchpoints

__version__ = "0.1.0"
del _accessor

__all__ = [
    "DataQualityWarning",
    "EmpathyLabError",
    "EmpathyMap",
    "EmpathyModel",
    "FeedbackFormatError",
    "InsufficientDataError",
    "KeyDriversResult",
    "LoadReport",
    "MissingColumnError",
    "ModelFormatError",
    "NPSDiffResult",
    "NPSResult",
    "QuarterlyReport",
    "RedactionReport",
    "SentimentModel",
    "SmallSampleWarning",
    "TopicModel",
    "TouchpointModel",
    "__version__",
    "actionability",
    "assign_touchpoints",
    "bot_vs_human",
    "conversations",
    "detect_anomalies",
    "detect_intents",
    "effort",
    "emotions",
    "empathy_map",
    "empathy_score",
    "empathy_table",
    "key_drivers",
    "list_presets",
    "loyalty",
    "nps",
    "nps_diff",
    "period_deltas",
    "plotting",
    "politeness_features",
    "politeness_score",
    "quarterly_report",
    "read_feedback",
    "redact_pii",
    "redaction_summary",
    "sentiment",
    "studies",
    "threads",
    "touchpoint_metrics",
    "wom",
]
