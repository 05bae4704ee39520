"""Text utilities: language detection and sentence splitting."""

from .language import detect_language, supported_languages
from .sentences import split_sentences

__all__ = ["detect_language", "split_sentences", "supported_languages"]
