"""From scores to ``label``: one rule per (method, language), chosen on dev data.

A :class:`LabelRule` names the statistic it thresholds and the two thresholds.
The rules of ``method="lexicon"`` live next to the language resources they were
chosen for (``_english.EN_LABEL_RULE``, ``_german.DE_LABEL_RULE``), where the
benchmark that chose them documents how; ``method="vader"`` keeps VADER's
published +-0.05 on ``compound`` (Hutto & Gilbert 2014).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .._validation import check_argument

__all__ = [
    "STATISTICS",
    "VADER_RULE",
    "LabelRule",
    "apply_rule",
    "label_rules",
    "resolve_rules",
    "statistic",
]

#: Statistics a rule can threshold, computed from the engine's four columns:
#: ``compound`` as is; ``share`` = ``positive - negative``, the length-normalised
#: balance of the text's positive and negative tokens (-1..1), which does not grow
#: with the number of sentiment words as ``compound`` does.
STATISTICS = ("compound", "share")


@dataclass(frozen=True)
class LabelRule:
    """``positive`` when ``statistic >= upper``, ``negative`` when ``<= lower``.

    Parameters
    ----------
    statistic : {"compound", "share"}
        What is thresholded (see :data:`STATISTICS`).
    lower, upper : float
        Thresholds, ``lower < upper``; in between is ``neutral``.
    source : str, default=""
        How the thresholds were chosen (shown in the docs and benchmarks).

    Examples
    --------
    >>> rule = LabelRule("compound", -0.05, 0.05, "VADER's convention")
    >>> rule.apply(pd.Series([0.6, 0.0, -0.3]), pd.Series([0.5, 0.0, 0.1]),
    ...            pd.Series([0.0, 0.0, 0.3])).tolist()
    ['positive', 'neutral', 'negative']
    """

    statistic: str
    lower: float
    upper: float
    source: str = ""

    def __post_init__(self) -> None:
        check_argument("statistic", STATISTICS, self.statistic)
        if not self.lower < self.upper:
            raise ValueError(
                f"`lower` must be below `upper`, but {self.lower!r} and {self.upper!r} were "
                "passed."
            )

    def apply(self, compound: pd.Series, positive: pd.Series, negative: pd.Series) -> pd.Series:
        """Labels (object dtype, NaN where the scores are missing)."""
        value = statistic(self.statistic, compound, positive, negative).to_numpy(float)
        label = np.where(
            value >= self.upper, "positive", np.where(value <= self.lower, "negative", "neutral")
        ).astype(object)
        label[np.isnan(value)] = np.nan
        return pd.Series(label, index=compound.index, dtype=object)


def statistic(
    name: str, compound: pd.Series, positive: pd.Series, negative: pd.Series
) -> pd.Series:
    """The value a rule thresholds (see :data:`STATISTICS`)."""
    if name == "share":
        return positive - negative
    return compound


VADER_RULE = LabelRule(
    "compound", -0.05, 0.05, "VADER's published convention (Hutto & Gilbert 2014)"
)


def label_rules() -> dict[tuple[str, str], LabelRule]:
    """The rule of every (method, language); ``und`` texts use the English rule."""
    from ._english import EN_LABEL_RULE
    from ._german import DE_LABEL_RULE

    return {
        ("vader", "en"): VADER_RULE,
        ("vader", "de"): DE_LABEL_RULE,  # German rows use the German lexicon either way
        ("lexicon", "en"): EN_LABEL_RULE,
        ("lexicon", "de"): DE_LABEL_RULE,
    }


def resolve_rules(
    method: str, label_rule: str | LabelRule | dict[str, LabelRule] | None
) -> dict[str, LabelRule]:
    """The rule per language (``de``, ``en``) that ``sentiment(label_rule=...)`` asks for."""
    rules = label_rules()
    if label_rule is None:
        return {lang: rules[(method, lang)] for lang in ("de", "en")}
    if isinstance(label_rule, str):
        check_argument("label_rule", ["vader"], label_rule)
        return {"de": VADER_RULE, "en": VADER_RULE}
    if isinstance(label_rule, LabelRule):
        return {"de": label_rule, "en": label_rule}
    if isinstance(label_rule, dict):
        unknown = sorted(set(label_rule) - {"de", "en"})
        bad = [k for k, v in label_rule.items() if not isinstance(v, LabelRule)]
        if unknown or bad:
            raise ValueError(
                "`label_rule` as a dict must map 'de' and/or 'en' to LabelRule objects, but "
                f"keys {unknown or bad} were passed."
            )
        chosen = {lang: rules[(method, lang)] for lang in ("de", "en")}
        chosen.update(label_rule)
        return chosen
    raise TypeError(
        "`label_rule` must be None, 'vader', a LabelRule or a dict of them by language, but "
        f"{type(label_rule).__name__} was passed."
    )


def apply_rule(
    scores: pd.DataFrame,
    language: pd.Series,
    method: str,
    label_rule: str | LabelRule | dict[str, LabelRule] | None = None,
) -> pd.Series:
    """``label`` for engine scores (columns compound, positive, negative) by language."""
    rules = resolve_rules(method, label_rule)
    label = pd.Series(np.nan, index=scores.index, dtype=object)
    for lang in ("de", "en"):
        rows = language.isin([lang, "und"] if lang == "en" else [lang]).fillna(False).to_numpy()
        if rows.any():
            part = scores[rows]
            label[rows] = rules[lang].apply(
                part["compound"], part["positive"], part["negative"]
            ).to_numpy()
    return label
