"""Other services' parts of a data request arrive as `customer.data_exported`."""

from services.ingest.privacy import repository
from shared.db.pool import Connection
from shared.events.catalogue import Event
from shared.events.privacy import CustomerDataExported
from shared.kafka.consumer import ConsumerSpec
from shared.topics import PRIVACY


async def on_data_exported(conn: Connection, event: Event) -> None:
    assert isinstance(event, CustomerDataExported)
    p = event.payload
    await repository.add_part(conn, event.shop_id, p.request_id, p.service, p.data)


def data_export_consumer() -> ConsumerSpec:
    return ConsumerSpec(
        name="ingest.data-exports",
        topics=(PRIVACY,),
        handlers={"customer.data_exported": on_data_exported},
    )
