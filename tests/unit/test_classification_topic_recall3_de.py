"""German recall (round 3) of size_fit, price_value, damaged_packaging, returns_refunds,
customer_service, website_checkout and customs_fees (lexicons/topics.py), issue #21, and their
precision.

Realistic 1-2 star German shop reviews: short angry ones, run-on sentences without punctuation,
all lower case with or without umlauts (ae/oe/ue), slang and typos, across clothing, shoes,
furniture, electronics, cosmetics, toys and household goods. Written independently of the
frozen, blind, dev and multilingual evaluation sets (not read) and of the earlier rounds'
phrasings (test_classification_topic_terms_de.py, ..._recall_de.py, ..._recall2_de.py). Each
case names the review's main topic; controls name topics that must NOT be found (praise reviews
that mention a price, a fit or a box). Each batch's comment says how many of its items passed
before the list changes it prompted.
"""

import pytest

from tests.support.topic_terms import ASPECT_OR_RESTORED, case_test, control_test

# Batch A, written before any list change: 48 of these 61 passed (cases 42 of 48: size_fit 6/7,
# price_value 5/7, damaged_packaging 5/7, returns_refunds 6/7, customer_service 7/7,
# website_checkout 7/7, customs_fees 6/6; controls 6 of 13). Three controls first written on
# praised service, returns and app ordering (on topic after all) were swapped, before any list
# change, for words that merely contain "Kontakt" or "App"; "Abzocke" became "Wucher" (it is a
# fraud claim for severity). Same count either way.
CASES_A = [
    # size_fit
    ("Jacke viel zu knapp, krieg den Reißverschluss nicht zu.", 2, "size_fit"),
    ("Die Stiefel sind eine ganze Nummer zu klein, Zehen stoßen vorne an.", 1, "size_fit"),
    (
        "hose ist mir viel zu lang und am bund zu weit obwohl größe passt laut tabelle",
        2,
        "size_fit",
    ),
    ("Fällt sehr klein aus, unbedingt eine Größe größer bestellen!", 2, "size_fit"),
    (
        "Das Shirt spannt am Bauch und ist total kurz, sieht aus wie ein Bauchfrei-Top.",
        2,
        "size_fit",
    ),
    ("Groessenangaben stimmen null, XL ist eher ein M", 1, "size_fit"),
    ("Bettlaken passt nicht auf die Matratze, viel zu klein.", 2, "size_fit"),
    # price_value
    ("Wucher! 60 euro für so ein bisschen Plastik.", 1, "price_value"),
    ("Das Geld nicht wert, finger weg.", 1, "price_value"),
    ("Bei Amazon gibts genau das gleiche für die Hälfte.", 2, "price_value"),
    ("Viel zu teuer fuer die Qualität, nie wieder.", 2, "price_value"),
    (
        "Im Warenkorb kamen plötzlich noch versteckte Kosten dazu, Preis war am Ende doppelt"
        " so hoch.",
        1,
        "price_value",
    ),
    ("Preis ist ein Witz für das, was man kriegt.", 1, "price_value"),
    ("Woanders deutlich günstiger, hier zahlt man nur drauf.", 2, "price_value"),
    # damaged_packaging
    ("Karton total verbeult und das Gehäuse vom Fernseher hat eine Delle.", 1, "damaged_packaging"),
    ("Paket war komplett aufgeweicht, Inhalt nass.", 1, "damaged_packaging"),
    (
        "Der Spiegel ist beim Transport zerbrochen, war nur in Zeitungspapier eingewickelt.",
        1,
        "damaged_packaging",
    ),
    (
        "Karton zerrissen und mit Klebeband notdürftig zugeklebt, Teile fehlten.",
        1,
        "damaged_packaging",
    ),
    ("Die Teller kamen zerbrochen an null Polsterung im Karton", 1, "damaged_packaging"),
    ("Lieblos verpackt, die Dose ist verdellt angekommen.", 2, "damaged_packaging"),
    ("Transportschaden! Tischplatte an der Ecke abgesplittert.", 1, "damaged_packaging"),
    # returns_refunds
    ("Warte seit 5 Wochen auf mein Geld zurück.", 1, "returns_refunds"),
    ("Kein Rücksendeetikett bekommen, trotz dreimal Nachfragen.", 1, "returns_refunds"),
    ("Rückgabe verweigert, weil die Verpackung geöffnet war. Lächerlich.", 1, "returns_refunds"),
    (
        "Umtausch in eine andere Größe ging nicht, nur Erstattung minus Bearbeitungsgebühr.",
        2,
        "returns_refunds",
    ),
    (
        "Paket zurückgeschickt, angeblich nie angekommen, jetzt ist das Geld weg",
        1,
        "returns_refunds",
    ),
    (
        "Die ziehen einfach 10 Prozent Wiedereinlagerungsgebühr ab, unverschämt.",
        1,
        "returns_refunds",
    ),
    ("Geld zurück? Fehlanzeige. Seit Wochen nur Ausreden.", 1, "returns_refunds"),
    # customer_service
    ("Niemand geht ans Telefon, egal wann man anruft.", 1, "customer_service"),
    (
        "Man bekommt nur automatische Antworten vom Bot, kein Mensch liest das.",
        1,
        "customer_service",
    ),
    ("Rückruf versprochen, nie angerufen.", 1, "customer_service"),
    ("Der Typ an der Hotline hat mich einfach weggedrückt.", 1, "customer_service"),
    (
        "Extrem unfreundlicher Kundendienst, man fühlt sich wie ein Bittsteller.",
        1,
        "customer_service",
    ),
    ("Support reagiert auf gar nix, Tickets werden einfach geschlossen.", 1, "customer_service"),
    ("null kommunikation vom shop anfragen werden ignoriert", 1, "customer_service"),
    # website_checkout
    ("Zahlung ist fehlgeschlagen, Geld trotzdem abgebucht.", 1, "website_checkout"),
    ("Rabattcode funktioniert nicht, Seite sagt ungültig.", 2, "website_checkout"),
    ("App hängt sich beim Bezahlvorgang auf, dreimal probiert.", 1, "website_checkout"),
    ("Login geht nicht, Passwort wird nie akzeptiert.", 2, "website_checkout"),
    (
        "Die Webseite ist eine Katastrophe, Warenkorb leert sich ständig von selbst.",
        1,
        "website_checkout",
    ),
    ("PayPal wurde beim Checkout nicht angeboten, obwohl es da stand.", 2, "website_checkout"),
    ("Mein Konto wurde einfach gesperrt und ich kann nicht bestellen.", 1, "website_checkout"),
    # customs_fees
    ("Zollgebühren beim Postboten bezahlen müssen, stand nirgends.", 1, "customs_fees"),
    ("Einfuhrumsatzsteuer plus Auslagepauschale, fast 20 Euro extra.", 1, "customs_fees"),
    ("Ware kam aus China und hing ewig beim Zoll, dann noch Gebühren.", 1, "customs_fees"),
    ("Musste das Paket beim Zollamt abholen und Steuern zahlen.", 1, "customs_fees"),
    ("Versteckte Zollkosten! Shop behauptet Versand aus der EU, stimmt nicht.", 1, "customs_fees"),
    ("DHL wollte bei Zustellung 14 Euro Einfuhrabgaben haben.", 1, "customs_fees"),
]

CONTROLS_A = [
    pytest.param(
        "Passt perfekt, Größe wie immer.",
        5,
        ("size_fit",),
        marks=pytest.mark.xfail(reason=ASPECT_OR_RESTORED),
    ),
    ("Sitzt wie angegossen, normale Größe bestellt.", 5, ("size_fit",)),
    ("Toller Preis, super Qualität!", 5, ("price_value",)),
    ("Für den Preis unschlagbar, gerne wieder.", 5, ("price_value",)),
    ("Der Karton ist praktisch zum Aufbewahren, Produkt top.", 5, ("damaged_packaging",)),
    ("Sehr gut verpackt, alles heil angekommen.", 5, ("damaged_packaging",)),
    ("Die Kontaktlinsen sind angenehm zu tragen, gerne wieder.", 5, ("customer_service",)),
    ("Der Kontaktgrill wird schön heiß, Steaks gelingen super.", 5, ("customer_service",)),
    ("Die Waage verbindet sich per App mit dem Handy, klappt super.", 5, ("website_checkout",)),
    ("Keine Zollgebühren, alles aus Deutschland verschickt.", 5, ("customs_fees",)),
    ("Das Kleid ist zu schön, ich liebe es.", 5, ("size_fit",)),
    ("Die Box mit den Pralinen ist ein tolles Geschenk.", 5, ("damaged_packaging",)),
    ("Lampe leuchtet schön hell, Preis war auch okay.", 4, ("price_value",)),
]

# Batch B, written after batch A's list changes without rereading the lists: 21 of these 29
# passed before its own list changes (cases 15 of 23: size_fit 3/4, price_value 2/4,
# damaged_packaging 2/3, returns_refunds 3/3, customer_service 2/3, website_checkout 1/3,
# customs_fees 2/3; controls 6 of 6).
CASES_B = [
    # size_fit
    ("Kinderschuhe fallen mega klein aus, mein Sohn kommt nicht mal rein.", 2, "size_fit"),
    ("bh ist am unterbrustband viel zu straff und die körbchen zu groß", 2, "size_fit"),
    ("Musste zwei Größen größer bestellen und selbst das zwickt noch.", 2, "size_fit"),
    ("Hoodie ist ein Zelt, trotz Größe S. Schlabbert ohne Ende.", 2, "size_fit"),
    # price_value
    ("Preis ist unverschämt hoch für so einen Billigkram.", 1, "price_value"),
    ("Im Laden nebenan kostet der gleiche Topf 15 euro weniger.", 2, "price_value"),
    ("Versand 9,90 für einen Brief, geht's noch?", 1, "price_value"),
    ("Halb so teuer wäre es immer noch zu viel gewesen.", 1, "price_value"),
    # damaged_packaging
    (
        "Paket sah aus als wäre ein LKW drübergefahren, Kaffeemaschine verbogen.",
        1,
        "damaged_packaging",
    ),
    ("die flasche war ausgelaufen und alles im karton klebte", 1, "damaged_packaging"),
    (
        "Der Bilderrahmen kam mit gesprungenem Glas, keinerlei Schutz in der Verpackung.",
        1,
        "damaged_packaging",
    ),
    # returns_refunds
    (
        "Habe das Gerät retourniert, Geld ist nach 6 Wochen immer noch nicht da.",
        1,
        "returns_refunds",
    ),
    ("Rücksendeportal funktioniert nicht und per Mail kommt kein Label.", 1, "returns_refunds"),
    (
        "Umtausch abgelehnt weil angeblich benutzt, dabei war das Etikett noch dran.",
        1,
        "returns_refunds",
    ),
    # customer_service
    ("Service ist eine Frechheit, die Dame am Telefon hat mich ausgelacht.", 1, "customer_service"),
    (
        "Schreibe seit Wochen an den Support, bekomme nur Textbausteine zurück.",
        1,
        "customer_service",
    ),
    ("Keiner fühlt sich zuständig, wurde fünfmal weiterverbunden.", 1, "customer_service"),
    # website_checkout
    ("Der Onlineshop lädt ewig und der Bezahlen-Button reagiert nicht.", 1, "website_checkout"),
    (
        "Gutschein wurde beim Bestellen nicht abgezogen, jetzt zahle ich den vollen Preis.",
        2,
        "website_checkout",
    ),
    ("Beim Bezahlen mit Klarna kam nur eine Fehlermeldung.", 2, "website_checkout"),
    # customs_fees
    (
        "Die Lieferung kam aus der Schweiz, Zollgebühr und Mehrwertsteuer musste ich zahlen.",
        1,
        "customs_fees",
    ),
    ("Post wollte noch 12 Euro für die Verzollung, davon stand nichts im Shop.", 1, "customs_fees"),
    (
        "Zollabwicklung dauerte ewig und kostete extra, Versand angeblich aus Deutschland.",
        1,
        "customs_fees",
    ),
]

CONTROLS_B = [
    ("Die Hose sitzt super, gerne wieder.", 5, ("size_fit",)),
    ("Preis-Leistung top, schnell geliefert.", 5, ("price_value",)),
    ("Gut verpackt im stabilen Karton, Glas heil.", 5, ("damaged_packaging",)),
    pytest.param(
        "Ein großen Dank an das Team, alles bestens!",
        5,
        ("size_fit",),
        marks=pytest.mark.xfail(reason=ASPECT_OR_RESTORED),
    ),
    (
        "Den Kontakt zum Verkäufer brauchte ich gar nicht, lief alles glatt.",
        5,
        ("returns_refunds",),
    ),
    ("Geht ganz easy auf und zu, schöne Dose.", 5, ("size_fit", "damaged_packaging")),
]

# Precision probes written while fixing batch A ("Zoll" is also an inch, "großen" an adjective,
# "preiswert" and "sein Geld wert" are praise); the "preiswert" one failed until batch B's changes.
CONTROLS_C = [
    ("Der 55 Zoll Fernseher hat ein super Bild.", 5, ("customs_fees",)),
    pytest.param(
        "Mit großen Erwartungen bestellt und nicht enttäuscht.",
        5,
        ("size_fit",),
        marks=pytest.mark.xfail(reason=ASPECT_OR_RESTORED),
    ),
    ("Sehr preiswert und gut, klare Empfehlung.", 5, ("price_value",)),
    pytest.param(
        "Ist sein Geld wert, bin zufrieden.",
        5,
        ("price_value",),
        marks=pytest.mark.xfail(reason=ASPECT_OR_RESTORED),
    ),
    pytest.param(
        "Habe eine Nummer von der Hotline bekommen, danach ging alles schnell.",
        4,
        ("size_fit",),
        marks=pytest.mark.xfail(reason=ASPECT_OR_RESTORED),
    ),
    ("Das Teil ist nicht sein Geld wert, dünnes Blech.", 1, ()),
]

CASES = CASES_A + CASES_B
CONTROLS = CONTROLS_A + CONTROLS_B + CONTROLS_C


test_main_topic = case_test("de", CASES, reasons=())


test_controls = control_test("de", CONTROLS)
