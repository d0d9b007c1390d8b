"""GDPR requests from `reviewloop.privacy`: survey holds customers' addresses and names."""

from services.survey import suppressions
from services.survey.orders import repository as orders
from services.survey.surveys import repository as surveys
from shared.db.pool import Connection
from shared.events.catalogue import Event
from shared.events.privacy import CustomerRedactRequested, ShopRedactRequested
from shared.kafka.consumer import ConsumerSpec, Handler
from shared.topics import PRIVACY


async def on_customer_redact(conn: Connection, event: Event) -> None:
    assert isinstance(event, CustomerRedactRequested)
    p = event.payload
    email = str(p.email).lower() if p.email else None
    await orders.forget_customer(conn, event.shop_id, list(p.order_ids), email)
    await surveys.forget_recipients(conn, event.shop_id, list(p.order_ids), email)
    if email:
        await suppressions.forget_email(conn, email)


async def on_shop_redact(conn: Connection, event: Event) -> None:
    assert isinstance(event, ShopRedactRequested)
    await orders.forget_shop(conn, event.shop_id)
    await surveys.forget_shop_recipients(conn, event.shop_id)


def privacy_consumer() -> ConsumerSpec:
    handlers: dict[str, Handler] = {
        "customer.redact_requested": on_customer_redact,
        "shop.redact_requested": on_shop_redact,
    }
    return ConsumerSpec(name="survey.privacy", topics=(PRIVACY,), handlers=handlers)
