"""Previews and test copies of the notifier's emails, built by the templates the real ones use
(`notifications/content.py`) for the shop as the registry announced it (name, SLA, time zone),
from a made-up review (`samples.py`). A test copy goes straight to SMTP, like a notification
but without one: no review, notification or timer row is read or written, and a shop may send
only `test_sends_per_hour` of them."""

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, get_args

from services.notifier.emails import repository, samples
from services.notifier.emails.samples import Language
from services.notifier.emails.schemas import EmailKind, EmailPreview, TestSent
from services.notifier.notifications import content
from services.notifier.notifications.sla import escalation_deadlines
from services.notifier.settings import NotifierSettings
from services.notifier.shops import repository as shops
from services.notifier.shops.repository import ShopRow
from shared.db.pool import Pool
from shared.email import mime, test_copies

TEST_MARK = "[TEST]"


class UnknownShop(Exception):
    """A test copy for a shop the registry never announced (404): every made-up shop id would
    have an allowance of its own."""


@dataclass(frozen=True)
class Rendered:
    language: Language
    body: dict[str, Any]


def _language(shop: ShopRow, asked: Language | None) -> Language:
    if asked is not None:
        return asked
    base = (shop.locale or "en").split("-")[0].split("_")[0].lower()
    return next((lang for lang in get_args(Language) if lang == base), "en")


def render(
    settings: NotifierSettings,
    shop: ShopRow,
    kind: EmailKind,
    language: Language | None,
    now: datetime,
) -> Rendered:
    lang = _language(shop, language)
    review = samples.review(lang, now)
    link = content.review_link(settings.responder_base_url, review.review_id, shop.shop_id)
    first, _ = escalation_deadlines(review.created_at, shop.sla, shop.tz)
    if kind == "alert":
        body = content.alert(shop.name, review, first, link)
    elif kind == "escalation":
        body = content.escalation(shop.name, shop.shop_id, review.review_id, "first", first, link)
    else:
        local = now.astimezone(shop.tz)
        body = content.digest(
            shop.name,
            shop.shop_id,
            samples.day(local.date().isoformat(), now),
            settings.responder_base_url,
        )
    return Rendered(lang, body)


async def preview(
    pool: Pool,
    settings: NotifierSettings,
    shop_id: str,
    kind: EmailKind,
    language: Language | None,
    now: datetime,
) -> EmailPreview:
    async with pool.acquire() as conn:
        shop = await shops.get(conn, shop_id)
    r = render(settings, shop, kind, language, now)
    return EmailPreview(
        kind=kind,
        language=r.language,
        subject=r.body["subject"],
        text=r.body["text"],
        html=r.body["html"],
    )


async def send_test(
    pool: Pool,
    settings: NotifierSettings,
    shop_id: str,
    kind: EmailKind,
    to: str,
    language: Language | None,
    now: datetime,
) -> TestSent:
    """One copy to `to`, its subject marked `[TEST]`. Raises UnknownShop, and
    test_copies' TooManyTests and NotSent."""
    async with pool.acquire() as conn, conn.transaction():
        shop = await shops.get(conn, shop_id)
        if shop.profile is None:
            raise UnknownShop(
                f"unknown shop {shop_id!r}: test copies go only for shops the registry "
                "announced (the preview works for any shop)"
            )
        await repository.lock(conn, shop_id)
        recent = await repository.sent_since(conn, shop_id, now - test_copies.WINDOW)
        test_copies.check_allowance(recent, settings.test_sends_per_hour, now)
        # Counted before sending: an attempt the server refuses still made a connection.
        await repository.record(conn, shop_id, kind, to, now)
        await repository.forget_before(conn, now - timedelta(days=1))
    body = render(settings, shop, kind, language, now).body
    subject = content.one_line(f"{TEST_MARK} {body['subject']}")
    message_id = f"<test.{uuid.uuid4().hex}@{settings.message_id_domain}>"
    message = mime.alternative(
        ("Reviewloop", settings.from_address),
        to,
        subject,
        message_id,
        now,
        f"This is a test copy with a made-up review; no real review is involved.\n\n{body['text']}",
        body["html"],
        {"Auto-Submitted": "auto-generated"},
    )
    await test_copies.send_one(settings.smtp_server, settings.from_address, to, message)
    return TestSent(to=to, subject=subject, message_id=message_id)
