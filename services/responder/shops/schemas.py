"""Request and response bodies of shops, their settings and their reply connectors (the
settings model itself is `config.ShopSettings`, the connection bodies `connections.py`)."""

from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, HttpUrl

Platform = Literal["trustpilot", "google"]


class Shop(BaseModel):
    """A shop in the caller's scope. Until `shop.updated` tells about it, only `shop_id` and
    `connector_configured` are present."""

    shop_id: str
    display_name: str | None = None
    locale: str | None = None
    country: str | None = None
    timezone: str | None = None
    connector_configured: bool


class ConnectorIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    url: HttpUrl


class ConnectorSet(BaseModel):
    url: str
    configured: bool
    signing_secret: str = Field(description="Shown only in this answer.")


class TrustpilotConnection(BaseModel):
    platform: Literal["trustpilot"]
    base_url: str
    business_user_id: str
    access_token_set: bool
    updated_at: datetime


class GoogleConnection(BaseModel):
    platform: Literal["google"]
    base_url: str
    account_id: str
    location_id: str
    access_token_set: bool
    updated_at: datetime


Connection = Annotated[TrustpilotConnection | GoogleConnection, Field(discriminator="platform")]


class Connector(BaseModel):
    """The signed webhook (its secret is never shown again) and the platform connections."""

    url: str | None
    configured: bool
    platforms: dict[str, Connection]
