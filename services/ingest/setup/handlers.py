"""The responder's `shop.connector.changed`, read back from `reviewloop.shops`: whether a shop can
publish replies to a platform, for the readiness checklist. The shops topic also carries the
registry's own `shop.updated`, which this consumer has no handler for and skips."""

from services.ingest.setup import repository
from shared.db.pool import Connection
from shared.events.shops import ShopConnectorChanged
from shared.kafka.consumer import ConsumerSpec
from shared.kafka.handlers import Handlers
from shared.topics import SHOPS


async def on_connector_changed(conn: Connection, event: ShopConnectorChanged) -> None:
    p = event.payload
    await repository.record_connector(
        conn, event.shop_id, p.platform, p.connected, event.occurred_at
    )


def shop_connectors_consumer() -> ConsumerSpec:
    return ConsumerSpec(
        name="ingest.shop-connectors",
        topics=(SHOPS,),
        handlers=Handlers().on(ShopConnectorChanged, on_connector_changed),
    )
