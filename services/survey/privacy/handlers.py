"""GDPR requests from `reviewloop.privacy`: survey holds customers' addresses, names and what
they wrote in their answers."""

from pydantic import SecretStr

from services.survey import suppressions
from services.survey.follow_ups import repository as follow_ups
from services.survey.moderation_notices import repository as moderation_notices
from services.survey.orders import repository as orders
from services.survey.privacy import repository
from services.survey.shops import repository as shops
from services.survey.surveys import repository as surveys
from shared.db.pool import Connection
from shared.events.privacy import (
    CustomerDataRequested,
    CustomerRedactRequested,
    ShopRedactRequested,
)
from shared.kafka.consumer import ConsumerSpec
from shared.kafka.handlers import Handlers
from shared.outbox import repository as outbox
from shared.privacy.export import answer_data_request
from shared.settings_changes import repository as settings_changes
from shared.topics import PRIVACY


def privacy_consumer(pepper: SecretStr) -> ConsumerSpec:
    async def on_customer_redact(conn: Connection, event: CustomerRedactRequested) -> None:
        p = event.payload
        email = str(p.email).lower() if p.email else None
        order_ids = await repository.customer_orders(conn, event.shop_id, list(p.order_ids), email)
        await orders.forget_customer(conn, event.shop_id, order_ids, email)
        await surveys.forget_recipients(conn, event.shop_id, order_ids, email)
        await follow_ups.forget_recipients(conn, event.shop_id, order_ids, email)
        await moderation_notices.forget_recipients(conn, event.shop_id, order_ids, email)
        review_ids = await repository.forget_answers(conn, event.shop_id, order_ids)
        if email:
            await suppressions.forget_email(conn, email, pepper)
        # survey.* events are keyed by order, review.submitted by the survey's review id.
        keys = [f"{event.shop_id}:{key}" for key in (*order_ids, *review_ids)]
        await outbox.forget_sent(conn, event.shop_id, keys, [])

    async def on_shop_redact(conn: Connection, event: ShopRedactRequested) -> None:
        await orders.forget_shop(conn, event.shop_id)
        await surveys.forget_shop_recipients(conn, event.shop_id)
        await follow_ups.forget_shop_recipients(conn, event.shop_id)
        await moderation_notices.forget_shop_recipients(conn, event.shop_id)
        # The trail of settings changes names staff (Reviewloop-Actor) and their choices.
        await settings_changes.forget_shop(conn, event.shop_id)

    async def on_data_request(conn: Connection, event: CustomerDataRequested) -> None:
        p = event.payload
        email = str(p.email) if p.email else None
        data = await orders.export_customer(conn, event.shop_id, list(p.order_ids), email)
        # Follow-ups of every order found, by id or by address, plus any sent to the address.
        order_ids = sorted({*p.order_ids, *(o["order_id"] for o in data["orders"])})
        data["follow_ups"] = await follow_ups.export_customer(conn, event.shop_id, order_ids, email)
        data["moderation_notices"] = await moderation_notices.export_customer(
            conn, event.shop_id, order_ids, email
        )
        # This shop's tenant group only: another tenant's list is theirs, not this shop's to tell.
        group = (await shops.get(conn, event.shop_id)).tenant_group
        data["suppressions"] = (
            await suppressions.export_for(conn, group, email, pepper) if email else []
        )
        await answer_data_request(conn, event, "survey", data)

    handlers = (
        Handlers()
        .on(CustomerRedactRequested, on_customer_redact)
        .on(ShopRedactRequested, on_shop_redact)
        .on(CustomerDataRequested, on_data_request)
    )
    return ConsumerSpec(name="survey.privacy", topics=(PRIVACY,), handlers=handlers)
