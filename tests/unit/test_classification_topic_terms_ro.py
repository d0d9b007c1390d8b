"""Romanian topic and severity term lists (lexicons/topics.py, lexicons/severity.py), issue #21.

Realistic 1-2 star Romanian shop reviews (with and without diacritics, ş/ș and ţ/ț, typos,
colloquial forms, inflections), written for issue #21 independently of the frozen, blind and
multilingual evaluation sets (not read). Each case names the review's main topic (None: no single
topic) and the severity reasons it must get; a case without reasons must get none of the five
"high" reasons (precision). Controls name topics/reasons that must NOT be found.

Written in batches: each batch's comment says how many of its cases passed before the list
changes it prompted, the nearest thing to a held-out figure here.
"""

import pytest

from tests.support.topic_terms import case_test, control_test

# Batch 1: before any list change, 59 of these 73 passed (cases 50 of 61, controls 9 of 12).
CASES_1 = [
    # delivery_delay
    ("Am comandat pe 3 martie și coletul nici acum nu a ajuns.", 1, "delivery_delay", ()),
    ("Livrarea a durat 3 saptamani, nu 2-3 zile cum scria.", 2, "delivery_delay", ()),
    ("Astept de o luna comanda, nimeni nu imi spune nimic.", 1, "delivery_delay", ()),
    ("Coletul a întârziat o săptămână, cadoul a ajuns după ziua ei.", 1, "delivery_delay", ()),
    ("Au amanat livrarea de trei ori, m-am saturat.", 1, "delivery_delay", ()),
    (
        "Curierul nu a venit niciodata, comanda e blocata in depozit de 10 zile.",
        1,
        "delivery_delay",
        (),
    ),
    ("Termen de livrare 48h, a venit dupa doua saptamani. Jalnic.", 1, "delivery_delay", ()),
    (
        "Nici azi nu am primit coletul, awb-ul arata acelasi status de o saptamana.",
        1,
        "delivery_delay",
        (),
    ),
    # damaged_packaging
    ("Cutia a venit complet turtită și paharele sparte.", 1, "damaged_packaging", ()),
    ("Coletul a sosit rupt, jumatate din produse cazusera din el.", 1, "damaged_packaging", ()),
    ("Ambalajul distrus, ecranul televizorului are o fisura.", 1, "damaged_packaging", ()),
    ("Vaza a venit in bucati. Ambalata foarte prost, fara folie.", 1, "damaged_packaging", ()),
    ("Produsul a ajuns deteriorat, cutia era uda si strivita.", 1, "damaged_packaging", ()),
    # product_quality
    ("După două săptămâni blenderul nu mai merge. Calitate slabă.", 1, "product_quality", ()),
    ("Fermoarul s-a rupt de la prima purtare.", 2, "product_quality", ()),
    (
        "Cusaturile s-au desfacut dupa o spalare, materialul e foarte subtire.",
        2,
        "product_quality",
        (),
    ),
    ("Bateria nu tine nici o ora, dezamagitor.", 1, "product_quality", ()),
    ("Nu se incarca deloc si se opreste singur.", 1, "product_quality", ()),
    ("Vopseaua se cojeste dupa cateva zile, e o porcarie.", 2, "product_quality", ()),
    ("Espressorul s-a stricat dupa 3 luni.", 1, "product_quality", ()),
    (
        "Telefonul se blocheaza continuu si se reseteaza singur, defect din fabrica.",
        1,
        "product_quality",
        (),
    ),
    # wrong_item
    pytest.param(
        "Am comandat o geaca albastra si am primit una rosie.",
        1,
        "wrong_item",
        (),
    ),
    ("Mi-au trimis alt produs decât cel comandat.", 1, "wrong_item", ()),
    ("In colet lipsea incarcatorul, desi era trecut in descriere.", 2, "wrong_item", ()),
    ("Am primit doar 2 bucăți din 4, restul lipsesc.", 1, "wrong_item", ()),
    ("Produs gresit, nu e modelul din poza.", 1, "wrong_item", ()),
    # size_fit
    ("Pantofii sunt mult prea mici, am luat marimea mea obisnuita.", 2, "size_fit", ()),
    ("Rochia e imensa, marimile nu corespund cu tabelul.", 2, "size_fit", ()),
    ("Tricoul M vine ca un XS, foarte strâmt.", 2, "size_fit", ()),
    ("Pantalonii sunt prea lungi și largi în talie.", 2, "size_fit", ()),
    ("Numărul 42 e mic, nu încape piciorul.", 2, "size_fit", ()),
    # price_value
    ("Prea scump pentru ce oferă, nu merită banii.", 2, "price_value", ()),
    (
        "La 300 de lei mă așteptam la mult mai mult. Raport calitate-pret foarte prost.",
        2,
        "price_value",
        (),
    ),
    ("Bani aruncati pe fereastra.", 1, "price_value", ()),
    # customs_fees
    (
        "Am platit 80 de lei taxe vamale in plus la curier, nimeni nu m-a anuntat.",
        1,
        "customs_fees",
        (),
    ),
    ("Coletul a stat la vama doua saptamani si am mai platit si TVA.", 1, "customs_fees", ()),
    # returns_refunds
    (
        "Am returnat produsul acum o luna si înca nu mi-au dat banii inapoi.",
        1,
        "returns_refunds",
        (),
    ),
    ("Retur imposibil, nu raspunde nimeni la formular.", 1, "returns_refunds", ()),
    ("Rambursarea promisă nu a venit nici acum.", 1, "returns_refunds", ()),
    ("Au refuzat returul desi eram in termenul de 14 zile.", 1, "returns_refunds", ()),
    ("Am anulat comanda dar banii tot nu i-am primit.", 1, "returns_refunds", ()),
    # customer_service
    ("Serviciul clienți nu răspunde nici la telefon, nici la email.", 1, "customer_service", ()),
    (
        "Operatoarea a fost foarte nepoliticoasă și mi-a închis telefonul în nas.",
        1,
        "customer_service",
        (),
    ),
    ("Am scris de 5 ori la suport, zero raspuns.", 1, "customer_service", ()),
    ("Nimeni de la magazin nu m-a sunat inapoi, asa cum mi s-a promis.", 1, "customer_service", ()),
    # website_checkout
    ("Plata cu cardul nu merge pe site, mi-a dat eroare de trei ori.", 1, "website_checkout", ()),
    ("Nu pot finaliza comanda, cosul se goleste singur.", 1, "website_checkout", ()),
    ("Mi-au luat banii de doua ori la plata, aplicatia s-a blocat.", 1, "website_checkout", ()),
    # severity: health_injury
    ("Mi-am tăiat degetul în marginea ascuțită a cutiei metalice.", 1, None, ("health_injury",)),
    ("Copilul a facut alergie de la crema, am ajuns la urgente.", 1, None, ("health_injury",)),
    (
        "Dupa ce am mancat din ciocolata mi-a fost rau toata noaptea, era expirata.",
        1,
        None,
        ("health_injury",),
    ),
    # severity: safety (incl. mechanical failures)
    ("Incarcatorul s-a incins si a inceput sa scoata fum.", 1, "product_quality", ("safety",)),
    ("Frâna căruciorului a cedat și copilul aproape a ajuns în stradă.", 1, None, ("safety",)),
    ("Scara s-a prăbușit sub mine după două folosiri.", 1, None, ("safety",)),
    ("Lama s-a desprins in timpul folosirii, putea sa ma raneasca grav.", 1, None, ("safety",)),
    ("Priza a facut scantei si a sarit siguranta.", 1, None, ("safety",)),
    # severity: legal, fraud, chargeback
    (
        "Daca nu primesc banii pana vineri, ma adresez la ANPC si la avocat.",
        1,
        None,
        ("legal_threat",),
    ),
    (
        "Magazin de tepari, mi-au luat banii si nu au trimis nimic. Escrocherie!",
        1,
        None,
        ("fraud_claim",),
    ),
    ("Produs fals, o copie ieftina vanduta ca original.", 1, None, ("fraud_claim",)),
    ("Am cerut bancii sa anuleze plata, fac chargeback.", 1, None, ("chargeback_threat",)),
    ("Deschid disputa pe PayPal daca nu raspundeti azi.", 1, None, ("chargeback_threat",)),
]

CONTROLS_1 = [
    ("Produs excelent, livrare rapidă, recomand!", 5, ("delivery_delay", "product_quality")),
    (
        "Mulțumesc, totul a ajuns la timp și bine ambalat.",
        5,
        ("delivery_delay", "damaged_packaging"),
    ),
    ("Banii pentru retur nu au ajuns nici dupa 3 saptamani.", 1, ("delivery_delay",)),
    ("Rambursarea nu a venit nici acum, astept de o luna.", 1, ("delivery_delay",)),
    ("Pe site arata frumos, dar geaca e de proasta calitate.", 2, ("website_checkout",)),
    ("Culoarea este diferita fata de pozele de pe site.", 2, ("website_checkout",)),
    ("Noroc ca nu s-a ranit nimeni, dar produsul e de aruncat.", 1, ("health_injury",)),
    ("Nu e teapa, doar ca livrarea a durat mult.", 2, ("fraud_claim",)),
    ("Am platit cu cardul si coletul tot nu a venit dupa 3 saptamani.", 1, ("chargeback_threat",)),
    (
        "Sticla s-a spart in timpul transportului, nu pot folosi produsul.",
        1,
        ("health_injury", "safety"),
    ),
    ("Cuțitul nu taie nici roșii, e tocit.", 2, ("safety", "health_injury")),
    ("Am primit produsul, dar calitatea e slaba.", 2, ("wrong_item",)),
]

# Batch 2, written after the batch 1 changes and run before any change for it: 35 of these 48
# passed (cases 27 of 40, controls 8 of 8).
CASES_2 = [
    (
        "Comanda plasata de 2 saptamani si inca sta in 'in curs de procesare'.",
        1,
        "delivery_delay",
        (),
    ),
    ("Am primit coletul cu 10 zile mai tarziu decât era promis.", 2, "delivery_delay", ()),
    ("Pachetul e de o săptămână la FanCourier și nu mi-l aduce nimeni.", 1, "delivery_delay", ()),
    ("Livrare extrem de lenta, nu mai comand de aici.", 2, "delivery_delay", ()),
    ("Nici urmă de colet dupa 20 de zile.", 1, "delivery_delay", ()),
    ("Mi-a venit cutia zdrențuită, cu bandă lipită peste o gaură.", 1, "damaged_packaging", ()),
    ("Farfuriile au venit ciobite, iar cutia era toată boțită.", 1, "damaged_packaging", ()),
    ("Sticla de parfum sparta in colet, totul mirosea si era ud.", 1, "damaged_packaging", ()),
    ("Casca s-a rupt la balama dupa o saptamana de folosit.", 1, "product_quality", ()),
    ("Aspiratorul trage foarte slab si face un zgomot infernal.", 2, "product_quality", ()),
    ("Se vede ca e facut din materiale ieftine, s-a zgâriat imediat.", 2, "product_quality", ()),
    ("Ceasul a stat dupa 3 zile, bateria e moartă.", 1, "product_quality", ()),
    # English fraud words are always active: 'scam*' caught Romanian 'scame' (lint).
    ("Puloverul a facut scame dupa prima spalare si s-a deformat.", 2, "product_quality", ()),
    ("Mi-a venit alt model de telefon, nu cel din comanda.", 1, "wrong_item", ()),
    ("Setul trebuia sa aiba 12 piese, am gasit doar 9.", 1, "wrong_item", ()),
    ("Culoarea primita nu are nicio legatura cu ce am ales.", 2, "wrong_item", ()),
    ("Geaca e mică rău, am luat L și pare S.", 2, "size_fit", ()),
    ("Sandalele sunt mari de tot, imi iese piciorul din ele.", 2, "size_fit", ()),
    ("Ghidul de mărimi e complet greșit.", 2, "size_fit", ()),
    ("Nici pe departe nu valorează 250 de lei.", 2, "price_value", ()),
    ("La pretul asta ma asteptam la altceva, pe alte site-uri e mai ieftin.", 2, "price_value", ()),
    (
        "Am plătit taxă de vămuire 60 lei, nu scria nicăieri că vine din afara UE.",
        1,
        "customs_fees",
        (),
    ),
    ("Am trimis produsul înapoi de o lună și banii nu i-am văzut.", 1, "returns_refunds", ()),
    ("Vreau sa returnez si nu-mi raspunde nimeni la cererea de retur.", 1, "returns_refunds", ()),
    (
        "Au zis ca imi inlocuiesc produsul defect in garantie, nimic pana acum.",
        1,
        "returns_refunds",
        (),
    ),
    (
        "Am sunat de zece ori, stau cate 20 de minute pe asteptare si apoi se inchide.",
        1,
        "customer_service",
        (),
    ),
    (
        "Dacă trimiți mail nu primești răspuns, la telefon nu se raspunde.",
        1,
        "customer_service",
        (),
    ),
    ("Personalul din showroom e needucat si te trateaza de sus.", 1, "customer_service", ()),
    ("Nu mă lasă să introduc adresa, butonul de comandă nu face nimic.", 1, "website_checkout", ()),
    ("Codul promoțional nu a fost aplicat la finalizarea comenzii.", 2, "website_checkout", ()),
    (
        "Jucaria are piese mici care se desprind, copilul meu aproape a inghitit una.",
        1,
        None,
        ("safety",),
    ),
    (
        "Scaunul de birou s-a rupt si am cazut pe spate, m-am lovit rau.",
        1,
        None,
        ("health_injury",),
    ),
    ("Roata bicicletei s-a desprins in mers, putea fi un accident grav.", 1, None, ("safety",)),
    ("Aparatul de ras mi-a taiat pielea si am sangerat.", 1, None, ("health_injury",)),
    ("Adaptorul s-a topit in priza, miroase a ars.", 1, None, ("safety",)),
    ("Bebelusul a facut iritatii de la scutece, am mers la pediatru.", 1, None, ("health_injury",)),
    (
        "O sa depun plangere la Protecția Consumatorului si va dau in judecata.",
        1,
        None,
        ("legal_threat",),
    ),
    ("Sunteti niste hoti, ati luat banii si ati disparut.", 1, None, ("fraud_claim",)),
    ("Adidasi contrafacuti, nu sunt Nike originali.", 1, None, ("fraud_claim",)),
    (
        "Am facut reclamatie la banca sa-mi returneze banii de pe card.",
        1,
        None,
        ("chargeback_threat",),
    ),
]

CONTROLS_2 = [
    ("Foarte mulțumit, coletul a ajuns a doua zi.", 5, ("delivery_delay",)),
    ("Produsul e ok, dar returul banilor a durat doua saptamani.", 2, ("delivery_delay",)),
    ("Am cumparat de pe site-ul lor, geaca s-a descusut dupa o luna.", 2, ("website_checkout",)),
    ("Nu s-a ranit nimeni, dar cana s-a crapat la apa fierbinte.", 2, ("health_injury",)),
    ("Nu e periculos, doar ca face zgomot.", 2, ("safety",)),
    ("Am platit cu cardul, produsul e slab calitativ.", 2, ("chargeback_threat",)),
    ("Pretul a fost bun, dar marimea e prea mica.", 2, ("praise",)),
    ("Nu am avut probleme cu plata, doar livrarea a intarziat.", 2, ("website_checkout",)),
]

# Batch 3, colloquial and figurative forms, run before any change for it: 15 of these 21
# passed (cases 8 of 14, controls 7 of 7).
CASES_3 = [
    pytest.param(
        "Bagă-i în mă-sa, comanda vine de la Paști încoace.",
        1,
        "delivery_delay",
        (),
        marks=pytest.mark.xfail(reason="a holiday as a duration ('de la Paști') is not a term"),
    ),
    (
        "Curierul a zis ca l-a lasat la vecini, dar nu l-a lasat nimanui. Tot nu am coletul.",
        1,
        "delivery_delay",
        (),
    ),
    ("Cutia era praf, produsul zgâriat peste tot.", 1, "damaged_packaging", ()),
    ("Nu merita nici 10 lei, se vede de la o posta ca e chinezarie.", 1, None, ()),
    ("S-a descusut la prima purtare, calitate de doi lei.", 1, "product_quality", ()),
    ("Papucii sunt cu doua numere mai mici decat scrie.", 2, "size_fit", ()),
    ("Am cerut retur de 3 ori, mi s-a spus ca nu se poate.", 1, "returns_refunds", ()),
    ("Operatorii nu stiu nimic, te plimba de la unul la altul.", 1, "customer_service", ()),
    ("Site-ul nu merge de doua zile, nu pot comanda nimic.", 1, "website_checkout", ()),
    ("Am primit jucaria cu bateriile curse, copilul a pus mana pe acid.", 1, None, ("safety",)),
    ("Patul s-a rupt noaptea cu noi in el, puteam sa ne accidentam grav.", 1, None, ("safety",)),
    ("Mi-a dat o eczemă urâtă pe mâini de la mănuși.", 1, None, ("health_injury",)),
    ("Vânzători de țeapă, nu cumpărați!", 1, None, ("fraud_claim",)),
    (
        "Va reclam la ANPC si la Politie pentru inselaciune.",
        1,
        None,
        ("legal_threat", "fraud_claim"),
    ),
]

CONTROLS_3 = [
    ("Am scăpat telefonul din accident și husa l-a protejat perfect.", 5, ("safety",)),
    ("Am căzut de acord cu vânzătorul să-mi trimită altă mărime.", 4, ("health_injury",)),
    (
        "Am cerut să anuleze comanda, plătisem cu cardul, au anulat-o repede.",
        4,
        ("chargeback_threat",),
    ),
    ("M-au ars cu prețul, 400 lei pe o bluză banală.", 2, ("safety",)),
    ("Produsul este original, factura în regulă, recomand.", 5, ("fraud_claim",)),
    ("Am primit doar un raspuns automat, nimic concret.", 1, ("wrong_item",)),
    ("Livrarea a fost rapida, dar bateria tine doar o zi.", 2, ("delivery_delay",)),
]

CASES = CASES_1 + CASES_2 + CASES_3
CONTROLS = CONTROLS_1 + CONTROLS_2 + CONTROLS_3


test_main_topic_and_reasons = case_test("ro", CASES)


test_controls = control_test("ro", CONTROLS)
