"""What every platform adapter gives the webhook service, and helpers they share."""

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal, Protocol, TypeVar

from email_validator import EmailNotValidError, validate_email
from pydantic import BaseModel, ValidationError

from services.ingest.orders.facts import OrderFacts
from shared.events.orders import Platform

M = TypeVar("M", bound=BaseModel)


class PayloadError(ValueError):
    """A payload we cannot map: answered 422 with this reason."""


@dataclass(frozen=True)
class WebhookRequest:
    headers: dict[str, str]  # lower-cased names
    body: bytes
    received_at: datetime

    def json(self) -> Any:
        try:
            data = json.loads(self.body)
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise PayloadError(f"body is not valid JSON: {exc}") from None
        except RecursionError:
            raise PayloadError("body is nested too deeply") from None
        # Valid JSON, but PostgreSQL text and jsonb cannot hold NUL: drop the character rather
        # than the order or review (it never carries meaning). The byte search keeps the walk
        # off the common path.
        return without_nul(data) if b"\\u0000" in self.body else data


def without_nul(value: Any) -> Any:
    if isinstance(value, str):
        return value.replace("\x00", "")
    if isinstance(value, list):
        return [without_nul(v) for v in value]
    if isinstance(value, dict):
        return {without_nul(k): without_nul(v) for k, v in value.items()}
    return value


@dataclass(frozen=True)
class PrivacyRequest:
    kind: Literal["customer.redact", "customer.data_request", "shop.redact"]
    request_id: str
    customer_id: str | None = None
    email: str | None = None
    order_ids: tuple[str, ...] = ()


Outcome = Literal["processed", "ignored", "needs_fetch"]


@dataclass(frozen=True)
class Delivery:
    topic: str
    dedupe_key: str
    outcome: Outcome = "processed"
    orders: tuple[OrderFacts, ...] = ()
    privacy: PrivacyRequest | None = None
    # The order a thin or ignored delivery is about, when known (for fetching and GDPR).
    order_id: str | None = None
    payload: Any = field(default=None, compare=False)


class PlatformAdapter(Protocol):
    platform: Platform

    def is_ping(self, request: WebhookRequest) -> bool: ...

    def verify(self, request: WebhookRequest, secrets: list[str]) -> bool: ...

    def parse(self, request: WebhookRequest) -> Delivery: ...


def validate_model(model: type[M], data: Any, what: str) -> M:
    """Pydantic validation with a 422-ready reason naming the first bad field."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "body"
        raise PayloadError(f"{what}: {where}: {first['msg']}") from None


def clean_email(value: str | None) -> str | None:
    """A deliverable-looking address, normalised; None for anything else (the order is kept)."""
    if not value:
        return None
    try:
        return validate_email(value, check_deliverability=False).normalized
    except EmailNotValidError:
        return None


def country_code(value: str | None) -> str | None:
    if value and len(value) == 2 and value.isalpha():
        return value.upper()
    return None


def from_unix(seconds: int | float) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)


def full_name(first: str | None, last: str | None) -> str | None:
    name = " ".join(p for p in (first, last) if p)
    return name or None
