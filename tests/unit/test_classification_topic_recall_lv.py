"""Latvian recall of delivery_delay, product_quality and praise (lexicons/topics.py), issue #21.

Realistic Latvian shop reviews (with and without diacritics, colloquial forms, inflections,
typos), written for issue #21 independently of the frozen, blind, dev and multilingual
evaluation sets (not read). Each case names the review's main topic; controls name topics that
must NOT be found. Each batch's comment says how many of its items passed before the list
changes it prompted.
"""

import pytest

from tests.support.topic_terms import case_test, control_test

# Batch A: before any list change, 26 of these 54 passed (cases 16 of 44: delivery_delay 6/16,
# product_quality 9/16, praise 1/12; controls 10 of 10). After: all but one xfail.
CASES_A = [
    # delivery_delay
    ("Pasūtījums ceļā jau 25 dienas, neviens neko nepaskaidro.", 1, "delivery_delay"),
    ("Piegāde ilga veselu mūžību, vairāk nekā mēnesis.", 1, "delivery_delay"),
    (
        "Izsekošanā statuss nemainās jau divas nedēļas, paka kaut kur iesprūdusi.",
        1,
        "delivery_delay",
    ),
    ("Solītais piegādes datums sen pagājis, preces joprojām nav.", 1, "delivery_delay"),
    ("Kurjers divreiz pārcēla piegādi, katru reizi kaut kādi attaisnojumi.", 1, "delivery_delay"),
    ("Vel aizvien nav paciņas, kur ta ir??", 1, "delivery_delay"),
    ("Ļoti lēna piegāde, gaidīju 18 dienas.", 2, "delivery_delay"),
    ("sutijums pazudis, dpd neko nezin", 1, "delivery_delay"),
    (
        "Paka tā arī netika piegādāta, kurjers teica, ka nevarēja atrast adresi.",
        1,
        "delivery_delay",
    ),
    ("Prece atnāca pēc 40 dienām, kad vairs nebija vajadzīga.", 1, "delivery_delay"),
    ("Teica, ka izsūtīs nākamajā dienā, izsūtīja pēc divām nedēļām.", 2, "delivery_delay"),
    ("Neesmu saņēmusi pirkumu, lai gan pagājis jau mēnesis.", 1, "delivery_delay"),
    pytest.param(
        "Piegādes laiks bija norādīts 2-3 dienas, realitātē 3 nedēļas.",
        2,
        "delivery_delay",
    ),
    ("Kurjers neieradās, visu dienu sēdēju mājās un gaidīju.", 1, "delivery_delay"),
    ("Mūžīgi jāgaida, nekad vairs nepasūtīšu šeit.", 1, "delivery_delay"),
    ("Pasūtījums vēl pat nav izsūtīts, lai gan apmaksāts pirms 10 dienām.", 1, "delivery_delay"),
    # product_quality
    ("Pēc trim dienām salūza, lēts ķīniešu brāķis.", 1, "product_quality"),
    (
        "Materiāls ļoti plāns un caurspīdīgs, pēc pirmās reizes viss izstaipījies.",
        2,
        "product_quality",
    ),
    ("Somas siksna atplīsa pēc nedēļas lietošanas.", 1, "product_quality"),
    ("Baterija izlādējas pusstundas laikā.", 2, "product_quality"),
    ("Pannas pārklājums nolobījās jau pēc pirmās lietošanas.", 1, "product_quality"),
    ("Ūdens pudele tek, nevar ielikt somā.", 2, "product_quality"),
    ("Šuves šķības, diegi karājas, ļoti pavirši pašūts.", 2, "product_quality"),
    ("Blenderis vairs negriežas, motors tikai rūc.", 1, "product_quality"),
    ("Rotaļlieta izjuka pēc stundas spēlēšanās.", 1, "product_quality"),
    ("Tējai garšo pēc plastmasas un smaka nepāriet.", 2, "product_quality"),
    ("Zeķes caurumainas pēc pirmās valkāšanas.", 1, "product_quality"),
    ("Brāķis, ierīce neieslēdzās no paša sākuma.", 1, "product_quality"),
    ("Nav izturīgs, plīst pie mazākās slodzes.", 1, "product_quality"),
    ("Pulkstenis atpaliek par 10 minūtēm dienā, nekvalitatīvs mehānisms.", 2, "product_quality"),
    ("Nedara to, kas solīts, putekļus nesūc vispār.", 1, "product_quality"),
    ("Zabaki sāka laist cauri ūdeni pēc mēneša.", 2, "product_quality"),
    # praise
    ("Tieši tas, ko meklēju, ļoti apmierināta!", 5, "praise"),
    ("Strādā nevainojami, noteikti pirkšu vēl.", 5, "praise"),
    ("Kvalitāte pārsteidza, par šo cenu vienkārši brīnums.", 5, "praise"),
    ("Esmu ļoti priecīga par pirkumu, kleita sēž ideāli.", 5, "praise"),
    ("Foršs produkts, bērni sajūsmā.", 5, "praise"),
    ("Labākais pirkums šogad!", 5, "praise"),
    ("Viss kā aprakstā, ātri un bez problēmām.", 5, "praise"),
    ("Pērku jau otro reizi, nekad neesmu vīlusies.", 5, "praise"),
    ("Ļoti patīk, labi izskatās un ērti lietot.", 4, "praise"),
    ("Kvalitatīva prece, vērts katru centu.", 5, "praise"),
    ("Apmierināts ar pirkumu, 5 zvaigznes.", 5, "praise"),
    ("Vislabākā kafija, ko esmu dzēris, noteikti ņemšu vēl.", 5, "praise"),
]

CONTROLS_A = [
    ("Piegāde ātra, jau nākamajā dienā bija pakomātā.", 5, ("delivery_delay",)),
    ("Naudas atmaksa ilga trīs nedēļas.", 2, ("delivery_delay",)),
    ("Austiņas salūza pēc nedēļas, ļoti vīlies.", 1, ("praise",)),
    ("Atnāca ātrāk nekā solīts, viss strādā.", 5, ("delivery_delay", "product_quality")),
    ("Klientu serviss atbildēja tikai pēc nedēļas.", 2, ("delivery_delay",)),
    ("Kurjers piezvanīja iepriekš un atveda laikā.", 5, ("delivery_delay",)),
    ("Kleita ir skaista, bet izmērs par lielu.", 3, ("product_quality",)),
    ("Pēc atgriešanas nauda atnāca tikai pēc mēneša.", 1, ("delivery_delay",)),
    ("Prece neatbilst aprakstam, paldies par neko.", 1, ("praise",)),
    ("Lietoju jau pusgadu, viss darbojas.", 5, ("product_quality",)),
]

# Batch B (new phrasings and products, written without re-reading the lists): before its list
# changes, 12 of these 33 passed (cases 6 of 27: delivery_delay 5/9, product_quality 0/10,
# praise 1/8; controls 6 of 6). After: all but one xfail.
CASES_B = [
    # delivery_delay
    pytest.param(
        "Pasūtīju dāvanu Ziemassvētkiem, saņēmu tikai janvāra vidū.",
        1,
        "delivery_delay",
        marks=pytest.mark.xfail(
            reason="late only by the calendar (Christmas, then January): needs date reasoning",
            strict=True,
        ),
    ),
    ("Trīs nedēļas nekādu ziņu par manu sūtījumu.", 1, "delivery_delay"),
    ("Izsekošanas numurs nedarbojas, paka nav nekur redzama.", 1, "delivery_delay"),
    ("Tik ilgi vēl nekad nebiju gaidījis nevienu pirkumu.", 2, "delivery_delay"),
    ("Pirms mēneša apmaksāts, preces kā nav, tā nav.", 1, "delivery_delay"),
    ("Latvijas Pasts paku turēja divas nedēļas šķirošanas centrā.", 2, "delivery_delay"),
    ("Kurjers visu laiku sola atvest rīt, bet rīts nepienāk.", 1, "delivery_delay"),
    ("Piegādāja tikai pēc 3 nedēļām, nevis solītajās 2 dienās.", 2, "delivery_delay"),
    ("Sūtījums stāv muitā jau trešo nedēļu.", 1, "delivery_delay"),
    # product_quality
    ("Lampa mirgo un pēc dažām dienām nodzisa pavisam.", 1, "product_quality"),
    ("Jaka pirmajā lietū izmirka cauri, nekāda ūdensnecaurlaidība.", 2, "product_quality"),
    ("Sildītājs knapi silda, naudas izšķiešana.", 1, "product_quality"),
    ("Krūzes apdruka nomazgājās pēc trim mazgāšanām.", 2, "product_quality"),
    ("Kabelis pārlūza pie kontakta pēc mēneša.", 1, "product_quality"),
    ("Lēts un nestabils, viss ļogās.", 2, "product_quality"),
    ("Pildspalva smērē un izžūst pēc dienas.", 2, "product_quality"),
    ("Gultasveļa pēc mazgāšanas saraujas un spalvo.", 2, "product_quality"),
    ("Telefonam pēc nedēļas ekrāns sāka raustīties, brāķis.", 1, "product_quality"),
    ("Konfektes garšoja pēc vecām, acīmredzot beidzies derīguma termiņš.", 1, "product_quality"),
    # praise
    ("Gandrīz gadu lietoju un joprojām kā jauns, ļoti labs pirkums.", 5, "praise"),
    ("Atsaucīgi pārdevēji, prece atbilst gaidītajam, ieteikšu draugiem.", 5, "praise"),
    ("Mana meita ir laimīga, dāvana izdevās!", 5, "praise"),
    ("Super ātri un kvalitatīvi, esmu ļoti pateicīga.", 5, "praise"),
    ("Ļoti labs veikals, pērku šeit regulāri.", 5, "praise"),
    ("Skaista krāsa, mīksts audums, valkāju katru dienu.", 5, "praise"),
    ("Cena atbilst kvalitātei, esmu gandarīts.", 4, "praise"),
    ("Vērtīgs pirkums, vairs nevaru iedomāties dzīvi bez tā.", 5, "praise"),
]

CONTROLS_B = [
    ("Pasūtīju pirmdien, otrdien jau saņēmu.", 5, ("delivery_delay",)),
    ("Ilgi domāju, vai pirkt, bet neesmu vīlies.", 5, ("delivery_delay",)),
    ("Kurpes skaistas, bet pēc nedēļas zole atlīmējās.", 2, ("praise",)),
    ("Sūtījums atnāca laicīgi, bet telefons neieslēdzas.", 1, ("delivery_delay",)),
    ("Gaidīju šo grāmatu visu gadu, un tā ir brīnišķīga!", 5, ("delivery_delay",)),
    ("Atbalsts atbildēja tikai pēc trim nedēļām.", 1, ("delivery_delay",)),
]

CASES = CASES_A + CASES_B
CONTROLS = CONTROLS_A + CONTROLS_B


test_main_topic = case_test("lv", CASES, reasons=())


test_controls = control_test("lv", CONTROLS)
