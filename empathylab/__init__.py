"""empathylab: customer-empathy analytics for German and English feedback."""

from . import accessor as _accessor  # registers df.cx
from .conversations import bot_vs_human, conversations, empathy_table, threads
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
from .sentiment import SentimentModel, sentiment

__version__ = "0.1.0"
del _accessor

__all__ = [
    "DataQualityWarning",
    "EmpathyLabError",
    "EmpathyMap",
    "FeedbackFormatError",
    "InsufficientDataError",
    "LoadReport",
    "MissingColumnError",
    "ModelFormatError",
    "RedactionReport",
    "SentimentModel",
    "SmallSampleWarning",
    "__version__",
    "bot_vs_human",
    "conversations",
    "detect_intents",
    "empathy_map",
    "empathy_table",
    "list_presets",
    "read_feedback",
    "redact_pii",
    "redaction_summary",
    "sentiment",
    "threads",
]
