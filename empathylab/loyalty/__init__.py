"""Loyalty versus empathy: link service experience to later outcomes, with honest statistics."""

from ._correlate import correlate
from ._effect import EmpathyEffect, effect_of_empathy
from ._link import link_outcomes
from ._retention import RetentionCurves, empathy_bands, retention_curves

__all__ = [
    "EmpathyEffect",
    "RetentionCurves",
    "correlate",
    "effect_of_empathy",
    "empathy_bands",
    "link_outcomes",
    "retention_curves",
]
