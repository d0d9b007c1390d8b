"""The automation policy, enforced in code whatever a shop's settings say.

Only positive reviews and FAQ-type questions may be answered without a person, and only when
the classifier is sure. Negatives, anything not of low severity (safety, health, legal, fraud),
abusive or removal-candidate reviews, star/text mismatches, low ratings, unsure classifications
(among them a positive review the fast pass read as negative), positive reviews that name a
problem or regret something, a buyer's questions about their own order and replies with any
linter finding always wait for a person.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from services.responder.replies.drafting import question_type, reply_language
from services.responder.replies.library import problems_named
from services.responder.replies.linter import Finding
from services.responder.shops.config import Automation, ShopSettings

# Settings may ask for more confidence, never for less.
CONFIDENCE_FLOOR = 0.8
LANGUAGE_CONFIDENCE_FLOOR = 0.5
# PROBLEM_TOPICS (library.py): a positive review naming one waits for a person: the built-in
# thank-you would ignore the problem, and the text may be a sarcastic or polite complaint the
# classifier read as praise (docs/classification.md, "Problems named under high stars").


@dataclass(frozen=True)
class Decision:
    allowed: bool
    reason: str
    # The review already has a reply or a draft: automation leaves it to whoever wrote it.
    answered: bool = False


def _refuse(reason: str) -> Decision:
    return Decision(False, reason)


def _abuse_signals(classification: dict[str, Any]) -> list[str]:
    # "unverified" is reported with the abuse signals but says only that no order was matched
    # (most Google reviews): no reason to keep a thank-you from a happy reviewer.
    signals = classification.get("abuse") or []
    names = [str(a.get("name")) for a in signals if isinstance(a, dict)]
    return [name for name in names if name != "unverified"]


def in_hand(review: dict[str, Any], drafts: Sequence[Mapping[str, Any]]) -> Decision | None:
    """Refusal when the review is answered or being answered (the worker decides again when an
    automatic reply falls due, and the review detail says the same, not "allowed")."""
    if review.get("first_replied_at") is not None:
        return Decision(False, "the review has been answered", answered=True)
    if any(not d.get("auto") for d in drafts):
        return Decision(False, "a person is already answering this review", answered=True)
    # An automatic draft the linter refused stays a draft (the worker approves a clean one in
    # the same transaction): nothing answers the review until a person finishes it.
    if any(d.get("status") == "draft" for d in drafts):
        return Decision(False, "the automatic draft has linter findings: a person finishes it")
    # An automatic reply that failed (the platform refused it, or the review changed before it
    # went out) answers nothing; its publication is `automation`.
    if any(d.get("status") != "failed" for d in drafts):
        return Decision(False, "an automatic reply has been drafted", answered=True)
    return None


def _own_order_question(qtype: str | None, order_id: str | None, named: list[str]) -> bool:
    """A buyer (the review matched an order) asking when it comes, or naming a problem, asks
    about their own order, which the shop's FAQ answer ("Orders leave within 24 hours") does
    not answer; a shopper's question before buying it does."""
    return order_id is not None and (qtype == "shipping_time" or bool(named))


def person_reason(
    classification: Mapping[str, Any], rating: int | None, order_id: str | None
) -> str | None:
    """Why a review that is neither negative nor severe should wait for a person's reply like
    a negative one (stored with each classification; the inbox's urgency): what the classifier
    saw of a complaint told politely or sarcastically under high stars, or a buyer's question
    about their own order. None for a negative or severe review (waiting already) and for
    everything else. Never a setting's refusal ("automatic replies are off"): those say
    nothing about the review."""
    c = classification
    if c.get("sentiment") == "negative" or c.get("severity") == "high":
        return None
    if c.get("first_pass_sentiment") == "negative":
        return "the fast pass read it as negative"
    if c.get("regret"):
        return "it regrets that something went wrong"
    named = problems_named(c)
    question = c.get("question")
    if question:
        # Not a problem named: a shopper's question before buying is the FAQ's ("How long
        # does delivery take?" has a delivery topic in some lists).
        if _own_order_question(question.get("name"), order_id, named):
            return "a buyer asks about their own order"
        return None
    if named and c.get("sentiment") == "positive" and (rating is None or rating >= 4):
        return f"it names a problem ({', '.join(named)})"
    return None


def _has_answer(faq_answers: Mapping[str, str], qtype: str, language: str) -> bool:
    # As drafting.values_for looks it up (ShopSettings.lookup).
    return bool(faq_answers.get(f"{qtype}:{language}") or faq_answers.get(qtype))


def decide(
    review: dict[str, Any],
    automation: Automation,
    findings: list[Finding] | None = None,
    faq_answers: Mapping[str, str] | None = None,
) -> Decision:
    """`faq_answers`: the shop's answers to frequent questions (`ShopSettings.faq_answers`);
    given, a question of a type the shop has no answer to waits for a person instead of a
    draft with a blank for the answer."""
    c: dict[str, Any] = review.get("classification") or {}
    # Hard rules first: no setting reaches past these.
    if review.get("sentiment") == "negative" or c.get("sentiment") == "negative":
        return _refuse("negative reviews always wait for a person")
    if review.get("severity") != "low" or c.get("severity_reasons"):
        return _refuse("reviews mentioning safety, health, legal or fraud wait for a person")
    if review.get("removal_candidate") or _abuse_signals(c):
        return _refuse("abusive or off-target reviews wait for a person")
    if c.get("final") is False:
        return _refuse("the final classification (second pass) has not arrived yet")
    if c.get("star_text_mismatch"):
        return _refuse("the stars and the text disagree")
    rating = review.get("rating")
    if rating is not None and rating < 4:
        return _refuse(f"a {rating}-star review waits for a person")
    if review.get("deleted_at") is not None:
        return _refuse("the review was deleted")
    if float(c.get("language_confidence", 0)) < LANGUAGE_CONFIDENCE_FLOOR:
        return _refuse("the review's language is uncertain")
    # Two readings of one text that disagree on a complaint: the sentiment is uncertain (a
    # sarcastic or polite complaint the second pass read as praise, more often than not).
    if c.get("first_pass_sentiment") == "negative":
        return _refuse("the fast pass read the review as negative: a person answers it")
    # "Unfortunately ..." names what went wrong, however kindly the rest is put: the built-in
    # thank-you, or a FAQ answer, would ignore it.
    if c.get("regret"):
        return _refuse("the review regrets that something went wrong: a person answers it")
    if not automation.enabled:
        return _refuse("automatic replies are off for this shop")
    floor = max(automation.min_confidence, CONFIDENCE_FLOOR)
    qtype = question_type(review)
    if qtype is not None:
        if not automation.questions:
            return _refuse("automatic answers to questions are off for this shop")
        if qtype == "other":
            return _refuse("not a known FAQ question")
        if _own_order_question(qtype, review.get("order_id"), problems_named(c)):
            return _refuse("a buyer asks about their own order: a person answers it")
        if faq_answers is not None and not _has_answer(faq_answers, qtype, reply_language(review)):
            return _refuse(f"the shop has no answer to {qtype} questions: a person answers it")
        confidence = float((c.get("question") or {}).get("confidence", 0))
        if confidence < floor:
            return _refuse(f"question confidence {confidence:.2f} is below {floor:.2f}")
    elif review.get("sentiment") == "positive":
        if "positive" not in automation.sentiments:
            return _refuse("automatic replies to positive reviews are off for this shop")
        named = problems_named(c)
        if named:
            return _refuse(f"the review names a problem ({', '.join(named)}): a person answers it")
        confidence = float(c.get("sentiment_confidence", 0))
        if confidence < floor:
            return _refuse(f"sentiment confidence {confidence:.2f} is below {floor:.2f}")
    else:
        return _refuse("only positive reviews and FAQ questions are answered automatically")
    if findings:
        codes = ", ".join(sorted({f.code for f in findings}))
        return _refuse(f"the reply has linter findings ({codes})")
    return Decision(True, "positive or FAQ, confident, clean reply")


def decide_for(
    review: dict[str, Any], settings: ShopSettings, findings: list[Finding] | None = None
) -> Decision:
    """`decide` with the shop's settings: its automation switches and its FAQ answers."""
    return decide(review, settings.automation, findings, settings.faq_answers)
