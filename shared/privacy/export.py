"""A service's answer to `customer.data_requested`: what it holds about the customer, as one
`customer.data_exported` event that ingest adds to the request's export."""

from typing import Any

from shared.db.pool import Connection
from shared.db.unit_of_work import within
from shared.events.privacy import (
    CustomerDataExported,
    CustomerDataExportedPayload,
    CustomerDataRequested,
    DataService,
    export_data,
)


async def answer_data_request(
    conn: Connection, request: CustomerDataRequested, service: DataService, data: dict[str, Any]
) -> CustomerDataExported:
    """Emits the service's part in the handler's transaction (sent if and only if it commits)."""
    answer = CustomerDataExported(
        shop_id=request.shop_id,
        payload=CustomerDataExportedPayload(
            request_id=request.payload.request_id, service=service, data=export_data(data)
        ),
    )
    await within(conn).emit(answer)
    return answer
