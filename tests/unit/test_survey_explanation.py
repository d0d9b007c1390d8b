"""Every skip reason the scheduler, the dispatcher or the follow-up rules can record has a
sentence in the explanation's table (services/survey/decisions/explain.py)."""

from datetime import UTC, datetime, timedelta
from typing import Any, get_args

from services.survey.decisions.explain import REASONS
from services.survey.follow_ups.rules import FollowUpSkipReason
from services.survey.scheduling.eligibility import SkipReason


def test_every_skip_reason_has_a_sentence() -> None:
    reasons = set(get_args(SkipReason)) | set(get_args(FollowUpSkipReason))
    assert reasons <= set(REASONS), reasons - set(REASONS)
    assert {"no_consent", "marketing_opt_out"} <= set(REASONS)
    assert all(text.endswith(".") for text in REASONS.values())


def _facts(answered: bool, suppression: str | None) -> Any:
    from services.survey.decisions.explain import Facts
    from services.survey.decisions.repository import EmailFact
    from services.survey.orders.view import OrderView
    from services.survey.shops.config import SurveyShopSettings
    from services.survey.shops.repository import ShopRow
    from services.survey.surveys.repository import SurveyRow

    at = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    sent = EmailFact("invitation", "sent", at, at, None, "<m@x>", None, None)
    reminder = EmailFact("reminder", "pending", at + timedelta(days=5), None, None, "", None, None)
    return Facts(
        order_id="o-1",
        order=OrderView("s", "o-1", customer_email="a@b.example", placed_at=at - timedelta(days=9)),
        shop=ShopRow("s", "Shop", "en", "SI", "Europe/Ljubljana", SurveyShopSettings()),
        survey=SurveyRow(
            1, "s", "o-1", "ref", None, at + timedelta(days=1) if answered else None, at
        ),
        emails={"invitation": sent, "reminder": reminder},
        follow_ups=[],
        suppression=suppression,  # type: ignore[arg-type]
        earlier=None,
        now=at + timedelta(days=2),
    )


def test_a_pending_reminder_the_facts_stop_says_it_will_not_go() -> None:
    """Answered, or the address unsubscribed since the invitation: the reminder's line says
    it will not be sent (the dispatcher decides again when it is due), not that it is due."""
    from services.survey.decisions.explain import explain

    waiting = explain(_facts(answered=False, suppression=None)).reminder
    assert waiting is not None and waiting.text.startswith("The reminder is due at 2026-12-06")
    answered = explain(_facts(answered=True, suppression=None)).reminder
    assert answered is not None and answered.status == "pending"
    assert answered.text.startswith("The reminder will not be sent: " + REASONS["answered"])
    gone = explain(_facts(answered=False, suppression="unsubscribed")).reminder
    assert gone is not None
    assert gone.text.startswith("The reminder will not be sent: " + REASONS["unsubscribed"])
    assert "Checked again when due (2026-12-06 09:00 UTC)." in gone.text
