"""Bodies of the shop registry's operator API."""

from datetime import datetime
from typing import Annotated, Any
from urllib.parse import urlsplit
from zoneinfo import available_timezones

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    EmailStr,
    Field,
    SecretStr,
    field_validator,
)

from shared.events.envelope import ShopId
from shared.events.orders import Platform

_TIMEZONES = frozenset(available_timezones())


class ShopCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    shop_id: ShopId
    platform: Platform
    display_name: str = Field(min_length=1, max_length=255)
    locale: str = Field(default="en", min_length=2, max_length=35)
    country: str = Field(min_length=2, max_length=2, description="ISO 3166-1 alpha-2")
    timezone: str = Field(description="IANA name, e.g. Europe/Ljubljana")
    contact_email: EmailStr | None = Field(
        default=None,
        description="The shop's contact address: staff alerts go there until a support address "
        "is set in the notifier.",
    )
    webhook_secret: SecretStr | None = Field(
        default=None,
        min_length=16,
        max_length=512,
        description="The secret the platform signs with; generated when left out.",
    )

    @field_validator("timezone")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        if value not in _TIMEZONES:
            raise ValueError(f"unknown IANA timezone {value!r}")
        return value

    @field_validator("country")
    @classmethod
    def _upper_country(cls, value: str) -> str:
        # ASCII: "ß".upper() is "SS", so "ßß" would become four letters.
        if not (value.isascii() and value.isalpha()):
            raise ValueError("country must be two letters")
        return value.upper()


class SecretRotate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    webhook_secret: SecretStr | None = Field(default=None, min_length=16, max_length=512)


def _base_url(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise ValueError("must be an http(s) URL")
    if parts.query or parts.fragment:
        raise ValueError("must have no query or fragment")
    return value.rstrip("/")


def _number_as_text(value: Any) -> Any:
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


# The platform's API root; another one (a proxy, a test server) is allowed on purpose.
ApiBaseUrl = Annotated[str, Field(max_length=255), AfterValidator(_base_url)]
AccessToken = Annotated[SecretStr, Field(min_length=1, max_length=512)]


class _Credentials(BaseModel):
    model_config = ConfigDict(extra="forbid")

    access_token: AccessToken

    def stored(self) -> dict[str, Any]:
        """The form kept in `shops.api_credentials`: the token in clear, since fetches send it."""
        data = self.model_dump(exclude={"access_token"})
        data["access_token"] = self.access_token.get_secret_value()
        return data


class BigCommerceCredentials(_Credentials):
    """A store-level API account with the Orders read-only scope."""

    store_hash: str = Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9]+$")
    api_base_url: ApiBaseUrl = "https://api.bigcommerce.com"


class EcwidCredentials(_Credentials):
    """An app token with the read_orders scope. Ecwid orders carry no currency code (amounts
    are in the store's currency), so the store's currency is part of the shop's settings."""

    store_id: Annotated[
        str, BeforeValidator(_number_as_text), Field(max_length=20, pattern=r"^[0-9]+$")
    ]
    currency: str = Field(min_length=3, max_length=3, description="ISO 4217, e.g. EUR")
    api_base_url: ApiBaseUrl = "https://app.ecwid.com"

    @field_validator("currency")
    @classmethod
    def _upper_currency(cls, value: str) -> str:
        if not (value.isascii() and value.isalpha()):
            raise ValueError("currency must be three letters")
        return value.upper()


ApiCredentials = BigCommerceCredentials | EcwidCredentials
# Which platforms are fetched from their API, and the credentials each needs.
API_CREDENTIALS: dict[str, type[_Credentials]] = {
    "bigcommerce": BigCommerceCredentials,
    "ecwid": EcwidCredentials,
}


class ShopOut(BaseModel):
    shop_id: str
    platform: Platform
    display_name: str
    locale: str
    country: str
    timezone: str
    contact_email: str | None = None
    has_previous_secret: bool
    has_api_credentials: bool = Field(
        description="API credentials are set (the token itself is never shown)."
    )
    secret_rotated_at: datetime | None
    created_at: datetime
    updated_at: datetime


class ShopWithSecret(ShopOut):
    webhook_secret: str = Field(
        description="Shown once, at creation and rotation: configure it on the platform."
    )
    standard_webhooks_secret: str = Field(
        description=(
            "The same secret in the Standard Webhooks form (`whsec_` + base64 of the key): what "
            "review sources sign with, e.g. with the official `standardwebhooks` library."
        )
    )
