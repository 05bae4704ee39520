"""Customer intents in German and English texts: churn, escalation, word of mouth,
repeat contact (:func:`detect_intents`), with the evidence that triggered them."""

from ._detect import INTENTS, detect_intents, intent_rules

__all__ = ["INTENTS", "detect_intents", "intent_rules"]
