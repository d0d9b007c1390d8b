"""Romanian recall of delivery_delay, product_quality and praise (lexicons/topics.py), issue #21.

Realistic Romanian shop reviews (with and without diacritics, ş/ș and ţ/ț, colloquial forms,
inflections, typos), written for issue #21 independently of the frozen, blind, dev and
multilingual evaluation sets (not read). Each case names the review's main topic; controls name
topics that must NOT be found. Each batch's comment says how many of its items passed before the
list changes it prompted.
"""

import pytest

from tests.support.topic_terms import case_test, control_test

# Batch A: before any list change, 37 of these 57 passed (cases 30 of 48, controls 7 of 9).
CASES_A = [
    # delivery_delay
    ("Comanda plasată acum 3 săptămâni și tot nu a venit.", 1, "delivery_delay"),
    ("Coletul stă blocat în depozitul din Ploiești de 12 zile.", 1, "delivery_delay"),
    ("Am asteptat o luna dupa un tricou. Nu mai comand de aici.", 1, "delivery_delay"),
    ("Livrare extrem de lenta, aproape o luna.", 2, "delivery_delay"),
    pytest.param(
        "Data estimată de livrare a fost 15 mai, a ajuns pe 2 iunie.",
        2,
        "delivery_delay",
        marks=pytest.mark.xfail(reason="only two dates say it was late: needs date arithmetic"),
    ),
    ("Nici acum n-a ajuns coletul, bataie de joc.", 1, "delivery_delay"),
    ("Curierul tot amână, ba că nu a avut timp, ba că e trafic.", 1, "delivery_delay"),
    ("Coletul s-a pierdut pe drum, nimeni nu știe unde e.", 1, "delivery_delay"),
    ("A durat o veșnicie până a venit comanda.", 2, "delivery_delay"),
    pytest.param(
        "Au zis livrare in 24 de ore, am primit-o dupa 9 zile.",
        1,
        "delivery_delay",
        marks=pytest.mark.xfail(
            reason="'after N days' is late or quick depending on N; 'dupa' alone would also "
            "catch 'am primit-o si dupa 10 zile s-a stricat'"
        ),
    ),
    ("Comanda a fost expediata abia dupa 10 zile de la plasare.", 2, "delivery_delay"),
    ("Urmarirea coletului nu s-a mai actualizat de doua saptamani.", 1, "delivery_delay"),
    pytest.param(
        "Am comandat un cadou de Craciun si a venit in ianuarie.",
        1,
        "delivery_delay",
        marks=pytest.mark.xfail(reason="late only by the calendar: Christmas, then January"),
    ),
    ("Comanda e tot in procesare de 3 saptamani.", 1, "delivery_delay"),
    ("Întârziere mare la livrare, fără nicio explicație.", 2, "delivery_delay"),
    ("Trebuia sa ajunga vineri, a venit martea urmatoare.", 2, "delivery_delay"),
    ("Coletul e în tranzit de o lună, nu mai sper să-l primesc.", 1, "delivery_delay"),
    ("Au trecut 20 de zile si produsul n-a mai venit.", 1, "delivery_delay"),
    # product_quality
    ("S-a stricat după 5 zile de folosire.", 1, "product_quality"),
    ("Uscatorul de par a murit dupa doua saptamani.", 1, "product_quality"),
    ("Material foarte ieftin, se vede prin el.", 2, "product_quality"),
    ("Cusăturile sunt strâmbe și ațele atârnă peste tot.", 2, "product_quality"),
    ("Bateria se descarcă în jumătate de oră.", 1, "product_quality"),
    ("Pantofii s-au dezlipit la talpa dupa o luna.", 1, "product_quality"),
    ("Tricoul s-a decolorat și s-a scămoșat după prima spălare.", 2, "product_quality"),
    ("Termosul curge pe la capac si nu tine cald deloc.", 1, "product_quality"),
    ("Geanta miroase îngrozitor a plastic.", 2, "product_quality"),
    pytest.param(
        "Cafeaua are un gust groaznic, parca e arsa.",
        1,
        "product_quality",
        marks=pytest.mark.xfail(
            reason="product_quality is found, but 'arsa' (burnt taste) is 4 tokens after 'gust':"
            " beyond the taste rule's reach of 2 (severity.py), so it reads as a safety reason"
        ),
    ),
    ("Cafeaua are un gust groaznic, parca e statuta.", 1, "product_quality"),
    ("Aspiratorul nu trage deloc, nu face ce trebuie.", 1, "product_quality"),
    ("Plasticul e subtirel si s-a crapat la prima folosire.", 1, "product_quality"),
    ("Husa s-a cojit in cateva zile.", 2, "product_quality"),
    ("Căștile au început să pârâie, iar una nu mai merge deloc.", 1, "product_quality"),
    ("Nu rezista, s-a desfacut tot dupa 2 purtari.", 1, "product_quality"),
    ("Produs defect, nu porneste.", 1, "product_quality"),
    (
        "Finisaje proaste, lipiciul se vede peste tot si capacul nu se inchide.",
        2,
        "product_quality",
    ),
    ("Ceasul o ia inainte cu 10 minute pe zi, rusine.", 2, "product_quality"),
    # praise
    ("Exact ce căutam, mulțumit de achiziție.", 5, "praise"),
    ("Functioneaza impecabil, o recomand cu caldura.", 5, "praise"),
    ("Super produs, merită fiecare ban.", 5, "praise"),
    ("Cu siguranta voi mai comanda de la voi.", 5, "praise"),
    ("Calitate foarte bună pentru preț, sunt încântată.", 5, "praise"),
    ("Arata exact ca in poze, copiii il adora.", 5, "praise"),
    ("Sunt foarte multumita, rochia imi vine turnata.", 5, "praise"),
    ("Totul a fost ok, produs bun, livrare rapidă.", 4, "praise"),
    ("Cel mai bun aspirator pe care l-am avut.", 5, "praise"),
    ("Top! Nota 10 pentru magazin.", 5, "praise"),
    ("Mă bucur că l-am cumpărat, îl folosesc zilnic.", 5, "praise"),
    ("Sunt extrem de mulțumit, a depășit așteptările.", 5, "praise"),
]

CONTROLS_A = [
    ("Coletul a ajuns repede, in doua zile.", 5, ("delivery_delay",)),
    ("Rambursarea banilor a durat 3 saptamani.", 2, ("delivery_delay",)),
    ("Livrare rapidă, dar produsul s-a stricat după o săptămână.", 1, ("praise",)),
    (
        "Am asteptat 40 de minute la telefon sa vorbesc cu cineva de la suport.",
        2,
        ("delivery_delay",),
    ),
    ("Nu recomand, s-a rupt după o zi.", 1, ("praise",)),
    ("Am returnat produsul si banii au venit dupa o luna.", 2, ("delivery_delay",)),
    (
        "Site-ul se încarcă foarte greu, am așteptat minute bune să pot plăti.",
        2,
        ("delivery_delay",),
    ),
    ("Perfect, exact ca in descriere, livrare la timp.", 5, ("delivery_delay",)),
    ("Mi-au răspuns la email abia după o săptămână.", 2, ("delivery_delay",)),
]

# Batch B: written after batch A's list changes, without reading the lists again; before the
# list changes it prompted, 18 of these 35 passed (cases 11 of 28, controls 7 of 7).
CASES_B = [
    # delivery_delay
    ("Pachetul a plecat din China acum 5 săptămâni și încă nu e la mine.", 1, "delivery_delay"),
    # Found only by luck: "luni" (Monday) is read as the delay hint "luni" (months).
    ("Livratorul a zis ca vine luni, apoi marti, apoi nu a mai raspuns.", 1, "delivery_delay"),
    ("Comanda mea zace de 2 săptămâni la Fan Courier.", 1, "delivery_delay"),
    ("Termenul de livrare a fost depășit cu mult.", 2, "delivery_delay"),
    ("Dureaza enorm livrarea, nu mai comand niciodata.", 1, "delivery_delay"),
    ("Easybox-ul nu a primit nici acum coletul, după 8 zile.", 1, "delivery_delay"),
    ("Au livrat cu 10 zile intarziere.", 2, "delivery_delay"),
    ("Ma tot amana de o saptamana cu livrarea.", 1, "delivery_delay"),
    ("Nu a fost trimis nici după 2 săptămâni de la plată.", 1, "delivery_delay"),
    ("Livrare de melc, 3 saptamani pentru un incarcator.", 2, "delivery_delay"),
    # product_quality
    ("Mixerul s-a dus dupa o saptamana de folosit.", 1, "product_quality"),
    ("Ecranul are pixeli morți și se aude un bâzâit.", 1, "product_quality"),
    ("Lanterna tine 10 minute si gata, se termina bateria.", 2, "product_quality"),
    ("Perna s-a turtit complet dupa o luna, nu mai revine la forma.", 2, "product_quality"),
    ("Sapunul nu face spuma deloc.", 2, "product_quality"),
    ("Pixul nu scrie, cerneala s-a uscat.", 1, "product_quality"),
    ("Tigaia se lipește, stratul antiaderent s-a dus după o lună.", 1, "product_quality"),
    ("Geaca lasa apa, desi scrie ca e impermeabila.", 1, "product_quality"),
    ("Tivul s-a descusut dupa prima purtare.", 2, "product_quality"),
    ("Foarte prost lucrat, se vede lipiciul si e strâmb.", 1, "product_quality"),
    # praise
    ("Recomand cu încredere, vânzător serios.", 5, "praise"),
    ("Merge brici, sunt mulțumit.", 5, "praise"),
    ("Raport calitate-preț foarte bun, merită toți banii.", 5, "praise"),
    ("Am luat al doilea, atat de mult mi-a placut.", 5, "praise"),
    ("O achiziție reușită, îl folosesc în fiecare zi.", 5, "praise"),
    ("Produs de nota 10, functioneaza exact cum trebuie.", 5, "praise"),
    ("Fain, fain, fain! Sotia e foarte fericita.", 5, "praise"),
    ("Sunt încântat de calitate, se simte solid.", 5, "praise"),
    # Written while fixing batch B (not a held-out figure).
    ("Funcționează perfect.", 5, "praise"),
    ("Coletul a ajuns in 2 zile, foarte bine ambalat.", 5, "praise"),
    ("Nu ma bucur deloc, e un produs prost.", 1, "product_quality"),
]

CONTROLS_B = [
    ("Livrarea a fost rapidă, a ajuns a doua zi.", 5, ("delivery_delay",)),
    ("Am așteptat 2 săptămâni să îmi răspundă cineva la email.", 2, ("delivery_delay",)),
    ("Banii pentru retur i-am primit abia după o lună.", 2, ("delivery_delay",)),
    ("Nu sunt deloc mulțumită, s-a rupt după o zi.", 1, ("praise",)),
    ("Nu functioneaza cum trebuie, nu il recomand.", 2, ("praise",)),
    ("Curierul a sunat inainte si a venit exact la ora stabilita.", 5, ("delivery_delay",)),
    ("Produsul e ok dar nu cel mai bun, calitatea e medie.", 3, ("praise",)),
    # Written while fixing batch B, for the new terms' precision (not a held-out figure).
    ("Curierul a zis ca vine la 10 si a venit la 10 fix.", 5, ("delivery_delay",)),
    ("Nici acum nu mi-au raspuns la email, suportul e inexistent.", 1, ("delivery_delay",)),
    ("Am primit coletul si dupa 10 zile s-a stricat.", 1, ("delivery_delay", "praise")),
    ("Nu mi-a placut deloc culoarea, o returnez.", 2, ("praise",)),
    ("Vina nu e la mine, curierul a gresit adresa.", 2, ("delivery_delay",)),
    ("Site-ul s-a blocat cand am dat comanda.", 2, ("delivery_delay",)),
]

CASES = CASES_A + CASES_B
CONTROLS = CONTROLS_A + CONTROLS_B


test_main_topic = case_test("ro", CASES, reasons=())


test_controls = control_test("ro", CONTROLS)
