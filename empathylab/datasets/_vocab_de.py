"""German customer-side vocabulary for the synthetic feedback generator.

All sentences were written for empathylab. Slots in braces are filled per message:
``{der_p} {den_p} {dem_p} {mein_p} {meinen_p} {meinem_p} {er_p} {ihn_p}`` (product with
article or possessive, or a pronoun, in the right gender and case), ``{product}``,
``{order}``, ``{days}``, ``{date}``, ``{weekday}``, ``{times}``, ``{minutes}``,
``{amount}``, ``{city}``, ``{staff}``, ``{int}`` (an intensifier with trailing space,
possibly empty), ``{brand}``.

``say`` entries are main clauses starting with a word that may be lower-cased after
"aber"; ``short`` entries are fragments for surveys, tweets and mixed reviews;
``restate`` entries are second-person subordinate clauses (verb last) that follow "dass"
in empathic agent replies.
"""

from __future__ import annotations

ISSUES: dict[str, dict[str, tuple[str, ...]]] = {
    "delivery.late": {
        "say": (
            "meine Bestellung ist nach {days} Tagen immer noch nicht da",
            "die Lieferung hat {int}lange gedauert, ganze {days} Tage",
            "das Paket sollte am {date} kommen und ist bis heute nicht angekommen",
            "die angegebene Lieferzeit wurde um {days} Tage überschritten",
            "ich warte jetzt seit {days} Tagen auf {meinen_p}",
            "die Lieferung war nicht gerade schnell, eher im Schneckentempo",
            "der Liefertermin wurde schon {times} verschoben",
        ),
        "short": (
            "Lieferung {int}zu spät", "Paket kam {days} Tage zu spät", "viel zu lange Lieferzeit",
            "Lieferung dauerte ewig", "Lieferzeit eine Katastrophe",
        ),
        "restate": (
            "Ihr Paket nach {days} Tagen immer noch nicht bei Ihnen angekommen ist",
            "die Lieferung deutlich länger gedauert hat als zugesagt",
            "Sie seit {days} Tagen auf {Ihren_p} warten",
        ),
    },
    "delivery.lost": {
        "say": (
            "laut Sendungsverfolgung wurde das Paket zugestellt, aber hier ist nichts angekommen",
            "mein Paket ist offenbar verloren gegangen",
            "das Paket mit {dem_p} ist spurlos verschwunden",
            "der Status sagt seit dem {date} \"zugestellt\", ich habe aber nie etwas bekommen",
            "ich habe {meinen_p} nie erhalten, obwohl ich schon {amount} bezahlt habe",
        ),
        "short": (
            "Paket nie angekommen", "Ware nicht erhalten", "Paket verschwunden",
            "angeblich zugestellt, nie bekommen",
        ),
        "restate": (
            "das Paket mit {Ihrem_p} als zugestellt gilt, bei Ihnen aber nie angekommen ist",
            "Sie {Ihren_p} trotz Zahlung von {amount} bis heute nicht erhalten haben",
        ),
    },
    "delivery.damaged": {
        "say": (
            "das Paket kam {int}beschädigt an und {der_p} hat einen Riss",
            "der Karton war völlig zerdrückt und {mein_p} ist kaputt",
            "{der_p} kam mit Kratzern und einer Delle an",
            "die Verpackung war aufgerissen und es fehlten Teile",
            "beim Auspacken habe ich gesehen, dass {der_p} zerbrochen ist",
        ),
        "short": (
            "Ware beschädigt angekommen", "Karton kaputt, Inhalt beschädigt",
            "Lieferung beschädigt", "{product} kaputt geliefert",
        ),
        "restate": (
            "{Ihr_p} beschädigt bei Ihnen angekommen ist",
            "der Karton zerdrückt war und {Ihr_p} dabei Schaden genommen hat",
        ),
    },
    "delivery.neighbour": {
        "say": (
            "der Bote hat das Paket einfach vor die Tür gestellt, wo es im Regen stand",
            "das Paket wurde bei einem Nachbarn abgegeben, den ich gar nicht kenne",
            "ich war den ganzen Tag zu Hause und trotzdem lag nur eine Karte im Briefkasten",
            "das Paket liegt jetzt in einer Filiale am anderen Ende der Stadt",
        ),
        "short": (
            "Paket beim falschen Nachbarn", "Paket einfach vor die Tür gelegt",
            "Zusteller hat nicht mal geklingelt",
        ),
        "restate": (
            "das Paket nicht bei Ihnen, sondern an anderer Stelle abgegeben wurde",
            "der Zusteller Sie trotz Anwesenheit nicht angetroffen und das Paket woanders "
            "hinterlegt hat",
        ),
    },
    "delivery.tracking": {
        "say": (
            "die Sendungsverfolgung zeigt seit {days} Tagen denselben Status",
            "der Trackinglink funktioniert nicht",
            "die Sendungsnummer ist laut Paketdienst unbekannt",
            "ich habe keine Ahnung, wo mein Paket ist, weil das Tracking nichts anzeigt",
        ),
        "short": (
            "Tracking funktioniert nicht", "Sendungsverfolgung ohne Update",
            "kein Sendungsstatus",
        ),
        "restate": (
            "die Sendungsverfolgung Ihnen seit {days} Tagen keinen neuen Status zeigt",
            "der Trackinglink zu Ihrer Sendung nicht funktioniert",
        ),
    },
    "delivery.fast": {
        "say": (
            "die Lieferung kam {int}schnell, schon nach einem Tag",
            "das Paket war einen Tag früher da als angekündigt",
            "die Lieferung war super schnell",
            "die Zustellung hat wunderbar geklappt",
            "die Lieferung war alles andere als langsam",
        ),
        "short": (
            "schnelle Lieferung", "Lieferung super schnell", "Paket am nächsten Tag da",
            "Versand top",
        ),
        "restate": ("die Lieferung schon nach einem Tag bei Ihnen war",),
    },
    "delivery.driver": {
        "say": (
            "der Paketbote war {int}freundlich und hat alles bis in den dritten Stock getragen",
            "der Fahrer hat vorher angerufen und war pünktlich",
            "die Zustellerin hat sogar gewartet, bis ich an der Tür war",
        ),
        "short": ("netter Paketbote", "freundlicher Fahrer", "pünktliche Zustellung"),
        "restate": ("der Zusteller so aufmerksam war",),
    },
    "delivery.where": {
        "say": (
            "wann kommt denn meine Bestellung?",
            "können Sie mir sagen, wo mein Paket gerade ist?",
            "ist {der_p} schon verschickt worden?",
            "wann kann ich mit der Lieferung rechnen?",
            "kann ich die Lieferung noch an eine Packstation umleiten?",
        ),
        "short": ("Wo bleibt mein Paket?", "Wann kommt die Lieferung?"),
        "restate": ("Sie möchten wissen, wann {Ihr_p} bei Ihnen ankommt",),
    },
    "delivery.suggest": {
        "say": (
            "es wäre schön, wenn man ein Zeitfenster für die Lieferung wählen könnte",
            "bitte bieten Sie auch Lieferung an eine Packstation an",
            "eine Benachrichtigung am Liefertag wäre sehr hilfreich",
            "ich würde mir weniger Verpackungsmüll wünschen",
        ),
        "short": ("Lieferzeitfenster wären gut", "weniger Plastik in der Verpackung bitte"),
        "restate": ("Sie sich eine flexiblere Zustellung wünschen",),
    },
    "checkout.payment_failed": {
        "say": (
            "die Zahlung mit PayPal ist {times} fehlgeschlagen",
            "beim Bezahlen kam eine Fehlermeldung, trotzdem wurde Geld abgebucht",
            "meine Kreditkarte wird an der Kasse ständig abgelehnt",
            "die Bestellung ließ sich nicht abschließen, weil die Zahlung hängen blieb",
        ),
        "short": ("Zahlung fehlgeschlagen", "Bezahlung klappt nicht", "Fehler beim Bezahlen"),
        "restate": (
            "die Zahlung beim Bestellen fehlgeschlagen ist, der Betrag von {amount} aber "
            "trotzdem abgebucht wurde",
            "die Zahlung an unserer Kasse bei Ihnen {times} gescheitert ist",
        ),
    },
    "checkout.voucher": {
        "say": (
            "mein Gutscheincode wird an der Kasse nicht angenommen",
            "der Rabatt aus dem Newsletter wurde nicht abgezogen",
            "der Gutschein über 20 € ist angeblich ungültig, obwohl er bis Ende des Monats gilt",
        ),
        "short": ("Gutschein funktioniert nicht", "Rabattcode ungültig"),
        "restate": ("Ihr Gutscheincode an der Kasse nicht angenommen wurde",),
    },
    "checkout.error": {
        "say": (
            "der Bestellvorgang bricht immer beim letzten Schritt ab",
            "die Seite lädt an der Kasse ewig und dann kommt ein Fehler",
            "der Warenkorb war nach dem Login plötzlich leer",
        ),
        "short": ("Checkout fehlerhaft", "Kasse hängt sich auf", "Warenkorb leer nach Login"),
        "restate": ("der Bestellvorgang bei Ihnen kurz vor dem Abschluss abgebrochen ist",),
    },
    "checkout.easy": {
        "say": (
            "das Bestellen ging {int}einfach und schnell",
            "der Bezahlvorgang war unkompliziert",
            "die Bestellung war in zwei Minuten erledigt",
        ),
        "short": ("einfache Bestellung", "Bezahlung problemlos", "Bestellen kinderleicht"),
        "restate": ("die Bestellung bei Ihnen so reibungslos geklappt hat",),
    },
    "checkout.methods": {
        "say": (
            "kann ich bei Ihnen auch auf Rechnung bezahlen?",
            "bieten Sie Ratenzahlung an?",
            "warum gibt es kein Apple Pay?",
        ),
        "short": ("Zahlung auf Rechnung möglich?",),
        "restate": ("Sie möchten wissen, welche Zahlungsarten wir anbieten",),
    },
    "checkout.suggest": {
        "say": (
            "es wäre toll, wenn man auch per Lastschrift zahlen könnte",
            "eine Gastbestellung ohne Kundenkonto wäre praktisch",
        ),
        "short": ("Gastbestellung anbieten",),
        "restate": ("Sie sich weitere Bezahlmöglichkeiten wünschen",),
    },
    "webshop.out_of_stock": {
        "say": (
            "der Artikel ist seit Wochen ausverkauft",
            "online steht \"verfügbar\", aber bestellen kann man es nicht",
            "{der_p} ist ständig vergriffen",
        ),
        "short": ("Artikel dauernd ausverkauft", "nichts vorrätig"),
        "restate": ("{der_p} seit Wochen nicht lieferbar ist",),
    },
    "webshop.description": {
        "say": (
            "{der_p} sieht ganz anders aus als auf den Fotos",
            "die Größenangaben stimmen überhaupt nicht",
            "die Produktbeschreibung ist falsch, {der_p} hat gar keinen Akku",
            "die Farbe ist {int}anders als auf der Website",
        ),
        "short": ("Beschreibung stimmt nicht", "sieht anders aus als im Shop",
                  "Größe fällt klein aus"),
        "restate": ("{Ihr_p} nicht der Beschreibung in unserem Shop entspricht",),
    },
    "webshop.search": {
        "say": (
            "die Suche auf der Website findet nie, was ich suche",
            "die Filter im Shop funktionieren nicht richtig",
            "man findet sich auf der Seite {int}schlecht zurecht",
        ),
        "short": ("Suche unbrauchbar", "Website unübersichtlich"),
        "restate": ("die Suche in unserem Shop hat Ihnen nicht weitergeholfen",),
    },
    "webshop.price": {
        "say": (
            "der Preis ist zwei Tage nach meiner Bestellung um 30 € gefallen",
            "die Preise sind {int}hoch geworden",
            "für den Preis hätte ich mehr Qualität erwartet",
        ),
        "short": ("zu teuer", "Preis-Leistung stimmt nicht"),
        "restate": ("der Preis kurz nach Ihrer Bestellung gesunken ist",),
    },
    "webshop.selection": {
        "say": (
            "die Auswahl im Shop ist {int}groß",
            "man findet bei Ihnen wirklich alles",
            "das Sortiment ist super",
        ),
        "short": ("tolle Auswahl", "großes Sortiment"),
        "restate": ("Ihnen unser Sortiment gefällt",),
    },
    "webshop.quality": {
        "say": (
            "{der_p} ist {int}hochwertig verarbeitet",
            "die Qualität von {dem_p} ist top",
            "{der_p} ist genau wie beschrieben und funktioniert einwandfrei",
            "ich bin mit {dem_p} mehr als zufrieden",
            "{der_p} ist nicht schlecht, sogar richtig gut",
        ),
        "short": ("super Qualität", "Ware top", "{product} klasse", "Produkt wie beschrieben"),
        "restate": ("Sie mit {Ihrem_p} so zufrieden sind",),
    },
    "webshop.availability": {
        "say": (
            "wann ist {der_p} wieder lieferbar?",
            "gibt es {den_p} auch in Schwarz?",
            "bekommen Sie {den_p} noch mal rein?",
        ),
        "short": ("Wann wieder verfügbar?",),
        "restate": ("Sie wissen möchten, wann {der_p} wieder verfügbar ist",),
    },
    "webshop.suggest": {
        "say": (
            "eine Merkliste, die man teilen kann, wäre schön",
            "bitte zeigen Sie die Lieferzeit schon in der Produktliste an",
            "mehr Fotos von den Produkten würden helfen",
        ),
        "short": ("mehr Produktfotos", "Merkliste teilen"),
        "restate": ("Sie sich mehr Informationen im Shop wünschen",),
    },
    "hotline.waiting": {
        "say": (
            "ich hing {minutes} Minuten in der Warteschleife",
            "bei der Hotline kommt man {int}nie durch",
            "nach {minutes} Minuten Warteschleife wurde einfach aufgelegt",
            "die Hotline ist dauerbesetzt",
        ),
        "short": ("ewige Warteschleife", "Hotline nicht erreichbar", "{minutes} Min. gewartet"),
        "restate": (
            "Sie {minutes} Minuten in unserer Warteschleife verbracht haben",
            "Sie bei unserer Hotline nicht durchgekommen sind",
        ),
    },
    "hotline.transferred": {
        "say": (
            "ich wurde {times} weiterverbunden und am Ende wusste keiner Bescheid",
            "jeder Mitarbeiter an der Hotline sagt etwas anderes",
            "ich musste mein Anliegen {times} von vorne erklären",
        ),
        "short": ("ständig weiterverbunden", "keiner fühlt sich zuständig"),
        "restate": (
            "Sie am Telefon {times} weiterverbunden wurden und alles neu erklären mussten",
        ),
    },
    "hotline.unfriendly": {
        "say": (
            "die Dame an der Hotline war {int}unfreundlich",
            "der Mitarbeiter am Telefon hat mich einfach unterbrochen",
            "am Telefon wurde ich behandelt, als wäre ich zu blöd",
        ),
        "short": ("unfreundliche Hotline", "pampiger Mitarbeiter am Telefon"),
        "restate": ("Sie sich an unserer Hotline nicht respektvoll behandelt gefühlt haben",),
    },
    "hotline.callback": {
        "say": (
            "mir wurde ein Rückruf versprochen, aber niemand hat angerufen",
            "der zugesagte Rückruf kam nie",
            "seit {days} Tagen warte ich auf den versprochenen Rückruf",
        ),
        "short": ("Rückruf nie erfolgt", "kein Rückruf"),
        "restate": ("der Rückruf, den wir Ihnen zugesagt hatten, nie gekommen ist",),
    },
    "hotline.helpful": {
        "say": (
            "{staff} an der Hotline war {int}hilfsbereit",
            "am Telefon wurde mir sofort geholfen",
            "die Beratung am Telefon war kompetent und freundlich",
        ),
        "short": ("kompetente Hotline", "sehr nette Beratung am Telefon"),
        "restate": ("Ihnen am Telefon gut geholfen wurde",),
    },
    "hotline.hours": {
        "say": (
            "wann ist Ihre Hotline eigentlich erreichbar?",
            "ist die Hotline auch am Samstag besetzt?",
        ),
        "short": ("Hotline Öffnungszeiten?",),
        "restate": ("Sie wissen möchten, wann unsere Hotline erreichbar ist",),
    },
    "hotline.suggest": {
        "say": (
            "eine Rückruffunktion statt Warteschleife wäre super",
            "bitte sagen Sie in der Warteschleife an, wie lange es noch dauert",
        ),
        "short": ("Rückrufservice anbieten",),
        "restate": ("Sie sich einen Rückrufservice wünschen",),
    },
    "chat.bot_loop": {
        "say": (
            "der Chatbot versteht meine Frage nicht und schickt mich im Kreis",
            "der Chatbot bietet mir immer nur dieselben drei Antworten an",
            "im Chat kommt man nie zu einem echten Menschen durch",
        ),
        "short": ("Chatbot nutzlos", "Chatbot dreht sich im Kreis"),
        "restate": ("unser Chatbot Sie im Kreis geschickt hat, statt Ihnen zu helfen",),
    },
    "chat.disconnected": {
        "say": (
            "der Chat ist mitten im Gespräch abgebrochen",
            "nach {minutes} Minuten im Chat war die Verbindung plötzlich weg",
        ),
        "short": ("Chat abgebrochen", "Chat ständig getrennt"),
        "restate": ("der Chat mitten in Ihrem Anliegen abgebrochen ist",),
    },
    "chat.quick": {
        "say": (
            "im Chat wurde mir {int}schnell geholfen",
            "der Livechat war super, in fünf Minuten war alles geklärt",
        ),
        "short": ("schneller Chat", "Chat sehr hilfreich"),
        "restate": ("Ihnen im Chat schnell geholfen werden konnte",),
    },
    "chat.hours": {
        "say": ("ist der Chat auch am Wochenende besetzt?", "bis wann ist der Livechat online?"),
        "short": ("Chat Zeiten?",),
        "restate": ("Sie wissen möchten, wann unser Chat besetzt ist",),
    },
    "chat.suggest": {
        "say": ("es wäre gut, wenn man den Chatverlauf per Mail bekommen könnte",),
        "short": ("Chatverlauf per Mail",),
        "restate": ("Sie sich den Chatverlauf per E-Mail wünschen",),
    },
    "email.no_reply": {
        "say": (
            "ich habe schon {times} geschrieben und nie eine Antwort bekommen",
            "auf meine E-Mail vom {date} hat bis heute niemand reagiert",
            "seit {days} Tagen keine Antwort auf meine Mails",
        ),
        "short": ("keine Antwort auf Mails", "Mails werden ignoriert"),
        "restate": ("Ihre E-Mail vom {date} bis heute unbeantwortet geblieben ist",),
    },
    "email.template": {
        "say": (
            "auf meine Mail kam nur eine Standardantwort, die nichts mit meinem Problem zu tun hat",
            "die Antwort per Mail war ein reiner Textbaustein",
        ),
        "short": ("nur Textbausteine", "Standardantwort ohne Bezug"),
        "restate": ("Sie auf Ihre Nachricht nur eine Standardantwort bekommen haben",),
    },
    "email.fast": {
        "say": (
            "auf meine Mail kam innerhalb einer Stunde eine Antwort",
            "die Antwort per E-Mail war schnell und {int}hilfreich",
        ),
        "short": ("schnelle Antwort per Mail", "Mail-Support top"),
        "restate": ("Sie so schnell eine Antwort bekommen haben",),
    },
    "email.address": {
        "say": ("an welche Adresse kann ich Unterlagen schicken?",),
        "short": ("Welche Mailadresse?",),
        "restate": ("Sie wissen möchten, wohin Sie Ihre Unterlagen schicken können",),
    },
    "email.suggest": {
        "say": ("eine Eingangsbestätigung für E-Mails wäre hilfreich",),
        "short": ("Eingangsbestätigung schicken",),
        "restate": ("Sie sich eine Eingangsbestätigung wünschen",),
    },
    "store.staff": {
        "say": (
            "die Beratung in der Filiale {city} war {int}gut",
            "die Verkäuferin in {city} hat sich viel Zeit für mich genommen",
            "das Personal im Markt ist immer freundlich",
        ),
        "short": ("tolle Beratung im Laden", "nettes Personal in {city}"),
        "restate": ("Sie in unserer Filiale in {city} gut beraten wurden",),
    },
    "store.queue": {
        "say": (
            "an der Kasse in {city} stand ich {minutes} Minuten",
            "von fünf Kassen war nur eine besetzt",
        ),
        "short": ("lange Schlange an der Kasse", "nur eine Kasse offen"),
        "restate": ("Sie in {city} {minutes} Minuten an der Kasse warten mussten",),
    },
    "store.pickup": {
        "say": (
            "meine Click-&-Collect-Bestellung war in der Filiale nicht abholbereit",
            "ich bin umsonst in den Laden in {city} gefahren, das Paket war noch nicht da",
        ),
        "short": ("Abholung klappte nicht", "Click & Collect nicht bereit"),
        "restate": (
            "Sie umsonst in unsere Filiale in {city} gefahren sind, weil Ihre Bestellung "
            "noch nicht abholbereit war",
        ),
    },
    "store.unfriendly": {
        "say": (
            "der Verkäufer in {city} war {int}unhöflich",
            "im Laden hat mich niemand beachtet",
        ),
        "short": ("unfreundliches Personal", "keine Beratung im Laden"),
        "restate": ("Sie sich in unserer Filiale in {city} nicht gut behandelt gefühlt haben",),
    },
    "store.hours": {
        "say": ("hat die Filiale in {city} auch sonntags offen?",
                "wann macht der Laden in {city} auf?"),
        "short": ("Öffnungszeiten {city}?",),
        "restate": ("Sie die Öffnungszeiten unserer Filiale in {city} wissen möchten",),
    },
    "store.suggest": {
        "say": ("mehr Sitzgelegenheiten im Laden wären nett", "Selbstbedienungskassen wären super"),
        "short": ("Selbstbedienungskassen bitte",),
        "restate": ("Sie sich mehr Komfort in unseren Filialen wünschen",),
    },
    "app.crash": {
        "say": (
            "die App stürzt bei jedem Start ab",
            "seit dem letzten Update stürzt die App ständig ab",
            "die App friert beim Bezahlen ein",
        ),
        "short": ("App stürzt ab", "App ständig eingefroren"),
        "restate": ("die App bei Ihnen seit dem Update immer wieder abstürzt",),
    },
    "app.login": {
        "say": (
            "ich kann mich in der App nicht mehr einloggen",
            "das Passwort-Zurücksetzen in der App funktioniert nicht",
        ),
        "short": ("Login geht nicht", "kein Login möglich"),
        "restate": ("Sie sich nicht mehr in die App einloggen können",),
    },
    "app.notifications": {
        "say": (
            "die App schickt mir {int}viele Werbe-Benachrichtigungen",
            "ich bekomme jeden Tag Pushnachrichten, obwohl ich sie abgestellt habe",
        ),
        "short": ("zu viele Push-Nachrichten", "Werbung nervt"),
        "restate": ("die App Ihnen trotz Abmeldung weiter Benachrichtigungen schickt",),
    },
    "app.update_good": {
        "say": (
            "die neue App-Version ist {int}gut geworden",
            "die App läuft jetzt flüssig und übersichtlich",
            "mit der App zu bestellen macht richtig Spaß",
        ),
        "short": ("App super", "neue App top", "App endlich schnell"),
        "restate": ("Ihnen die neue Version unserer App gefällt",),
    },
    "app.feature": {
        "say": ("kann man in der App auch Rücksendungen anmelden?",
                "gibt es die App auch für Tablets?"),
        "short": ("Retoure per App möglich?",),
        "restate": ("Sie wissen möchten, was unsere App alles kann",),
    },
    "app.suggest": {
        "say": ("ein Dark Mode in der App wäre schön", "bitte bauen Sie einen Barcode-Scanner ein"),
        "short": ("Dark Mode bitte",),
        "restate": ("Sie sich neue Funktionen in der App wünschen",),
    },
    "billing.double_charge": {
        "say": (
            "mir wurde der Betrag von {amount} doppelt abgebucht",
            "auf meinem Konto sehe ich zwei Abbuchungen für dieselbe Bestellung",
            "Sie haben {amount} zweimal von meiner Kreditkarte abgebucht",
        ),
        "short": ("doppelt abgebucht", "Betrag zweimal belastet"),
        "restate": ("Ihnen der Betrag von {amount} doppelt abgebucht wurde",),
    },
    "billing.wrong_invoice": {
        "say": (
            "auf der Rechnung steht ein falscher Betrag",
            "die Rechnung ist auf die falsche Adresse ausgestellt",
            "die Versandkosten wurden berechnet, obwohl der Versand gratis sein sollte",
        ),
        "short": ("Rechnung fehlerhaft", "falscher Rechnungsbetrag"),
        "restate": ("die Rechnung zu Ihrer Bestellung fehlerhaft ist",),
    },
    "billing.dunning": {
        "say": (
            "ich habe eine Mahnung bekommen, obwohl ich längst bezahlt habe",
            "trotz Zahlung am {date} kam jetzt eine Mahnung mit Gebühren",
        ),
        "short": ("Mahnung trotz Zahlung", "unberechtigte Mahngebühr"),
        "restate": ("Sie trotz pünktlicher Zahlung eine Mahnung erhalten haben",),
    },
    "billing.invoice_clear": {
        "say": (
            "die Rechnung ist {int}übersichtlich",
            "der Kauf auf Rechnung hat problemlos geklappt",
            "die Gutschrift war sofort auf meinem Konto",
        ),
        "short": ("klare Rechnung", "Zahlung auf Rechnung top"),
        "restate": ("die Abrechnung für Sie so reibungslos gelaufen ist",),
    },
    "billing.invoice_copy": {
        "say": (
            "können Sie mir die Rechnung noch einmal als PDF schicken?",
            "wo finde ich die Rechnung zu meiner Bestellung?",
        ),
        "short": ("Rechnung als PDF?",),
        "restate": ("Sie eine Kopie der Rechnung benötigen",),
    },
    "billing.suggest": {
        "say": ("Rechnungen sollten automatisch per Mail kommen",),
        "short": ("Rechnung per Mail bitte",),
        "restate": ("Sie Ihre Rechnungen lieber direkt per E-Mail bekommen möchten",),
    },
    "returns.refund_slow": {
        "say": (
            "ich warte seit {days} Tagen auf die Erstattung von {amount}",
            "die Rücksendung ist seit dem {date} bei Ihnen, aber das Geld ist nicht da",
            "die Gutschrift für meine Retoure lässt {int}lange auf sich warten",
        ),
        "short": ("Erstattung dauert ewig", "Geld nach Retoure nicht zurück"),
        "restate": ("Sie seit {days} Tagen auf die Erstattung von {amount} warten",),
    },
    "returns.label": {
        "say": (
            "ich kann das Retourenetikett nicht ausdrucken",
            "im Paket lag kein Rücksendeschein",
            "der Link zum Rücksendeetikett ist abgelaufen",
        ),
        "short": ("kein Retourenlabel", "Rücksendeschein fehlt"),
        "restate": ("Sie kein gültiges Rücksendeetikett bekommen haben",),
    },
    "returns.rejected": {
        "say": (
            "meine Rücksendung wurde abgelehnt, angeblich wegen Gebrauchsspuren",
            "die Retoure wurde nicht akzeptiert, obwohl {der_p} originalverpackt war",
        ),
        "short": ("Retoure abgelehnt", "Rückgabe verweigert"),
        "restate": ("Ihre Rücksendung abgelehnt wurde, obwohl {der_p} unbenutzt war",),
    },
    "returns.defect": {
        "say": (
            "{der_p} ist nach {days} Tagen kaputtgegangen",
            "{der_p} funktioniert nicht mehr und ich möchte {ihn_p} zurückgeben",
            "{mein_p} hat schon nach einer Woche den Geist aufgegeben",
        ),
        "short": ("{product} defekt", "Ware nach kurzer Zeit kaputt"),
        "restate": ("{Ihr_p} schon nach {days} Tagen defekt ist",),
    },
    "returns.easy": {
        "say": (
            "die Rücksendung war {int}einfach",
            "das Geld für die Retoure war nach drei Tagen zurück",
            "der Umtausch ging völlig problemlos",
        ),
        "short": ("Retoure problemlos", "Umtausch einfach"),
        "restate": ("Ihre Rücksendung so problemlos geklappt hat",),
    },
    "returns.how": {
        "say": (
            "wie kann ich {den_p} zurückschicken?",
            "kann ich {den_p} auch in der Filiale zurückgeben?",
            "bis wann kann ich {den_p} noch umtauschen?",
        ),
        "short": ("Wie funktioniert die Rücksendung?",),
        "restate": ("Sie {den_p} zurückgeben möchten",),
    },
    "returns.suggest": {
        "say": ("Rücksendungen ohne Drucker per QR-Code wären praktisch",),
        "short": ("Retoure per QR-Code",),
        "restate": ("Sie sich eine einfachere Rücksendung wünschen",),
    },
}

INT_STRONG: tuple[str, ...] = (
    "extrem ", "total ", "absolut ", "wirklich ", "echt ", "unglaublich ", "mega ", "sehr sehr ",
)
INT_MILD: tuple[str, ...] = ("", "", "", "ziemlich ", "etwas ", "recht ", "sehr ", "schon ")
TIMES: tuple[str, ...] = ("zweimal", "dreimal", "viermal", "fünfmal", "x-mal", "mehrmals")
WEEKDAYS: tuple[str, ...] = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag")

GREETINGS: tuple[str, ...] = (
    "Hallo,", "Guten Tag,", "Sehr geehrte Damen und Herren,", "Hallo zusammen,", "Moin,",
    "Hi,", "Liebes {brand}-Team,", "Guten Morgen,", "Hallo {brand},", "Servus,",
)
CONTEXT: tuple[str, ...] = (
    "ich habe am {date} {den_p} bestellt (Bestellnummer {order})",
    "es geht um meine Bestellung {order} vom {date}",
    "Bestellung {order}: {product}",
    "ich habe bei Ihnen {den_p} für {amount} gekauft",
    "betrifft Bestell-Nr. {order}",
    "am {date} habe ich {den_p} bestellt, Bestellnummer #{order}",
    "Bestellnr {order}",
    "zu meiner Bestellung {order} ({product}, {amount})",
)
CONTEXT_NEG: tuple[str, ...] = (
    "meine Bestellung ({order}, {product}) macht Probleme",
    "leider gibt es ein Problem mit meiner Bestellung {order}",
    "ich habe ein Problem mit Bestellung {order} vom {date}",
)
SECOND_ISSUE: tuple[str, ...] = ("Und ", "Ach ja, und ", "Obendrein: ", "Noch dazu: ", "Außerdem: ")
EFFORT_HIGH: tuple[str, ...] = (
    "Ich musste {times} anrufen.",
    "Ich habe schon {times} bei Ihnen angerufen und {times} geschrieben.",
    "Ich hänge seit {minutes} Minuten in der Warteschleife.",
    "Jedes Mal muss ich alles von vorne erklären.",
    "Ich habe jetzt schon {days} Tage damit verbracht, das zu klären.",
    "Das ist jetzt mein {nth} Versuch, das zu klären.",
    "Ich wurde {times} weiterverbunden und keiner konnte helfen.",
    "Ich habe bereits alle Formulare ausgefüllt, zweimal.",
)
EFFORT_LOW: tuple[str, ...] = (
    "Ging alles ganz einfach.", "Nach zwei Minuten war alles erledigt.",
    "Ohne jeden Aufwand.", "Hat auf Anhieb geklappt.",
)
NTH: tuple[str, ...] = ("dritter", "vierter", "fünfter", "gefühlt hundertster")
EMOTION: dict[str, tuple[str, ...]] = {
    "anger": (
        "Das ist eine absolute Frechheit!", "Ich bin stinksauer.", "Unverschämt!",
        "So etwas habe ich noch nie erlebt!", "Ich bin wirklich wütend.",
        "Was für ein Saftladen!", "Das ist doch wohl ein Witz!",
    ),
    "frustration": (
        "Langsam verliere ich die Geduld.", "Ich bin echt genervt.", "Das nervt total.",
        "Ich bin mit meinem Latein am Ende.", "Es reicht mir langsam.",
    ),
    "disappointment": (
        "Ich bin ehrlich gesagt enttäuscht.", "Schade, von Ihnen hätte ich mehr erwartet.",
        "Sehr enttäuschend.", "Das war leider nichts.", "Eigentlich bin ich sonst zufrieden, "
        "aber das war enttäuschend.",
    ),
    "worry": (
        "Ich mache mir langsam Sorgen, dass mein Geld weg ist.", "Ich bin ziemlich beunruhigt.",
        "Ich hoffe, das Geld ist nicht verloren.", "Das macht mir ehrlich gesagt Sorgen.",
    ),
    "confusion": (
        "Ich verstehe nicht, was ich jetzt tun soll.", "Ich blicke da nicht mehr durch.",
        "Ist das normal so?",
    ),
    "neutral": ("", "", "Danke im Voraus.", "Vielen Dank vorab."),
    "joy": ("Ich bin begeistert!", "Ich freue mich riesig.", "Einfach klasse!", "Super!"),
    "gratitude": (
        "Vielen Dank dafür!", "Herzlichen Dank!", "Danke, dass Sie sich so gekümmert haben.",
        "Dafür ein großes Dankeschön.",
    ),
}
REQUESTS: dict[str, tuple[str, ...]] = {
    "delivery": ("Wo ist mein Paket?", "Wann kommt die Lieferung jetzt?",
                 "Bitte schicken Sie mir Ersatz."),
    "checkout": ("Wurde die Bestellung jetzt angenommen oder nicht?",
                 "Bitte buchen Sie das Geld zurück."),
    "webshop": ("Können Sie mir den Preisunterschied erstatten?", "Was kann ich tun?"),
    "hotline": ("Kann mich bitte jemand zurückrufen?", "Ich erwarte einen Rückruf."),
    "chat": ("Kann mir bitte ein Mensch helfen?",),
    "email": ("Bekomme ich jetzt endlich eine Antwort?",),
    "store": ("Wie geht es jetzt weiter?",),
    "app": ("Wann wird das behoben?", "Was soll ich tun?"),
    "billing": ("Wann bekomme ich mein Geld zurück?", "Bitte korrigieren Sie die Rechnung.",
                "Bitte stornieren Sie die Mahngebühr."),
    "returns": ("Wann bekomme ich mein Geld?", "Bitte schicken Sie mir ein neues Etikett.",
                "Ich möchte mein Geld zurück."),
    "_": ("Können Sie mir bitte helfen?", "Bitte melden Sie sich.",
          "Ich bitte um eine schnelle Lösung.", "Bitte kümmern Sie sich darum.",
          "Ich erwarte eine Antwort bis {weekday}."),
}
THREATS: tuple[str, ...] = (
    "Wenn das nicht bis {weekday} geklärt ist, storniere ich alles.",
    "Das war definitiv meine letzte Bestellung bei Ihnen.",
    "Ich überlege ernsthaft, mein Kundenkonto zu kündigen.",
    "Ich werde mich bei der Verbraucherzentrale beschweren.",
    "Ab jetzt kaufe ich bei der Konkurrenz.",
    "Sonst gibt es eine schlechte Bewertung.",
    "Nie wieder {brand}!",
    "Ich kündige meine Mitgliedschaft.",
)
PRAISE: tuple[str, ...] = (
    "Großes Lob an Ihr Team!", "Weiter so!", "Gerne wieder!",
    "Ich kann Sie nur weiterempfehlen.", "Danke an {staff_acc} für die Hilfe!",
    "Da kaufe ich gerne wieder ein.", "Top Service!", "Volle Punktzahl.",
    "Hab Sie schon meiner Schwester empfohlen.",
)
SUGGEST_FRAMES: tuple[str, ...] = ("Kleiner Vorschlag: ", "Eine Anregung: ", "Tipp: ", "")
SIGNOFFS: tuple[str, ...] = (
    "Viele Grüße\n{first} {last}", "Mit freundlichen Grüßen\n{first} {last}", "MfG {last}",
    "LG {first}", "Gruß {first}", "Danke und Gruß\n{first} {last}", "VG", "Grüße",
    "Beste Grüße, {first}",
)
PII: dict[str, tuple[str, ...]] = {
    "email": (
        "Sie erreichen mich unter {email}.", "Meine Mailadresse: {email}",
        "Bitte antworten Sie an {email}, nicht an die alte Adresse.",
    ),
    "phone": (
        "Rufen Sie mich gerne an: {phone}.", "Meine Nummer: {phone}",
        "Tel. {phone} (ab 17 Uhr)",
    ),
    "iban": (
        "Bitte überweisen Sie das Geld auf mein Konto, IBAN {iban}.",
        "Meine Bankverbindung: {iban}",
    ),
    "card": (
        "Abgebucht wurde von meiner Karte {card}.", "Meine Kreditkartennummer ist {card}.",
    ),
    "address": (
        "Meine Adresse: {street}, {postcode} {city}.",
        "Lieferadresse ist {street}, {postcode} {city}.",
    ),
}
PHONE_OPENERS: tuple[str, ...] = (
    "Ja, hallo, ich rufe an wegen ", "Guten Tag, ich melde mich wegen ",
    "Hallo, ich hab ein Problem mit ", "Ja, also, es ist wegen ", "Äh, hallo, wegen ",
)
PHONE_TOPIC: dict[str, str] = {
    "webshop": "einem Artikel aus dem Onlineshop.", "checkout": "meiner Bestellung.",
    "delivery": "meiner Lieferung.", "hotline": "der Hotline.", "chat": "dem Chat.",
    "email": "meiner E-Mail.", "store": "der Filiale.", "app": "Ihrer App.",
    "billing": "meiner Rechnung.", "returns": "einer Rücksendung.",
}
SURVEY_OPENERS: dict[str, tuple[str, ...]] = {
    "pos": ("Alles super.", "Sehr zufrieden.", "Top!", "Gerne wieder.", "Passt alles.", ""),
    "neg": ("Leider nicht zufrieden.", "Nicht gut.", "Enttäuschend.", "Schwach.", ""),
    "neu": ("Ganz ok.", "Geht so.", "Im Großen und Ganzen in Ordnung.", ""),
}
SURVEY_REASONS: dict[str, tuple[str, ...]] = {
    "empathic": (
        "{agent} hat mein Problem sofort verstanden.", "Man hat sich wirklich gekümmert.",
        "Endlich mal jemand, der zuhört.", "Sehr persönliche Antwort.",
        "Ich habe mich ernst genommen gefühlt.", "Da hat jemand mitgedacht.",
    ),
    "sympathetic": (
        "Freundliche Antwort, aber das Problem ist noch nicht gelöst.", "Nett, aber Standard.",
        "Die Entschuldigung hilft mir wenig.", "Höflich, mehr nicht.",
    ),
    "cold": (
        "Nur eine Standardantwort bekommen.", "Man hat mich abgewimmelt.",
        "Ich wurde auf die FAQ verwiesen, sehr hilfreich...", "Unpersönlich und kurz angebunden.",
        "Keiner fühlt sich zuständig.",
    ),
    "bot": ("Der Chatbot hat nicht geholfen.", "Der Bot war ok für die einfache Frage.",
            "Wollte mit einem Menschen sprechen."),
    "none": ("Keine Reaktion auf meine Anfrage.", "Niemand hat geantwortet."),
}
SURVEY_EFFORT: dict[str, tuple[str, ...]] = {
    "high": ("Viel zu umständlich.", "Hat viel zu lange gedauert.", "Musste mehrfach nachhaken."),
    "low": ("Ging schnell.", "Unkompliziert.", "Schnell erledigt."),
}
FOLLOWUPS: dict[str, tuple[str, ...]] = {
    "pos": (
        "Vielen Dank für die schnelle Hilfe!", "Danke, dann warte ich bis {weekday}.",
        "Super, das hat geklappt. Danke!", "Danke für Ihre Rückmeldung, das klingt gut.",
        "Perfekt, vielen Dank {agent_first}!", "Danke, ich habe die Fotos angehängt.",
    ),
    "neu": (
        "Ok. Ich habe die Unterlagen angehängt.", "Und wie lange dauert das jetzt?",
        "Gut, ich warte ab.", "Die Bestellnummer steht doch in meiner ersten Mail: {order}.",
        "Ok, aber bitte geben Sie mir Bescheid.",
    ),
    "neg": (
        "Das hilft mir überhaupt nicht weiter.", "Die FAQ habe ich längst gelesen!",
        "Schon wieder eine Standardantwort. Ich will mein Geld zurück!",
        "Haben Sie meine Nachricht überhaupt gelesen?", "Das ist keine Lösung.",
        "Ich warte immer noch. Langsam reicht es.",
    ),
}
FOLLOWUP_DETAILS: tuple[str, ...] = (
    "Meine Bestellnummer ist {order}.", "Kundennummer {customer_id}.",
    "Ich warte jetzt seit {days} Tagen.", "Ich bin bis {weekday} nicht zu Hause.",
    "Ihre Nachricht kam erst am {msg_date} bei mir an.", "Es geht immer noch um {den_p}.",
    "Ich hatte am {date} bestellt.", "Der Betrag war {amount}.",
)
FOLLOWUP_SIGN: tuple[str, ...] = ("Gruß {first}", "{first} {last}", "VG {first}", "MfG {last}")
EMOJI: dict[str, tuple[str, ...]] = {
    "neg": ("😡", "😤", "🙄", "👎", "😠", "🤬", "😞"),
    "pos": ("👍", "😊", "🙂", "🎉", "❤️", "👌", "😍"),
    "neu": ("🤔", "🙈", "😅"),
}
SOCIAL_TAGS: tuple[str, ...] = ("#fail", "#kundenservice", "#nordmarkt", "#lieferung", "#danke")
REVIEW_TITLES: dict[str, tuple[str, ...]] = {
    "pos": ("Sehr zu empfehlen", "Top Shop", "Alles bestens", "Gerne wieder"),
    "neg": ("Nie wieder", "Enttäuscht", "Finger weg", "Schlechter Service"),
    "neu": ("Gemischte Gefühle", "Ganz okay", "Licht und Schatten"),
}
