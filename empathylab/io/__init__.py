"""Loading feedback exports: formats, encodings, vendor presets, redaction."""

from .presets import list_presets
from .reader import read_feedback
from .report import LoadReport
from .schema import CANONICAL_COLUMNS

__all__ = ["CANONICAL_COLUMNS", "LoadReport", "list_presets", "read_feedback"]
