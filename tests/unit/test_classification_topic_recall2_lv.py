"""Latvian recall of wrong_item, delivery_delay and product_quality, round 2 (issue #21).

Realistic 1-2 star Latvian shop reviews in the styles round 1
(test_classification_topic_recall_lv.py) did not cover: very short angry reviews, run-on
sentences without punctuation, all lower case without diacritics, slang and typos, across
cosmetics, food, electronics, furniture, clothing, toys, garden and car parts. Written
independently of the frozen, blind, dev and multilingual evaluation sets (not read). Each case
names the review's main topic and the severity reasons it must get (none: none of the "high"
reasons); controls name topics that must NOT be found. Each batch's comment says how many of its
items passed before the list changes it prompted.
"""

import pytest

from tests.support.topic_terms import case_test, control_test

# Batch A: before any list change, 23 of these 53 passed (cases 13 of 42: wrong_item 4/22,
# delivery_delay 7/10, product_quality 2/10; controls 10 of 11). After: all but two xfails.
CASES_A = [
    # wrong_item
    ("Trūkst divu skrūvju, skapi nevar salikt.", 2, "wrong_item", ()),
    ("Pasūtīju 3 gabalus, atnāca tikai 2.", 1, "wrong_item", ()),
    ("Tas nav oriģinālais Samsung lādētājs, lēta kopija.", 1, "wrong_item", ()),
    ("smarzas ir feiks nemaz nesmarzo ka originals", 1, "wrong_item", ()),
    ("Krēms jau atvērts un lietots, kāds to bija atgriezis.", 1, "wrong_item", ()),
    ("Atsūtīja lietotu telefonu kā jaunu, ekrānā skrāpējumi.", 1, "wrong_item", ()),
    ("Šokolāde ar beigušos derīguma termiņu!!", 1, "wrong_item", ()),
    ("Kaste tukša, iekšā tikai papīrs.", 1, "wrong_item", ()),
    ("Saņēmu kāda cita pasūtījumu ar svešu vārdu uz pakas.", 1, "wrong_item", ()),
    ("nav ka bilde pilnigi cits izskats", 1, "wrong_item", ()),
    ("Krāsa pavisam cita nekā bildē.", 2, "wrong_item", ()),
    ("Atsūtīja vecāku modeli, nevis to, kas bija lapā.", 2, "wrong_item", ()),
    pytest.param(
        "Nav tas, kas aprakstā. Vilšanās.",
        1,
        "wrong_item",
        (),
        marks=pytest.mark.xfail(
            reason="the comma splits 'nav tas, kas ...' and 'nav tas' alone is too common",
            strict=True,
        ),
    ),
    ("Lego komplektā trūka pusei klucīšu.", 1, "wrong_item", ()),
    ("Iepakojumā 10 gab vietā bija tikai 8.", 2, "wrong_item", ()),
    ("Bremžu kluči atsūtīti citam auto modelim.", 1, "wrong_item", ()),
    ("Pulveris pārterminēts, derīgs bija līdz pagājušajam gadam.", 1, "wrong_item", ()),
    ("zales plavejam komplektacija nav naza", 1, "wrong_item", ()),
    ("sanemu tikai pusi no pasutita", 1, "wrong_item", ()),
    ("Atsūtīja jau atvērtu kastīti, acīmredzot kāds iepriekš atgriezis.", 1, "wrong_item", ()),
    ("Sarkanās vietā atnāca rozā kleita.", 2, "wrong_item", ()),
    ("Grāmatas vietā kastē bija kaut kāds žurnāls.", 1, "wrong_item", ()),
    # delivery_delay
    ("Mēnesis pagājis, paciņas nav.", 1, "delivery_delay", ()),
    ("kur mana paka??? jau 2 nedelas", 1, "delivery_delay", ()),
    (
        "pasutiju pirms 3 nedelam un joprojam nekas nav atnacis ne zvans ne epasts nekas",
        1,
        "delivery_delay",
        (),
    ),
    ("Gaidu jau trešo nedēļu. Riebjas.", 1, "delivery_delay", ()),
    ("Dīvāns solīts līdz 10. datumam, atveda mēnesi vēlāk.", 2, "delivery_delay", ()),
    ("Bremžu diski ceļā jau trīs nedēļas, mašīna stāv.", 1, "delivery_delay", ()),
    ("nekad vairs! sutijums nak jau menesi", 1, "delivery_delay", ()),
    ("Sēklas atnāca, kad sējas laiks jau garām.", 2, "delivery_delay", ()),
    ("Lēni kā gliemezis, 20 dienas priekš mazas paciņas.", 2, "delivery_delay", ()),
    ("Dāvanu nepaspēja atvest līdz dzimšanas dienai.", 1, "delivery_delay", ()),
    # product_quality
    ("Tuša nenoturas ne stundu, izsmērējas zem acīm.", 2, "product_quality", ()),
    ("Desa sāļa kā jūra un sausa, neēdama.", 1, "product_quality", ()),
    ("Skaidu plātne drūp, durvis nevar aizvērt.", 1, "product_quality", ()),
    ("austinas sprakst un paraustas", 1, "product_quality", ()),
    ("laistitajs izjuka pirmaja reize lets surogats", 1, "product_quality", ()),
    ("Lukturu spuldzes izdega pēc nedēļas.", 1, "product_quality", ()),
    ("Lellei pēc dienas nav rokas, plastmasa lūst kā sērkociņi.", 1, "product_quality", ()),
    ("Džemperis pēc pirmās valkāšanas pilns ar bumbiņām.", 2, "product_quality", ()),
    ("Telefons uzkaras un pats restartējas.", 1, "product_quality", ()),
    ("Radiovadāmā mašīna pabrauc 2 minūtes, pults nereaģē.", 1, "product_quality", ()),
]

CONTROLS_A = [
    ("Par mazu, pasūtīju M, bet vajadzēja L.", 2, ("wrong_item",)),
    ("Kaste bija saspiesta, bet prece vesela.", 3, ("wrong_item",)),
    ("Atnāca nākamajā dienā, super ātri!", 5, ("delivery_delay",)),
    ("Krāsa tieši kā bildē, ļoti apmierināta.", 5, ("wrong_item",)),
    ("Oriģināls produkts, pārbaudīju pēc sērijas numura.", 5, ("wrong_item",)),
    ("Derīguma termiņš vēl ilgs, garšīgs.", 5, ("wrong_item", "product_quality")),
    ("Viss komplektā, nekas netrūka.", 5, ("wrong_item",)),
    ("Lietoju katru dienu, iesaku.", 5, ("wrong_item",)),
    ("Izmērs par mazu, bet kvalitāte laba.", 3, ("wrong_item",)),
    ("Kurjers atveda 2 dienās, kā solīts.", 5, ("delivery_delay",)),
    pytest.param(
        "Nauda atgriezta ātri, vietā nopirku citu modeli.",
        4,
        ("delivery_delay", "wrong_item"),
        marks=pytest.mark.xfail(
            reason="'citu modeli' (another model) is nearly always what came, here what was "
            "bought: telling them apart needs the verb",
            strict=True,
        ),
    ),
]

# Batch B (new phrasings and products, written without re-reading the lists): before its list
# changes, 20 of these 39 passed (cases 14 of 32: wrong_item 8/18, delivery_delay 4/7,
# product_quality 2/7; controls 6 of 7). After: all but three xfails.
CASES_B = [
    # wrong_item
    ("Pasūtīju 2 litrus motoreļļas, atsūtīja 1 litru.", 1, "wrong_item", ()),
    ("nu un kur ir otrs auskars? kastite tikai viens", 1, "wrong_item", ()),
    ("Komplektā nav pults, bez tās televizoru lietot nevar.", 1, "wrong_item", ()),
    pytest.param(
        "Trīs no piecām krūzēm vispār nebija iepakojumā.",
        2,
        "wrong_item",
        (),
        marks=pytest.mark.xfail(
            reason="'nebija iepakojumā' (not in the box) also means 'there was no packaging'",
            strict=True,
        ),
    ),
    ("Atvēru kasti, tur guļ bērnu zābaki nevis mans blenderis.", 1, "wrong_item", ()),
    ("Šuves greizas, logo atlīmējas, skaidrs, ka neīsts Adidas.", 1, "wrong_item", ()),
    ("Kosmētika bez plombas, krēms izlietots līdz pusei.", 1, "wrong_item", ()),
    ("Saldējums atnāca ar termiņu, kas beidzās vakar.", 1, "wrong_item", ()),
    ("Tā nav mana paka, tur kāda Jāņa Bērziņa mantas.", 1, "wrong_item", ()),
    pytest.param(
        "Saņēmu tikai 1 riepu no 4.",
        1,
        "wrong_item",
        (),
        marks=pytest.mark.xfail(
            reason="1 of 4: 'saņēmu tikai 3' also starts 'got it only 3 days later'",
            strict=True,
        ),
    ),
    ("Pakā bija tikai pamācība, pašas lampas nav.", 1, "wrong_item", ()),
    ("Dārza šļūtene 15 m, nevis 25 m kā rakstīts.", 2, "wrong_item", ()),
    ("Nepilns komplekts, nav ne pedāļu ne sēdekļa.", 1, "wrong_item", ()),
    ("kaut kads atdarinajums nevis orginals", 1, "wrong_item", ()),
    ("Šampūns bija atvērts un puse izlietota.", 1, "wrong_item", ()),
    ("Krāsa neatbilst, zaļā izskatās pēc brūnas.", 2, "wrong_item", ()),
    pytest.param(
        "Uz bildes koka galds, atsūtīja plastmasas.",
        1,
        "wrong_item",
        (),
        marks=pytest.mark.xfail(
            reason="pictured X, sent Y: 'uz bildes' also occurs in praise ('kā uz bildes')",
            strict=True,
        ),
    ),
    ("Vienas detaļas pietrūka, skapi nevaru salikt.", 1, "wrong_item", ()),
    # delivery_delay
    ("Čau, kur ir mana prece? Maksāju 3.maijā, tagad jūnijs.", 1, "delivery_delay", ()),
    ("piegade 2 nedelas nevis 2 dienas ka rakstits", 1, "delivery_delay", ()),
    ("Kurjers visu laiku pārliek piegādi uz nākamo nedēļu.", 1, "delivery_delay", ()),
    ("Rotaļu mājiņa vēl nav klāt, bet dzimšanas diena jau bija.", 1, "delivery_delay", ()),
    ("Bezgala ilgs piegādes laiks.", 1, "delivery_delay", ()),
    ("Sūtījums iesprūdis Polijā jau 12 dienas.", 1, "delivery_delay", ()),
    ("Vēl ne miņas no paciņas.", 1, "delivery_delay", ()),
    # product_quality
    ("Matu fēns pūš tikai aukstu gaisu.", 2, "product_quality", ()),
    ("pec 2 nedelam nomira, vairs neieslēdzas", 1, "product_quality", ()),
    ("Dīvāna audums nobružājās pēc mēneša.", 2, "product_quality", ()),
    ("Tomātu stādi atsūtīti slimi un novītuši.", 1, "product_quality", ()),
    ("Lūpu krāsa sakaltusi, nevar uzklāt.", 2, "product_quality", ()),
    ("Riepa pēc 500 km izdilusi līdz kordam.", 1, "product_quality", ()),
    ("Konserva kārba uzpūtusies, baidos ēst.", 1, "product_quality", ()),
]

CONTROLS_B = [
    ("Nevis trīs dienas, bet jau nākamajā dienā bija klāt!", 5, ("delivery_delay",)),
    ("Viss bija iepakojumā, nekas netrūka, paldies.", 5, ("wrong_item",)),
    ("Zeķes ir mazliet par lielu, bet siltas.", 4, ("wrong_item",)),
    ("Kurjers pazvanīja, atveda tajā pašā dienā.", 5, ("delivery_delay",)),
    ("Oriģināla prece, ar hologrammu un garantiju.", 5, ("wrong_item",)),
    ("Derīgs līdz nākamā gada beigām, garšīgs.", 5, ("wrong_item",)),
    ("Ātrāka piegāde nekā gaidīju.", 5, ("delivery_delay",)),
]

CASES = CASES_A + CASES_B
CONTROLS = CONTROLS_A + CONTROLS_B


test_main_topic = case_test("lv", CASES)


test_controls = control_test("lv", CONTROLS)
