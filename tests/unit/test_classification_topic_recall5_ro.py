"""Romanian recall of every complaint topic, round 5 (issue #21).

Realistic 1-2 star Romanian shop reviews (very short and angry, run-on, all lower case without
diacritics, slang, typos, English words mixed in) about cosmetics, food, electronics, furniture,
clothing, toys, garden, car parts, pet supplies and kitchen goods, covering every complaint topic
roughly in the proportion the shops see (product_quality 25 %, delivery_delay 20 %, wrong_item
10 %, damaged_packaging 8 %, customer_service 8 %, returns_refunds 8 %, size_fit 7 %, price_value
6 %, website_checkout 5 %, customs_fees 3 %), in other phrasings than rounds 1 to 4
(test_classification_topic_recall_ro.py to test_classification_topic_recall4_ro.py) and
test_classification_topic_terms_ro.py. Written independently of the frozen, blind, dev and
multilingual evaluation sets (not read). Each case names the review's main topic, which must be
among the topics found, and the "high" severity reasons it must get (none, for most). Controls
name topics that must NOT be found.

Written in batches: each batch's comment says how many of its cases passed before the list
changes it prompted, the nearest thing to a held-out figure here.
"""

import pytest

from tests.support.topic_terms import ASPECT_OR_RESTORED, case_test, control_test

# Batch A: before any list change, 26 of these 63 passed (cases 19 of 52, controls 7 of 11).
CASES_A = [
    # product_quality
    ("Rujul mat se crapa pe buze dupa o ora, arata oribil.", 1, "product_quality", ()),
    (
        "Ciocolata era alba pe deasupra si sfaramicioasa, fara pic de aroma.",
        1,
        "product_quality",
        (),
    ),
    ("castile se aud doar pe o parte dupa 2 saptamani, bani aruncati", 1, "product_quality", ()),
    (
        "boxa bluetooth se tot taie, sunetul vine si pleaca cand vrea ea",
        2,
        "product_quality",
        (),
    ),
    (
        "Dulapul e din pal ieftin care se umfla la prima picatura de apa.",
        1,
        "product_quality",
        (),
    ),
    (
        "Balamalele s-au slabit dupa o luna si usa de la bufet atarna.",
        2,
        "product_quality",
        (),
    ),
    ("Tricoul alb s-a ingalbenit la subrat dupa doua spalari.", 2, "product_quality", ()),
    ("Drona cade din aer, pierde controlul dupa 20 de metri.", 1, "product_quality", ()),
    # Written expecting no high reason; brakes that barely brake are a safety matter indeed.
    (
        "Placutele de frana franeaza foarte slab si lasa mult praf negru pe jante.",
        1,
        "product_quality",
        ("safety",),
    ),
    (
        "Oala sub presiune nu tine presiunea, iese abur pe la garnitura.",
        1,
        "product_quality",
        (),
    ),
    ("Espressorul scoate o cafea apoasa si caldicica, jale.", 2, "product_quality", ()),
    ("sampoul asta mi a facut parul ca sarma, nu mai iau", 1, "product_quality", ()),
    (
        "Telecomanda merge doar daca o tii lipita de televizor, am schimbat si bateriile.",
        1,
        "product_quality",
        (),
    ),
    # delivery_delay
    ("comanda facuta pe 3, azi e 17 si nu stiu nimic de ea", 1, "delivery_delay", ()),
    (
        "Coletul e de 9 zile la sortare in Bucuresti, cica e aglomeratie.",
        1,
        "delivery_delay",
        (),
    ),
    ("mai astept mult?? am platit de 2 saptamani", 1, "delivery_delay", ()),
    ("Livrare in 3-5 zile pe naiba, e a 15-a zi si nimic.", 1, "delivery_delay", ()),
    (
        "Mi-au zis ca pleaca saptamana asta, a trecut si aia si urmatoarea.",
        1,
        "delivery_delay",
        (),
    ),
    pytest.param(
        "lentt rau, 3 sapatamani pentru niste vitamine",
        2,
        "delivery_delay",
        (),
        marks=pytest.mark.xfail(
            reason="typos in both the slowness and the weeks word, and no delivery word"
        ),
    ),
    (
        "Scria expediere in 24h, s-a expediat dupa 9 zile.",
        2,
        "delivery_delay",
        (),
    ),
    (
        "Canapeaua comandata in ianuarie, suntem in martie si tot o astept.",
        1,
        "delivery_delay",
        (),
    ),
    (
        "am primit mancarea pt pisica cand deja cumparasem alta de la magazin, mega delay",
        2,
        "delivery_delay",
        (),
    ),
    ("Unde e comanda mea?! Au trecut 12 zile lucratoare.", 1, "delivery_delay", ()),
    # wrong_item
    # passes since release 2026.12.18 made 'am cerut' an ordering verb (ORDERED_WORDS)
    ("Am cerut husa pentru Samsung A54 si a venit una pentru A34.", 1, "wrong_item", ()),
    ("Erau doar 5 pahare in cutie, pe site scrie set de 6.", 2, "wrong_item", ()),
    (
        "Filtrul de ulei nu e compatibil cu masina mea desi pe site zicea ca merge.",
        1,
        "wrong_item",
        (),
    ),
    ("Sosetele sunt roz, eu am ales gri.", 2, "wrong_item", ()),
    ("am comandat set de 3 tigai si a venit una singura", 1, "wrong_item", ()),
    # damaged_packaging
    (
        "Coletul arata de parca l-a calcat trenul, raftul e indoit.",
        1,
        "damaged_packaging",
        (),
    ),
    ("Conservele au ajuns busite, cutia era rupta pe o parte.", 2, "damaged_packaging", ()),
    (
        "Ghiveciul de ceramica a ajuns in trei bucati, pus doar intr-o punga.",
        1,
        "damaged_packaging",
        (),
    ),
    ("Ouale de ciocolata au venit sfaramate, cutia turtita.", 1, "damaged_packaging", ()),
    # customer_service
    (
        "Am sunat la ei, o doamna foarte nervoasa mi-a zis sa ma descurc singur.",
        1,
        "customer_service",
        (),
    ),
    ("Le-am scris pe facebook de 4 ori, nicio reactie.", 1, "customer_service", ()),
    (
        "tipul de la magazin m-a luat peste picior cand am intrebat de o problema",
        1,
        "customer_service",
        (),
    ),
    ("Asistenta clienti inexistenta.", 1, "customer_service", ()),
    # returns_refunds
    (
        "Am trimis aspiratorul in service de o luna si tot nu mi l-au reparat.",
        1,
        "returns_refunds",
        (),
    ),
    (
        "Mi-au dat inapoi doar jumatate din suma, restul il pastreaza ei.",
        1,
        "returns_refunds",
        (),
    ),
    (
        "Refuza sa-mi dea contravaloarea pe un produs defect.",
        1,
        "returns_refunds",
        (),
    ),
    (
        "Am dus aspiratorul inapoi in magazin si nici acum nu am banii.",
        1,
        "returns_refunds",
        (),
    ),
    # size_fit
    (
        "Rochia e facuta pentru cineva de 1.50, mie imi vine ca o bluza.",
        2,
        "size_fit",
        (),
    ),
    ("Papucii sunt cu un numar mai mari, imi ies din picior.", 2, "size_fit", ()),
    ("Caciula e de copil, nu intra pe capul unui adult.", 1, "size_fit", ()),
    (
        "Husa de canapea nu acopera nici jumatate, dimensiuni complet aiurea.",
        1,
        "size_fit",
        (),
    ),
    # price_value
    # passes since release 2026.12.21 (lexicons/severity.py OTHER_MEANINGS)
    ("Furt curat, 90 de lei un borcan de miere de 250g.", 1, "price_value", ()),
    ("Pt banii astia iti iei unul de firma.", 2, "price_value", ()),
    ("Scump ca dracu si prost.", 1, "price_value", ()),
    # website_checkout
    (
        "Nu reusesc sa ma inregistrez, tot zice ca adresa exista deja.",
        1,
        "website_checkout",
        (),
    ),
    ("Formularul de comanda nu se trimite, am completat de 4 ori.", 1, "website_checkout", ()),
    ("Site-ul nu accepta Apple Pay, pierdere de timp.", 2, "website_checkout", ()),
    # customs_fees
    (
        "Am avut de platit 35 lei la DHL pentru vamuire, nu m-a anuntat nimeni.",
        1,
        "customs_fees",
        (),
    ),
    (
        "Surpriza la usa, inca 40 de lei taxe pentru ca vine din Elvetia.",
        1,
        "customs_fees",
        (),
    ),
]

# The 'ordered X, got Y' rule (services/ingest/classification/topics.py) read 'exact ce am
# comandat' as a contrast until release 2026.12.18 made 'exact ce' / 'tot ce' SAME_THING words.

CONTROLS_A = [
    ("A ajuns in 3 zile, merge bine.", 4, ("delivery_delay",)),
    (
        "Curierul a fost nesimtit si a aruncat coletul, dar produsul e intreg.",
        2,
        ("product_quality",),
    ),
    ("Cutia a venit turtita, dar ceasul functioneaza perfect.", 3, ("product_quality",)),
    ("Am returnat-o si banii au venit in 3 zile, multumesc.", 4, ("delivery_delay",)),
    pytest.param(
        "Marimea e ok dar materialul e subtire ca foita.",
        2,
        ("size_fit",),
        marks=pytest.mark.xfail(reason=ASPECT_OR_RESTORED),
    ),
    pytest.param(
        "Pretul e ok, dar bateria tine doar 2 ore.",
        2,
        ("price_value",),
        marks=pytest.mark.xfail(reason=ASPECT_OR_RESTORED),
    ),
    ("Mi-a venit exact ce am comandat, dar e foarte zgomotos.", 2, ("wrong_item",)),
    ("Livrarea a fost ok, dar telefonul se blocheaza.", 2, ("delivery_delay",)),
    ("Nu a trebuit sa platesc nicio taxa, dar produsul s-a stricat.", 2, ("customs_fees",)),
    (
        "Comanda a venit a doua zi, dar culoarea e alta decat in poza.",
        2,
        ("delivery_delay",),
    ),
    ("Am primit tot ce am comandat, complet, dar calitatea e slaba.", 2, ("wrong_item",)),
]

# 'voiam' (I wanted), 'platisem' (I had paid for) are ordering verbs for the 'ordered X, got Y'
# rule (ORDERED_WORDS); as bare topic terms they would also catch 'I only wanted an answer'.
ORDERING_VERB_REASON = (
    "'platisem' is an ordering verb since release 2026.12.18 (ORDERED_WORDS), but 'avea' (held)"
    " is no receiving verb, so the 'ordered X, got Y' rule has no pair"
)

# Batch B: written after batch A's list changes, other phrasings and products; before the list
# changes it prompted, 13 of these 37 passed (cases 7 of 31, controls 6 of 6).
CASES_B = [
    # product_quality
    (
        "Lacul de unghii se ingroasa in sticla dupa o saptamana, nu se mai poate aplica.",
        2,
        "product_quality",
        (),
    ),
    ("Cascavalul avea gust de sapun si era sticlos.", 1, "product_quality", ()),
    ("Powerbankul abia incarca telefonul la jumatate si gata.", 1, "product_quality", ()),
    (
        "Scaunul de gaming scartaie iar pielea ecologica s-a exfoliat pe sezut.",
        1,
        "product_quality",
        (),
    ),
    ("Geaca de iarna e doar de aspect, te ia frigul prin ea.", 2, "product_quality", ()),
    ("Mingea pentru caine s-a dezumflat dupa o ora de joaca.", 1, "product_quality", ()),
    (
        "Lampile solare de gradina nu se aprind noaptea sau tin cateva minute.",
        1,
        "product_quality",
        (),
    ),
    ("stergatoarele lasa dare pe parbriz si sar pe geam", 1, "product_quality", ()),
    ("Blenderul nu toaca gheata deloc, se invarte si atat.", 2, "product_quality", ()),
    # delivery_delay
    ("Comanda sta in 'se proceseaza' de 11 zile.", 1, "delivery_delay", ()),
    (
        "Curierul de la Cargus nu a mai aparut, e a patra zi de cand stau acasa degeaba.",
        1,
        "delivery_delay",
        (),
    ),
    (
        "pachetu nu a mai venit nici pana azi dupa 3 sapt ce bataie de joc",
        1,
        "delivery_delay",
        (),
    ),
    pytest.param(
        "Am comandat ghivece pentru primavara si au venit in iunie.",
        1,
        "delivery_delay",
        (),
        marks=pytest.mark.xfail(
            reason="the lateness is in the season (spring pots in June); month names near a"
            " delivery word would call every dated delivery late"
        ),
    ),
    (
        "Imi spun de 10 zile ca e la depozit si urmeaza sa plece.",
        1,
        "delivery_delay",
        (),
    ),
    pytest.param(
        "Ati promis livrare pana pe 20, azi e 28.",
        1,
        "delivery_delay",
        (),
        marks=pytest.mark.xfail(reason="date arithmetic: 'azi e' is no delay hint by itself"),
    ),
    # wrong_item
    ("Mi-au trimis hrana cu pui si eu voiam cu somon.", 1, "wrong_item", ()),
    pytest.param(
        "Punga avea 500 g, eu platisem pentru 1 kg.",
        1,
        "wrong_item",
        (),
        marks=pytest.mark.xfail(reason=ORDERING_VERB_REASON),
    ),
    ("Cutia de Lego avea piese de la alt set.", 1, "wrong_item", ()),
    # damaged_packaging
    (
        "Pachetul mustea de apa, cartile au paginile ondulate.",
        1,
        "damaged_packaging",
        (),
    ),
    (
        "Sticlele de ulei de motor au venit varsate, cutia imbibata.",
        1,
        "damaged_packaging",
        (),
    ),
    (
        "Colturile cutiei erau intrate, iar rama tabloului crapata.",
        2,
        "damaged_packaging",
        (),
    ),
    # customer_service
    (
        "La telefon e un robot care te pune sa apesi taste la nesfarsit, om nu gasesti.",
        1,
        "customer_service",
        (),
    ),
    ("Nici macar scuze de la magazin, doar tacere.", 1, "customer_service", ()),
    # returns_refunds
    (
        "Au zis ca imi vireaza suma in 5 zile, au trecut 3 saptamani.",
        1,
        "returns_refunds",
        (),
    ),
    (
        "Nu vor sa preia produsul defect, zic ca e vina mea.",
        1,
        "returns_refunds",
        (),
    ),
    # size_fit
    ("Bocancii sunt cu o masura sub ce scrie pe ei.", 2, "size_fit", ()),
    ("Hamul e urias pentru un caine de 10 kg, iese din el.", 2, "size_fit", ()),
    # price_value
    # passes since release 2026.12.22 (lexicons/severity.py OTHER_MEANINGS)
    ("E o tepuiala la pretul asta, il gasesti pe Temu cu 20 de lei.", 1, "price_value", ()),
    ("Prea mult pentru o bucata de plastic.", 1, "price_value", ()),
    # website_checkout
    (
        "Pe telefon nu pot selecta marimea, pagina sare inapoi sus.",
        1,
        "website_checkout",
        (),
    ),
    # customs_fees
    (
        "La livrare a trebuit sa dau inca 60 de lei pentru ca era din afara Europei.",
        1,
        "customs_fees",
        (),
    ),
]

CONTROLS_B = [
    (
        "Comanda a ajuns dupa 2 zile, ambalata bine, dar crema e grasa.",
        2,
        ("delivery_delay",),
    ),
    (
        "Curierul a lasat coletul la vecina, dar dulapul are o usa stramba.",
        2,
        ("delivery_delay",),
    ),
    ("Cutia arata impecabil, dar inauntru aparatul nu porneste.", 1, ("damaged_packaging",)),
    ("Mi-au raspuns repede si politicos, dar produsul tot defect e.", 2, ("delivery_delay",)),
    (
        "Livrarea a fost in 24 de ore, insa hrana pentru caine miroase a rau.",
        2,
        ("delivery_delay",),
    ),
    ("Am primit exact modelul ales, dar se zgarie foarte usor.", 2, ("wrong_item",)),
]

# Batch C: written after batch B's list changes, still other phrasings and products; before the
# list changes it prompted, 9 of these 25 passed.
CASES_C = [
    # product_quality
    (
        "Fardul de pleoape se sfarama in cutie si nu prinde pe pleoapa.",
        2,
        "product_quality",
        (),
    ),
    ("Smantana era taiata si acra.", 1, "product_quality", ()),
    ("Mouse-ul da dublu click singur dupa o luna.", 2, "product_quality", ()),
    ("Incarcatorul incarca foarte incet, 6 ore pentru un telefon.", 2, "product_quality", ()),
    ("Patul s-a desurubat tot in doua saptamani.", 1, "product_quality", ()),
    ("Puzzle-ul are piese care nu se imbina.", 2, "product_quality", ()),
    ("Foarfeca de gradina s-a stirbit la prima creanga.", 1, "product_quality", ()),
    ("Bujiile au rateuri de la inceput, motorul merge sacadat.", 1, "product_quality", ()),
    (
        "Lesa retractabila nu se mai retrage, ramane toata scoasa.",
        1,
        "product_quality",
        (),
    ),
    ("Cutitul de paine se indoaie cand tai ceva mai tare.", 2, "product_quality", ()),
    # delivery_delay
    (
        "Nimic de 2 saptamani, nici un sms, nici un mail de la curier.",
        1,
        "delivery_delay",
        (),
    ),
    (
        "Au trimis coletul cu posta romana si a facut 3 saptamani.",
        2,
        "delivery_delay",
        (),
    ),
    (
        "A ajuns dupa ce am plecat in concediu, asa ca degeaba.",
        1,
        "delivery_delay",
        (),
    ),
    ("de cand am comandat a trecut o luna si ceva", 1, "delivery_delay", ()),
    ("Curierul a venit cu 9 zile dupa data promisa.", 2, "delivery_delay", ()),
    # wrong_item
    pytest.param(
        "Mi-au livrat husa de pat, nu cearsaful cu elastic comandat.",
        1,
        "wrong_item",
        (),
        marks=pytest.mark.xfail(
            reason="'livrat' ... 'comandat' are 8 tokens apart, past the 'got Y, ordered X'"
            " window (topics.py), and the gap is the thing itself"
        ),
    ),
    ("Parfumul are alt miros decat originalul, clar e alta aroma.", 1, "wrong_item", ()),
    # damaged_packaging
    (
        "Cutia a venit desfacuta si cu banda sfasiata, bomboanele imprastiate prin colet.",
        1,
        "damaged_packaging",
        (),
    ),
    ("Coletul era strivit si cu urme de roti pe el.", 1, "damaged_packaging", ()),
    # customer_service
    (
        "Consultanta mi-a vorbit de sus, de parca le fac un favor.",
        1,
        "customer_service",
        (),
    ),
    # returns_refunds
    ("Dupa 30 de zile tot n-am primit suma returnata.", 1, "returns_refunds", ()),
    # size_fit
    ("Salopeta e stramta la fund si lunga la picioare.", 2, "size_fit", ()),
    # price_value
    ("Ma costa mai mult transportul decat produsul.", 2, "price_value", ()),
    # website_checkout
    (
        "Am platit si pe site comanda a ramas in asteptarea platii.",
        1,
        "website_checkout",
        (),
    ),
    # customs_fees
    ("La curier am mai dat 25 de lei comision vamal.", 1, "customs_fees", ()),
]

CONTROLS_FIXING = [
    # Written while fixing, for the new terms' precision (not a held-out figure).
    ("Drojdia e buna, aluatul se umfla frumos la cuptor.", 5, ("product_quality",)),
    ("Sosul se ingroasa repede, faina buna.", 5, ("product_quality",)),
    ("Stergatoarele nu lasa dare deloc, merg perfect.", 5, ("product_quality",)),
    ("Crema are o textura apoasa placuta, se absoarbe repede.", 5, ("product_quality",)),
    ("A fost expediat dupa o zi si a ajuns repede.", 5, ("delivery_delay",)),
    (
        "Am dus masina la service si mecanicul a zis ca piesa e buna.",
        4,
        ("returns_refunds",),
    ),
    ("Ecranul e urias si imaginea clara.", 4, ("size_fit",)),
    ("Am vazut reclama pe facebook si am comandat, super.", 5, ("customer_service",)),
    ("Cutie de depozitare foarte buna, incape tot.", 5, ("delivery_delay",)),
    ("Am ales eu culoarea gri, a venit exact cum am vrut.", 4, ("wrong_item",)),
    ("Mi-a venit una pentru mine si una pentru sotie, super.", 5, ("wrong_item",)),
    (
        "Produsul era inca in depozit cand am sunat, dar a doua zi a ajuns.",
        5,
        ("delivery_delay",),
    ),
    ("Painea s-a umflat de minune.", 5, ("product_quality",)),
    ("A venit cel pentru care am platit, multumesc.", 5, ("wrong_item",)),
    ("Lamaile erau acre cum trebuie, proaspete.", 5, ("product_quality",)),
    ("Biscuitii se sfarama in gura, delicios.", 5, ("product_quality",)),
    (
        "Livrarea a venit dupa ce am plecat la serviciu, dar vecinul l-a luat.",
        4,
        ("delivery_delay",),
    ),
    ("Puloverul nu se retrage la spalare, excelent.", 5, ("product_quality",)),
    ("Mouse bun, dublu click rapid pentru jocuri.", 5, ("product_quality",)),
    ("Site-ul se incarca greu uneori, dar produsul e super.", 4, ("product_quality",)),
]

CASES = CASES_A + CASES_B + CASES_C
CONTROLS = CONTROLS_A + CONTROLS_B + CONTROLS_FIXING


test_main_topic = case_test("ro", CASES)


test_controls = control_test("ro", CONTROLS)
