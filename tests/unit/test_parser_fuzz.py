"""A fuzz corpus for every webhook adapter and review source, called directly: truncated JSON,
huge numbers, deep nesting, wrong types and unicode edge cases, grown from the platforms' own
payloads. Each parser must either refuse with `PayloadError` (answered 4xx) or give something the
rest of ingest can store and announce: never any other exception (a 500 the platform retries
forever, or a review that jams the classifier)."""

import json
from datetime import UTC, datetime
from decimal import Decimal
from types import ModuleType
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from services.ingest.orders import document
from services.ingest.orders.state import apply, new_state
from services.ingest.reviews.sources import PARSERS, generic, google, trustpilot
from services.ingest.reviews.sources.base import ReviewFact
from services.ingest.webhooks.adapters import (
    ADAPTERS,
    bigcommerce,
    ecwid,
    shopify,
    standard,
    woocommerce,
)
from services.ingest.webhooks.adapters.base import Delivery, PayloadError, WebhookRequest
from shared.events import orders, parse_event
from shared.events.catalogue import serialize_event
from shared.events.reviews import ReviewClassifiedPayload, ReviewDeletedPayload
from tests.support.platforms import fixture, live_shopify_order

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
FUZZ = settings(
    max_examples=100,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)

STANDARD_ORDER = {
    "type": "order.updated",
    "timestamp": "2026-11-20T10:00:00Z",
    "data": {
        "order_id": "S-1",
        "placed_at": "2026-11-18T10:00:00+01:00",
        "currency": "EUR",
        "customer": {"email": "ana@example.com", "name": "Ana", "country": "SI"},
        "items": [{"product_id": "p", "name": "Tea", "quantity": 1, "unit_price": "4.50"}],
        "paid_at": "2026-11-18T10:05:00+01:00",
    },
}
GOOGLE_REVIEW = {
    "reviewId": "abc",
    "reviewer": {"displayName": "Marta K.", "isAnonymous": False},
    "starRating": "TWO",
    "comment": "Paket je prišel poškodovan.",
    "createTime": "2026-11-20T08:00:00Z",
    "updateTime": "2026-11-21T08:00:00Z",
}
GENERIC_REVIEW = {
    "type": "review.created",
    "data": {
        "review_id": "r-1",
        "rating": 2,
        "title": "Late",
        "text": "Arrived a week late.",
        "language": "en",
        "created_at": "2026-11-20T08:00:00Z",
        "reviewer": {"name": "Jo", "email": "jo@example.com"},
        "order_id": "1001",
        "product_id": "p-1",
    },
}

# (platform, headers, seed payload); the headers each adapter reads besides the signature.
WEBHOOK_SEEDS: list[tuple[str, dict[str, str], Any]] = [
    *(
        ("shopify", {"x-shopify-topic": topic}, fixture("shopify", name))
        for topic, name in (
            ("orders/create", "orders__create"),
            ("orders/paid", "orders__create.captured_test_order"),
            ("fulfillments/update", "fulfillments__update"),
            ("refunds/create", "refunds__create"),
            ("customers/redact", "customers__redact"),
            ("customers/data_request", "customers__data_request"),
            ("returns/approve", "refunds__create"),
        )
    ),
    *(
        ("woocommerce", {"x-wc-webhook-topic": topic}, fixture("woocommerce", name))
        for topic, name in (
            ("order.created", "order.created"),
            ("order.updated", "order.updated"),
            ("order.deleted", "order.created"),
        )
    ),
    *(
        ("bigcommerce", {}, fixture("bigcommerce", name))
        for name in (
            "store__order__created",
            "store__order__refund__created",
            "store__order__statusUpdated",
            "store__shipment__created",
        )
    ),
    *(("ecwid", {}, fixture("ecwid", n)) for n in ("order.created", "order.updated.legacy")),
    ("standard", {}, STANDARD_ORDER),
]
REVIEW_SEEDS: list[tuple[str, Any]] = [
    ("trustpilot", fixture("trustpilot", "service-review-created")),
    ("trustpilot", fixture("trustpilot", "service-review-created.captured")),
    ("google", GOOGLE_REVIEW),
    ("google", {"eventType": "UPDATED_REVIEW", "review": GOOGLE_REVIEW}),
    ("google", {"reviews": [GOOGLE_REVIEW, {**GOOGLE_REVIEW, "reviewId": "def"}]}),
    ("generic", GENERIC_REVIEW),
    ("generic", {"type": "review.deleted", "data": {"review_id": "r-1"}}),
]

# -- hostile values ------------------------------------------------------------------------------

EDGE_STRINGS = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "\ud800",  # lone high surrogate
    "\udfff",  # lone low surrogate
    "x\udc80y",
    "\u202eevil\u202c",  # right-to-left override
    "\u200f\u05e9\u05dc\u05d5\u05dd",  # RTL mark + Hebrew
    "\ufeff",
    "\U0001f600\U0001f469\u200d\U0001f469\u200d\U0001f467",  # emoji, ZWJ sequence
    "e\u0301" * 50,
    "<script>alert(1)</script>",
    "'; DROP TABLE orders; --",
    "\r\nBcc: victim@example.com",
    "2026-13-45T99:99:99Z",
    "2026-11-20T10:00:00",  # no offset
    "9999-12-31T23:59:59-14:00",
    "0001-01-01T00:00:00+14:00",
    "NaN",
    "-1",
    "1e309",
    "x" * 600,
    "i" * 128,  # the longest id the events take
    "n" * 256,
    "\U0010ffff" * 3,
]
HUGE_NUMBERS = [
    2**53 + 1,
    2**63,
    -(2**63) - 1,
    10**30,
    -(10**30),
    10**400,
    1e308,
    -1e308,
    5e-324,
    0,
    -1,
    True,
]


def nested(depth: int) -> Any:
    value: Any = "deep"
    for i in range(depth):
        value = [value] if i % 2 else {"k": value}
    return value


leaf_values = st.one_of(
    st.sampled_from(EDGE_STRINGS),
    st.sampled_from(HUGE_NUMBERS),
    st.none(),
    st.booleans(),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=40),
    st.integers(),
)
SPECIAL = [*EDGE_STRINGS, *HUGE_NUMBERS, None, [], {}, [None], {"": None}]
hostile_values = st.one_of(
    # The listed edge cases most of the time; random values and deep nesting besides.
    st.sampled_from(SPECIAL),
    st.sampled_from(SPECIAL),
    st.sampled_from(SPECIAL),
    leaf_values,
    st.integers(min_value=10, max_value=400).map(nested),
    st.lists(leaf_values, max_size=4),
    st.dictionaries(st.text(max_size=8), leaf_values, max_size=4),
)


def model_fields(*modules: ModuleType) -> frozenset[str]:
    """The keys the parsers' models read: changing any other key changes nothing."""
    names: set[str] = set()
    for module in modules:
        for obj in vars(module).values():
            if isinstance(obj, type) and issubclass(obj, BaseModel):
                names.update(obj.model_fields)
    return frozenset(names)


READ_KEYS = model_fields(
    shopify,
    woocommerce,
    bigcommerce,
    ecwid,
    standard,
    document,
    orders,
    generic,
    google,
    trustpilot,
)


def paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a JSON document where a value can be replaced (that a parser reads)."""
    found = [prefix]
    if isinstance(value, dict):
        for k, v in value.items():
            if k in READ_KEYS:
                found += paths(v, (*prefix, k))
    elif isinstance(value, list) and value:
        # Lists hold items of one kind: the first stands for the others.
        found += paths(value[0], (*prefix, 0))
    return found


def replaced(value: Any, path: tuple[Any, ...], new: Any) -> Any:
    if not path:
        return new
    head, rest = path[0], path[1:]
    if isinstance(value, dict):
        return {**value, head: replaced(value[head], rest, new)}
    copy = list(value)
    copy[head] = replaced(copy[head], rest, new)
    return copy


@st.composite
def mutated(draw: st.DrawFn, seed: Any) -> Any:
    """The seed with one to three places changed to something hostile (or dropped)."""
    doc = seed
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(paths(doc)))
        if path and isinstance(parent := _at(doc, path[:-1]), dict) and draw(st.booleans()):
            doc = replaced(doc, path[:-1], {k: v for k, v in parent.items() if k != path[-1]})
        else:
            doc = replaced(doc, path, draw(hostile_values))
    return doc


def _at(doc: Any, path: tuple[Any, ...]) -> Any:
    for p in path:
        doc = doc[p]
    return doc


def encoded(doc: Any, ascii_only: bool) -> bytes:
    """JSON as a platform might send it: escaped, or raw UTF-8 (lone surrogates then become
    bytes that are not UTF-8)."""
    text = json.dumps(doc, ensure_ascii=ascii_only, default=str)
    return text.encode("utf-8", "surrogatepass")


HUGE_MARK = "__huge_integer__"
WRONG_TYPES = [None, [], {}, True, "x", 1, 1.5, [None], {"": None}, nested(300)]


def sweep_values(current: Any) -> list[Any]:
    """The values the systematic sweep puts in place of `current`: edge cases of its own kind
    and every other kind once (a string where a number was, a list where a string was...)."""
    if isinstance(current, str):
        return [*EDGE_STRINGS, *WRONG_TYPES]
    if isinstance(current, int | float):
        return [*HUGE_NUMBERS, *WRONG_TYPES]
    if current is None:
        return [*SPECIAL, nested(300)]
    return WRONG_TYPES


def encodings(value: Any) -> tuple[bool, ...]:
    """Escaped JSON, and raw UTF-8 too where it makes a difference."""
    return (True, False) if isinstance(value, str) and not value.isascii() else (True,)


@st.composite
def bodies(draw: st.DrawFn, seed: Any) -> bytes:
    kind = draw(
        st.sampled_from(["mutated", "mutated", "mutated", "truncated", "raw", "deep", "huge"])
    )
    if kind == "mutated":
        return encoded(draw(mutated(seed)), draw(st.booleans()))
    whole = encoded(seed, draw(st.booleans()))
    if kind == "truncated":
        return whole[: draw(st.integers(0, max(len(whole) - 1, 0)))]
    if kind == "huge":
        # An integer of more digits than Python converts (4300) where the seed had a value.
        path = draw(st.sampled_from(paths(seed)[1:] or [()]))
        return encoded(replaced(seed, path, HUGE_MARK), True).replace(
            json.dumps(HUGE_MARK).encode(), b"7" * 5000
        )
    if kind == "deep":
        depth = draw(st.sampled_from([100, 1000, 5000, 100_000]))
        opener, closer = draw(st.sampled_from([(b"[", b"]"), (b'{"a":', b"}")]))
        return opener * depth + b"1" + closer * depth
    return draw(
        st.one_of(
            st.binary(max_size=64),
            st.sampled_from(
                [
                    *(b"", b"null", b"[]", b"{}", b"1e999999", b"-0", b'"\\ud800"', b"\xff\xfe{"),
                    *(b"1" * 5000, b'{"id": ' + b"9" * 4301 + b"}", b"\xef\xbb\xbf{}"),
                ]
            ),
        )
    )


# -- what "valid" means --------------------------------------------------------------------------


def storable(value: object, what: str) -> None:
    """PostgreSQL text and jsonb take neither NUL nor text that is not UTF-8."""
    if isinstance(value, str):
        assert "\x00" not in value, f"{what}: NUL"
        value.encode("utf-8")  # raises on lone surrogates
    elif isinstance(value, datetime):
        assert value.tzinfo is not None, f"{what}: naive datetime"
    elif isinstance(value, dict):
        for k, v in value.items():
            storable(k, what)
            storable(v, f"{what}.{k}")
    elif isinstance(value, list | tuple):
        for i, v in enumerate(value):
            storable(v, f"{what}[{i}]")
    elif hasattr(value, "__dataclass_fields__"):
        for name in value.__dataclass_fields__:
            storable(getattr(value, name), f"{what}.{name}")


def check_delivery(delivery: Delivery) -> None:
    assert isinstance(delivery, Delivery)
    for value, what in (
        (delivery.topic, "topic"),
        (delivery.dedupe_key, "dedupe_key"),
        (delivery.order_id, "order_id"),
        (delivery.privacy, "privacy"),
        (delivery.orders, "orders"),
    ):
        storable(value, what)
    # The raw payload of a thin delivery is stored as jsonb next to the raw body.
    payload = json.dumps(delivery.payload, default=str, ensure_ascii=False)
    assert "\\u0000" not in payload, "payload: NUL"
    payload.encode("utf-8")
    for facts in delivery.orders:
        # The events these facts announce build and survive the trip through Kafka.
        _, events = apply(new_state("fuzz-shop", facts), facts)
        for event in events:
            assert parse_event(serialize_event(event)) == event


CLASSIFICATION = {
    "model_version": "fuzz",
    "language": "en",
    "language_confidence": 0.5,
    "sentiment": "neutral",
    "sentiment_confidence": 0.5,
    "star_text_mismatch": False,
    "severity": "low",
    "removal_candidate": False,
}


def check_review_facts(facts: list[ReviewFact]) -> None:
    assert isinstance(facts, list) and facts
    for fact in facts:
        assert isinstance(fact, ReviewFact)
        storable(fact, "review")
        assert fact.rating is None or 1 <= fact.rating <= 5
        if fact.operation == "delete":
            ReviewDeletedPayload(
                review_id=fact.review_id, source=fact.source, deleted_at=fact.updated_at
            )
            continue
        # What the classification worker will announce for it: a review it cannot announce
        # would stall the worker's batch on every retry.
        assert fact.created_at is not None
        ReviewClassifiedPayload(
            review_id=fact.review_id,
            source=fact.source,
            source_review_id=fact.source_review_id,
            case_key=f"review:{fact.review_id}",
            revision=1,
            rating=fact.rating,
            title=fact.title,
            text=fact.text,
            reviewer_name=fact.reviewer_name,
            product_id=fact.product_id,
            verified=False,
            created_at=fact.created_at,
            updated_at=fact.updated_at,
            classification=CLASSIFICATION,  # type: ignore[arg-type]
        )


def parse_webhook(platform: str, headers: dict[str, str], body: bytes) -> None:
    request = WebhookRequest(
        {**headers, "webhook-id": "msg_1", "x-shopify-event-id": "1"}, body, NOW
    )
    adapter = ADAPTERS[platform]
    try:
        delivery = adapter.parse(request)
    except PayloadError:
        return
    check_delivery(delivery)


def parse_reviews(source: str, body: bytes) -> None:
    request = WebhookRequest({}, body, NOW)
    try:
        facts = PARSERS[source](request.json(), NOW)
    except PayloadError:
        return
    check_review_facts(facts)


# -- the corpus ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("platform", "headers", "seed"), WEBHOOK_SEEDS)
def test_the_seed_payloads_themselves_are_valid(platform, headers, seed) -> None:
    request = WebhookRequest({**headers, "webhook-id": "m", "x-shopify-event-id": "1"}, b"", NOW)
    body = json.dumps(seed).encode()
    check_delivery(ADAPTERS[platform].parse(WebhookRequest(request.headers, body, NOW)))


@pytest.mark.parametrize(
    ("platform", "headers", "seed"),
    WEBHOOK_SEEDS,
    ids=[f"{p}-{i}" for i, (p, *_) in enumerate(WEBHOOK_SEEDS)],
)
@FUZZ
@given(data=st.data())
def test_webhook_adapters_refuse_or_map_hostile_bodies(platform, headers, seed, data) -> None:
    parse_webhook(platform, headers, data.draw(bodies(seed), label="body"))


# One of each payload shape (the captured Shopify order and a deleted Woo order add nothing to
# the systematic sweep that the random one does not try).
SWEPT = [seed for i, seed in enumerate(WEBHOOK_SEEDS) if i not in (1, 9)]


@pytest.mark.parametrize(
    ("platform", "headers", "seed"), SWEPT, ids=[f"{p}-{i}" for i, (p, *_) in enumerate(SWEPT)]
)
def test_every_field_of_the_webhooks_replaced_by_every_edge_value(platform, headers, seed) -> None:
    """The systematic part of the corpus: each place in each payload, alone, given each
    listed value (and removed), in both JSON encodings."""
    for path in paths(seed):
        for value in sweep_values(_at(seed, path)):
            for ascii_only in encodings(value):
                parse_webhook(platform, headers, encoded(replaced(seed, path, value), ascii_only))


@FUZZ
@given(
    platform=st.sampled_from(sorted(ADAPTERS)),
    headers=st.dictionaries(
        st.sampled_from(
            [
                "x-shopify-topic",
                "x-shopify-triggered-at",
                "x-shopify-event-id",
                "x-shopify-webhook-id",
                "x-wc-webhook-topic",
                "x-wc-webhook-delivery-id",
                "webhook-id",
            ]
        ),
        # What an HTTP header value can hold: latin-1 text without control characters.
        st.one_of(
            st.sampled_from(
                [
                    s
                    for s in EDGE_STRINGS
                    if s == s.encode("latin-1", "ignore").decode() and s.isprintable()
                ]
            ),
            st.sampled_from(["orders/create", "order.created", "refunds/create", "shop/redact"]),
            # Latin-1 digits that are not int()'s ("²", "³", "¹") and times at the ends of
            # datetime's range.
            st.sampled_from(
                [
                    "\u00b2",
                    "1\u00b9\u00b2\u00b3",
                    "9" * 40,
                    "0001-01-01T00:00:00Z",
                    "9999-12-31T23:59:59.999999+00:00",
                    "9999-12-31T23:59:59-14:00",
                    "2026-11-20T10:00:00",
                ]
            ),
            st.text(
                st.characters(min_codepoint=0x20, max_codepoint=0xFF, exclude_characters="\x7f"),
                max_size=30,
            ),
        ),
    ),
    seed=st.sampled_from([s for _, _, s in WEBHOOK_SEEDS]),
)
def test_webhook_adapters_refuse_or_map_hostile_headers(platform, headers, seed) -> None:
    adapter = ADAPTERS[platform]
    body = json.dumps(seed).encode()
    try:
        delivery = adapter.parse(WebhookRequest(headers, body, NOW))
    except PayloadError:
        return
    check_delivery(delivery)


@pytest.mark.parametrize(("source", "seed"), REVIEW_SEEDS, ids=[s for s, _ in REVIEW_SEEDS])
def test_the_review_seeds_themselves_are_valid(source, seed) -> None:
    check_review_facts(PARSERS[source](seed, NOW))


@pytest.mark.parametrize(
    ("source", "seed"), REVIEW_SEEDS, ids=[f"{s}-{i}" for i, (s, _) in enumerate(REVIEW_SEEDS)]
)
@FUZZ
@given(data=st.data())
def test_review_sources_refuse_or_map_hostile_bodies(source, seed, data) -> None:
    parse_reviews(source, data.draw(bodies(seed), label="body"))


@pytest.mark.parametrize(
    ("source", "seed"), REVIEW_SEEDS, ids=[f"{s}-{i}" for i, (s, _) in enumerate(REVIEW_SEEDS)]
)
def test_every_field_of_the_reviews_replaced_by_every_edge_value(source, seed) -> None:
    for path in paths(seed):
        for value in sweep_values(_at(seed, path)):
            for ascii_only in encodings(value):
                parse_reviews(source, encoded(replaced(seed, path, value), ascii_only))


@pytest.mark.parametrize(
    "body",
    [
        # Found by the corpus above; kept as plain cases so they never depend on the search.
        b'{"created_at": 100000000000000000000, "hash": "h", "scope": "store/order/created",'
        b' "data": {"type": "order", "id": 1}}',
        b'{"created_at": -100000000000000, "hash": "h", "scope": "store/order/created",'
        b' "data": {"type": "order", "id": 1}}',
    ],
)
def test_bigcommerce_times_out_of_range_are_refused(body: bytes) -> None:
    with pytest.raises(PayloadError, match="created_at"):
        ADAPTERS["bigcommerce"].parse(WebhookRequest({}, body, NOW))


@pytest.mark.parametrize("digits", [4301, 100_000])
def test_integers_of_too_many_digits_are_refused(digits: int) -> None:
    body = b'{"created_at": ' + b"1" * digits + b', "hash": "h", "scope": "store/order/created"}'
    with pytest.raises(PayloadError, match="not valid JSON"):
        ADAPTERS["bigcommerce"].parse(WebhookRequest({}, body, NOW))


def test_lone_surrogates_become_replacement_characters() -> None:
    order = live_shopify_order("orders__create")
    order["customer"]["first_name"] = "Jo\ud800hn"
    body = json.dumps(order).encode()
    assert b"\\ud800" in body
    request = WebhookRequest(
        {"x-shopify-topic": "orders/create", "x-shopify-event-id": "1"}, body, NOW
    )
    delivery = ADAPTERS["shopify"].parse(request)
    check_delivery(delivery)
    (facts,) = delivery.orders
    assert facts.details is not None and facts.details.customer.name == "Jo\ufffdhn Smith"


@pytest.mark.parametrize(
    "value", [Decimal("1e400"), "\ud83d\ude00", "\U0001f600"], ids=["decimal", "pair", "emoji"]
)
def test_valid_surrogate_pairs_and_big_decimals_in_names(value) -> None:
    review = {**GENERIC_REVIEW, "data": {**GENERIC_REVIEW["data"], "text": f"ok {value}"}}
    body = json.dumps(review, default=str).encode()
    facts = PARSERS["generic"](WebhookRequest({}, body, NOW).json(), NOW)
    check_review_facts(facts)
    assert facts[0].text is not None and "\ufffd" not in facts[0].text
