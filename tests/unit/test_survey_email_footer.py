"""The survey email's footer tells the truth about how many emails follow: "once" only when no
reminder will come, in every language."""

from datetime import UTC, datetime
from decimal import Decimal
from email import message_from_bytes, policy
from email.message import EmailMessage

import pytest

from services.survey.dispatch.compose import compose
from services.survey.email.translations import TEXTS
from services.survey.orders.view import Item, OrderView
from services.survey.settings import SurveySettings
from services.survey.shops.config import SurveyShopSettings
from services.survey.shops.repository import ShopRow
from services.survey.surveys.repository import EmailRow, SurveyRow
from services.survey.tokens import Tokens

NOW = datetime(2026, 11, 17, 9, 0, tzinfo=UTC)
# What the footer of each kind of email says, by language: the word for "once" / "only one".
ONCE = {"en": "once", "de": "einmal", "sl": "enkrat", "lv": "vienreiz", "ro": "o singură dată"}


def body(kind: str, language: str, reminder_enabled: bool) -> str:
    cfg = SurveyShopSettings(reminder_enabled=reminder_enabled)
    shop = ShopRow("s", "Tea & Co", language, "SI", "Europe/Ljubljana", cfg)
    order = OrderView(
        "s", "o", "ana@example.com", "Ana", language, items=(Item("p", "Tea", None, 1, Decimal(1)),)
    )
    email = EmailRow(1, 1, "s", kind, "sending", NOW, 0, "<m@x>", None, None, None, None)
    survey = SurveyRow(1, "s", "o", "ref", None, None, NOW)
    settings = SurveySettings()
    tokens = Tokens("secret", {"survey": 60, "unsubscribe": 60})
    raw = compose(email, survey, order, shop, settings, tokens, NOW)
    msg = message_from_bytes(raw, policy=policy.default)
    assert isinstance(msg, EmailMessage)
    text = msg.get_body(("plain",))
    assert text is not None
    return str(text.get_content())


@pytest.mark.parametrize("language", sorted(TEXTS))
def test_the_footer_matches_the_emails_that_follow(language: str) -> None:
    t = TEXTS[language]
    with_reminder = body("invitation", language, reminder_enabled=True)
    assert t["footer"].format(shop="Tea & Co") not in with_reminder
    assert t["footer_with_reminder"].format(shop="Tea & Co") in with_reminder

    alone = body("invitation", language, reminder_enabled=False)
    assert t["footer"].format(shop="Tea & Co") in alone
    assert ONCE[language] in t["footer"]

    reminder = body("reminder", language, reminder_enabled=True)
    assert t["footer"].format(shop="Tea & Co") not in reminder
    assert t["footer_reminder"].format(shop="Tea & Co") in reminder
