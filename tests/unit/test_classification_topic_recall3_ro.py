"""Romanian recall and precision of the other topics, round 3 (issue #21): size_fit,
price_value, damaged_packaging, returns_refunds, customer_service, website_checkout and
customs_fees.

Realistic 1-2 star Romanian shop reviews (short and angry, run-on, without diacritics, slang,
typos), other phrasings than rounds 1 and 2 (test_classification_topic_recall_ro.py,
test_classification_topic_recall2_ro.py) and test_classification_topic_terms_ro.py. Written
independently of the frozen, blind, dev and multilingual evaluation sets (not read). Each case
names the review's main topic, which must be among the topics found, and the "high" severity
reasons it must get (none, for most). Controls name topics that must NOT be found: a size, price,
box or app word where the review is not about that problem.

Written in batches: each batch's comment says how many of its cases passed before the list
changes it prompted, the nearest thing to a held-out figure here.
"""

import pytest

from tests.support.topic_terms import ASPECT_OR_RESTORED, REASON_RESTORED, case_test, control_test

# Batch A: before any list change, 29 of these 64 passed (cases 25 of 50, controls 4 of 14).
CASES_A = [
    # size_fit
    ("Adidasii sunt mici, am luat 41 ca de obicei si ma string la degete.", 2, "size_fit", ()),
    ("tabelul de marimi e facut dupa ureche am luat dupa el si e enorma", 1, "size_fit", ()),
    ("Geaca vine foarte mica, am dat-o fetei mele de 12 ani.", 2, "size_fit", ()),
    ("pantalonii sunt scurti rau, imi vin la glezna", 2, "size_fit", ()),
    ("Sutienul e cu o cupa mai mic decat scrie pe eticheta.", 2, "size_fit", ()),
    ("Trebuie sa comanzi cu 2 numere mai mult, altfel nu intri in ei.", 2, "size_fit", ()),
    ("Manusile sunt enorme, imi joaca pe mana.", 2, "size_fit", ()),
    ("Inelul e prea larg, imi cade de pe deget.", 2, "size_fit", ()),
    # price_value
    ("300 lei pe o bucata de plastic?? nu se poate asa ceva", 1, "price_value", ()),
    ("Am gasit exact acelasi produs pe emag la jumate de pret.", 2, "price_value", ()),
    ("Nu valoreaza nici pe departe banii ceruti.", 1, "price_value", ()),
    # passes since release 2026.12.21 (lexicons/severity.py OTHER_MEANINGS)
    ("Pretu e umflat, la concurenta e cu 100 de lei mai putin.", 2, "price_value", ()),
    (
        "Costuri ascunse: la final mi-au adaugat taxa de procesare si transport de 30 lei.",
        1,
        "price_value",
        (),
    ),
    ("Prea multi bani pentru ce primesti.", 2, "price_value", ()),
    ("Dupa reducere tot e de doua ori mai mult decat in magazinul fizic.", 2, "price_value", ()),
    # damaged_packaging
    (
        "Coletul a ajuns cu un colt complet strivit, iar monitorul e crapat.",
        1,
        "damaged_packaging",
        (),
    ),
    (
        "Cutia arata de parca a fost calcata de tir, televizorul are ecranul spart.",
        1,
        "damaged_packaging",
        (),
    ),
    # passes since release 2026.12.21 (lexicons/severity.py OTHER_MEANINGS)
    ("pachetul era ud leoarca si cartile umflate de apa", 1, "damaged_packaging", ()),
    (
        "Au pus farfuriile direct in cutie fara nimic, bineinteles ca s-au facut tandari.",
        1,
        "damaged_packaging",
        (),
    ),
    ("Cutia a venit sfasiata si lipita cu banda de la curier.", 2, "damaged_packaging", ()),
    (
        "Oala a ajuns cu o infundatura mare in lateral, clar a fost aruncata.",
        2,
        "damaged_packaging",
        (),
    ),
    ("Borcanele s-au spart in transport, totul lipicios.", 1, "damaged_packaging", ()),
    # returns_refunds
    ("Am trimis produsul inapoi acum 3 saptamani si nici urma de bani.", 1, "returns_refunds", ()),
    (
        "Nu accepta returul pentru ca am deschis cutia, desi legea zice 14 zile.",
        1,
        "returns_refunds",
        (),
    ),
    ("Mi-au retinut 50 de lei taxa de procesare la retur.", 2, "returns_refunds", ()),
    ("Banii nu s-au intors pe card nici dupa o luna.", 1, "returns_refunds", ()),
    ("am vrut sa il dau inapoi dar nu mi l-au primit", 1, "returns_refunds", ()),
    ("Voucher in loc de bani inapoi, nu multumesc.", 2, "returns_refunds", ()),
    (
        "Am cerut banii inapoi, mi-au zis ca dureaza 30 de zile lucratoare.",
        1,
        "returns_refunds",
        (),
    ),
    # customer_service
    ("Am vorbit cu un robot pe chat care nu intelege nimic.", 1, "customer_service", ()),
    ("Mi-au promis ca ma suna inapoi si n-a mai sunat nimeni.", 1, "customer_service", ()),
    ("Doamna de la call center mi-a inchis in nas.", 1, "customer_service", ()),
    ("Te plimba de la un departament la altul, zero rezolvare.", 1, "customer_service", ()),
    (
        "Scriu de o saptamana pe whatsapp, mesajele sunt citite dar nu zice nimeni nimic.",
        1,
        "customer_service",
        (),
    ),
    ("Angajatii sunt aroganti si nu te baga in seama.", 1, "customer_service", ()),
    ("Formularul de contact e de forma, nu te cauta nimeni niciodata.", 1, "customer_service", ()),
    # website_checkout
    ("Aplicatia se inchide singura cand apas pe plateste.", 1, "website_checkout", ()),
    ("Cuponul de 20% nu a fost acceptat la plata.", 2, "website_checkout", ()),
    ("Nu imi pot face cont, nu vine mailul de confirmare.", 1, "website_checkout", ()),
    ("Mi-au luat banii de pe card dar comanda nu apare in cont.", 1, "website_checkout", ()),
    ("Site-ul e o harababura, nu gasesti nimic si filtrele nu merg.", 2, "website_checkout", ()),
    ("La plata ma arunca inapoi pe pagina principala de fiecare data.", 1, "website_checkout", ()),
    ("Nu merge plata cu Revolut, zice tranzactie refuzata.", 1, "website_checkout", ()),
    # customs_fees
    ("Mi-au cerut 70 lei la livrare pentru vamuire, nicaieri nu scria.", 1, "customs_fees", ()),
    ("Produsul vine din China si am platit taxe in plus la curier.", 1, "customs_fees", ()),
    ("Atentie, se plateste TVA la import, pretul real e cu 30% mai mare.", 2, "customs_fees", ()),
    ("Pachetul blocat la vama, trebuie sa completez declaratie.", 1, "customs_fees", ()),
    ("Curierul m-a pus sa platesc comision de vamuire 45 de lei.", 1, "customs_fees", ()),
    ("Am primit factura de la DHL pentru taxele de import, nu mai cumpar.", 1, "customs_fees", ()),
    ("Taxa de vama mai mare decat produsul.", 1, "customs_fees", ()),
]

CONTROLS_A = [
    pytest.param(
        "Imi vine perfect, marimea corecta.",
        5,
        ("size_fit",),
        marks=pytest.mark.xfail(reason=ASPECT_OR_RESTORED),
    ),
    pytest.param(
        "Pantofii au o croiala frumoasa, super comozi.",
        5,
        ("size_fit",),
        marks=pytest.mark.xfail(reason=ASPECT_OR_RESTORED),
    ),
    pytest.param(
        "Se potriveste perfect cu decorul din sufragerie.",
        5,
        ("size_fit",),
        marks=pytest.mark.xfail(reason=ASPECT_OR_RESTORED),
    ),
    pytest.param(
        "Pret foarte bun, calitate super.",
        5,
        ("price_value",),
        marks=pytest.mark.xfail(reason=ASPECT_OR_RESTORED),
    ),
    pytest.param(
        "La pretul asta e o afacere, recomand.",
        5,
        ("price_value",),
        marks=pytest.mark.xfail(reason=ASPECT_OR_RESTORED),
    ),
    (
        "Cutia in care a venit e foarte draguta, o pastrez pentru jucarii.",
        5,
        ("damaged_packaging",),
    ),
    ("Bine ambalat, totul intact.", 5, ("damaged_packaging",)),
    ("Mi-am schimbat parerea despre magazin, de data asta totul ok.", 4, ("returns_refunds",)),
    ("Aplicatia de pe telefon merge perfect cu ceasul.", 5, ("website_checkout",)),
    ("Eroare de fabricatie, s-a rupt maneta dupa o zi.", 1, ("website_checkout",)),
    ("Nu am platit nicio taxa vamala, vine din depozit din UE.", 5, ("customs_fees",)),
    ("Nimeni din familie nu a mai vazut asa ceva, superb.", 5, ("customer_service",)),
    ("Materialul e gros si cade frumos.", 5, ("size_fit",)),
    pytest.param(
        "Costa putin si merge excelent.",
        5,
        ("price_value",),
        marks=pytest.mark.xfail(
            reason="the English list's 'cost*' (always active) matches Romanian 'costa'"
        ),
    ),
    # Written while fixing batch A, for the narrowed terms' precision (not a held-out figure).
    ("Cutia era sigilata si totul a ajuns intact.", 5, ("damaged_packaging",)),
    ("Coletul era la usa a doua zi, super.", 5, ("damaged_packaging",)),
    pytest.param(
        "Marimea e perfecta, am luat-o pe cea obisnuita.",
        5,
        ("size_fit",),
        marks=pytest.mark.xfail(reason=ASPECT_OR_RESTORED),
    ),
    pytest.param(
        "Imi vine fix pe talie, materialul e moale.",
        5,
        ("size_fit",),
        marks=pytest.mark.xfail(reason=REASON_RESTORED),
    ),
    pytest.param(
        "Raport calitate-pret foarte bun, merita banii.",
        5,
        ("price_value",),
        marks=pytest.mark.xfail(reason=ASPECT_OR_RESTORED),
    ),
    pytest.param(
        "Ieftin si bun, exact ce imi trebuia.",
        5,
        ("price_value",),
        marks=pytest.mark.xfail(reason=ASPECT_OR_RESTORED),
    ),
    ("Am schimbat bateria din telecomanda si merge perfect.", 5, ("returns_refunds",)),
    ("Inlocuitorul de zahar are gust bun, il folosesc in cafea.", 5, ("returns_refunds",)),
    ("Robotul de bucatarie framanta aluatul foarte bine.", 5, ("customer_service",)),
    ("Rochia are aplicatii cu paiete foarte frumoase.", 5, ("website_checkout",)),
    ("Schimbatorul de viteze se misca lin acum, piesa buna.", 5, ("returns_refunds",)),
    ("Nimeni din familie nu a ramas nemultumit de cadou.", 5, ("customer_service",)),
]

# Batch B: written after batch A's list changes, other phrasings and products; before the list
# changes it prompted, 26 of these 51 passed (cases 20 of 42, controls 6 of 9).
CASES_B = [
    # size_fit
    ("Costumul de baie e mititel, pare pentru copii.", 2, "size_fit", ()),
    ("Bocancii ma bat la calcai si sunt stramti in varf.", 2, "size_fit", ()),
    ("camasa e larga la umeri si manecile lungi pana la degete", 2, "size_fit", ()),
    ("Am comandat ca de obicei 38 și nu-mi intră deloc, trebuia 40.", 2, "size_fit", ()),
    ("Tabelul zice M pentru 70 kg dar e de copil.", 1, "size_fit", ()),
    (
        "Dimensiunile nu corespund cu cele din descriere, husa e mai mica decat salteaua.",
        2,
        "size_fit",
        (),
    ),
    # price_value
    ("Jaf la drumul mare, 200 de lei pe un tricou subtire.", 1, "price_value", ()),
    ("Am dat o groază de bani pe porcăria asta.", 1, "price_value", ()),
    ("In supermarket gasesti la 15 lei, aici e 40.", 2, "price_value", ()),
    ("Nu face nici jumătate din cât l-am plătit.", 1, "price_value", ()),
    ("Taxa de livrare de 25 lei la o comanda de 30, serios?", 2, "price_value", ()),
    ("Preturi de boutique pentru calitate de bazar.", 2, "price_value", ()),
    # damaged_packaging
    ("Cutia era toata mototolita si plina de noroi.", 2, "damaged_packaging", ()),
    ("Scaunul a venit cu piciorul îndoit, cutia avea un colț intrat.", 1, "damaged_packaging", ()),
    (
        "Cana a ajuns ciobita pentru ca era ambalata doar intr-o folie subtire.",
        2,
        "damaged_packaging",
        (),
    ),
    ("Ambalajul era rupt si murdar, produsul zgariat.", 1, "damaged_packaging", ()),
    pytest.param(
        "Lustra sosita in cioburi.",
        1,
        "damaged_packaging",
        (),
        marks=pytest.mark.xfail(
            reason="the topic is found, but 'cioburi' (shards) is a safety word in "
            "lexicons/severity.py, outside this brief's lists"
        ),
    ),
    ("Au impachetat sticlele de vin fara separatoare, doua sparte.", 1, "damaged_packaging", ()),
    # returns_refunds
    ("De doua luni astept returnarea banilor.", 1, "returns_refunds", ()),
    pytest.param(
        "Mi-au refuzat rambursul pe motiv ca e folosit, desi nu l-am scos din cutie.",
        1,
        "returns_refunds",
        (),
        marks=pytest.mark.xfail(
            reason="'ramburs' is mostly cash on delivery in Romanian ('plata ramburs'): only "
            "'rambursare' and its forms are refund words"
        ),
    ),
    (
        "Ca să returnezi trebuie să plătești tu transportul plus 20 lei taxă de reprocesare.",
        2,
        "returns_refunds",
        (),
    ),
    ("Am cerut sa-mi dea banii, mi-au oferit doar puncte de fidelitate.", 1, "returns_refunds", ()),
    ("Cererea de retur a fost respinsă fără explicații.", 1, "returns_refunds", ()),
    ("Imi datoreaza 450 de lei de 3 saptamani si tac.", 1, "returns_refunds", ()),
    # customer_service
    ("Am asteptat 40 de minute la telefon apoi s-a intrerupt.", 1, "customer_service", ()),
    ("Operatoarea mi-a vorbit urat si mi-a zis ca e problema mea.", 1, "customer_service", ()),
    ("Nu raspund la mesaje, nu raspund la telefon, nimic.", 1, "customer_service", ()),
    ("Mi-au spus ca ma contacteaza in 24 de ore, au trecut 5 zile.", 1, "customer_service", ()),
    ("Consultantul nu stia nimic despre produs si m-a expediat repede.", 2, "customer_service", ()),
    ("Niciun feedback la reclamatie, nici macar un mesaj.", 1, "customer_service", ()),
    # website_checkout
    ("Am introdus codul de 3 ori si zice ca e invalid.", 2, "website_checkout", ()),
    ("Nu merge sa adaug produse in cos.", 1, "website_checkout", ()),
    ("Mi s-a golit coșul de 3 ori înainte să pot plăti.", 1, "website_checkout", ()),
    ("Pagina se incarca la infinit cand apas pe Trimite comanda.", 1, "website_checkout", ()),
    ("Am primit SMS de la banca dar comanda apare ca neplatita.", 1, "website_checkout", ()),
    ("Nu imi vine codul de verificare pe telefon ca sa ma loghez.", 1, "website_checkout", ()),
    # customs_fees
    (
        "Nu scria nicaieri ca se expediaza din Marea Britanie, am platit vama 90 lei.",
        1,
        "customs_fees",
        (),
    ),
    ("Posta mi-a cerut taxa de prezentare la vama plus tva.", 1, "customs_fees", ()),
    ("Vine din afara UE si te trezesti cu taxe la usa.", 1, "customs_fees", ()),
    ("Am refuzat coletul pentru ca mi se cereau bani de vamă.", 1, "customs_fees", ()),
    ("Taxele vamale au fost cat jumatate din produs.", 1, "customs_fees", ()),
    ("Coletul din UK a venit cu factura de vamuire atasata.", 2, "customs_fees", ()),
]

CONTROLS_B = [
    pytest.param(
        "Mi-a venit ca turnată, mărimea exactă.",
        5,
        ("size_fit",),
        marks=pytest.mark.xfail(reason=ASPECT_OR_RESTORED),
    ),
    pytest.param(
        "Pret corect pentru ce ofera.",
        5,
        ("price_value",),
        marks=pytest.mark.xfail(reason=ASPECT_OR_RESTORED),
    ),
    ("Ambalat impecabil, cu multa folie cu bule.", 5, ("damaged_packaging",)),
    ("Cutia e mare si solida, perfecta pentru depozitare.", 5, ("damaged_packaging",)),
    ("Am comandat din aplicatie, totul a mers usor.", 5, ("website_checkout",)),
    ("Geaca e lunga exact cat trebuie, acopera fundul.", 5, ("size_fit",)),
    pytest.param(
        "Am platit ramburs la curier, fara taxe ascunse.",
        5,
        ("customs_fees", "price_value"),
        marks=pytest.mark.xfail(
            reason="price_value is not negatable (lexicons/topics.py NEGATABLE_TOPICS): 'fara' "
            "does not cancel 'taxe ascunse'"
        ),
    ),
    pytest.param(
        "Pantofii sunt usori si comozi, nu ma strang deloc.",
        5,
        ("size_fit",),
        marks=pytest.mark.xfail(reason=REASON_RESTORED),
    ),
    ("Eroarea a fost a mea, am gresit adresa, dar au rezolvat.", 4, ("website_checkout",)),
    # Written while fixing batch B, for the new terms' precision (not a held-out figure).
    pytest.param(
        "Pantofii nu ma strang deloc, sunt foarte comozi.",
        5,
        ("size_fit",),
        marks=pytest.mark.xfail(reason=REASON_RESTORED),
    ),
    ("Codul nu l-am folosit, dar produsul e bun.", 4, ("website_checkout",)),
    pytest.param(
        "Am dat multi bani dar merita.",
        5,
        ("price_value",),
        marks=pytest.mark.xfail(reason=ASPECT_OR_RESTORED),
    ),
    ("Il gasesti la orice magazin, dar aici a fost mai rapid.", 5, ("price_value",)),
    ("Camera are o aplicatie buna, in aplicatie vezi tot.", 5, ("website_checkout",)),
    ("Iubita mea e mititica si i-a venit perfect.", 5, ("size_fit",)),
    ("Defectul se datoreaza curierului, produsul e zgariat.", 2, ("returns_refunds",)),
]

CASES = CASES_A + CASES_B
CONTROLS = CONTROLS_A + CONTROLS_B


test_main_topic = case_test("ro", CASES)


test_controls = control_test("ro", CONTROLS)
