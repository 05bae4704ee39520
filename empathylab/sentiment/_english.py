"""English for customer feedback: VADER plus the service vocabulary it lacks.

``data/en_service.tsv`` holds about 80 words and phrases of customer service
(delayed, cancelled, on hold, no reply, lost luggage, refunded, seamless, ...)
rated for this project on VADER's -4..+4 scale, anchored to VADER's ratings of
comparable words (see the file's header). Multi-word entries become phrases.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from importlib import resources

from ._labels import LabelRule
from ._spec import LexiconSpec
from ._vader import vader_spec

__all__ = ["EN_LABEL_RULE", "english_spec", "service_lexicon"]

#: ``label`` rule of ``method="lexicon"`` for English, chosen by macro-F1 on the
#: American Airlines tweets of the airline dev set and checked on the US Airways
#: ones (``benchmarks/sentiment_en.py``; figures in BENCHMARKS.md).
EN_LABEL_RULE = LabelRule(
    "compound", -0.05, 0.45, "macro-F1 on airline dev (American), checked on US Airways"
)


def service_lexicon() -> dict[str, float]:
    """The English service vocabulary: term (lower case) -> valence."""
    text = resources.files(__package__).joinpath("data/en_service.tsv").read_text("utf-8")
    entries: dict[str, float] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        term, value = line.split("\t")[:2]
        entries[term.strip().lower()] = float(value)
    return entries


@lru_cache(maxsize=1)
def english_spec() -> LexiconSpec:
    """VADER's resources with the service vocabulary added (``method="lexicon"``, English).

    >>> spec = english_spec()
    >>> spec.lexicon["stranded"], spec.phrases["on hold"]
    (-2.2, -1.4)
    """
    base = vader_spec()
    extra = service_lexicon()
    words = {k: v for k, v in extra.items() if " " not in k}
    phrases = {k: v for k, v in extra.items() if " " in k}
    return replace(
        base,
        name="english-service",
        lexicon={**base.lexicon, **words},
        phrases={**base.phrases, **phrases},
    )
