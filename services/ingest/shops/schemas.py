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
    HttpUrl,
    SecretStr,
    field_validator,
    model_validator,
)

from shared.countries import known_country
from shared.events.envelope import ShopId
from shared.events.orders import Platform
from shared.events.shops import MAX_RECIPIENTS, Sla
from shared.standard_webhooks import malformed_spec_secret

_TIMEZONES = frozenset(available_timezones())


def _known_timezone(value: str) -> str:
    if value not in _TIMEZONES:
        raise ValueError(f"unknown IANA timezone {value!r}")
    return value


def _country_code(value: str) -> str:
    # ASCII: "ß".upper() is "SS", so "ßß" would become four letters.
    if not (value.isascii() and value.isalpha()):
        raise ValueError("country must be two letters")
    # It decides the consent rule and the send window's zone: a typo ("XX") must not pass.
    return known_country(value.upper())


Recipients = Annotated[
    list[EmailStr],
    Field(max_length=MAX_RECIPIENTS, description=f"At most {MAX_RECIPIENTS} addresses."),
]
# Digits with the usual separators: shown to customers as is, never dialled by Reviewloop.
ContactPhone = Annotated[str, Field(min_length=3, max_length=40, pattern=r"^\+?[0-9][0-9 ()./-]*$")]


class ShopProfile(BaseModel):
    """The members of a shop's profile that operators edit (`PATCH /v1/admin/shops/{shop}`),
    validated as a whole: what the registry announces in `shop.updated`."""

    model_config = ConfigDict(extra="forbid")

    display_name: str = Field(min_length=1, max_length=255)
    locale: str = Field(default="en", min_length=2, max_length=35)
    country: Annotated[
        str,
        Field(min_length=2, max_length=2, description="ISO 3166-1 alpha-2"),
        AfterValidator(_country_code),
    ]
    timezone: Annotated[
        str,
        Field(max_length=64, description="IANA name, e.g. Europe/Ljubljana"),
        AfterValidator(_known_timezone),
    ]
    contact_email: EmailStr = Field(
        # Required: the default only lets the check below say why, next to any other error.
        default=None,
        validate_default=True,
        max_length=254,
        description="Where customers and staff reach the shop: survey emails' Reply-To, the "
        "private channel replies invite to, and the alert recipient of last resort.",
    )
    contact_url: HttpUrl | None = Field(default=None, description="A contact page, if any.")
    contact_phone: ContactPhone | None = None
    alert_recipients: Recipients = Field(
        default_factory=list,
        description="Alerted at once about a negative or severe review (empty: the contact "
        "address). Defaults to the contact address at creation.",
    )
    escalation_recipients: Recipients = Field(
        default_factory=list,
        description="Alerted when a review stays unanswered past the SLA (empty: the alert "
        "recipients).",
    )
    sla: Sla = Field(default_factory=Sla, description="The one reply SLA of the shop.")

    @field_validator("contact_email", mode="before")
    @classmethod
    def _contact_required(cls, value: Any) -> Any:
        if value is None:
            # Without it the first 1-star review of a new shop alerted nobody (issue #18).
            raise ValueError(
                "contact_email is required: survey emails are answered to it and staff alerts "
                "go to it while no alert_recipients are set"
            )
        return value

    def stored(self) -> dict[str, Any]:
        """The profile as JSON values, the form it is stored, compared and audited in."""
        return self.model_dump(mode="json")


# Members a PATCH may not name, and why (a bare "extra inputs are not permitted" helps nobody).
FIXED_MEMBERS = {
    "shop_id": "the shop id is fixed at registration",
    "platform": "the platform is fixed at registration: register a new shop for another one",
    "webhook_secret": "rotate it with POST /v1/admin/shops/{shop}/secrets/rotate",
    "version": "the version is the registry's: send it as If-Match instead",
}


def _spec_form(value: SecretStr | None) -> SecretStr | None:
    if value is not None and malformed_spec_secret(value.get_secret_value()):
        raise ValueError("a secret starting with whsec_ must be whsec_ followed by base64")
    return value


WebhookSecret = Annotated[
    SecretStr | None,
    Field(min_length=16, max_length=512),
    AfterValidator(_spec_form),
]


class ShopCreate(ShopProfile):
    shop_id: ShopId
    platform: Platform
    webhook_secret: Annotated[
        WebhookSecret,
        Field(description="The secret the platform signs with; generated when left out."),
    ] = None

    @model_validator(mode="before")
    @classmethod
    def _defaults(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        if data.get("alert_recipients") is None and data.get("contact_email") is not None:
            return {**data, "alert_recipients": [data["contact_email"]]}
        return data

    def profile(self) -> ShopProfile:
        return ShopProfile.model_validate(
            self.model_dump(exclude={"shop_id", "platform", "webhook_secret"})
        )


class SecretRotate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    webhook_secret: WebhookSecret = None


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
    version: int = Field(description="The profile's version, also its `ETag`.")
    display_name: str
    locale: str
    country: str
    timezone: str
    # None only for shops registered before a contact address was required.
    contact_email: str | None = None
    contact_url: str | None = None
    contact_phone: str | None = None
    alert_recipients: list[str]
    escalation_recipients: list[str]
    sla: Sla
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
