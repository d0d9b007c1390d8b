"""German recall of delivery_delay, product_quality and praise (lexicons/topics.py), issue #21.

Realistic German shop reviews (with and without umlauts, ae/oe/ue spellings, colloquial forms,
inflections, typos), written for issue #21 independently of the frozen, blind, dev and
multilingual evaluation sets (not read). Each case names the review's main topic; controls name
topics that must NOT be found. Each batch's comment says how many of its items passed before the
list changes it prompted.
"""

from tests.support.topic_terms import case_test, control_test

# Batch A: before any list change, 28 of these 54 passed (cases 21 of 46: delivery_delay 10/17,
# product_quality 7/17, praise 4/12; controls 7 of 8).
CASES_A = [
    # delivery_delay
    (
        "Seit zwei Wochen steht bei DHL nur 'in Bearbeitung', vom Paket keine Spur.",
        1,
        "delivery_delay",
    ),
    ("Lieferung sollte am Freitag kommen, jetzt ist Mittwoch und nix.", 1, "delivery_delay"),
    ("Hat ewig gedauert bis das Zeug endlich da war.", 2, "delivery_delay"),
    ("Das Paket hängt seit 9 Tagen im Verteilzentrum fest.", 1, "delivery_delay"),
    (
        "Versprochen war Lieferung in 48 Stunden, gekommen ist es nach 12 Tagen.",
        1,
        "delivery_delay",
    ),
    ("Ware ist bis heute nicht da, obwohl schon lange bezahlt.", 1, "delivery_delay"),
    (
        "Der Bote hat angeblich niemanden angetroffen, dabei war ich den ganzen Tag zuhause."
        " Paket liegt jetzt irgendwo.",
        1,
        "delivery_delay",
    ),
    ("Die Bestellung wurde erst nach 10 Tagen verschickt.", 2, "delivery_delay"),
    ("Lieferdatum mehrfach nach hinten verschoben, sehr ärgerlich.", 1, "delivery_delay"),
    ("Schneckentempo beim Versand, fast einen Monat gewartet.", 2, "delivery_delay"),
    ("Mein Paket ist wohl verloren gegangen, Hermes weiß von nichts.", 1, "delivery_delay"),
    ("Bestellt vor 3 Wochen und immer noch nix bekommen!!!", 1, "delivery_delay"),
    ("Lieferung hat sich ewig hingezogen, kam erst nach Weihnachten.", 1, "delivery_delay"),
    (
        "Versand angeblich erfolgt, Sendungsnummer funktioniert aber nicht und nix kommt.",
        1,
        "delivery_delay",
    ),
    ("Die Lieferzeit war eine Katastrophe, über drei Wochen.", 2, "delivery_delay"),
    ("Warte jetzt schon 16 Tage. Unmöglich.", 1, "delivery_delay"),
    ("Zustellung hat eine Ewigkeit gedauert.", 2, "delivery_delay"),
    # product_quality
    ("Nach drei Tagen war der Wasserkocher hinüber.", 1, "product_quality"),
    ("Die Schuhe haben sich nach zwei Wochen aufgelöst, Sohle löst sich.", 1, "product_quality"),
    ("Das Handyladekabel lädt nur wenn man es schräg hält.", 2, "product_quality"),
    ("Die Pfanne ist nach einem Monat verkratzt und alles klebt an.", 2, "product_quality"),
    ("Der Stoff ist total dünn und durchsichtig, sieht billig aus.", 2, "product_quality"),
    ("Der Tee schmeckt muffig und alt.", 1, "product_quality"),
    (
        "Die Kopfhörer rauschen und der linke Ohrhörer ist nach ner Woche ausgestiegen.",
        1,
        "product_quality",
    ),
    ("Akku ist nach einer Stunde leer, lächerlich.", 1, "product_quality"),
    ("Die Tasche ist nach zweimal Benutzen am Henkel eingerissen.", 1, "product_quality"),
    ("Der Drucker druckt nur Streifen, absoluter Mist.", 1, "product_quality"),
    ("Verarbeitung unter aller Sau, überall Klebereste und schiefe Nähte.", 1, "product_quality"),
    ("Die Lampe flackert seit dem ersten Tag.", 2, "product_quality"),
    ("Der Mixer zerkleinert gar nix, taugt nichts.", 1, "product_quality"),
    ("Die Trinkflasche läuft aus, Rucksack nass.", 1, "product_quality"),
    ("T-Shirt nach der ersten Wäsche komplett verzogen.", 2, "product_quality"),
    (
        "Die Creme riecht komisch und brennt auf der Haut nicht, bringt aber auch nix.",
        2,
        "product_quality",
    ),
    (
        "Hält nicht was es verspricht, der Staubsauger saugt schlechter als mein alter.",
        2,
        "product_quality",
    ),
    # praise
    ("Genau das, was ich gesucht habe. Danke!", 5, "praise"),
    ("Bin rundum zufrieden, würde jederzeit wieder hier bestellen.", 5, "praise"),
    ("Tolles Produkt, macht genau was es soll.", 5, "praise"),
    ("Sehr gute Qualität für den Preis, klare Kaufempfehlung.", 5, "praise"),
    ("Alles bestens gelaufen, gerne wieder.", 5, "praise"),
    ("Mega Teil, meine Tochter liebt es!", 5, "praise"),
    ("Super schnelle Lieferung und alles wie beschrieben. Top Shop!", 5, "praise"),
    ("Bin total happy mit der Jacke, sitzt wie angegossen.", 5, "praise"),
    ("Preis-Leistung stimmt absolut, kann man nur weiterempfehlen.", 4, "praise"),
    ("Klappt prima, bin zufrieden.", 4, "praise"),
    ("Tolle Ware, netter Kontakt, immer wieder gern.", 5, "praise"),
    ("Hab schon das dritte Mal hier gekauft und war nie enttäuscht.", 5, "praise"),
]

CONTROLS_A = [
    ("Lieferung kam super schnell, schon am nächsten Tag da.", 5, ("delivery_delay",)),
    ("Die Rückerstattung hat Wochen gedauert.", 2, ("delivery_delay",)),
    (
        "Das Geld ist bis heute nicht zurück, obwohl die Retoure längst angekommen ist.",
        1,
        ("delivery_delay",),
    ),
    ("Nach einer Woche kaputt, super Qualität, danke für nichts.", 1, ("praise",)),
    ("Schnell geliefert, aber das Gerät funktioniert nicht.", 1, ("delivery_delay", "praise")),
    ("Kam pünktlich an, Verpackung war okay.", 4, ("delivery_delay", "product_quality")),
    ("Der Kundenservice hat lange gebraucht zu antworten.", 2, ("delivery_delay",)),
    ("Die Hose ist zu klein, Größe fällt eng aus.", 2, ("product_quality",)),
]


# Batch B, written after batch A's list changes without rereading the lists: 18 of these 37 passed
# before its own list changes (cases 12 of 31: delivery_delay 4/11, product_quality 5/11,
# praise 3/9; controls 6 of 6).
CASES_B = [
    # delivery_delay
    ("Nach 4 Wochen Wartezeit habe ich storniert.", 1, "delivery_delay"),
    (
        "GLS hat das Paket dreimal nicht zugestellt, jetzt liegt es im Paketshop am anderen"
        " Ende der Stadt.",
        1,
        "delivery_delay",
    ),
    ("Versandbestätigung vor 12 Tagen bekommen, seitdem tut sich nichts.", 1, "delivery_delay"),
    (
        "Mein Päckchen ist irgendwo verschollen, der Händler schiebt es auf die Post.",
        1,
        "delivery_delay",
    ),
    ("Laut Tracking seit einer Woche 'Sendung wird vorbereitet'.", 1, "delivery_delay"),
    (
        "Der Artikel war angeblich auf Lager, trotzdem hat es 3 Wochen bis zum Versand gedauert.",
        2,
        "delivery_delay",
    ),
    ("Habe nach 20 Tagen immer noch keine Ware, Geld ist aber weg.", 1, "delivery_delay"),
    ("Lieferung kam einen Tag nach dem Geburtstag, Geschenk also umsonst.", 1, "delivery_delay"),
    ("Viel zu langsamer Versand, für so einen kleinen Artikel zwei Wochen.", 2, "delivery_delay"),
    (
        "Vorkasse bezahlt und seit Wochen wird man vertröstet, wann die Ware kommt.",
        1,
        "delivery_delay",
    ),
    (
        "Lieferverzögerung ohne jede Info, erst auf Nachfrage hieß es Lieferengpass.",
        1,
        "delivery_delay",
    ),
    # product_quality
    ("Die Uhr ist nach einer Woche stehen geblieben.", 1, "product_quality"),
    ("Der Föhn pustet nur lauwarme Luft, völlig nutzlos.", 1, "product_quality"),
    ("Die Leggings sind schon nach dem zweiten Waschen voller Knötchen.", 2, "product_quality"),
    ("Das Messer ist stumpf wie ein Löffel.", 1, "product_quality"),
    ("Bluetooth Verbindung bricht ständig ab, Lautsprecher unbrauchbar.", 1, "product_quality"),
    ("Der Griff vom Koffer ist beim ersten Urlaub abgebrochen.", 1, "product_quality"),
    # Was an xfail (safety from "verbrannt") until severity.py learnt tastes.
    ("Kaffee schmeckt verbrannt und sauer, die Bohnen sind alt.", 1, "product_quality"),
    ("Der Kleber hält nicht, Haken fällt ständig von der Wand.", 2, "product_quality"),
    ("Die Farbe färbt ab, meine Hände sind ganz blau.", 2, "product_quality"),
    ("Billigste Verarbeitung, Plastikteile passen nicht zusammen.", 1, "product_quality"),
    ("Das Display hat nach zwei Monaten Pixelfehler bekommen.", 1, "product_quality"),
    # praise
    ("Absolut empfehlenswert, bin begeistert!", 5, "praise"),
    ("Das Kleid ist ein Traum, hab schon viele Komplimente bekommen.", 5, "praise"),
    ("Schnell, unkompliziert, gut. Was will man mehr.", 5, "praise"),
    ("Wirklich ein klasse Teil, würde ich sofort wieder kaufen.", 5, "praise"),
    ("Hat alle meine Erwartungen übertroffen.", 5, "praise"),
    ("Funktioniert tadellos, sehr schöne Optik.", 4, "praise"),
    ("Bester Shop, immer zuverlässig.", 5, "praise"),
    ("Rundum gelungen, 5 Sterne von mir.", 5, "praise"),
    ("Passt perfekt und fühlt sich hochwertig an, ich bin sehr glücklich damit.", 5, "praise"),
]

CONTROLS_B = [
    ("Die Erstattung lässt seit drei Wochen auf sich warten.", 1, ("delivery_delay",)),
    ("Bestellt am Montag, am Dienstag schon da. Top!", 5, ("delivery_delay",)),
    ("Zwei Wochen in Benutzung und bisher keine Probleme.", 5, ("product_quality",)),
    ("Der Verkäufer hat sich ewig nicht gemeldet auf meine Mail.", 1, ("delivery_delay",)),
    ("Akku hält ewig, super Teil.", 5, ("delivery_delay",)),
    ("Leider ist die Uhr nach zwei Tagen stehen geblieben, schade.", 1, ("praise",)),
]

# Precision probes written after batch B's changes (all pass; two terms were narrowed for them:
# "nutzlos" dropped, "nicht rechtzeitig"/"keine bewegung" moved to the delay hints).
CONTROLS_C = [
    ("Der Kundenservice hat nicht rechtzeitig geantwortet.", 2, ("delivery_delay",)),
    (
        "Musste zweimal beim Kundenservice anrufen, keine Bewegung in der Sache.",
        1,
        ("delivery_delay",),
    ),
    ("Der Kundenservice war nutzlos, keiner hilft.", 1, ("product_quality",)),
    (
        "Wann kommt endlich meine Gutschrift? Retoure ist seit 2 Wochen beim Händler.",
        1,
        ("delivery_delay",),
    ),
    ("Nicht so toll wie erhofft, die Farbe ist anders als auf dem Bild.", 3, ("praise",)),
    ("Hab nach 3 Tagen die Ware bekommen, sehr schnell.", 5, ("delivery_delay",)),
    ("Das Regal hängt fest an der Wand, super stabil.", 5, ("delivery_delay",)),
    ("Lieferung wie versprochen am nächsten Tag.", 5, ("delivery_delay",)),
]

CASES = CASES_A + CASES_B
CONTROLS = CONTROLS_A + CONTROLS_B + CONTROLS_C


test_main_topic = case_test("de", CASES, reasons=())


test_controls = control_test("de", CONTROLS)
