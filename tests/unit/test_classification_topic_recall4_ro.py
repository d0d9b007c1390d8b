"""Romanian recall of product_quality and delivery_delay, round 4 (issue #21).

Realistic 1-2 star Romanian shop reviews (very short and angry, run-on, all lower case without
diacritics, slang, typos, regional and colloquial words) about cosmetics, food, electronics,
furniture, clothing, toys, garden, car parts, pet supplies and kitchen goods, in other phrasings
than rounds 1 to 3 (test_classification_topic_recall_ro.py, test_classification_topic_recall2_ro.py,
test_classification_topic_recall3_ro.py) and test_classification_topic_terms_ro.py. Written
independently of the frozen, blind, dev and multilingual evaluation sets (not read). Each case
names the review's main topic, which must be among the topics found, and the "high" severity
reasons it must get (none, for most). Controls name topics that must NOT be found.

Written in batches: each batch's comment says how many of its cases passed before the list
changes it prompted, the nearest thing to a held-out figure here.
"""

import pytest

from tests.support.topic_terms import case_test, control_test

# Batch A: before any list change, 22 of these 62 passed (cases 11 of 50, controls 11 of 12).
CASES_A = [
    # product_quality
    (
        "Fierbatorul a dat coltul dupa 4 zile, nici nu mai da semne de viata.",
        1,
        "product_quality",
        (),
    ),
    ("nu se mai aprinde deloc lampa dupa o saptamana", 1, "product_quality", ()),
    ("Telefonul nu mai vrea să se încarce, am încercat 3 cabluri.", 1, "product_quality", ()),
    ("Caloriferul electric nu incalzeste deloc, abia e caldut.", 1, "product_quality", ()),
    ("Masina de spalat nu centrifugheaza, rufele ies ude leoarca.", 1, "product_quality", ()),
    ("Imprimeul de pe tricou s-a crăpat și se ia bucăți la spălare.", 2, "product_quality", ()),
    ("Bluza a intrat la apa dupa o spalare la 30 de grade.", 2, "product_quality", ()),
    ("Sticla de apa pierde pe la filet, mi-a udat tot rucsacul.", 1, "product_quality", ()),
    (
        "Ursuletul de plus are un miros de chimicale de nu poti sta langa el.",
        1,
        "product_quality",
        (),
    ),
    ("Paltonul are ate scoase peste tot si nasturii cad.", 2, "product_quality", ()),
    ("Bateria de la trotineta tine 5 km in loc de 25.", 1, "product_quality", ()),
    (
        "masina de paine hodorogeste si vibreaza toata de zici ca e tractor",
        2,
        "product_quality",
        (),
    ),
    ("Gaurile de la dulap nu se potrivesc, am dat gauri noi singur.", 1, "product_quality", ()),
    ("Fondul de ten se oxideaza in o ora si devine portocaliu.", 2, "product_quality", ()),
    ("Biscuitii erau rasuflati si moi, nu se pot manca.", 1, "product_quality", ()),
    ("Cutitele s-au tocit dupa o luna, nu mai taie nici rosii.", 2, "product_quality", ()),
    ("puloverul face bobite dupa doua purtari", 2, "product_quality", ()),
    ("Ecranul tabletei pâlpâie și apar dungi verzi.", 1, "product_quality", ()),
    (
        "Aspiratorul robot nu se conecteaza la aplicatie, degeaba are wifi.",
        1,
        "product_quality",
        (),
    ),
    (
        "Ceasul pierde conexiunea bluetooth cu telefonul la fiecare 5 minute.",
        2,
        "product_quality",
        (),
    ),
    ("Salteaua face groapa la mijloc dupa doua luni.", 2, "product_quality", ()),
    (
        "Hrana uscata pentru pisici miroase a rânced, pisica nici nu se uita la ea.",
        1,
        "product_quality",
        (),
    ),
    ("Nisipul pentru pisici nu absoarbe nimic, se face noroi.", 1, "product_quality", ()),
    ("Pompa de apa pentru gradina nu pompeaza, doar bazaie.", 1, "product_quality", ()),
    ("La masinuta i s-au desprins rotile din prima zi.", 1, "product_quality", ()),
    (
        "Tigaia s-a bombat pe fund dupa o saptamana, nu mai sta dreapta pe plita.",
        2,
        "product_quality",
        (),
    ),
    ("Parfumul se evaporă în 10 minute, nu rămâne nimic.", 2, "product_quality", ()),
    ("Oja sare de pe unghii a doua zi.", 2, "product_quality", ()),
    ("Praf. A mers o zi.", 1, "product_quality", ()),
    ("Frigiderul nu raceste, berea e calda si dupa o zi.", 1, "product_quality", ()),
    ("Talpa s-a dezlipit... nu, s-a desprins de tot dupa 2 saptamani.", 1, "product_quality", ()),
    ("Sosetele fac gauri in calcai dupa o purtare.", 2, "product_quality", ()),
    pytest.param(
        "Becurile de la faruri s-au ars dupa 3 zile.",
        1,
        "product_quality",
        (),
        marks=pytest.mark.xfail(
            reason="the topic is found, but 's au ars' is a safety word in lexicons/severity.py,"
            " outside this brief's lists"
        ),
    ),
    # delivery_delay
    ("unde mi e coletul??? platit de 2 sapt", 1, "delivery_delay", ()),
    ("Statusul e tot 'in curs de livrare' de vreo 9 zile.", 1, "delivery_delay", ()),
    ("Trackingul nu s-a miscat de 6 zile, acelasi status.", 1, "delivery_delay", ()),
    ("Coletul sta la vama de doua saptamani si nimeni nu face nimic.", 1, "delivery_delay", ()),
    pytest.param(
        "Au zis 2-3 zile lucratoare, azi e a 12-a zi.",
        1,
        "delivery_delay",
        (),
        marks=pytest.mark.xfail(
            reason="no delivery word, and a day count ('a 12-a zi') would need a number in the term"
        ),
    ),
    ("Curierul ma tot duce cu vorba de o saptamana.", 1, "delivery_delay", ()),
    ("Nu mai venea odata asa ca am anulat-o.", 1, "delivery_delay", ()),
    ("Data estimata de livrare a trecut de 5 zile.", 1, "delivery_delay", ()),
    ("Astept si acum mobila comandata in martie.", 1, "delivery_delay", ()),
    pytest.param(
        "Pe site scria livrare in 24h, a venit dupa 10 zile.",
        2,
        "delivery_delay",
        (),
        marks=pytest.mark.xfail(
            reason="'dupa 10 zile' after a delivery word is also 'am primit coletul si dupa 10"
            " zile s-a stricat' (a round 1 control); the count after 'a venit dupa' would"
            " need a number in the term"
        ),
    ),
    ("Comanda inca nu a fost preluata de curier dupa o saptamana.", 1, "delivery_delay", ()),
    ("promisiuni peste promisiuni si coletul nicaieri", 1, "delivery_delay", ()),
    ("A venit cu doua saptamani dupa termen.", 2, "delivery_delay", ()),
    ("Tot nu mi-a venit coletul, e a treia saptamana.", 1, "delivery_delay", ()),
    ("Mi-au spus ca e pe drum, de o luna e pe drum.", 1, "delivery_delay", ()),
    ("Livrarea s-a tot lungit, de la 3 zile la 3 saptamani.", 2, "delivery_delay", ()),
    pytest.param(
        "Se misca greu de tot, de la Bucuresti la Cluj in 8 zile.",
        2,
        "delivery_delay",
        (),
        marks=pytest.mark.xfail(
            reason="no delivery word, and 'se misca greu' is also a stiff drawer"
        ),
    ),
]

CONTROLS_A = [
    ("A ajuns repede și merge brici.", 5, ("delivery_delay", "product_quality")),
    ("Curierul a fost nepoliticos si mi-a aruncat coletul peste gard.", 2, ("product_quality",)),
    ("Cutia era turtita de tot, dar aspiratorul e ok.", 3, ("product_quality",)),
    ("Merge bine, doar ca livrarea a durat 3 saptamani.", 2, ("product_quality",)),
    ("Am sunat de trei ori la magazin si nu mi-a raspuns nimeni.", 1, ("product_quality",)),
    (
        "Nu mai comand de la ei, mi-au trimis alta culoare.",
        1,
        ("product_quality", "delivery_delay"),
    ),
    ("Comanda a ajuns in 24 de ore, impecabil.", 5, ("delivery_delay",)),
    ("Am folosit-o o luna si e la fel de buna ca in prima zi.", 5, ("delivery_delay",)),
    pytest.param(
        "Site-ul nu se incarca, nu am putut plasa comanda.",
        1,
        ("product_quality",),
        marks=pytest.mark.xfail(
            reason="'nu se incarca' is 'does not charge' and 'does not load' alike;"
            " product_quality keeps it for batteries"
        ),
    ),
    ("Aplicatia magazinului nu se conecteaza, nu pot sa ma loghez.", 1, ("product_quality",)),
    ("Coletul a stat o zi in easybox pana l-am ridicat, vina mea.", 4, ("delivery_delay",)),
    ("Hrana pentru caini a venit repede, cainele o mananca cu pofta.", 5, ("product_quality",)),
]

# Batch B: written after batch A's list changes, other phrasings and products; before the list
# changes it prompted, 15 of these 38 passed (cases 10 of 31, controls 5 of 7).
CASES_B = [
    # product_quality
    (
        "Periuta electrica a murit dupa 10 zile, nu mai scoate niciun sunet.",
        1,
        "product_quality",
        (),
    ),
    ("Captuseala de la geaca s-a rupt in buzunar dupa o saptamana.", 2, "product_quality", ()),
    ("Jucaria cu baterii nu se mai misca, rotile se invart in gol.", 1, "product_quality", ()),
    ("Vopseaua de par nu a prins deloc, parul e tot alb.", 1, "product_quality", ()),
    pytest.param(
        "Cafeaua boabe e arsa si acra, nu se poate bea.",
        1,
        "product_quality",
        (),
        marks=pytest.mark.xfail(
            reason="the topic is found, but 'arsa' is a safety word in lexicons/severity.py,"
            " outside this brief's lists"
        ),
    ),
    ("Cablul face contact doar daca il tii intr-o anumita pozitie.", 1, "product_quality", ()),
    (
        "Sertarele comodei nu gliseaza, trebuie sa tragi de ele cu ambele maini.",
        2,
        "product_quality",
        (),
    ),
    ("Hrana umeda pentru caini avea cocoloase albe si mirosea a acru.", 1, "product_quality", ()),
    ("Funia de la ansamblul pentru pisici s-a destrămat în 3 zile.", 2, "product_quality", ()),
    ("Masina de tuns iarba se ineaca la fiecare 2 metri si se stinge.", 1, "product_quality", ()),
    ("Ghetele au luat apa la prima ploaie, sosete ude toata ziua.", 1, "product_quality", ()),
    ("placa de par nu se incinge, abia face bucle", 2, "product_quality", ()),
    ("Cana termos nu tine caldura nici o ora.", 2, "product_quality", ()),
    ("Lenjeria s-a facut aspra ca hartia dupa doua spalari.", 2, "product_quality", ()),
    ("Capacul oglinzii nu se prinde in clipsuri, se misca si zdrăngăne.", 2, "product_quality", ()),
    ("Adidasii au inceput sa se descleieze la varf dupa o luna.", 2, "product_quality", ()),
    (
        "Camera de supraveghere face poze neclare si noaptea nu vezi nimic.",
        1,
        "product_quality",
        (),
    ),
    ("Sampon care face parul ca paiele, nu mai iau.", 2, "product_quality", ()),
    pytest.param(
        "Roata de la trolerul de bagaj a sarit dupa primul drum.",
        1,
        "product_quality",
        (),
        marks=pytest.mark.xfail(
            reason="the broken part stands apart from 'a sarit' (popped off), which alone is also"
            " a price jump"
        ),
    ),
    ("Tastatura are taste care se blocheaza si altele care nu scriu.", 1, "product_quality", ()),
    # delivery_delay
    ("Au trecut doua saptamani si curierul inca nu mi-a adus nimic.", 1, "delivery_delay", ()),
    (
        "nici acum nu stiu unde e pachetul, fan zice ca nu l a primit de la voi",
        1,
        "delivery_delay",
        (),
    ),
    pytest.param(
        "Comandat pe 1, azi e 19 si tot nimic.",
        1,
        "delivery_delay",
        (),
        marks=pytest.mark.xfail(
            reason="date arithmetic: 'tot nimic' is a clause away from 'comandat' and alone is"
            " also an unanswered call"
        ),
    ),
    ("Coletul e de 5 zile la hubul din Brasov si nu pleaca de acolo.", 1, "delivery_delay", ()),
    ("curieru a amanat de 3 ori, acum zice saptamana viitoare", 1, "delivery_delay", ()),
    ("Livrare estimata pe 3 aprilie, azi e 15 si nici vorba de colet.", 1, "delivery_delay", ()),
    ("Inca o saptamana si tot nu e livrat.", 1, "delivery_delay", ()),
    ("De cand am platit au trecut 12 zile si despre pachet nicio veste.", 1, "delivery_delay", ()),
    (
        "Magazinul zice ca e expediat, curierul zice ca n-a primit nimic, stau si astept.",
        1,
        "delivery_delay",
        (),
    ),
    pytest.param(
        "Cadoul de Craciun a venit in ianuarie. Multumesc frumos.",
        1,
        "delivery_delay",
        (),
        marks=pytest.mark.xfail(reason="a date after the occasion without a delay word"),
    ),
    ("Colet plimbat prin depozite de 3 saptamani.", 1, "delivery_delay", ()),
]

CONTROLS_B = [
    ("Am primit comanda in 3 zile si bateria tine de minune.", 5, ("delivery_delay",)),
    pytest.param(
        "Site-ul merge greu, se blocheaza pagina la plata.",
        1,
        ("product_quality",),
        marks=pytest.mark.xfail(
            reason="'se blocheaza' is a frozen device and a frozen page alike; product_quality"
            " keeps it"
        ),
    ),
    ("Nu am avut timp sa-l testez, dar a ajuns repede.", 4, ("delivery_delay", "product_quality")),
    ("Curierul m-a sunat de 5 ori si a fost nepoliticos.", 2, ("product_quality",)),
    ("A doua comanda, la fel de bun, nu s-a stricat nimic in 6 luni.", 5, ("delivery_delay",)),
    ("Pachetul a ajuns ud, cutia desfacuta, dar produsul e intact.", 2, ("product_quality",)),
    ("Comanda a venit dupa 2 zile, totul functioneaza.", 5, ("delivery_delay", "product_quality")),
    # Written while fixing batches A and B, for the new terms' precision (not a held-out figure).
    ("Am primit tricoul ieri, petele nu pleaca la spalare.", 2, ("delivery_delay",)),
    ("Nu stiu unde e problema, dar imi place mult.", 5, ("delivery_delay",)),
    ("Am primit produsul, nici vorba de calitatea din poze.", 2, ("delivery_delay",)),
    ("Am primit telefonul si nu se actualizeaza la ultima versiune.", 2, ("delivery_delay",)),
    ("Merge impecabil, am primit-o de 5 zile si o folosesc zilnic.", 5, ("delivery_delay",)),
    ("Cerceii licaresc frumos in lumina.", 5, ("product_quality",)),
    ("Am trimis mesaj si nicio veste de la ei despre retur.", 1, ("delivery_delay",)),
    ("Vaza a ajuns crapata, cutia era strivita.", 1, ("product_quality",)),
]

CASES_FIXING = [
    # Written while fixing, for the terms' reach (not a held-out figure).
    ("Pachetul blocat la vama, trebuie sa completez declaratie.", 1, "customs_fees", ()),
    ("Vaza s-a crapat in transport, cutia era strivita.", 1, "damaged_packaging", ()),
    ("Am primit masinuta si nu se misca deloc, rotile se invart in gol.", 2, "product_quality", ()),
]

CASES = CASES_A + CASES_B + CASES_FIXING
CONTROLS = CONTROLS_A + CONTROLS_B


test_main_topic = case_test("ro", CASES)


test_controls = control_test("ro", CONTROLS)
