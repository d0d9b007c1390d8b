"""Bodies of the operators' GDPR API."""

from datetime import datetime
from typing import Self

from pydantic import BaseModel, ConfigDict, EmailStr, Field, model_validator
from typing_extensions import TypeAliasType

from shared.events.envelope import ExternalId

# A value of an exported record: what a service stored, as JSON (a column, or a JSON document
# such as an order's details).
Json = TypeAliasType("Json", "str | int | float | bool | list[Json] | dict[str, Json] | None")


class CustomerRedaction(BaseModel):
    model_config = ConfigDict(extra="forbid")

    customer_id: ExternalId | None = Field(default=None, description="The platform's id.")
    email: EmailStr | None = None
    order_ids: list[ExternalId] = Field(
        default_factory=list,
        max_length=10_000,
        description="Orders to redact besides those found by customer id or email.",
    )
    request_id: ExternalId | None = Field(
        default=None,
        description="Your reference (a ticket number); generated when left out. "
        "A request id can be used once per shop.",
    )

    @model_validator(mode="after")
    def _someone(self) -> Self:
        if self.customer_id is None and self.email is None:
            raise ValueError("give customer_id or email (or both)")
        return self


class RedactionAccepted(BaseModel):
    shop_id: str
    request_id: str
    status: str = Field(
        default="accepted",
        description="Ingest's own data is redacted; the other services follow through Kafka.",
    )


class DataExport(BaseModel):
    request_id: str
    customer_id: str | None
    email: str | None
    order_ids: list[str]
    parts: dict[str, dict[str, Json]] = Field(
        description="By service (ingest, survey, notifier, responder), then by kind of data "
        "(orders, reviews, surveys, ...): the records (JSON objects) that service holds about "
        "the customer."
    )
    requested_at: datetime
    updated_at: datetime
    complete: bool = Field(description="Every service holding personal data has answered.")
    missing_parts: list[str] = Field(description="The services that have not answered yet.")
