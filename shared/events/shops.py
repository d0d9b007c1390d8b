"""Shop (tenant) events, published by ingest's shop registry on `reviewloop.shops`.

Services keep their own copy of what they need (timezone for send windows, locale for texts).
Secrets never leave ingest.
"""

from typing import ClassVar, Literal

from pydantic import Field

from shared.events.envelope import ShopKeyedEvent
from shared.events.orders import Platform
from shared.events.payload import Payload
from shared.topics import SHOPS, TopicSpec


class ShopUpdatedPayload(Payload):
    platform: Platform
    display_name: str = Field(max_length=255)
    locale: str = Field(max_length=35)
    country: str = Field(min_length=2, max_length=2)
    timezone: str = Field(max_length=64)
    # The shop's own contact address: staff alerts go there when the shop has set no support
    # address of its own (the notifier's `support_email`).
    contact_email: str | None = Field(default=None, max_length=254)


class ShopUpdated(ShopKeyedEvent[ShopUpdatedPayload]):
    topic: ClassVar[TopicSpec] = SHOPS
    type: Literal["shop.updated"] = "shop.updated"
