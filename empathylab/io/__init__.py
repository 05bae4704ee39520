"""Loading feedback exports: formats, encodings, vendor presets, redaction."""

from .presets import list_presets
from .reader import read_feedback
from .redact import RedactionReport, redact_pii, redaction_summary
from .report import LoadReport
from .schema import CANONICAL_COLUMNS

__all__ = [
    "CANONICAL_COLUMNS",
    "LoadReport",
    "RedactionReport",
    "list_presets",
    "read_feedback",
    "redact_pii",
    "redaction_summary",
]
