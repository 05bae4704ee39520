"""Reply empathy: mechanism scores, sympathy vs empathy, boilerplate, tone (issue 5)."""

from ._api import MECHANISM_WEIGHTS, MECHANISMS, empathy_score
from .model import EmpathyModel

__all__ = ["MECHANISMS", "MECHANISM_WEIGHTS", "EmpathyModel", "empathy_score"]
