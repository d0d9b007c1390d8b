"""German topic and severity term lists (lexicons/topics.py, lexicons/severity.py), issue #21.

Realistic 1-2 star German shop reviews (with and without umlauts, ae/oe/ue spellings, typos,
colloquial forms), written for issue #21 independently of the frozen, blind and multilingual
evaluation sets (not read). Each case names the review's main topic (None: no single topic) and
the severity reasons it must get; a case without reasons must get none of the five "high"
reasons (precision). Controls name topics/reasons that must NOT be found.

Written in batches: each batch's comment says how many of its cases passed before the list
changes it prompted, the nearest thing to a held-out figure here.
"""

import pytest

from tests.support.topic_terms import case_test, control_test

# Batch 1: before any list change, 48 of these 72 passed (cases 38 of 60, controls 10 of 12).
# (Measured on the working tree as found, which already held uncommitted German additions.)
CASES_1 = [
    # delivery_delay
    (
        "Bestellt am 3. März, heute ist der 28. und das Paket ist immer noch nicht da.",
        1,
        "delivery_delay",
        (),
    ),
    ("Lieferzeit angeblich 2-3 Tage, gedauert hat es fast drei Wochen.", 2, "delivery_delay", ()),
    (
        "Ware kam viel zu spät, das Geschenk war für den Geburtstag gedacht.",
        1,
        "delivery_delay",
        (),
    ),
    (
        "Sendungsverfolgung zeigt seit 10 Tagen nichts Neues, Paket bis heute nicht angekommen.",
        1,
        "delivery_delay",
        (),
    ),
    ("Warte seit über einem Monat auf meine Bestellung!!", 1, "delivery_delay", ()),
    ("Die Lieferung wurde dreimal verschoben, ich hab die Nase voll.", 1, "delivery_delay", ()),
    ("Versand dauerte ewig, nie wieder", 2, "delivery_delay", ()),
    # damaged_packaging
    (
        "Der Karton war völlig zerdrückt und die Tassen darin zerbrochen.",
        1,
        "damaged_packaging",
        (),
    ),
    ("Paket kam aufgerissen an, die Hälfte war rausgefallen.", 1, "damaged_packaging", ()),
    ("Verpackung total kaputt, der Bildschirm hat einen Riss.", 1, "damaged_packaging", ()),
    ("Die Vase kam in Scherben an. Schlecht verpackt.", 1, "damaged_packaging", ()),
    ("Ware beschaedigt geliefert, Karton war nass und eingedrueckt", 1, "damaged_packaging", ()),
    # product_quality
    ("Nach zwei Wochen ging der Mixer nicht mehr. Billiger Schrott.", 1, "product_quality", ()),
    ("Der Reißverschluss ist nach dem ersten Tragen gerissen.", 2, "product_quality", ()),
    (
        "Die Nähte lösen sich schon nach einer Wäsche, der Stoff fühlt sich billig an.",
        2,
        "product_quality",
        (),
    ),
    ("Akku hält keine Stunde, total enttäuschend.", 1, "product_quality", ()),
    ("Das Ding lädt nicht auf und geht ständig aus.", 1, "product_quality", ()),
    ("Farbe blättert nach ein paar Tagen ab, minderwertig.", 2, "product_quality", ()),
    ("Die Kaffeemaschine hat nach 3 Monaten den Geist aufgegeben.", 1, "product_quality", ()),
    # wrong_item
    pytest.param(
        "Ich habe eine blaue Jacke bestellt und eine rote bekommen.",
        1,
        "wrong_item",
        (),
    ),
    ("Falscher Artikel geliefert und keiner meldet sich.", 1, "wrong_item", ()),
    ("Im Paket fehlte das Ladekabel.", 2, "wrong_item", ()),
    ("Es wurden nur 2 statt 4 Stühle geliefert.", 1, "wrong_item", ()),
    ("Völlig anderes Produkt bekommen als auf dem Bild.", 1, "wrong_item", ()),
    ("Die Schrauben zum Aufbau fehlen komplett", 2, "wrong_item", ()),
    # size_fit
    ("Die Hose fällt zwei Nummern kleiner aus, viel zu eng.", 2, "size_fit", ()),
    ("Schuhe sind viel zu groß, obwohl ich meine normale Größe bestellt habe.", 2, "size_fit", ()),
    ("Passt überhaupt nicht, die Ärmel sind viel zu kurz.", 1, "size_fit", ()),
    ("Kleid ist winzig, die Groessentabelle stimmt hinten und vorne nicht", 1, "size_fit", ()),
    ("Zu klein geschnitten, musste es zurückschicken.", 2, "size_fit", ()),
    # price_value
    ("Für den Preis eine Frechheit, das ist höchstens 5 Euro wert.", 1, "price_value", ()),
    ("Viel zu teuer für das, was man bekommt.", 2, "price_value", ()),
    # customs_fees
    (
        "Musste beim Empfang noch 25 € Zoll nachzahlen, davon stand nichts im Shop.",
        1,
        "customs_fees",
        (),
    ),
    (
        "Zusätzlich Einfuhrumsatzsteuer und Bearbeitungsgebühr an DHL, hätte ich das gewusst...",
        1,
        "customs_fees",
        (),
    ),
    # returns_refunds
    (
        "Habe die Ware vor 6 Wochen zurückgeschickt und warte immer noch auf mein Geld.",
        1,
        "returns_refunds",
        (),
    ),
    ("Rückerstattung wurde abgelehnt, obwohl das Paket ungeöffnet war.", 1, "returns_refunds", ()),
    (
        "Die Ruecksendung muss man selbst zahlen, das Porto kostet mehr als der Artikel.",
        2,
        "returns_refunds",
        (),
    ),
    (
        "Widerruf eingereicht, seitdem keine Reaktion und keine Gutschrift.",
        1,
        "returns_refunds",
        (),
    ),
    ("Umtausch nicht möglich, angeblich wegen Hygiene", 2, "returns_refunds", ()),
    # customer_service
    ("Der Kundenservice antwortet einfach nicht auf meine Mails.", 1, "customer_service", ()),
    ("Hotline nie erreichbar, ständig in der Warteschleife.", 1, "customer_service", ()),
    (
        "Die Mitarbeiterin am Telefon war extrem unhöflich und hat einfach aufgelegt.",
        1,
        "customer_service",
        (),
    ),
    (
        "Auf meine Reklamation kam nur eine automatische Antwort, danach nichts mehr.",
        1,
        "customer_service",
        (),
    ),
    ("Keine Antwort auf drei E-Mails, man wird komplett ignoriert", 1, "customer_service", ()),
    # website_checkout
    ("Bezahlen hat nicht geklappt, der Bestellvorgang bricht immer ab.", 2, "website_checkout", ()),
    ("Gutscheincode wurde an der Kasse nicht akzeptiert.", 2, "website_checkout", ()),
    (
        "Die App stürzt beim Bezahlen ständig ab und ich konnte mich nicht einloggen.",
        1,
        "website_checkout",
        (),
    ),
    # severity
    (
        "Der Föhn hat beim ersten Benutzen angefangen zu qualmen und roch verschmort.",
        1,
        "product_quality",
        ("safety",),
    ),
    (
        "Die Bremse vom Kinderwagen hat versagt und er wäre fast auf die Straße gerollt.",
        1,
        "product_quality",
        ("safety",),
    ),
    (
        "Die Leiter ist unter mir zusammengebrochen, hab mir beim Sturz das Handgelenk gebrochen.",
        1,
        "product_quality",
        ("safety", "health_injury"),
    ),
    (
        "Die Klinge hat sich beim Schneiden gelöst, total gefährlich!",
        1,
        "product_quality",
        ("safety",),
    ),
    (
        "Nach dem Eincremen bekam ich einen allergischen Ausschlag im ganzen Gesicht.",
        1,
        None,
        ("health_injury",),
    ),
    (
        "Kleinteile lösen sich sofort, mein Kleinkind hätte fast eins verschluckt. "
        "Erstickungsgefahr!",
        1,
        "product_quality",
        ("safety",),
    ),
    ("Das ist Betrug! Geld abgebucht, Ware nie bekommen.", 1, "delivery_delay", ("fraud_claim",)),
    (
        "Ware nie geliefert, ich habe meinen Anwalt eingeschaltet und werde Anzeige erstatten.",
        1,
        "delivery_delay",
        ("legal_threat",),
    ),
    ("Ich habe bei PayPal einen Käuferschutz-Fall eröffnet.", 1, None, ("chargeback_threat",)),
    (
        "Habe die Abbuchung bei meiner Kreditkartenfirma zurückbuchen lassen.",
        1,
        None,
        ("chargeback_threat",),
    ),
    ("Fake-Shop, Finger weg! Die nehmen nur das Geld und liefern nie.", 1, None, ("fraud_claim",)),
    (
        "Das Ladegerät wurde so heiß, dass die Steckdose geschmolzen ist.",
        1,
        "product_quality",
        ("safety",),
    ),
    (
        "Mein Sohn hat sich an der scharfen Kante geschnitten und musste genäht werden.",
        1,
        None,
        ("health_injury",),
    ),
]

CONTROLS_1 = [
    ("Meine Rückerstattung ist nie angekommen.", 1, ("delivery_delay",)),
    ("Das Geld ist nach vier Wochen immer noch nicht zurückerstattet.", 1, ("delivery_delay",)),
    (
        "Die Seite sieht schön aus, aber die Jacke ist von schlechter Qualität.",
        2,
        ("website_checkout",),
    ),
    ("Die Farbe ist anders als auf der Webseite abgebildet.", 2, ("website_checkout",)),
    ("Zum Glück wurde niemand verletzt, aber das Teil ist Schrott.", 1, ("health_injury",)),
    ("Alles super, schnelle Lieferung, gerne wieder!", 5, ("delivery_delay",)),
    ("Die Brandsohle hat sich nach einer Woche gelöst.", 2, ("safety",)),
    ("Laut Anzeige 2 Meter lang, in Wirklichkeit nur 1,5 m.", 2, ("legal_threat",)),
    ("Kein Betrug, die Ware kam nur sehr spät.", 2, ("fraud_claim",)),
    ("Bezahlt mit PayPal, Ware nach 3 Wochen immer noch nicht da.", 1, ("chargeback_threat",)),
    ("Die Sohle ist nach zwei Wochen gebrochen.", 2, ("health_injury",)),
    ("Das Messer ist stumpf, schneidet nicht mal Tomaten.", 2, ("safety", "health_injury")),
]


# Batch 2, written after the batch 1 changes and run before any change for it: 46 of these 63
# passed (cases 34 of 50, controls 12 of 13).
CASES_2 = [
    (
        "Hab vor 2 Wochen bestellt und nix ist passiert. Kein Versand, keine Info.",
        1,
        "delivery_delay",
        (),
    ),
    ("Laut DHL zugestellt, bei mir ist aber nie was angekommen!", 1, "delivery_delay", ()),
    (
        "Lieferung sollte am Montag kommen, jetzt ist Freitag und immer noch nichts.",
        2,
        "delivery_delay",
        (),
    ),
    (
        "Die Bestellung hat fast einen Monat gebraucht, völlig inakzeptabel.",
        2,
        "delivery_delay",
        (),
    ),
    ("Total verspätet geliefert, Termin verpasst.", 1, "delivery_delay", ()),
    ("Das Paket war total durchweicht und der Inhalt verschimmelt.", 1, "damaged_packaging", ()),
    ("Glas kam gesplittert an, nur lose in einer Tüte verpackt", 1, "damaged_packaging", ()),
    ("Karton völlig zerquetscht, Gerät verbogen.", 1, "damaged_packaging", ()),
    (
        "Lampe funktioniert nach einer Woche nicht mehr, flackert nur noch.",
        1,
        "product_quality",
        (),
    ),
    (
        "Der Stoff ist total dünn und durchsichtig, nach dem Waschen verzogen.",
        2,
        "product_quality",
        (),
    ),
    ("Griff abgebrochen beim ersten Benutzen, so ein Mist.", 1, "product_quality", ()),
    ("Der Staubsauger saugt kaum, Leistung ein Witz.", 2, "product_quality", ()),
    ("Nach einmal Waschen komplett ausgewaschen und voller Knötchen.", 2, "product_quality", ()),
    (
        "Das Handy-Case ist schon nach 3 Tagen gerissen, schlechte Qualitaet",
        1,
        "product_quality",
        (),
    ),
    ("Statt der bestellten 6er Packung kam nur eine einzelne Flasche.", 1, "wrong_item", ()),
    ("Habe Modell X bestellt, geliefert wurde das Vorgängermodell.", 1, "wrong_item", ()),
    ("Die Anleitung fehlt und ein Teil war auch nicht drin.", 2, "wrong_item", ()),
    ("Bekam ein gebrauchtes Gerät statt Neuware.", 1, "wrong_item", ()),
    ("Schuhe fallen mindestens eine Größe kleiner aus.", 2, "size_fit", ()),
    ("Der Pulli ist an den Schultern viel zu weit und die Ärmel zu lang.", 2, "size_fit", ()),
    ("Laut Tabelle M, tatsächlich eher ein XS.", 2, "size_fit", ()),
    ("Für 80 Euro erwarte ich deutlich mehr, überteuerter Kram.", 2, "price_value", ()),
    ("Preis-Leistung stimmt hier überhaupt nicht.", 2, "price_value", ()),
    (
        "Aus UK bestellt und dann 30 Euro Zollgebühren bezahlt, das hätte man angeben müssen.",
        1,
        "customs_fees",
        (),
    ),
    ("Die Rücksendung wurde zwar bestätigt, aber das Geld kam nie.", 1, "returns_refunds", ()),
    ("Retoure vor einem Monat abgeschickt, bis heute keine Gutschrift.", 1, "returns_refunds", ()),
    (
        "Man will mir nur einen Gutschein geben statt mein Geld zurückzuzahlen.",
        1,
        "returns_refunds",
        (),
    ),
    (
        "Der Händler verweigert den Umtausch, obwohl ich noch im Rückgaberecht bin.",
        1,
        "returns_refunds",
        (),
    ),
    ("Habe fünfmal angerufen und jedes Mal wurde ich vertröstet.", 1, "customer_service", ()),
    (
        "Der Chat-Bot ist nutzlos und einen echten Menschen erreicht man nie.",
        1,
        "customer_service",
        (),
    ),
    ("Auf Nachfragen wird patzig reagiert, Service unterirdisch", 1, "customer_service", ()),
    ("Keinerlei Rückmeldung vom Verkäufer seit 2 Wochen", 1, "customer_service", ()),
    ("Beim Checkout kam ständig ein Fehler, musste dreimal bestellen.", 2, "website_checkout", ()),
    ("Konnte kein Kundenkonto anlegen, die Seite hängt sich immer auf.", 2, "website_checkout", ()),
    (
        "Betrag wurde doppelt abgebucht wegen eines Fehlers im Shopsystem.",
        1,
        "website_checkout",
        (),
    ),
    # severity
    (
        "Das Heizkissen ist nachts durchgeschmort, es hätte brennen können!",
        1,
        "product_quality",
        ("safety",),
    ),
    (
        "Beim Aufpumpen ist der Reifen explodiert, mein Mann hat jetzt einen Hörschaden.",
        1,
        "product_quality",
        ("safety", "health_injury"),
    ),
    (
        "Der Stuhl ist unter meiner Mutter zusammengeklappt, sie hat sich den Rücken geprellt.",
        1,
        "product_quality",
        ("safety", "health_injury"),
    ),
    (
        "Das Babybett hat scharfe Metallkanten, unser Kind hat sich die Hand aufgeschnitten.",
        1,
        None,
        ("safety", "health_injury"),
    ),
    (
        "Die Kette am Fahrrad ist gerissen und ich bin voll auf die Schnauze gefallen.",
        1,
        "product_quality",
        ("safety",),
    ),
    (
        "Nach dem Essen der Nüsse hatten wir alle Bauchkrämpfe und mussten uns übergeben.",
        1,
        None,
        ("health_injury",),
    ),
    (
        "Der Griff vom Topf wird so heiß, dass ich mir die Finger verbrannt habe.",
        1,
        None,
        ("health_injury",),
    ),
    (
        "Wenn das Geld nicht bis Freitag da ist, schalte ich einen Anwalt ein.",
        1,
        None,
        ("legal_threat",),
    ),
    (
        "Ich werde den Shop bei der Verbraucherzentrale melden und Strafanzeige stellen.",
        1,
        None,
        ("legal_threat",),
    ),
    ("Reine Abzockmasche, die Ware ist ein billiges Imitat.", 1, None, ("fraud_claim",)),
    ("Betrügerischer Laden, kassieren ab und liefern nix.", 1, None, ("fraud_claim",)),
    (
        "Habe die Lastschrift zurückgehen lassen, ihr seht kein Geld von mir.",
        1,
        None,
        ("chargeback_threat",),
    ),
    ("Ich habe über meine Bank einen Widerspruch eingelegt.", 1, None, ("chargeback_threat",)),
    (
        "PayPal-Konflikt ist eröffnet, mal sehen ob sich dann jemand meldet.",
        1,
        None,
        ("chargeback_threat",),
    ),
    (
        "Das Spielzeug hat verschluckbare Kleinteile, für Kleinkinder absolut ungeeignet.",
        1,
        None,
        ("safety",),
    ),
]

CONTROLS_2 = [
    ("Die Rücksendung wurde zwar bestätigt, aber das Geld kam nie.", 1, ("delivery_delay",)),
    ("Zum Glück hat sich keiner verletzt, aber der Tisch ist Müll.", 1, ("health_injury",)),
    ("Auf der Internetseite sah die Farbe ganz anders aus.", 2, ("website_checkout",)),
    ("Bin extra zur Post gefahren, um das Paket zurückzuschicken.", 2, ("safety",)),
    ("Habe um Rückruf gebeten, bis heute nichts.", 1, ("safety",)),
    ("Die App zum Gerät stürzt ständig ab.", 2, ("safety",)),
    ("Wurde in der Anzeige als Leder beschrieben, ist aber Plastik.", 2, ("legal_threat",)),
    (
        "Super schnelle Lieferung, Ware wie beschrieben, gerne wieder.",
        5,
        ("delivery_delay", "damaged_packaging", "wrong_item"),
    ),
    ("Ware fast drei Wochen nach Bestellung erhalten.", 2, ("safety",)),
    ("Mit PayPal bezahlt, auf jeden Fall nie wieder dieser Shop.", 1, ("chargeback_threat",)),
    ("Die Jacke ist schön geschnitten, aber der Reißverschluss klemmt.", 2, ("health_injury",)),
    ("Kann nicht klagen über den Preis, aber die Qualität ist mies.", 2, ("legal_threat",)),
    (
        "Mein Geld habe ich nach der Rücksendung bekommen, aber das Produkt war Müll.",
        2,
        ("delivery_delay",),
    ),
]

# Batch 3, colloquial forms and other ways to say it, run before any change for it:
# 37 of these 51 passed (cases 28 of 41, controls 9 of 10).
CASES_3 = [
    (
        "Seit 14 Tagen warte ich auf das Paket, Tracking sagt seit einer Woche in Zustellung.",
        1,
        "delivery_delay",
        (),
    ),
    ("Lieferung dauert ewig!!! 3 Wochen und nix.", 1, "delivery_delay", ()),
    (
        "Paket ging zurück an den Absender, angeblich Adresse falsch. Jetzt warte ich wieder.",
        2,
        "delivery_delay",
        (),
    ),
    (
        "Hermes hat das Paket vor die Tür gestellt, es war durchnässt und aufgeweicht.",
        1,
        "damaged_packaging",
        (),
    ),
    (
        "Die Teller waren nur in Zeitungspapier eingewickelt, zwei davon zerbrochen.",
        1,
        "damaged_packaging",
        (),
    ),
    (
        "Das Regal hatte schon beim Auspacken eine dicke Delle und Macken.",
        2,
        "damaged_packaging",
        (),
    ),
    (
        "Die Kopfhörer rauschen und der linke ist nach ner Woche ausgefallen.",
        1,
        "product_quality",
        (),
    ),
    ("Totaler Murks, die Schrauben passen nicht in die Löcher.", 1, "product_quality", ()),
    ("Nach drei mal tragen hat sich die Sohle komplett abgelöst.", 1, "product_quality", ()),
    ("Das Display hat nach kurzer Zeit Pixelfehler bekommen.", 2, "product_quality", ()),
    ("Die Creme riecht ranzig und war schon abgelaufen.", 1, "product_quality", ()),
    ("Das Gerät ist laut und schwach, hab mir mehr erhofft.", 2, "product_quality", ()),
    pytest.param(
        "Hab Größe 38 bestellt, bekommen hab ich 42.",
        1,
        "wrong_item",
        (),
    ),
    ("Im Karton war nur die Hülle, das Handy selbst fehlte.", 1, "wrong_item", ()),
    ("Set unvollständig, die Deckel fehlen.", 2, "wrong_item", ()),
    ("Die Jeans ist am Bund viel zu eng, obwohl es meine Größe ist.", 2, "size_fit", ()),
    ("Fällt riesig aus, musste zwei Nummern kleiner nehmen.", 2, "size_fit", ()),
    ("Die Mütze ist für Erwachsene viel zu klein.", 2, "size_fit", ()),
    ("Total überteuert, im Baumarkt kostet das die Hälfte.", 1, "price_value", ()),
    ("Versandkosten höher als der Artikel selbst, Frechheit.", 1, "price_value", ()),
    ("Mir wurden 19 € Zoll und 6 € Gebühr von der Post abgeknöpft.", 1, "customs_fees", ()),
    (
        "Rücksendung seit 3 Wochen beim Händler, Erstattung lässt auf sich warten.",
        1,
        "returns_refunds",
        (),
    ),
    ("Die wollen 15 € Rücksendegebühr abziehen, unverschämt.", 1, "returns_refunds", ()),
    ("Habe widerrufen, der Shop akzeptiert die Rückgabe nicht.", 1, "returns_refunds", ()),
    (
        "Die Dame an der Hotline war total genervt und hat mich angeschnauzt.",
        1,
        "customer_service",
        (),
    ),
    ("Mails werden nicht beantwortet, die Telefonnummer ist tot.", 1, "customer_service", ()),
    ("Service? Fehlanzeige!", 1, "customer_service", ()),
    ("Konnte nicht mit Kreditkarte zahlen, nur Vorkasse möglich.", 2, "website_checkout", ()),
    (
        "Passwort zurücksetzen geht nicht, komme nicht in mein Kundenkonto.",
        2,
        "website_checkout",
        (),
    ),
    # severity
    (
        "Die Steckdosenleiste hat Funken gesprüht und die Sicherung ist rausgeflogen.",
        1,
        "product_quality",
        ("safety",),
    ),
    (
        "Der Akku hat sich aufgebläht und ist heiß geworden, hätte brennen können.",
        1,
        "product_quality",
        ("safety",),
    ),
    (
        "Der Hocker ist beim Draufsteigen umgekippt, ich habe mir das Knie aufgeschlagen.",
        1,
        "product_quality",
        ("safety", "health_injury"),
    ),
    (
        "Meine Tochter hat von dem Schleim einen allergischen Ausschlag bekommen.",
        1,
        None,
        ("health_injury",),
    ),
    (
        "Das Netz vom Trampolin ist gerissen, mein Sohn ist rausgefallen: Gehirnerschütterung.",
        1,
        "product_quality",
        ("safety", "health_injury"),
    ),
    (
        "Die Halterung hat nachgegeben und der Fernseher ist runtergekracht, fast auf mein Kind.",
        1,
        "product_quality",
        ("safety",),
    ),
    ("Ich gehe zur Polizei, das ist eindeutig Betrug.", 1, None, ("legal_threat", "fraud_claim")),
    (
        "Hier wird man nur verarscht, die Ware existiert gar nicht. Finger weg, Betrügerbande!",
        1,
        None,
        ("fraud_claim",),
    ),
    ("Ich lasse das jetzt über meinen Anwalt laufen.", 1, None, ("legal_threat",)),
    (
        "Habe bei Klarna den Kauf reklamiert und die Zahlung pausiert.",
        1,
        None,
        ("chargeback_threat",),
    ),
    pytest.param(
        "Wenn ich mein Geld nicht bekomme, buche ich es über PayPal zurück.",
        1,
        None,
        ("chargeback_threat",),
        marks=pytest.mark.xfail(
            reason="separable 'buche ... zurück' needs a rule; 'buche' alone"
            " would fire on 'ich buche immer über PayPal'"
        ),
    ),
    ("Das Gerät hat meinem Kind einen Stromschlag verpasst.", 1, None, ("safety",)),
]

CONTROLS_3 = [
    (
        "Rücksendung seit 3 Wochen beim Händler, Erstattung lässt auf sich warten.",
        1,
        ("delivery_delay",),
    ),
    (
        "Zum Glück ist nichts passiert, aber der Deckel sitzt locker.",
        2,
        ("safety", "health_injury"),
    ),
    ("Die Seite war übersichtlich, aber der Artikel ist mangelhaft.", 2, ("website_checkout",)),
    ("Die Klagen der anderen Kunden kann ich bestätigen, man wartet ewig.", 1, ("legal_threat",)),
    ("Das Gericht aus der Mikrowelle war trotzdem kalt.", 2, ("legal_threat",)),
    ("Keine Verletzungsgefahr, aber total billig.", 2, ("safety", "health_injury")),
    (
        "Hab es meiner Mutter geschenkt, nach einer Woche war es kaputt.",
        1,
        ("health_injury", "delivery_delay"),
    ),
    (
        "Lieferung war schnell, nach zwei Tagen da, aber die Farbe ist anders.",
        2,
        ("delivery_delay",),
    ),
    ("Der Kleber hält nicht, die Deko ist sofort abgefallen.", 2, ("safety",)),
    ("Mir ist das Handy hingefallen und die Hülle hat gar nichts geschützt.", 1, ("safety",)),
]

CASES = CASES_1 + CASES_2 + CASES_3
CONTROLS = CONTROLS_1 + CONTROLS_2 + CONTROLS_3


test_main_topic_and_reasons = case_test("de", CASES)


test_controls = control_test("de", CONTROLS)
