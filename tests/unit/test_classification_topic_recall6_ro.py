"""Romanian recall of every complaint topic, round 6 (issue #21): product_quality and
delivery_delay first.

Realistic 1-2 star Romanian shop reviews (very short and angry, run-on, all lower case without
diacritics, slang, typos, English words mixed in) about cosmetics, food, electronics, furniture,
clothing, toys, garden, car parts, pet supplies and kitchen goods, often telling what happened
rather than naming the problem. Proportions: product_quality 40 %, delivery_delay 30 %, the rest
spread over the other complaint topics. Other phrasings than rounds 1 to 5
(test_classification_topic_recall_ro.py to test_classification_topic_recall5_ro.py) and
test_classification_topic_terms_ro.py. Written independently of the frozen, blind, dev and
multilingual evaluation sets (not read). Each case names the review's main topic, which must be
among the topics found, and the "high" severity reasons it must get (none, for most). Controls
name topics that must NOT be found.

Written in batches: each batch's comment says how many of its cases passed before the list
changes it prompted, the nearest thing to a held-out figure here.
"""

import pytest

from tests.support.topic_terms import case_test, control_test

# Batch A: before any list change, 34 of these 61 passed (cases 25 of 50, controls 9 of 11).
CASES_A = [
    # product_quality
    (
        "dupa a doua spalare bluza arata ca o carpa, numai ate si noduri",
        1,
        "product_quality",
        (),
    ),
    ("Lanterna se incinge asa tare ca nu o mai poti tine in mana.", 1, "product_quality", ()),
    (
        "telefonu nou imi mananca bateria in 3 ore fara sa fac nimic pe el",
        1,
        "product_quality",
        (),
    ),
    (
        "Crema de fata are un miros de ceara veche si se face ghemotoace pe piele.",
        2,
        "product_quality",
        (),
    ),
    (
        "Cana termos a inceput sa curga pe la capac dupa o saptamana, mi-a udat tot rucsacul.",
        1,
        "product_quality",
        (),
    ),
    (
        "Gratarul de gradina a prins rugina dupa prima ploaie, desi scria inox.",
        1,
        "product_quality",
        (),
    ),
    (
        "Masinuta teleghidata s-a facut bucati dupa doua cazaturi, roata din fata a zburat.",
        1,
        "product_quality",
        (),
    ),
    ("Cafeaua are gust de ars si de vechi, parca e de anul trecut.", 1, "product_quality", ()),
    (
        "lada frigorifica auto uruie ca un tractor si berea tot calda ramane",
        1,
        "product_quality",
        (),
    ),
    ("Blugii negri au ajuns gri dupa trei spalari, jale.", 2, "product_quality", ()),
    (
        "Aspiratorul robot se invarte in cerc si se agata de orice covor, nu curata nimic.",
        1,
        "product_quality",
        (),
    ),
    (
        "Husele auto dupa 2 saptamani s-au facut ferfenita pe scaunul soferului.",
        1,
        "product_quality",
        (),
    ),
    (
        "Fantana de apa pentru pisica nu mai pompeaza dupa 10 zile, motorasul a amutit.",
        1,
        "product_quality",
        (),
    ),
    (
        "parfumul tine fix 20 de minute pe piele, dupa aia nu mai simti nimic",
        2,
        "product_quality",
        (),
    ),
    (
        "Tigaia zisa antiaderenta: totul se prinde de ea, iar stratul se exfoliaza.",
        1,
        "product_quality",
        (),
    ),
    (
        "Laptopul se face cuptor dupa 10 minute si ventilatorul urla non stop.",
        1,
        "product_quality",
        (),
    ),
    ("Ciorapii s-au gaurit in calcai de la prima purtare.", 2, "product_quality", ()),
    (
        "Masca de par nu face absolut nimic, parul la fel de uscat ca inainte.",
        2,
        "product_quality",
        (),
    ),
    (
        "Sosul de rosii avea un gust metalic si facea bule, l-am aruncat.",
        1,
        "product_quality",
        (),
    ),
    (
        "Fotoliul s-a lasat dupa 2 luni, stai in el ca intr-o groapa.",
        1,
        "product_quality",
        (),
    ),
    # delivery_delay
    (
        "Am comandat pe 2 noiembrie, pe 20 tot dadeam refresh la tracking. Ridicol.",
        1,
        "delivery_delay",
        (),
    ),
    (
        "in a 12-a zi inca ma uitam pe pagina de urmarire care zicea acelasi lucru",
        1,
        "delivery_delay",
        (),
    ),
    pytest.param(
        "Data estimata 5 decembrie. Azi e 14. Nimic.",
        1,
        "delivery_delay",
        (),
        marks=pytest.mark.xfail(
            reason="date arithmetic across three sentences, and no delivery word at all"
        ),
    ),
    (
        "Coletul sta in depozitul din Ploiesti de o saptamana si nu se clinteste.",
        1,
        "delivery_delay",
        (),
    ),
    (
        "zi de zi scrie ca e la curier pentru livrare si curierul nu apare",
        1,
        "delivery_delay",
        (),
    ),
    (
        "Am stat acasa toata ziua, curierul n-a venit si a trecut ca nu eram acasa.",
        1,
        "delivery_delay",
        (),
    ),
    pytest.param(
        "Trenuletul pentru Craciun a venit pe 3 ianuarie, mosul a venit fara el.",
        1,
        "delivery_delay",
        (),
        marks=pytest.mark.xfail(
            reason="the lateness is in the dates (a Christmas toy on 3 January); month names"
            " near a delivery word would call every dated delivery late"
        ),
    ),
    ("super slow shipping, 18 zile pentru un ruj", 2, "delivery_delay", ()),
    pytest.param(
        "Dupa 20 de zile in care nu s-a intamplat nimic am anulat comanda.",
        1,
        "delivery_delay",
        (),
        marks=pytest.mark.xfail(
            reason="the wait is 10 tokens before the order word and 'nothing happened' is"
            " negated; as a bare term it would also catch a product that does nothing"
        ),
    ),
    (
        "Trackingul arata in tranzit din 4 ale lunii, acum e 19.",
        1,
        "delivery_delay",
        (),
    ),
    (
        "Mi-au zis 24-48h, au trecut 6 zile si coletul nicio miscare.",
        1,
        "delivery_delay",
        (),
    ),
    (
        "Piesele pt masina au zacut doua saptamani intr-un hub la Cluj, iar masina a stat.",
        1,
        "delivery_delay",
        (),
    ),
    (
        "l-am comandat la inceputul lunii si nici pana in ziua de azi nu e aici",
        1,
        "delivery_delay",
        (),
    ),
    (
        "Curierul a zis ca vine intre 9 si 17, nu a venit nici ieri nici azi.",
        1,
        "delivery_delay",
        (),
    ),
    (
        "Trebuia sa fie aici vineri, am primit-o joia urmatoare.",
        2,
        "delivery_delay",
        (),
    ),
    # damaged_packaging
    (
        "Cutia era zdrentuita, cu colturile intrate, iar abajurul lampii indoit.",
        1,
        "damaged_packaging",
        (),
    ),
    (
        "Sacul cu hrana pentru caini a venit spart, jumatate imprastiata prin colet.",
        1,
        "damaged_packaging",
        (),
    ),
    (
        "Borcanele de dulceata au ajuns ciobite, nici macar folie cu bule nu au pus.",
        1,
        "damaged_packaging",
        (),
    ),
    # wrong_item
    ("Am comandat crema de zi si mi-a venit crema de noapte.", 1, "wrong_item", ()),
    ("Pe eticheta scrie alt model decat cel de pe site.", 1, "wrong_item", ()),
    ("In colet au pus 3 jante in loc de 4.", 1, "wrong_item", ()),
    # customer_service
    (
        "Operatorul mi-a inchis telefonul in nas cand am cerut o solutie.",
        1,
        "customer_service",
        (),
    ),
    (
        "De o saptamana primesc doar mesaje automate copy paste, nimeni nu citeste.",
        1,
        "customer_service",
        (),
    ),
    # returns_refunds
    ("Am returnat rochia pe 1, banii tot nu s-au intors in cont.", 1, "returns_refunds", ()),
    (
        "Nu mi-au acceptat coletul de retur pe motiv ca nu e in ambalajul original.",
        1,
        "returns_refunds",
        (),
    ),
    # size_fit
    ("Adidasii vin mici cu un numar, m-au bataturit in prima zi.", 2, "size_fit", ()),
    ("Geaca XL pare S, nu pot sa o inchid.", 2, "size_fit", ()),
    # price_value
    (
        "Prea scump pentru ce ofera, 200 de lei pentru o jucarie de plastic.",
        1,
        "price_value",
        (),
    ),
    # website_checkout
    ("Aplicatia se blocheaza la plata, am incercat cu 3 carduri.", 1, "website_checkout", ()),
    # customs_fees
    ("Am mai platit 70 lei taxa vamala la curier, nimeni nu ne-a zis.", 1, "customs_fees", ()),
]

CONTROLS_A = [
    ("Coletul a ajuns in 2 zile, aparatul merge perfect.", 5, ("delivery_delay",)),
    (
        "Curierul a fost nepoliticos si a trantit coletul, dar lampa e intreaga.",
        2,
        ("product_quality",),
    ),
    ("Cutia era strivita rau, dar cana dinauntru e intreaga.", 3, ("product_quality",)),
    (
        "Trackingul s-a actualizat in fiecare zi si a ajuns cand au zis.",
        5,
        ("delivery_delay",),
    ),
    ("Livrare rapida, dar aspiratorul nu mai trage dupa o saptamana.", 2, ("delivery_delay",)),
    ("Am primit banii inapoi in 2 zile, dar produsul era defect.", 2, ("delivery_delay",)),
    ("Site-ul merge greu, dar comanda a ajuns a doua zi.", 3, ("delivery_delay",)),
    (
        "Nu am platit nicio taxa vamala, a venit in 4 zile, dar marimea e mica.",
        2,
        ("customs_fees", "delivery_delay"),
    ),
    ("Rochia s-a spalat de zeci de ori si arata ca noua.", 5, ("product_quality",)),
    ("Copilul se joaca zilnic cu ea si nu s-a stricat nimic.", 5, ("product_quality",)),
    ("Mi-a venit exact culoarea aleasa, dar tigaia se zgarie.", 2, ("wrong_item",)),
]


# Batch B: written after batch A's list changes, other phrasings and products; before the list
# changes it prompted, 22 of these 37 passed (cases 16 of 31, controls 6 of 6).
CASES_B = [
    # product_quality
    (
        "Ruj cica rezistent la transfer, l-am lasat pe prima cana de cafea.",
        2,
        "product_quality",
        (),
    ),
    (
        "Bocancii de munte m-au lasat cu picioarele ude la prima ploaie.",
        1,
        "product_quality",
        (),
    ),
    (
        "Televizorul are o pata mai luminoasa in colt care se vede la orice film.",
        1,
        "product_quality",
        (),
    ),
    (
        "adidasii copilului au facut burta la varf si talpa a cascat dupa o saptamana",
        1,
        "product_quality",
        (),
    ),
    (
        "Ceasul smart numara pasi cand stau pe canapea si pulsul arata 180 in repaus.",
        1,
        "product_quality",
        (),
    ),
    pytest.param(
        "Iaurtul era umflat la capac si a facut pfff cand l-am deschis.",
        1,
        "product_quality",
        (),
        marks=pytest.mark.xfail(
            reason="the topic is found, but severity's 'umflat*' (swollen) reads the bloated"
            " lid as a health injury; lexicons/severity.py is outside this round"
        ),
    ),
    pytest.param(
        "Perna cu spuma memory s-a turtit ca o clatita in doua saptamani.",
        1,
        "product_quality",
        (),
        marks=pytest.mark.xfail(
            reason="'s-a turtit' is as often a box crushed in transit (damaged_packaging);"
            " only 's-a turtit dupa' / 'se turteste' are listed as wear"
        ),
    ),
    (
        "Furtunul de gradina se rasuceste si se frange la fiecare pas, apa abia iese.",
        2,
        "product_quality",
        (),
    ),
    (
        "Farurile cu led s-au aburit pe dinauntru dupa prima spalatorie.",
        1,
        "product_quality",
        (),
    ),
    (
        "Nisipul de pisici face praf cat incape si nu retine mirosul deloc.",
        2,
        "product_quality",
        (),
    ),
    (
        "Ceainicul electric da un iz de plastic la apa, nu se duce nici dupa 20 de fierberi.",
        1,
        "product_quality",
        (),
    ),
    ("setul de pensule naparleste, am peri pe toata fata", 1, "product_quality", ()),
    (
        "Tastatura are taste care se intepenesc si litera E scrie doar daca apesi de doua ori.",
        1,
        "product_quality",
        (),
    ),
    # delivery_delay
    (
        "ziua 12 si tot ma uit pe harta curierului, pachetul e tot in Olanda",
        1,
        "delivery_delay",
        (),
    ),
    (
        "Comandat luni cu livrare garantata miercuri. E vinerea urmatoare.",
        1,
        "delivery_delay",
        (),
    ),
    (
        "Curierul a anulat de 3 ori livrarea pe motiv de adresa incompleta, adresa e completa.",
        1,
        "delivery_delay",
        (),
    ),
    (
        "Am primit sms ca vine azi, nu a venit. A doua zi acelasi sms. Tot nimic.",
        1,
        "delivery_delay",
        (),
    ),
    (
        "3 saptamani pt niste seminte de rosii, sezonul de plantat aproape trecut",
        1,
        "delivery_delay",
        (),
    ),
    (
        "mancarea pentru caine trebuia livrata in 2 zile, cainele a mancat orez o saptamana",
        1,
        "delivery_delay",
        (),
    ),
    ("Statusul e predat curierului de 8 zile.", 1, "delivery_delay", ()),
    (
        "Nu mai astept, a trecut o luna de la plata si nici urma de masa.",
        1,
        "delivery_delay",
        (),
    ),
    (
        "Dupa atatea amanari am primit canapeaua in august in loc de iunie.",
        1,
        "delivery_delay",
        (),
    ),
    # damaged_packaging
    (
        "Televizorul a venit cu cutia gaurita si ecranul ciobit pe margine.",
        1,
        "damaged_packaging",
        (),
    ),
    # wrong_item
    (
        "Am primit un incarcator cu mufa americana, nu europeana cum scria.",
        1,
        "wrong_item",
        (),
    ),
    # customer_service
    (
        "Chatul de pe site te plimba de la un bot la altul fara nicio rezolvare.",
        1,
        "customer_service",
        (),
    ),
    # returns_refunds
    (
        "Vreau banii pe ceas de o luna, tot imi zic ca se proceseaza.",
        1,
        "returns_refunds",
        (),
    ),
    # size_fit
    (
        "Pantalonii de trening sunt scurti de tot, parca sunt trei sferturi.",
        2,
        "size_fit",
        (),
    ),
    # price_value
    (
        "Am dat 150 de lei pe o crema de 30 ml care face cat una de 20.",
        1,
        "price_value",
        (),
    ),
    # website_checkout
    ("Codul de reducere nu se aplica in cos, desi e valabil.", 1, "website_checkout", ()),
    # customs_fees
    (
        "Pe langa produs am platit si TVA la import la posta, 45 de lei.",
        1,
        "customs_fees",
        (),
    ),
]

CONTROLS_B = [
    ("Comanda a ajuns in 48 de ore, ca de obicei.", 5, ("delivery_delay",)),
    (
        "Curierul a sunat inainte si a venit exact la ora stabilita.",
        5,
        ("delivery_delay",),
    ),
    (
        "Cutia avea un colt indoit, dar masina de tocat merge foarte bine.",
        4,
        ("product_quality",),
    ),
    (
        "Dupa doua saptamani de folosit, aspiratorul merge excelent.",
        5,
        ("delivery_delay", "product_quality"),
    ),
    (
        "Livrarea a fost rapida, dar culoarea difera de cea din poza.",
        2,
        ("delivery_delay",),
    ),
    (
        "Dupa prima spalare arata la fel de bine, culorile nu s-au dus.",
        5,
        ("delivery_delay",),
    ),
]

# Batch C: written after batch B's list changes, still other phrasings and products; before the
# list changes it prompted, 16 of these 30 passed (cases 12 of 26, controls 4 of 4).
CASES_C = [
    # product_quality
    (
        "Aparatul de ras smulge firele in loc sa le taie, o tortura.",
        1,
        "product_quality",
        (),
    ),
    (
        "fondul de ten se face portocaliu pe fata dupa o ora, arat ca un morcov",
        1,
        "product_quality",
        (),
    ),
    (
        "Branza avea un iz de frigider vechi si se facuse lipicioasa.",
        1,
        "product_quality",
        (),
    ),
    ("Boxa distorsioneaza de la jumatate de volum in sus.", 2, "product_quality", ()),
    (
        "Sertarele comodei ies greu si sina s-a dezaxat din prima saptamana.",
        2,
        "product_quality",
        (),
    ),
    (
        "Tricoul copilului si-a lasat culoarea pe toate celelalte haine la spalat.",
        1,
        "product_quality",
        (),
    ),
    (
        "Trotineta abia urca o panta mica si bateria o ia razna dupa 5 km.",
        1,
        "product_quality",
        (),
    ),
    ("Sapa de gradina s-a indoit la prima radacina mai groasa.", 1, "product_quality", ()),
    ("Antigelul a inghetat la minus 10, desi scrie minus 35.", 1, "product_quality", ()),
    (
        "Jucaria de ros pentru caine a fost facuta praf in 10 minute.",
        2,
        "product_quality",
        (),
    ),
    ("Feliatorul de legume e bont din cutie, striveste rosiile.", 1, "product_quality", ()),
    (
        "Cablul de incarcare merge doar daca il tii intr-o anumita pozitie.",
        1,
        "product_quality",
        (),
    ),
    # delivery_delay
    (
        "A zecea zi de asteptare pentru un cablu de 20 de lei.",
        1,
        "delivery_delay",
        (),
    ),
    (
        "Coletul se plimba intre Bucuresti si Brasov de o saptamana.",
        1,
        "delivery_delay",
        (),
    ),
    pytest.param(
        "Am comandat cadou pentru 1 iunie, a ajuns pe 10 iunie. Copilul a plans.",
        1,
        "delivery_delay",
        (),
        marks=pytest.mark.xfail(
            reason="date arithmetic (for 1 June, came on 10 June): no delay word to list"
        ),
    ),
    ("inca e la pregatim comanda dupa 9 zile. serios?", 1, "delivery_delay", ()),
    (
        "Tot imi zic ca e pe drum, de doua saptamani e pe drum.",
        1,
        "delivery_delay",
        (),
    ),
    (
        "Curierul a lasat aviz ca nu eram acasa, eu stateam in curte toata ziua.",
        1,
        "delivery_delay",
        (),
    ),
    ("slow af, 2 weeks pentru o husa de telefon", 2, "delivery_delay", ()),
    pytest.param(
        "Voiam patutul pana la nastere, a venit cand bebe avea deja o luna.",
        1,
        "delivery_delay",
        (),
        marks=pytest.mark.xfail(
            reason="the baby's age tells the lateness; 'avea deja' near a delivery word would"
            " also catch 'came and already had scratches'"
        ),
    ),
    # damaged_packaging
    (
        "Sticla de ulei a venit crapata si uleiul scurs prin tot coletul.",
        1,
        "damaged_packaging",
        (),
    ),
    # wrong_item
    pytest.param(
        "Pe poza erau 3 bucati, mie mi-a venit una.",
        1,
        "wrong_item",
        (),
        marks=pytest.mark.xfail(
            reason="'mi-a venit una' is as often 'one came for me and one for my wife'; the"
            " count is against a picture, no ordering verb"
        ),
    ),
    # customer_service
    (
        "Am lasat 5 mesaje pe whatsapp, toate cu bife albastre si zero reactie.",
        1,
        "customer_service",
        (),
    ),
    # returns_refunds
    (
        "Mi-au respins garantia zicand ca l-am scapat, nici nu l-am scos din cutie.",
        1,
        "returns_refunds",
        (),
    ),
    # size_fit
    ("Sutienul are cupa mult prea mare, desi am luat marimea mea.", 2, "size_fit", ()),
    # price_value
    (
        "Mi-a luat 90 de lei pe un tricou care se gaseste cu 30 la piata.",
        1,
        "price_value",
        (),
    ),
]

CONTROLS_C = [
    ("Boxa suna tare si clar, nu distorsioneaza deloc.", 5, ("product_quality",)),
    ("Coletul a ajuns in 3 zile, impachetat bine.", 4, ("delivery_delay",)),
    ("Am comandat pentru 1 iunie si a ajuns pe 28 mai, perfect.", 5, ("delivery_delay",)),
    ("Antigelul a rezistat la minus 20 fara probleme.", 5, ("product_quality",)),
]

CONTROLS_FIXING = [
    # Written while fixing, for the new terms' precision (not a held-out figure); a praise
    # phrase ("nu se aburesc") outweighs the complaint phrase inside it.
    ("Ochelarii nu se aburesc deloc, super.", 5, ("product_quality",)),
    ("Peria e perfecta cand naparleste cainele.", 5, ("product_quality",)),
    ("Coletul e tot in regula, nimic deteriorat.", 5, ("delivery_delay",)),
    ("Aspira foarte bine si nu se agata de covor.", 5, ("product_quality",)),
    ("Tine fix telefonul in masina, recomand.", 5, ("product_quality",)),
    ("Dupa prima spalare arata ca noua.", 5, ("product_quality",)),
    ("Pensula e moale si nu pierde fire deloc.", 5, ("product_quality",)),
    ("Furtunul nu se frange si e usor de strans.", 5, ("product_quality",)),
    ("Perna nu se turteste nici dupa luni de folosit.", 5, ("product_quality",)),
    ("Crema nu face ghemotoace sub fond de ten.", 5, ("product_quality",)),
    (
        "Capacul nu se intepeneste, termosul nu curge pe la margini.",
        5,
        ("product_quality",),
    ),
    ("Nimic nu se lipeste de tigaie, super.", 5, ("product_quality",)),
    ("Copilul se joaca zilnic cu ea si nu s-a stricat nimic.", 5, ("product_quality",)),
    ("Motorasul a amutit dupa o zi, livrarea a fost rapida.", 1, ("delivery_delay",)),
    ("Se intepeneste capacul, in rest ok, livrare rapida.", 3, ("delivery_delay",)),
    ("Crema are un miros placut si tine toata ziua pe piele.", 5, ("product_quality",)),
    ("Am comandat joi si a ajuns lunea urmatoare, ok.", 4, ("delivery_delay",)),
    ("Tigaia se incinge repede si gateste uniform.", 5, ("product_quality",)),
    ("Fondul de ten nu te face portocalie, nuanta perfecta.", 5, ("product_quality",)),
    ("Telefonul nu a inghetat niciodata, merge perfect.", 5, ("product_quality",)),
    ("Antigelul nu ingheata la minus 25, super.", 5, ("product_quality",)),
    ("Inghetata a fost delicioasa.", 5, ("product_quality",)),
    ("Foarfeca pentru copii are varful bont, sigura.", 5, ("product_quality",)),
    (
        "Cutia s-a indoit la colt in transport, dar produsul e ok.",
        3,
        ("product_quality",),
    ),
    ("Curierul a sunat si nu eram acasa, a revenit a doua zi.", 4, ("delivery_delay",)),
    ("Coletul a ajuns cand eram deja acasa, perfect.", 5, ("delivery_delay",)),
    ("Am avut o zi de asteptare, apoi a venit.", 5, ("delivery_delay",)),
    ("Am deschis coletul si e tot acolo, toate piesele.", 5, ("delivery_delay",)),
    ("Rujul lasa culoare frumoasa pe buze.", 5, ("product_quality",)),
]

CASES = CASES_A + CASES_B + CASES_C
CONTROLS = CONTROLS_A + CONTROLS_B + CONTROLS_C + CONTROLS_FIXING


test_main_topic = case_test("ro", CASES)


test_controls = control_test("ro", CONTROLS)
