"""German agent and bot reply phrases (formal "Sie" throughout), written for empathylab.

Styles: ``cold`` (terse standard fix, sometimes blaming), ``sympathetic`` (apology
boilerplate plus standard fix), ``empathic`` (names the feeling, restates the
customer's situation with their details, takes ownership with a concrete next step
and deadline, asks a targeted question). Slots as in :mod:`._vocab_de` plus
``{sg}`` ("Sehr geehrte Frau Becker"), ``{title_last}`` ("Frau Becker"), ``{first}``,
``{agent_first}``, ``{agent_last}``, ``{initials}``, ``{deadline}`` ("Donnerstag,
14.03."), ``{ticket}``, ``{street}``, ``{bot}``.
"""

from __future__ import annotations

GREET_LETTER: tuple[str, ...] = (
    "{sg},", "Guten Tag {title_last},", "Hallo {title_last},", "Sehr geehrte Kundin, sehr "
    "geehrter Kunde,", "Liebe Kundin, lieber Kunde,", "Guten Tag,",
)
GREET_SHORT: tuple[str, ...] = ("Hallo {title_last},", "Guten Tag {title_last},", "Hallo,", "")
GREET_PHONE: tuple[str, ...] = (
    "Guten Tag {title_last}, Sie sprechen mit {agent_first} {agent_last}.",
    "{brand} Kundenservice, mein Name ist {agent_first} {agent_last}.",
    "Ja, guten Tag {title_last}.",
)
COLD_OPEN: tuple[str, ...] = (
    "Ihre Anfrage {ticket} ist eingegangen.", "Zu Ihrer Anfrage vom {msg_date}:",
    "Bezüglich Ihrer Nachricht vom {msg_date}:", "Ticket {ticket}:", "Vorgang {ticket}.",
    "Betreff: Ihre Anfrage Nr. {ticket}", "Kundennummer {customer_id}:",
)
COLD_FIX: dict[str, tuple[str, ...]] = {
    "delivery": (
        "Die Lieferzeit beträgt laut AGB bis zu 10 Werktage.",
        "Den Sendungsstatus entnehmen Sie bitte der Sendungsverfolgung.",
        "Bitte wenden Sie sich direkt an den Paketdienst.",
        "Eine Nachforschung ist erst nach 10 Werktagen möglich.",
    ),
    "checkout": (
        "Bitte versuchen Sie es mit einer anderen Zahlungsart.",
        "Fehlgeschlagene Zahlungen werden automatisch storniert.",
        "Bitte leeren Sie Ihren Browser-Cache.",
    ),
    "webshop": (
        "Die Verfügbarkeit sehen Sie auf der Produktseite.",
        "Preisänderungen sind jederzeit möglich.",
        "Die Produktangaben stammen vom Hersteller.",
    ),
    "hotline": (
        "Unsere Hotline ist Mo-Fr von 8 bis 18 Uhr erreichbar.",
        "Zu Stoßzeiten kann es zu Wartezeiten kommen.",
        "Bitte nutzen Sie alternativ das Kontaktformular.",
    ),
    "chat": (
        "Der Chat ist Mo-Sa von 9 bis 20 Uhr besetzt.",
        "Bitte starten Sie einen neuen Chat.",
    ),
    "email": (
        "Die Bearbeitungszeit für E-Mails beträgt bis zu 5 Werktage.",
        "Ihre E-Mail wird in der Reihenfolge des Eingangs bearbeitet.",
    ),
    "store": (
        "Bitte wenden Sie sich direkt an die Filiale.",
        "Die Öffnungszeiten finden Sie auf unserer Website.",
    ),
    "app": (
        "Bitte installieren Sie die App neu.",
        "Bitte aktualisieren Sie die App auf die neueste Version.",
        "Benachrichtigungen können Sie in den Einstellungen deaktivieren.",
    ),
    "billing": (
        "Doppelte Buchungen werden innerhalb von 10 Werktagen automatisch korrigiert.",
        "Die Rechnung finden Sie in Ihrem Kundenkonto.",
        "Bitte senden Sie uns einen Zahlungsnachweis.",
    ),
    "returns": (
        "Die Erstattung erfolgt innerhalb von 14 Tagen nach Wareneingang.",
        "Das Retourenetikett können Sie im Kundenkonto herunterladen.",
        "Bitte nutzen Sie das Retourenformular.",
    ),
}
COLD_BLAME: tuple[str, ...] = (
    "Bitte lesen Sie die FAQ.", "Das ist in unseren AGB geregelt.",
    "Bitte prüfen Sie Ihre Angaben.", "Weitere Informationen finden Sie in den FAQ.",
    "Für Verzögerungen des Versanddienstleisters sind wir nicht verantwortlich.",
    "Hierzu können wir keine weiteren Angaben machen.", "Eine Kulanz ist leider nicht möglich.",
)
COLD_CLOSE: tuple[str, ...] = ("MfG", "Mit freundlichen Grüßen", "Gruß", "", "Freundliche Grüße")
SYM_THANKS: tuple[str, ...] = (
    "Vielen Dank für Ihre Nachricht.", "Danke, dass Sie sich an uns gewandt haben.",
    "Herzlichen Dank für Ihre Anfrage.", "Danke für Ihre Rückmeldung.",
)
SYM_APOLOGY: tuple[str, ...] = (
    "Wir bedauern die entstandenen Unannehmlichkeiten.",
    "Es tut uns leid, dass Sie Grund zur Beanstandung haben.",
    "Bitte entschuldigen Sie die Unannehmlichkeiten.",
    "Wir entschuldigen uns für die Umstände.",
    "Es tut uns leid, dass es zu Problemen gekommen ist.",
)
SYM_FIX: dict[str, tuple[str, ...]] = {
    "delivery": (
        "Bitte wenden Sie sich an unseren Versandpartner, falls das Paket nicht in den "
        "nächsten Tagen eintrifft.",
        "Bitte haben Sie noch etwas Geduld, Lieferungen können sich derzeit verzögern.",
        "Wir haben Ihre Reklamation an die zuständige Abteilung weitergeleitet.",
    ),
    "checkout": (
        "Bitte versuchen Sie es später noch einmal oder wählen Sie eine andere Zahlungsart.",
        "Wir haben Ihre Meldung an die technische Abteilung weitergegeben.",
    ),
    "webshop": (
        "Wir haben Ihr Feedback an das zuständige Team weitergeleitet.",
        "Bitte beachten Sie, dass sich Preise und Verfügbarkeiten ändern können.",
    ),
    "hotline": (
        "Wir arbeiten daran, die Wartezeiten zu verkürzen.",
        "Wir haben Ihr Feedback an die Teamleitung weitergegeben.",
    ),
    "chat": ("Bitte versuchen Sie es erneut oder schreiben Sie uns eine E-Mail.",),
    "email": ("Aufgrund des hohen Aufkommens kann es zu Verzögerungen kommen.",),
    "store": ("Wir haben Ihre Rückmeldung an die Filialleitung weitergegeben.",),
    "app": (
        "Bitte installieren Sie die neueste Version der App.",
        "Unser technisches Team ist informiert.",
    ),
    "billing": (
        "Bitte senden Sie uns einen Kontoauszug, damit wir den Vorgang prüfen können.",
        "Wir haben die Buchhaltung informiert.",
    ),
    "returns": (
        "Bitte haben Sie Verständnis, dass die Bearbeitung von Retouren einige Tage dauert.",
        "Bitte nutzen Sie für die Rücksendung das Formular in Ihrem Kundenkonto.",
    ),
}
SYM_QUESTION: tuple[str, ...] = (
    "Können wir sonst noch etwas für Sie tun?",
    "Bei weiteren Fragen stehen wir Ihnen gerne zur Verfügung.",
    "Für Rückfragen sind wir jederzeit für Sie da.",
)
SYM_CLOSE: tuple[str, ...] = (
    "Wir danken für Ihr Verständnis.\nMit freundlichen Grüßen",
    "Mit freundlichen Grüßen", "Freundliche Grüße", "Vielen Dank für Ihre Geduld.\nViele Grüße",
)
EMP_FEELING: dict[str, tuple[str, ...]] = {
    "anger": (
        "Ich kann absolut verstehen, dass Sie verärgert sind.",
        "Dass Sie wütend sind, kann ich sehr gut nachvollziehen.",
        "Ihr Ärger ist völlig berechtigt.",
    ),
    "frustration": (
        "Ich verstehe, wie frustrierend das für Sie sein muss.",
        "Das ist wirklich zermürbend, und das tut mir leid.",
        "Ich kann gut nachvollziehen, dass Ihnen langsam die Geduld ausgeht.",
    ),
    "disappointment": (
        "Es tut mir wirklich leid, dass wir Sie enttäuscht haben.",
        "Ich verstehe gut, dass Sie enttäuscht sind, Sie hatten sich auf uns verlassen.",
    ),
    "worry": (
        "Ich verstehe, dass Sie sich Sorgen machen, das würde mir genauso gehen.",
        "Ich kann gut verstehen, dass Sie beunruhigt sind.",
    ),
    "confusion": (
        "Ich kann gut verstehen, dass das verwirrend ist.",
        "Verständlich, dass hier Fragen offen sind.",
    ),
    "neutral": ("Danke, dass Sie nachfragen.", "Gute Frage, die kläre ich gern für Sie."),
    "joy": ("Wie schön, von Ihnen zu hören!", "Ihre Nachricht hat mir den Tag versüßt."),
    "gratitude": (
        "Vielen Dank für Ihre herzlichen Worte, darüber freue ich mich sehr.",
        "Was für eine schöne Rückmeldung, herzlichen Dank!",
    ),
}
EMP_RESTATE_ORDER: tuple[str, ...] = (
    "Sie haben am {date} {den_p} bestellt (Bestellung {order}), und ich sehe, dass {r}.",
    "Ich habe mir Ihre Bestellung {order} angesehen: Sie schreiben, dass {r}.",
    "Bei Ihrer Bestellung {order} über {den_p} ist es so, dass {r}.",
)
EMP_RESTATE: dict[str, tuple[str, ...]] = {
    "neg": (
        "Sie schreiben, dass {r}, und das darf so nicht passieren.",
        "Wenn ich Sie richtig verstehe, ist das Problem, dass {r}.",
        "Es ist wirklich ärgerlich, dass {r}.",
    ),
    "pos": ("Wie schön, dass {r}!", "Es freut mich sehr zu lesen, dass {r}."),
    "question": ("Ich verstehe, dass {r}.", "Sie schreiben, dass {r}."),
    "suggestion": ("Ich verstehe, dass {r}, und finde die Idee gut.",
                   "Danke für den Hinweis, dass {r}."),
}
EMP_ACTION: dict[str, tuple[str, ...]] = {
    "delivery": (
        "Ich habe soeben einen Nachforschungsauftrag beim Paketdienst gestartet und melde "
        "mich bis {deadline} persönlich bei Ihnen.",
        "Ich schicke Ihnen heute noch Ersatz per Expressversand; die Sendungsnummer bekommen "
        "Sie bis {deadline} direkt von mir.",
        "Ich kümmere mich selbst darum und habe den Versand mit höchster Priorität markiert; "
        "bis {deadline} haben Sie Ihr Paket.",
    ),
    "checkout": (
        "Ich habe die Zahlung geprüft und die Rückbuchung von {amount} veranlasst; das Geld "
        "ist bis {deadline} wieder auf Ihrem Konto.",
        "Ich habe Ihre Bestellung manuell für Sie angelegt, Sie müssen nichts weiter tun.",
    ),
    "webshop": (
        "Ich erstatte Ihnen die Differenz und gebe die falsche Beschreibung noch heute an "
        "unser Produktteam weiter.",
        "Ich habe mir den Artikel vorgemerkt und schreibe Ihnen bis {deadline}, sobald er "
        "wieder da ist.",
    ),
    "hotline": (
        "Ich habe Ihr Anliegen jetzt selbst übernommen und rufe Sie bis {deadline} zurück, "
        "damit Sie nicht noch einmal in der Warteschleife hängen.",
        "Ich bin ab jetzt Ihre feste Ansprechperson und melde mich bis {deadline} mit "
        "einer Lösung.",
    ),
    "chat": (
        "Ich habe den Verlauf gesichert und kläre das jetzt direkt für Sie; bis {deadline} "
        "haben Sie eine Antwort.",
    ),
    "email": (
        "Ich habe Ihre Anfrage sofort übernommen und antworte Ihnen bis {deadline} "
        "verbindlich.",
    ),
    "store": (
        "Ich habe mit der Filialleitung in {city} gesprochen; Ihre Bestellung liegt bis "
        "{deadline} für Sie bereit.",
        "Ich gebe das direkt an die Filiale in {city} weiter und melde mich bis {deadline}.",
    ),
    "app": (
        "Ich habe den Fehler mit Ihren Angaben an unser App-Team gemeldet und gebe Ihnen bis "
        "{deadline} Bescheid, sobald das Update da ist.",
        "Ich habe Ihr Konto zurückgesetzt; Sie bekommen gleich eine E-Mail, mit der Sie sich "
        "wieder anmelden können.",
    ),
    "billing": (
        "Ich habe die doppelte Buchung storniert; der Betrag von {amount} ist bis {deadline} "
        "wieder auf Ihrem Konto.",
        "Ich habe die Rechnung korrigiert und die Mahngebühr gestrichen; die neue Rechnung "
        "bekommen Sie bis {deadline} per E-Mail.",
    ),
    "returns": (
        "Ich habe die Erstattung von {amount} heute freigegeben; das Geld ist bis {deadline} "
        "auf Ihrem Konto.",
        "Ich schicke Ihnen ein neues Retourenetikett per E-Mail und hole das Paket bei Bedarf "
        "auch bei Ihnen ab.",
    ),
}
EMP_ACTION_POS: tuple[str, ...] = (
    "Ich gebe Ihr Lob sehr gern an das ganze Team weiter.",
    "Ihr Lob leite ich persönlich an die Kolleginnen und Kollegen weiter.",
)
EMP_QUESTION: dict[str, tuple[str, ...]] = {
    "delivery": (
        "Ist Ihre Lieferadresse noch aktuell, oder soll ich das Paket lieber an eine "
        "Packstation schicken?",
        "Passt es Ihnen, wenn die Zustellung am {deadline} kommt, oder brauchen Sie es früher?",
    ),
    "checkout": ("Welche Zahlungsart möchten Sie beim nächsten Mal nutzen?",),
    "webshop": ("Möchten Sie den Artikel behalten, oder soll ich Ihnen eine Alternative "
                "vorschlagen?",),
    "hotline": ("Zu welcher Uhrzeit erreiche ich Sie am besten?",),
    "chat": ("Darf ich Sie unter Ihrer hinterlegten Nummer anrufen?",),
    "email": ("Wäre ein kurzer Anruf für Sie angenehmer als E-Mails?",),
    "store": ("Welcher Tag passt Ihnen für die Abholung am besten?",),
    "app": ("Welches Handymodell und welche App-Version nutzen Sie?",),
    "billing": ("Soll das Geld auf die Karte oder auf Ihr Bankkonto zurückgehen?",),
    "returns": ("Möchten Sie lieber Ihr Geld zurück oder einen Ersatzartikel?",),
    "_pos": (
        "Darf ich fragen, was Ihnen am besten gefallen hat?",
        "Dürfen wir Ihr Lob anonym auf unserer Website zitieren?",
    ),
}
EMP_FEELING_IDEA: tuple[str, ...] = (
    "Danke, dass Sie sich die Zeit für diesen Vorschlag genommen haben.",
    "Was für eine gute Idee, danke dafür!",
)
EMP_ANSWER: tuple[str, ...] = (
    "Ich habe das für Sie nachgesehen: {fact} Falls danach noch etwas offen ist, kümmere ich "
    "mich bis {deadline} persönlich darum.",
    "Kurz und konkret: {fact} Ich habe mir Ihre Anfrage vorgemerkt und schaue bis {deadline} "
    "noch einmal nach, ob alles geklappt hat.",
)
EMP_ACTION_IDEA: tuple[str, ...] = (
    "Ich habe Ihren Vorschlag an das zuständige Team weitergegeben und sage Ihnen bis "
    "{deadline}, wie es damit weitergeht.",
    "Ich nehme Ihre Idee in unsere nächste Teamrunde mit und melde mich bis {deadline} bei "
    "Ihnen.",
)
EMP_QUESTION_IDEA: tuple[str, ...] = (
    "Dürfen wir Sie kontaktieren, wenn wir die Funktion testen?",
    "Was wäre für Sie dabei am wichtigsten?",
)
EMP_CLOSE: tuple[str, ...] = (
    "Ich bin für Sie da.\nHerzliche Grüße", "Herzliche Grüße", "Viele Grüße und bis bald",
    "Ich melde mich wie versprochen.\nHerzliche Grüße",
)
PRAISE_COLD: tuple[str, ...] = (
    "Danke für das Feedback, {title_last}.", "Danke. Vorgang {ticket} ist geschlossen.",
    "Feedback zu Vorgang {ticket} ist notiert.",
)
PRAISE_SYM: tuple[str, ...] = (
    "Vielen Dank für Ihre freundliche Rückmeldung.",
    "Wir freuen uns, dass Sie zufrieden sind.",
    "Wir würden uns freuen, Sie bald wieder begrüßen zu dürfen.",
)
SIGNATURE_LETTER: tuple[str, ...] = (
    "{agent_first} {agent_last}\n{brand} Kundenservice", "{agent_first} {agent_last}",
    "Ihr {brand} Kundenservice\n{agent_first}", "{agent_first} vom {brand} Kundenservice",
)
SIGNATURE_SHORT: tuple[str, ...] = ("{agent_first}", "{agent_first} vom Kundenservice", "")
SOCIAL_DM: tuple[str, ...] = (
    "Bitte senden Sie uns eine DM mit Ihrer Bestellnummer.",
    "Schreiben Sie uns gerne per Direktnachricht.",
)
BOT_OPEN: tuple[str, ...] = (
    "Hallo! Ich bin {bot}, die digitale Assistentin von {brand}. 🤖",
    "Hallo, hier ist {bot}, Ihre virtuelle Assistentin.",
    "Willkommen beim {brand} Kundenservice! Ich bin {bot}.",
)
BOT_BODY: dict[str, tuple[str, ...]] = {
    "delivery": (
        "Zu Ihrer Bestellung {order} sehe ich den Status: \"In Zustellung\".",
        "Ihre Bestellung {order} wurde am {date} verschickt.",
        "Informationen zum Versand finden Sie unter Mein Konto > Bestellungen.",
    ),
    "checkout": ("Tipps zu Zahlungsproblemen finden Sie in unserer Hilfe unter \"Bezahlen\".",),
    "webshop": ("Die Verfügbarkeit von Artikeln sehen Sie direkt auf der Produktseite.",),
    "hotline": ("Unsere Hotline erreichen Sie Mo-Fr von 8 bis 18 Uhr.",),
    "chat": ("Unser Chat ist Mo-Sa von 9 bis 20 Uhr für Sie da.",),
    "email": ("Wir beantworten E-Mails in der Regel innerhalb von 2 Werktagen.",),
    "store": ("Öffnungszeiten und Adressen unserer Filialen finden Sie in der Filialsuche.",),
    "app": ("Bitte aktualisieren Sie die App. Viele Probleme sind damit behoben.",),
    "billing": ("Ihre Rechnungen finden Sie unter Mein Konto > Rechnungen.",),
    "returns": (
        "Eine Rücksendung zu Bestellung {order} können Sie unter Mein Konto > Retouren anmelden.",
        "Erstattungen erfolgen innerhalb von 14 Tagen nach Eingang der Rücksendung.",
    ),
}
BOT_TICKET: tuple[str, ...] = (
    "Ich habe Ihre Anfrage unter der Nummer {ticket} aufgenommen.",
    "Ihre Vorgangsnummer lautet {ticket}.",
    "Hallo {first}, Ihre Anfrage hat die Nummer {ticket}.",
)
BOT_CLOSE: tuple[str, ...] = (
    "Konnte ich Ihnen helfen? Antworten Sie mit \"Ja\" oder \"Nein\".",
    "Möchten Sie mit einem Mitarbeiter sprechen? Dann schreiben Sie \"Mitarbeiter\".",
    "Kann ich sonst noch etwas für Sie tun?",
)
BOT_HANDOVER: tuple[str, ...] = (
    "Ich verbinde Sie mit einem Kollegen.", "Einen Moment, ich leite Sie weiter.", "",
)
