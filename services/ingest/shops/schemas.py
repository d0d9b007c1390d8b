"""Bodies of the shop registry's operator API."""

from datetime import datetime
from zoneinfo import available_timezones

from pydantic import BaseModel, ConfigDict, Field, SecretStr, field_validator

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
        if not value.isalpha():
            raise ValueError("country must be two letters")
        return value.upper()


class SecretRotate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    webhook_secret: SecretStr | None = Field(default=None, min_length=16, max_length=512)


class ShopOut(BaseModel):
    shop_id: str
    platform: Platform
    display_name: str
    locale: str
    country: str
    timezone: str
    has_previous_secret: bool
    secret_rotated_at: datetime | None
    created_at: datetime
    updated_at: datetime


class ShopWithSecret(ShopOut):
    webhook_secret: str = Field(
        description="Shown once, at creation and rotation: configure it on the platform."
    )
