"""Politeness strategies of replies (Danescu-Niculescu-Mizil et al. 2013), German and English."""

from ._api import FEATURES, WEIGHTS, politeness_features, politeness_score

__all__ = ["FEATURES", "WEIGHTS", "politeness_features", "politeness_score"]
