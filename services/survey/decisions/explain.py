"""Why an order did or did not get a survey, from the facts the scheduler and the dispatcher
decide on. Pure.

The due time and its steps come from `timing.due_time`, the computation that scheduled it; an
exclusion is the email's stored skip reason, or, while the invitation waits, what
`eligibility.skip_reason` decides from the facts known now (checked again when due).
"""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Literal

from services.survey.decisions.repository import Earlier, EmailFact
from services.survey.decisions.schemas import (
    EmailStateOut,
    ExclusionOut,
    ExplanationOut,
    Fact,
    StepOut,
)
from services.survey.orders.view import OrderView
from services.survey.scheduling.consent import customer_country
from services.survey.scheduling.eligibility import SkipReason, skip_reason
from services.survey.scheduling.timing import Due, age_limit, base_time, due_time, too_old
from services.survey.shops.repository import ShopRow
from services.survey.surveys.repository import SurveyRow

# Earlier than any time an order can carry (shared/time_bounds.py): "now" that never moves a
# due time, to reproduce one computed when its moment was still ahead.
_BEFORE_ANY_ORDER = datetime(2000, 1, 1, tzinfo=UTC)

# What each skip reason means, in one sentence (services/survey/scheduling/eligibility.py,
# follow_ups/rules.py); the facts behind it travel alongside.
REASONS: dict[str, str] = {
    "redacted": "The customer was erased on request (GDPR): nothing is sent.",
    "cancelled": "The order was cancelled before it shipped: cancelled orders get no survey.",
    "refunded": "The order was refunded (as a whole, or every item) and the shop leaves refunded "
    "orders out (refunded_orders = none).",
    "returned": "The order was returned and the shop leaves returned orders out "
    "(refunded_orders = none).",
    "b2b": "A business (B2B) order, and the shop does not survey business orders "
    "(survey_b2b = false).",
    "no_email": "The order carries no usable customer email address (none, or not a valid one).",
    "unsubscribed": "The customer's address unsubscribed from the shop's survey emails.",
    "bounced": "Mail to the customer's address bounced: the address is suppressed.",
    "marketing_opt_out": "The customer opted out of marketing on the platform, which is "
    "honoured in every country.",
    "no_consent": "In the customer's country a review request needs consent (or the shop's "
    "declared existing-customer notice), and the order carries no consent.",
    "cooldown": "The customer was sent another invitation within the shop's cooldown.",
    "too_old": "The goods arrived too long ago to ask about them.",
    "answered": "The survey was answered already.",
    "send_failed": "The mail server refused the email for good.",
    "disabled": "The shop turned follow-ups off.",
    "no_order": "The support case names no order.",
    "unknown_order": "The order behind the support case has no survey.",
}


_KINDS: dict[str, Literal["invitation", "reminder", "follow_up"]] = {
    "invitation": "invitation",
    "reminder": "reminder",
    "follow_up": "follow_up",
}


@dataclass(frozen=True)
class Facts:
    order_id: str
    order: OrderView | None
    shop: ShopRow
    survey: SurveyRow | None
    emails: dict[str, EmailFact]
    follow_ups: list[EmailFact]
    suppression: Literal["unsubscribed", "bounced"] | None
    # The latest invitation of another survey to the address by `decided_at` (cooldown).
    earlier: Earlier | None
    now: datetime


def decided_at(invitation: EmailFact | None, now: datetime) -> datetime:
    """When the invitation's fate is (or will be) decided: when a worker skipped it, else when
    it is due, else now."""
    if invitation is None:
        return now
    if invitation.status == "skipped" and invitation.claimed_at is not None:
        return invitation.claimed_at
    if invitation.status in ("pending", "sending"):
        return max(invitation.send_at, now)
    return now


def _steps(due: Due) -> list[StepOut]:
    return [StepOut(step=s.step, at=s.at, text=s.text, facts=s.facts) for s in due.steps]


def _reproduce(f: Facts, order: OrderView, stored: datetime) -> tuple[Due | None, bool]:
    """The computation that gave the stored due time: as if computed before it was due (the
    usual case), else as if computed when it was already due (the order came late). False
    when neither gives it (the rules changed and the time was not moved, e.g. by hand)."""
    override = f.survey.send_at_override if f.survey else None
    outside = f.survey.send_at_outside_window if f.survey else False
    due = None
    for now in (_BEFORE_ANY_ORDER, stored):
        due = due_time(
            order, f.shop.country, f.shop.timezone, f.shop.settings, now, override, outside
        )
        if due is None or due.at == stored:
            return due, due is not None
    return due, False


def _days(delta: timedelta) -> int:
    return delta.days


def _exclusion(f: Facts, reason: str, recorded: bool, at: datetime) -> ExclusionOut:
    cfg = f.shop.settings
    text = REASONS.get(reason, f"Skipped ({reason}).")
    facts: dict[str, Fact] = {}
    order = f.order
    if reason == "cooldown":
        facts["cooldown_days"] = cfg.cooldown_days
        if f.earlier is not None:
            facts |= {
                "earlier_at": f.earlier.at.isoformat(),
                "earlier_shop_id": f.earlier.shop_id,
                "earlier_order_id": f.earlier.order_id,
            }
            text = (
                f"The customer was sent an invitation on {f.earlier.at:%Y-%m-%d} (order "
                f"{f.earlier.order_id}), within the shop's cooldown of {cfg.cooldown_days} "
                "day(s)."
            )
        else:
            text = (
                f"The customer was sent another invitation within the shop's cooldown of "
                f"{cfg.cooldown_days} day(s)."
            )
    elif reason == "too_old" and order is not None:
        base = base_time(order, f.shop.country, cfg)
        limit = age_limit(order, cfg)
        facts |= {"limit_days": _days(limit), "max_order_age_days": cfg.max_order_age_days}
        if base is not None:
            age = _days(at - base)
            facts |= {"goods_at": base.isoformat(), "age_days": age}
            text = (
                f"The goods arrived on {base:%Y-%m-%d}, {age} day(s) before {at:%Y-%m-%d}: "
                f"older than the limit of {_days(limit)} day(s) (max_order_age_days "
                f"{cfg.max_order_age_days}, or the usage delay plus a week when longer)."
            )
    elif reason in ("no_consent", "marketing_opt_out") and order is not None:
        country = customer_country(order.country, order.shipping_country, f.shop.country)
        facts |= {
            "country": country,
            "rule": cfg.consent.rule_for(country),
            "marketing_consent": order.marketing_consent,
            "existing_customer_notice": cfg.consent.existing_customer_notice,
        }
        if reason == "no_consent":
            text = (
                f"In {country or 'the customer country'} the shop's consent policy is "
                f"{cfg.consent.rule_for(country)!r}: a review request needs the customer's "
                "consent (or the shop's declared existing-customer notice), and the order "
                f"carries {order.marketing_consent!r}."
            )
    elif reason in ("refunded", "returned") and order is not None:
        facts |= {"refunded_orders": cfg.refunded_orders, "returned": order.returned}
        facts |= {"fully_refunded": order.fully_refunded}
    elif reason == "b2b":
        facts["survey_b2b"] = cfg.survey_b2b
    elif reason == "cancelled" and order is not None and order.cancelled_at is not None:
        facts["cancelled_at"] = order.cancelled_at.isoformat()
    if not recorded:
        text += f" Checked again when due ({at:%Y-%m-%d %H:%M %Z})."
    return ExclusionOut(reason=reason, text=text, recorded=recorded, facts=facts)


def _email_state(email: EmailFact) -> EmailStateOut:
    kind = email.kind
    name = kind.replace("_", "-")
    if email.status == "sent" and email.sent_at is not None:
        text = f"The {name} was sent on {email.sent_at:%Y-%m-%d %H:%M %Z}."
    elif email.status == "unknown":
        text = (
            f"The {name} may have reached the mail server (its worker stopped while sending); "
            "it is never sent twice."
        )
    elif email.status == "skipped":
        why = REASONS.get(email.skip_reason or "", email.skip_reason or "")
        text = f"The {name} was not sent: {why}"
    elif email.status == "failed":
        text = f"The {name} failed: {email.last_error or 'refused by the mail server'}."
    elif email.status == "sending":
        text = f"The {name} is being sent now."
    else:
        text = f"The {name} is due at {email.send_at:%Y-%m-%d %H:%M %Z}."
        if kind == "reminder":
            text += " It goes only if the survey is still unanswered then."
    return EmailStateOut(
        kind=_KINDS[kind],
        status=email.status,
        send_at=email.send_at,
        sent_at=email.sent_at,
        message_id=email.message_id,
        skip_reason=email.skip_reason,
        text=text,
    )


def _notes(f: Facts, order: OrderView | None) -> list[str]:
    notes: list[str] = []
    cfg = f.shop.settings
    if order is not None and not order.redacted:
        if order.service_only() and not order.cancelled_before_shipping():
            notes.append(
                "Nothing is left with the customer (returned or refunded): the survey asks "
                "about the shop and its service only, no product ratings (refunded_orders = "
                "service_survey, the no-gating default)."
            )
        elif order.refunded:
            kept = {i.product_id for i in order.remaining_items()}
            dropped = sorted(p for p in order.refunded if p not in kept)
            if dropped:
                notes.append(f"Refunded products are not asked about: {', '.join(dropped)}.")
    invitation = f.emails.get("invitation")
    if invitation is not None and invitation.status == "sent" and "reminder" not in f.emails:
        if not cfg.reminder_enabled:
            notes.append("No reminder: the shop turned reminders off (reminder_enabled).")
    return notes


def _reminder_state(f: Facts, reminder: EmailFact) -> EmailStateOut:
    """A pending reminder that the facts known now stop (the survey answered, the address
    unsubscribed) says so, as a pending invitation does; the dispatcher decides again when due."""
    state = _email_state(reminder)
    if reminder.status != "pending":
        return state
    if f.order is None:
        reason: SkipReason | None = "redacted"
    else:
        answered = f.survey is not None and f.survey.answered_at is not None
        reason = skip_reason(
            f.order,
            f.shop.settings,
            "reminder",
            f.suppression,
            False,
            answered,
            shop_country=f.shop.country,
        )
    if reason is None:
        return state
    when = max(reminder.send_at, f.now)
    text = f"The reminder will not be sent: {REASONS.get(reason, reason)}"
    return state.model_copy(
        update={"text": f"{text} Checked again when due ({when:%Y-%m-%d %H:%M %Z})."}
    )


def explain(f: Facts) -> ExplanationOut:
    order, survey = f.order, f.survey
    invitation = f.emails.get("invitation")
    out = ExplanationOut(
        shop_id=f.shop.shop_id,
        order_id=f.order_id,
        decision="waiting",
        text="",
        notes=_notes(f, order),
        invitation=_email_state(invitation) if invitation else None,
        reminder=_reminder_state(f, f.emails["reminder"]) if "reminder" in f.emails else None,
        follow_ups=[_email_state(e) for e in f.follow_ups],
    )
    if survey is None or invitation is None:
        if order is not None and order.placed_at is None:
            out.waiting_for = "order.placed"
            out.text = (
                "Waiting for the order itself: only later events of it (shipping, delivery, "
                "…) have arrived; the invitation is scheduled when order.placed does."
            )
        else:
            out.waiting_for = "order dates"
            out.text = "Waiting: the order has no usable date to schedule from yet."
        return out
    if invitation.status in ("sent", "unknown"):
        out.decision = "sent"
        out.sent_at = invitation.sent_at
        out.message_id = invitation.message_id
        out.text = out.invitation.text if out.invitation else ""
    if survey.answered_at is not None:
        out.decision = "answered"
        out.answered_at = survey.answered_at
        out.text = f"The customer answered the survey on {survey.answered_at:%Y-%m-%d %H:%M %Z}."
        return out
    if invitation.status in ("sent", "unknown"):
        return out
    if invitation.status == "skipped":
        out.decision = "excluded"
        out.exclusion = _exclusion(
            f, invitation.skip_reason or "unknown", True, decided_at(invitation, f.now)
        )
        out.text = out.exclusion.text
        return out
    if invitation.status == "failed":
        out.decision = "excluded"
        out.exclusion = ExclusionOut(
            reason="send_failed",
            text=f"{REASONS['send_failed']} ({invitation.last_error or 'no reason given'})",
            recorded=True,
            facts={"last_error": invitation.last_error},
        )
        out.text = out.exclusion.text
        return out
    # Pending (or being sent): when it is due, and whether the facts known now let it go.
    out.due_at = invitation.send_at
    if order is None:
        reason: SkipReason | None = "redacted"
    else:
        cfg = f.shop.settings
        when = decided_at(invitation, f.now)
        recent = f.earlier is not None and f.earlier.at >= when - timedelta(days=cfg.cooldown_days)
        reason = skip_reason(
            order,
            cfg,
            "invitation",
            f.suppression,
            recent,
            False,
            too_old=survey.send_at_override is None and too_old(order, f.shop.country, cfg, when),
            shop_country=f.shop.country,
        )
    if reason is not None:
        out.decision = "excluded"
        out.exclusion = _exclusion(f, reason, False, decided_at(invitation, f.now))
        out.text = f"Will not be sent: {out.exclusion.text}"
        return out
    assert order is not None
    due, reproduced = _reproduce(f, order, invitation.send_at)
    out.decision = "queued"
    if due is not None:
        out.how = _steps(due)
        out.provisional = due.provisional
    if out.provisional:
        out.waiting_for = "order.delivered" if order.fulfilled_at else "order.fulfilled"
    out.text = f"Queued: the invitation is due at {invitation.send_at:%Y-%m-%d %H:%M %Z}."
    if out.provisional:
        out.text += " The time is an estimate until the order " + (
            "is delivered." if order.fulfilled_at else "ships or is delivered."
        )
    if invitation.status == "sending":
        out.notes.append("The invitation is being sent now.")
    if not reproduced:
        out.notes.append(
            "The stored due time differs from what the rules give now (settings or facts "
            "changed without moving it); the steps show the rules as they stand."
        )
    return out
