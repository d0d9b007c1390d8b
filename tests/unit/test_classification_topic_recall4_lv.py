"""Latvian recall of product_quality and delivery_delay, round 4 (issue #21).

The two weakest topics after rounds 1-3 (test_classification_topic_terms_lv.py,
test_classification_topic_recall_lv.py, test_classification_topic_recall2_lv.py,
test_classification_topic_recall3_lv.py): a product that stops working, breaks, comes apart,
fades, shrinks, leaks, tastes off or is badly made, with no explicit "quality" word; a parcel
that is still not here, stuck, postponed or cancelled for never coming. Realistic 1-2 star
Latvian shop reviews (short angry ones, run-on sentences, no diacritics, slang, typos) across
cosmetics, food, electronics, furniture, clothing, toys, garden, car parts, pet supplies and
kitchen, in phrasings the earlier rounds did not use. Written independently of the frozen, blind,
dev and multilingual evaluation sets (not read). Each case names the review's main topic and the
severity reasons it must get (none: none of the "high" reasons); controls name topics that must
NOT be found. Each batch's comment says how many of its items passed before the list changes it
prompted.
"""

import pytest

from tests.support.topic_terms import case_test, control_test

# Batch A: before any list change, 17 of these 56 passed (cases 7 of 44: product_quality 1/28,
# delivery_delay 6/16; controls 10 of 12). After: all but four xfails.
CASES_A = [
    # product_quality
    ("Tējkanna neuzvāra ūdeni, tikai čīkst.", 1, "product_quality", ()),
    ("Veļasmašīna necentrifugē, trumulis vispār negriežas.", 1, "product_quality", ()),
    ("Galda virsma pēc mēneša saplaisāja pa vidu.", 1, "product_quality", ()),
    ("Krēsls sāka ļodzīties, skrūves visu laiku atskrūvējas.", 2, "product_quality", ()),
    ("Džemperis pēc pirmās mazgāšanas sagāja uz pusi.", 1, "product_quality", ()),
    ("krasa nak nost no krekla visa vela zila", 1, "product_quality", ()),
    ("Krēms sadalījies, virspusē eļļa, apakšā kunkuļi.", 1, "product_quality", ()),
    ("Šokolāde balta pa virsu un garšo pēc ziepēm.", 1, "product_quality", ()),
    ("Suņu barībā kodes, visa paka jāmet ārā.", 1, "product_quality", ()),
    ("Kaķu kasīšanās stabs sašķiebās jau pirmajā dienā.", 2, "product_quality", ()),
    pytest.param(
        "Dārza šļūtene sprāga pēc pirmās vasaras.",
        2,
        "product_quality",
        (),
        marks=pytest.mark.xfail(
            reason="'sprāga' (burst) is also 'exploded': a safety word in the severity lists",
            strict=True,
        ),
    ),
    ("Priekšējais lukturis iekšpusē aizsvīst, ūdens iekšā.", 2, "product_quality", ()),
    pytest.param(
        "Bērnu mašīnai ritenis nokrita pēc piecām minūtēm.",
        1,
        "product_quality",
        (),
        marks=pytest.mark.xfail(
            reason="a wheel coming off is a safety reason (a car's); a toy's needs a rule",
            strict=True,
        ),
    ),
    ("Plauktam urbumi nesakrīt, skrūves neiet iekšā.", 1, "product_quality", ()),
    ("Viedpulkstenis nesavienojas ar telefonu, aplikācija to neredz.", 1, "product_quality", ()),
    ("Televizoram pa ekrānu iet svītras.", 1, "product_quality", ()),
    ("skrejritenis dard un klab briesmigi trokšņo", 2, "product_quality", ()),
    ("Bikšu šuve atirusi pēc pirmās valkāšanas.", 1, "product_quality", ()),
    ("Uzlāde turas tikai divas stundas, tad austiņas izslēdzas.", 2, "product_quality", ()),
    ("Dzīvžoga šķēres neasas, zarus negriež, tikai mīca.", 1, "product_quality", ()),
    ("Pannai viss pielīp, pārklājums nekāds.", 1, "product_quality", ()),
    ("nopirku kurpes pec nedelas zole atlipa un sanos plisa", 1, "product_quality", ()),
    ("Lellei mati izkrīt kušķiem.", 2, "product_quality", ()),
    ("Dzirnaviņas maļ nevienmērīgi, pusi pupiņu atstāj veselas.", 2, "product_quality", ()),
    ("Lietussargs pie pirmā vēja apgriezās, spieķi salocījās.", 1, "product_quality", ()),
    ("Bodijs pēc mazgāšanas nospalvojies un sagājis kunkuļos.", 2, "product_quality", ()),
    ("Bezvadu austiņas pazaudē savienojumu ik pēc minūtes.", 2, "product_quality", ()),
    ("Galdam kājas nevienādā garumā, viss šūpojas.", 2, "product_quality", ()),
    # delivery_delay
    ("Kur ir mana paciņa?? Jau 3 nedēļas nekā.", 1, "delivery_delay", ()),
    ("Statuss nemainās jau nedēļu, nekas nekustas.", 1, "delivery_delay", ()),
    ("Solītais datums pagāja, nekā nav.", 1, "delivery_delay", ()),
    ("Kurjers trīs reizes atcēla piegādi.", 1, "delivery_delay", ()),
    pytest.param(
        "Atcēlu pasūtījumu, jo tā arī nesagaidīju.",
        1,
        "delivery_delay",
        (),
        marks=pytest.mark.xfail(
            reason="'tā arī nesagaidīju' (never got it) is no delay term: it was dropped for"
            " catching 'never got the call back' (the cancellation is no longer the obstacle)",
            strict=True,
        ),
    ),
    ("Vēl nav atsūtīts!!!", 1, "delivery_delay", ()),
    ("pasutiju zales sunim pirms 3 nedelam vel arvien gaidu", 1, "delivery_delay", ()),
    ("Piegādi visu laiku pārliek no vienas dienas uz otru.", 1, "delivery_delay", ()),
    ("Desmit dienas pagājušas, bet prece nav pat izsūtīta.", 1, "delivery_delay", ()),
    ("Dīvānu sola atvest jau kopš marta, tagad ir maijs.", 1, "delivery_delay", ()),
    ("gaidu gaidu un nekā", 1, "delivery_delay", ()),
    ("Piegādes termiņš sen pārsniegts, ne preces, ne atbildes.", 1, "delivery_delay", ()),
    ("Dāvana Ziemassvētkiem atnāca pēc svētkiem.", 2, "delivery_delay", ()),
    ("Vai paka nāk ar kamieļiem? 3 nedēļas.", 1, "delivery_delay", ()),
    ("Riepas vēl nav atvestas, mašīna stāv bez riepām.", 1, "delivery_delay", ()),
    ("Paka kaut kur iesprūdusi muitā un nekustas.", 1, "delivery_delay", ()),
]

CONTROLS_A = [
    ("Atnāca ātri, strādā bez problēmām.", 5, ("delivery_delay",)),
    ("Kurjers bija rupjš un nepieklājīgs.", 1, ("product_quality",)),
    ("Kaste bija saspiesta, bet trauki veseli.", 3, ("product_quality",)),
    ("Pasūtīju ziemas riepas, atnāca nākamajā dienā, viss kārtībā.", 5, ("delivery_delay",)),
    pytest.param(
        "Nauda atpakaļ nav atnākusi jau divas nedēļas.",
        1,
        ("delivery_delay",),
        marks=pytest.mark.xfail(
            reason="'nauda atpakaļ' is no returns_refunds term (not this round's lists), so the"
            " refund rule does not hold the wait back",
            strict=True,
        ),
    ),
    ("Veikalā pārdevēja ignorēja, stāvēju 20 minūtes.", 1, ("product_quality",)),
    ("Izmērs par mazu, apmainīšu pret lielāku.", 3, ("product_quality",)),
    ("Mājaslapa uzkaras tieši pie apmaksas.", 1, ("product_quality",)),
    ("Atbildi no klientu servisa gaidu jau nedēļu.", 1, ("delivery_delay",)),
    ("Piegāde ātra, bet ēdiens garšo pēc ziepēm.", 2, ("delivery_delay",)),
    ("Kurjers atbrauca laikā, bet kaste bija pārplēsta.", 2, ("product_quality",)),
    ("Krāsa atšķiras no bildes, pārējais ok.", 3, ("delivery_delay", "product_quality")),
]


# Batch B: before the list changes it prompted, 9 of these 44 passed (cases 1 of 35:
# product_quality 0/23, delivery_delay 1/12; controls 8 of 9). After: all but two xfails.
CASES_B = [
    # product_quality
    ("Matu taisnotājs nesakarst, mati paliek tādi paši.", 2, "product_quality", ()),
    ("Maskara sakalst pēc nedēļas un birst uz vaigiem.", 2, "product_quality", ()),
    ("Drons neceļas gaisā, propelleri lūzt paši no sevis.", 1, "product_quality", ()),
    ("Robotam pēc dienas kājas aizķeras un tas vairs nestaigā.", 1, "product_quality", ()),
    ("kafija garso pec degusas gumijas", 1, "product_quality", ()),
    ("Termoss netur siltumu, pēc stundas tēja auksta.", 2, "product_quality", ()),
    ("Gultas rāmis kustas un klaudz pie katras kustības.", 2, "product_quality", ()),
    ("Ziemas zābaki laiž iekšā sniegu un slapjumu.", 1, "product_quality", ()),
    ("Jakai pēc mēneša spalvas lien ārā pa šuvēm.", 2, "product_quality", ()),
    ("Lejkanna sūcas pa šuvi, nekur nevar nolikt.", 2, "product_quality", ()),
    ("Zīmuļu serdes visu laiku lūst, nevar uzasināt.", 2, "product_quality", ()),
    ("mopsim kakla siksna pec nedelas atspraga vala", 1, "product_quality", ()),
    ("Klaviatūrai dažas pogas iestrēgst un nereaģē.", 2, "product_quality", ()),
    ("Dušas galva šļāc uz visām pusēm, tikai ne uz leju.", 2, "product_quality", ()),
    ("Krāsa nesedz vispār, vajag četras kārtas.", 1, "product_quality", ()),
    ("Zobu pasta sacietējusi tūbiņā.", 2, "product_quality", ()),
    ("Šampūns neputo un matus tikai sapin.", 2, "product_quality", ()),
    ("Sieram dīvaina piegarša, it kā sasmacis.", 1, "product_quality", ()),
    ("Trimmeris noslāpst ik pēc minūtes.", 1, "product_quality", ()),
    ("Zāles pļāvējs pēc otrās reizes vairs neiedarbojas.", 1, "product_quality", ()),
    ("Pults kursors pats kustas pa ekrānu.", 2, "product_quality", ()),
    ("No cimdiem visas rokas nokrāsojās melnas.", 2, "product_quality", ()),
    ("Zeķēm pēc pirmās reizes papēdis caurs.", 1, "product_quality", ()),
    # delivery_delay
    ("Izsekošanā paka jau divas nedēļas 'ceļā' un nekustas.", 1, "delivery_delay", ()),
    pytest.param(
        "DPD solīja rīt, rīt, rīt... un nekā.",
        1,
        "delivery_delay",
        (),
        marks=pytest.mark.xfail(
            reason="commas split the repeated 'rīt', and 'solīja rīt' alone is as often kept",
            strict=True,
        ),
    ),
    ("Samaksāju, bet preci nav kur redzēt jau 17 dienas.", 1, "delivery_delay", ()),
    ("Kad beidzot būs mana kafijas mašīna??", 1, "delivery_delay", ()),
    ("Kurjers saka, ka paka vēl nav atnākusi uz viņu noliktavu.", 1, "delivery_delay", ()),
    ("Nav ne preces, ne naudas.", 1, "delivery_delay", ()),
    ("Sūtījums kaut kur Varšavā, statuss nemainās.", 1, "delivery_delay", ()),
    ("paku nevar atrast neviens ne pasts ne veikals", 1, "delivery_delay", ()),
    ("Apsolīja atbraukt no 9 līdz 18, neatbrauca.", 1, "delivery_delay", ()),
    ("Pasūtīju uz kāzām, tā arī nepienāca laikā.", 1, "delivery_delay", ()),
    ("Pakomātā jau kuro dienu rāda 'gaida izsūtīšanu'.", 1, "delivery_delay", ()),
    pytest.param(
        "Mēbeles vedīs laikam nākamgad.",
        1,
        "delivery_delay",
        (),
        marks=pytest.mark.xfail(
            reason="sarcasm with no delivery or waiting word: needs more than a list",
            strict=True,
        ),
    ),
]

CONTROLS_B = [
    ("Pirmais bija brāķis, bet nomainīja ātri un bez jautājumiem.", 4, ("delivery_delay",)),
    ("Kurjers atveda vakarā, kā solīts, viss strādā.", 5, ("delivery_delay",)),
    ("Dāvana atnāca pirms svētkiem, paldies!", 5, ("delivery_delay",)),
    ("Gaidīju atbildi no veikala nedēļu, beigās atmaksāja.", 2, ("delivery_delay",)),
    ("Solīja atzvanīt un tā arī nesagaidīju zvanu.", 1, ("delivery_delay",)),
    ("Izmērs mazs, jāsūta atpakaļ, bet piegāde bija ātra.", 2, ("delivery_delay",)),
    ("Kaste sadauzīta, bet pats pods vesels.", 2, ("product_quality",)),
    ("Lietotne neļauj pieslēgties kontam, nevaru apmaksāt.", 1, ("product_quality",)),
    ("Pārdevējs nepieklājīgs, nācās stāvēt rindā pusstundu.", 1, ("product_quality",)),
    # Precision checks of batch B's own terms, written after them: each failed before
    # 'garšo pēc', 'nesavienoj*', 'pielip*' and the 'nav pienāk*' hint were narrowed.
    ("Mājaslapa nesavienojas ar banku, nevar samaksāt.", 1, ("product_quality",)),
    ("Atbilde no atbalsta nav pienākusi, piegāde gan ātra.", 2, ("delivery_delay",)),
    ("Mans kaķis pielipis šai mantiņai, katru dienu spēlējas.", 5, ("product_quality",)),
    ("Kafija garšo pēc šokolādes, iesaku.", 5, ("product_quality",)),
]


test_batch_a_case = case_test("lv", CASES_A)


test_batch_a_control = control_test("lv", CONTROLS_A)


test_batch_b_case = case_test("lv", CASES_B)


test_batch_b_control = control_test("lv", CONTROLS_B)
