"""Generic preset: German and English headers matched by name, then by similarity.

Used when no vendor preset fits. The synonyms are also tried after a vendor
preset's own aliases, so a Zendesk export with an extra ``Kanal`` column still
fills ``channel``.
"""

from __future__ import annotations

from ._base import Preset

#: Canonical column -> header names seen in German and English exports, best first.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "feedback_id": (
        "feedback_id", "feedback id", "id", "nr", "lfd nr", "laufende nummer", "response id",
        "antwort id", "antwortnummer", "message id", "nachrichten id", "review id", "comment id",
        "record id", "datensatz id", "eintrag", "feedback nr", "rueckmeldung id",
    ),
    "timestamp": (
        "timestamp", "datum", "date", "zeitstempel", "erstellt am", "erstellt", "created at",
        "created", "created_at", "datum uhrzeit", "datum und uhrzeit", "date time", "datetime",
        "zeitpunkt", "eingang", "eingangsdatum", "submitted at", "submitted", "submit date",
        "antwortdatum", "response date", "review date", "time", "uhrzeit", "zeit",
    ),
    "customer_id": (
        "customer_id", "customer id", "kundennummer", "kunden nr", "kundennr", "kdnr", "kd nr",
        "kunden id", "kundenid", "kunde", "customer", "customer number", "client id",
        "user id", "nutzer id", "account id", "kontonummer", "requester id", "contact id",
    ),
    "conversation_id": (
        "conversation_id", "conversation id", "ticket", "ticket id", "ticketnummer", "ticket nr",
        "vorgang", "vorgangsnummer", "fall", "fallnummer", "case id", "case number", "thread id",
        "thread", "konversation", "gespraech id", "chat id", "session id",
    ),
    "author_role": (
        "author_role", "author role", "rolle", "role", "absender typ", "absendertyp", "absender",
        "author type", "sender type", "sender", "verfasser", "von", "from type", "speaker",
    ),
    "agent_id": (
        "agent_id", "agent id", "agent", "mitarbeiter", "mitarbeiter id", "bearbeiter",
        "sachbearbeiter", "berater", "assignee", "assignee id", "zugewiesen an", "operator",
        "employee", "staff", "team member",
    ),
    "channel": (
        "channel", "kanal", "kontaktkanal", "medium", "quelle kanal", "via", "source channel",
        "contact channel", "eingangskanal", "kommunikationskanal",
    ),
    "touchpoint": (
        "touchpoint", "kontaktpunkt", "beruehrungspunkt", "journey phase", "journey step",
        "customer journey", "bereich", "themenbereich", "kategorie", "category", "area",
        "anliegen", "topic", "thema", "abteilung", "department",
    ),
    "text": (
        "text", "kommentar", "kommentare", "freitext", "feedback", "feedback text", "anmerkung",
        "anmerkungen", "bemerkung", "bemerkungen", "nachricht", "comment", "comments",
        "review", "review text", "message", "body", "verbatim", "content", "inhalt",
        "beschreibung", "description", "antwort", "answer", "open answer", "offene antwort",
        "ihr feedback", "your feedback", "meinung", "rueckmeldung", "begruendung", "reason",
        "why", "warum", "tweet", "post", "beitrag", "erfahrungsbericht",
    ),
    "language": ("language", "sprache", "lang", "locale", "gebietsschema", "sprachcode"),
    "rating": (
        "rating", "bewertung", "sterne", "stars", "star rating", "sternebewertung", "score",
        "punkte", "note", "gesamtbewertung", "overall rating",
    ),
    "nps": (
        "nps", "net promoter score", "weiterempfehlung", "weiterempfehlungsbereitschaft",
        "empfehlungsbereitschaft", "empfehlung", "likelihood to recommend", "recommend",
        "would recommend", "ltr", "nps score", "nps wert", "empfehlen",
    ),
    "csat": (
        "csat", "zufriedenheit", "kundenzufriedenheit", "satisfaction", "customer satisfaction",
        "csat score", "gesamtzufriedenheit", "zufriedenheit gesamt", "satisfaction score",
    ),
    "ces": (
        "ces", "customer effort", "customer effort score", "aufwand", "kundenaufwand",
        "effort", "ces score", "muehe", "einfachheit", "ease",
    ),
}

PRESET = Preset(
    name="generic",
    description=(
        "Any CSV/Excel/JSON export: German and English headers (Kommentar, Bewertung, Datum, "
        "Kanal, Comment, Score, ...) matched by name, then by similarity."
    ),
    aliases=SYNONYMS,
    signature=(),
    fuzzy=True,
)
