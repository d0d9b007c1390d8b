"""Texts of the survey emails and pages, per language. English is the fallback."""

from typing import Final

TEXTS: Final[dict[str, dict[str, str]]] = {
    "en": {
        "subject": "How is your order from {shop}?",
        "reminder_subject": "A quick reminder: how is your order from {shop}?",
        "greeting": "Hello {name},",
        "greeting_anonymous": "Hello,",
        "intro": "You have had your order from {shop} for a little while now. How is it working "
        "out? Your answer takes a minute and helps {shop} and other shoppers.",
        "products": "Your order",
        "intro_service": "Thank you for your order from {shop}. It was returned or refunded, and "
        "that experience counts too: how did {shop} handle it? Your answer takes a minute.",
        "cta_service": "Share your experience",
        "objection": "You may object to these emails at any time, at no cost other than the basic "
        "cost of sending your objection.",
        "service_note": "Your order was returned or refunded, so there is no product to rate. Tell "
        "{shop} how your experience was, the return or refund included.",
        "cta": "Rate your order",
        "unsubscribe": "Don't want these emails? Unsubscribe",
        "footer": "You receive this email once, because you ordered from {shop}.",
        "footer_with_reminder": "You receive this email because you ordered from {shop}. If you do "
        "not answer, we will remind you once, and that is all.",
        "footer_reminder": "This is the only reminder about your order from {shop}: there will be "
        "no further email about it.",
        "page_title": "Your order from {shop}",
        "rate": "How do you rate {product}?",
        "stars": "{n} of 5 stars",
        "review_text": "Tell others about it (optional)",
        "nps": "How likely are you to recommend {shop} to a friend? (0 = not at all, 10 = very)",
        "comment": "Anything else you want {shop} to know? (optional)",
        "submit": "Send",
        "thanks": "Thank you! Your answer has been saved.",
        "edit_hint": "You can change your answer within 24 hours from the link in the email.",
        "public": "If you like, you can also share your experience publicly:",
        "incentive": "As a thank-you for answering, here is your code: {code}",
        "expired": "This link has expired.",
        "invalid": "This link is not valid.",
        "closed": "This survey can no longer be changed.",
        "unsubscribe_title": "Unsubscribe",
        "unsubscribe_confirm": "Stop emails like this from {shop}?",
        "unsubscribe_button": "Unsubscribe",
        "unsubscribed": "Done. You will get no more of these emails.",
        "follow_up_subject": "Your feedback to {shop}: did it work out?",
        "follow_up_intro": "Thank you for telling {shop} about your experience. The team has "
        "looked into it and considers the matter resolved.",
        "follow_up_question": "We hope it worked out for you. If something is still not right, "
        "please get in touch with {shop} directly.",
        "follow_up_update": "If your view has changed, you are welcome to update your review. "
        "Whether you do is entirely up to you.",
        "follow_up_footer": "You receive this email once, because {shop} followed up on your "
        "feedback.",
        "follow_up_contact": "How to reach {shop}:",
        "contact_email": "Email",
        "contact_url": "Website",
        "contact_phone": "Phone",
        "follow_up_reply": "You can also simply reply to this email: your answer goes to {shop}.",
        "publication": "Your product ratings and reviews will be published on {shop}'s website, "
        "whatever the rating, with the name you enter below (or as anonymous).",
        "review_policy": "How {shop} collects, checks and publishes reviews",
        "error_needs_stars": "Please choose a star rating for {product}: your text is kept below.",
        "error_stars": "Please choose 1 to 5 stars for {product}.",
        "error_text_long": "Your text about {product} is longer than {n} characters.",
        "error_nps": "Please choose a number from 0 to 10 for the recommendation question.",
        "error_comment_long": "Your comment is longer than {n} characters.",
        "error_empty": "Please rate at least one product or answer the recommendation question.",
        "error_name_characters": "Your name may hold only letters, digits and punctuation.",
        "error_name_long": "Your name is longer than {n} characters.",
        "display_name": "Name shown with your review (optional)",
        "display_name_hint": "Leave it empty to be shown as anonymous. Up to 80 characters.",
        "private_feedback": "Your answer to the next question and your comment go to {shop} only: "
        "they are not published.",
        "moderation_subject": "Your review of {product} was not published",
        "moderation_intro": "Thank you for rating {product} with {rating} of 5 stars in {shop}'s "
        "survey. Your review was not published on {shop}'s website.",
        "moderation_reason": "The reason: {reason}.",
        "moderation_rating": "Your rating was not the reason: reviews are published whatever their "
        "rating.",
        "moderation_contact": "If you think this is a mistake or have a question about it, please "
        "contact {shop}:",
        "moderation_footer": "You receive this email once, because it is about your own review. "
        "It is not a newsletter.",
        "reason_insult_or_hate": "it contains insults or hateful content",
        "reason_personal_data": "it contains personal data, such as a name, address or phone "
        "number",
        "reason_spam_or_advertising": "it contains spam or advertising",
        "reason_off_target": "it is not about the product or your purchase",
        "reason_illegal_content": "it contains illegal content",
        "reason_not_a_buyer": "it could not be tied to a purchase of the product",
    },
    "de": {
        "subject": "Wie gefällt Ihnen Ihre Bestellung bei {shop}?",
        "reminder_subject": "Kurze Erinnerung: Wie gefällt Ihnen Ihre Bestellung bei {shop}?",
        "greeting": "Hallo {name},",
        "greeting_anonymous": "Hallo,",
        "intro": "Sie haben Ihre Bestellung von {shop} seit einiger Zeit. Wie zufrieden sind "
        "Sie? Die Antwort dauert eine Minute und hilft {shop} und anderen Kunden.",
        "products": "Ihre Bestellung",
        "intro_service": "Vielen Dank für Ihre Bestellung bei {shop}. Sie wurde zurückgesendet "
        "oder erstattet, und auch diese Erfahrung zählt: Wie hat {shop} das gehandhabt? Die "
        "Antwort dauert eine Minute.",
        "cta_service": "Erfahrung teilen",
        "objection": "Sie können der Verwendung Ihrer E-Mail-Adresse für diese E-Mails jederzeit "
        "widersprechen, ohne dass hierfür andere als die Übermittlungskosten nach den Basistarifen "
        "entstehen.",
        "service_note": "Ihre Bestellung wurde zurückgesendet oder erstattet, daher gibt es kein "
        "Produkt zu bewerten. Erzählen Sie {shop}, wie Ihre Erfahrung war, einschließlich der "
        "Rücksendung oder Erstattung.",
        "cta": "Bestellung bewerten",
        "unsubscribe": "Keine solchen E-Mails mehr? Abmelden",
        "footer": "Sie erhalten diese E-Mail einmalig, weil Sie bei {shop} bestellt haben.",
        "footer_with_reminder": "Sie erhalten diese E-Mail, weil Sie bei {shop} bestellt haben. "
        "Wenn Sie nicht antworten, erinnern wir Sie einmal daran, danach nicht mehr.",
        "footer_reminder": "Dies ist die einzige Erinnerung zu Ihrer Bestellung bei {shop}: Sie "
        "erhalten dazu keine weitere E-Mail.",
        "page_title": "Ihre Bestellung bei {shop}",
        "rate": "Wie bewerten Sie {product}?",
        "stars": "{n} von 5 Sternen",
        "review_text": "Erzählen Sie anderen davon (optional)",
        "nps": "Wie wahrscheinlich empfehlen Sie {shop} weiter? (0 = gar nicht, 10 = sehr)",
        "comment": "Möchten Sie {shop} noch etwas mitteilen? (optional)",
        "submit": "Senden",
        "thanks": "Vielen Dank! Ihre Antwort wurde gespeichert.",
        "edit_hint": "Sie können Ihre Antwort 24 Stunden lang über den Link ändern.",
        "public": "Wenn Sie möchten, können Sie Ihre Erfahrung auch öffentlich teilen:",
        "incentive": "Als Dankeschön für Ihre Antwort: Ihr Code lautet {code}",
        "expired": "Dieser Link ist abgelaufen.",
        "invalid": "Dieser Link ist ungültig.",
        "closed": "Diese Umfrage kann nicht mehr geändert werden.",
        "unsubscribe_title": "Abmelden",
        "unsubscribe_confirm": "Keine solchen E-Mails mehr von {shop}?",
        "unsubscribe_button": "Abmelden",
        "unsubscribed": "Erledigt. Sie erhalten keine solchen E-Mails mehr.",
        "follow_up_subject": "Ihr Feedback an {shop}: Hat alles geklappt?",
        "follow_up_intro": "Danke, dass Sie {shop} von Ihrer Erfahrung berichtet haben. Das Team "
        "hat sich darum gekümmert und betrachtet die Angelegenheit als erledigt.",
        "follow_up_question": "Wir hoffen, dass nun alles passt. Falls noch etwas nicht stimmt, "
        "wenden Sie sich bitte direkt an {shop}.",
        "follow_up_update": "Wenn sich Ihre Sicht geändert hat, können Sie Ihre Bewertung gern "
        "aktualisieren. Ob Sie das tun, bleibt ganz Ihnen überlassen.",
        "follow_up_footer": "Sie erhalten diese E-Mail einmalig, weil {shop} Ihr Anliegen "
        "bearbeitet hat.",
        "follow_up_contact": "So erreichen Sie {shop}:",
        "contact_email": "E-Mail",
        "contact_url": "Website",
        "contact_phone": "Telefon",
        "follow_up_reply": "Sie können auch einfach auf diese E-Mail antworten: Ihre Antwort geht "
        "an {shop}.",
        "publication": "Ihre Produktbewertungen werden unabhängig von der Sternezahl auf der "
        "Website von {shop} veröffentlicht, mit dem Namen, den Sie unten angeben (oder anonym).",
        "review_policy": "Wie {shop} Bewertungen sammelt, prüft und veröffentlicht",
        "error_needs_stars": "Bitte vergeben Sie Sterne für {product}: Ihr Text bleibt unten "
        "erhalten.",
        "error_stars": "Bitte wählen Sie 1 bis 5 Sterne für {product}.",
        "error_text_long": "Ihr Text zu {product} ist länger als {n} Zeichen.",
        "error_nps": "Bitte wählen Sie bei der Empfehlungsfrage eine Zahl von 0 bis 10.",
        "error_comment_long": "Ihr Kommentar ist länger als {n} Zeichen.",
        "error_empty": "Bitte bewerten Sie mindestens ein Produkt oder beantworten Sie die "
        "Empfehlungsfrage.",
        "error_name_characters": "Ihr Name darf nur Buchstaben, Ziffern und Satzzeichen enthalten.",
        "error_name_long": "Ihr Name ist länger als {n} Zeichen.",
        "display_name": "Name, der mit Ihrer Bewertung angezeigt wird (optional)",
        "display_name_hint": "Leer lassen, um anonym zu erscheinen. Bis zu 80 Zeichen.",
        "private_feedback": "Ihre Antwort auf die nächste Frage und Ihr Kommentar gehen nur an "
        "{shop}: Sie werden nicht veröffentlicht.",
        "moderation_subject": "Ihre Bewertung von {product} wurde nicht veröffentlicht",
        "moderation_intro": "Danke, dass Sie {product} in der Umfrage von {shop} mit {rating} von "
        "5 Sternen bewertet haben. Ihre Bewertung wurde nicht auf der Website von {shop} "
        "veröffentlicht.",
        "moderation_reason": "Der Grund: {reason}.",
        "moderation_rating": "Ihre Sternebewertung war nicht der Grund: Bewertungen werden "
        "unabhängig von der Sternezahl veröffentlicht.",
        "moderation_contact": "Wenn Sie das für einen Fehler halten oder eine Frage dazu haben, "
        "wenden Sie sich bitte an {shop}:",
        "moderation_footer": "Sie erhalten diese E-Mail einmalig, weil sie Ihre eigene Bewertung "
        "betrifft. Sie ist kein Newsletter.",
        "reason_insult_or_hate": "sie enthält Beleidigungen oder Hassinhalte",
        "reason_personal_data": "sie enthält personenbezogene Daten, etwa einen Namen, eine "
        "Adresse oder eine Telefonnummer",
        "reason_spam_or_advertising": "sie enthält Spam oder Werbung",
        "reason_off_target": "sie handelt nicht vom Produkt oder Ihrem Kauf",
        "reason_illegal_content": "sie enthält rechtswidrige Inhalte",
        "reason_not_a_buyer": "sie konnte keinem Kauf des Produkts zugeordnet werden",
    },
    "sl": {
        "subject": "Kako ste zadovoljni z naročilom pri {shop}?",
        "reminder_subject": "Kratek opomnik: kako ste zadovoljni z naročilom pri {shop}?",
        "greeting": "Pozdravljeni, {name},",
        "greeting_anonymous": "Pozdravljeni,",
        "intro": "Naročilo iz trgovine {shop} imate že nekaj časa. Kako ste zadovoljni? "
        "Odgovor vam vzame minuto in pomaga trgovini {shop} ter drugim kupcem.",
        "products": "Vaše naročilo",
        "intro_service": "Hvala za vaše naročilo pri {shop}. Naročilo je bilo vrnjeno ali vam je "
        "bil denar povrnjen, in tudi ta izkušnja šteje: kako je trgovina {shop} to uredila? "
        "Odgovor vzame minuto.",
        "cta_service": "Delite svojo izkušnjo",
        "objection": "Prejemanju teh sporočil lahko kadar koli ugovarjate, brez stroškov razen "
        "osnovnih stroškov pošiljanja ugovora.",
        "service_note": "Naročilo je bilo vrnjeno ali vam je bil denar povrnjen, zato ni izdelka "
        "za oceno. Povejte trgovini {shop}, kakšna je bila vaša izkušnja, vključno z vračilom.",
        "cta": "Ocenite naročilo",
        "unsubscribe": "Ne želite več takih sporočil? Odjava",
        "footer": "To sporočilo prejmete enkrat, ker ste naročili pri {shop}.",
        "footer_with_reminder": "To sporočilo prejmete, ker ste naročili pri {shop}. Če ne "
        "odgovorite, vas bomo enkrat opomnili, nato nič več.",
        "footer_reminder": "To je edini opomnik glede vašega naročila pri {shop}: o njem ne boste "
        "prejeli nobenega sporočila več.",
        "page_title": "Vaše naročilo pri {shop}",
        "rate": "Kako ocenjujete izdelek {product}?",
        "stars": "{n} od 5 zvezdic",
        "review_text": "Povejte drugim (neobvezno)",
        "nps": "Kako verjetno bi trgovino {shop} priporočili prijatelju? (0 = sploh ne, 10 = zelo)",
        "comment": "Bi trgovini {shop} želeli sporočiti še kaj? (neobvezno)",
        "submit": "Pošlji",
        "thanks": "Hvala! Vaš odgovor je shranjen.",
        "edit_hint": "Odgovor lahko v 24 urah spremenite prek povezave v sporočilu.",
        "public": "Če želite, lahko svojo izkušnjo delite tudi javno:",
        "incentive": "V zahvalo za odgovor: vaša koda je {code}",
        "expired": "Ta povezava je potekla.",
        "invalid": "Ta povezava ni veljavna.",
        "closed": "Te ankete ni več mogoče spremeniti.",
        "unsubscribe_title": "Odjava",
        "unsubscribe_confirm": "Ne želite več takih sporočil trgovine {shop}?",
        "unsubscribe_button": "Odjava",
        "unsubscribed": "Urejeno. Takih sporočil ne boste več prejemali.",
        "follow_up_subject": "Vaše mnenje o trgovini {shop}: je vse urejeno?",
        "follow_up_intro": "Hvala, ker ste trgovini {shop} zaupali svojo izkušnjo. Ekipa je "
        "zadevo obravnavala in jo šteje za rešeno.",
        "follow_up_question": "Upamo, da je zdaj vse v redu. Če kaj še ni urejeno, se obrnite "
        "neposredno na trgovino {shop}.",
        "follow_up_update": "Če se je vaše mnenje spremenilo, lahko svojo oceno po želji "
        "posodobite. Odločitev je povsem vaša.",
        "follow_up_footer": "To sporočilo prejmete enkrat, ker je trgovina {shop} obravnavala "
        "vaše mnenje.",
        "follow_up_contact": "Kako dosežete trgovino {shop}:",
        "contact_email": "E-pošta",
        "contact_url": "Spletna stran",
        "contact_phone": "Telefon",
        "follow_up_reply": "Lahko tudi preprosto odgovorite na to sporočilo: odgovor prejme "
        "trgovina {shop}.",
        "publication": "Vaše ocene in mnenja o izdelkih bodo objavljeni na spletni strani "
        "trgovine {shop}, ne glede na oceno, z imenom, ki ga vpišete spodaj (ali anonimno).",
        "review_policy": "Kako trgovina {shop} zbira, preverja in objavlja mnenja",
        "error_needs_stars": "Izberite število zvezdic za izdelek {product}: vaše besedilo je "
        "spodaj ohranjeno.",
        "error_stars": "Za izdelek {product} izberite od 1 do 5 zvezdic.",
        "error_text_long": "Vaše besedilo o izdelku {product} je daljše od {n} znakov.",
        "error_nps": "Pri vprašanju o priporočilu izberite število od 0 do 10.",
        "error_comment_long": "Vaš komentar je daljši od {n} znakov.",
        "error_empty": "Ocenite vsaj en izdelek ali odgovorite na vprašanje o priporočilu.",
        "error_name_characters": "Ime lahko vsebuje samo črke, številke in ločila.",
        "error_name_long": "Ime je daljše od {n} znakov.",
        "display_name": "Ime, prikazano ob vašem mnenju (neobvezno)",
        "display_name_hint": "Pustite prazno, če želite ostati anonimni. Največ 80 znakov.",
        "private_feedback": "Vaš odgovor na naslednje vprašanje in vaš komentar prejme samo "
        "trgovina {shop}: ne bosta objavljena.",
        "moderation_subject": "Vaše mnenje o izdelku {product} ni bilo objavljeno",
        "moderation_intro": "Hvala, ker ste izdelek {product} v anketi trgovine {shop} ocenili z "
        "{rating} od 5 zvezdic. Vaše mnenje ni bilo objavljeno na spletni strani trgovine {shop}.",
        "moderation_reason": "Razlog: {reason}.",
        "moderation_rating": "Vaša ocena ni bila razlog: mnenja so objavljena ne glede na oceno.",
        "moderation_contact": "Če menite, da gre za napako, ali imate vprašanje, se obrnite na "
        "trgovino {shop}:",
        "moderation_footer": "To sporočilo prejmete enkrat, ker se nanaša na vaše mnenje. Ni "
        "novičnik.",
        "reason_insult_or_hate": "vsebuje žaljivke ali sovražno vsebino",
        "reason_personal_data": "vsebuje osebne podatke, na primer ime, naslov ali telefonsko "
        "številko",
        "reason_spam_or_advertising": "vsebuje neželeno vsebino ali oglaševanje",
        "reason_off_target": "ne govori o izdelku ali vašem nakupu",
        "reason_illegal_content": "vsebuje nezakonito vsebino",
        "reason_not_a_buyer": "ni ga bilo mogoče povezati z nakupom izdelka",
    },
    "lv": {
        "subject": "Kā jums patīk pasūtījums no {shop}?",
        "reminder_subject": "Īss atgādinājums: kā jums patīk pasūtījums no {shop}?",
        "greeting": "Sveiki, {name}!",
        "greeting_anonymous": "Sveiki!",
        "intro": "Jūsu pasūtījums no {shop} jums ir jau kādu laiku. Kā jums tas patīk? "
        "Atbilde aizņem minūti un palīdz {shop} un citiem pircējiem.",
        "products": "Jūsu pasūtījums",
        "intro_service": "Paldies par jūsu pasūtījumu no {shop}. Tas tika atgriezts vai nauda "
        "tika atmaksāta, un arī šī pieredze ir svarīga: kā {shop} to nokārtoja? Atbilde aizņem "
        "minūti.",
        "cta_service": "Dalīties pieredzē",
        "objection": "Jūs jebkurā laikā varat iebilst pret šiem e-pastiem bez maksas, izņemot "
        "iebilduma nosūtīšanas pamata izmaksas.",
        "service_note": "Jūsu pasūtījums tika atgriezts vai nauda tika atmaksāta, tāpēc nav "
        "produkta, ko novērtēt. Pastāstiet {shop}, kāda bija jūsu pieredze, ieskaitot "
        "atgriešanu vai atmaksu.",
        "cta": "Novērtēt pasūtījumu",
        "unsubscribe": "Nevēlaties šādus e-pastus? Atteikties",
        "footer": "Jūs saņemat šo e-pastu vienreiz, jo pasūtījāt no {shop}.",
        "footer_with_reminder": "Jūs saņemat šo e-pastu, jo pasūtījāt no {shop}. Ja neatbildēsiet, "
        "mēs jums vienreiz atgādināsim, un tas arī viss.",
        "footer_reminder": "Šis ir vienīgais atgādinājums par jūsu pasūtījumu no {shop}: vairāk "
        "e-pastu par to nesaņemsiet.",
        "page_title": "Jūsu pasūtījums no {shop}",
        "rate": "Kā jūs vērtējat {product}?",
        "stars": "{n} no 5 zvaigznēm",
        "review_text": "Pastāstiet citiem (nav obligāti)",
        "nps": "Cik ticami jūs ieteiktu {shop} draugam? (0 = nemaz, 10 = ļoti)",
        "comment": "Vai vēlaties vēl ko pateikt {shop}? (nav obligāti)",
        "submit": "Nosūtīt",
        "thanks": "Paldies! Jūsu atbilde ir saglabāta.",
        "edit_hint": "Atbildi var mainīt 24 stundu laikā, izmantojot saiti e-pastā.",
        "public": "Ja vēlaties, varat dalīties pieredzē arī publiski:",
        "incentive": "Paldies par atbildi! Jūsu kods: {code}",
        "expired": "Šīs saites derīgums ir beidzies.",
        "invalid": "Šī saite nav derīga.",
        "closed": "Šo aptauju vairs nevar mainīt.",
        "unsubscribe_title": "Atteikties",
        "unsubscribe_confirm": "Vairs nesaņemt šādus e-pastus no {shop}?",
        "unsubscribe_button": "Atteikties",
        "unsubscribed": "Gatavs. Jūs vairs nesaņemsiet šādus e-pastus.",
        "follow_up_subject": "Jūsu atsauksme {shop}: vai viss izdevās?",
        "follow_up_intro": "Paldies, ka pastāstījāt {shop} par savu pieredzi. Komanda ir "
        "izskatījusi jautājumu un uzskata to par atrisinātu.",
        "follow_up_question": "Ceram, ka tagad viss ir kārtībā. Ja kaut kas joprojām nav "
        "kārtībā, lūdzu, sazinieties tieši ar {shop}.",
        "follow_up_update": "Ja jūsu viedoklis ir mainījies, varat atjaunināt savu atsauksmi. "
        "Tas ir pilnībā jūsu ziņā.",
        "follow_up_footer": "Jūs saņemat šo e-pastu vienreiz, jo {shop} izskatīja jūsu atsauksmi.",
        "follow_up_contact": "Kā sazināties ar {shop}:",
        "contact_email": "E-pasts",
        "contact_url": "Tīmekļa vietne",
        "contact_phone": "Tālrunis",
        "follow_up_reply": "Varat arī vienkārši atbildēt uz šo e-pastu: jūsu atbildi saņems "
        "{shop}.",
        "publication": "Jūsu produktu vērtējumi un atsauksmes tiks publicēti {shop} tīmekļa "
        "vietnē neatkarīgi no vērtējuma ar vārdu, ko ierakstīsiet zemāk (vai anonīmi).",
        "review_policy": "Kā {shop} vāc, pārbauda un publicē atsauksmes",
        "error_needs_stars": "Lūdzu, izvēlieties zvaigznes precei {product}: jūsu teksts zemāk "
        "ir saglabāts.",
        "error_stars": "Lūdzu, izvēlieties no 1 līdz 5 zvaigznēm precei {product}.",
        "error_text_long": "Jūsu teksts par preci {product} ir garāks par {n} rakstzīmēm.",
        "error_nps": "Lūdzu, ieteikuma jautājumā izvēlieties skaitli no 0 līdz 10.",
        "error_comment_long": "Jūsu komentārs ir garāks par {n} rakstzīmēm.",
        "error_empty": "Lūdzu, novērtējiet vismaz vienu preci vai atbildiet uz ieteikuma "
        "jautājumu.",
        "error_name_characters": "Vārdā drīkst būt tikai burti, cipari un pieturzīmes.",
        "error_name_long": "Vārds ir garāks par {n} rakstzīmēm.",
        "display_name": "Vārds, kas tiks rādīts pie jūsu atsauksmes (nav obligāti)",
        "display_name_hint": "Atstājiet tukšu, lai paliktu anonīms. Līdz 80 rakstzīmēm.",
        "private_feedback": "Jūsu atbilde uz nākamo jautājumu un jūsu komentārs tiek nosūtīti "
        "tikai {shop}: tie netiek publicēti.",
        "moderation_subject": "Jūsu atsauksme par {product} netika publicēta",
        "moderation_intro": "Paldies, ka {shop} aptaujā novērtējāt {product} ar {rating} no 5 "
        "zvaigznēm. Jūsu atsauksme netika publicēta {shop} tīmekļa vietnē.",
        "moderation_reason": "Iemesls: {reason}.",
        "moderation_rating": "Jūsu vērtējums nebija iemesls: atsauksmes tiek publicētas neatkarīgi "
        "no vērtējuma.",
        "moderation_contact": "Ja uzskatāt, ka tā ir kļūda, vai jums ir jautājums, lūdzu, "
        "sazinieties ar {shop}:",
        "moderation_footer": "Jūs saņemat šo e-pastu vienreiz, jo tas attiecas uz jūsu atsauksmi. "
        "Tas nav jaunumu izsūtījums.",
        "reason_insult_or_hate": "tā satur apvainojumus vai naidīgu saturu",
        "reason_personal_data": "tā satur personas datus, piemēram, vārdu, adresi vai tālruņa "
        "numuru",
        "reason_spam_or_advertising": "tā satur surogātpastu vai reklāmu",
        "reason_off_target": "tā nav par produktu vai jūsu pirkumu",
        "reason_illegal_content": "tā satur nelikumīgu saturu",
        "reason_not_a_buyer": "to nevarēja saistīt ar produkta pirkumu",
    },
    "ro": {
        "subject": "Cum vă place comanda de la {shop}?",
        "reminder_subject": "Un scurt memento: cum vă place comanda de la {shop}?",
        "greeting": "Bună ziua, {name},",
        "greeting_anonymous": "Bună ziua,",
        "intro": "Aveți comanda de la {shop} de ceva timp. Cum vă place? Răspunsul durează "
        "un minut și ajută {shop} și alți cumpărători.",
        "products": "Comanda dumneavoastră",
        "intro_service": "Vă mulțumim pentru comanda de la {shop}. A fost returnată sau "
        "rambursată, iar și această experiență contează: cum a gestionat {shop} situația? "
        "Răspunsul durează un minut.",
        "cta_service": "Spuneți-ne părerea",
        "objection": "Vă puteți opune oricând acestor e-mailuri, fără alte costuri decât cele de "
        "transmitere la tarifele de bază.",
        "service_note": "Comanda dumneavoastră a fost returnată sau rambursată, așa că nu există "
        "niciun produs de evaluat. Spuneți-i magazinului {shop} cum a fost experiența, inclusiv "
        "returul sau rambursarea.",
        "cta": "Evaluați comanda",
        "unsubscribe": "Nu mai doriți astfel de e-mailuri? Dezabonare",
        "footer": "Primiți acest e-mail o singură dată, pentru că ați comandat de la {shop}.",
        "footer_with_reminder": "Primiți acest e-mail pentru că ați comandat de la {shop}. Dacă nu "
        "răspundeți, vă vom reaminti o singură dată, apoi nimic.",
        "footer_reminder": "Acesta este singurul memento privind comanda de la {shop}: nu veți mai "
        "primi alte e-mailuri despre ea.",
        "page_title": "Comanda dumneavoastră de la {shop}",
        "rate": "Cum evaluați {product}?",
        "stars": "{n} din 5 stele",
        "review_text": "Spuneți-le și altora (opțional)",
        "nps": "Cât de probabil este să recomandați {shop} unui prieten? (0 = deloc, 10 = foarte)",
        "comment": "Mai doriți să-i transmiteți ceva magazinului {shop}? (opțional)",
        "submit": "Trimite",
        "thanks": "Vă mulțumim! Răspunsul a fost salvat.",
        "edit_hint": "Puteți modifica răspunsul timp de 24 de ore din linkul din e-mail.",
        "public": "Dacă doriți, puteți împărtăși experiența și public:",
        "incentive": "Mulțumim pentru răspuns! Codul dumneavoastră: {code}",
        "expired": "Acest link a expirat.",
        "invalid": "Acest link nu este valid.",
        "closed": "Acest chestionar nu mai poate fi modificat.",
        "unsubscribe_title": "Dezabonare",
        "unsubscribe_confirm": "Nu mai doriți astfel de e-mailuri de la {shop}?",
        "unsubscribe_button": "Dezabonare",
        "unsubscribed": "Gata. Nu veți mai primi astfel de e-mailuri.",
        "follow_up_subject": "Părerea dumneavoastră despre {shop}: s-a rezolvat?",
        "follow_up_intro": "Vă mulțumim că i-ați spus magazinului {shop} despre experiența "
        "dumneavoastră. Echipa s-a ocupat de situație și o consideră rezolvată.",
        "follow_up_question": "Sperăm că acum totul este în regulă. Dacă ceva nu s-a rezolvat "
        "încă, vă rugăm să contactați direct {shop}.",
        "follow_up_update": "Dacă părerea dumneavoastră s-a schimbat, vă puteți actualiza "
        "recenzia. Decizia vă aparține în totalitate.",
        "follow_up_footer": "Primiți acest e-mail o singură dată, pentru că {shop} a răspuns "
        "părerii dumneavoastră.",
        "follow_up_contact": "Cum puteți contacta {shop}:",
        "contact_email": "E-mail",
        "contact_url": "Site web",
        "contact_phone": "Telefon",
        "follow_up_reply": "Puteți și să răspundeți pur și simplu la acest e-mail: răspunsul "
        "ajunge la {shop}.",
        "publication": "Evaluările și recenziile dumneavoastră despre produse vor fi publicate "
        "pe site-ul {shop}, indiferent de notă, cu numele pe care îl introduceți mai jos (sau "
        "anonim).",
        "review_policy": "Cum colectează, verifică și publică {shop} recenziile",
        "error_needs_stars": "Vă rugăm să alegeți un număr de stele pentru {product}: textul "
        "dumneavoastră a rămas mai jos.",
        "error_stars": "Vă rugăm să alegeți între 1 și 5 stele pentru {product}.",
        "error_text_long": "Textul despre {product} depășește {n} de caractere.",
        "error_nps": "Vă rugăm să alegeți un număr de la 0 la 10 la întrebarea despre recomandare.",
        "error_comment_long": "Comentariul depășește {n} de caractere.",
        "error_empty": "Vă rugăm să evaluați cel puțin un produs sau să răspundeți la întrebarea "
        "despre recomandare.",
        "error_name_characters": "Numele poate conține doar litere, cifre și semne de punctuație.",
        "error_name_long": "Numele depășește {n} de caractere.",
        "display_name": "Numele afișat lângă recenzie (opțional)",
        "display_name_hint": "Lăsați gol pentru a apărea anonim. Cel mult 80 de caractere.",
        "private_feedback": "Răspunsul la următoarea întrebare și comentariul ajung doar la "
        "{shop}: nu sunt publicate.",
        "moderation_subject": "Recenzia dumneavoastră despre {product} nu a fost publicată",
        "moderation_intro": "Vă mulțumim că ați evaluat {product} cu {rating} din 5 stele în "
        "chestionarul {shop}. Recenzia dumneavoastră nu a fost publicată pe site-ul {shop}.",
        "moderation_reason": "Motivul: {reason}.",
        "moderation_rating": "Nota acordată nu a fost motivul: recenziile sunt publicate "
        "indiferent de notă.",
        "moderation_contact": "Dacă credeți că este o greșeală sau aveți o întrebare, vă rugăm să "
        "contactați {shop}:",
        "moderation_footer": "Primiți acest e-mail o singură dată, pentru că privește propria "
        "recenzie. Nu este un buletin informativ.",
        "reason_insult_or_hate": "conține insulte sau conținut care incită la ură",
        "reason_personal_data": "conține date personale, de exemplu un nume, o adresă sau un "
        "număr de telefon",
        "reason_spam_or_advertising": "conține spam sau publicitate",
        "reason_off_target": "nu se referă la produs sau la cumpărătura dumneavoastră",
        "reason_illegal_content": "conține conținut ilegal",
        "reason_not_a_buyer": "nu a putut fi legată de o cumpărare a produsului",
    },
}

DEFAULT_LANGUAGE = "en"


def language_of(*candidates: str | None) -> str:
    """The first supported language among locales like 'sl-SI', 'de_AT', 'lv'."""
    for locale in candidates:
        if locale:
            lang = locale.replace("_", "-").split("-")[0].lower()
            if lang in TEXTS:
                return lang
    return DEFAULT_LANGUAGE


class Texts:
    def __init__(self, language: str, **values: str) -> None:
        self.language = language
        self._texts = TEXTS.get(language, TEXTS[DEFAULT_LANGUAGE])
        self._values = values

    def __call__(self, key: str, **values: object) -> str:
        template = self._texts.get(key) or TEXTS[DEFAULT_LANGUAGE][key]
        return template.format(**{**self._values, **values})
