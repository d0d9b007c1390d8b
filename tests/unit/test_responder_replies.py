"""The built-in reply library, template choice and filling, and the automation policy."""

import re
from typing import Any

import pytest

from services.responder.replies import drafting, policy
from services.responder.replies.library import BUILTIN, NEGATIVE_TOPICS, PHRASES, SAFETY
from services.responder.replies.linter import LintContext, lint
from services.responder.shops.config import Automation, Contact, ShopSettings


def review(**overrides: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "review_id": "t:1",
        "reviewer_name": "anna novak",
        "sentiment": "negative",
        "severity": "low",
        "rating": 1,
        "language": "en",
        "product_id": "pot",
        "order_id": "1001",
        "removal_candidate": False,
        "deleted_at": None,
        "order_context": {"items": [{"product_id": "pot", "name": "Teapot"}]},
        "classification": {
            "sentiment": "negative",
            "sentiment_confidence": 0.95,
            "language_confidence": 0.9,
            "severity_reasons": [],
            "star_text_mismatch": False,
            "topics": [],
            "abuse": [],
            "question": None,
        },
    }
    classification = {**base["classification"], **overrides.pop("classification", {})}
    return {**base, **overrides, "classification": classification}


@pytest.mark.parametrize("key", sorted(BUILTIN), ids=lambda k: ":".join(k) or "any")
@pytest.mark.parametrize("contact", [None, "help@teashop.example"])
@pytest.mark.parametrize("product", ["Teapot", None])
def test_every_builtin_template_renders_clean_short_and_in_its_language(
    key: tuple[str, str, str], contact: str | None, product: str | None
) -> None:
    language, sentiment, topic = key
    settings = ShopSettings(faq_answers={"shipping_time": "We ship within 24 hours."})
    shop_contact = Contact(email=contact)
    r = review(
        sentiment=sentiment,
        language=language,
        order_context={"items": [{"product_id": "pot", "name": product}]} if product else None,
        classification={
            "sentiment": sentiment,
            "topics": (
                [{"name": topic, "confidence": 0.9}] if topic not in ("", "faq", SAFETY) else []
            ),
            "severity_reasons": ["safety"] if topic == SAFETY else [],
            "question": {"name": "shipping_time", "confidence": 0.9} if topic == "faq" else None,
        },
    )
    values = drafting.values_for(r, settings, shop_contact, "Tea Shop", language, topic)
    text = drafting.render(BUILTIN[key].body, values, product is not None)
    ctx = LintContext(
        sentiment=sentiment,
        review_language=language,
        reviewer_name="Anna Novak",
        order_id="1001",
        allowed_contacts=shop_contact.allowed(),
        max_chars=600,
        # The safety replies must satisfy the linter's safety check in their own language.
        safety_risk=topic == SAFETY,
    )
    assert lint(text, ctx) == [], text
    assert len(text) <= 600 and text.startswith(PHRASES[language].greet_name.format(name="Anna"))
    assert "{" not in text and "()" not in text and "  " not in text
    if product and "{product}" in BUILTIN[key].body:
        assert "Teapot" in text


@pytest.mark.parametrize("language", sorted(PHRASES))
def test_the_remedy_and_the_invitation_do_not_repeat_each_other(language: str) -> None:
    # "...looks after you personally. ...put this right for you personally." read as a form
    # letter (the service remedy in every language; Latvian's generic one too).
    phrases = PHRASES[language]
    for topic, remedy in [*phrases.remedy.items(), ("late_arrived", phrases.late_arrived)]:
        for invitation in (phrases.invitation, phrases.invitation_contact):
            shared = set(re.findall(r"\w{7,}", remedy.casefold())) & set(
                re.findall(r"\w{7,}", invitation.casefold())
            )
            assert not shared, (topic, remedy, invitation)


def test_negative_replies_follow_the_structure() -> None:
    r = review(classification={"topics": [{"name": "damaged_packaging", "confidence": 0.9}]})
    settings = ShopSettings(
        remedies={"damaged_packaging": "We will courier a new teapot to you tomorrow."},
    )
    # The page before the address, as the registry's profile names them.
    shop_contact = Contact(url="https://teashop.example/help", email="help@teashop.example")
    chosen = drafting.choose(r, [], "en")
    text = drafting.render(
        chosen.body, drafting.values_for(r, settings, shop_contact, "Tea Shop", "en", chosen.topic)
    )
    assert text == (
        "Hi Anna,\nThank you for letting us know that Teapot arrived damaged. We are truly "
        "sorry about this. We will courier a new teapot to you tomorrow. Please write to us at "
        "https://teashop.example/help so we can put this right for you personally.\n"
        "The Tea Shop team"
    )


def test_template_choice_prefers_the_shops_own_the_topic_and_the_language() -> None:
    r = review(
        language="de",
        classification={
            "topics": [
                {"name": "price_value", "confidence": 0.6},
                {"name": "delivery_delay", "confidence": 0.9},
            ]
        },
    )
    assert drafting.choose(r, [], "de").key == "builtin:de:negative:delivery_delay"
    own = {"id": 7, "language": "de", "sentiment": "negative", "topic": "", "body": "x"}
    assert drafting.choose(r, [own], "de").key == "builtin:de:negative:delivery_delay"
    own_topic = {**own, "id": 8, "topic": "delivery_delay"}
    assert drafting.choose(r, [own, own_topic], "de").key == "template:8"
    english_only = {**own, "id": 9, "language": "en", "topic": "delivery_delay"}
    assert drafting.choose(r, [english_only], "de").key == "builtin:de:negative:delivery_delay"
    assert drafting.reply_language(review(language="fr")) == "en"
    assert drafting.reply_language(review(language="sl-SI")) == "sl"
    assert drafting.reply_language(review(language="de"), "ro") == "ro"


@pytest.mark.parametrize("language", sorted(PHRASES))
def test_the_reply_resolves_the_open_problem_first(language: str) -> None:
    # "Two weeks late, the handle was broken, and nobody answered my email": the parcel is
    # there, so the reply resolves the handle, not the delay (it offered to track the parcel).
    r = review(
        language=language,
        classification={
            "topics": [
                {"name": "customer_service", "confidence": 0.9},
                {"name": "delivery_delay", "confidence": 0.9},
                {"name": "product_quality", "confidence": 0.6},
            ]
        },
    )
    assert drafting.topic_candidates(r) == [
        "product_quality",
        "delivery_delay",
        "customer_service",
        "",
    ]
    assert drafting.choose(r, [], language).topic == "product_quality"
    # Money still owed comes before the goods it was paid for.
    refund = review(
        language=language,
        classification={
            "topics": [
                {"name": "damaged_packaging", "confidence": 0.9},
                {"name": "returns_refunds", "confidence": 0.6},
            ]
        },
    )
    assert drafting.choose(refund, [], language).topic == "returns_refunds"
    # Alone, a delay or a service complaint is what the reply answers.
    for topic in ("delivery_delay", "customer_service"):
        alone = review(
            language=language, classification={"topics": [{"name": topic, "confidence": 0.75}]}
        )
        chosen = drafting.choose(alone, [], language)
        assert chosen.key == f"builtin:{language}:negative:{topic}"


@pytest.mark.parametrize("language", sorted(PHRASES))
def test_praise_that_names_a_complaint_gets_a_reply_to_it(language: str) -> None:
    # A walk drafted "Thank you for your kind words! We are delighted you are happy" for
    # "Die Tasse ist schön, aber leider kam sie mit einem Sprung an" (the mug came cracked).
    def praise(**classification: Any) -> dict[str, Any]:
        return review(
            sentiment="positive",
            rating=5,
            language=language,
            classification={"sentiment": "positive", **classification},
        )

    regret = drafting.choose(praise(regret=True), [], language)
    assert regret.key == f"builtin:{language}:positive:complaint"
    assert PHRASES[language].apology in regret.body and "{remedy}" in regret.body
    assert PHRASES[language].positive not in regret.body
    damaged = praise(topics=[{"name": "damaged_packaging", "confidence": 0.8}])
    assert drafting.choose(damaged, [], language).key == (
        f"builtin:{language}:positive:damaged_packaging"
    )
    # "Lovely, sadly too small": the size's remedy.
    small = praise(regret=True, topics=[{"name": "size_fit", "confidence": 0.8}])
    chosen = drafting.choose(small, [], language)
    assert chosen.key == f"builtin:{language}:positive:size_fit"
    values = drafting.values_for(small, ShopSettings(), Contact(), "Tea Shop", language, "size_fit")
    assert values["remedy"] == PHRASES[language].remedy["size_fit"]
    # Praise of an aspect ("great quality", "fits perfectly") is thanked, as before.
    aspect = praise(topics=[{"name": "product_quality", "confidence": 0.8}])
    assert drafting.choose(aspect, [], language).key == f"builtin:{language}:positive:any"
    # A shop's own reply to praise naming a delay comes first.
    own = {"id": 4, "language": language, "sentiment": "positive", "topic": "delivery_delay"}
    late = praise(topics=[{"name": "delivery_delay", "confidence": 0.8}])
    assert drafting.choose(late, [{**own, "body": "x"}], language).key == "template:4"


@pytest.mark.parametrize("language", sorted(PHRASES))
def test_a_danger_to_safety_or_health_is_answered_before_anything_else(language: str) -> None:
    # A walk drafted "still waiting for your money" for "the kettle nearly burnt my hand, I
    # want my money back": the refund's reply, nothing of the burn, and the linter was silent.
    def told(sentiment: str = "negative", reasons: tuple[str, ...] = ("safety",)) -> dict[str, Any]:
        return review(
            sentiment=sentiment,
            language=language,
            classification={
                "sentiment": sentiment,
                "severity_reasons": list(reasons),
                "topics": [
                    {"name": "returns_refunds", "confidence": 0.9},
                    {"name": "product_quality", "confidence": 0.6},
                ],
            },
        )

    burnt = told()
    assert drafting.topic_candidates(burnt)[0] == SAFETY
    chosen = drafting.choose(burnt, [], language)
    assert chosen.key == f"builtin:{language}:negative:safety"
    settings = ShopSettings(remedies={"default": "We will replace it.", "returns_refunds": "x"})
    values = drafting.values_for(burnt, settings, Contact(), "Tea Shop", language, chosen.topic)
    # The shop's general remedy says nothing of stopping: the built-in safety remedy stands.
    assert values["remedy"] == PHRASES[language].remedy[SAFETY]
    text = drafting.render(chosen.body, values)
    ctx = LintContext(sentiment="negative", review_language=language, safety_risk=True)
    assert lint(text, ctx) == [], text
    # The refund's reply, as drafted before, leaves the danger unanswered: the linter says so.
    refund = drafting.render(
        BUILTIN[(language, "negative", "returns_refunds")].body,
        drafting.values_for(
            burnt, ShopSettings(), Contact(), "Tea Shop", language, "returns_refunds"
        ),
    )
    assert [f.code for f in lint(refund, ctx)] == ["safety_not_addressed"], refund
    assert lint(refund, LintContext(sentiment="negative", review_language=language)) == []
    # The shop's own safety reply and remedy come first; its refund template does not.
    own = {"language": language, "sentiment": "negative", "body": "x"}
    templates = [{**own, "id": 1, "topic": "returns_refunds"}]
    assert drafting.choose(burnt, templates, language).key == f"builtin:{language}:negative:safety"
    templates.append({**own, "id": 2, "topic": SAFETY})
    assert drafting.choose(burnt, templates, language).key == "template:2"
    settings = ShopSettings(remedies={f"safety:{language}": "Our safety team calls you today."})
    values = drafting.values_for(burnt, settings, Contact(), "Tea Shop", language, SAFETY)
    assert values["remedy"] == "Our safety team calls you today."
    # An injury the same; a mild or happy review telling of a danger too.
    assert drafting.choose(told(reasons=("health_injury",)), [], language).topic == SAFETY
    assert drafting.choose(told("neutral"), [], language).key == (
        f"builtin:{language}:neutral:safety"
    )
    assert drafting.choose(told("positive"), [], language).key == (
        f"builtin:{language}:positive:safety"
    )
    # A legal threat or a chargeback is no danger to anyone: the open problem's reply.
    for reason in ("legal_threat", "chargeback_threat"):
        other = told(reasons=(reason,))
        assert not drafting.safety_risk(other)
        assert drafting.choose(other, [], language).topic == "returns_refunds"


@pytest.mark.parametrize("language", sorted(PHRASES))
def test_a_delay_of_a_delivered_order_is_not_offered_tracking(language: str) -> None:
    # A walk's draft for "the toaster came ten days late" (the order delivered) promised to
    # "track your parcel today and make sure it reaches you".
    items = [{"product_id": "pot", "name": "Teapot"}]
    late = {"topics": [{"name": "delivery_delay", "confidence": 0.8}]}
    on_the_way = review(language=language, classification=late)
    delivered = review(
        language=language,
        classification=late,
        order_context={"items": items, "delivered_at": "2026-11-24T14:00:00+00:00"},
    )
    settings, contact = ShopSettings(), Contact()

    def remedy(r: dict[str, Any], shop: ShopSettings = settings) -> str:
        return drafting.values_for(r, shop, contact, "Tea Shop", language, "delivery_delay")[
            "remedy"
        ]

    assert remedy(on_the_way) == PHRASES[language].remedy["delivery_delay"]
    assert remedy(delivered) == PHRASES[language].late_arrived
    # The shop's own delay remedy stands either way.
    own = ShopSettings(remedies={"delivery_delay": "We refund the shipping."})
    assert remedy(delivered, own) == "We refund the shipping."
    chosen = drafting.choose(delivered, [], language)
    text = drafting.render(
        chosen.body,
        drafting.values_for(delivered, settings, contact, "Tea Shop", language, chosen.topic),
    )
    assert lint(text, LintContext(sentiment="negative", review_language=language)) == [], text


@pytest.mark.parametrize("language", sorted(PHRASES))
def test_praise_with_a_complaint_and_a_question_no_faq_answers_gets_the_complaints_reply(
    language: str,
) -> None:
    # A walk's 5-star "a week late, the invoice is missing. Can you send me the invoice?" got
    # only "Thank you for your question. [[answer about other]]".
    def praise(question: str) -> dict[str, Any]:
        return review(
            sentiment="positive",
            rating=5,
            language=language,
            classification={
                "sentiment": "positive",
                "topics": [{"name": "delivery_delay", "confidence": 0.8}],
                "question": {"name": question, "confidence": 0.8},
            },
        )

    chosen = drafting.choose(praise("other"), [], language)
    assert chosen.key == f"builtin:{language}:positive:delivery_delay"
    # A question the FAQ answers is still answered from it.
    assert drafting.choose(praise("shipping_time"), [], language).key == (
        f"builtin:{language}:positive:faq"
    )


def test_faq_questions_use_the_shops_answer_or_leave_a_marker() -> None:
    r = review(
        sentiment="neutral",
        rating=None,
        classification={"sentiment": "neutral", "question": {"name": "stock", "confidence": 0.9}},
    )
    assert drafting.topic_candidates(r) == ["faq:stock", "faq", ""]
    settings = ShopSettings(faq_answers={"stock:en": "Yes, all colours are in stock."})
    values = drafting.values_for(r, settings, Contact(), "Tea Shop", "en", "faq")
    assert values["faq_answer"] == "Yes, all colours are in stock."
    assert drafting.values_for(r, ShopSettings(), Contact(), "T", "en", "faq")[
        "faq_answer"
    ].startswith("[[")
    # A negative review with a question gets a negative reply, never an FAQ answer.
    assert drafting.question_type(review(classification={"question": {"name": "stock"}})) is None


@pytest.mark.parametrize(
    ("name", "first"),
    [
        ("anna novak", "Anna"),
        ("Jean-Luc Picard", "Jean-Luc"),
        ("J. Smith", None),
        ("42", None),
        ("x@y.z", None),
        ("Žan", "Žan"),
        ("", None),
        (None, None),
    ],
)
def test_first_name(name: str | None, first: str | None) -> None:
    assert drafting.first_name(name) == first


ON = Automation(enabled=True, questions=True)
POSITIVE = {"sentiment": "positive", "rating": 5, "classification": {"sentiment": "positive"}}
# A shopper's question before buying: no order matched.
QUESTION = {
    "sentiment": "neutral",
    "rating": None,
    "order_id": None,
    "classification": {
        "sentiment": "neutral",
        "question": {"name": "shipping_time", "confidence": 0.85},
    },
}


@pytest.mark.parametrize(
    ("overrides", "automation", "reason"),
    [
        ({}, ON, "negative reviews always wait"),
        ({**POSITIVE, "severity": "high"}, ON, "safety"),
        (
            {
                **POSITIVE,
                "classification": {"sentiment": "positive", "severity_reasons": ["legal"]},
            },
            ON,
            "legal",
        ),
        ({**POSITIVE, "removal_candidate": True}, ON, "abusive"),
        (
            # Swearing about the situation: reported, no removal candidate, still for a person.
            {
                **POSITIVE,
                "classification": {
                    "sentiment": "positive",
                    "abuse": [
                        {"name": "profanity", "confidence": 0.4},
                        {"name": "unverified", "confidence": 1.0},
                    ],
                },
            },
            ON,
            "abusive",
        ),
        (
            {**POSITIVE, "classification": {"sentiment": "positive", "star_text_mismatch": True}},
            ON,
            "stars and the text",
        ),
        ({**POSITIVE, "rating": 3}, ON, "3-star"),
        (
            # Possibly a sarcastic or polite complaint read as praise; a thank-you would ignore
            # the late parcel either way.
            {
                **POSITIVE,
                "classification": {
                    "sentiment": "positive",
                    "topics": [
                        {"name": "praise", "confidence": 0.9},
                        {"name": "delivery_delay", "confidence": 0.6},
                    ],
                },
            },
            ON,
            "names a problem (delivery_delay)",
        ),
        (
            # The two passes disagree on a complaint: a sarcastic or polite one, as often as not.
            {
                **POSITIVE,
                "classification": {
                    **POSITIVE["classification"],
                    "first_pass_sentiment": "negative",
                },
            },
            ON,
            "the fast pass read the review as negative",
        ),
        (
            # "Die Farbe ist wunderschön. Leider ist die Naht aufgegangen.": a thank-you would
            # ignore the seam.
            {**POSITIVE, "classification": {**POSITIVE["classification"], "regret": True}},
            ON,
            "regrets that something went wrong",
        ),
        (
            {**QUESTION, "classification": {**QUESTION["classification"], "regret": True}},
            ON,
            "regrets that something went wrong",
        ),
        (
            # The fast model's word while ingest's second pass is still to come.
            {**POSITIVE, "classification": {**POSITIVE["classification"], "final": False}},
            ON,
            "second pass",
        ),
        (
            {**POSITIVE, "classification": {"sentiment": "positive", "language_confidence": 0.2}},
            ON,
            "language",
        ),
        (POSITIVE, Automation(), "off for this shop"),
        (POSITIVE, Automation(enabled=True, sentiments=[]), "positive reviews are off"),
        (
            {**POSITIVE, "classification": {"sentiment": "positive", "sentiment_confidence": 0.7}},
            Automation(enabled=True, min_confidence=0.0),
            "below 0.80",
        ),
        (
            {**POSITIVE, "classification": {"sentiment": "positive", "sentiment_confidence": 0.88}},
            Automation(enabled=True, min_confidence=0.9),
            "below 0.90",
        ),
        (QUESTION, Automation(enabled=True), "questions are off"),
        (
            {
                **QUESTION,
                "classification": {
                    "sentiment": "neutral",
                    "question": {"name": "other", "confidence": 0.9},
                },
            },
            ON,
            "not a known FAQ",
        ),
        (
            {"sentiment": "neutral", "rating": 4, "classification": {"sentiment": "neutral"}},
            ON,
            "only positive reviews and FAQ",
        ),
        (
            # "Kdaj bo prispel moj paket?" from the buyer: their own parcel, not the FAQ.
            {**QUESTION, "order_id": "1001"},
            ON,
            "a buyer asks about their own order",
        ),
        (
            {
                **QUESTION,
                "order_id": "1001",
                "classification": {
                    "sentiment": "neutral",
                    "question": {"name": "stock", "confidence": 0.9},
                    "topics": [{"name": "wrong_item", "confidence": 0.6}],
                },
            },
            ON,
            "a buyer asks about their own order",
        ),
    ],
)
def test_policy_refuses(overrides: dict[str, Any], automation: Automation, reason: str) -> None:
    decision = policy.decide(review(**overrides), automation)
    assert not decision.allowed and reason in decision.reason, decision


def test_a_negative_is_refused_whatever_the_settings_say() -> None:
    everything = Automation.model_construct(
        enabled=True,
        sentiments=["negative", "neutral", "positive"],
        questions=True,
        delay_minutes=0,
        min_confidence=0.0,
    )
    for overrides in (
        {},
        {"rating": None},
        {"classification": {"question": {"name": "shipping_time", "confidence": 1.0}}},
    ):
        decision = policy.decide(review(**overrides), everything)
        assert decision == policy.Decision(False, "negative reviews always wait for a person")
    # Even a review the classifier calls positive but staff stored as negative waits.
    mixed = review(sentiment="negative", classification={"sentiment": "positive"})
    assert not policy.decide(mixed, everything).allowed


def test_a_review_with_a_reply_or_a_draft_is_in_hand() -> None:
    assert policy.in_hand(review(**POSITIVE), []) is None
    answered = policy.in_hand(review(**POSITIVE, first_replied_at="2026-12-01"), [])
    assert answered == policy.Decision(False, "the review has been answered", answered=True)
    by_a_person = policy.in_hand(review(**POSITIVE), [{"auto": False}, {"auto": True}])
    assert by_a_person == policy.Decision(
        False, "a person is already answering this review", answered=True
    )
    automatic = policy.in_hand(review(**POSITIVE), [{"auto": True, "status": "publishing"}])
    assert automatic == policy.Decision(False, "an automatic reply has been drafted", answered=True)
    assert policy.in_hand(review(**POSITIVE), [{"auto": True, "status": "failed"}]) is None
    # The linter refused the automatic draft: nothing went out, a person finishes it.
    refused = policy.in_hand(review(**QUESTION), [{"auto": True, "status": "draft"}])
    assert refused == policy.Decision(
        False, "the automatic draft has linter findings: a person finishes it"
    )


def test_a_question_the_shop_has_no_answer_to_waits_for_a_person() -> None:
    """Not a draft with a blank for the answer that the linter then refuses."""
    none = policy.decide(review(**QUESTION), ON, faq_answers={})
    assert none == policy.Decision(
        False, "the shop has no answer to shipping_time questions: a person answers it"
    )
    other = {"opening_hours": "Mon-Fri 9-17"}
    assert not policy.decide(review(**QUESTION), ON, faq_answers=other).allowed
    for answers in ({"shipping_time": "Within 24 hours."}, {"shipping_time:en": "24 hours."}):
        assert policy.decide(review(**QUESTION), ON, faq_answers=answers).allowed
    # In the reviewer's language, or a bare one for every language.
    german = review(**{**QUESTION, "language": "de"})
    assert not policy.decide(german, ON, faq_answers={"shipping_time:en": "24 h"}).allowed
    assert policy.decide(german, ON, faq_answers={"shipping_time:de": "24 Std."}).allowed


def test_policy_allows_confident_positives_and_faqs_with_a_clean_reply() -> None:
    assert policy.decide(review(**POSITIVE), ON).allowed
    assert policy.decide(review(**QUESTION), ON).allowed
    # Both passes read it positive (or the fast pass merely neutral): no doubt to settle.
    for first in ("positive", "neutral"):
        agreed = {**POSITIVE["classification"], "first_pass_sentiment": first}
        assert policy.decide(review(**{**POSITIVE, "classification": agreed}), ON).allowed
    # Aspects praise names too keep nothing back; nor does a delivery word in an FAQ question
    # ("Wie lange dauert der Versand?" gets delivery_delay from the German lists).
    aspects = [{"name": n, "confidence": 0.6} for n in ("praise", "price_value", "size_fit")]
    praised = {**POSITIVE, "classification": {"sentiment": "positive", "topics": aspects}}
    assert policy.decide(review(**praised), ON).allowed
    delay = [{"name": "delivery_delay", "confidence": 0.6}]
    asked = {**QUESTION, "classification": {**QUESTION["classification"], "topics": delay}}
    assert policy.decide(review(**asked), ON).allowed
    # No order matched (most Google reviews): not abuse, whatever list it is reported in.
    unmatched = [{"name": "unverified", "confidence": 1.0}]
    google = {**POSITIVE, "classification": {"sentiment": "positive", "abuse": unmatched}}
    assert policy.decide(review(**google), ON).allowed
    from services.responder.replies.linter import Finding

    warn = Finding(code="too_long", severity="warn", message="long")
    assert not policy.decide(review(**POSITIVE), ON, [warn]).allowed


def test_negative_topics_have_phrases_in_every_language() -> None:
    for phrases in PHRASES.values():
        assert set(phrases.acknowledge) == set(phrases.remedy) == {*NEGATIVE_TOPICS, SAFETY, ""}


def test_what_the_classifier_saw_of_a_complaint_makes_a_review_wait_for_a_person() -> None:
    """Stored with each classification: such a review waits for a reply like a negative one
    (the inbox's urgency), not only kept from automatic replies."""
    positive = {"sentiment": "positive", "severity": "low", "topics": []}
    reason = policy.person_reason
    assert reason(positive, 5, None) is None
    assert reason({**positive, "first_pass_sentiment": "negative"}, 5, None) == (
        "the fast pass read it as negative"
    )
    assert reason({**positive, "first_pass_sentiment": "positive"}, 5, None) is None
    assert reason({**positive, "regret": True}, 4, "1") == "it regrets that something went wrong"
    late = {**positive, "topics": [{"name": "delivery_delay", "confidence": 0.6}]}
    assert reason(late, 5, "1") == "it names a problem (delivery_delay)"
    # Praise naming price or quality is praise; a neutral 3-star mention is not a complaint.
    priced = {**positive, "topics": [{"name": "price_value", "confidence": 0.6}]}
    assert reason(priced, 5, "1") is None
    assert reason({**late, "sentiment": "neutral"}, 3, "1") is None
    # Questions: a buyer's about their parcel, not a shopper's before buying.
    asked = {"sentiment": "neutral", "severity": "low", "question": {"name": "shipping_time"}}
    assert reason(asked, None, "1001") == "a buyer asks about their own order"
    assert reason(asked, None, None) is None
    assert reason({**asked, "topics": late["topics"]}, None, None) is None
    # Negative or severe: waiting already, no reason needed.
    assert reason({**positive, "sentiment": "negative", "regret": True}, 1, "1") is None
    assert reason({**positive, "severity": "high", "regret": True}, 5, "1") is None
