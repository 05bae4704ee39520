"""Empathy maps of customer feedback: SAYS, THINKS, DOES, FEELS, PAINS and GAINS
(:func:`empathy_map` -> :class:`EmpathyMap`)."""

from ._map import LABELS, QUADRANTS, EmpathyMap, classify_sentences, empathy_map

__all__ = ["LABELS", "QUADRANTS", "EmpathyMap", "classify_sentences", "empathy_map"]
