"""Slovenian topic and severity term lists (lexicons/topics.py, lexicons/severity.py), issue #21.

Realistic 1-2 star Slovenian shop reviews (with and without šumniki, typos, colloquial forms,
inflections), written for issue #21 independently of the frozen, blind and multilingual
evaluation sets (not read). Each case names the review's main topic (None: no single topic) and
the severity reasons it must get; a case without reasons must get none of the five "high"
reasons (precision). Controls name topics/reasons that must NOT be found.

Written in batches: each batch's comment says how many of its cases passed before the list
changes it prompted, the nearest thing to a held-out figure here.
"""

from tests.support.topic_terms import case_test, control_test

# Batch 1: before any list change, 58 of these 75 passed (cases 48 of 61, controls 10 of 14).
CASES_1 = [
    # delivery_delay
    ("Naročila sem 3. marca, danes je 28. in paketa še vedno ni.", 1, "delivery_delay", ()),
    ("Dostava naj bi bila v 2-3 dneh, čakal sem skoraj tri tedne.", 2, "delivery_delay", ()),
    ("Paket je prišel prepozno, darilo za rojstni dan je zamujeno.", 1, "delivery_delay", ()),
    ("Ze 2 tedna cakam na posiljko, sledenje kaze vedno isto.", 1, "delivery_delay", ()),
    ("Pošiljka še vedno ni prispela, nihče mi nič ne pove.", 1, "delivery_delay", ()),
    ("Dostava je trajala cel mesec, nikoli več.", 1, "delivery_delay", ()),
    ("Narocilo ni prislo niti po 20 dneh!!", 1, "delivery_delay", ()),
    ("Zamuda pri dostavi ogromna, obljubljali so dostavo do petka.", 2, "delivery_delay", ()),
    # damaged_packaging
    ("Škatla je bila popolnoma zmečkana, kozarci v njej razbiti.", 1, "damaged_packaging", ()),
    ("Paket je prišel raztrgan, pol stvari je padlo ven.", 1, "damaged_packaging", ()),
    ("Embalaža poškodovana, ekran ima razpoko.", 1, "damaged_packaging", ()),
    ("Vaza je prisla razbita, slabo zapakirano.", 1, "damaged_packaging", ()),
    ("Paket je bil moker in zmečkan, knjige uničene.", 1, "damaged_packaging", ()),
    # product_quality
    ("Po dveh tednih se je pokvaril, kvaliteta zanič.", 1, "product_quality", ()),
    ("Slaba kakovost, šivi so se razparali po prvem pranju.", 1, "product_quality", ()),
    ("Ne dela, takoj po vklopu je crknil.", 1, "product_quality", ()),
    ("Material je poceni plastika, vse se maje.", 2, "product_quality", ()),
    ("Baterija zdrži komaj eno uro, polnilec ne deluje.", 1, "product_quality", ()),
    ("Ura je nehala delati po treh dneh.", 1, "product_quality", ()),
    ("Barva se je sprala po prvem pranju, majica je za v smeti.", 1, "product_quality", ()),
    ("Slusalke so se pokvarile po enem tednu, en del sploh ne igra.", 1, "product_quality", ()),
    # wrong_item
    ("Dobil sem napačen izdelek, naročil sem modro, prišla je rdeča.", 1, "wrong_item", ()),
    ("V paketu je manjkal polnilec.", 1, "wrong_item", ()),
    ("Poslali so mi čisto drug artikel kot sem ga naročil.", 1, "wrong_item", ()),
    ("Manjkajo vijaki za sestavo, nemogoče sestaviti.", 2, "wrong_item", ()),
    ("Namesto črnih copat so poslali rjave, narobe poslano.", 1, "wrong_item", ()),
    # size_fit
    ("Številka je premajhna, čevlji me tiščijo.", 2, "size_fit", ()),
    ("Majica je vsaj dve številki manjša kot piše v tabeli velikosti.", 2, "size_fit", ()),
    ("Velikost ne ustreza, hlače so prevelike.", 2, "size_fit", ()),
    ("Obleka je preozka v ramenih, čeprav sem vzela L.", 2, "size_fit", ()),
    # price_value
    ("Predrago za to kar dobiš, ne splača se.", 2, "price_value", ()),
    ("Za ta denar pričakujem več, cena je pretirana.", 2, "price_value", ()),
    # customs_fees
    (
        "Na pošti sem moral plačati še carino in DDV, o tem ni bilo nič napisano.",
        1,
        "customs_fees",
        (),
    ),
    ("Dodatni stroški carinjenja 25 eur, nikoli več.", 1, "customs_fees", ()),
    # returns_refunds
    (
        "Vrnil sem izdelek pred mesecem dni, denarja pa še vedno nisem dobil.",
        1,
        "returns_refunds",
        (),
    ),
    ("Vračilo denarja zavrnjeno brez razloga.", 1, "returns_refunds", ()),
    ("Reklamacijo sem oddal pred 3 tedni, nič se ne zgodi.", 1, "returns_refunds", ()),
    ("Refundacija še vedno ni izvedena.", 1, "returns_refunds", ()),
    (
        "Poštnino za vračilo moram plačati sam, čeprav je bil izdelek napačen.",
        1,
        "returns_refunds",
        (),
    ),
    # customer_service
    ("Podpora se ne odziva na maile, telefona nihče ne dvigne.", 1, "customer_service", ()),
    ("Prodajalka je bila nesramna in neprijazna.", 1, "customer_service", ()),
    ("Na moje sporočilo ni odgovora že 10 dni.", 1, "customer_service", ()),
    ("Služba za stranke je obupna, samo izgovori.", 1, "customer_service", ()),
    ("Pisal sem trikrat, nobenega odgovora.", 1, "customer_service", ()),
    # website_checkout
    ("Plačilo s kartico ni šlo skozi, stran se je sesula v košarici.", 1, "website_checkout", ()),
    (
        "Na spletni strani ne morem oddati naročila, koda za popust ne deluje.",
        2,
        "website_checkout",
        (),
    ),
    ("Prijava v račun ne deluje, gesla ne morem ponastaviti.", 2, "website_checkout", ()),
    # praise (a positive review)
    ("Odlično, vse je prišlo hitro, priporočam!", 5, "praise", ()),
    # severity
    ("Po uporabi kreme sem dobila izpuščaje po celem obrazu.", 1, None, ("health_injury",)),
    (
        "Otrok je pogoltnil delček, ki je odpadel, končali smo na urgenci.",
        1,
        None,
        ("health_injury",),
    ),
    (
        "Zavora na vozičku je odpovedala in otrok se je skoraj zapeljal na cesto.",
        1,
        None,
        ("safety",),
    ),
    (
        "Lestev se je zlomila pod mano, padel sem in si zvil gleženj.",
        1,
        None,
        ("safety", "health_injury"),
    ),
    ("Polnilec se je pregrel in začel goreti.", 1, "product_quality", ("safety",)),
    ("Rezilo se je med delom zrahljalo in odletelo mimo glave.", 1, None, ("safety",)),
    ("Grelnik je iskril in smrdelo je po zažganem.", 1, None, ("safety",)),
    ("Zadevo predajam odvetniku, vidimo se na sodišču.", 1, None, ("legal_threat",)),
    ("Prijavil vas bom tržnemu inšpektoratu.", 1, None, ("legal_threat",)),
    ("To je prevara, denar so vzeli, blaga pa ni.", 1, None, ("fraud_claim",)),
    ("Goljufi! Ne naročajte tukaj.", 1, None, ("fraud_claim",)),
    ("Pri banki bom zahteval vračilo plačila s kartico.", 1, None, ("chargeback_threat",)),
    ("Odprl sem spor na PayPalu.", 1, None, ("chargeback_threat",)),
]

CONTROLS_1 = [
    ("Vračilo denarja nikoli ni prispelo.", 1, ("delivery_delay",)),
    ("Denar mi po štirih tednih še vedno ni bil vrnjen.", 1, ("delivery_delay",)),
    ("Spletna stran je lepa, ampak jakna je slabe kakovosti.", 2, ("website_checkout",)),
    ("Barva je drugačna kot na spletni strani.", 2, ("website_checkout",)),
    (
        "Na srečo se ni nihče poškodoval, ampak miza je za smeti.",
        1,
        ("health_injury", "safety"),
    ),
    ("Vse super, hitra dostava, priporočam!", 5, ("delivery_delay",)),
    ("Ni prevara, blago je prišlo samo zelo pozno.", 2, ("fraud_claim",)),
    ("Plačal sem s PayPalom, paketa po 3 tednih še vedno ni.", 1, ("chargeback_threat",)),
    ("Podplat se je po enem tednu odlepil.", 2, ("health_injury", "safety")),
    ("Nož je top, niti paradižnika ne zreže.", 2, ("safety", "health_injury")),
    ("Zahtevam vračilo denarja, ker izdelek ne deluje.", 1, ("chargeback_threat",)),
    ("Pritožbo sem poslal že trikrat, brez odgovora.", 1, ("legal_threat",)),
    ("Barva je ognjeno rdeča, ne pa bordo kot na sliki.", 2, ("safety",)),
    ("Kremo sem vrnila, ker mi vonj ni bil všeč.", 2, ("health_injury",)),
]

CASES = CASES_1
CONTROLS = CONTROLS_1


test_main_topic_and_reasons = case_test("sl", CASES)


test_controls = control_test("sl", CONTROLS)
