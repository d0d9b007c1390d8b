"""The made-up order, customer, survey and emails a preview is built from: never a real one.
Their links carry a token no survey page accepts, so a preview's button cannot open a survey
or unsubscribe anybody."""

from datetime import datetime, timedelta
from decimal import Decimal

from services.survey.follow_ups.repository import FollowUpRow
from services.survey.orders.view import Item, OrderView
from services.survey.previews.schemas import EmailKind, Language
from services.survey.surveys.handlers import message_id
from services.survey.surveys.repository import EmailRow, SurveyRow
from services.survey.tokens import Purpose, Tokens

# What the links of a preview or a test copy carry in place of a signed token: /s/… and /u/…
# answer it as an invalid link.
PREVIEW_TOKEN = "preview-not-a-real-link"
PUBLIC_REF = "preview"
CUSTOMER_EMAIL = "customer@example.invalid"

# A product name the operator recognises as made up, in the email's language.
PRODUCT_NAME: dict[Language, str] = {
    "en": "Sample product",
    "de": "Beispielprodukt",
    "sl": "Vzorčni izdelek",
    "lv": "Parauga produkts",
    "ro": "Produs exemplu",
}
_CUSTOMER = "Alex Example"


class PreviewLinks(Tokens):
    """Links that lead nowhere: the same URLs as a real email's, with PREVIEW_TOKEN."""

    def __init__(self) -> None:
        super().__init__("preview", {"survey": 1, "unsubscribe": 1})

    def make(self, purpose: Purpose, public_ref: str) -> str:
        return PREVIEW_TOKEN


def order(shop_id: str, language: Language, now: datetime, refunded: bool = False) -> OrderView:
    """`refunded`: the order came back, so its survey is the service-only one (no product to
    rate): the email real returned or refunded orders get."""
    name = PRODUCT_NAME[language]
    return OrderView(
        shop_id=shop_id,
        order_id="preview",
        customer_email=CUSTOMER_EMAIL,
        customer_name=_CUSTOMER,
        locale=language,
        items=(
            Item("preview-1", f"{name} 1", None, 1, Decimal("49.90"), 0),
            Item("preview-2", f"{name} 2", None, 2, Decimal("9.90"), 1),
        ),
        placed_at=now - timedelta(days=14),
        delivered_at=now - timedelta(days=10),
        returned=refunded,
        fully_refunded=refunded,
    )


def survey(shop_id: str, now: datetime) -> SurveyRow:
    return SurveyRow(0, shop_id, "preview", PUBLIC_REF, None, None, now)


def email(shop_id: str, kind: EmailKind, message_id_: str, now: datetime) -> EmailRow:
    return EmailRow(0, 0, shop_id, kind, "sending", now, 1, message_id_, None, None, None, None)


def follow_up(shop_id: str, language: Language, message_id_: str, now: datetime) -> FollowUpRow:
    return FollowUpRow(
        0, shop_id, "preview", 0, "preview", language, "sending", now, now, 1, message_id_,
        None, None, None, None,
    )  # fmt: skip


def preview_message_id(kind: EmailKind, domain: str) -> str:
    return message_id(kind.replace("_", "-"), PUBLIC_REF, domain)
