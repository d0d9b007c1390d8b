"""Polarity words, negators and emoji. The lexicon model (`sentiment.py`) turns their counts into
language-independent features, so weights learned on English data apply to every language that
has a list here."""

POLARITY: dict[str, dict[str, str]] = {
    "positive": {
        "en": """good, great, excellent*, amazing*, awesome*, love, loved, loving, lovely, perfect*,
            fantastic*, wonderful*, recommend*, happy, satisfied, pleased, nice, beautiful*, best,
            fast, quick*, super, superb*, brilliant*, delight*, thank*, impress*, outstanding*,
            enjoy*, smooth*, comfortable*, worth it, glad, flawless*, well made, top notch,
            terrific*,
            gorgeous*, 5 stars, five stars, cute, friendly, helpful, as described, spot on""",
        "de": """gut, gute*, guter, bestens, super, toll*, prima, klasse, perfekt*, ausgezeichnet*,
            hervorragend*, zufrieden*, empfehl*, schnell*, schone*, begeistert*, top,
            danke*, wunderbar*, einwandfrei*, spitze, freundlich*, grossartig*, fantastisch*,
            genial*, klasse, gerne wieder, jederzeit wieder, hochwertig*, zuverlassig*,
            blitzschnell*, reibungslos*""",
        "sl": """dober, dobra, dobro, dobri, dobre, dobrega, odlic*, super, zadovolj*, priporoc*,
            hitr*, lep, lepa, lepo, lepi, lepe, hvala, popoln*, vrhun*, perfekt*, top, navdusen*,
            pohval*, krasn*, cudovit*, prijazn*, kvalitetn*, kakovostn*, brezhibn*, vsec,
            odlicn*, top izdelek, priporocljiv*, zanesljiv*""",
        "lv": """labs, laba, labi, labu, labas, labais, labak*, izcil*, lielisk*, super*,
            apmierin*, iesak*, atri, atra, atrs, atrak*, paldies, patik*, perfekt*, brinisk*,
            skaist*, kvalitativ*, ieteic*, prieks, priecig*, top, teicam*, forsi, forss, ideal*,
            ertu, erts, erta, uzticam*""",
        "ro": """bun, buna, bune, buni, excelent*, super, minunat*, perfect*, multumit*, multumesc,
            recomand*, rapid*, frumos, frumoas*, frumosi, incantat*, grozav*, impecabil*, top,
            placut*, fantastic*, extraordinar*, superb*, ireprosabil*, calitativ*, mersi,
            satisfacut*, de calitate""",
    },
    "negative": {
        "en": """bad, terrible*, awful*, horrib*, poor*, worst, disappoint*, broken, broke, damag*,
            useless*, waste*, never arriv*, late, slow*, wrong, angry, annoy*, hate*, disgust*,
            rubbish, garbage, junk, crap, crappy, fake, defect*, faulty, fault*, problem*,
            complain*, unhappy, dissatisf*, unaccept*, ridiculous*, pathetic*, scam*, avoid,
            missing, lost, stopped working, doesn t work, didn t work, not working, never again,
            cheaply made, flimsy, overpriced, mediocre, nightmare*, shame*, shoddy, worse, rude*,
            unprofessional*, incompetent*, ripoff, rip off, ripped off, misleading, not received,
            never received, still waiting, don t buy, do not buy, sucks, dreadful*, horrendous*,
            unusable, refund*""",
        "de": """schlecht*, schlimm*, furchtbar*, schrecklich*, enttausch*, kaputt*, beschadig*,
            defekt*, mangelhaft*, langsam*, verspat*, falsch*, arger*, argerlich*, unzufrieden*,
            katastroph*, mies*, mull, schrott*, betrug*, nie wieder, nicht angekommen,
            nie angekommen, funktioniert nicht, leider, unbrauchbar*, unverschamt*, frech*,
            problem*, minderwertig*, uberteuert*, abzocke*, finger weg, nicht empfehlenswert,
            nicht zu empfehlen, unfreundlich*, zerbroch*, frechheit*, enttauschend*, fehlerhaft*,
            billig verarbeitet, geht nicht, keine antwort""",
        "sl": """slab*, grozn*, katastrof*, razocar*, zanic, pokvar*, polomlj*, zlomlj*,
            poskodovan*, napacn*, zamud*, zamuj*, pocasn*, nezadovolj*, nikoli vec, jezen, jezna,
            bedn*, beda, nesramn*, smeti, ogabn*, obupn*, zal, problem*, ne deluje, ne dela,
            ni prispel*, nisem prejel*, nisem dobil*, ne priporocam, prevar*, goljuf*, sramot*,
            neuporab*, nekvalitetn*, razbit*, brez odgovora, nihce ne odgovori, ne odgovarja*""",
        "lv": """slikt*, briesmig*, saplis*, salauz*, bojat*, vilsan*, vilies, vilusies,
            neapmierin*, neiesak*, nepatik*, nestrada*, kavej*, lens, lena, leni, lenak*,
            nekvalitativ*, krapniek*, krapniec*, sudzib*, problem*, kluda, kludu, kludas,
            nepareiz*, drazas, mesli, negodig*, nav sanemt*, neesmu sanem*, nekad vairs,
            drausmig*, saniknot*, dusmig*, neatbild*, nelietojam*, sasist*""",
        "ro": """prost, proasta, proaste, prosti, groaznic*, oribil*, dezamag*, stricat*, spart*,
            deteriorat*, defect*, intarzi*, lent, lenta, gresit*, nemultumit*, teapa, jalnic*,
            rusine, rusinos*, inacceptabil*, problema*, probleme, nu functioneaza, nu merge,
            nu a ajuns, nu am primit, nu recomand, niciodata, inselat*, inselatori*, frauda*,
            dezastru*, executat* prost, nasol*, varza, mizerabil*, nu raspund*, bataie de joc""",
    },
}

# A negator flips the polarity of a term starting within the next NEGATION_WINDOW tokens.
# Latvian and Slovenian often negate with a prefix (neiesaku, nezadovoljen): those forms are in
# POLARITY itself. Romanian "ne" (us) is not a negator, Latvian/Slovenian "ne" is.
NEGATION_WINDOW = 3
NEGATORS: dict[str, str] = {
    "en": """not, no, never, don, doesn, didn, isn, wasn, aren, weren, won, wouldn, couldn,
        cannot, hardly, without, nothing, neither, nor""",
    "de": "nicht, kein, keine, keinen, keiner, keinem, nie, niemals, ohne, kaum, nichts",
    "sl": "ne, ni, nisem, nismo, niso, nisi, nikoli, brez, nobene*, niti, nic",
    "lv": "ne, nav, nekad, bez, nebija, nebus, nemaz, neviens, nekas",
    "ro": "nu, nici, fara, niciun, nicio, nimic",
}

# Emoji carry sentiment in every language; an emoji-only review still says something.
POSITIVE_EMOJI = frozenset("😍🥰😊🙂😀😃😄😁👍💯🌟👌🙏🎉😻💕💖💗💓❤♥💚💙💛🤩☺😇👏🔥✨🥳😎💪⭐")
NEGATIVE_EMOJI = frozenset("😡🤬😠👎💩😤😞😢😭🙁☹😒🤮😣😩😫😖😕🤢😑🙄💔😬")
