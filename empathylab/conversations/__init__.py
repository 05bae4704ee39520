"""Conversations rebuilt from reply links or conversation order, and their metrics.

:func:`threads` pairs every agent or bot reply with the customer message it
answers and the customer's next message (response time, turn, sentiment
recovery); :func:`conversations` sums each conversation up (first-response
time, turns); :func:`bot_vs_human` and :func:`empathy_table` compare groups.
"""

from ._metrics import bot_vs_human, empathy_table, mean_interval, wilson_interval
from ._threads import LINK_ALIASES, conversations, threads

__all__ = [
    "LINK_ALIASES",
    "bot_vs_human",
    "conversations",
    "empathy_table",
    "mean_interval",
    "threads",
    "wilson_interval",
]
