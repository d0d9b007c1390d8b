"""GDPR requests, published by ingest on `reviewloop.privacy` for every service holding
personal data: redaction deletes or irreversibly anonymises; a data request asks each service
for what it holds about the customer."""

from typing import Any, ClassVar, Literal

from pydantic import EmailStr, Field
from pydantic_core import to_jsonable_python

from shared.events.envelope import ExternalId, ShopKeyedEvent
from shared.events.payload import Payload
from shared.topics import PRIVACY, TopicSpec


class CustomerRef(Payload):
    customer_id: ExternalId | None = None
    email: EmailStr | None = None
    order_ids: list[ExternalId] = Field(default_factory=list, max_length=10_000)


class CustomerRedactRequestedPayload(CustomerRef):
    request_id: ExternalId
    # Reviews ingest tied to the customer, by order or by the reviewer's address: a review
    # matched by address alone has no order id the other services could find it by.
    review_ids: list[ExternalId] = Field(default_factory=list, max_length=10_000)


class CustomerDataRequestedPayload(CustomerRef):
    request_id: ExternalId


class ShopRedactRequestedPayload(Payload):
    request_id: ExternalId


class CustomerRedactRequested(ShopKeyedEvent[CustomerRedactRequestedPayload]):
    topic: ClassVar[TopicSpec] = PRIVACY
    type: Literal["customer.redact_requested"] = "customer.redact_requested"


class CustomerDataRequested(ShopKeyedEvent[CustomerDataRequestedPayload]):
    topic: ClassVar[TopicSpec] = PRIVACY
    type: Literal["customer.data_requested"] = "customer.data_requested"


class ShopRedactRequested(ShopKeyedEvent[ShopRedactRequestedPayload]):
    topic: ClassVar[TopicSpec] = PRIVACY
    type: Literal["shop.redact_requested"] = "shop.redact_requested"


# The services that hold personal data, each answering data requests with its part.
DataService = Literal["ingest", "survey", "notifier", "responder"]


class CustomerDataExportedPayload(Payload):
    """One service's part of a data request: what it holds about the customer."""

    request_id: ExternalId
    service: DataService
    data: dict[str, Any]


def export_data(data: dict[str, Any]) -> dict[str, Any]:
    """A service's part as plain JSON: timestamps in ISO 8601 (`str()` would write a space for
    the `T`), decimals and ids as strings."""
    plain: dict[str, Any] = to_jsonable_python(data, fallback=str)
    return plain


class CustomerDataExported(ShopKeyedEvent[CustomerDataExportedPayload]):
    topic: ClassVar[TopicSpec] = PRIVACY
    type: Literal["customer.data_exported"] = "customer.data_exported"
