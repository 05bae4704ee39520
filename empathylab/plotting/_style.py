"""One palette and one label table for every empathylab figure (German or English)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._validation import check_argument

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["LANGS", "PALETTE", "SENTIMENT_COLORS", "label", "new_axes"]

LANGS = ("en", "de")
# Okabe & Ito (2008), "Color Universal Design": distinguishable with every common
# colour-vision deficiency. Order: blue, orange, green, vermillion, purple, sky, yellow, black.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442",
           "#000000")
SENTIMENT_COLORS = {"negative": "#D55E00", "neutral": "#BBBBBB", "positive": "#0072B2"}
NPS_COLORS = {"detractors": "#D55E00", "passives": "#BBBBBB", "promoters": "#009E73"}

_LABELS: dict[str, tuple[str, str]] = {
    # key: (English, German)
    "quarter": ("quarter", "Quartal"),
    "month": ("month", "Monat"),
    "week": ("week", "Woche"),
    "period": ("period", "Zeitraum"),
    "touchpoint": ("touchpoint", "Kontaktpunkt"),
    "channel": ("channel", "Kanal"),
    "team": ("team", "Team"),
    "agent_id": ("agent", "Mitarbeiter:in"),
    "topic": ("topic", "Thema"),
    "driver": ("driver", "Treiber"),
    "compound": ("sentiment (compound)", "Stimmung (compound)"),
    "sentiment": ("sentiment", "Stimmung"),
    "sentiment_mean": ("mean sentiment", "mittlere Stimmung"),
    "negative_share": ("share negative", "Anteil negativ"),
    "positive_share": ("share positive", "Anteil positiv"),
    "negative": ("negative", "negativ"),
    "neutral": ("neutral", "neutral"),
    "positive": ("positive", "positiv"),
    "nps": ("NPS", "NPS"),
    "csat": ("CSAT (% 4-5)", "CSAT (% 4-5)"),
    "ces": ("CES", "CES"),
    "empathy": ("reply empathy (0-100)", "Antwort-Empathie (0-100)"),
    "empathy_mean": ("mean reply empathy", "mittlere Antwort-Empathie"),
    "n": ("messages", "Nachrichten"),
    "volume": ("volume", "Volumen"),
    "share": ("share", "Anteil"),
    "effect": ("effect", "Effekt"),
    "impact": ("impact", "Wirkung"),
    "detractors": ("detractors (0-6)", "Kritiker (0-6)"),
    "passives": ("passives (7-8)", "Passive (7-8)"),
    "promoters": ("promoters (9-10)", "Promotoren (9-10)"),
    "value": ("value", "Wert"),
    "total": ("total", "Summe"),
    "base": ("base case", "Basisfall"),
    "low": ("low", "niedrig"),
    "high": ("high", "hoch"),
    "ci": ("95% CI", "95%-KI"),
    "all": ("all", "alle"),
}


def label(key: str, lang: str = "en") -> str:
    """Display label of a column or concept in English or German (the key itself if unknown)."""
    check_argument("lang", LANGS, lang)
    pair = _LABELS.get(key)
    if pair is None:
        return key.replace("_", " ")
    return pair[LANGS.index(lang)]


def new_axes(ax: Axes | None, size: tuple[float, float] = (7, 4)) -> Axes:
    """``ax``, or the Axes of a new figure of ``size`` inches."""
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    _, ax = plt.subplots(figsize=size)
    return ax
