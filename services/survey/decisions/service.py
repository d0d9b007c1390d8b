"""Gathers the facts of one order's survey decision (order, shop, survey, emails, suppression,
the cooldown's earlier invitation) in one snapshot and explains them."""

from datetime import datetime

from services.survey import suppressions
from services.survey.decisions import repository
from services.survey.decisions.explain import Facts, decided_at, explain
from services.survey.decisions.schemas import ExplanationOut
from services.survey.orders import repository as orders
from services.survey.settings import SurveySettings
from services.survey.shops import repository as shops
from services.survey.surveys import repository as surveys
from shared.db.pool import Pool


class UnknownOrder(LookupError):
    """The survey has never heard of the order: 404."""


async def explanation(
    pool: Pool, settings: SurveySettings, shop_id: str, order_id: str, now: datetime
) -> ExplanationOut:
    """Raises UnknownOrder."""
    # One repeatable-read snapshot: the emails, the order and the cooldown agree.
    async with pool.acquire() as conn, conn.transaction(isolation="repeatable_read", readonly=True):
        order = await orders.get(conn, shop_id, order_id)
        survey = await surveys.get_by_order(conn, shop_id, order_id)
        if order is None and survey is None:
            raise UnknownOrder(order_id)
        shop = await shops.get(conn, shop_id)
        emails = await repository.emails_of(conn, survey.id) if survey else {}
        follow_ups = await repository.follow_ups_of(conn, shop_id, order_id)
        suppression = None
        earlier = None
        address = order.customer_email if order else None
        if address and survey is not None:
            suppression = await suppressions.reason_for(
                conn, shop.tenant_group, address, settings.suppression_pepper
            )
            earlier = await repository.latest_invitation_to(
                conn,
                address,
                await shops.in_tenant_group(conn, shop.tenant_group),
                survey.id,
                decided_at(emails.get("invitation"), now),
            )
    return explain(
        Facts(order_id, order, shop, survey, emails, follow_ups, suppression, earlier, now)
    )
