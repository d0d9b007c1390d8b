"""Romanian recall of wrong_item, delivery_delay and product_quality, round 2 (issue #21).

Realistic 1-2 star Romanian shop reviews in the styles round 1
(test_classification_topic_recall_ro.py) did not cover: very short angry reviews, run-on
sentences without punctuation, all lower case without diacritics, slang, typos, and many
product kinds (cosmetics, food, electronics, furniture, clothing, toys, garden, car parts).
Written independently of the frozen, blind, dev and multilingual evaluation sets (not read).
Each case names the review's main topic, which must be among the topics found, and the "high"
severity reasons it must get (none, for most). Controls name topics that must NOT be found.

Written in batches: each batch's comment says how many of its cases passed before the list
changes it prompted, the nearest thing to a held-out figure here.
"""

import pytest

from tests.support.topic_terms import case_test, control_test

# Batch A: before any list change, 17 of these 55 passed (cases 7 of 44, controls 10 of 11).
CASES_A = [
    # wrong_item (a counterfeit or a "rip-off" is also a fraud claim, lexicons/severity.py)
    ("Lipsesc 2 suruburi din set, nu pot monta dulapul.", 1, "wrong_item", ()),
    ("am comandat 4 bucati si au venit doar 3", 1, "wrong_item", ()),
    ("Mi-au trimis modelul vechi, nu cel din poză.", 1, "wrong_item", ()),
    ("am comandat negru si am primit bleumarin", 2, "wrong_item", ()),
    ("Parfumul e fals, miroase a alcool, nu e original.", 1, "wrong_item", ("fraud_claim",)),
    ("Produsul era desigilat și folosit, cu amprente pe ecran.", 1, "wrong_item", ()),
    ("Crema era expirata de 3 luni!!!", 1, "wrong_item", ()),
    ("Cutia a venit goală, fără produs în ea.", 1, "wrong_item", ()),
    ("Am primit comanda altcuiva, cu alt nume pe factura.", 1, "wrong_item", ()),
    ("nu seamana deloc cu poza", 1, "wrong_item", ()),
    ("In descriere scria bumbac 100%, pe eticheta scrie poliester.", 2, "wrong_item", ()),
    ("Jucaria e o copie ieftina, nu e Lego original.", 1, "wrong_item", ("fraud_claim",)),
    ("Telefonul e recondiționat, nu nou cum scria în anunț.", 1, "wrong_item", ()),
    ("Ciocolata expirată de o lună, rușine.", 1, "wrong_item", ()),
    ("Filtrul de aer e pentru alta masina, desi am dat seria de sasiu.", 1, "wrong_item", ()),
    ("am comandat L mi a venit M", 2, "wrong_item", ()),
    ("Pachetul contine un singur ghiveci din 3.", 1, "wrong_item", ()),
    ("Fara instructiuni si fara telecomanda, desi in descriere apar.", 2, "wrong_item", ()),
    ("Trotineta e vizibil folosită, zgâriată și cu noroi pe roți.", 1, "wrong_item", ()),
    ("Produs diferit fata de cel din imagine.", 1, "wrong_item", ()),
    ("Nu e produsul din descriere. Țeapă.", 1, "wrong_item", ("fraud_claim",)),
    ("Setul de pensule are 8 bucati in loc de 12.", 2, "wrong_item", ()),
    # delivery_delay
    ("nici acum n am primit nimic de 3 sapt", 1, "delivery_delay", ()),
    ("comanda din 2 mai si suntem pe 20 nimic", 1, "delivery_delay", ()),
    ("Intarzzie livrarea de fiecare data, jale.", 2, "delivery_delay", ()),
    ("A venit dupa o mie de ani.", 2, "delivery_delay", ()),
    ("Am primit masinuta dupa ce trecuse ziua copilului.", 1, "delivery_delay", ()),
    ("Sameday a tot reprogramat livrarea, de 4 ori.", 1, "delivery_delay", ()),
    ("semintele au venit dupa ce trecuse sezonul de plantat", 2, "delivery_delay", ()),
    ("Pachetul e plimbat prin toată țara de 10 zile.", 1, "delivery_delay", ()),
    ("Comanda nu a plecat din depozit nici după 10 zile.", 1, "delivery_delay", ()),
    ("Mobila trebuia livrata in 4 saptamani au trecut 8 si nimic", 1, "delivery_delay", ()),
    ("Livrare ca melcul, nu mai comand.", 2, "delivery_delay", ()),
    # product_quality
    ("Rujul nu tine nici o ora, se sterge imediat.", 2, "product_quality", ()),
    ("Painea era tare ca piatra.", 1, "product_quality", ()),
    ("Dulapul e din pal subtire, usile nu se inchid.", 1, "product_quality", ()),
    ("masinuta teleghidata merge 2 min si moare", 1, "product_quality", ()),
    ("Furtunul de grădină a plesnit după o zi la soare.", 1, "product_quality", ()),
    pytest.param(
        "Stergatoarele lasa dungi pe parbriz.",
        2,
        "product_quality",
        (),
        marks=pytest.mark.xfail(
            reason="product_quality is not negatable, and 'nu lasa dungi/urme/pete' is how"
            " wipers and cleaners are praised: only 'lasa dungi peste tot' is listed"
        ),
    ),
    ("Manerul mi-a ramas in mana din prima zi.", 1, "product_quality", ()),
    ("Boxa sună hârâit și înfundat.", 2, "product_quality", ()),
    ("Vopseaua se duce de pe jucarie cu unghia.", 1, "product_quality", ()),
    ("ciorapii s au gaurit dupa o purtare", 2, "product_quality", ()),
    ("Sampon care nu face nimic, parul e la fel de uscat.", 2, "product_quality", ()),
]

CONTROLS_A = [
    ("Prea mic, am comandat M dar vine ca un S.", 2, ("wrong_item",)),
    ("Cutia a venit distrusă, dar produsul e întreg.", 2, ("wrong_item",)),
    ("Livrare super rapida, a doua zi era la usa.", 5, ("delivery_delay",)),
    ("Lipsă de profesionalism la telefon, nu m-au ajutat deloc.", 1, ("wrong_item",)),
    ("Am comandat mărimea 38 și mi-a venit perfect.", 5, ("wrong_item",)),
    ("Culoarea e exact ca in poza, foarte multumita.", 5, ("wrong_item",)),
    ("Pantofii sunt prea mari, trebuia sa iau o marime mai mica.", 2, ("wrong_item",)),
    ("Produsul e original, cu sigiliu, recomand.", 5, ("wrong_item",)),
    ("Mi-a luat o saptamana sa ma hotarasc, dar a meritat.", 5, ("delivery_delay",)),
    ("Crema nu e expirata, e valabila pana in 2027.", 4, ("wrong_item",)),
    ("Tricoul s-a decolorat la prima spalare.", 2, ("wrong_item",)),
]

# Batch B: written after batch A's list changes, other phrasings and products; before the list
# changes it prompted, 10 of these 44 passed (cases 3 of 36, controls 7 of 8).
CASES_B = [
    # wrong_item
    ("Am dat comanda pentru 2 perechi si in colet era una singura.", 1, "wrong_item", ()),
    pytest.param(
        "Setul de Lego vine fara 20 de piese, copilul a plans.",
        1,
        "wrong_item",
        (),
        marks=pytest.mark.xfail(
            reason="a count between 'vine fara' and 'piese': terms are contiguous, and 'vine fara'"
            " alone is also 'vine fara baterii' as a plain note"
        ),
    ),
    ("Mi-a venit un cu totul alt parfum decât cel comandat.", 1, "wrong_item", ()),
    ("Ruj nuanta 05 comandata, primita nuanta 12.", 2, "wrong_item", ()),
    ("Tableta vine cu contul de google al altcuiva logat pe ea.", 1, "wrong_item", ()),
    ("Cafea cu termenul depășit de 2 luni.", 1, "wrong_item", ()),
    ("Pozele din anunt sunt cu alt produs.", 1, "wrong_item", ()),
    ("In cutie erau doar pietre, nici urma de telefon.", 1, "wrong_item", ()),
    pytest.param(
        "Scaunul e maro, eu l-am vrut negru cum l-am comandat.",
        2,
        "wrong_item",
        (),
        marks=pytest.mark.xfail(
            reason="'l-am vrut' (wanted it) as the order, then a colour: no ordering verb before a"
            " received one"
        ),
    ),
    ("Aparatul de tuns a venit fara pieptenii de ghidaj.", 2, "wrong_item", ()),
    ("Kitul de distributie nu are rola intinzatoare, desi apare in poze.", 1, "wrong_item", ()),
    (
        "Arată a produs returnat, cutia lipită cu scotch și accesoriile aruncate înăuntru.",
        1,
        "wrong_item",
        (),
    ),
    ("e alt brand nu cel pe care l am platit", 1, "wrong_item", ()),
    # passes since release 2026.12.18 made 'am platit' an ordering verb (ORDERED_WORDS)
    ("Am platit pentru 1 kg si am primit 500 de grame.", 1, "wrong_item", ()),
    ("Tenisi uzati cu talpa murdara, clar purtati de altcineva.", 1, "wrong_item", ()),
    ("Sticla de ulei de motor era pe jumatate goala.", 1, "wrong_item", ()),
    pytest.param(
        "Jocul de societate nu avea zarurile in cutie.",
        2,
        "wrong_item",
        (),
        marks=pytest.mark.xfail(
            reason="the missing part sits between 'nu avea' and 'in cutie': terms are contiguous"
        ),
    ),
    ("Imaginea de pe site e cu totul alta decât ce am primit.", 1, "wrong_item", ()),
    # delivery_delay
    pytest.param(
        "deci 3 saptamani pt un ruj??? serios???",
        1,
        "delivery_delay",
        (),
    ),
    ("Coletul vine cu posta romana, adica niciodata.", 1, "delivery_delay", ()),
    ("Când a ajuns în sfârșit canapeaua ne mutaserăm deja.", 2, "delivery_delay", ()),
    ("trei saptamani de asteptare pentru un set de becuri auto", 1, "delivery_delay", ()),
    ("De o saptamana imi zic ca vine maine.", 1, "delivery_delay", ()),
    ("Au tot mutat data livrarii, de trei ori.", 1, "delivery_delay", ()),
    ("Sosise cu o intarziere de 9 zile.", 2, "delivery_delay", ()),
    # passes since 2026.12.14: a cancellation is no refund word for the waiting rule
    ("Comanda anulată automat pentru că n-au livrat-o la timp.", 1, "delivery_delay", ()),
    # product_quality
    ("Rimelul se întărește în tub după o săptămână.", 2, "product_quality", ()),
    ("Merele erau moi si zbarcite.", 1, "product_quality", ()),
    ("Laptopul se inchide singur cand ai mai multe taburi deschise.", 1, "product_quality", ()),
    ("Masa se balanseaza, picioarele nu sunt egale.", 2, "product_quality", ()),
    ("la prima spalare a iesit toata culoarea", 2, "product_quality", ()),
    ("Păpușa și-a pierdut părul după două zile de joacă.", 2, "product_quality", ()),
    ("Trimmerul taie prost, mai mult smulge iarba.", 2, "product_quality", ()),
    pytest.param(
        "Becurile auto au tinut doua saptamani.",
        1,
        "product_quality",
        (),
        marks=pytest.mark.xfail(
            reason="a short lifetime without 'doar': 'au tinut doua saptamani' reads like 'au "
            "tinut doi ani'"
        ),
    ),
    ("Crema lasa pielea grasa si nu se absoarbe.", 2, "product_quality", ()),
    ("bataie de joc de produs nu merita nici 5 lei", 1, "product_quality", ()),
]

CONTROLS_B = [
    ("Am primit exact ce am comandat, mulțumesc.", 5, ("wrong_item",)),
    ("Coletul a ajuns intr-o zi, impecabil.", 5, ("delivery_delay",)),
    ("Sticla a venit sparta, uleiul s-a varsat in colet.", 1, ("wrong_item",)),
    ("Mărimea e mai mică decât în tabel.", 2, ("wrong_item",)),
    ("Livrarea a durat doar 2 zile, nu ma plang.", 4, ("delivery_delay",)),
    ("Produsul e exact cel din poza, dar calitatea lasa de dorit.", 2, ("wrong_item",)),
    ("Curierul a fost foarte amabil și punctual.", 5, ("delivery_delay",)),
    ("Nu e nimic in neregula cu produsul, dar nu mi-a placut culoarea.", 3, ("wrong_item",)),
    # Written while fixing batches A and B, for the new terms' precision (not a held-out figure).
    ("Din cauza lipsei de seriozitate nu mai comand.", 1, ("wrong_item",)),
    ("Lipsa de comunicare, nu raspund la telefon.", 1, ("wrong_item",)),
    ("Nu seamana cu nimic din ce am avut, e excelent.", 5, ("wrong_item",)),
    ("Calitatea e diferita de ce ma asteptam, mult mai buna.", 5, ("wrong_item",)),
    ("Arata si mai frumos decat in poza.", 5, ("wrong_item",)),
    ("Valoreaza mult mai mult decat ce am platit.", 5, ("wrong_item",)),
    ("Contine doar ingrediente naturale, imi place.", 5, ("wrong_item",)),
    ("Garantia a expirat dupa 2 ani, dar inca merge.", 4, ("wrong_item",)),
    ("Am trimis copie dupa factura pentru retur.", 3, ("wrong_item",)),
    ("Am folosit alt cod de reducere si a mers.", 5, ("wrong_item",)),
    ("Nu e vina magazinului, e a altcuiva.", 4, ("wrong_item",)),
    ("Pantofii nu sunt noi pe piata dar sunt buni.", 5, ("wrong_item",)),
    ("Telefonul e foarte subtire si usor.", 5, ("product_quality",)),
    ("Floarea nu moare nici daca uit sa o ud.", 5, ("product_quality",)),
    ("Vopseaua se usuca repede si acopera bine.", 5, ("product_quality",)),
    ("Rujul lasa culoare frumoasa pe buze.", 5, ("product_quality",)),
    (
        "Comanda a ajuns in 2 zile, nici dupa o luna de folosit nu are probleme.",
        5,
        ("delivery_delay",),
    ),
    ("In descriere zice ca vine cu doua baterii, si chiar asa e.", 5, ("delivery_delay",)),
    ("Produs prost, nu mai comand niciodata de aici.", 1, ("delivery_delay",)),
]

CASES = CASES_A + CASES_B
CONTROLS = CONTROLS_A + CONTROLS_B


test_main_topic = case_test("ro", CASES)


test_controls = control_test("ro", CONTROLS)
