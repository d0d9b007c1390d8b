"""Latvian recall and precision of the other topics, round 3 (issue #21).

size_fit, price_value, damaged_packaging, returns_refunds, customer_service, website_checkout
and customs_fees in realistic 1-2 star Latvian shop reviews (short angry ones, run-on sentences,
no diacritics, slang, typos), in phrasings rounds 1 and 2 (test_classification_topic_terms_lv.py,
test_classification_topic_recall_lv.py, test_classification_topic_recall2_lv.py) did not use.
Written independently of the frozen, blind, dev and multilingual evaluation sets (not read).
Each case names the review's main topic and the severity reasons it must get (none: none of the
"high" reasons); controls name topics that must NOT be found (precision: "der" of a charger,
"lēta plastmasa", "kaste bija skaista"). Each batch's comment says how many of its items passed
before the list changes it prompted.
"""

import pytest

from tests.support.topic_terms import ASPECT_OR_RESTORED, REASON_RESTORED, case_test, control_test

# Batch A: before any list change, 27 of these 67 passed (cases 23 of 54: size_fit 3/8,
# price_value 5/8, damaged_packaging 3/8, returns_refunds 5/8, customer_service 1/7,
# website_checkout 3/8, customs_fees 3/7; controls 4 of 13). After: all but three xfails.
CASES_A = [
    # size_fit
    ("Kurpes spiež, vajadzēja ņemt vienu numuru lielāku.", 1, "size_fit", ()),
    ("bikses garas ka klaunam un jostasvieta krit nost", 2, "size_fit", ()),
    ("Izmēru tabula nepareiza, pēc tās pasūtīju L, bet tas ir kā S.", 2, "size_fit", ()),
    ("Jaka šaura plecos, rāvējslēdzēju nevar aizvilkt.", 2, "size_fit", ()),
    pytest.param(
        "Cimdi milzīgi, pirksti paliek tukši.",
        2,
        "size_fit",
        (),
        marks=pytest.mark.xfail(
            reason="'milzīgi' is as often 'hugely' (milzīgi vīlos, milzīgs paldies)", strict=True
        ),
    ),
    ("Cepure maza, uz galvas neuzvelkama.", 1, "size_fit", ()),
    ("Apavi nāk mazāki, pasūtiet pusnumuru lielākus.", 2, "size_fit", ()),
    ("Krūšturis neder, kausiņi par lieliem un lencītes slīd.", 2, "size_fit", ()),
    # price_value
    ("Pārmaksāju, tas pats Rimi maksā uz pusi mazāk.", 2, "price_value", ()),
    ("Citur tas pats ir par 20 eiro lētāk, jūtos kā muļķis.", 2, "price_value", ()),
    ("Piegāde maksāja vairāk nekā pati prece, slēptas izmaksas.", 2, "price_value", ()),
    ("Stipri pārcenots, tāda lupata nav pat 5 eiro vērta.", 1, "price_value", ()),
    ("Neatbilst cenai. Plastmasa kā no tirgus.", 2, "price_value", ()),
    ("dargi dargi dargi un nekas ipass", 2, "price_value", ()),
    ("Nav savas naudas vērta, labāk būtu nopircis citur.", 2, "price_value", ()),
    ("Ņem naudu par gaisu, 30 eiro par trim mazām svecītēm.", 1, "price_value", ()),
    # damaged_packaging
    ("Kaste atnāca iespiesta, kafijas kannai iebuktējums.", 1, "damaged_packaging", ()),
    ("Pakomātā saņēmu izmirkušu kasti, grāmata uzbriedusi.", 1, "damaged_packaging", ()),
    ("Iepakots plānā maisiņā bez burbuļplēves, lampa salauzta.", 1, "damaged_packaging", ()),
    (
        "kurjers laikam meta paku, sturi sadauziti un monitors ieplisis",
        1,
        "damaged_packaging",
        (),
    ),
    ("Pārvadājot sabojāts, spogulis atnāca sasists.", 1, "damaged_packaging", ()),
    ("Kārba pilnīgi saplacināta, čipsi drupatās.", 1, "damaged_packaging", ()),
    ("Eļļas pudele pa ceļam saplīsa un izlija pa visu paku.", 1, "damaged_packaging", ()),
    ("Kastes stūri sadragāti, iekšā nekāda polsterējuma.", 2, "damaged_packaging", ()),
    # returns_refunds
    ("Atteica pieņemt atgriezumu, jo esot atvērts iepakojums.", 1, "returns_refunds", ()),
    ("Naudu par atgriezto preci vēl neesmu redzējis.", 1, "returns_refunds", ()),
    ("Atpakaļsūtīšanas uzlīmi nedod, jāmaksā pašam.", 2, "returns_refunds", ()),
    ("Gribēju samainīt pret lielāku, bet maiņu neveic.", 2, "returns_refunds", ()),
    ("Par atgriešanu paņēma 10 eiro apstrādes maksu, kas tas par joku.", 1, "returns_refunds", ()),
    ("Solīja atmaksu 14 dienu laikā, bet nekā.", 1, "returns_refunds", ()),
    ("naudu neatdod jau 2 menesus", 1, "returns_refunds", ()),
    ("Preci paņēma atpakaļ, bet ieskaitīja tikai pusi summas.", 2, "returns_refunds", ()),
    # customer_service
    ("Čatbots neko nesaprot, cilvēku dabūt nav iespējams.", 1, "customer_service", ()),
    ("Operators nometa klausuli pusteikumā.", 1, "customer_service", ()),
    ("Apsolīja atzvanīt un neatzvanīja.", 1, "customer_service", ()),
    ("rakstiju 5 vestules nekadas reakcijas", 1, "customer_service", ()),
    ("Konsultants bija augstprātīgs un runāja pretīgi.", 1, "customer_service", ()),
    ("Infolīnijā jāgaida 40 minūtes, tad savienojums pārtrūkst.", 2, "customer_service", ()),
    ("Veikala personāls izturējās nicīgi.", 1, "customer_service", ()),
    # website_checkout
    ("Apmaksa ar karti neizgāja, nauda noņemta, pasūtījuma nav.", 1, "website_checkout", ()),
    ("Atlaižu kupons netika pieņemts, rakstīja ka nederīgs.", 2, "website_checkout", ()),
    ("Lietotne nobrūk tieši pie apmaksas.", 2, "website_checkout", ()),
    ("Nevaru izveidot kontu, apstiprinājuma e-pasts nepienāk.", 2, "website_checkout", ()),
    ("Promo kods nenostrādāja un cena palika tā pati.", 2, "website_checkout", ()),
    ("Mājaslapā nevar izvēlēties piegādes veidu, poga nespiežas.", 2, "website_checkout", ()),
    ("Bankas maksājums atgriezās ar kļūdu trīs reizes.", 2, "website_checkout", ()),
    ("aplikacija izmet ara kad spiezu apmaksat", 1, "website_checkout", ()),
    # customs_fees
    ("Pie piegādes vēl jāmaksā muita 25 eiro, nekur nebija rakstīts.", 1, "customs_fees", ()),
    ("Kurjers prasīja samaksāt PVN un muitošanas pakalpojumu.", 1, "customs_fees", ()),
    ("Sūta no Ķīnas, tāpēc papildus nodevas, nekur nebrīdināja.", 1, "customs_fees", ()),
    ("Omniva pieprasīja ievedmuitu 12 eur.", 1, "customs_fees", ()),
    ("Muitas deklarēšana izmaksāja vairāk nekā pati prece.", 1, "customs_fees", ()),
    ("Saņemot DPD iekasēja nodevas par ievešanu no Lielbritānijas.", 1, "customs_fees", ()),
    ("Nekur nav minēts, ka prece nāk no ārpus ES.", 1, "customs_fees", ()),
]

CONTROLS_A = [
    pytest.param(
        "Izmērs atbilst perfekti, sēž kā uzlieta.",
        5,
        ("size_fit",),
        marks=pytest.mark.xfail(reason=ASPECT_OR_RESTORED),
    ),
    pytest.param(
        "Der ideāli, ņēmu savu parasto izmēru.",
        5,
        ("size_fit",),
        marks=pytest.mark.xfail(reason=ASPECT_OR_RESTORED),
    ),
    pytest.param(
        "Der arī manam vecajam telefonam, lādē ātri.",
        5,
        ("size_fit",),
        marks=pytest.mark.xfail(reason=ASPECT_OR_RESTORED),
    ),
    ("Kurpes ērtas, bet zole atlīmējās pēc nedēļas.", 2, ("size_fit",)),
    pytest.param(
        "Lieliska cena un ātra piegāde, iesaku!",
        5,
        ("price_value",),
        marks=pytest.mark.xfail(reason=ASPECT_OR_RESTORED),
    ),
    pytest.param(
        "Par šādu cenu super kvalitāte.",
        5,
        ("price_value",),
        marks=pytest.mark.xfail(reason=ASPECT_OR_RESTORED),
    ),
    ("Lēta plastmasa, salūza pēc dienas.", 1, ("price_value",)),
    ("Kaste, kurā atnāca, noderēs mantu glabāšanai.", 5, ("damaged_packaging",)),
    ("Iepakojums bija rūpīgs, viss vesels.", 5, ("damaged_packaging",)),
    ("Kaste bija ļoti skaista, dāvanai ideāla.", 5, ("damaged_packaging",)),
    pytest.param(
        "Muitas nebija, jo noliktava ir ES.",
        5,
        ("customs_fees",),
        marks=pytest.mark.xfail(
            reason="a negator after the term ('muitas nebija') needs a rule, not a list",
            strict=True,
        ),
    ),
    ("Mājaslapa ērta, pasūtīt varēja pāris klikšķos.", 5, ("website_checkout",)),
    pytest.param(
        "Telefons lēts, bet ekrāns pēc mēneša nodzisa.",
        1,
        ("price_value",),
        marks=pytest.mark.xfail(reason=REASON_RESTORED),
    ),
]


# Batch B: before the list changes it prompted, 15 of these 38 passed (cases 8 of 30: size_fit
# 1/6, price_value 0/4, damaged_packaging 0/4, returns_refunds 2/4, customer_service 1/4,
# website_checkout 2/4, customs_fees 2/4; controls 7 of 8). After: all but four xfails.
CASES_B = [
    # size_fit
    pytest.param(
        "Zeķubikses pat XL tik tikko līdz ceļiem.",
        2,
        "size_fit",
        (),
        marks=pytest.mark.xfail(
            reason="too small only by what pantyhose should reach; no size word", strict=True
        ),
    ),
    ("Mētelis plecos kā uz pakaramā, piedurknes nokarājas pāri pirkstiem.", 2, "size_fit", ()),
    ("sporta kurpes pa lielu papeži slid ara", 2, "size_fit", ()),
    ("Gredzens neiet uz pirksta, norādīts 18, bet reāli 16.", 2, "size_fit", ()),
    ("Realitātē jāņem divus izmērus lielāk nekā parasti.", 2, "size_fit", ()),
    ("Dīvāna pārvalks neiet virsū mūsu dīvānam.", 2, "size_fit", ()),
    # price_value
    ("Pārdod par trīskāršu cenu, internetā atradu par 9 eiro.", 1, "price_value", ()),
    ("Par tādu naudu varēja nopirkt ko normālu.", 2, "price_value", ()),
    ("Cena kā zeltam, kvalitāte kā Ķīnas tirgū.", 1, "price_value", ()),
    pytest.param(
        "Pēc nedēļas tas pats bija ar 40% atlaidi, jūtos apmuļķots.",
        2,
        "price_value",
        (),
        marks=pytest.mark.xfail(
            reason="a later discount is price only in context; no price word", strict=True
        ),
    ),
    # damaged_packaging
    ("Kurjers kasti acīmredzot meta, stikls burtiski sašķīdis.", 1, "damaged_packaging", ()),
    ("Kaste kā pēc kara, sienas iebrukušas, plaukts saliekts.", 1, "damaged_packaging", ()),
    ("Krēma tūbiņa pārplīsusi, viss kastē izsmērēts.", 1, "damaged_packaging", ()),
    ("paka atnaca saslapusi un ar caurumu", 1, "damaged_packaging", ()),
    # returns_refunds
    ("Sesto nedēļu gaidu, kad atgriezīs naudu par atdotajām kurpēm.", 1, "returns_refunds", ()),
    ("Atteicās ņemt atpakaļ, jo esot pagājušas 14 dienas.", 1, "returns_refunds", ()),
    ("Par atpakaļ sūtīšanu jāmaksā pašam 8 eur.", 2, "returns_refunds", ()),
    ("Atteikums atmaksai bez iemesla.", 1, "returns_refunds", ()),
    # customer_service
    ("Pa telefonu mani nosauca par muļķi un nolika.", 1, "customer_service", ()),
    ("Vadītāja bija nelaipna un teica, ka tā ir mana problēma.", 1, "customer_service", ()),
    ("zvanu uz zvanu neviens nepacel", 1, "customer_service", ()),
    ("Atbalsta komanda klusē jau nedēļu.", 1, "customer_service", ()),
    # website_checkout
    ("Pasūtot lapa nomet grozu un viss jāsāk no jauna.", 2, "website_checkout", ()),
    ("Smart-ID autorizācija neiet cauri, nevaru nopirkt.", 2, "website_checkout", ()),
    ("Ievadīju kartes datus, bet lapa sastinga un nauda pazuda.", 1, "website_checkout", ()),
    ("Paroles atjaunošana nestrādā, e-pasts nenāk.", 2, "website_checkout", ()),
    # customs_fees
    ("Atnāca rēķins no Latvijas Pasta par muitas formalitātēm.", 1, "customs_fees", ()),
    pytest.param(
        "Par sūtījumu no ASV prasīja piemaksāt vēl 30% nodevu.",
        1,
        "customs_fees",
        (),
        marks=pytest.mark.xfail(
            reason="'nodevu' is also 'I handed over' (nodevu paku); no other customs word",
            strict=True,
        ),
    ),
    ("Saņemot jāpiemaksā 21% PVN, veikals par to klusēja.", 1, "customs_fees", ()),
    ("DHL paprasīja 15 eur par deklarēšanu.", 1, "customs_fees", ()),
]

CONTROLS_B = [
    ("Sēž kā uzlieta, ņēmu M.", 5, ("size_fit",)),
    pytest.param(
        "Cenas draudzīgas, pasūtīšu vēl.",
        5,
        ("price_value",),
        marks=pytest.mark.xfail(reason=ASPECT_OR_RESTORED),
    ),
    pytest.param(
        "Ļoti lēti nopirku, prece super.",
        5,
        ("price_value",),
        marks=pytest.mark.xfail(reason=ASPECT_OR_RESTORED),
    ),
    ("Kaste stabila, viss atnāca vesels.", 5, ("damaged_packaging",)),
    ("Iepakojums rūpīgs, ar burbuļplēvi.", 5, ("damaged_packaging",)),
    ("Lapa ērta un apmaksa vienkārša.", 5, ("website_checkout",)),
    pytest.param(
        "Nekādu muitas maksājumu, viss ES ietvaros.",
        5,
        ("customs_fees",),
        marks=pytest.mark.xfail(
            reason="'nekādu' is not a negator in the sentiment lists", strict=True
        ),
    ),
    ("Jaka silta, bet rāvējslēdzējs salūza pēc nedēļas.", 2, ("size_fit", "price_value")),
]


test_batch_a_case = case_test("lv", CASES_A)


test_batch_a_control = control_test("lv", CONTROLS_A)


test_batch_b_case = case_test("lv", CASES_B)


test_batch_b_control = control_test("lv", CONTROLS_B)
