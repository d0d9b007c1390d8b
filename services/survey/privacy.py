"""GDPR requests from `reviewloop.privacy`: survey holds customers' email addresses."""

from services.survey.surveys import repository
from shared.db.pool import Connection
from shared.events.catalogue import Event
from shared.events.privacy import CustomerRedactRequested, ShopRedactRequested
from shared.kafka.consumer import ConsumerSpec, Handler
from shared.topics import PRIVACY


async def on_customer_redact(conn: Connection, event: Event) -> None:
    assert isinstance(event, CustomerRedactRequested)
    p = event.payload
    await repository.forget_customer(
        conn, event.shop_id, list(p.order_ids), str(p.email) if p.email else None
    )


async def on_shop_redact(conn: Connection, event: Event) -> None:
    assert isinstance(event, ShopRedactRequested)
    await repository.forget_shop(conn, event.shop_id)


def privacy_consumer() -> ConsumerSpec:
    handlers: dict[str, Handler] = {
        "customer.redact_requested": on_customer_redact,
        "shop.redact_requested": on_shop_redact,
    }
    return ConsumerSpec(name="survey.privacy", topics=(PRIVACY,), handlers=handlers)
