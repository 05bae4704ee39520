"""Sentiment of German and English feedback.

:func:`sentiment` is the entry point. Underneath: the vectorised VADER-style
lexicon-and-rules engine (:func:`score_texts`), the resources it runs on
(:class:`LexiconSpec`), VADER's own English resources (:func:`vader_spec`), the
English service extension (:func:`english_spec`), the German lexicon
(:func:`german_spec`), and :class:`SentimentModel`, the trainable classifier.
"""

from ._api import sentiment
from ._engine import score_texts
from ._english import english_spec
from ._german import german_spec
from ._labels import LabelRule, label_rules
from ._spec import LexiconSpec
from ._vader import vader_spec
from .model import SentimentModel

__all__ = [
    "LabelRule",
    "LexiconSpec",
    "SentimentModel",
    "english_spec",
    "german_spec",
    "label_rules",
    "score_texts",
    "sentiment",
    "vader_spec",
]
