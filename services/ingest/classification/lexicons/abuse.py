"""Signals that a review may break the review policy. They make a review a *candidate* for a
moderator; nothing is removed automatically, and negativity is never one of them."""

# Insults, slurs and sexual abuse aimed at people: a removal candidate.
PROFANITY_STRONG: dict[str, str] = {
    "en": """fuck*, motherfuck*, asshole*, arsehole*, bastard*, bitch*, idiot*, moron*,
        retard*, cunt*, dickhead*, wanker*, scumbag*, piece of shit, son of a bitch, dumbass*,
        imbecile*, twat*""",
    "de": """arschloch*, arschlocher*, wichser*, hurensohn*, hurensohne*, vollidiot*, idiot*,
        depp*, trottel*, dreckspack*, missgeburt*, fotze*, spast*, drecksau*, penner*,
        schlampe*, verpiss*, fick dich, fickt euch, leck mich""",
    "sl": """pizd*, kurac, kurc*, jebem*, jebi*, jebe*, fuk*, idiot*, kreten*, debil*,
        bedak*, tepec, tepci, tepca, kurba*, peder*, mater ti, pes ti mater""",
    "lv": """dirsa, dirsu, dirsas, pizd*, huj*, mauka*, idiot*, debil*, kretin*, pidar*,
        pidors, sukaj*, mudak*, nahuj*""",
    "ro": """pula, pulii, muie, futu*, futut*, fute*, pizd*, idiot*, cretin*, dobitoc*, tampit*,
        nesimtit*, jegos*, curva, curve, curvele, mortii, ma tii, bulangi*, labagi*""",
}
# Swearing about the situation ("this is crap"): reported, but a heated complaint is still a
# legitimate review, so it alone does not make a removal candidate.
PROFANITY_MILD: dict[str, str] = {
    "en": "shit*, bullshit, crap, crappy, damn*, bloody hell, wtf, stupid, dumb, hell",
    "de": "scheiss*, scheis*, mist, verdammt*, kacke, beschissen*, bescheuert*, dumm*",
    "sl": "sranje, sranja, drek, drekec, zanic, hudic*, prekleto, zajebal*, zajeban*",
    "lv": "sudi, sudu, sudigs, ble, bleee, velns, velna, stulb*, mulk*",
    "ro": "rahat, cacat, naiba, dracu, dracului, prost facut, naspa",
}

SPAM: dict[str, str] = {
    "en": """buy now, click here, order now, visit my, check out my, discount code, promo code,
        coupon code, use code, use my code, referral code, whatsapp, telegram, earn money,
        make money, work from home, bitcoin, crypto*, follow me, dm me, free gift, limited offer""",
    "de": """jetzt kaufen, hier klicken, jetzt bestellen, rabattcode*, gutscheincode*,
        mein code, verdienen sie, geld verdienen, folgt mir""",
    "sl": """kupi zdaj, kupite zdaj, klikni tukaj, kliknite tukaj, koda za popust, kodo za popust,
        promocijsk* kod*, zasluzi*, sledite mi""",
    "lv": """perc tagad, pasuti tagad, spied seit, klikskini seit, atlaides kod*, promo kod*,
        nopelni*, seko man""",
    "ro": """cumpara acum, cumparati acum, comanda acum, click aici, apasa aici, cod de reducere,
        cod promotional, codul meu, castiga bani, urmariti ma""",
}

# Other businesses. Named alone, a competitor is a comparison, which is a legitimate review;
# next to a purchase verb ("ordered it on Temu") the review is probably not about this shop.
# The shop's own name is not known here, so this stays a modest heuristic.
COMPETITORS = """amazon, ebay, aliexpress, temu, shein, zalando, etsy, allegro, emag, bol com,
    kaufland, aboutyou, mimovrste, bigbang, pigu, 220 lv, ksenukai, altex, fashiondays,
    mediamarkt, media markt, jysk, decathlon"""
# A purchase verb within a few tokens of a competitor's name.
PURCHASE_VERBS: dict[str, str] = {
    "en": "bought, ordered, purchased, got it from, got mine from",
    "de": "gekauft, bestellt, erworben",
    "sl": "kupil*, narocil*",
    "lv": "nopirk*, pasutij*, pirku",
    "ro": "cumparat*, comandat*",
}
WRONG_TARGET: dict[str, str] = {
    "en": """wrong shop, wrong store, wrong review, review is for, meant for another,
        this review is about, not about this shop, different shop, another shop""",
    "de": "falscher shop, falsche bewertung, bewertung ist fur, anderen shop, anderer shop",
    "sl": "napacna trgovina, napacno trgovino, druga trgovina, drugo trgovino, ocena je za",
    "lv": "nepareizais veikals, cits veikals, citu veikalu, atsauksme ir par",
    "ro": "magazin gresit, alt magazin, recenzia este pentru, recenzie gresita",
}
