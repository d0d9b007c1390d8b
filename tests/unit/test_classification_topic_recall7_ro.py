"""Romanian recall of every complaint topic, round 7 (issue #21, releases 2026.12.32 and .34).

Two development sets of 100 negative 1-2 star Romanian reviews each (ten per complaint topic as
the main one, a third informal), written on 2026-12-06 by two helpers who read no file of the
project; now tests/fixtures/classification/topic-train-ro.jsonl, which trains the topic head. Set
A's misses prompted the list changes; set B was then run as the held-out check of them (82 -> 83
of 100 main topics on the second pass) before its own misses prompted more. No figure of
`evaluate` moved by the phrases (the frozen set's Romanian main topics stayed 26 of 30: its
misses are other phrasings). Each case names the review's main topic, which must be among the
topics found; five are shortened from the written review (its topic phrase kept). Release
2026.12.34 narrowed the phrases after a review found their first forms catching the controls
below.
"""

from tests.support.topic_terms import case_test, control_test

CASES = [
    (
        "mi-am luat incarcator pt masina si dupa 3 zile nu mai incarca nimic, ledul se aprinde"
        " si atat. am vrut sa-l trimit inapoi dar procedura de retur e de nu te mai prinde,"
        " formulare, etichete, nimic clar. las balta",
        1,
        "product_quality",
    ),
    ("Ceasul a rămas în urmă încă din prima zi.", 2, "product_quality"),
    (
        "Am ales verde oliv, dar a venit un kaki spălăcit care nu are nicio legătură cu culoarea"
        " comandată.",
        2,
        "wrong_item",
    ),
    (
        "am dat 250 de lei si l-am vazut pe alt site la 130, acelasi model. si a mai si venit"
        " dupa 2 saptamani",
        1,
        "price_value",
    ),
    (
        "Pentru 600 de lei mă așteptam la o geantă din piele adevărată, nu la o imitație care se"
        " cojește.",
        1,
        "price_value",
    ),
    ("Taxe ascunse la livrare. Nu mai comand de aici.", 1, "customs_fees"),
    (
        "sun la nr de pe site si intra robotul, apas tasta 3 cum zice si se inchide. de 4 ori"
        " mi-a facut asa",
        1,
        "customer_service",
    ),
    (
        "Am cerut o factură corectată de trei ori. Mi s-a spus de fiecare dată că se rezolvă,"
        " dar nu s-a întâmplat nimic.",
        2,
        "customer_service",
    ),
    ("Plata cu cardul eșuează de fiecare dată.", 2, "website_checkout"),
    (
        "Revând produse cosmetice și am comandat un bax de 48 de șampoane. Baxul a sosit"
        " desfăcut, trei flacoane curseseră peste celelalte și totul era lipicios.",
        2,
        "damaged_packaging",
    ),
    (
        "Mi-am cumpărat un tensiometru electronic pe care îl lăudau toți. Îmi arată de fiecare"
        " dată altă valoare, la un minut distanță.",
        1,
        "product_quality",
    ),
    (
        "Am luat zece rafturi metalice pentru depozitul magazinului. Tabla e atât de subțire"
        " încât se îndoaie sub câteva baxuri de conserve.",
        1,
        "product_quality",
    ),
    (
        "Blugii aveau lungimea 32 pe etichetă, dar măsurați aveau abia 29. După prima spălare"
        " s-au strâns și mai mult.",
        1,
        "size_fit",
    ),
    (
        "costumul de carnaval pt 5-6 ani nu intra nici pe fetita mea de 4 ani. pe ce copii"
        " masoara astia?",
        1,
        "size_fit",
    ),
    (
        "Placă video din Marea Britanie, cu «transport gratuit», zicea anunțul. La ușă am mai"
        " dat 400 de lei taxe, iar coletul a și întârziat o săptămână.",
        1,
        "customs_fees",
    ),
    (
        "pe langa produs am mai dat 35 lei 'taxa de procesare' la curier, nimeni nu m-a"
        " anuntat. ce taxa e asta",
        1,
        "customs_fees",
    ),
    ("Plata cu cardul a eșuat de cinci ori.", 2, "website_checkout"),
    (
        "am stat pana la 12 noaptea sa comand jucariile de mos craciun pt cei 3 copii. la final"
        " zice 'eroare 500' si nu stiu daca s-a plasat comanda",
        1,
        "website_checkout",
    ),
    (
        "Adresa de livrare nu se salvează, la fiecare comandă o scriu din nou și tot dispare.",
        2,
        "website_checkout",
    ),
]

# What the new phrases must not catch: a dented box is no faulty product (round 6 has the same
# control), a paid card is no checkout failure, a kept delivery promise is no delay nor a
# service complaint. The rest, each caught by a first, wider form of a phrase (a review of the
# change found them): idioms, praise, furniture that comes flat-packed, a washing machine's
# error code, a comparison in the shop's favour.
CONTROLS = [
    ("Cutia s-a îndoit puțin în transport, dar produsul e intact.", 4, ("product_quality",)),
    ("Am plătit cu cardul fără nicio problemă, a ajuns repede.", 5, ("website_checkout",)),
    (
        "Mi s-a spus că ajunge marți și a ajuns marți.",
        5,
        ("delivery_delay", "customer_service"),
    ),
    ("Tensiometrul arată aceleași valori ca aparatul de la medic.", 5, ("product_quality",)),
    ("Mi s-a zis de la o prietenă că e bun, și chiar e.", 5, ("customer_service",)),
    ("Soției nu-i vine să creadă cât de moale e pătura.", 5, ("size_fit",)),
    ("Ceasul e etanș, nu-i intră apă nici la duș.", 5, ("size_fit",)),
    ("În realitate are culori și mai frumoase decât în poze.", 5, ("size_fit",)),
    (
        "Dulapul a sosit desfăcut, cu instrucțiuni clare, l-am montat ușor.",
        5,
        ("damaged_packaging",),
    ),
    ("Tivul a venit desfăcut, dar l-am cusut repede.", 3, ("damaged_packaging",)),
    (
        "Nu are nicio legătură cu ce găsești în supermarket, e mult mai bună!",
        5,
        ("wrong_item",),
    ),
    ("Lâna e din Marea Britanie, calitate superioară.", 5, ("customs_fees",)),
    ("Raftul e solid, nu se îndoaie deloc.", 5, ("product_quality",)),
    ("Laptopul e atât de subțire și ușor.", 5, ("product_quality",)),
    ("Am luat două seturi cu valori diferite, exact ce trebuia.", 5, ("product_quality",)),
    ("La mașina de spălat apare eroare E21 după o lună.", 1, ("website_checkout",)),
    ("Setările televizorului nu se salvează după oprire.", 2, ("website_checkout",)),
    ("Nu mai merg la alt magazin, aici găsesc tot.", 5, ("price_value",)),
]

test_main_topic = case_test("ro", CASES, ())


test_controls = control_test("ro", CONTROLS)
