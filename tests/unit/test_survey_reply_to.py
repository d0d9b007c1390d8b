"""Who customers answer (issue #18): the survey emails' Reply-To is the shop's contact address,
and the follow-up names every way to reach the shop, in each of the five languages."""

from datetime import UTC, datetime
from email import message_from_bytes, policy
from email.message import EmailMessage

import pytest

from services.survey.dispatch.compose import compose
from services.survey.email.render import UNFOLDED, FollowUpContent, build_follow_up
from services.survey.email.translations import TEXTS
from services.survey.orders.view import OrderView
from services.survey.settings import SurveySettings
from services.survey.shops.config import SurveyShopSettings
from services.survey.shops.repository import Contact, ShopRow
from services.survey.surveys.repository import EmailRow, SurveyRow
from services.survey.tokens import Tokens

NOW = datetime(2026, 11, 17, 9, 0, tzinfo=UTC)
CONTACT = Contact("help@tea.example", "https://tea.example/contact", "+386 1 234 5678")


def parse(raw: bytes) -> EmailMessage:
    msg = message_from_bytes(raw, policy=policy.default)
    assert isinstance(msg, EmailMessage)
    return msg


def follow_up(language: str, contact: Contact) -> EmailMessage:
    content = FollowUpContent(
        language,
        "Tea & Co",
        "ana@example.com",
        "Ana",
        "https://s.example/u/x",
        None,
        "#123456",
        contact.email,
        contact.url,
        contact.phone,
    )
    return parse(build_follow_up(content, "s@rl.example", "<f@x>", NOW).as_bytes(policy=UNFOLDED))


def survey_email(kind: str, contact: Contact) -> EmailMessage:
    shop = ShopRow(
        "s", "Tea & Co", "en", "SI", "Europe/Ljubljana", SurveyShopSettings(), 0, contact
    )
    order = OrderView("s", "o", "ana@example.com", "Ana", "en")
    email = EmailRow(1, 1, "s", kind, "sending", NOW, 0, "<m@x>", None, None, None, None)
    survey = SurveyRow(1, "s", "o", "ref", None, None, NOW)
    tokens = Tokens("secret", {"survey": 60, "unsubscribe": 60})
    return parse(compose(email, survey, order, shop, SurveySettings(), tokens, NOW))


@pytest.mark.parametrize("language", sorted(TEXTS))
def test_the_follow_up_names_how_to_reach_the_shop(language: str) -> None:
    msg = follow_up(language, CONTACT)
    assert msg["Reply-To"] == "help@tea.example"
    assert msg["Content-Language"] == language
    text = msg.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    t = TEXTS[language]
    assert t["follow_up_contact"].format(shop="Tea & Co") in text
    assert f"{t['contact_email']}: help@tea.example" in text
    assert f"{t['contact_url']}: https://tea.example/contact" in text
    assert f"{t['contact_phone']}: +386 1 234 5678" in text
    assert t["follow_up_reply"].format(shop="Tea & Co") in text


def test_without_a_contact_the_follow_up_says_nothing_about_it() -> None:
    msg = follow_up("en", Contact())
    assert msg["Reply-To"] is None
    text = msg.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert "How to reach" not in text and "reply to this email" not in text


@pytest.mark.parametrize("kind", ["invitation", "reminder"])
def test_invitations_and_reminders_reply_to_the_shop(kind: str) -> None:
    assert survey_email(kind, CONTACT)["Reply-To"] == "help@tea.example"
    assert survey_email(kind, Contact())["Reply-To"] is None


@pytest.mark.parametrize(
    "address", ["help@tea.example\r\nBcc: all@x.example", "a@x.example, b@y.example", "nobody"]
)
def test_a_contact_that_is_not_one_address_adds_no_header(address: str) -> None:
    msg = survey_email("invitation", Contact(email=address))
    assert msg["Reply-To"] is None and msg["Bcc"] is None
