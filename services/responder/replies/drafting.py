"""Choosing a template for a review and filling it (pure: the caller loads what it needs)."""

import re
from dataclasses import dataclass
from typing import Any

from services.responder.replies.language import normalise
from services.responder.replies.library import (
    BUILTIN,
    COMPLAINT,
    PHRASES,
    SAFETY,
    SAFETY_REASONS,
    problems_named,
)
from services.responder.shops.config import SUPPORTED_LANGUAGES, Contact, ShopSettings

_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
_BRACKETED_PRODUCT = re.compile(r"\s*\(\{product\}\)")
_NAME = re.compile("^[^\\W\\d_]+(?:['\u2019-][^\\W\\d_]+)*$")


@dataclass(frozen=True)
class Chosen:
    key: str  # "template:<id>" or a built-in key
    language: str
    sentiment: str
    topic: str
    body: str


def reply_language(review: dict[str, Any], requested: str | None = None) -> str:
    """The reviewer's language when we have templates for it, else English."""
    for candidate in (normalise(requested), normalise(review.get("language"))):
        if candidate in SUPPORTED_LANGUAGES:
            return candidate
    return "en"


def question_type(review: dict[str, Any]) -> str | None:
    question = (review.get("classification") or {}).get("question")
    if not question or review["sentiment"] == "negative":
        return None
    name = question.get("name")
    return name if isinstance(name, str) else None


# Which problem a reply resolves first when a review names several. Money still owed is the
# open need ("returned it, the refund never came"); a problem with the goods comes next, and
# says the parcel arrived, so a delay named beside it is over ("two weeks late, the handle was
# broken": tracking the parcel would answer nothing); a service complaint ("nobody answered my
# email") is answered by the apology and the invitation every negative reply carries. Any other
# topic ranks with the goods.
TOPIC_RANK: dict[str, int] = {"returns_refunds": 0, "delivery_delay": 2, "customer_service": 3}
_GOODS_RANK = 1
# The classifier's question type for a question no FAQ answer fits.
OTHER_QUESTION = "other"


def safety_risk(review: dict[str, Any]) -> bool:
    """The review tells of a danger to someone's safety or health ("it nearly burnt my hand")."""
    reasons = (review.get("classification") or {}).get("severity_reasons") or []
    return any(r in SAFETY_REASONS for r in reasons)


def topic_candidates(review: dict[str, Any], complaint: bool = False) -> list[str]:
    """Most specific first: a safety or health risk before anything else named (the customer
    must hear to stop using it before how the refund is paid), the FAQ type (unless a
    complaint comes with a question no FAQ answers), or the review's topics by TOPIC_RANK, then
    by confidence; then any."""
    first = [SAFETY] if safety_risk(review) else []
    qtype = question_type(review)
    if qtype and not first and not (complaint and qtype == OTHER_QUESTION):
        return [f"faq:{qtype}", "faq", ""]
    scored = (review.get("classification") or {}).get("topics") or []
    named = [t for t in scored if isinstance(t.get("name"), str)]
    ordered = sorted(
        named,
        key=lambda t: (TOPIC_RANK.get(t["name"], _GOODS_RANK), -float(t.get("confidence", 0))),
    )
    return first + [t["name"] for t in ordered] + [""]


def complaint_in_praise(review: dict[str, Any]) -> bool:
    """A positive review that tells of something gone wrong: it regrets something
    ("Unfortunately the seam split") or names a problem topic ("arrived two weeks late, but
    lovely"). A person answers it (policy.person_reason); their draft should not be the happy
    thank-you."""
    classification = review.get("classification") or {}
    if review.get("sentiment") != "positive":
        return False
    if safety_risk(review):
        return True
    # A question the shop's FAQ answers is answered; one it cannot ("Können Sie mir die
    # Rechnung schicken?" beside "a week late") leaves the complaint to be answered.
    if question_type(review) not in (None, OTHER_QUESTION):
        return False
    return bool(classification.get("regret")) or bool(problems_named(classification))


def _candidates(review: dict[str, Any], complaint: bool) -> list[str]:
    ranked = topic_candidates(review, complaint)
    if not complaint:
        return ranked
    # The problem's remedy where one is named, else the general reply to a complaint.
    return [t for t in ranked if t] + [COMPLAINT, ""]


def choose(review: dict[str, Any], shop_templates: list[dict[str, Any]], language: str) -> Chosen:
    """The shop's own template before the built-in one, a specific topic before a generic
    one, the reviewer's language before English. Praise that names a complaint gets the
    built-in reply that thanks, apologises and offers the remedy; other praise the thank-you
    (the built-in positive replies by topic are for complaints only: "great quality" has the
    topic product_quality too)."""
    sentiment = review["sentiment"]
    complaint = complaint_in_praise(review)
    custom = {(t["language"], t["sentiment"], t["topic"]): t for t in shop_templates}
    languages = [language] if language == "en" else [language, "en"]
    for lang in languages:
        for topic in _candidates(review, complaint):
            own = custom.get((lang, sentiment, topic))
            if own is not None:
                return Chosen(f"template:{own['id']}", lang, sentiment, topic, own["body"])
            if sentiment == "positive" and topic not in ("", "faq") and not complaint:
                continue
            builtin = BUILTIN.get((lang, sentiment, topic))
            if builtin is not None:
                return Chosen(builtin.key, lang, sentiment, topic, builtin.body)
    fallback = BUILTIN[("en", sentiment, "")]
    return Chosen(fallback.key, "en", sentiment, "", fallback.body)


def first_name(reviewer_name: str | None) -> str | None:
    """The first word when it looks like a name ("Anna", "Jean-Luc"); not initials, handles
    or e-mail addresses."""
    if not reviewer_name:
        return None
    first = reviewer_name.strip().split()[0].strip(",") if reviewer_name.strip() else ""
    if len(first) < 2 or not _NAME.match(first) or "@" in first:
        return None
    return first if not first.islower() else first.capitalize()


def arrived(review: dict[str, Any]) -> bool:
    """The review's order says it was delivered: a delay told of is over."""
    return bool((review.get("order_context") or {}).get("delivered_at"))


def product_name(review: dict[str, Any]) -> str | None:
    items = (review.get("order_context") or {}).get("items") or []
    for item in items:
        if item.get("product_id") == review.get("product_id") and item.get("name"):
            return str(item["name"])[:80]
    if len(items) == 1 and items[0].get("name"):
        return str(items[0]["name"])[:80]
    return None


def values_for(
    review: dict[str, Any],
    settings: ShopSettings,
    contact_of_shop: Contact,
    shop_name: str,
    language: str,
    topic: str,
) -> dict[str, str]:
    p = PHRASES[language]
    name = first_name(review.get("reviewer_name"))
    contact = contact_of_shop.preferred()
    base_topic = topic if topic in p.remedy else ""
    qtype = question_type(review)
    # A shop's general remedy ("we will replace it") is no answer to a danger: only its own
    # safety remedy stands in for the built-in "do not use it again".
    general = (
        None if base_topic == SAFETY else settings.lookup(settings.remedies, "default", language)
    )
    builtin = p.remedy[base_topic]
    if base_topic == "delivery_delay" and arrived(review):
        builtin = p.late_arrived
    remedy = (
        settings.lookup(settings.remedies, base_topic or "default", language) or general or builtin
    )
    faq = settings.lookup(settings.faq_answers, qtype, language) if qtype else None
    return {
        "greeting": p.greet_name.format(name=name) if name else p.greet,
        "first_name": name or "",
        "product": product_name(review) or p.your_order,
        "shop_name": shop_name,
        "remedy": remedy,
        "contact": contact or "",
        "invitation": (p.invitation_contact.format(contact=contact) if contact else p.invitation),
        "signature": settings.signature or p.signature.format(shop=shop_name),
        # Left visible (and blocked by the linter) so a person writes the real answer.
        "faq_answer": faq or f"[[answer about {qtype or 'the question'}]]",
    }


def render(body: str, values: dict[str, str], product_known: bool = True) -> str:
    if not product_known:
        body = _BRACKETED_PRODUCT.sub("", body)
    text = _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), body)
    # An empty first name must not leave "Hi ," behind.
    text = re.sub(r"[ \t]+([,.!?])", r"\1", text)
    return re.sub(r"[ \t]{2,}", " ", text).strip()


def unknown_placeholders(body: str, allowed: frozenset[str]) -> list[str]:
    return sorted({m.group(1) for m in _PLACEHOLDER.finditer(body)} - allowed)
