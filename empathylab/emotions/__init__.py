"""Emotions in German and English feedback: nine emotions with intensity and evidence."""

from ._api import EMOTIONS, emotions

__all__ = ["EMOTIONS", "emotions"]
