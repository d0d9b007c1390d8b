"""Function words that are frequent in one of the five languages and rare in the others (and in
their close neighbours: Slovenian "sem" not Croatian "sam"). They settle the language of most
reviews in microseconds; lingua decides the rest (see language.py)."""

STOPWORDS: dict[str, str] = {
    "en": """the, and, is, was, it, this, that, with, for, of, not, very, but, they, my, have,
        had, are, were, you, would, from, just, after, again, be, an, what, which, there, their,
        about, been, will, at, did, didn, doesn, we, our, your, has, all, only, because""",
    "de": """und, ist, nicht, der, das, ich, sehr, mit, auch, aber, ein, eine, es, wir, auf,
        fur, wie, noch, nur, mein, meine, hat, haben, wurde, leider, alles, wurden, kein, keine,
        dem, den, sich, sind, bei, nach, nichts, einen, schon""",
    "sl": """je, sem, zelo, ki, pa, tudi, se, so, smo, ste, ni, bil, bila, bilo, kot, ampak,
        ker, samo, vse, ter, nisem, sploh, kar, vendar, moj, moja, mi, bo, lahko, sta, le""",
    "lv": """ir, un, bet, ka, ar, par, uz, loti, nav, bija, man, mans, viss, tas, kas, jo, lai,
        vai, ari, tikai, pec, esmu, nebija, visu, vel, ta, tad, kad, bus, mums, es""",
    "ro": """si, este, nu, cu, pe, foarte, dar, pentru, care, sunt, fost, din, sa, mai, doar,
        acest, aceasta, produsul, ca, nici, dupa, decat, sau, iar, avut""",
}
