"""Ingest's own privacy events, read back from `reviewloop.privacy`: other services' parts of a
data request arrive as `customer.data_exported`; a `customer.redact_requested` ingest published
(its tables were redacted when it was written) clears the outbox copies of the customer's
events, the request itself included, which can only go once it is on Kafka."""

from services.ingest.privacy import repository
from shared.db.pool import Connection
from shared.events.privacy import CustomerDataExported, CustomerRedactRequested
from shared.kafka.consumer import ConsumerSpec
from shared.kafka.handlers import Handlers
from shared.outbox import repository as outbox
from shared.topics import PRIVACY


async def on_data_exported(conn: Connection, event: CustomerDataExported) -> None:
    p = event.payload
    await repository.add_part(conn, event.shop_id, p.request_id, p.service, p.data)


async def on_redact_requested(conn: Connection, event: CustomerRedactRequested) -> None:
    p = event.payload
    # Order events are keyed by order, review events by ingest's review id.
    keys = [f"{event.shop_id}:{key}" for key in (*p.order_ids, *p.review_ids)]
    await outbox.forget_sent(conn, event.shop_id, keys, [event.event_id])


def data_export_consumer() -> ConsumerSpec:
    return ConsumerSpec(
        name="ingest.data-exports",
        topics=(PRIVACY,),
        handlers=Handlers()
        .on(CustomerDataExported, on_data_exported)
        .on(CustomerRedactRequested, on_redact_requested),
    )
