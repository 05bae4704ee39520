"""Actionability of feedback: response needed, suggestion, praise or not meaningful."""

from ._api import ACTIONS, actionability

__all__ = ["ACTIONS", "actionability"]
