"""Policy signals: profanity, personal data, spam, off-target, unverified.

Profanity, personal data, spam and off-target make a review a removal *candidate* for a
moderator; being unverified is reported but is not a reason, and negativity never is."""

import re

from services.ingest.classification.scan import Scan
from services.ingest.classification.schemas import Abuse, AbuseSignal
from services.ingest.classification.text import PreparedText

REMOVAL_THRESHOLD = 0.5
MAX_PATTERN_CHARS = 5_000
_REMOVABLE: frozenset[AbuseSignal] = frozenset({"profanity", "personal_data", "spam", "off_target"})
_COMPETITOR_WINDOW = 5

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-zA-Z]{2,}")
# International (+386 41 123 456, 0049 151 2345678) or national with a trunk zero
# (041 123 456, 0151/2345678); dotted dates and order numbers without separators do not match.
_PHONE = re.compile(
    r"(?<![\w+])(?:(?:\+|00)\d{1,3}[ \-/]?(?:\(0\)[ ]?)?\d{1,4}|0\d{1,4})"
    r"(?:[ \-/]?\d{2,4}){2,4}(?![\w])"
)
_DIGIT_RUN = re.compile(r"\d{2}")
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?\b")
_URL = re.compile(
    r"(?:https?://|www\.)\S+|\b[a-z0-9-]{2,}\.(?:com|net|org|info|biz|shop|store|xyz|top|site"
    r"|online|click|link|ru|cn|io|ly)\b(?:/\S*)?",
    re.IGNORECASE,
)
_PROMO_CODE = re.compile(
    r"\b(?:code|kod|koda|kodo|kodu|cod|codul|gutschein(?:code)?|rabattcode)\b\W{0,3}[A-Z0-9]{4,}\b"
)


def _iban_valid(candidate: str) -> bool:
    s = candidate.replace(" ", "")
    if not 15 <= len(s) <= 34:
        return False
    rearranged = s[4:] + s[:4]
    digits = "".join(str(int(ch, 36)) for ch in rearranged)
    return int(digits) % 97 == 1


def _phones(text: str) -> list[str]:
    found = []
    for m in _PHONE.finditer(text):
        digits = sum(ch.isdigit() for ch in m.group())
        if 8 <= digits <= 15:
            found.append(m.group())
    return found


def _personal_data(original: str) -> tuple[float, list[str]]:
    kinds: list[tuple[float, str]] = []
    if "@" in original and _EMAIL.search(original):
        kinds.append((0.9, "e-mail address"))
    # Most reviews have no run of digits at all: skip the costlier patterns then.
    if _DIGIT_RUN.search(original):
        if any(_iban_valid(m.group()) for m in _IBAN.finditer(original)):
            kinds.append((0.95, "IBAN"))
        if _phones(original):
            kinds.append((0.7, "phone number"))
    if not kinds:
        return 0.0, []
    return max(c for c, _ in kinds), [k for _, k in kinds]


def _spam(original: str, scan: Scan) -> tuple[float, list[str]]:
    why: list[str] = []
    score = 0.0
    # An e-mail address is personal data, not a link.
    urls = _URL.findall(_EMAIL.sub(" ", original) if "@" in original else original)
    if urls:
        why.append(f"link {urls[0][:40]}")
        score = 0.6
    phrases = [m.describe() for m in scan.of("spam")]
    if _DIGIT_RUN.search(original) and _PROMO_CODE.search(original):
        phrases.append("promo code")
    if phrases:
        why.extend(phrases[:3])
        score = 0.9 if score else 0.75
    return score, why


def _off_target(scan: Scan) -> tuple[float, list[str]]:
    wrong = scan.of("wrong_target")
    if wrong:
        return 0.8, [m.describe() for m in wrong[:2]]
    competitors = scan.of("competitor")
    if not competitors:
        return 0.0, []
    verbs = scan.of("purchase_verb")
    for c in competitors:
        for v in verbs:
            if abs(c.start - v.start) <= _COMPETITOR_WINDOW and not v.negated:
                return 0.6, [f"bought elsewhere: {v.describe()} near '{c.text}'"]
    # A comparison with another shop is a legitimate review.
    return 0.3, [f"mentions '{competitors[0].text}'"]


def detect(
    prepared: PreparedText, scan: Scan, verified_purchase: bool
) -> tuple[list[Abuse], bool, list[str]]:
    # Links, addresses and numbers are looked for in the first MAX_PATTERN_CHARS: the patterns
    # cost far more per character than the term scan, and spam leads with its link.
    head = prepared.original[:MAX_PATTERN_CHARS]
    signals: list[Abuse] = []
    explanations: list[str] = []

    strong = scan.of("profanity_strong")
    mild = scan.of("profanity_mild")
    if strong:
        signals.append(Abuse(signal="profanity", confidence=0.85))
        explanations.append(f"profanity (insult): {', '.join(m.describe() for m in strong[:3])}")
    elif mild:
        signals.append(Abuse(signal="profanity", confidence=0.4))
        explanations.append(f"profanity (swearing, not removable alone): {mild[0].describe()}")

    for signal, (score, why) in (
        ("personal_data", _personal_data(head)),
        ("spam", _spam(head, scan)),
        ("off_target", _off_target(scan)),
    ):
        if score:
            signals.append(Abuse(signal=signal, confidence=score))
            explanations.append(f"{signal}: {', '.join(why)}")

    if not verified_purchase:
        signals.append(Abuse(signal="unverified", confidence=1.0))
        explanations.append("unverified: not a verified purchase (not a removal reason)")

    removal = any(s.signal in _REMOVABLE and s.confidence >= REMOVAL_THRESHOLD for s in signals)
    return signals, removal, explanations
