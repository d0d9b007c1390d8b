"""The review page's words in the shop's language (en, de, sl, lv, ro; English otherwise). The
review itself stays in the language it was written in."""

from datetime import datetime
from typing import Final

LANGUAGES: Final = ("en", "de", "sl", "lv", "ro")

TEXTS: Final[dict[str, dict[str, str]]] = {
    "en": {
        "heading": "Review of {subject}",
        "rated": "Rated {rating} out of 5",
        "by": "By {name}",
        "anonymous": "Anonymous",
        "verified.survey": "Verified purchase: written through the review invitation sent for "
        "this order.",
        "verified.reference": "Verified purchase: matched to an order by its order reference.",
        "verified.email_product": "Verified purchase: matched to an order of this product by the "
        "buyer's email address.",
        "verified": "Verified purchase.",
        "not_verified": "Not verified as a purchase.",
        "incentivized": "Incentivized review: the reviewer was offered something for writing a "
        "review, whatever its rating.",
        "reply": "Reply from {shop}",
        "policy": "How {shop} collects, verifies and moderates reviews",
        "not_found": "Review not found",
        "not_found_text": "This review does not exist or is not published.",
    },
    "de": {
        "heading": "Bewertung zu {subject}",
        "rated": "Bewertet mit {rating} von 5 Sternen",
        "by": "Von {name}",
        "anonymous": "Anonym",
        "verified.survey": "Verifizierter Kauf: über die Einladung zur Bewertung dieser "
        "Bestellung geschrieben.",
        "verified.reference": "Verifizierter Kauf: über die Bestellnummer einer Bestellung "
        "zugeordnet.",
        "verified.email_product": "Verifizierter Kauf: über die E-Mail-Adresse des Käufers einer "
        "Bestellung dieses Produkts zugeordnet.",
        "verified": "Verifizierter Kauf.",
        "not_verified": "Nicht als Kauf verifiziert.",
        "incentivized": "Bewertung mit Anreiz: Für das Schreiben einer Bewertung wurde eine "
        "Gegenleistung angeboten, unabhängig von der Sternezahl.",
        "reply": "Antwort von {shop}",
        "policy": "Wie {shop} Bewertungen sammelt, prüft und moderiert",
        "not_found": "Bewertung nicht gefunden",
        "not_found_text": "Diese Bewertung gibt es nicht oder sie ist nicht veröffentlicht.",
    },
    "sl": {
        "heading": "Ocena: {subject}",
        "rated": "Ocena {rating} od 5",
        "by": "Avtor: {name}",
        "anonymous": "Anonimno",
        "verified.survey": "Preverjen nakup: napisano prek povabila k oceni, poslanega za to "
        "naročilo.",
        "verified.reference": "Preverjen nakup: povezano z naročilom prek številke naročila.",
        "verified.email_product": "Preverjen nakup: povezano z naročilom tega izdelka prek "
        "kupčevega e-poštnega naslova.",
        "verified": "Preverjen nakup.",
        "not_verified": "Nakup ni preverjen.",
        "incentivized": "Spodbujena ocena: ocenjevalcu je bilo za oddajo ocene nekaj ponujeno, "
        "ne glede na število zvezdic.",
        "reply": "Odgovor trgovine {shop}",
        "policy": "Kako {shop} zbira, preverja in moderira ocene",
        "not_found": "Ocene ni mogoče najti",
        "not_found_text": "Ta ocena ne obstaja ali ni objavljena.",
    },
    "lv": {
        "heading": "Atsauksme: {subject}",
        "rated": "Vērtējums: {rating} no 5",
        "by": "Autors: {name}",
        "anonymous": "Anonīms",
        "verified.survey": "Pārbaudīts pirkums: uzrakstīts, atbildot uz uzaicinājumu sniegt "
        "atsauksmi par šo pasūtījumu.",
        "verified.reference": "Pārbaudīts pirkums: sasaistīts ar pasūtījumu pēc pasūtījuma numura.",
        "verified.email_product": "Pārbaudīts pirkums: sasaistīts ar šī produkta pasūtījumu pēc "
        "pircēja e-pasta adreses.",
        "verified": "Pārbaudīts pirkums.",
        "not_verified": "Pirkums nav pārbaudīts.",
        "incentivized": "Stimulēta atsauksme: autoram par atsauksmes rakstīšanu kaut kas tika "
        "piedāvāts neatkarīgi no vērtējuma.",
        "reply": "{shop} atbilde",
        "policy": "Kā {shop} vāc, pārbauda un moderē atsauksmes",
        "not_found": "Atsauksme nav atrasta",
        "not_found_text": "Šī atsauksme neeksistē vai nav publicēta.",
    },
    "ro": {
        "heading": "Recenzie: {subject}",
        "rated": "Evaluat cu {rating} din 5",
        "by": "De {name}",
        "anonymous": "Anonim",
        "verified.survey": "Achiziție verificată: scrisă prin invitația la recenzie trimisă "
        "pentru această comandă.",
        "verified.reference": "Achiziție verificată: asociată unei comenzi prin numărul comenzii.",
        "verified.email_product": "Achiziție verificată: asociată unei comenzi a acestui produs "
        "prin adresa de e-mail a cumpărătorului.",
        "verified": "Achiziție verificată.",
        "not_verified": "Achiziția nu este verificată.",
        "incentivized": "Recenzie stimulată: recenzentului i s-a oferit ceva pentru a scrie o "
        "recenzie, indiferent de nota acordată.",
        "reply": "Răspunsul de la {shop}",
        "policy": "Cum colectează, verifică și moderează {shop} recenziile",
        "not_found": "Recenzia nu a fost găsită",
        "not_found_text": "Această recenzie nu există sau nu este publicată.",
    },
}

_MONTHS_EN: Final = (
    "January February March April May June July August September October November December"
).split()


def language_of(locale: str | None) -> str:
    """The page's language: the shop's locale (`de-AT`, `de_DE` → `de`) if the page speaks
    it, English otherwise."""
    base = (locale or "").replace("_", "-").split("-")[0].strip().lower()
    return base if base in LANGUAGES else "en"


def day(at: datetime, language: str) -> str:
    """A date as readers of `language` write it (numeric outside English: no month names to
    decline)."""
    if language == "en":
        return f"{at.day} {_MONTHS_EN[at.month - 1]} {at.year}"
    if language == "sl":
        return f"{at.day}. {at.month}. {at.year}"
    if language == "lv":
        return f"{at.day:02d}.{at.month:02d}.{at.year}."
    return f"{at.day:02d}.{at.month:02d}.{at.year}"
