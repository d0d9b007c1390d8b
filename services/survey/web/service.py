"""What the public pages do: read the link, show the survey, store the answer, unsubscribe."""

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from pydantic import SecretStr

from services.survey import suppressions
from services.survey.email.translations import Texts, language_of
from services.survey.orders import repository as orders
from services.survey.orders.view import Item, OrderView
from services.survey.responses import repository as responses
from services.survey.responses import service as answers
from services.survey.responses.repository import StoredResponse
from services.survey.responses.service import Answer
from services.survey.shops import repository as shops
from services.survey.shops.repository import ShopRow
from services.survey.surveys import repository as surveys
from services.survey.surveys.repository import SurveyRow
from services.survey.tokens import InvalidToken, Purpose, Tokens
from shared.db.pool import Pool

# Said on a refused link, before the shop (and so the customer's language) is known.
FALLBACK = Texts("en", shop="")


class LinkRefused(Exception):
    """An unknown, tampered with or expired link, or one whose order is gone (redacted)."""

    def __init__(self, reason: Literal["invalid", "expired"]) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class PageContext:
    survey: SurveyRow
    order: OrderView
    shop: ShopRow
    t: Texts
    items: list[Item]


async def load(pool: Pool, tokens: Tokens, purpose: Purpose, token: str) -> PageContext:
    """What a page of this link shows. Raises LinkRefused."""
    try:
        ref = tokens.read(purpose, token)
    except InvalidToken as exc:
        raise LinkRefused(exc.reason) from None
    async with pool.acquire() as conn:
        survey = await surveys.get_by_ref(conn, ref)
        order = await orders.get(conn, survey.shop_id, survey.order_id) if survey else None
        if survey is None or order is None or order.redacted:
            raise LinkRefused("invalid")
        shop = await shops.get(conn, survey.shop_id)
    t = Texts(language_of(order.locale, shop.locale), shop=shop.display_name or shop.shop_id)
    # None for a refunded or returned order: the page asks about the service only.
    items = order.survey_items(shop.settings.max_products)
    return PageContext(survey, order, shop, t, items)


async def open_survey(pool: Pool, ctx: PageContext, now: datetime) -> StoredResponse:
    """Records the first visit; the answer given so far, to edit."""
    async with pool.acquire() as conn:
        if ctx.survey.opened_at is None:
            await surveys.mark_opened(conn, ctx.survey.id, now)
        return await responses.get(conn, ctx.survey.id) or StoredResponse()


async def submit(pool: Pool, ctx: PageContext, answer: Answer, now: datetime) -> None:
    """Raises SurveyClosed after the edit window."""
    await answers.submit(pool, ctx.survey, ctx.order, ctx.shop, answer, ctx.t.language, now)


async def unsubscribe(pool: Pool, ctx: PageContext, pepper: SecretStr) -> None:
    """The order's address joins the suppression list of the shop's tenant group."""
    if not ctx.order.customer_email:
        return
    async with pool.acquire() as conn:
        await suppressions.add(
            conn, ctx.shop.tenant_group, ctx.order.customer_email, "unsubscribed", pepper
        )
