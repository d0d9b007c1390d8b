"""Turning a claimed email into the bytes handed to SMTP."""

from datetime import datetime

from services.survey.email.render import UNFOLDED, EmailContent, build_message
from services.survey.email.translations import language_of
from services.survey.orders.view import OrderView
from services.survey.settings import SurveySettings
from services.survey.shops.repository import ShopRow
from services.survey.surveys.repository import EmailRow, SurveyRow
from services.survey.tokens import Tokens


def survey_url(settings: SurveySettings, tokens: Tokens, public_ref: str) -> str:
    return f"{settings.public_base_url.rstrip('/')}/s/{tokens.make('survey', public_ref)}"


def unsubscribe_url(settings: SurveySettings, tokens: Tokens, public_ref: str) -> str:
    return f"{settings.public_base_url.rstrip('/')}/u/{tokens.make('unsubscribe', public_ref)}"


def compose(
    email: EmailRow,
    survey: SurveyRow,
    order: OrderView,
    shop: ShopRow,
    settings: SurveySettings,
    tokens: Tokens,
    now: datetime,
) -> bytes:
    assert order.customer_email is not None
    cfg = shop.settings
    content = EmailContent(
        language=language_of(order.locale, shop.locale),
        shop_name=shop.display_name or shop.shop_id,
        recipient=order.customer_email,
        recipient_name=order.customer_name,
        items=order.survey_items(cfg.max_products),
        survey_url=survey_url(settings, tokens, survey.public_ref),
        unsubscribe_url=unsubscribe_url(settings, tokens, survey.public_ref),
        logo_url=str(cfg.brand.logo_url) if cfg.brand.logo_url else None,
        color=cfg.brand.primary_color,
        reminder=email.kind == "reminder",
        reminder_follows=email.kind == "invitation" and cfg.reminder_enabled,
        reply_to=shop.contact.email,
        objection_notice=cfg.consent.existing_customer_notice,
    )
    message = build_message(content, settings.from_address, email.message_id, now)
    return message.as_bytes(policy=UNFOLDED)
