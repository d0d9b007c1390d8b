"""The built-in reply library: en, de, sl, lv, ro; per sentiment and topic; FAQ answers.

Replies to negatives follow one structure: greet by first name, acknowledge what happened,
apologise once, offer the shop's concrete remedy, invite the customer to a private channel,
sign. Each of these renders clean through the linter (tests/unit/test_responder_replies.py).

In sl, lv and ro (and some German sentences) the product name stands in brackets after a noun,
because those languages would otherwise need it declined; without a product the bracket goes.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

NEGATIVE_TOPICS = (
    "delivery_delay",
    "damaged_packaging",
    "wrong_item",
    "size_fit",
    "product_quality",
    "customs_fees",
    "returns_refunds",
    "customer_service",
)
# Topics that are a problem wherever they are named (price, size, quality and service are
# aspects that praise names too). services/ingest/classification/evaluate.py mirrors this set.
PROBLEM_TOPICS = frozenset({"delivery_delay", "damaged_packaging", "wrong_item", "customs_fees"})


def problems_named(classification: Mapping[str, Any]) -> list[str]:
    """The PROBLEM_TOPICS among a classification's topics, sorted."""
    names = {t.get("name") for t in classification.get("topics") or [] if isinstance(t, dict)}
    return sorted(PROBLEM_TOPICS & names)


# The built-in reply to a review telling of a safety or health risk (severity reason `safety` or
# `health_injury`: "it nearly burnt my hand"), whatever else it names: the refund or the repair
# its other topics would offer does not tell the customer to stop using the thing.
SAFETY = "safety"
SAFETY_REASONS = frozenset({"safety", "health_injury"})
# The built-in reply to praise that tells of a complaint with no topic of its own ("Lovely
# colour. Unfortunately the seam split"): thanks, the apology, a remedy, the invitation.
COMPLAINT = "complaint"
FAQ_TYPES = ("shipping_time", "opening_hours", "free_delivery", "stock")
PLACEHOLDERS = frozenset(
    {
        "greeting",
        "first_name",
        "product",
        "shop_name",
        "remedy",
        "contact",
        "invitation",
        "signature",
        "faq_answer",
    }
)


@dataclass(frozen=True)
class Phrases:
    greet_name: str
    greet: str
    apology: str
    invitation_contact: str
    invitation: str
    signature: str
    your_order: str
    positive: str
    # Opens the reply to praise that names a complaint: the kind words and the complaint
    # thanked for at once, so the reply does not read as a happy thank-you to a broken item.
    mixed: str
    neutral: str
    question: str
    acknowledge: dict[str, str]
    remedy: dict[str, str]
    # The remedy of a delay once the parcel has arrived (the order says delivered): tracking
    # it, the delay's remedy, would answer nothing.
    late_arrived: str


PHRASES: dict[str, Phrases] = {
    "en": Phrases(
        greet_name="Hi {name},",
        greet="Hello,",
        apology="We are truly sorry about this.",
        invitation_contact=(
            "Please write to us at {contact} so we can put this right for you personally."
        ),
        invitation="Please contact us directly so we can put this right for you personally.",
        signature="The {shop} team",
        your_order="your order",
        positive=(
            "Thank you so much for your kind words about {product}! We are delighted you are "
            "happy with it and look forward to seeing you again."
        ),
        mixed=(
            "Thank you for your kind words about {product}, and for telling us what was not right."
        ),
        neutral=(
            "Thank you for taking the time to share your thoughts about {product}. We read "
            "every review and will take yours on board."
        ),
        question="Thank you for your question.",
        acknowledge={
            "delivery_delay": "Thank you for telling us that {product} took far too long to "
            "reach you.",
            "damaged_packaging": "Thank you for letting us know that {product} arrived damaged.",
            "wrong_item": "Thank you for telling us that you did not receive what you ordered.",
            "size_fit": "Thank you for letting us know that the size of {product} was not "
            "right for you.",
            "product_quality": "Thank you for telling us that {product} did not live up to "
            "your expectations.",
            "customs_fees": "Thank you for letting us know about the unexpected customs fees.",
            "returns_refunds": "Thank you for telling us that you are still waiting for your "
            "money.",
            "customer_service": "Thank you for telling us that our service let you down.",
            "safety": "Thank you for telling us what happened with {product}: your health and "
            "safety matter more to us than anything.",
            "": "Thank you for sharing your experience with {product}.",
        },
        late_arrived=(
            "We will find out what held up your parcel so that your next order arrives on time."
        ),
        remedy={
            "delivery_delay": "We will track your parcel today and make sure it reaches you.",
            "damaged_packaging": "We will send you a replacement or a full refund, whichever "
            "you prefer.",
            "wrong_item": "We will send the right item straight away and collect the wrong one "
            "at our cost.",
            "size_fit": "We will exchange it for another size free of charge.",
            "product_quality": "We will replace it or refund you, whichever you prefer.",
            "customs_fees": "We will look into the charges and refund any fees you should not "
            "have paid.",
            "returns_refunds": "We will check your refund today and make sure it is paid "
            "without further delay.",
            "customer_service": "From now on one person on our team will handle your case until "
            "it is settled.",
            "safety": "As a precaution, do not use it again: we will refund you in full, "
            "collect it at our cost and have it examined so that this cannot happen again.",
            "": "We want to make this right for you.",
        },
    ),
    "de": Phrases(
        greet_name="Hallo {name},",
        greet="Guten Tag,",
        apology="Das tut uns wirklich leid.",
        invitation_contact=(
            "Bitte schreiben Sie uns an {contact}, damit wir das persönlich für Sie klären können."
        ),
        invitation=(
            "Bitte kontaktieren Sie uns direkt, damit wir das persönlich für Sie klären können."
        ),
        signature="Ihr {shop}-Team",
        your_order="Ihre Bestellung",
        positive=(
            "Vielen Dank für Ihre freundlichen Worte ({product})! Es freut uns sehr, dass Sie "
            "zufrieden sind, und wir freuen uns auf Ihren nächsten Besuch."
        ),
        mixed=(
            "Vielen Dank für Ihre freundlichen Worte ({product}) und dafür, dass Sie uns sagen, "
            "was nicht gepasst hat."
        ),
        neutral=(
            "Vielen Dank, dass Sie sich die Zeit für Ihre Rückmeldung ({product}) genommen "
            "haben. Wir lesen jede Bewertung und nehmen Ihre Hinweise ernst."
        ),
        question="Vielen Dank für Ihre Frage.",
        acknowledge={
            "delivery_delay": "Danke, dass Sie uns mitteilen, dass {product} viel zu lange zu "
            "Ihnen unterwegs war.",
            "damaged_packaging": "Danke für Ihren Hinweis, dass {product} beschädigt bei Ihnen "
            "angekommen ist.",
            "wrong_item": "Danke für Ihren Hinweis, dass Sie nicht das Bestellte erhalten haben.",
            "size_fit": "Danke für Ihren Hinweis, dass die Größe ({product}) nicht gepasst hat.",
            "product_quality": "Danke für Ihren Hinweis, dass {product} Ihre Erwartungen nicht "
            "erfüllt hat.",
            "customs_fees": "Danke für Ihren Hinweis auf die unerwarteten Zollgebühren.",
            "returns_refunds": "Danke für Ihren Hinweis, dass Sie noch immer auf Ihr Geld warten.",
            "customer_service": "Danke für Ihren Hinweis, dass unser Service Sie enttäuscht hat.",
            "safety": "Danke, dass Sie uns geschildert haben, was mit dem Produkt ({product}) "
            "passiert ist: Ihre Gesundheit und Sicherheit gehen uns über alles.",
            "": "Danke, dass Sie Ihre Erfahrung ({product}) mit uns teilen.",
        },
        late_arrived=(
            "Wir gehen der Verzögerung nach, damit Ihre nächste Bestellung pünktlich ankommt."
        ),
        remedy={
            "delivery_delay": "Wir verfolgen Ihr Paket noch heute und sorgen dafür, dass es "
            "bei Ihnen ankommt.",
            "damaged_packaging": "Wir senden Ihnen gerne Ersatz oder erstatten den vollen "
            "Betrag, ganz wie Sie möchten.",
            "wrong_item": "Wir senden Ihnen sofort den richtigen Artikel und holen den falschen "
            "auf unsere Kosten ab.",
            "size_fit": "Wir tauschen den Artikel kostenlos gegen eine andere Größe um.",
            "product_quality": "Wir ersetzen den Artikel oder erstatten Ihnen den Kaufpreis, "
            "ganz wie Sie möchten.",
            "customs_fees": "Wir prüfen die Gebühren und erstatten Ihnen alles, was zu Unrecht "
            "berechnet wurde.",
            "returns_refunds": "Wir prüfen Ihre Erstattung noch heute und sorgen dafür, dass "
            "sie ohne weitere Verzögerung ausgezahlt wird.",
            "customer_service": "Ab jetzt kümmert sich eine feste Ansprechperson aus unserem Team "
            "um Ihr Anliegen, bis alles geklärt ist.",
            "safety": "Verwenden Sie es vorsichtshalber nicht weiter: Wir erstatten Ihnen den "
            "vollen Betrag, holen es auf unsere Kosten ab und lassen es prüfen, damit so etwas "
            "nicht wieder passiert.",
            "": "Wir möchten das für Sie in Ordnung bringen.",
        },
    ),
    "sl": Phrases(
        greet_name="Pozdravljeni, {name},",
        greet="Pozdravljeni,",
        apology="Iskreno se opravičujemo.",
        invitation_contact="Prosimo, pišite nam na {contact}, da vse uredimo osebno.",
        invitation="Prosimo, kontaktirajte nas neposredno, da vse uredimo osebno.",
        signature="Ekipa {shop}",
        your_order="vaše naročilo",
        positive=(
            "Najlepša hvala za vaše prijazne besede ({product})! Veseli nas, da ste zadovoljni, "
            "in se že veselimo vašega naslednjega obiska."
        ),
        mixed=(
            "Hvala za vaše prijazne besede ({product}) in ker ste nam povedali, kaj ni bilo v redu."
        ),
        neutral=(
            "Hvala, da ste si vzeli čas za povratno informacijo ({product}). Preberemo vsako "
            "mnenje in upoštevamo vaše predloge."
        ),
        question="Hvala za vaše vprašanje.",
        acknowledge={
            "delivery_delay": "Hvala, ker ste nam sporočili, da je pošiljka ({product}) "
            "potovala predolgo.",
            "damaged_packaging": "Hvala, ker ste nam sporočili, da je izdelek ({product}) "
            "prispel poškodovan.",
            "wrong_item": "Hvala, ker ste nam sporočili, da niste prejeli tega, kar ste naročili.",
            "size_fit": "Hvala, ker ste nam sporočili, da velikost ({product}) ni ustrezala.",
            "product_quality": "Hvala, ker ste nam sporočili, da izdelek ({product}) ni "
            "izpolnil vaših pričakovanj.",
            "customs_fees": "Hvala, ker ste nas opozorili na nepričakovane carinske stroške.",
            "returns_refunds": "Hvala, ker ste nam sporočili, da še vedno čakate na svoj denar.",
            "customer_service": "Hvala, ker ste nam sporočili, da vas je naša podpora razočarala.",
            "safety": "Hvala, ker ste nam povedali, kaj se je zgodilo z izdelkom ({product}): "
            "vaše zdravje in varnost sta nam pomembnejša od vsega.",
            "": "Hvala, ker ste z nami delili svojo izkušnjo ({product}).",
        },
        late_arrived=(
            "Preverili bomo, kaj je zadržalo vašo pošiljko, da bo naslednje naročilo prispelo "
            "pravočasno."
        ),
        remedy={
            "delivery_delay": "Še danes bomo preverili, kje je paket, in poskrbeli, da ga "
            "prejmete.",
            "damaged_packaging": "Poslali vam bomo nov izdelek ali vrnili celotno kupnino, "
            "kakor vam bolj ustreza.",
            "wrong_item": "Takoj vam bomo poslali pravi izdelek in na svoje stroške prevzeli "
            "napačnega.",
            "size_fit": "Brezplačno ga bomo zamenjali za drugo velikost.",
            "product_quality": "Izdelek vam bomo zamenjali ali vrnili kupnino, kakor vam bolj "
            "ustreza.",
            "customs_fees": "Preverili bomo stroške in vam povrnili vse, česar ne bi smeli "
            "plačati.",
            "returns_refunds": "Še danes bomo preverili vaše vračilo in poskrbeli, da bo "
            "izplačano brez nadaljnjega odlašanja.",
            "customer_service": "Odslej bo vašo zadevo do konca vodila ena oseba iz naše ekipe.",
            "safety": "Izdelka ne uporabljajte več: v celoti vam bomo vrnili denar, ga "
            "prevzeli na naše stroške in dali pregledati, da se to ne bo ponovilo.",
            "": "Radi bi to uredili za vas.",
        },
    ),
    "lv": Phrases(
        greet_name="Labdien, {name},",
        greet="Labdien,",
        apology="Mums ļoti žēl par notikušo.",
        invitation_contact=(
            "Lūdzu, rakstiet mums uz {contact}, lai mēs to varētu personīgi atrisināt."
        ),
        invitation="Lūdzu, sazinieties ar mums tieši, lai mēs to varētu personīgi atrisināt.",
        signature="{shop} komanda",
        your_order="jūsu pasūtījums",
        positive=(
            "Liels paldies par jūsu laipnajiem vārdiem ({product})! Mēs priecājamies, ka jums "
            "patika, un gaidīsim jūs atkal."
        ),
        mixed=(
            "Paldies par jūsu laipnajiem vārdiem ({product}) un par to, ka pastāstījāt, kas "
            "nebija kārtībā."
        ),
        neutral=(
            "Paldies, ka veltījāt laiku atsauksmei ({product}). Mēs izlasām katru atsauksmi un "
            "ņemsim vērā jūsu ieteikumus."
        ),
        question="Paldies par jūsu jautājumu.",
        acknowledge={
            "delivery_delay": "Paldies, ka pastāstījāt, ka sūtījums ({product}) ceļoja pārāk ilgi.",
            "damaged_packaging": "Paldies, ka pastāstījāt, ka prece ({product}) pienāca bojāta.",
            "wrong_item": "Paldies, ka pastāstījāt, ka nesaņēmāt to, ko pasūtījāt.",
            "size_fit": "Paldies, ka pastāstījāt, ka izmērs ({product}) neder.",
            "product_quality": "Paldies, ka pastāstījāt, ka prece ({product}) neattaisnoja jūsu "
            "cerības.",
            "customs_fees": "Paldies, ka informējāt mūs par negaidītajām muitas izmaksām.",
            "returns_refunds": "Paldies, ka pastāstījāt, ka joprojām gaidāt savu naudu.",
            "customer_service": "Paldies, ka pastāstījāt, ka mūsu apkalpošana jūs pievīla.",
            "safety": "Paldies, ka pastāstījāt, kas notika ar preci ({product}): jūsu veselība "
            "un drošība mums ir svarīgāka par visu.",
            "": "Paldies, ka dalījāties ar savu pieredzi ({product}).",
        },
        late_arrived=(
            "Mēs noskaidrosim, kas aizkavēja jūsu sūtījumu, lai nākamais pasūtījums pienāktu laikā."
        ),
        remedy={
            "delivery_delay": "Vēl šodien pārbaudīsim sūtījumu un parūpēsimies, lai tas jūs "
            "sasniegtu.",
            "damaged_packaging": "Nosūtīsim jums jaunu preci vai atmaksāsim visu summu, kā jums "
            "ērtāk.",
            "wrong_item": "Nekavējoties nosūtīsim pareizo preci un uz sava rēķina savāksim "
            "nepareizo.",
            "size_fit": "Bez maksas apmainīsim to pret citu izmēru.",
            "product_quality": "Apmainīsim preci vai atmaksāsim naudu, kā jums ērtāk.",
            "customs_fees": "Pārbaudīsim izmaksas un atmaksāsim visu, kas jums nebija jāmaksā.",
            "returns_refunds": "Vēl šodien pārbaudīsim jūsu atmaksu un parūpēsimies, lai tā "
            "tiktu izmaksāta bez kavēšanās.",
            "customer_service": "Turpmāk jūsu jautājumu līdz galam risinās viens mūsu komandas "
            "darbinieks.",
            "safety": "Piesardzības nolūkos vairs neizmantojiet to: mēs atmaksāsim visu summu, "
            "savāksim preci uz sava rēķina un nodosim to pārbaudei, lai tas neatkārtotos.",
            "": "Mēs vēlamies to jums nokārtot.",
        },
    ),
    "ro": Phrases(
        greet_name="Bună ziua, {name},",
        greet="Bună ziua,",
        apology="Ne pare sincer rău pentru această experiență.",
        invitation_contact=(
            "Vă rugăm să ne scrieți la {contact}, ca să rezolvăm personal situația."
        ),
        invitation="Vă rugăm să ne contactați direct, ca să rezolvăm personal situația.",
        signature="Echipa {shop}",
        your_order="comanda dumneavoastră",
        positive=(
            "Vă mulțumim din suflet pentru cuvintele frumoase ({product})! Ne bucurăm că v-a "
            "plăcut și vă așteptăm cu drag din nou."
        ),
        mixed=(
            "Vă mulțumim pentru cuvintele frumoase ({product}) și pentru că ne-ați spus ce nu a "
            "fost în regulă."
        ),
        neutral=(
            "Vă mulțumim că v-ați făcut timp să ne spuneți părerea ({product}). Citim fiecare "
            "recenzie și vom ține cont de sugestiile dumneavoastră."
        ),
        question="Vă mulțumim pentru întrebare.",
        acknowledge={
            "delivery_delay": "Vă mulțumim că ne-ați spus că livrarea ({product}) a durat mult "
            "prea mult.",
            "damaged_packaging": "Vă mulțumim că ne-ați spus că produsul ({product}) a ajuns "
            "deteriorat.",
            "wrong_item": "Vă mulțumim că ne-ați spus că nu ați primit ce ați comandat.",
            "size_fit": "Vă mulțumim că ne-ați spus că mărimea ({product}) nu s-a potrivit.",
            "product_quality": "Vă mulțumim că ne-ați spus că produsul ({product}) nu s-a "
            "ridicat la înălțimea așteptărilor.",
            "customs_fees": "Vă mulțumim că ne-ați semnalat taxele vamale neașteptate.",
            "returns_refunds": "Vă mulțumim că ne-ați spus că încă vă așteptați banii.",
            "customer_service": "Vă mulțumim că ne-ați spus că serviciul nostru v-a dezamăgit.",
            "safety": "Vă mulțumim că ne-ați spus ce s-a întâmplat cu produsul ({product}): "
            "sănătatea și siguranța dumneavoastră contează pentru noi mai mult decât orice.",
            "": "Vă mulțumim că ne-ați împărtășit experiența ({product}).",
        },
        late_arrived=(
            "Vom afla ce a întârziat coletul, pentru ca următoarea comandă să ajungă la timp."
        ),
        remedy={
            "delivery_delay": "Verificăm chiar astăzi coletul și ne asigurăm că ajunge la "
            "dumneavoastră.",
            "damaged_packaging": "Vă trimitem un produs nou sau vă rambursăm integral suma, cum "
            "preferați.",
            "wrong_item": "Vă trimitem imediat produsul corect și ridicăm pe cheltuiala noastră "
            "produsul greșit.",
            "size_fit": "Îl schimbăm gratuit cu o altă mărime.",
            "product_quality": "Vă înlocuim produsul sau vă rambursăm banii, cum preferați.",
            "customs_fees": "Verificăm taxele și vă rambursăm tot ce nu trebuia să plătiți.",
            "returns_refunds": "Verificăm astăzi rambursarea și ne asigurăm că este plătită "
            "fără alte întârzieri.",
            "customer_service": "De acum, o singură persoană din echipa noastră se va ocupa de "
            "cazul dumneavoastră până la rezolvare.",
            "safety": "Vă sfătuim să nu-l mai folosiți: vă rambursăm integral suma, îl ridicăm pe "
            "cheltuiala noastră și îl trimitem la verificare, ca să nu se mai repete.",
            "": "Dorim să îndreptăm lucrurile pentru dumneavoastră.",
        },
    ),
}


@dataclass(frozen=True)
class BuiltinTemplate:
    language: str
    sentiment: str
    topic: str
    body: str

    @property
    def key(self) -> str:
        return f"builtin:{self.language}:{self.sentiment}:{self.topic or 'any'}"


def _builtins() -> dict[tuple[str, str, str], BuiltinTemplate]:
    found: dict[tuple[str, str, str], BuiltinTemplate] = {}

    def add(language: str, sentiment: str, topic: str, body: str) -> None:
        found[(language, sentiment, topic)] = BuiltinTemplate(language, sentiment, topic, body)

    for language, p in PHRASES.items():
        for topic in (*NEGATIVE_TOPICS, SAFETY, ""):
            ack = p.acknowledge[topic]
            add(
                language,
                "negative",
                topic,
                f"{{greeting}}\n{ack} {p.apology} {{remedy}} {{invitation}}\n{{signature}}",
            )
        # A danger told in a mild review ("works, but the plug gets very hot") is answered as one.
        safety = p.acknowledge[SAFETY]
        add(
            language,
            "neutral",
            SAFETY,
            f"{{greeting}}\n{safety} {p.apology} {{remedy}} {{invitation}}\n{{signature}}",
        )
        add(language, "neutral", "", f"{{greeting}}\n{p.neutral} {{invitation}}\n{{signature}}")
        add(language, "positive", "", f"{{greeting}}\n{p.positive}\n{{signature}}")
        # Praise that names a complaint (drafting.complaint_in_praise): the remedy of the
        # problem named, or the general one.
        for topic in (
            *(t for t in NEGATIVE_TOPICS if t != "customer_service"),
            SAFETY,
            COMPLAINT,
        ):
            add(
                language,
                "positive",
                topic,
                f"{{greeting}}\n{p.mixed} {p.apology} {{remedy}} {{invitation}}\n{{signature}}",
            )
        for sentiment in ("neutral", "positive"):
            add(
                language,
                sentiment,
                "faq",
                f"{{greeting}}\n{p.question} {{faq_answer}}\n{{signature}}",
            )
    return found


BUILTIN = _builtins()
