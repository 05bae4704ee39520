"""Words of the quarterly report in German and English (one table, no logic)."""

from __future__ import annotations

from .._validation import check_argument

__all__ = ["LANGS", "t"]

LANGS = ("de", "en")

_WORDS: dict[str, tuple[str, str]] = {
    # key: (German, English)
    "title": ("Quartalsbericht Kundenerlebnis", "Customer experience quarterly report"),
    "subtitle": ("{quarter} im Vergleich mit {previous}; {n} Nachrichten von {customers} "
                 "Kund:innen", "{quarter} compared with {previous}; {n} customer messages from "
                 "{customers} customers"),
    "kpis": ("Kennzahlen im Quartalsvergleich", "Headline figures, quarter on quarter"),
    "touchpoints": ("Kontaktpunkte", "Touchpoints"),
    "topics": ("Steigende und fallende Themen", "Rising and falling topics"),
    "emotions": ("Gefühle, Aufwand und Handlungsbedarf", "Emotions, effort and what needs an "
                 "answer"),
    "empathy": ("Empathie der Antworten", "Reply empathy"),
    "loyalty": ("Loyalität und Empathie", "Loyalty and empathy"),
    "wom": ("Mundpropaganda", "Word of mouth"),
    "empathy_map": ("Empathy Map", "Empathy map"),
    "anomalies": ("Auffälligkeiten", "Anomalies"),
    "data_quality": ("Datenqualität", "Data quality"),
    "methods": ("Methoden und Quellen", "Methods and sources"),
    "metric": ("Kennzahl", "Metric"),
    "current": ("aktuell", "current"),
    "previous": ("Vergleich", "comparison"),
    "delta": ("Veränderung", "change"),
    "significant": ("signifikant (BH, 5 %)", "significant (BH, 5%)"),
    "volume": ("Nachrichten", "messages"),
    "nps": ("NPS", "NPS"),
    "csat": ("CSAT (Anteil 4-5)", "CSAT (share 4-5)"),
    "sentiment_mean": ("mittlere Stimmung", "mean sentiment"),
    "negative_share": ("Anteil negativ", "share negative"),
    "ces": ("CES (1-7, 7 = sehr einfach)", "CES (1-7, 7 = very easy)"),
    "empathy_mean": ("Antwort-Empathie (0-100)", "reply empathy (0-100)"),
    "yes": ("ja", "yes"),
    "no": ("nein", "no"),
    "no_data": ("keine Daten", "no data"),
    "no_customers": ("Keine Kundentabelle übergeben (customers=): der Zusammenhang von "
                     "Empathie und Wiederkauf oder Kündigung wird nicht berechnet.",
                     "No customers table given (customers=): the link between reply empathy "
                     "and repurchase or churn is not computed."),
    "association": ("Zusammenhang, keine Kausalität: Kund:innen mit empathischen Antworten "
                    "können sich auf nicht erfasste Weise unterscheiden.",
                    "An association, not a causal effect: customers who got empathic replies "
                    "may differ in ways no column records."),
    "heatmap_note": ("Anteil negativer Kundennachrichten je Kontaktpunkt und Quartal.",
                     "Share of negative customer messages per touchpoint and quarter."),
    "small": ("kleine Gruppe (n < 30): Werte unsicher", "small group (n < 30): values "
              "uncertain"),
    "quarantined": ("Beim Laden aussortierte Zeilen", "Rows quarantined at load"),
    "redacted": ("Entfernte personenbezogene Daten", "Personal data redacted"),
    "excluded": ("Zeilen ohne Zeitstempel (nicht im Bericht)", "Rows without a timestamp "
                 "(not in the report)"),
    "no_anomalies": ("Keine auffälligen Wochen oder Monate im Quartal.", "No anomalous weeks "
                     "or months in the quarter."),
    "wom_note": ("Annahmen (mit Quelle) in der Tabelle; jede ist überschreibbar.",
                 "Assumptions (with sources) in the table; each can be overridden."),
}


def t(key: str, lang: str, **values: object) -> str:
    """The text of ``key`` in ``lang``, with ``{placeholders}`` filled from ``values``."""
    check_argument("lang", LANGS, lang)
    text = _WORDS[key][LANGS.index(lang)]
    return text.format(**values) if values else text
