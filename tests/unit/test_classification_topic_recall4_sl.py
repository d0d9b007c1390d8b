"""Slovenian product_quality and delivery_delay recall, round 4 (lexicons/topics.py), issue #21.

Realistic 1-2 star Slovenian shop reviews (with and without šumniki, run-on sentences, lower
case, slang, typos, regional words) about defects with no explicit "quality" word and parcels
that never come, written independently of the frozen, blind, dev and multilingual evaluation
sets (not read) and of the earlier rounds' phrasings. Each case names the review's main topic;
controls name topics that must NOT be found. Each batch's comment says how many of its items
passed before the list changes it prompted.
"""

import pytest

from tests.support.topic_terms import case_test, control_test

# "lučka gori" (the lamp is on) reads as fire in lexicons/severity.py, outside this round's lists:
# the topic is found, the safety reason is the false one.
LAMP_ON = "'lučka gori' (the lamp is on) gets the safety reason from the severity fire words"

# "pred mescem" dates the order, and the ago rule also discounts a delay hint up to two tokens
# after the duration ("pred mescem pa še zmer"): a smarter rule would stop at "pa".
AGO_REACH = (
    "'pred mescem pa še zmer': the ago rule reaches the hint two tokens on"
    " (topics.py _AGO_BEFORE_REACH); bare 'še zmer nič' would also fire on products"
)

CRACKED_IS_PACKAGING = (
    "'počila' alone is a damaged_packaging word (a list outside this round), and the same"
    " span cannot be both topics"
)

DAY_COUNT = (
    "'čakam 9. dan': a day count would need a number rule, and a bare 'jaz čakam' also"
    " fires on a wait for an answer"
)


# Batch A: before any list change, 37 of these 55 passed (product_quality 18 of 28,
# delivery_delay 9 of 16, controls 10 of 11); after them 52 pass and 3 are
# xfails naming a rule outside these lists.
CASES_A = [
    # product_quality
    ("Fen je po enem tednu kar umrl, ne vžge več.", 1, "product_quality"),
    ("polnilna postaja ne polni telefona sploh", 1, "product_quality"),
    pytest.param(
        "Grelnik vode ne segreje, lučka gori pa nič.",
        1,
        "product_quality",
        marks=pytest.mark.xfail(reason=LAMP_ON),
    ),
    ("Pralni stroj ne ožema, boben se ne vrti.", 1, "product_quality"),
    ("Kozarec je počil že pri prvem pomivanju.", 1, "product_quality"),
    ("Copati so se razlepili po treh dneh, podplat odpadel.", 1, "product_quality"),
    ("lak se lupi z mize po mesecu dni", 2, "product_quality"),
    ("Barva na majici je zbledela, po par pranjih izgleda kot stara cunja.", 2, "product_quality"),
    ("Pulover se je skrčil za dve številki po prvem pranju na 30 stopinj.", 1, "product_quality"),
    ("Steklenica za vodo pusca, vse mokro v torbi.", 1, "product_quality"),
    (
        "Gumijasta podloga smrdi kot kemična tovarna, ne morem je imet v stanovanju.",
        1,
        "product_quality",
    ),
    ("Tanko kot papir, čisti cenen material.", 1, "product_quality"),
    ("Šivanje katastrofa, niti štrlijo povsod in šiv je že popustil.", 1, "product_quality"),
    ("Baterija v skiroju se izprazni po 5 km, obljubljali 25.", 1, "product_quality"),
    ("Ventilator ropota kot traktor, ponoči nemogoče spati.", 2, "product_quality"),
    ("Mizna plošča je neravna, ena stran višja za pol centa.", 2, "product_quality"),
    ("Na kavču so se po enem tednu pojavili madeži, ki se ne dajo oprat.", 1, "product_quality"),
    ("Čokolada je imela žarek okus, verjetno stara.", 1, "product_quality"),
    ("Nosilci za kolo so zarjaveli po prvem dežju.", 1, "product_quality"),
    ("Odeja se je takoj pilila, polno kepic.", 2, "product_quality"),
    ("Ekran na tablici utripa in ima črte.", 1, "product_quality"),
    ("aplikacija se noce povezat z uro, bluetooth ne najde naprave", 1, "product_quality"),
    ("Luknje za vijake se ne ujemajo, omare sploh ne moreš sestaviti.", 1, "product_quality"),
    ("Pasji povodec se je strgal na sprehodu, pes mi je ušel.", 1, "product_quality"),
    ("brisalci za avto drsajo in puščajo črte po steklu, brez veze", 2, "product_quality"),
    ("Vrtni stol se je zlomil ko sem se usedla, nogica kar počila.", 1, "product_quality"),
    ("Kremo sem nanesla in koža je vsa srbela, poleg tega se loči v lončku.", 2, "product_quality"),
    ("Električna zobna ščetka se ne vklopi več, po 2 tednih konec.", 1, "product_quality"),
    # delivery_delay
    ("Še vedno čakam, paketa ni.", 1, "delivery_delay"),
    ("Kje je moj paket? 3 tedne!", 1, "delivery_delay"),
    ("naročilo še ni prispelo, status pa že 10 dni isti", 1, "delivery_delay"),
    ("Sledenje se ne premakne, paket stoji na carini že dva tedna.", 1, "delivery_delay"),
    ("Pošiljka obtičala v depoju v Mariboru, nihče ne ve kdaj bo.", 1, "delivery_delay"),
    ("Datum dostave je minil že pred tednom, nič.", 1, "delivery_delay"),
    ("Kurir je dostavo prestavil že trikrat, vsakič nova izgovora.", 1, "delivery_delay"),
    # passes since 2026.12.14: a cancellation is no refund word for the waiting rule
    ("Moral sem preklicati naročilo ker ni in ni prišlo.", 1, "delivery_delay"),
    pytest.param(
        "narocu sm pred mescem pa se zmer nic",
        1,
        "delivery_delay",
        marks=pytest.mark.xfail(reason=AGO_REACH),
    ),
    ("Obljubljeno do 15., zdaj je konec meseca in paketa ni od nikoder.", 1, "delivery_delay"),
    ("Hrana za mačko ni prišla, mačka pa lačna. Čakam že 12 dni.", 1, "delivery_delay"),
    ("Kolesa za avto naj bi bila tu v torek, zdaj je drugi torek.", 2, "delivery_delay"),
    ("Paket je na poti že 3 tedne, kam so ga poslali, na luno?", 1, "delivery_delay"),
    ("Dostava zamaknjena že drugič, res smešno.", 1, "delivery_delay"),
    ("Kuhinjski robot bi moral biti doma pred božičem, pa ga ni bilo.", 1, "delivery_delay"),
    ("Niti en mail, nič, paketa pa še kar ni.", 1, "delivery_delay"),
]

CONTROLS_A = [
    ("Prišlo hitro, deluje brez problema.", 5, ("delivery_delay", "product_quality")),
    ("Kurir je bil nesramen in je paket vrgel čez ograjo.", 2, ("product_quality",)),
    ("Škatla je bila zmečkana, vsebina pa cela.", 3, ("product_quality",)),
    ("Paket prišel v 2 dneh, super.", 5, ("delivery_delay",)),
    ("Na denar od vračila čakam že tri tedne.", 1, ("delivery_delay", "product_quality")),
    ("Prodajalec ne odgovarja na maile že 10 dni.", 1, ("delivery_delay", "product_quality")),
    ("Čevlji so premajhni, drugače pa lepi.", 2, ("product_quality", "delivery_delay")),
    ("Predrago za tako malo, drugje ceneje.", 2, ("product_quality", "delivery_delay")),
    ("Poslali so mi napačno barvo.", 2, ("product_quality", "delivery_delay")),
    ("Na pošti sem moral doplačati carino.", 2, ("product_quality", "delivery_delay")),
    ("Stran se zatakne pri plačilu, kartica zavrnjena.", 1, ("product_quality",)),
]

# Batch B: before the list changes it prompted, 18 of these 34 passed (product_quality 6 of 18,
# delivery_delay 6 of 10, controls 6 of 6); after them 32 pass and two
# are xfails naming a list outside this round or a rule they would need.
CASES_B = [
    # product_quality
    ("sesalnik za avto sploh ne vlece, brezveze", 1, "product_quality"),
    ("Kavni aparat pušča vodo po pultu in kava je mlačna.", 1, "product_quality"),
    ("Hlače so se po enem pranju zožale, zdaj so do gležnjev.", 2, "product_quality"),
    (
        "Igrača se ni hotela prižgat, zamenjali smo baterije pa še vedno mrtva.",
        1,
        "product_quality",
    ),
    pytest.param(
        "Nogica pri postelji je počila, ko smo jo sestavljali.",
        1,
        "product_quality",
        marks=pytest.mark.xfail(reason=CRACKED_IS_PACKAGING),
    ),
    ("Polnilni kabel dela samo če ga držiš pod kotom, kontakt slab.", 1, "product_quality"),
    ("Šampon je vodén, penil se sploh ni, lasje mastni.", 2, "product_quality"),
    ("Torta je bila suha in je imela okus po hladilniku.", 1, "product_quality"),
    ("Ogrlica je v enem tednu počrnela, koža zelena.", 1, "product_quality"),
    ("posoda za hrano za psa se je po tednu razpokala", 1, "product_quality"),
    ("Ponev se prijema, jajca se lepijo, premaz gre dol.", 1, "product_quality"),
    ("Majica se je po pranju raztegnila in visi kot vreča.", 2, "product_quality"),
    ("Šotor ob prvem dežju premočen, voda teče noter.", 1, "product_quality"),
    ("pametna ura se ves čas resetira in ne šteje korakov", 1, "product_quality"),
    ("Vrata omarice se ne zapirajo, tečaji so skrivljeni.", 2, "product_quality"),
    ("Ročka na kovčku se je zataknila in se ne da več izvlečt.", 1, "product_quality"),
    # delivery_delay
    ("a bo paket kdaj prišel al ne?? 17 dni že", 1, "delivery_delay"),
    pytest.param(
        "Dostava je obljubljena v 48 urah, jaz čakam 9. dan.",
        1,
        "delivery_delay",
        marks=pytest.mark.xfail(reason=DAY_COUNT),
    ),
    ("Status paketa je že en teden 'v pripravi', nič se ne premika.", 1, "delivery_delay"),
    ("Na pošti pravijo, da paketa ni, trgovina pa da je oddan. Smešno.", 1, "delivery_delay"),
    (
        "Dostavljalec je zapisal da me ni bilo doma, bil sem cel dan doma, paketa še nimam.",
        1,
        "delivery_delay",
    ),
    ("Sadike so prišle ko je bila sezona sajenja že mimo.", 2, "delivery_delay"),
    ("Ko sem naročil so pisali 3 dni, zdaj pravijo še 3 tedne.", 1, "delivery_delay"),
    ("Preklical bi, pa se ne da, ker je pošiljka nekje na poti ze mesec.", 1, "delivery_delay"),
    ("zamudili so s pošiljko za cel teden", 2, "delivery_delay"),
    ("Vsak dan preverjam sledenje in vsak dan isto.", 1, "delivery_delay"),
]

CONTROLS_B = [
    ("Dostava je bila hitra, a blender se je po tednu pokvaril.", 1, ("delivery_delay",)),
    ("Kurir je paket pustil pred vrati na dežju.", 2, ("product_quality",)),
    ("Dobila sem moder pulover namesto sivega.", 2, ("product_quality", "delivery_delay")),
    ("Vrnila sem ga in že mesec čakam na denar.", 1, ("delivery_delay", "product_quality")),
    ("Vse prišlo v roku, lepo zapakirano, deluje.", 5, ("delivery_delay", "product_quality")),
    ("Odgovora na email še kar ni.", 1, ("delivery_delay", "product_quality")),
]

# A burning smell from an appliance and worn brakes are safety issues too.
SAFETY_CASES_B = [
    ("Mikser je po drugi uporabi začel smrdet po zažganem in ugasnil.", 1, "product_quality"),
    ("Zavorne ploščice cvilijo ko hudič, po 500 km že obrabljene.", 1, "product_quality"),
]

CASES = CASES_A + CASES_B
CONTROLS = CONTROLS_A + CONTROLS_B


test_main_topic = case_test("sl", CASES, reasons=())


test_main_topic_safety = case_test("sl", SAFETY_CASES_B, reasons=("safety",))


test_controls = control_test("sl", CONTROLS)
