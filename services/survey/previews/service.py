"""Previews and test copies of the survey's customer emails (invitation, reminder, case
follow-up), built by the very functions the real sends use (`dispatch/compose.py`,
`follow_ups/worker.py`) for the shop as it is now: its name and contact from the registry's
profile, its branding and reminder settings. The order, customer and survey are made up
(`samples.py`) and every link leads nowhere.

A preview reads the shop only; a shop the survey has not heard of gets the defaults, as its
real emails would. A test copy goes straight to SMTP: no order, survey, email, suppression or
cooldown row is read for its decision or written, and a shop may send only
`test_sends_per_hour` of them, so the route cannot be used to mail strangers in bulk."""

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from email import message_from_bytes, policy
from email.header import Header
from email.parser import BytesParser
from typing import get_args

from services.survey import suppressions
from services.survey.dispatch.compose import compose as compose_survey_email
from services.survey.email.render import UNFOLDED
from services.survey.email.translations import language_of
from services.survey.follow_ups.worker import compose as compose_follow_up
from services.survey.previews import repository, samples
from services.survey.previews.schemas import KINDS, EmailKind, EmailPreview, Language, TestSent
from services.survey.settings import SurveySettings
from services.survey.shops import repository as shops
from services.survey.shops.repository import ShopRow
from shared.db.pool import Pool
from shared.email import test_copies
from shared.shop_facts import repository as shop_facts

TEST_MARK = "[TEST]"


class UnknownKind(Exception):
    """Not one of the survey's emails (404); the message names the ones there are."""

    def __init__(self, kind: str) -> None:
        super().__init__(
            f"no survey email {kind!r}: the survey's emails are {', '.join(KINDS)} "
            "(alert, escalation and digest are the notifier's)"
        )


class UnknownShop(Exception):
    """A test copy for a shop the registry never announced (404)."""


class Suppressed(Exception):
    """The address asked not to get the shop's emails, or bounced (409)."""


@dataclass(frozen=True)
class Rendered:
    language: Language
    message: bytes


def kind_of(kind: str) -> EmailKind:
    for known in KINDS:
        if kind == known:
            return known
    raise UnknownKind(kind)


def _language(shop: ShopRow, asked: Language | None) -> Language:
    if asked is not None:
        return asked
    chosen = language_of(shop.locale)
    return next((lang for lang in get_args(Language) if lang == chosen), "en")


def render(
    settings: SurveySettings,
    shop: ShopRow,
    kind: EmailKind,
    language: Language | None,
    message_id: str,
    now: datetime,
    refunded: bool = False,
) -> Rendered:
    """The message exactly as the dispatcher would hand it to SMTP for the made-up order."""
    lang = _language(shop, language)
    order = samples.order(shop.shop_id, lang, now, refunded)
    links = samples.PreviewLinks()
    if kind == "follow_up":
        row = samples.follow_up(shop.shop_id, lang, message_id, now)
        message = compose_follow_up(row, samples.PUBLIC_REF, order, shop, settings, links, now)
    else:
        email = samples.email(shop.shop_id, kind, message_id, now)
        survey = samples.survey(shop.shop_id, now)
        message = compose_survey_email(email, survey, order, shop, settings, links, now)
    return Rendered(lang, message)


async def preview(
    pool: Pool,
    settings: SurveySettings,
    shop_id: str,
    kind: str,
    language: Language | None,
    now: datetime,
    refunded: bool = False,
) -> EmailPreview:
    """Raises UnknownKind."""
    known = kind_of(kind)
    async with pool.acquire() as conn:
        shop = await shops.get(conn, shop_id)
    message_id = samples.preview_message_id(known, settings.message_id_domain)
    rendered = render(settings, shop, known, language, message_id, now, refunded)
    parsed = BytesParser(policy=policy.default).parsebytes(rendered.message)
    text, html = parsed.get_body(("plain",)), parsed.get_body(("html",))
    reply_to = parsed["Reply-To"]
    return EmailPreview(
        kind=known,
        language=rendered.language,
        subject=str(parsed["Subject"]),
        text=text.get_content() if text is not None else "",
        html=html.get_content() if html is not None else "",
        reply_to=str(reply_to) if reply_to is not None else None,
    )


def _as_test(message: bytes, to: str) -> tuple[bytes, str]:
    """The message addressed to `to`, its subject marked; and that subject."""
    subject = str(BytesParser(policy=policy.default).parsebytes(message)["Subject"])
    marked = f"{TEST_MARK} {subject}"
    msg = message_from_bytes(message)
    msg.replace_header("Subject", Header(marked, "utf-8").encode())
    msg.replace_header("To", to)
    return msg.as_bytes(policy=UNFOLDED), marked


async def send_test(
    pool: Pool,
    settings: SurveySettings,
    shop_id: str,
    kind: str,
    to: str,
    language: Language | None,
    now: datetime,
    refunded: bool = False,
) -> TestSent:
    """One copy to `to`, its subject marked `[TEST]`. Raises UnknownKind, UnknownShop,
    Suppressed, and test_copies' TooManyTests and NotSent."""
    known = kind_of(kind)
    message_id = f"<test.{known.replace('_', '-')}.{uuid.uuid4().hex}@{settings.message_id_domain}>"
    async with pool.acquire() as conn, conn.transaction():
        # Every shop id would have its own allowance: only shops the registry announced.
        if await shop_facts.profile(conn, shop_id) is None:
            raise UnknownShop(
                f"unknown shop {shop_id!r}: test copies go only for shops the registry "
                "announced (the preview works for any shop)"
            )
        shop = await shops.get(conn, shop_id)
        suppressed = await suppressions.reason_for(
            conn, shop.tenant_group, to, settings.suppression_pepper
        )
        if suppressed is not None:
            raise Suppressed(
                f"{to} is on the shop's suppression list ({suppressed}): no test copy goes there"
            )
        await repository.lock(conn, shop_id)
        recent = await repository.sent_since(conn, shop_id, now - test_copies.WINDOW)
        test_copies.check_allowance(recent, settings.test_sends_per_hour, now)
        rendered = render(settings, shop, known, language, message_id, now, refunded)
        # Counted before sending: an attempt the server refuses still made a connection.
        await repository.record(conn, shop_id, known, rendered.language, message_id, now)
        await repository.forget_before(conn, now - timedelta(days=1))
    message, subject = _as_test(rendered.message, to)
    await test_copies.send_one(settings.smtp_server, settings.from_address, to, message)
    return TestSent(to=to, subject=subject, message_id=message_id)
