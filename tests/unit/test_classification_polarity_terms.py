"""Polarity words and negators (lexicons/sentiment.py) on short shop reviews in en, de, sl, lv, ro.

The cases were written for issue #21 from how shoppers write, independently of the frozen
evaluation sets; with and without diacritics. For de, sl, lv and ro the list counts alone decide
the text's sentiment whenever a listed word occurs, so these lists are what these cases test:
praise and complaint words with their inflections, negators (Latvian ne- verbs as terms),
negated complaints ("never had a problem" is praise), praise words in a complaint's role ("it
was nice while it lasted"). `rating` None: the text alone decides.

Written in batches (DE, DE_2 ...): each batch's comment says how many of its reviews the lists
got right before the changes it prompted, the nearest thing to a held-out figure here. The
frozen sets (tests/fixtures/classification/frozen-*) were not read.
"""

from typing import Any

import pytest

from services.ingest.classification import Classifier, ReviewInput
from services.ingest.classification.scan import Scanner
from services.ingest.classification.text import prepare


@pytest.fixture(scope="module")
def scanner() -> Scanner:
    return Scanner()


# English text is read by the English head (n-grams, word valences and these lists' counts as
# features): list changes reach it only after the coordinator retrains, hence the xfails.
_EN_HEAD = pytest.mark.xfail(reason="English head: n-gram weights, list features need a retrain")

EN = [
    # Praise told by negating a complaint (release 2026.12.40, sentiment._praise_by_negation).
    ("en", "Never had a problem with this shop.", None, "positive"),
    ("en", "No problems at all, arrived quickly.", None, "positive"),
    ("en", "Lack of good accessories, the case feels cheap.", None, "negative"),
    ("en", "It was nice while it lasted.", 2, "negative"),
    ("en", "Great quality, fast delivery!", 5, "positive"),
    ("en", "Arrived broken and support ignores me.", None, "negative"),
    ("en", "Good product, would buy again.", None, "positive"),
    ("en", "Not worth the money, fell apart in a week.", None, "negative"),
    pytest.param("en", "I am not happy with the quality.", None, "negative", marks=_EN_HEAD),
    ("en", "Works perfectly, no complaints.", None, "positive"),
    pytest.param(
        "en", "Still waiting for my order after three weeks.", None, "negative", marks=_EN_HEAD
    ),
    ("en", "Love it, fits perfectly.", None, "positive"),
    pytest.param("en", "Not great, not terrible, just okay.", 3, "neutral", marks=_EN_HEAD),
    ("en", "Zero issues, the shop was super helpful.", None, "positive"),
]

DE = [
    ("de", "Alles problemlos, schnelle Lieferung.", None, "positive"),
    ("de", "Hatte nie Probleme mit dem Shop, immer wieder gern.", None, "positive"),
    ("de", "Keine Probleme, Ware wie beschrieben.", None, "positive"),
    ("de", "Bin total begeistert, die Jacke sitzt super.", None, "positive"),
    ("de", "Tolles Produkt, würde ich sofort wieder kaufen.", None, "positive"),
    ("de", "Sehr schöne Tasche, gute Verarbeitung.", None, "positive"),
    ("de", "Die Schuhe sind echt bequem, ich bin sehr zufrieden.", None, "positive"),
    ("de", "Hat super funktioniert, nichts zu meckern.", None, "positive"),
    ("de", "Ich kann mich nicht beschweren, alles bestens.", None, "positive"),
    ("de", "Einwandfreie Abwicklung, jederzeit gerne wieder!", 5, "positive"),
    ("de", "Die Qualität ist nicht gut, nach zwei Wochen kaputt.", None, "negative"),
    ("de", "Leider nicht zufrieden, die Farbe ist ganz anders.", None, "negative"),
    ("de", "Nach fast drei Wochen immer noch nicht da.", None, "negative"),
    ("de", "Totaler Reinfall, das Geld nicht wert.", None, "negative"),
    ("de", "Es war schön, solange es gehalten hat.", 2, "negative"),
    ("de", "Ware kam beschädigt an, der Kundenservice reagiert nicht.", 5, "negative"),
    ("de", "Nie wieder bei diesem Shop, absolute Abzocke!", None, "negative"),
    ("de", "Hält nicht, was es verspricht.", None, "negative"),
    ("de", "Ich bin mit dem Kauf sehr unzufrieden.", None, "negative"),
    ("de", "Nicht schlecht, aber auch nichts Besonderes.", 3, "neutral"),
    ("de", "Sehr enttaeuscht, die Ware ist billig verarbeitet", None, "negative"),
]

SL = [
    ("sl", "Vse je bilo brez težav, hitra dostava.", None, "positive"),
    ("sl", "Nikoli nisem imela težav s to trgovino.", None, "positive"),
    ("sl", "Nobenih težav, vse kot opisano.", None, "positive"),
    ("sl", "Izdelek je super, zelo sem zadovoljna.", None, "positive"),
    ("sl", "Čudovita obleka, lepo se prilega.", None, "positive"),
    ("sl", "Odlicna izkusnja, vse pohvale!", None, "positive"),
    ("sl", "Res super hitro dostavljeno, hvala!", 5, "positive"),
    ("sl", "Ni kaj dodati, top trgovina.", None, "positive"),
    ("sl", "Kvaliteta je zanič, po enem tednu se je strgalo.", None, "negative"),
    ("sl", "Nisem zadovoljen, barva je čisto drugačna.", None, "negative"),
    ("sl", "Paket še vedno ni prišel, nihče se ne oglasi.", None, "negative"),
    ("sl", "Ne priporočam, denar vržen stran.", None, "negative"),
    ("sl", "Bilo je lepo, dokler je zdržalo.", 2, "negative"),
    ("sl", "Zelo slaba kakovost, ne splača se.", None, "negative"),
    ("sl", "Pokvarjeno je prispelo in nihče ne odgovarja na maile.", 5, "negative"),
    ("sl", "Razočarana sem, ne dela kot bi moralo.", None, "negative"),
    ("sl", "Ni slabo, ampak nič posebnega.", 3, "neutral"),
    ("sl", "Sploh ni vredno denarja, zelo sem jezna.", None, "negative"),
]

LV = [
    ("lv", "Nekad nav bijis problēmu ar šo veikalu.", None, "positive"),
    ("lv", "Viss bez problēmām, ātra piegāde.", None, "positive"),
    ("lv", "Ļoti apmierināta, noteikti pasūtīšu vēl!", None, "positive"),
    ("lv", "Skaista kleita, der perfekti.", None, "positive"),
    ("lv", "Loti labs veikals, iesaku visiem", None, "positive"),
    ("lv", "Ātri un bez problēmām, paldies!", None, "positive"),
    ("lv", "Nekādu problēmu, viss kā aprakstīts.", None, "positive"),
    ("lv", "Ļoti forša jaka, esmu sajūsmā!", None, "positive"),
    ("lv", "Prece neatbilst aprakstam, neiesaku.", None, "negative"),
    ("lv", "Nestrādā jau pēc nedēļas, nauda izmesta vējā.", None, "negative"),
    ("lv", "Neesmu apmierināta ar kvalitāti.", None, "negative"),
    ("lv", "Paka vēl joprojām nav pienākusi.", None, "negative"),
    ("lv", "Bija labi, kamēr turējās.", 2, "negative"),
    ("lv", "Kvalitāte briesmīga, esmu vīlusies.", 5, "negative"),
    ("lv", "Nepatika, materiāls plāns un lēts.", None, "negative"),
    ("lv", "Nevaru ieteikt, prece saplīsa otrajā dienā.", None, "negative"),
    ("lv", "Nav slikti, bet nekas īpašs.", 3, "neutral"),
    ("lv", "Nav tā vērts, naudas izšķiešana.", None, "negative"),
]

RO = [
    ("ro", "Niciodată nu am avut probleme cu acest magazin.", None, "positive"),
    ("ro", "Fără probleme, livrare rapidă.", None, "positive"),
    ("ro", "Sunt foarte mulțumită, recomand!", None, "positive"),
    ("ro", "Calitate excelentă, mulțumesc!", None, "positive"),
    ("ro", "Foarte bun, livrare rapida, recomand cu incredere", None, "positive"),
    ("ro", "Nicio problemă, totul a fost perfect.", None, "positive"),
    ("ro", "Coletul ne-a ajuns repede, arată foarte bine.", None, "positive"),
    ("ro", "Produs de calitate slabă, nu merită banii.", None, "negative"),
    ("ro", "Nu sunt mulțumit de calitate.", None, "negative"),
    ("ro", "Coletul nici acum nu a sosit.", None, "negative"),
    ("ro", "A fost frumos cât a durat.", 2, "negative"),
    ("ro", "Total dezamăgit, s-a stricat după o săptămână.", 5, "negative"),
    ("ro", "Produsul a venit deteriorat si nimeni nu raspunde.", None, "negative"),
    ("ro", "Nu recomand acest magazin, bani aruncați.", None, "negative"),
    ("ro", "Nu mai comand niciodată de aici.", None, "negative"),
    ("ro", "Nu e rău, dar nimic special.", 3, "neutral"),
    ("ro", "Niciodata nu am fost dezamagita de acest magazin.", None, "positive"),
    ("ro", "Calitate foarte proasta, nu merita banii", 5, "negative"),
]


# A second batch, written after the first list changes and run before the second ones.
DE_2 = [
    ("de", "Die Lieferung kam pünktlich und die Qualität überzeugt.", None, "positive"),
    ("de", "Passt wie angegossen, ich liebe diese Hose.", None, "positive"),
    ("de", "Der Artikel ist nach einer Woche kaputt gegangen, echt ärgerlich.", None, "negative"),
    ("de", "Ware nie angekommen, Geld bis heute nicht zurück.", None, "negative"),
    ("de", "Leider total enttäuscht, sieht billig aus.", None, "negative"),
    ("de", "Super Preis-Leistungs-Verhältnis, klare Kaufempfehlung!", None, "positive"),
    ("de", "Der Versand hat ewig gedauert und niemand antwortet auf Mails.", None, "negative"),
    ("de", "Kann ich nur weiterempfehlen, sehr netter Kontakt.", None, "positive"),
    ("de", "Das Teil ist Schrott, Finger weg!", None, "negative"),
    ("de", "Funktioniert nicht richtig, der Akku hält kaum.", None, "negative"),
    ("de", "Schnell geliefert, gut verpackt, alles bestens.", None, "positive"),
    ("de", "Nicht zu empfehlen, die Nähte lösen sich schon.", None, "negative"),
    ("de", "Gute Qualität, nur die Lieferung hat etwas gedauert.", 4, "positive"),
    ("de", "Geht so, für den Preis okay.", 3, "neutral"),
    ("de", "Bin rundum zufrieden, keine Mängel.", 5, "positive"),
    ("de", "Falsche Größe geschickt und Rücksendung kostet extra.", 1, "negative"),
    ("de", "Naja, sieht schön aus, aber das Material ist dünn.", 2, "negative"),
    ("de", "Mega schnell da und top Qualität, danke!", None, "positive"),
    ("de", "Die Farbe ist anders als auf dem Bild, bin nicht begeistert.", None, "negative"),
    ("de", "Habe bis jetzt keine Antwort vom Kundendienst bekommen.", None, "negative"),
]

SL_2 = [
    ("sl", "Dostava je bila hitra, izdelek pa točno tak kot na sliki.", None, "positive"),
    ("sl", "Zelo lepa torbica, kvaliteta odlična.", None, "positive"),
    ("sl", "Po dveh dneh se je pokvaril, ne priporočam.", None, "negative"),
    ("sl", "Naročilo še vedno ni prispelo, čakam že tri tedne.", None, "negative"),
    ("sl", "Zelo sem razočarana nad kakovostjo.", None, "negative"),
    ("sl", "Vse je prišlo v redu, hvala lepa!", None, "positive"),
    ("sl", "Obupna storitev, nihče ne odgovarja na klice.", None, "negative"),
    ("sl", "Ful dobra cena in hitro pošiljanje.", None, "positive"),
    ("sl", "Izdelek ne ustreza opisu, material je cenen.", None, "negative"),
    ("sl", "Brez težav vračilo, prijazno osebje.", None, "positive"),
    ("sl", "Slaba izkušnja, paket je bil poškodovan.", None, "negative"),
    ("sl", "Priporočam to trgovino, že tretjič naročam.", None, "positive"),
    ("sl", "Dober izdelek, le dostava je malo zamujala.", 4, "positive"),
    ("sl", "Je v redu, nič posebnega.", 3, "neutral"),
    ("sl", "Sem zelo zadovoljna, nobenih pripomb.", 5, "positive"),
    ("sl", "Dobila sem napačno velikost in denarja še nisem dobila nazaj.", 1, "negative"),
    ("sl", "Lepo izgleda, ampak se hitro strga.", 2, "negative"),
    ("sl", "Nikoli več ne naročim pri vas.", None, "negative"),
    ("sl", "Zanic kvaliteta, denar vrzen stran", None, "negative"),
    ("sl", "Res sem navdušena, vse je super.", None, "positive"),
]

LV_2 = [
    ("lv", "Piegāde bija ātra, prece atbilst aprakstam.", None, "positive"),
    ("lv", "Ļoti kvalitatīvs produkts, esmu apmierināts.", None, "positive"),
    ("lv", "Pēc divām dienām salūza, neiesaku.", None, "negative"),
    ("lv", "Pasūtījums joprojām nav saņemts, atbildes nav.", None, "negative"),
    ("lv", "Esmu vīlusies, kvalitāte ļoti slikta.", None, "negative"),
    ("lv", "Viss lieliski, paldies!", None, "positive"),
    ("lv", "Šausmīga apkalpošana, neviens neatbild uz zvaniem.", None, "negative"),
    ("lv", "Super cena un ātra piegāde.", None, "positive"),
    ("lv", "Prece neatbilst bildei, materiāls lēts.", None, "negative"),
    ("lv", "Atgriešana bez problēmām, laipns personāls.", None, "positive"),
    ("lv", "Slikta pieredze, paka bija sabojāta.", None, "negative"),
    ("lv", "Iesaku šo veikalu, pasūtu jau trešo reizi.", None, "positive"),
    ("lv", "Labs produkts, tikai piegāde nedaudz kavējās.", 4, "positive"),
    ("lv", "Normāli, nekas īpašs.", 3, "neutral"),
    ("lv", "Ļoti apmierināta, nav nekādu iebildumu.", 5, "positive"),
    ("lv", "Saņēmu nepareizu izmēru, un naudu joprojām neatmaksā.", 1, "negative"),
    ("lv", "Izskatās skaisti, bet ātri saplīst.", 2, "negative"),
    ("lv", "Nekad vairs nepasūtīšu no jums.", None, "negative"),
    ("lv", "Slikta kvalitate, nauda izmesta", None, "negative"),
    ("lv", "Esmu sajūsmā, viss ir lieliski.", None, "positive"),
]

RO_2 = [
    ("ro", "Livrarea a fost rapidă, produsul exact ca în poză.", None, "positive"),
    ("ro", "Geantă foarte frumoasă, calitate excelentă.", None, "positive"),
    ("ro", "S-a stricat după două zile, nu recomand.", None, "negative"),
    ("ro", "Comanda tot nu a ajuns, aștept de trei săptămâni.", None, "negative"),
    ("ro", "Sunt foarte dezamăgită de calitate.", None, "negative"),
    ("ro", "Totul a fost ok, mulțumesc frumos!", None, "positive"),
    ("ro", "Servicii groaznice, nimeni nu răspunde la telefon.", None, "negative"),
    ("ro", "Preț super și livrare rapidă.", None, "positive"),
    ("ro", "Produsul nu corespunde descrierii, material ieftin.", None, "negative"),
    ("ro", "Retur fără probleme, personal amabil.", None, "positive"),
    ("ro", "Experiență proastă, coletul era deteriorat.", None, "negative"),
    ("ro", "Recomand acest magazin, comand deja a treia oară.", None, "positive"),
    ("ro", "Produs bun, doar livrarea a întârziat puțin.", 4, "positive"),
    ("ro", "E ok, nimic special.", 3, "neutral"),
    ("ro", "Sunt foarte mulțumită, nicio obiecție.", 5, "positive"),
    ("ro", "Am primit mărimea greșită și banii nu mi-au fost returnați.", 1, "negative"),
    ("ro", "Arată frumos, dar se rupe repede.", 2, "negative"),
    ("ro", "Nu mai cumpăr niciodată de la voi.", None, "negative"),
    ("ro", "Calitate slaba, bani aruncati", None, "negative"),
    ("ro", "Sunt încântată, totul e perfect.", None, "positive"),
]


# A third batch: 3-star mixed reviews, expectations, missing parts, price and waiting time.
DE_3 = [
    ("de", "Gute Qualität, aber leider etwas teuer.", 3, "neutral"),
    ("de", "Schönes Design, die Farbe ist aber anders als auf dem Bild.", 3, "neutral"),
    ("de", "Hatte mir ehrlich gesagt mehr erwartet.", None, "negative"),
    ("de", "Es fehlt ein Teil, der Support hilft nicht.", None, "negative"),
    ("de", "Funktioniert nach einem Monat nicht mehr.", None, "negative"),
    ("de", "Daumen hoch, gerne wieder!", None, "positive"),
    ("de", "Die Ware war unbequem und roch unangenehm.", None, "negative"),
    ("de", "Es fehlt an nichts, alles top.", None, "positive"),
    ("de", "Zu teuer für diese Qualität.", None, "negative"),
    ("de", "Klasse Shop, trotz Verspätung alles gut angekommen.", 5, "positive"),
    ("de", "Sehr inkompetente Beratung am Telefon.", None, "negative"),
]

SL_3 = [
    ("sl", "Kakovost dobra, ampak malo drago.", 3, "neutral"),
    ("sl", "Lepa majica, barva pa je drugačna kot na sliki.", 3, "neutral"),
    ("sl", "Pričakovala sem več za to ceno.", None, "negative"),
    ("sl", "Manjka en del, nihče ne pomaga.", None, "negative"),
    ("sl", "Po enem mesecu ne dela več.", None, "negative"),
    ("sl", "Čista petica, vse najboljše!", None, "positive"),
    ("sl", "Čevlji so neudobni in neprijetno dišijo.", None, "negative"),
    ("sl", "Dostava je trajala predolgo.", None, "negative"),
    ("sl", "Super trgovina, kljub zamudi je vse prispelo v redu.", 5, "positive"),
    ("sl", "Najboljša spletna trgovina, priporočam!", None, "positive"),
]

LV_3 = [
    ("lv", "Kvalitāte laba, bet nedaudz dārgi.", 3, "neutral"),
    ("lv", "Skaists krekls, bet krāsa citāda nekā bildē.", 3, "neutral"),
    ("lv", "Biju gaidījusi vairāk par šo cenu.", None, "negative"),
    ("lv", "Trūkst vienas detaļas, neviens nepalīdz.", None, "negative"),
    ("lv", "Pēc mēneša vairs nestrādā.", None, "negative"),
    ("lv", "Piecas zvaigznes, viss labākais!", None, "positive"),
    ("lv", "Par dārgu šai kvalitātei.", None, "negative"),
    ("lv", "Piegāde ilga pārāk ilgi.", None, "negative"),
    ("lv", "Lielisks veikals, neskatoties uz kavēšanos viss atnāca kārtībā.", 5, "positive"),
    ("lv", "Labākais interneta veikals, iesaku!", None, "positive"),
]

RO_3 = [
    ("ro", "Calitate bună, dar cam scump.", 3, "neutral"),
    ("ro", "Tricou frumos, dar culoarea e diferită față de poză.", 3, "neutral"),
    ("ro", "Mă așteptam la mai mult pentru prețul ăsta.", None, "negative"),
    ("ro", "Lipsește o piesă, nimeni nu ajută.", None, "negative"),
    ("ro", "După o lună nu mai funcționează.", None, "negative"),
    ("ro", "Nota 10, cel mai bun magazin!", None, "positive"),
    ("ro", "Prea scump pentru o asemenea calitate.", None, "negative"),
    ("ro", "Livrarea a durat prea mult.", None, "negative"),
    ("ro", "Magazin super, deși a întârziat, totul a ajuns bine.", 5, "positive"),
    ("ro", "Bateria se descarcă repede.", None, "negative"),
]


# A fourth batch: colloquial words, spellings without diacritics (ae/oe/ue in German),
# "nothing was damaged" praise, late-but-fine 4-star reviews.
DE_4 = [
    ("de", "Bin mega zufrieden, Versand war fix.", None, "positive"),
    ("de", "Voll der Schrott, nach 2 Tagen hin.", None, "negative"),
    ("de", "Absolut empfehlenswert, 1A Ware.", None, "positive"),
    ("de", "Ware ok, aber Kundenservice unterirdisch.", None, "negative"),
    ("de", "Leider passt die Größe überhaupt nicht.", None, "negative"),
    ("de", "Alles in bester Ordnung, gerne wieder.", None, "positive"),
    ("de", "Nichts kaputt, nichts verspätet, keine Probleme.", 5, "positive"),
    ("de", "Bestellung storniert ohne Grund, sehr ärgerlich.", None, "negative"),
    ("de", "Qualitaet super, Lieferung schnell, Preis fair.", None, "positive"),
    ("de", "Echt enttaeuschend, das Material ist duenn und billig.", None, "negative"),
    ("de", "Kam etwas spät, aber sonst alles super.", 4, "positive"),
    ("de", "War okay, bis der Reißverschluss nach einer Woche kaputt ging.", 2, "negative"),
]

SL_4 = [
    ("sl", "Vse ok, zelo zadovoljen, priporocam!", None, "positive"),
    ("sl", "Totalna polomija, denar vrzen stran.", None, "negative"),
    ("sl", "Izdelek je kul, dostava bliskovita.", None, "positive"),
    ("sl", "Blago ok, ampak podpora je katastrofalna.", None, "negative"),
    ("sl", "Žal velikost sploh ne ustreza.", None, "negative"),
    ("sl", "Vse je bilo super, z veseljem spet naročim.", None, "positive"),
    ("sl", "Nič ni bilo poškodovano, vse je prišlo pravočasno.", 5, "positive"),
    ("sl", "Naročilo so preklicali brez razloga, zelo jezno.", None, "negative"),
    ("sl", "Kvaliteta super, dostava hitra, cena ugodna.", None, "positive"),
    ("sl", "Res razocarana, material je tanek in poceni.", None, "negative"),
    ("sl", "Prišlo je malo pozno, sicer pa vse super.", 4, "positive"),
    ("sl", "Bilo je v redu, dokler se zadrga ni strgala po enem tednu.", 2, "negative"),
]

LV_4 = [
    ("lv", "Loti apmierinats, piegade bija atra, iesaku!", None, "positive"),
    ("lv", "Pilnīgs mēsls, pēc divām dienām salūza.", None, "negative"),
    ("lv", "Prece ir forša, piegāde zibens ātrumā.", None, "positive"),
    ("lv", "Prece ok, bet klientu serviss ir šausmīgs.", None, "negative"),
    ("lv", "Diemžēl izmērs nemaz neder.", None, "negative"),
    ("lv", "Viss bija super, labprāt pasūtīšu vēlreiz.", None, "positive"),
    ("lv", "Nekas nebija bojāts, viss atnāca laikā.", 5, "positive"),
    ("lv", "Pasūtījumu atcēla bez iemesla, ļoti nepatīkami.", None, "negative"),
    ("lv", "Kvalitāte super, piegāde ātra, cena laba.", None, "positive"),
    ("lv", "Tiešām vīlusies, materiāls plāns un lēts.", None, "negative"),
    ("lv", "Atnāca mazliet vēlu, bet citādi viss super.", 4, "positive"),
    ("lv", "Bija labi, līdz rāvējslēdzējs pēc nedēļas saplīsa.", 2, "negative"),
]

RO_4 = [
    ("ro", "Foarte multumit, livrare rapida, recomand!", None, "positive"),
    ("ro", "Mizerie totală, s-a stricat după două zile.", None, "negative"),
    ("ro", "Produsul e tare fain, livrare fulger.", None, "positive"),
    ("ro", "Produs ok, dar serviciul clienți e groaznic.", None, "negative"),
    ("ro", "Din păcate mărimea nu se potrivește deloc.", None, "negative"),
    ("ro", "Totul a fost super, cu drag mai comand.", None, "positive"),
    ("ro", "Nimic deteriorat, totul a ajuns la timp.", 5, "positive"),
    ("ro", "Mi-au anulat comanda fără motiv, foarte neplăcut.", None, "negative"),
    ("ro", "Calitate super, livrare rapidă, preț bun.", None, "positive"),
    ("ro", "Chiar dezamăgită, materialul e subțire și ieftin.", None, "negative"),
    ("ro", "A venit puțin mai târziu, dar în rest totul super.", 4, "positive"),
    ("ro", "A fost ok până s-a rupt fermoarul după o săptămână.", 2, "negative"),
]


# A fifth batch, written and run before any change for it (held out: de 8, sl 5, lv 6, ro 7 of
# 10 right before): expectations, refunds and returns, smells, a problem solved, sizes.
DE_5 = [
    ("de", "Besser als erwartet, die Verarbeitung ist wirklich solide.", None, "positive"),
    ("de", "Schlechter als erwartet, die Nähte gehen schon auf.", None, "negative"),
    ("de", "Rücksendung lief reibungslos, Geld war nach drei Tagen zurück.", None, "positive"),
    ("de", "Seit zwei Wochen warte ich auf meine Erstattung.", None, "negative"),
    ("de", "Der Akku hält ewig, bin begeistert.", None, "positive"),
    ("de", "Riecht stark nach Chemie, ging sofort zurück.", None, "negative"),
    ("de", "Bestellt, bezahlt, nie etwas bekommen.", 1, "negative"),
    ("de", "Schneller Versand, Ware wie beschrieben, gerne wieder.", 5, "positive"),
    ("de", "Sehr hilfsbereiter Kundenservice, Problem sofort gelöst.", None, "positive"),
    (
        "de",
        "Die Hose ist viel zu klein ausgefallen und die Rücksendung war umständlich.",
        None,
        "negative",
    ),
]

SL_5 = [
    ("sl", "Boljše kot sem pričakovala, izdelava je res solidna.", None, "positive"),
    ("sl", "Slabše kot sem pričakovala, šivi že popuščajo.", None, "negative"),
    ("sl", "Vračilo je potekalo gladko, denar je bil vrnjen v treh dneh.", None, "positive"),
    ("sl", "Že dva tedna čakam na vračilo denarja.", None, "negative"),
    ("sl", "Baterija zdrži zelo dolgo, navdušena sem.", None, "positive"),
    ("sl", "Močno smrdi po kemikalijah, takoj sem vrnila.", None, "negative"),
    ("sl", "Naročeno, plačano, nikoli prejeto.", 1, "negative"),
    ("sl", "Hitro pošiljanje, izdelek kot je opisan, spet bom naročila.", 5, "positive"),
    ("sl", "Zelo ustrežljiva podpora, težavo so takoj rešili.", None, "positive"),
    ("sl", "Hlače so veliko premajhne, vračilo pa zapleteno.", None, "negative"),
]

LV_5 = [
    ("lv", "Labāk nekā gaidīju, izstrāde tiešām kvalitatīva.", None, "positive"),
    ("lv", "Sliktāk nekā gaidīju, vīles jau irst.", None, "negative"),
    ("lv", "Atgriešana noritēja gludi, nauda atpakaļ trīs dienās.", None, "positive"),
    ("lv", "Jau divas nedēļas gaidu naudas atmaksu.", None, "negative"),
    ("lv", "Baterija tur ļoti ilgi, esmu sajūsmā.", None, "positive"),
    ("lv", "Stipri smird pēc ķīmijas, uzreiz atdevu atpakaļ.", None, "negative"),
    ("lv", "Pasūtīts, samaksāts, nekas nav saņemts.", 1, "negative"),
    ("lv", "Ātra piegāde, prece kā aprakstīts, pasūtīšu vēl.", 5, "positive"),
    ("lv", "Ļoti izpalīdzīgs klientu atbalsts, problēmu atrisināja uzreiz.", None, "positive"),
    ("lv", "Bikses ir par mazu, un atgriešana bija sarežģīta.", None, "negative"),
]

RO_5 = [
    ("ro", "Mai bun decât mă așteptam, finisajul e foarte solid.", None, "positive"),
    ("ro", "Mai prost decât mă așteptam, cusăturile deja se desfac.", None, "negative"),
    ("ro", "Returul a mers ușor, banii au venit în trei zile.", None, "positive"),
    ("ro", "De două săptămâni aștept rambursarea banilor.", None, "negative"),
    ("ro", "Bateria ține foarte mult, sunt încântată.", None, "positive"),
    ("ro", "Miroase puternic a chimicale, l-am returnat imediat.", None, "negative"),
    ("ro", "Comandat, plătit, nimic primit.", 1, "negative"),
    ("ro", "Livrare rapidă, produs conform descrierii, mai comand.", 5, "positive"),
    ("ro", "Suport clienți foarte amabil, problema rezolvată imediat.", None, "positive"),
    ("ro", "Pantalonii sunt mult prea mici, iar returul a fost complicat.", None, "negative"),
]


# A sixth batch, run before its changes (de 5, sl 5, lv 6, ro 6 of 8 right before): decent
# prices and service, scratches and dirt, devices that do not start, wasted purchases, 3 stars.
DE_6 = [
    ("de", "Tadellose Ware, zügige Lieferung.", None, "positive"),
    ("de", "Die Oberfläche war schon beim Auspacken verkratzt.", None, "negative"),
    ("de", "Das Gerät startet nicht, Reklamation läuft.", None, "negative"),
    ("de", "Preis-Leistung stimmt, gefällt mir sehr.", None, "positive"),
    ("de", "Absoluter Fehlkauf, reine Geldverschwendung.", None, "negative"),
    ("de", "Sehr kulanter Umgang mit meiner Rücksendung.", None, "positive"),
    ("de", "Ganz nett, aber nichts Besonderes.", 3, "neutral"),
    ("de", "Hotline nicht erreichbar, man wird nur vertröstet.", None, "negative"),
]

SL_6 = [
    ("sl", "Ugodna cena in korekten odnos, pohvalno.", None, "positive"),
    ("sl", "Izdelek je prišel umazan in opraskan.", None, "negative"),
    ("sl", "Naprava se ne vklopi, reklamacija v teku.", None, "negative"),
    ("sl", "Razmerje med ceno in kakovostjo odlično, zelo mi je všeč.", None, "positive"),
    ("sl", "Popolnoma zgrešen nakup, škoda denarja.", None, "negative"),
    ("sl", "Zelo profesionalen odnos pri vračilu.", None, "positive"),
    ("sl", "Čisto OK, ampak nič posebnega.", 3, "neutral"),
    ("sl", "Nedosegljivi po telefonu, na maile ne odgovarjajo.", None, "negative"),
]

LV_6 = [
    ("lv", "Izdevīga cena un profesionāla apkalpošana.", None, "positive"),
    ("lv", "Prece atnāca netīra un saskrāpēta.", None, "negative"),
    ("lv", "Ierīce neieslēdzas, reklamācija procesā.", None, "negative"),
    ("lv", "Cena atbilst kvalitātei, ļoti patīk.", None, "positive"),
    ("lv", "Pilnīga naudas izšķiešana, nepirktu vēlreiz.", None, "negative"),
    ("lv", "Ļoti operatīvi atrisināja atgriešanu.", None, "positive"),
    ("lv", "Normāli, bet nekas īpašs.", 3, "neutral"),
    ("lv", "Nevar sazināties, e-pastiem neatbild.", None, "negative"),
]

RO_6 = [
    ("ro", "Preț avantajos și personal amabil.", None, "positive"),
    ("ro", "Produsul a venit murdar și zgâriat.", None, "negative"),
    ("ro", "Aparatul nu pornește, am făcut reclamație.", None, "negative"),
    ("ro", "Raport calitate-preț foarte bun, îmi place mult.", None, "positive"),
    ("ro", "Bani aruncați, o achiziție total ratată.", None, "negative"),
    ("ro", "Foarte profesioniști la retur.", None, "positive"),
    ("ro", "Destul de ok, dar nimic deosebit.", 3, "neutral"),
    ("ro", "Nu poți da de ei la telefon, la mailuri nu răspund.", None, "negative"),
]


# A seventh batch: angry texts under 5 stars (misclicks or sarcasm): two complaint words make
# the list head's P(negative) reach the mismatch threshold (combine.MISMATCH_P). Run before its
# changes: de 1, sl 1, lv 1, ro 0 of 6 flagged.
DE_7 = [
    ("de", "Leider kaputt angekommen, der Karton war eingedrückt.", 5, "negative"),
    ("de", "Zoll musste ich extra zahlen, davon stand nichts im Shop. Frechheit.", 5, "negative"),
    ("de", "Falscher Artikel geliefert und auf meine Mails reagiert niemand.", 5, "negative"),
    ("de", "Das Ladegerät wurde heiß und hat angefangen zu qualmen, gefährlich!", 5, "negative"),
    (
        "de",
        "Die Zahlung ging durch, aber die Bestellung ist verschwunden, das ist Betrug.",
        5,
        "negative",
    ),
    ("de", "Der Checkout stürzt ständig ab, Gutscheincode funktioniert nicht.", 5, "negative"),
    ("de", "Ich habe die Zahlung bei PayPal angefochten, keine Ware, kein Geld.", 5, "negative"),
]

SL_7 = [
    ("sl", "Carino sem moral plačati dodatno, o tem ni bilo nič napisano. Sramota.", 5, "negative"),
    ("sl", "Poslali so napačen izdelek in na maile nihče ne odgovarja.", 5, "negative"),
    ("sl", "Polnilec se je pregrel in začel kaditi, nevarno!", 5, "negative"),
    ("sl", "Plačilo je šlo skozi, naročilo pa je izginilo, to je prevara.", 5, "negative"),
    ("sl", "Blagajna na strani se ves čas sesuje, koda za popust ne deluje.", 5, "negative"),
    ("sl", "Pri banki sem sprožila reklamacijo plačila, ni blaga, ni denarja.", 5, "negative"),
]

LV_7 = [
    ("lv", "Muitu nācās maksāt papildus, par to nekas nebija rakstīts. Kauns.", 5, "negative"),
    ("lv", "Atsūtīja nepareizu preci un uz e-pastiem neviens neatbild.", 5, "negative"),
    ("lv", "Lādētājs sakarsa un sāka dūmot, bīstami!", 5, "negative"),
    ("lv", "Maksājums izgāja, bet pasūtījums pazuda, tā ir krāpšana.", 5, "negative"),
    ("lv", "Grozs mājaslapā visu laiku uzkaras, atlaides kods nestrādā.", 5, "negative"),
    ("lv", "Bankā apstrīdēju maksājumu, nav preces, nav naudas.", 5, "negative"),
]

RO_7 = [
    ("ro", "A trebuit să plătesc taxe vamale în plus, nu scria nicăieri. Rușine.", 5, "negative"),
    ("ro", "Mi-au trimis alt produs și nimeni nu răspunde la mailuri.", 5, "negative"),
    ("ro", "Încărcătorul s-a supraîncălzit și a început să scoată fum, periculos!", 5, "negative"),
    ("ro", "Plata a trecut, dar comanda a dispărut, e o înșelătorie.", 5, "negative"),
    ("ro", "Coșul de pe site se blochează mereu, codul de reducere nu merge.", 5, "negative"),
    ("ro", "Am contestat plata la bancă, nici produs, nici bani.", 5, "negative"),
]


# An eighth batch: praise that mentions complaint words ("nothing missing", "no scratches",
# "feared it was too small"): these must stay positive under 5 stars, and as text alone.
DE_8 = [
    ("de", "Es fehlt nichts, alles vollständig und super verpackt.", 5, "positive"),
    ("de", "Ich kann nicht mehr ohne diesen Mixer, top!", 5, "positive"),
    ("de", "Keine Kratzer, nichts kaputt, alles bestens.", 5, "positive"),
    ("de", "Hatte Angst, dass es zu klein ist, passt aber perfekt.", 5, "positive"),
    ("de", "Schade, dass ich nicht früher hier bestellt habe, super Shop!", None, "positive"),
    ("de", "Nicht billig, aber jeden Cent wert.", 5, "positive"),
]

SL_8 = [
    ("sl", "Nič ne manjka, vse lepo zapakirano.", 5, "positive"),
    ("sl", "Brez prask, nič poškodovano, odlično.", 5, "positive"),
    ("sl", "Škoda, da nisem že prej naročila, super trgovina!", None, "positive"),
    ("sl", "Ni poceni, je pa vredno vsakega centa.", 5, "positive"),
    ("sl", "Bala sem se, da bo premajhno, pa se lepo prilega.", 5, "positive"),
]

LV_8 = [
    ("lv", "Nekā netrūkst, viss skaisti iepakots.", 5, "positive"),
    ("lv", "Bez skrāpējumiem, nekas nav bojāts, lieliski.", 5, "positive"),
    ("lv", "Žēl, ka neesmu pasūtījusi agrāk, super veikals!", None, "positive"),
    ("lv", "Nav lēti, bet katra centa vērts.", 5, "positive"),
]

RO_8 = [
    ("ro", "Nu lipsește nimic, totul frumos ambalat.", 5, "positive"),
    ("ro", "Fără zgârieturi, nimic stricat, excelent.", 5, "positive"),
    ("ro", "Păcat că nu am comandat mai devreme, magazin super!", None, "positive"),
    ("ro", "Nu e ieftin, dar merită fiecare ban.", 5, "positive"),
    ("ro", "Mi-a fost teamă că e prea mic, dar se potrivește perfect.", 5, "positive"),
]


# A ninth batch, run before its changes (de 7, sl 7, lv 6, ro 8 of 8): cosmetics, clothes,
# furniture and headphones, their usual praise and complaints.
DE_9 = [
    ("de", "Die Creme zieht schnell ein und duftet angenehm.", None, "positive"),
    ("de", "Nach dem ersten Waschen ist der Pulli eingelaufen und hat Flecken.", None, "negative"),
    ("de", "Der Schrank war leicht aufzubauen, stabil und sieht edel aus.", None, "positive"),
    ("de", "Anleitung unverständlich, Schrauben fehlten, Aufbau eine Qual.", None, "negative"),
    ("de", "Kopfhörer mit super Klang, Akku hält den ganzen Tag.", None, "positive"),
    ("de", "Bluetooth bricht ständig ab, total nervig.", None, "negative"),
    ("de", "Solides Teil für den Preis, kleine Macken in der Verarbeitung.", 4, "positive"),
    ("de", "Versand dauerte zwei Wochen statt zwei Tagen, sehr ärgerlich.", None, "negative"),
]

SL_9 = [
    ("sl", "Krema se hitro vpije in prijetno diši.", None, "positive"),
    ("sl", "Po prvem pranju se je pulover skrčil in ima madeže.", None, "negative"),
    (
        "sl",
        "Omaro je bilo enostavno sestaviti, je stabilna in izgleda elegantno.",
        None,
        "positive",
    ),
    (
        "sl",
        "Navodila nerazumljiva, vijaki so manjkali, sestavljanje je bilo muka.",
        None,
        "negative",
    ),
    ("sl", "Slušalke imajo odličen zvok, baterija zdrži cel dan.", None, "positive"),
    ("sl", "Bluetooth se ves čas prekinja, zelo moteče.", None, "negative"),
    ("sl", "Soliden izdelek za to ceno, manjše napake pri izdelavi.", 4, "positive"),
    ("sl", "Dostava je trajala dva tedna namesto dveh dni, zelo jezno.", None, "negative"),
]

LV_9 = [
    ("lv", "Krēms ātri uzsūcas un patīkami smaržo.", None, "positive"),
    ("lv", "Pēc pirmās mazgāšanas džemperis sarāvās un ir traipi.", None, "negative"),
    ("lv", "Skapi bija viegli salikt, tas ir stabils un izskatās eleganti.", None, "positive"),
    ("lv", "Instrukcija nesaprotama, trūka skrūvju, salikšana bija mocības.", None, "negative"),
    ("lv", "Austiņām lieliska skaņa, akumulators tur visu dienu.", None, "positive"),
    ("lv", "Bluetooth visu laiku pārtrūkst, ļoti kaitinoši.", None, "negative"),
    ("lv", "Solīda prece par šo cenu, nelieli trūkumi apdarē.", 4, "positive"),
    ("lv", "Piegāde ilga divas nedēļas divu dienu vietā, ļoti nepatīkami.", None, "negative"),
]

RO_9 = [
    ("ro", "Crema se absoarbe repede și miroase plăcut.", None, "positive"),
    ("ro", "După prima spălare puloverul s-a strâns și are pete.", None, "negative"),
    ("ro", "Dulapul s-a montat ușor, e stabil și arată elegant.", None, "positive"),
    (
        "ro",
        "Instrucțiuni de neînțeles, lipseau șuruburi, montajul a fost un chin.",
        None,
        "negative",
    ),
    ("ro", "Căști cu sunet excelent, bateria ține toată ziua.", None, "positive"),
    ("ro", "Bluetooth-ul se deconectează încontinuu, foarte enervant.", None, "negative"),
    ("ro", "Produs solid pentru prețul ăsta, mici defecte de finisaj.", 4, "positive"),
    (
        "ro",
        "Livrarea a durat două săptămâni în loc de două zile, foarte frustrant.",
        None,
        "negative",
    ),
]


# Praise words in a complaint's role: governed by a "lack" word ("lack of good accessories"),
# in the conditional ("would have been nice if it worked"), "the only good thing".
# And "not only fast, but also ..." is praise, not a negated one.
DE_LACK = [
    ("de", "Nicht nur schnell geliefert, sondern auch sehr gut verpackt.", None, "positive"),
    ("de", "Wäre schön gewesen, wenn es auch funktioniert hätte.", None, "negative"),
    ("de", "Das einzig Gute ist die Verpackung.", None, "negative"),
    ("de", "Mangel an gutem Zubehör, der Rest ist okay.", None, "negative"),
    ("de", "Leider fehlt eine gute Anleitung.", None, "negative"),
]

SL_LACK = [
    ("sl", "Ne samo hitra dostava, ampak tudi odlična kakovost.", None, "positive"),
    ("sl", "Bilo bi lepo, če bi sploh delovalo.", None, "negative"),
    ("sl", "Edino dobro je embalaža.", None, "negative"),
    ("sl", "Pomanjkanje dobrih dodatkov, ostalo je v redu.", None, "negative"),
    ("sl", "Manjkajo dobra navodila.", None, "negative"),
]

LV_LACK = [
    ("lv", "Ne tikai ātra piegāde, bet arī lieliska kvalitāte.", None, "positive"),
    ("lv", "Būtu labi, ja tas vispār strādātu.", None, "negative"),
    ("lv", "Vienīgais labais ir iepakojums.", None, "negative"),
    ("lv", "Trūkst labu piederumu, pārējais ir normāli.", None, "negative"),
    ("lv", "Pietrūkst kvalitatīvu detaļu.", None, "negative"),
]

RO_LACK = [
    ("ro", "Nu doar livrare rapidă, ci și calitate excelentă.", None, "positive"),
    ("ro", "Ar fi fost frumos să și funcționeze.", None, "negative"),
    ("ro", "Singurul lucru bun este ambalajul.", None, "negative"),
    ("ro", "Lipsa unor accesorii bune, în rest e ok.", None, "negative"),
    ("ro", "Lipsesc instrucțiuni bune.", None, "negative"),
]


# A tenth batch, run before its changes (de 7, sl 6, lv 4, ro 7 of 8): written fast, in lower
# case, without diacritics or punctuation, with common typos (zufriden, zadovolna, apmirinata).
DE_10 = [
    ("de", "alles top schnelle lieferung gerne wieder", None, "positive"),
    ("de", "ware kaputt angekommen keiner meldet sich", None, "negative"),
    ("de", "bin sehr zufriden mit dem kauf", None, "positive"),
    (
        "de",
        "schuhe drücken total und sind unbequem, würde ich nicht nochmal kaufen",
        None,
        "negative",
    ),
    (
        "de",
        "der kinderwagen ist super leicht und stabil, unsere kleine liebt ihn",
        None,
        "positive",
    ),
    ("de", "hab nach 3 wochen immer noch nix bekommen", None, "negative"),
    ("de", "qualität lässt zu wünschen übrig", None, "negative"),
    ("de", "hab mich sehr gefreut, genau wie beschrieben", None, "positive"),
]

SL_10 = [
    ("sl", "vse top hitra dostava bom se narocila", None, "positive"),
    ("sl", "izdelek pokvarjen nihce se ne javi", None, "negative"),
    ("sl", "zelo zadovolna z nakupom", None, "positive"),
    ("sl", "cevlji zulijo in so neudobni ne bi vec kupila", None, "negative"),
    ("sl", "voziček je super lahek in stabilen, mala ga obozuje", None, "positive"),
    ("sl", "po 3 tednih se vedno nic", None, "negative"),
    ("sl", "kvaliteta pusca veliko zelja", None, "negative"),
    ("sl", "zelo sem se razveselila, tocno kot opisano", None, "positive"),
]

LV_10 = [
    ("lv", "viss super atra piegade pasutisu vel", None, "positive"),
    ("lv", "prece salauzta neviens neatbild", None, "negative"),
    ("lv", "loti apmirinata ar pirkumu", None, "positive"),
    ("lv", "kurpes berz un ir neertas vairs nepirktu", None, "negative"),
    ("lv", "ratini ir super viegli un stabili, mazulei loti patik", None, "positive"),
    ("lv", "pec 3 nedelam joprojam nekas", None, "negative"),
    ("lv", "kvalitate atstaj daudz ko velēties", None, "negative"),
    ("lv", "loti priecajos, tiesi ka aprakstits", None, "positive"),
]

RO_10 = [
    ("ro", "totul top livrare rapida mai comand", None, "positive"),
    ("ro", "produs stricat nu raspunde nimeni", None, "negative"),
    ("ro", "foarte multumita de cumparatura", None, "positive"),
    ("ro", "pantofii strang si sunt incomozi nu as mai cumpara", None, "negative"),
    ("ro", "caruciorul e super usor si stabil, fetitei ii place mult", None, "positive"),
    ("ro", "dupa 3 saptamani tot nimic", None, "negative"),
    ("ro", "calitatea lasa de dorit", None, "negative"),
    ("ro", "m am bucurat mult, exact cum e descris", None, "positive"),
]


# An eleventh batch: 3-star reviews are neutral. "Unfortunately" is not a list word, so praise +
# "leider" + a complaint stays at P(negative) 0.45. One mild praise word alone gives P(positive)
# 0.63, past combine.py's 3-star cut-off (MISMATCH_TEXT_CONFIDENCE 0.6): a rule outside these
# lists (xfail).
_THREE_STAR_RULE = pytest.mark.xfail(reason="combine.py: 3-star cut-off at 0.6 (lists read it)")
DE_11 = [
    ("de", "Erfüllt seinen Zweck, mehr nicht.", 3, "neutral"),
    ("de", "Für den Preis in Ordnung.", 3, "neutral"),
    ("de", "Produkt gut, Versand eher langsam.", 3, "neutral"),
    ("de", "Nicht schlecht, aber auch nicht super.", 3, "neutral"),
    ("de", "Ganz okay, die Farbe ist etwas heller als gedacht.", 3, "neutral"),
    ("de", "Schönes Kleid, leider etwas zu groß.", 3, "neutral"),
]

SL_11 = [
    ("sl", "Služi svojemu namenu, nič več.", 3, "neutral"),
    ("sl", "Za to ceno v redu.", 3, "neutral"),
    ("sl", "Izdelek dober, dostava bolj počasna.", 3, "neutral"),
    ("sl", "Ni slabo, ni pa tudi super.", 3, "neutral"),
    ("sl", "Čisto ok, barva je malo svetlejša kot sem mislila.", 3, "neutral"),
    ("sl", "Lepa obleka, žal malo prevelika.", 3, "neutral"),
]

LV_11 = [
    ("lv", "Pilda savu funkciju, ne vairāk.", 3, "neutral"),
    ("lv", "Par šo cenu normāli.", 3, "neutral"),
    ("lv", "Prece laba, piegāde diezgan lēna.", 3, "neutral"),
    ("lv", "Nav slikti, bet arī nav super.", 3, "neutral"),
    pytest.param(
        "lv", "Itin labi, krāsa nedaudz gaišāka nekā domāju.", 3, "neutral", marks=_THREE_STAR_RULE
    ),
    ("lv", "Skaista kleita, diemžēl nedaudz par lielu.", 3, "neutral"),
]

RO_11 = [
    ("ro", "Își face treaba, nimic mai mult.", 3, "neutral"),
    ("ro", "Pentru prețul ăsta e ok.", 3, "neutral"),
    ("ro", "Produs bun, livrare cam lentă.", 3, "neutral"),
    ("ro", "Nu e rău, dar nici super.", 3, "neutral"),
    ("ro", "Destul de ok, culoarea e puțin mai deschisă decât credeam.", 3, "neutral"),
    ("ro", "Rochie frumoasă, din păcate puțin prea mare.", 3, "neutral"),
]


# A twelfth batch, in the shape of real shop reviews with their stars (all 32 right before its
# changes, which added the text's own evidence: nothing to complain about, silence after paying,
# crushed packaging, a line always busy).
DE_12 = [
    ("de", "Zum zweiten Mal bestellt und wieder nichts zu bemängeln.", 5, "positive"),
    ("de", "Sitzt gut, nur die Ärmel sind etwas lang.", 4, "positive"),
    ("de", "Seit Tagen keine Sendungsverfolgung, Hotline ständig besetzt.", 1, "negative"),
    ("de", "Der Deckel schließt nicht richtig, schade drum.", 2, "negative"),
    ("de", "Mittelmäßige Qualität, aber der Preis passt.", 3, "neutral"),
    ("de", "Meine Frau ist begeistert, danke für die schnelle Abwicklung.", 5, "positive"),
    ("de", "Vorkasse bezahlt und seitdem Funkstille.", 1, "negative"),
    ("de", "Gutes Produkt, die Verpackung war allerdings eingedrückt.", 4, "positive"),
]

SL_12 = [
    ("sl", "Že drugič naročeno in spet nimam česa očitati.", 5, "positive"),
    ("sl", "Lepo se prilega, le rokavi so malo dolgi.", 4, "positive"),
    ("sl", "Že dneve ni sledenja pošiljke, na telefonu stalno zasedeno.", 1, "negative"),
    ("sl", "Pokrov se ne zapre pravilno, škoda.", 2, "negative"),
    ("sl", "Povprečna kakovost, cena pa je v redu.", 3, "neutral"),
    ("sl", "Žena je navdušena, hvala za hitro izvedbo.", 5, "positive"),
    ("sl", "Plačal sem vnaprej in od takrat tišina.", 1, "negative"),
    ("sl", "Dober izdelek, embalaža pa je bila zmečkana.", 4, "positive"),
]

LV_12 = [
    ("lv", "Pasūtīju otro reizi un atkal nav ko pārmest.", 5, "positive"),
    ("lv", "Labi piegulst, tikai piedurknes nedaudz garas.", 4, "positive"),
    (
        "lv",
        "Jau vairākas dienas nav sūtījuma izsekošanas, tālrunis vienmēr aizņemts.",
        1,
        "negative",
    ),
    ("lv", "Vāks neaizveras pareizi, žēl.", 2, "negative"),
    ("lv", "Viduvēja kvalitāte, bet cena atbilst.", 3, "neutral"),
    ("lv", "Sieva ir sajūsmā, paldies par ātru apkalpošanu.", 5, "positive"),
    ("lv", "Samaksāju iepriekš un kopš tā laika klusums.", 1, "negative"),
    ("lv", "Laba prece, tikai iepakojums bija saspiests.", 4, "positive"),
]

RO_12 = [
    ("ro", "A doua comandă și iar nu am ce reproșa.", 5, "positive"),
    ("ro", "Se potrivește bine, doar mânecile sunt puțin lungi.", 4, "positive"),
    (
        "ro",
        "De zile întregi nu există urmărire a coletului, telefonul mereu ocupat.",
        1,
        "negative",
    ),
    ("ro", "Capacul nu se închide bine, păcat.", 2, "negative"),
    ("ro", "Calitate medie, dar prețul e corect.", 3, "neutral"),
    ("ro", "Soția e încântată, mulțumesc pentru procesarea rapidă.", 5, "positive"),
    ("ro", "Am plătit în avans și de atunci liniște totală.", 1, "negative"),
    ("ro", "Produs bun, dar ambalajul a venit turtit.", 4, "positive"),
]


# A thirteenth batch, run before its changes (sl 10 of 10, lv 8 of 10, de 4 of 5, ro 4 of 5).
DE_13 = [
    (
        "de",
        "Zwei Größen bestellt, beide zu klein, und die Erstattung dauert schon einen Monat.",
        None,
        "negative",
    ),
    (
        "de",
        "Der Verkäufer war sehr entgegenkommend und hat noch am selben Tag verschickt.",
        None,
        "positive",
    ),
    (
        "de",
        "Das Spielzeug ist in der ersten Stunde zerbrochen, mein Kind war traurig.",
        None,
        "negative",
    ),
    ("de", "Ganz zufrieden, auch wenn der Versand etwas gedauert hat.", None, "positive"),
    ("de", "Das Foto im Shop ist irreführend, in echt sieht es billig aus.", None, "negative"),
]

SL_13 = [
    (
        "sl",
        "Naročila sem dve velikosti, obe sta bili premajhni, vračilo pa traja že mesec dni.",
        None,
        "negative",
    ),
    ("sl", "Prodajalec je bil zelo ustrežljiv in je paket poslal isti dan.", None, "positive"),
    ("sl", "Igrača se je zlomila v prvi uri, otrok je bil žalosten.", None, "negative"),
    ("sl", "Čisto zadovoljna, čeprav je dostava malo trajala.", None, "positive"),
    ("sl", "Slika na spletni strani je zavajajoča, v živo izgleda poceni.", None, "negative"),
    ("sl", "Res kvaliteten material, se ne mečka in lepo pade.", None, "positive"),
    ("sl", "Že tretjič mi pošljejo napačno barvo, obupam.", None, "negative"),
    ("sl", "Vse v najlepšem redu, paket je prispel dan prej.", None, "positive"),
    ("sl", "Baterija se izprazni v eni uri, neuporabno.", None, "negative"),
    ("sl", "Odziv podpore je bil bliskovit in prijazen, hvala!", None, "positive"),
]

LV_13 = [
    (
        "lv",
        "Pasūtīju divus izmērus, abi bija par mazu, un atmaksa ilgst jau mēnesi.",
        None,
        "negative",
    ),
    ("lv", "Pārdevējs bija ļoti pretimnākošs un nosūtīja paku tajā pašā dienā.", None, "positive"),
    ("lv", "Rotaļlieta salūza pirmajā stundā, bērns bija bēdīgs.", None, "negative"),
    ("lv", "Esmu diezgan apmierināta, lai gan piegāde nedaudz ieilga.", None, "positive"),
    ("lv", "Bilde mājaslapā ir maldinoša, dzīvē izskatās lēti.", None, "negative"),
    ("lv", "Tiešām kvalitatīvs materiāls, neburzās un skaisti krīt.", None, "positive"),
    ("lv", "Jau trešo reizi atsūta nepareizu krāsu, padodos.", None, "negative"),
    ("lv", "Viss vislabākajā kārtībā, paka atnāca dienu ātrāk.", None, "positive"),
    ("lv", "Akumulators izlādējas stundas laikā, nelietojams.", None, "negative"),
    ("lv", "Atbalsts atbildēja zibenīgi un laipni, paldies!", None, "positive"),
]

RO_13 = [
    (
        "ro",
        "Am comandat două mărimi, amândouă prea mici, iar rambursarea durează de o lună.",
        None,
        "negative",
    ),
    ("ro", "Vânzătorul a fost foarte săritor și a trimis coletul în aceeași zi.", None, "positive"),
    ("ro", "Jucăria s-a rupt în prima oră, copilul a fost trist.", None, "negative"),
    ("ro", "Destul de mulțumită, deși livrarea a durat puțin.", None, "positive"),
    ("ro", "Poza de pe site e înșelătoare, în realitate arată ieftin.", None, "negative"),
]


# A fourteenth batch, run before its changes (de 5, sl 4, lv 4, ro 3 of 6): gifts, double
# charges, a completely different colour, patient advice, coupons not applied, solid make.
DE_14 = [
    ("de", "Als Geschenk gekauft, meine Mutter hat sich riesig gefreut.", None, "positive"),
    ("de", "Die Seite hat meine Zahlung zweimal abgebucht und niemand hilft.", None, "negative"),
    ("de", "Farbe komplett anders, statt dunkelblau kam türkis.", None, "negative"),
    ("de", "Top Beratung per Chat, sehr kompetent und geduldig.", None, "positive"),
    (
        "de",
        "Der Gutschein wurde nicht angerechnet, Support schiebt es auf die Bank.",
        None,
        "negative",
    ),
    ("de", "Hochwertig verarbeitet, schwer und liegt gut in der Hand.", None, "positive"),
]

SL_14 = [
    ("sl", "Kupila sem za darilo, mama je bila presrečna.", None, "positive"),
    ("sl", "Stran mi je plačilo bremenila dvakrat in nihče ne pomaga.", None, "negative"),
    ("sl", "Barva popolnoma drugačna, namesto temno modre je prišla turkizna.", None, "negative"),
    ("sl", "Odlično svetovanje prek klepeta, zelo strokovno in potrpežljivo.", None, "positive"),
    ("sl", "Kupon ni bil upoštevan, podpora krivi banko.", None, "negative"),
    ("sl", "Kakovostno izdelano, težko in se lepo prime v roko.", None, "positive"),
]

LV_14 = [
    ("lv", "Pirku dāvanā, mamma bija ļoti priecīga.", None, "positive"),
    ("lv", "Mājaslapa noņēma naudu divreiz un neviens nepalīdz.", None, "negative"),
    ("lv", "Krāsa pavisam cita, tumši zilas vietā atnāca tirkīza.", None, "negative"),
    ("lv", "Lieliska konsultācija čatā, ļoti zinoši un pacietīgi.", None, "positive"),
    ("lv", "Kupons netika ņemts vērā, atbalsts vaino banku.", None, "negative"),
    ("lv", "Kvalitatīvi izgatavots, smags un labi guļ rokā.", None, "positive"),
]

RO_14 = [
    ("ro", "Cumpărat cadou, mama a fost foarte fericită.", None, "positive"),
    ("ro", "Site-ul mi-a luat banii de două ori și nimeni nu ajută.", None, "negative"),
    ("ro", "Culoare complet diferită, în loc de bleumarin a venit turcoaz.", None, "negative"),
    ("ro", "Consiliere excelentă pe chat, foarte competenți și răbdători.", None, "positive"),
    ("ro", "Cuponul nu a fost aplicat, suportul dă vina pe bancă.", None, "negative"),
    ("ro", "Bine lucrat, greu și stă bine în mână.", None, "positive"),
]


# A fifteenth batch, run before its changes (sl 5, lv 4, ro 7 of 8, de 4 of 6): opened parcels
# and used goods, pleasant surprises, no trace of the parcel, fakes, parts that fell off.
DE_15 = [
    ("de", "Das Paket war geöffnet und die Ware gebraucht.", None, "negative"),
    ("de", "Bin positiv überrascht von der Qualität.", None, "positive"),
    ("de", "Dritte Woche und vom Paket keine Spur.", None, "negative"),
    ("de", "Alles lief einwandfrei vom ersten Tag an.", None, "positive"),
    ("de", "Das Produkt war eine Fälschung, kein Original.", None, "negative"),
    ("de", "Der Reißverschluss ist nach zweimal Tragen abgefallen.", None, "negative"),
]

SL_15 = [
    ("sl", "Paket je bil odprt in izdelek rabljen.", None, "negative"),
    ("sl", "Sem prijetno presenečena nad kakovostjo.", None, "positive"),
    ("sl", "Tretji teden, paketa pa od nikoder.", None, "negative"),
    ("sl", "Vse je delovalo brezhibno že od prvega dne.", None, "positive"),
    ("sl", "Izdelek je bil ponaredek, ne original.", None, "negative"),
    ("sl", "Hitra in zanesljiva dostava, lepo zapakirano.", None, "positive"),
    ("sl", "Zadrga je odpadla po dveh nošenjih.", None, "negative"),
    ("sl", "Cena je zelo ugodna za tako kakovost.", None, "positive"),
]

LV_15 = [
    ("lv", "Paka bija atvērta un prece lietota.", None, "negative"),
    ("lv", "Esmu patīkami pārsteigta par kvalitāti.", None, "positive"),
    ("lv", "Trešā nedēļa, bet pakas nav ne vēsts.", None, "negative"),
    ("lv", "Viss strādāja nevainojami jau no pirmās dienas.", None, "positive"),
    ("lv", "Prece bija viltojums, nevis oriģināls.", None, "negative"),
    ("lv", "Ātra un uzticama piegāde, skaisti iepakots.", None, "positive"),
    ("lv", "Rāvējslēdzējs nokrita pēc divām valkāšanas reizēm.", None, "negative"),
    ("lv", "Cena ir ļoti laba par tādu kvalitāti.", None, "positive"),
]

RO_15 = [
    ("ro", "Coletul era deschis și produsul folosit.", None, "negative"),
    ("ro", "Sunt plăcut surprinsă de calitate.", None, "positive"),
    ("ro", "A treia săptămână și coletul nicăieri.", None, "negative"),
    ("ro", "Totul a funcționat impecabil din prima zi.", None, "positive"),
    ("ro", "Produsul era o contrafacere, nu original.", None, "negative"),
    ("ro", "Livrare rapidă și sigură, frumos ambalat.", None, "positive"),
    ("ro", "Fermoarul a căzut după două purtări.", None, "negative"),
    ("ro", "Prețul e foarte bun pentru o asemenea calitate.", None, "positive"),
]


# A sixteenth batch, run before its changes (de 6, sl 4, lv 4, ro 4 of 6): incomplete orders,
# first-class service, too thin, "a bit dearer but worth it".
DE_16 = [
    ("de", "Bestellung kam unvollständig, die Hälfte fehlt.", None, "negative"),
    ("de", "Größe passt perfekt, Material fühlt sich wertig an.", None, "positive"),
    ("de", "Nach dem Auspacken sofort kaputt, nicht mal einmal benutzt.", None, "negative"),
    ("de", "Service war erstklassig, hat mir sehr geholfen.", None, "positive"),
    ("de", "Leider viel zu dünn und durchsichtig.", None, "negative"),
    ("de", "Ich bin positiv überrascht, kann man nur loben.", None, "positive"),
]

SL_16 = [
    ("sl", "Naročilo je prišlo nepopolno, polovica manjka.", None, "negative"),
    ("sl", "Velikost se popolnoma prilega, material je občutno kakovosten.", None, "positive"),
    ("sl", "Takoj po odprtju pokvarjeno, niti enkrat uporabljeno.", None, "negative"),
    ("sl", "Storitev je bila prvovrstna, zelo so mi pomagali.", None, "positive"),
    ("sl", "Žal veliko pretanko in prosojno.", None, "negative"),
    ("sl", "Mogoče malo dražje, ampak se splača.", None, "positive"),
]

LV_16 = [
    ("lv", "Pasūtījums atnāca nepilnīgs, puse trūkst.", None, "negative"),
    ("lv", "Izmērs der perfekti, materiāls jūtami kvalitatīvs.", None, "positive"),
    ("lv", "Uzreiz pēc izpakošanas salūzis, ne reizi neizmantots.", None, "negative"),
    ("lv", "Serviss bija pirmklasīgs, ļoti palīdzēja.", None, "positive"),
    ("lv", "Diemžēl pārāk plāns un caurspīdīgs.", None, "negative"),
    ("lv", "Varbūt nedaudz dārgāk, bet tas ir tā vērts.", None, "positive"),
]

RO_16 = [
    ("ro", "Comanda a venit incompletă, lipsește jumătate.", None, "negative"),
    ("ro", "Mărimea se potrivește perfect, materialul se simte de calitate.", None, "positive"),
    ("ro", "Stricat imediat după despachetare, nefolosit nici măcar o dată.", None, "negative"),
    ("ro", "Serviciul a fost de primă clasă, m-au ajutat foarte mult.", None, "positive"),
    ("ro", "Din păcate mult prea subțire și transparent.", None, "negative"),
    pytest.param(
        "ro",
        "Poate puțin mai scump, dar merită.",
        None,
        "positive",
        marks=pytest.mark.xfail(reason="'scump' and 'merită' count one each"),
    ),
]


# A seventeenth batch, run before its changes (sl 7, lv 8, ro 8 of 8): value for money, parcels
# left in the rain, used goods, "never seen a shop this good", refunds still missing.
SL_17 = [
    ("sl", "Super razmerje med ceno in kakovostjo, toplo priporočam.", None, "positive"),
    ("sl", "Kurir je paket pustil pred vrati na dežju, vse mokro.", None, "negative"),
    ("sl", "Dobil sem rabljen izdelek z madeži, sramota.", None, "negative"),
    ("sl", "Tako dobre trgovine še nisem srečal.", None, "positive"),
    ("sl", "Nikoli več, denarja še vedno nisem dobil nazaj.", None, "negative"),
    ("sl", "Presenetljivo dobro za tako nizko ceno.", None, "positive"),
    ("sl", "Dimenzije ne ustrezajo opisu, vrnil sem.", None, "negative"),
    ("sl", "Zelo hitra odzivnost, vse urejeno v enem dnevu.", None, "positive"),
]

LV_17 = [
    ("lv", "Lieliska cenas un kvalitātes attiecība, ļoti iesaku.", None, "positive"),
    ("lv", "Kurjers atstāja paku pie durvīm lietū, viss slapjš.", None, "negative"),
    ("lv", "Saņēmu lietotu preci ar traipiem, kauns.", None, "negative"),
    ("lv", "Tik labu veikalu vēl nebiju redzējis.", None, "positive"),
    ("lv", "Nekad vairs, naudu joprojām neesmu atguvis.", None, "negative"),
    ("lv", "Pārsteidzoši labi par tik zemu cenu.", None, "positive"),
    ("lv", "Izmēri neatbilst aprakstam, atdevu atpakaļ.", None, "negative"),
    ("lv", "Ļoti ātra reakcija, viss nokārtots vienā dienā.", None, "positive"),
]

RO_17 = [
    ("ro", "Raport calitate-preț super, recomand cu căldură.", None, "positive"),
    ("ro", "Curierul a lăsat coletul la ușă în ploaie, totul ud.", None, "negative"),
    ("ro", "Am primit un produs folosit cu pete, rușine.", None, "negative"),
    ("ro", "Un magazin atât de bun n-am mai întâlnit.", None, "positive"),
    ("ro", "Niciodată, banii încă nu i-am primit înapoi.", None, "negative"),
    ("ro", "Surprinzător de bun pentru un preț atât de mic.", None, "positive"),
    ("ro", "Dimensiunile nu corespund descrierii, l-am trimis înapoi.", None, "negative"),
    ("ro", "Reacție foarte rapidă, totul rezolvat într-o zi.", None, "positive"),
]

DE_17: list[Any] = []


# An eighteenth batch, run before its changes (de 7, lv 6 of 8): flickering lamps, scratchy
# fabric, "as promised", zero reaction, exchanges at the buyer's cost.
DE_18 = [
    ("de", "Die Lampe flackert ständig, Rückgabe beantragt.", None, "negative"),
    ("de", "Toller Kontakt mit dem Händler, alles unkompliziert geklärt.", None, "positive"),
    ("de", "Der Stoff kratzt und fusselt nach dem ersten Waschen.", None, "negative"),
    ("de", "Alles wie versprochen, pünktlich und ordentlich verpackt.", None, "positive"),
    ("de", "Null Reaktion auf meine Beschwerde.", None, "negative"),
    ("de", "Hält was es verspricht, bin voll zufrieden.", None, "positive"),
    ("de", "Statt Größe M kam XL, und der Umtausch kostet mich Porto.", None, "negative"),
    ("de", "Klare Empfehlung, kaufe hier immer wieder.", None, "positive"),
]

LV_18 = [
    ("lv", "Lampa visu laiku mirgo, pieteicu atgriešanu.", None, "negative"),
    ("lv", "Lieliska saziņa ar pārdevēju, viss atrisināts bez sarežģījumiem.", None, "positive"),
    ("lv", "Audums kož un pēc pirmās mazgāšanas pūkojas.", None, "negative"),
    ("lv", "Viss kā solīts, laikā un rūpīgi iepakots.", None, "positive"),
    ("lv", "Nulle reakcijas uz manu sūdzību.", None, "negative"),
    ("lv", "Atbilst aprakstam, esmu pilnīgi apmierināts.", None, "positive"),
    ("lv", "M izmēra vietā atnāca XL, un par apmaiņu jāmaksā pašam.", None, "negative"),
    ("lv", "Noteikti iesaku, pērku šeit vienmēr.", None, "positive"),
]

SL_18: list[Any] = []
RO_18: list[Any] = []


# DE, DE_2 ... DE_18, DE_LACK and the same for sl, lv, ro.
_SUFFIXES = ("", *(f"_{n}" for n in range(2, 19)), "_LACK")
BATCHES: dict[str, list[Any]] = {
    lang: [case for suffix in _SUFFIXES for case in globals()[lang.upper() + suffix]]
    for lang in ("de", "sl", "lv", "ro")
}
CASES: list[Any] = EN + [case for cases in BATCHES.values() for case in cases]


@pytest.mark.parametrize(("language", "text", "rating", "expected"), CASES)
def test_sentiment_of_short_shop_reviews(
    classifier: Classifier, language: str, text: str, rating: int | None, expected: str
) -> None:
    result = classifier.classify(ReviewInput(text=text, rating=rating, declared_language=language))
    assert result.sentiment.label == expected, result.explanations


# Words that look like polarity terms but are not, in the language they are written in.
# (language, text, label that must not be found un-negated)
GUARDS = [
    ("de", "Nach fast drei Wochen kam das Paket.", "positive"),  # fast = almost
    ("de", "Das ist schon das dritte Paket.", "positive"),  # schon = already (schön folds to it)
    ("de", "Alles problemlos geklappt.", "negative"),
    ("de", "Die Lieferung war problemlos und pünktlich.", "negative"),
    ("lv", "Pasūtīju rudenī, atnāca ziemā.", "negative"),  # rudens = autumn, not "rude"
    ("lv", "Bez problēmām.", "negative"),
    ("sl", "Brez težav.", "negative"),
    ("sl", "Ni slabo.", "negative"),
    ("de", "Passt gut, keine Beanstandungen.", "negative"),
    ("ro", "Fără probleme.", "negative"),
    ("ro", "Coletul ne-a ajuns ieri.", "negative"),  # ne = us, not a negator
    ("ro", "Niciodată nu am avut probleme.", "negative"),
    ("en", "Never had a problem.", "negative"),
    ("de", "Der Versand nach Slowenien hat drei Tage gedauert.", "negative"),  # not "slow"
    ("lv", "Kurjers pateica, ka atvedīs rīt.", "positive"),  # pateica = told, not thanked
    ("lv", "Iesākumā nebiju pārliecināta.", "positive"),  # iesākums = beginning
    ("ro", "Am cumpărat un ruj, nu lipstick de firmă.", "negative"),  # lipstick, not lipsă
    ("sl", "Enostavno ne dela.", "positive"),  # enostavno = simply, not "easy"
    ("de", "Hat nicht mehr als zwei Tage gedauert.", "negative"),  # "no more than"
    ("de", "Geld war sofort zurück.", "negative"),
    ("sl", "Pušča dober vtis.", "negative"),  # pušča = leaves (an impression), not leaks
    ("ro", "Am comandat și alt produs.", "negative"),  # another item too, not a wrong one
    ("ro", "Încă nu am avut probleme.", "negative"),
    ("lv", "Piegāde tur ilgi jāgaida.", "positive"),  # tur = there, not "holds"
    ("ro", "Făina a ajuns ieri.", "positive"),  # făină = flour (folds like faină = nice)
    ("sl", "Popolnoma neuporabno.", "positive"),  # popolnoma = completely, not "perfect"
]


@pytest.mark.parametrize(("language", "text", "label"), GUARDS)
def test_false_polarity_guards(scanner: Scanner, language: str, text: str, label: str) -> None:
    scan = scanner.scan(prepare(None, text).tokens, {language})
    found = [m.text for m in scan.of("polarity") if m.label == label and not m.negated]
    assert not found


# Negation as terms: the negator's polarity flip, and Latvian ne- verbs in the lists.
NEGATED = [
    ("de", "Das Produkt ist nicht gut.", "positive"),
    ("de", "Keine gute Qualität.", "positive"),
    ("sl", "Izdelek ni dober.", "positive"),
    ("sl", "Nisem zadovoljna.", "positive"),
    ("lv", "Neesmu apmierināts.", "positive"),
    ("lv", "Nevaru ieteikt.", "positive"),
    ("ro", "Nu sunt mulțumită.", "positive"),
    ("ro", "Nu este bun deloc.", "positive"),
    ("en", "Lack of good accessories.", "positive"),
    ("de", "Mangel an gutem Zubehör.", "positive"),
    ("sl", "Pomanjkanje dobrih dodatkov.", "positive"),
    ("lv", "Trūkst labu piederumu.", "positive"),
    ("ro", "Lipsa unor accesorii bune.", "positive"),
]


@pytest.mark.parametrize(("language", "text", "label"), NEGATED)
def test_negated_praise_is_negated(scanner: Scanner, language: str, text: str, label: str) -> None:
    scan = scanner.scan(prepare(None, text).tokens, {language})
    matches = [m for m in scan.of("polarity") if m.label == label]
    assert matches and all(m.negated for m in matches)


# Negative concord (sl, lv, ro): "never / nobody / nothing" with a negated verb negate once, so
# the listed complaint phrase that starts with the verb's negator stays a complaint.
CONCORD = [
    ("sl", "Paket nikoli ni prispel."),
    ("sl", "Nič ne deluje, kot bi moralo."),
    ("lv", "Neviens neatbild uz e-pastiem."),
    ("lv", "Tas nekad nestrādāja."),
    ("ro", "Coletul nici acum nu a sosit."),
    ("ro", "Nimic nu merge."),
    ("ro", "Nu mai comand niciodată."),
]


@pytest.mark.parametrize(("language", "text"), CONCORD)
def test_negative_concord_keeps_the_complaint(scanner: Scanner, language: str, text: str) -> None:
    scan = scanner.scan(prepare(None, text).tokens, {language})
    matches = scan.of("polarity")
    assert matches
    assert all(m.label == "negative" and not m.negated for m in matches)
