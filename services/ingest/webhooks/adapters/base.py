"""What every platform adapter gives the webhook service, and helpers they share."""

import functools
import html
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal, Protocol, TypeVar, cast

import orjson
from email_validator import EmailNotValidError, validate_email
from pydantic import BaseModel, ValidationError

from services.ingest.orders.facts import OrderFacts
from shared.events.orders import Platform
from shared.time_bounds import TimeOutOfBounds, fact_time

M = TypeVar("M", bound=BaseModel)
F = TypeVar("F", bound=Callable[..., Any])


class PayloadError(ValueError):
    """A payload we cannot map: answered 422 with this reason."""


@dataclass(frozen=True)
class WebhookRequest:
    headers: dict[str, str]  # lower-cased names
    body: bytes
    received_at: datetime

    def json(self) -> Any:
        # orjson first (a third of json's time on a 9 KB order). It reads integers of more than
        # 64 bits as floats, losing digits, and refuses what json takes (a byte order mark,
        # NaN, escaped lone surrogates): such bodies go to json, whose answer is the one kept.
        if _DIGIT_RUN not in self.body.translate(_DIGITS_ONLY):
            try:
                data = orjson.loads(self.body)
            except orjson.JSONDecodeError:
                pass
            else:
                if b"\\u0000" in self.body:
                    return storable_text(data)
                return data
        try:
            # Strictly UTF-8 (json.loads would let bytes of lone surrogates through).
            data = json.loads(self.body.decode("utf-8-sig"))
        except ValueError as exc:
            # Not UTF-8, not JSON, or an integer of more digits than Python converts.
            raise PayloadError(f"body is not valid JSON: {str(exc)[:200]}") from None
        except RecursionError:
            raise PayloadError("body is nested too deeply") from None
        # Valid JSON, but PostgreSQL text and jsonb can hold neither NUL nor a lone surrogate
        # (`\ud800` escaped): drop NUL and replace the surrogate with U+FFFD rather than lose
        # the order or review (they never carry meaning). The byte search keeps the walk off
        # the common path.
        if b"\\u0000" in self.body or _SURROGATE_ESCAPE.search(self.body):
            return storable_text(data)
        return data


_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")
# Every digit as "0", everything else as a space: a run of 19 zeros is a number (or digits in
# a string) too long for orjson to read exactly. A bytes search, not a regex: 5 µs, not 90.
_DIGITS_ONLY = bytes(0x30 if 0x30 <= b <= 0x39 else 0x20 for b in range(256))
_DIGIT_RUN = b"0" * 19
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def storable_text(value: Any) -> Any:
    if isinstance(value, str):
        return _LONE_SURROGATE.sub("\ufffd", value.replace("\x00", ""))
    if isinstance(value, list):
        return [storable_text(v) for v in value]
    if isinstance(value, dict):
        return {storable_text(k): storable_text(v) for k, v in value.items()}
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

    def __post_init__(self) -> None:
        for facts in self.orders:
            check_times(facts)


def check_times(facts: OrderFacts) -> None:
    """Every time of the order within `shared.time_bounds.FactTime`, else PayloadError (422):
    a year-9999 delivery would be accepted here and poison every consumer that adds a delay.
    `observed_at` only orders deliveries and is never announced: Ecwid's documented examples
    carry 1970 there."""
    times: list[tuple[str, datetime | None]] = [
        ("paid_at", facts.paid_at),
        ("partially_fulfilled_at", facts.partially_fulfilled_at),
        ("fulfilled_at", facts.fulfilled_at),
        ("delivered_at", facts.delivered_at),
        ("cancelled_at", facts.cancelled_at),
    ]
    if facts.details is not None:
        times.append(("placed_at", facts.details.placed_at))
    times += [(f"refunds[{r.refund_id}].refunded_at", r.refunded_at) for r in facts.refunds]
    times += [(f"returns[{r.return_id}].returned_at", r.returned_at) for r in facts.returns]
    for name, value in times:
        if value is None:
            continue
        try:
            fact_time(value)
        except TimeOutOfBounds as exc:
            raise PayloadError(f"order {facts.order_id}: {name}: {exc}") from None


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
        raise PayloadError(_reason(exc, what)) from None


def _reason(exc: ValidationError, what: str) -> str:
    first = exc.errors()[0]
    where = ".".join(str(p) for p in first["loc"]) or "body"
    return f"{what}: {where}: {first['msg']}"


def refuses_unmappable(parse: F) -> F:
    """For a parser that builds event models from what it validated: a value those models
    refuse (a quantity or a name beyond the events' limits) is the payload's fault, a 422."""

    @functools.wraps(parse)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return parse(*args, **kwargs)
        except ValidationError as exc:
            raise PayloadError(_reason(exc, f"cannot map to {exc.title}")) from None

    return cast(F, wrapper)


def clean_email(value: str | None) -> str | None:
    """A deliverable-looking address, normalised; None for anything else (the order is kept)."""
    if not value:
        return None
    try:
        return validate_email(value, check_deliverability=False).normalized
    except EmailNotValidError:
        return None


def country_code(value: str | None) -> str | None:
    # ASCII: "ß".upper() is "SS", so "ßß" would become four letters.
    if value and len(value) == 2 and value.isascii() and value.isalpha():
        return value.upper()
    return None


def from_unix(seconds: int | float, what: str) -> datetime:
    try:
        return datetime.fromtimestamp(seconds, UTC)
    except (OverflowError, OSError, ValueError):
        raise PayloadError(f"{what}: not a time: {seconds}") from None


def unescape_html(value: str) -> str:
    """Text a platform sends HTML-escaped (WooCommerce: `Tea &amp; Co &ndash; 500 g`) as the
    plain text it stands for, decoded here, once, so every later use (emails, alerts, pages,
    each escaping for its own medium) starts from the same plain text. One pass: a literal
    `&amp;ndash;` stays `&ndash;`."""
    return html.unescape(value)


def full_name(first: str | None, last: str | None) -> str | None:
    name = " ".join(p for p in (first, last) if p)
    return name or None
