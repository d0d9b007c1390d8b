"""Case follow-ups: when they are due, who is skipped, and what the email says (pure code)."""

from datetime import UTC, datetime
from email import message_from_bytes, policy
from email.message import EmailMessage

import pytest

from services.survey.email.render import UNFOLDED, FollowUpContent, build_follow_up
from services.survey.email.translations import TEXTS, language_of
from services.survey.follow_ups.rules import due_at, skip_reason
from services.survey.orders.view import OrderView
from services.survey.shops.config import SurveyShopSettings

CFG = SurveyShopSettings()
# Tuesday 2026-11-17, 10:00 in Ljubljana.
TUESDAY_MORNING = datetime(2026, 11, 17, 9, 0, tzinfo=UTC)


def order(**kw: object) -> OrderView:
    base: dict[str, object] = {
        "shop_id": "s",
        "order_id": "o",
        "customer_email": "ana@example.com",
        "country": "SI",
        "placed_at": TUESDAY_MORNING,
    }
    base.update(kw)
    return OrderView(**base)  # type: ignore[arg-type]


def test_due_after_the_delay_inside_the_customers_window() -> None:
    # Resolved Friday 19:00 local: + 2 days is Sunday evening, so Monday 10:00.
    friday_evening = datetime(2026, 11, 20, 18, 0, tzinfo=UTC)
    due = due_at(order(), "SI", "Europe/Ljubljana", CFG, friday_evening, friday_evening)
    assert due == datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
    # A customer in Latvia is asked at 10:00 Riga time.
    riga = due_at(
        order(country="LV"), "SI", "Europe/Ljubljana", CFG, friday_evening, friday_evening
    )
    assert riga == datetime(2026, 11, 23, 8, 0, tzinfo=UTC)


def test_a_late_event_is_never_due_in_the_past_or_at_night() -> None:
    resolved = TUESDAY_MORNING
    night = datetime(2026, 12, 1, 1, 0, tzinfo=UTC)  # weeks later, 02:00 local
    due = due_at(order(), "SI", "Europe/Ljubljana", CFG, resolved, night)
    assert due == datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def test_the_shops_delay_is_used() -> None:
    cfg = SurveyShopSettings(follow_up_delay_days=0)
    due = due_at(order(), "SI", "Europe/Ljubljana", cfg, TUESDAY_MORNING, TUESDAY_MORNING)
    assert due == TUESDAY_MORNING


@pytest.mark.parametrize(
    ("view", "has_survey", "cfg", "suppression", "expected"),
    [
        (None, False, CFG, None, "unknown_order"),
        (order(), False, CFG, None, "unknown_order"),
        (order(), True, SurveyShopSettings(follow_up_enabled=False), None, "disabled"),
        (order(redacted=True, customer_email=None), True, CFG, None, "redacted"),
        (order(customer_email=None), True, CFG, None, "no_email"),
        (order(), True, CFG, "unsubscribed", "unsubscribed"),
        (order(), True, CFG, "bounced", "bounced"),
        # The case's resolution may well have been the refund or the return.
        (order(fully_refunded=True, returned=True, b2b=True), True, CFG, None, None),
        (order(cancelled_at=TUESDAY_MORNING), True, CFG, None, None),
        # The answer to a case the customer opened is service, not a review request: no
        # consent rule of docs/surveys.md applies (an unsubscribe does, above).
        (order(country="DE", marketing_consent="unknown"), True, CFG, None, None),
        (order(country="DE", marketing_consent="denied"), True, CFG, None, None),
    ],
)
def test_skip_reasons(view, has_survey, cfg, suppression, expected) -> None:
    assert skip_reason(view, has_survey, cfg, suppression) == expected


def render(language: str, name: str | None = "Ana") -> EmailMessage:
    content = FollowUpContent(
        language=language,
        shop_name="Čaj & Co",
        recipient="ana@example.com",
        recipient_name=name,
        unsubscribe_url="https://surveys.example.com/u/token",
        logo_url=None,
        color="#1f6feb",
    )
    raw = build_follow_up(
        content, "surveys@example.com", "<follow-up.x@example.com>", TUESDAY_MORNING
    )
    parsed = message_from_bytes(raw.as_bytes(policy=UNFOLDED), policy=policy.default)
    assert isinstance(parsed, EmailMessage)
    return parsed


@pytest.mark.parametrize("language", ["en", "de", "sl", "lv", "ro"])
def test_every_language_has_its_own_follow_up_texts(language: str) -> None:
    mail = render(language)
    texts = TEXTS[language]
    assert mail["Subject"] == texts["follow_up_subject"].format(shop="Čaj & Co")
    assert mail["Content-Language"] == language
    assert mail["List-Unsubscribe"] == "<https://surveys.example.com/u/token>"
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    text = mail.get_body(("plain",)).get_content()
    html = mail.get_body(("html",)).get_content()
    for key in ("follow_up_intro", "follow_up_question", "follow_up_update"):
        assert texts[key].format(shop="Čaj & Co") in text
    assert texts["unsubscribe"] in text and "https://surveys.example.com/u/token" in html
    assert "Čaj &amp; Co" in html and "Čaj & Co" not in html


def test_an_unknown_language_falls_back_to_english_and_no_name_is_fine() -> None:
    # The worker's order of preference: the review's language, the order's, the shop's.
    assert language_of("fr", "fr-FR", None) == "en"
    assert language_of("fr", "de-AT", "sl") == "de"
    mail = render(language_of("fr"), name=None)
    text = mail.get_body(("plain",)).get_content()
    assert mail["Subject"] == "Your feedback to Čaj & Co: did it work out?"
    assert text.startswith("Hello,\n")
