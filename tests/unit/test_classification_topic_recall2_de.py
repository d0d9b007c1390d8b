"""German recall (round 2) of wrong_item, delivery_delay and product_quality
(lexicons/topics.py), issue #21.

Realistic 1-2 star German shop reviews in styles the first round did not cover: very short
angry reviews, run-on sentences without punctuation, all lower case with or without umlauts,
slang and typos, across cosmetics, food, electronics, furniture, clothing, toys, garden and car
parts. Written independently of the frozen, blind, dev and multilingual evaluation sets (not
read) and of the first round's phrasings (test_classification_topic_recall_de.py). Each case
names the review's main topic; controls name topics that must NOT be found. Each batch's comment
says how many of its items passed before the list changes it prompted.
"""

import pytest

from tests.support.topic_terms import case_test, control_test

# Batch A, written before any list change: 18 of these 64 passed (cases 5 of 50: wrong_item 3/24
# counting the three counterfeits below, delivery_delay 2/11, product_quality 0/15; controls 13 of
# 14: "statt im Laden" was a wrong item). After the changes all pass but three strict xfails.
CASES_A = [
    # wrong_item: missing parts, fewer items, other model/colour/size, not as described,
    # counterfeit, used/returned sold as new, expired, empty box, someone else's order
    (
        "schrank geliefert aber die hälfte der schrauben fehlt total unbrauchbar so",
        1,
        "wrong_item",
    ),
    pytest.param(
        "Nur 3 von 5 Artikeln angekommen.",
        1,
        "wrong_item",
        marks=pytest.mark.xfail(
            strict=True,
            reason="'nur 3 von 5' needs a count rule: as a term it would fire on '3 von 5 Sternen'",
        ),
    ),
    ("Bestellt in schwarz, gekommen ist ein graues Sofa.", 1, "wrong_item"),
    ("Fake Parfum, riecht nach Alkohol und hält keine Stunde.", 1, "wrong_item"),
    ("Gebrauchte Ware als neu verkauft, überall Fingerabdrücke drauf.", 1, "wrong_item"),
    (
        "Verpackung war schon geöffnet und das Siegel gebrochen, eindeutig eine Retoure die"
        " weiterverkauft wurde.",
        1,
        "wrong_item",
    ),
    ("Mindesthaltbarkeitsdatum schon seit zwei Monaten abgelaufen!!", 1, "wrong_item"),
    ("karton leer nur luftpolster drin frechheit", 1, "wrong_item"),
    (
        "Im Paket war die Bestellung von jemand anderem, mit fremdem Namen auf der Rechnung.",
        1,
        "wrong_item",
    ),
    ("Entspricht in keinster Weise der Artikelbeschreibung.", 1, "wrong_item"),
    (
        "Das gelieferte Teil ist für ein ganz anderes Fahrzeug, meine Bestellung war für einen"
        " Golf 7.",
        1,
        "wrong_item",
    ),
    ("Beim Lego Set waren zwei Beutel zu wenig drin, Kind heult.", 1, "wrong_item"),
    pytest.param(
        "Größe L bestellt, im Paket ist eine S.",
        1,
        "wrong_item",
        marks=pytest.mark.xfail(
            strict=True,
            reason="'ordered X, got Y' knows receiving verbs only, not 'im Paket ist'",
        ),
    ),
    ("Sieht ganz anders aus als auf den Bildern.", 1, "wrong_item"),
    pytest.param(
        "Schlauch ist nur 10 Meter lang, angegeben waren 20.",
        2,
        "wrong_item",
        marks=pytest.mark.xfail(
            strict=True,
            reason="a measure below the stated one; 'angegeben waren' alone also dates deliveries",
        ),
    ),
    (
        "spielzeug war schon benutzt batterien leer kratzer drauf offensichtlich ne rucksendung"
        " von jemand anderem",
        1,
        "wrong_item",
    ),
    ("habe 2 paar bestellt nur 1 bekommen wo ist das zweite", 1, "wrong_item"),
    ("Kaffeemaschine ohne Wassertank geliefert.", 1, "wrong_item"),
    ("Ich erhielt eine völlig andere Marke als bestellt.", 1, "wrong_item"),
    ("Die Chips sind abgelaufen, MHD überschritten.", 1, "wrong_item"),
    ("Produkt war eindeutig schon mal benutzt, Haare in der Bürste. Ekelhaft.", 1, "wrong_item"),
    # delivery_delay
    ("immer noch nix da nach 3 wochen. frechheit", 1, "delivery_delay"),
    ("wo isn mein paket?? bezahlt vor 2 wochen", 1, "delivery_delay"),
    ("Sofa sollte in KW 12 kommen, jetzt heißt es KW 20.", 1, "delivery_delay"),
    (
        "hab am montag bestellt jetzt ist wieder montag und noch nicht mal verschickt",
        1,
        "delivery_delay",
    ),
    ("Autoteile seit 14 Tagen überfällig, Werkstatttermin futsch.", 1, "delivery_delay"),
    ("Paket liegt seit Tagen bei der Post rum.", 1, "delivery_delay"),
    ("Bestelung ist immernoch nicht angekommen", 1, "delivery_delay"),
    ("warte seid 10 tagen auf meine lieferung", 1, "delivery_delay"),
    (
        "Nach über nem Monat endlich da, das Fahrrad zu Weihnachten war dann nix.",
        1,
        "delivery_delay",
    ),
    ("Gartenmöbel kamen 6 Wochen später als zugesagt, Sommer fast vorbei.", 2, "delivery_delay"),
    ("Lahmster Versand ever.", 1, "delivery_delay"),
    # product_quality
    ("Lippenstift bricht beim ersten Auftragen ab.", 1, "product_quality"),
    ("Mascara klumpt total und bröselt.", 1, "product_quality"),
    ("Schokolade war weiß angelaufen und schmeckte alt.", 1, "product_quality"),
    ("Handy hängt sich ständig auf und ruckelt.", 1, "product_quality"),
    ("stuhl knarzt bei jeder bewegung und die lehne ist schief", 2, "product_quality"),
    ("Hoodie nach 3x waschen total ausgeblichen.", 2, "product_quality"),
    ("Rad vom Spielzeugauto fiel nach 10 Minuten ab.", 1, "product_quality"),
    ("Der Rasentrimmer schneidet nicht richtig, Faden reißt dauernd.", 1, "product_quality"),
    ("Scheibenwischer schmieren vom ersten Tag an.", 2, "product_quality"),
    ("Was fürn Dreck, nach ner Woche im Eimer.", 1, "product_quality"),
    ("Regal total instabil, die Bretter biegen sich durch.", 1, "product_quality"),
    ("Lautsprecher klingt blechern und scheppert.", 2, "product_quality"),
    ("Chips waren pappig und labberig.", 2, "product_quality"),
    ("Das Sofa ist nach 3 Monaten durchgesessen.", 1, "product_quality"),
    ("Ladekabel nach 2 Wochen Kabelbruch.", 1, "product_quality"),
]

# Counterfeits are also a fraud claim (lexicons/severity.py), by design.
FRAUD_CASES_A = [
    ("Das ist eine billige Fälschung, kein Original!", 1, "wrong_item"),
    ("Plagiat!! Logo schief aufgenäht, das ist niemals echt.", 1, "wrong_item"),
    ("Das ist kein Original Ladegerät sondern ein billiger Nachbau.", 1, "wrong_item"),
]

CONTROLS_A = [
    ("Die Schuhe sind zu klein, eine Nummer größer bestellen.", 2, ("wrong_item",)),
    ("Der Karton war eingedrückt, aber der Inhalt war in Ordnung.", 3, ("wrong_item",)),
    ("Blitzschnelle Lieferung, schon nach einem Tag da.", 5, ("delivery_delay",)),
    ("Alles vollständig und wie beschrieben, danke!", 5, ("wrong_item",)),
    ("Hab es hier statt im Laden gekauft und es war günstiger, top!", 5, ("wrong_item",)),
    ("Die Lieferung kam sogar früher als angekündigt.", 5, ("delivery_delay",)),
    ("Kam nach 2 Tagen, Qualität ist aber leider schlecht.", 2, ("delivery_delay",)),
    ("Das Kleid sieht genauso aus wie auf dem Bild, nur leider zu groß.", 3, ("wrong_item",)),
    ("Die Rücksendung wurde erst nach drei Wochen bearbeitet.", 2, ("delivery_delay",)),
    ("Akku hält leider nur einen Tag, sonst alles wie beschrieben.", 3, ("wrong_item",)),
    ("Originalverpackt und versiegelt, alles neu, gerne wieder.", 5, ("wrong_item",)),
    (
        "Die Farbe ist etwas dunkler als auf dem Foto, gefällt mir aber trotzdem.",
        4,
        ("wrong_item", "product_quality"),
    ),
    ("Lieferung schnell, aber die Uhr geht nach.", 2, ("delivery_delay",)),
    ("MHD ist noch lange hin, Kaffee schmeckt super.", 5, ("wrong_item", "product_quality")),
]


# Batch B, written after batch A's list changes without rereading the lists: 13 of these 39
# passed before its own list changes (cases 5 of 31: wrong_item 2/14, delivery_delay 2/8,
# product_quality 1/9; controls 8 of 8). After them all pass but two strict xfails.
CASES_B = [
    # wrong_item
    ("Habe ein Set mit 6 Gläsern gekauft, drin waren aber nur 4.", 1, "wrong_item"),
    ("Die Powerbank ist ein No-Name-Teil, auf der Seite stand Anker.", 1, "wrong_item"),
    ("es kam ein kinderfahrrad in pink obwohl ich blau ausgewählt hatte", 1, "wrong_item"),
    ("Parfüm riecht null wie das Original, definitiv gepanscht.", 1, "wrong_item"),
    ("Gesichtscreme war schon angebrochen und halb leer.", 1, "wrong_item"),
    ("Bekommen hab ich die Bestellung von irgendeinem Herrn Müller.", 1, "wrong_item"),
    ("Hundefutter abgelaufen geliefert, MHD war letzten Monat.", 1, "wrong_item"),
    pytest.param(
        "die bremsbeläge passen nicht sind für die hinterachse nicht für vorne wie bestellt",
        1,
        "wrong_item",
        marks=pytest.mark.xfail(
            strict=True,
            reason="'nicht ... wie bestellt' spans words; 'wie bestellt' alone is praise",
        ),
    ),
    ("Kein Ladegerät dabei obwohl es in der Beschreibung steht.", 2, "wrong_item"),
    ("Das Bild zeigt einen Holztisch, geliefert wurde Pressspan mit Folie.", 1, "wrong_item"),
    ("Zum Topf gab es keinen Deckel, obwohl er abgebildet ist.", 2, "wrong_item"),
    ("Karton kam an, aber es war nichts drin außer Papier.", 1, "wrong_item"),
    ("Packung wurde schon mal aufgemacht und wieder zugeklebt.", 1, "wrong_item"),
    ("Gartenpumpe ist ein Vorführgerät mit Gebrauchsspuren, verkauft als neu.", 1, "wrong_item"),
    # delivery_delay
    ("seit 12 tagen unterwegs laut sendungsstatus aber nix tut sich", 1, "delivery_delay"),
    (
        "Zugesagter Termin wurde nicht eingehalten, die Couch kommt jetzt erst nächsten Monat.",
        1,
        "delivery_delay",
    ),
    pytest.param(
        "3 Wochen für ein paar Socken? Ernsthaft?",
        1,
        "delivery_delay",
    ),
    ("Kein Paket, keine Info, nichts. Seit 10 Tagen.", 1, "delivery_delay"),
    ("Der Rasenmäher kommt und kommt nicht.", 1, "delivery_delay"),
    (
        "Total langsame Abwicklung, bis das Teil mal verschickt wurde vergingen 9 Tage",
        2,
        "delivery_delay",
    ),
    ("Spielzeug pünktlich zu Weihnachten bestellt, gekommen im Januar.", 1, "delivery_delay"),
    ("mega lange lieferzeiten", 2, "delivery_delay"),
    # product_quality
    ("Nagellack ist nach einem Tag abgesplittert.", 2, "product_quality"),
    ("Toaster bräunt total ungleichmäßig.", 2, "product_quality"),
    ("Gartenstuhl nach einem Sommer total spröde und ausgebleicht.", 2, "product_quality"),
    (
        "Die Jacke ist überhaupt nicht wasserdicht, nach 5 Min Regen klatschnass.",
        1,
        "product_quality",
    ),
    ("Tablet ist lahm wie sau und reagiert verzögert auf Eingaben.", 1, "product_quality"),
    ("Nudeln zerfallen beim Kochen zu Brei.", 1, "product_quality"),
    ("Puppe verliert die Haare büschelweise.", 1, "product_quality"),
    ("Fußmatten stinken extrem nach Gummi.", 2, "product_quality"),
    ("kopfhörer knistern und setzen immer wieder aus", 1, "product_quality"),
]

CONTROLS_B = [
    ("Paket kam einen Tag früher als gedacht.", 5, ("delivery_delay",)),
    ("Leider eine Nummer zu groß, sonst alles wie bestellt.", 3, ("wrong_item",)),
    ("Ohne Probleme aufgebaut, alles war dabei.", 5, ("wrong_item",)),
    ("Die Rückzahlung kam nach einer Woche, danke.", 4, ("delivery_delay",)),
    (
        "Anders als bei anderen Händlern kam hier alles pünktlich.",
        5,
        ("wrong_item", "delivery_delay"),
    ),
    ("Hab das Handy gebraucht gekauft und es ist wie neu.", 5, ("wrong_item",)),
    ("Das Parfum ist das Original, riecht genau wie im Laden.", 5, ("wrong_item",)),
    ("Die Versandkosten sind zu hoch.", 2, ("delivery_delay",)),
]

# Precision probes for the new terms, written after batch A's and batch B's changes: nine failed
# at first and the terms were narrowed ('abgelaufen' alone and 'ist abgelaufen', 'fiel nach',
# 'ganz andere*', 'nicht neu', 'hangt sich', 'gebrauchsspuren' alone, 'knistert und'; 'tut sich
# nichts' is now a delay hint near a delivery word, not a delay term); all pass now.
CONTROLS_C = [
    ("Alles ist reibungslos abgelaufen, gerne wieder.", 5, ("wrong_item", "product_quality")),
    ("Die Garantie ist abgelaufen und der Händler hilft nicht.", 2, ("wrong_item",)),
    (
        "Meine Wahl fiel nach langem Suchen auf dieses Modell, bereue nichts.",
        5,
        ("product_quality",),
    ),
    ("Ganz andere Qualität als bei der Konkurrenz, super!", 5, ("wrong_item",)),
    ("Das Produkt ist nicht neu auf dem Markt, aber immer noch das beste.", 5, ("wrong_item",)),
    ("Hängt sich nie auf, läuft flüssig.", 5, ("product_quality",)),
    ("Genau wie in der Beschreibung steht, top.", 5, ("wrong_item",)),
    ("Das Bild zeigt genau, was man bekommt.", 5, ("wrong_item",)),
    ("Leichte Gebrauchsspuren wie beschrieben, sonst top, gerne wieder.", 5, ("wrong_item",)),
    ("Beim Support tut sich nichts, keiner antwortet.", 1, ("delivery_delay",)),
    ("Duftkerze mit Holzdocht, knistert und brennt gleichmäßig.", 5, ("product_quality",)),
    ("Zum Geburtstag im Januar bestellt und pünktlich gekommen.", 5, ("delivery_delay",)),
    ("Lässt sich auch ohne Anleitung leicht aufbauen.", 5, ("wrong_item",)),
    ("Der Kundenservice reagiert nicht auf meine Mails.", 1, ("product_quality",)),
    ("Ideal für unterwegs, der Akku hält lange.", 5, ("delivery_delay",)),
]

CASES = CASES_A + CASES_B
FRAUD_CASES = FRAUD_CASES_A
CONTROLS = CONTROLS_A + CONTROLS_B + CONTROLS_C


test_main_topic = case_test("de", CASES, reasons=())


test_main_topic_of_a_fraud_claim = case_test("de", FRAUD_CASES, reasons=("fraud_claim",))


test_controls = control_test("de", CONTROLS)
