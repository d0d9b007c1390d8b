"""Questions a shop may answer automatically from its FAQ. A review is a question only when it has
a question mark or opens with a question word; the type comes from these terms."""

QUESTION_TYPES: dict[str, dict[str, str]] = {
    "shipping_time": {
        "en": """how long, when will, when does it ship, when do you ship, delivery time,
            shipping time, how many days, when can i expect, ship to, deliver to, arrive by""",
        "de": """wie lange, wann kommt, wann wird, wann versendet, lieferzeit*, versanddauer,
            wie viele tage, wann kann ich""",
        "sl": """koliko casa, kdaj bo, kdaj pride, kdaj prispe, kdaj posljete, rok dostave,
            cas dostave, koliko dni, dostavljate v""",
        "lv": """cik ilgi, cik ilgs, kad bus, kad pienaks, kad atsutisiet, piegades laiks,
            piegades termin*, cik dienas, cik dienam""",
        "ro": """cat dureaza, cand ajunge, cand va ajunge, cand trimiteti, termen de livrare,
            timp de livrare, timpul de livrare, cate zile, in cate zile""",
    },
    "opening_hours": {
        "en": """opening hours, opening times, open on, are you open, when do you open,
            when do you close, business hours, closing time, store hours""",
        "de": """offnungszeit*, geoffnet, habt ihr offen, haben sie offen, wann offnet*,
            wann schliesst*""",
        "sl": """odpiralni cas, delovni cas, ste odprti, imate odprto, kdaj odprete,
            kdaj zaprete, odprto ob""",
        "lv": """darba laiks, darba laiki, darba laiku, kad atverat, vai esat atverti,
            kad strada*""",
        "ro": """program de lucru, programul, orar*, sunteti deschisi, deschis duminica,
            cand deschideti, cand inchideti""",
    },
    "free_delivery": {
        "en": """free shipping, free delivery, shipping cost*, delivery cost*, delivery fee*,
            shipping fee*, postage, how much is shipping, how much is delivery""",
        "de": """versandkosten*, kostenlos* versand, kostenlos* lieferung, gratis versand,
            gratis lieferung, portofrei*, versandkostenfrei*, versandgebuhr*""",
        "sl": """brezplacn* dostav*, brezplacn* postnin*, postnin*, strosk* dostave,
            dostava zastonj, cena dostave, koliko stane dostava""",
        "lv": """bezmaksas piegad*, piegades maks*, piegades izmaks*, cik maksa piegade,
            piegade bez maksas""",
        "ro": """livrare gratuit*, transport gratuit*, cost* de livrare, costul livrarii,
            taxa de livrare, cat costa transportul, cat costa livrarea""",
    },
    "stock": {
        "en": """in stock, back in stock, out of stock, available again, availability, restock*,
            will you have, do you have, sold out""",
        "de": """auf lager, lagernd, verfugbar*, wieder da, wieder erhaltlich, nachschub,
            ausverkauft, habt ihr, haben sie noch""",
        "sl": """na zalogi, zalog*, na voljo, razprodan*, bo spet, boste imeli, imate se""",
        "lv": """noliktav*, pieejam*, izpardot*, bus atkal, vai jums ir""",
        "ro": """in stoc, stoc*, disponibil*, epuizat*, mai aveti, veti avea""",
    },
}

QUESTION_OPENERS: dict[str, str] = {
    "en": "how, when, where, what, why, do, does, is, are, can, will, which",
    "de": "wie, wann, wo, was, warum, gibt, habt, haben, ist, kann, konnen, wird",
    "sl": "kako, kdaj, kje, kaj, zakaj, ali, koliko, imate, je",
    "lv": "ka, kad, kur, kas, kapec, vai, cik",
    "ro": "cum, cand, unde, ce, de ce, aveti, este, cat, cate",
}
