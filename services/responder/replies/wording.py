"""What the reply linter looks for, per language (en, de, sl, lv, ro).

Patterns are regular expressions over folded text (lower case, no diacritics: "ž" is "z", "ß"
is "ss"), so each is written once. A reply is checked against every language's lists: a German
bribe inside an English reply is still a bribe.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Wording:
    # Saying sorry.
    apology: tuple[str, ...]
    # Inviting the customer to a private channel.
    private_channel: tuple[str, ...]
    # Arguing, blaming the customer, defending the shop.
    defensive: tuple[str, ...]
    # Something of value offered...
    incentive: tuple[str, ...]
    # ...for changing, removing or writing a (good) review, in the same sentence.
    review_change: tuple[str, ...]
    # Asking the customer to change, remove or raise their review, or for a good one: with an
    # offer anywhere in the reply this is an incentive too ("We'd love to send you a gift card.
    # It would mean a lot if you updated your review."). Tighter than `review_change`: the
    # review must be the object of the request, since it is matched across sentences.
    review_request: tuple[str, ...]
    # Steering unhappy customers to support instead of reviewing.
    instead_of_review: tuple[str, ...]
    # An order, invoice or parcel number.
    order_number: tuple[str, ...]
    # A street address.
    address: tuple[str, ...]
    # Speaking to a danger to safety or health: the person's safety or health, an injury, not
    # using the thing any more. A reply to a review that tells of one should (LintContext).
    safety: tuple[str, ...]
    # Frequent short words, to tell the language of a reply.
    stopwords: frozenset[str]


_GAP = r"[^.!?\n]{0,60}?"  # within one sentence
_DE_CHANGE = (
    r"losch\w*|entfern\w*|andern|anderung\w*|geandert|anpass\w*|zuruckzieh\w*|"
    r"aktualisier\w*|uberarbeit\w*|verbesser\w*"
)

WORDING: dict[str, Wording] = {
    "en": Wording(
        apology=(r"\bsorry\b", r"\bapologi[sz]e\w*", r"\bapologies\b", r"\bwe regret\b"),
        private_channel=(
            r"\bcontact (us|our|the (support|customer|service))\b",
            r"\bget in touch\b",
            r"\breach (out|us)\b",
            r"\b(write|e-?mail|message|call|phone|dm) us\b",
            r"\b(write|talk|speak|reply|get back) to us\b",
            r"\bsend us (an? )?(e-?mail|message|dm|note|line)\b",
            r"\bdirect message\b",
            r"\bprivate(ly| message)\b",
        ),
        defensive=(
            r"\bnot our fault\b",
            r"\byour (own )?fault\b",
            r"\byou should have\b",
            r"\byou (failed|forgot|neglected) to\b",
            r"\bas (clearly |already )?stated\b",
            r"\bclearly (stated|written|explained|says)\b",
            r"\byou are (wrong|mistaken|lying)\b",
            r"\b(we are|we're) not responsible\b",
            r"\bthat is (simply )?(not true|untrue|false)\b",
            r"\bfake review\b",
            r"\bif you had (read|followed|checked)\b",
            r"\bblame\b",
        ),
        incentive=(
            r"\bvouchers?\b",
            r"\bcoupons?\b",
            r"\bdiscounts?\b",
            r"\bgift ?cards?\b",
            r"\bfree (gift|product|item|shipping|delivery)\b",
            r"\bstore credit\b",
            r"\brefund\w*\b",
            r"\bcash ?back\b",
            r"\bmoney back\b",
            r"\b\d+ ?% off\b",
            r"\bcompensat\w+\b",
            r"\breward\w*\b",
            # Money in any language's amounts: "50 euros", "EUR 20", "€20", "20 lei".
            r"(?:[€$£]|\b(?:eur|usd|gbp|ron)) ?\d",
            r"\b\d+(?:[.,]\d+)? ?(?:de )?(?:€|eur\b|euros?\b|eiro\b|evr(?:o|a|i|ov)\b|usd\b|"
            r"dollars?\b|gbp\b|pounds?\b|lei\b|ron\b)",
            r"\bpay you\b",
            r"\b(send|transfer|give) you (money|cash)\b",
        ),
        review_change=(
            rf"\b(remove|delete|change|update|edit|amend|revise|withdraw|take down|modify|"
            rf"raise|upgrade)\b{_GAP}\b(review|rating|stars?|feedback)\b",
            r"\b(positive|good|better|5.stars?|five.stars?|higher) (review|rating)s?\b",
        ),
        review_request=(
            r"\b(remove|delete|change|update|edit|amend|revise|reconsider|rethink|withdraw|"
            r"take down|modify|raise|upgrade|adjust|improve|bump)\b (up )?(your|the|this|that)"
            r"( [\w-]+){0,2}? (review|rating|stars?|feedback)\b",
            r"\b(leave|write|post|give)( us)? (an? )?(positive|good|great|better|glowing|"
            r"5.stars?|five.stars?)\b",
        ),
        instead_of_review=(
            rf"\binstead of (leaving|writing|posting|giving|publishing)\b{_GAP}"
            rf"\b(review|rating|feedback)\b",
            rf"\bbefore (leaving|writing|posting|giving)\b{_GAP}\b(review|rating|feedback)\b",
            r"\brather than (leaving|writing|posting|reviewing)\b",
            rf"\b(please )?(do not|don't|dont) (leave|write|post)\b{_GAP}\b(review|rating)s?\b",
            r"\bcontact (us|support) first\b",
        ),
        order_number=(
            r"\b(order|invoice|tracking|parcel|shipment)( no\.?| number| nr\.?| id)?"
            r"[ :#]*\d[\d-]{2,}",
        ),
        address=(
            r"\b\d{1,4}[a-z]? \w+ (street|st\.|avenue|ave\.?|road|rd\.|lane|boulevard|drive)",
            r"\b\w+ (street|avenue|road|lane) \d{1,4}\b",
        ),
        safety=(
            r"\bsafe(ty)?\b",
            r"\bhealth\b",
            r"\bhurt\b",
            r"\binjur\w*",
            r"\b(stop|not|never) using\b",
            r"\b(do not|don't|dont|never) use\b",
            r"\bdanger\w*",
            r"\bhazard\w*",
            r"\brecall\w*",
        ),
        stopwords=frozenset(
            "the and you your we our for with this that is are to of thank thanks sorry "
            "please us it was have will be".split()
        ),
    ),
    "de": Wording(
        apology=(
            r"\bentschuldig\w*",
            r"\btut (uns|mir) (sehr |wirklich )?leid\b",
            r"\bbedauern\b",
        ),
        private_channel=(
            r"\bkontaktieren sie uns\b",
            r"\bschreiben sie uns\b",
            r"\bmelden sie sich\b",
            r"\bwenden sie sich\b",
            r"\brufen sie uns an\b",
            r"\bnehmen sie (bitte )?(direkt )?kontakt\b",
            r"\bper (e-?mail|nachricht|telefon)\b",
            r"\bdirekt (bei uns|an uns)\b",
        ),
        defensive=(
            r"\bnicht unsere schuld\b",
            r"\bihre (eigene )?schuld\b",
            r"\bsie hatten\b.{0,30}\b(sollen|mussen)\b",
            r"\bsie haben (leider )?(falsch|nicht richtig)\b",
            r"\bwie (deutlich|klar|bereits) (angegeben|beschrieben|erwahnt)\b",
            r"\bdas stimmt (so )?nicht\b",
            r"\bwir sind nicht verantwortlich\b",
            r"\bsie lugen\b",
        ),
        incentive=(
            r"\bgutschein\w*",
            r"\brabatt\w*",
            r"\bgeschenk\w*",
            r"\bgratis\b",
            r"\bkostenlos\w*",
            r"\b(ruck)?erstatt\w*",
            r"\bgeld zuruck\b",
            r"\bentschadigung\w*",
            r"\bkaufpreis\w*",
            r"\bzahlen (wir )?ihnen\b",
            r"\buberweis\w*",
            r"\bschicken (wir )?ihnen\b[^.!?\n]{0,40}\b(neue|ersatz|gratis|kostenlos)\w*",
        ),
        review_change=(
            rf"\b(bewertung|rezension|sterne|kommentar)\w*\b{_GAP}\b({_DE_CHANGE})",
            rf"\b({_DE_CHANGE})\b{_GAP}\b(bewertung|rezension)\w*",
            r"\b(positive|gute|bessere|5-sterne|funf-sterne)\w* (bewertung|rezension)\w*",
            r"\b(5|funf)-sterne-(bewertung|rezension)\w*",
            rf"\bnehmen sie\b{_GAP}\b(bewertung|rezension)\w*{_GAP}\bzuruck\b",
        ),
        review_request=(
            r"\b(ihre|die|diese)( [\w-]+)? (bewertung|rezension|sterne)\w*( \w+){0,3}? (zu )?"
            r"(loschen|entfernen|andern|abandern|anpassen|zuruckziehen|aktualisieren|"
            r"uberarbeiten|verbessern|erhohen|uberdenken)\b",
            r"\b(loschen|entfernen|andern|anpassen|aktualisieren|uberarbeiten|erhohen|uberdenken)"
            r" sie (bitte )?(doch )?(ihre|die) (bewertung|rezension)",
            r"\b(positive|gute|bessere|5-sterne|funf-sterne)\w* (bewertung|rezension)\w* (zu )?"
            r"(schreiben|abgeben|hinterlassen|geben)\b",
        ),
        instead_of_review=(
            rf"\b(statt|anstatt|anstelle)\b{_GAP}\b(bewertung|rezension)\w*",
            rf"\bbevor sie\b{_GAP}\b(bewertung|rezension)\w*",
            r"\bkeine (negative |schlechte )?(bewertung|rezension) (zu )?(schreiben|abgeben|"
            r"hinterlassen)",
        ),
        order_number=(
            r"\b(bestell(ung|nummer)|auftrag(snummer)?|rechnung(snummer)?|sendungsnummer)"
            r"( nr\.?| nummer)?[ :#]*\d[\d-]{2,}",
        ),
        address=(r"\b\w+(strasse|str\.|weg|platz|gasse|allee) \d{1,4}\b",),
        safety=(
            r"\bsicherheit\w*",
            r"\bgesundheit\w*",
            r"\bverletz\w*",
            r"\bgefahr\w*",
            r"\bnicht (mehr|weiter) (verwenden|benutzen|nutzen|gebrauchen)\b",
            r"\b(verwenden|benutzen|nutzen) sie\b[^.!?\n]{0,30}\bnicht (mehr|weiter)\b",
            r"\bruckruf\w*",
        ),
        stopwords=frozenset(
            "und der die das sie ihr ihre ihnen wir uns mit fur nicht ist es ein eine bitte "
            "danke leid zu den dem auf".split()
        ),
    ),
    "sl": Wording(
        apology=(
            r"\bopravic\w*",
            r"\boprostite\b",
            r"\bzal nam je\b",
            r"\bobzaluj\w*",
        ),
        private_channel=(
            r"\bpisite nam\b",
            r"\bkontaktirajte nas\b",
            r"\bobrnite se na nas\b",
            r"\bposljite nam\b",
            r"\bpoklicite nas\b",
            r"\bse nam oglasite\b",
            r"\bneposredno (na|pri) nas\b",
        ),
        defensive=(
            r"\bni nasa krivda\b",
            r"\bvasa (lastna )?krivda\b",
            r"\bbi morali\b",
            r"\bste (narobe|napacno)\b",
            r"\bkot (jasno )?pise\b",
            r"\bto ni res\b",
            r"\bnismo odgovorni\b",
        ),
        incentive=(
            r"\bpopust\w*",
            r"\bkupon\w*",
            r"\bbon(a|i|om|u)?\b",
            r"\bdaril\w*",
            r"\bbrezplacn\w*",
            r"\bvracilo (denarja|kupnine)\b",
            r"\bnagrad\w*",
            r"\b(placamo|nakazemo|vrnemo) vam\b",
            r"\bvrnili (vam )?(bomo )?denar\b",
        ),
        review_change=(
            rf"\b(izbris|odstran|spremen|popravi|posodob|umakn)\w*\b{_GAP}\b(ocen|mnenj|recenzij|"
            rf"komentar|zvezdic)\w*",
            r"\b(pozitivn|dobr|boljs)\w* (ocen|mnenj)\w*",
        ),
        review_request=(
            r"\b(izbris|odstran|spremen|popravi|posodob|umakn|zvisa|izboljsa)\w*"
            r"( (svoj|vas|to|tej)\w*)? (ocen|mnenj|recenzij|zvezdic)\w*",
            r"\b(svoj|vas)\w* (ocen|mnenj|recenzij)\w* (\w+ )?"
            r"(izbris|odstran|spremen|popravi|posodob|umakn|zvisa)\w*",
            r"\b(napis|oddaj|pust)\w* (nam )?(\w+ )?(pozitivn|dobr|boljs|odlicn)\w* (ocen|mnenj)",
        ),
        instead_of_review=(
            rf"\bnamesto\b{_GAP}\b(ocen|mnenj|recenzij)\w*",
            rf"\bpreden\b{_GAP}\b(ocen|mnenj|recenzij)\w*",
        ),
        order_number=(r"\b(narocil|racun|posiljk)\w*( st\.?| stevilka)?[ :#]*\d[\d-]{2,}",),
        address=(
            r"\b\w+ (ulica|cesta|trg) \d{1,4}\b",
            r"\b(ulica|cesta) \w+ \d{1,4}\b",
        ),
        safety=(
            r"\bvarn\w*",
            r"\bzdravj\w*",
            r"\bzdravstv\w*",
            r"\bne uporabljajte\b",
            r"\bposkodb\w*",
            r"\bnevarn\w*",
            r"\bodpoklic\w*",
        ),
        stopwords=frozenset(
            "in je da se na za vas vam nam smo bomo ki ne hvala prosimo zal so ste bo "
            "vase vasem".split()
        ),
    ),
    "lv": Wording(
        apology=(r"\batvainoj\w*", r"\bmums (loti )?zel\b", r"\bnozeloj\w*"),
        private_channel=(
            r"\bsazinieties ar mums\b",
            r"\brakstiet mums\b",
            r"\bzvaniet mums\b",
            r"\bsutiet mums\b",
            r"\bgriezieties pie mums\b",
            r"\btiesi pie mums\b",
        ),
        defensive=(
            r"\bnav musu vaina\b",
            r"\bjusu (pasu )?vaina\b",
            r"\bjums vajadzeja\b",
            r"\bjus kludaties\b",
            r"\btas nav tiesa\b",
            r"\bmes neesam atbildigi\b",
        ),
        incentive=(
            r"\batlaid\w*",
            r"\bkupon\w*",
            r"\bdavan\w*",
            r"\bbezmaksas\b",
            r"\bnaudas atmaks\w*",
            r"\bkompensacij\w*",
            r"\b(samaksasim|parskaitisim|atmaksasim)\b",
        ),
        review_change=(
            rf"\b(iz|no)?(dzes|nonem|main|labo|atjaunin)\w*\b{_GAP}\b(atsauksm|vertejum|"
            rf"komentar|zvaigzn)\w*",
            r"\b(pozitiv|lab|labak)\w* (atsauksm|vertejum)\w*",
        ),
        review_request=(
            r"\b(iz|no)?(dzes|nonem|main|labo|atjaunin|paaugstin|uzlabo)\w*"
            r"( (savu|jusu|so)\w*)? (atsauksm|vertejum|zvaigzn)\w*",
            r"\b(savu|jusu)\w* (atsauksm|vertejum)\w* (\w+ )?"
            r"(iz|no)?(dzes|nonem|main|labo|atjaunin|paaugstin)\w*",
            r"\b(atstaj|uzrakst|sniedz)\w* (mums )?(\w+ )?(pozitiv|lab)\w* (atsauksm|vertejum)",
        ),
        instead_of_review=(
            rf"\b(nevis|ta vieta)\b{_GAP}\b(atsauksm|vertejum)\w*",
            rf"\bpirms\b{_GAP}\b(atsauksm|vertejum)\w*",
        ),
        order_number=(r"\b(pasutijum|rekin|sutijum)\w*( nr\.?| numurs)?[ :#]*\d[\d-]{2,}",),
        address=(r"\b\w+ iela \d{1,4}\b",),
        safety=(
            r"\bdrosib\w*",
            r"\bveselib\w*",
            r"\bneizmantojiet\b",
            r"\bnelietojiet\b",
            r"\btraum\w*",
            r"\bsavaino\w*",
            r"\bbistam\w*",
        ),
        stopwords=frozenset(
            "un ir ka par jus jums jusu mes mums musu ar lai ne paldies ludzu no uz to so "
            "tas".split()
        ),
    ),
    "ro": Wording(
        apology=(r"\bne pare (foarte |sincer )?rau\b", r"\bscuze\b", r"\bregretam\b"),
        private_channel=(
            r"\bcontactati[- ]ne\b",
            r"\bscrieti[- ]ne\b",
            r"\bsunati[- ]ne\b",
            r"\btrimiteti[- ]ne\b",
            r"\bsa ne (contactati|scrieti|sunati)\b",
            r"\bne puteti (contacta|scrie)\b",
        ),
        defensive=(
            r"\bnu (este|e) vina noastra\b",
            r"\bvina (dumneavoastra|ta)\b",
            r"\bar fi trebuit sa\b",
            r"\bnu este adevarat\b",
            r"\bnu suntem responsabili\b",
            r"\bdupa cum (este )?(scris|specificat|mentionat)\b",
        ),
        incentive=(
            r"\breducer\w*",
            r"\bvoucher\w*",
            r"\bcupon\w*",
            r"\bcadou\w*",
            r"\bgratuit\w*",
            r"\brambursar\w*",
            r"\bbanii inapoi\b",
            r"\b(va )?(platim|rambursam|transferam)\b",
        ),
        review_change=(
            rf"\b(sterge|elimin|modific|schimb|actualiz|retrage)\w*\b{_GAP}\b(recenzi|evaluar|"
            rf"review|comentari|stele)\w*",
            r"\b(recenzi|evaluar)\w* (pozitiv\w*|buna|mai buna)",
        ),
        review_request=(
            r"\b(sterg|elimin|modific|schimb|actualiz|retrag|revizui|reconsider|imbunatat)\w*"
            r"( \w+)? (recenzi|evaluar|review|nota|stele|calificativ)\w*",
            r"\b(lasati|scrieti|oferiti|dati)(-ne| ne)? (\w+ )?(o )?(recenzi|evaluar)\w* "
            r"(pozitiv|buna|de 5|de cinci)",
        ),
        instead_of_review=(
            rf"\bin loc (sa|de a)\b{_GAP}\b(recenzi|evaluar|review)\w*",
            rf"\binainte (sa|de a)\b{_GAP}\b(recenzi|evaluar|review)\w*",
        ),
        order_number=(r"\b(comand|factur|colet)\w*( nr\.?| numarul| numar)?[ :#]*\d[\d-]{2,}",),
        address=(r"\b(strada|str\.|bulevardul|bd\.) \w+( nr\.?)? ?\d{1,4}\b",),
        safety=(
            r"\bsiguran\w*",
            r"\bsanatat\w*",
            r"\bnu(-l| il| o)? mai folositi\b",
            r"\branit\w*",
            r"\baccidentat\w*",
            r"\bvatamat\w*",
            r"\bpericul\w*",
            r"\brechem\w*",
        ),
        stopwords=frozenset(
            "si sa va nu de la cu pentru este ne multumim o un in ca dumneavoastra am "
            "pe foarte".split()
        ),
    ),
}

LANGUAGES = tuple(WORDING)
