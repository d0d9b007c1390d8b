"""Fetched orders: the platforms' documented API answers (tests/fixtures/platform_api, see
SOURCES.md there) mapped to order facts, and the clients that ask for them (against
httpx.MockTransport, no network)."""

import copy
import json
from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest
from pydantic import ValidationError

from services.ingest.fetch import bigcommerce
from services.ingest.fetch.bigcommerce import BigCommerceOrderData
from services.ingest.fetch.bigcommerce_mapping import order_facts as bc_facts
from services.ingest.fetch.ecwid_mapping import order_facts as ecwid_facts
from services.ingest.fetch.fetcher import fetch_facts
from services.ingest.fetch.transport import FetchError, OrderNotFound, OrderNotReady
from services.ingest.orders.state import apply, new_state
from services.ingest.shops.schemas import BigCommerceCredentials, EcwidCredentials
from services.ingest.webhooks.adapters import ADAPTERS
from services.ingest.webhooks.adapters.base import PayloadError, WebhookRequest
from shared.events.orders import OrderItem, RefundedItem
from tests.support.platforms import body_of, fixture

API = Path(__file__).resolve().parents[1] / "fixtures" / "platform_api"
TOKEN = "secret-token-0123456789"


def api(platform: str, name: str) -> Any:
    # As the clients decode answers: fractions as Decimal.
    return json.loads((API / platform / f"{name}.json").read_text(), parse_float=Decimal)


def bc_data(
    order: dict[str, Any] | None = None,
    products: list[Any] | None = None,
    refunds: list[Any] | None = None,
    **order_fields: Any,
) -> BigCommerceOrderData:
    return BigCommerceOrderData(
        order={**(order or api("bigcommerce", "order")), **order_fields},
        products=api("bigcommerce", "order_products") if products is None else products,
        shipping_addresses=api("bigcommerce", "order_shipping_addresses"),
        refunds=refunds or [],
    )


def ecwid_order(**fields: Any) -> dict[str, Any]:
    order: dict[str, Any] = {**api("ecwid", "order"), **fields}
    return order


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


# -- BigCommerce mapping --------------------------------------------------------------------


def test_bigcommerce_documented_order_becomes_order_details() -> None:
    facts = bc_facts("250", bc_data())
    # The id the webhook named is the order's identity, whatever the answer says.
    assert (facts.order_id, facts.platform) == ("250", "bigcommerce")
    assert facts.observed_at == utc(2019, 3, 11, 15, 17, 25)  # date_modified
    details = facts.details
    assert details is not None
    assert details.placed_at == utc(2019, 3, 5, 21, 40, 11)
    assert details.currency == "USD"
    customer = details.customer
    assert (customer.customer_id, customer.email, customer.name) == (
        "11",
        "janedoe@example.com",
        "Jane Doe",
    )
    assert (customer.locale, customer.country) == ("en", "US")
    # Product 86 is a part of the bundle on line 65: not an item of its own.
    assert details.items == (
        OrderItem(
            product_id="77",
            sku="S-ORAN",
            gtin="1234567891112",
            brand="BigCommerce",
            name="Fog Linen Chambray Towel - Beige Stripe",
            quantity=1,
            unit_price=Decimal("55.99"),
        ),
    )
    assert details.shipping_country == "US"
    assert details.b2b is False
    # Status 7, Awaiting Payment: nothing has happened yet.
    assert (facts.paid_at, facts.fulfilled_at, facts.cancelled_at, facts.refunds) == (
        None,
        None,
        None,
        (),
    )
    assert facts.needs_fetch is False


MODIFIED = utc(2019, 3, 11, 15, 17, 25)
SHIPPED_AT = utc(2019, 3, 13, 10, 0, 0)


@pytest.mark.parametrize(
    ("status", "date_shipped", "paid", "partial", "fulfilled", "cancelled", "refunds"),
    [
        (11, "", MODIFIED, None, None, None, ()),  # Awaiting Fulfillment
        (9, "", MODIFIED, None, None, None, ()),  # Awaiting Shipment
        (3, "", MODIFIED, MODIFIED, None, None, ()),  # Partially Shipped
        (2, "Wed, 13 Mar 2019 10:00:00 +0000", MODIFIED, None, SHIPPED_AT, None, ()),
        (10, "", MODIFIED, None, MODIFIED, None, ()),  # Completed, digital: never shipped
        (5, "", None, None, None, MODIFIED, ()),  # Cancelled
        (6, "", None, None, None, MODIFIED, ()),  # Declined
        (4, "", MODIFIED, None, None, None, ("order:250:full",)),  # Refunded
        (14, "", MODIFIED, None, None, None, ()),  # Partially Refunded: refunds say which
    ],
)
def test_bigcommerce_status_ids(
    status, date_shipped, paid, partial, fulfilled, cancelled, refunds
) -> None:
    facts = bc_facts("250", bc_data(status_id=status, date_shipped=date_shipped))
    assert facts.paid_at == paid
    assert facts.partially_fulfilled_at == partial
    assert facts.fulfilled_at == fulfilled
    assert facts.cancelled_at == cancelled
    assert tuple(r.refund_id for r in facts.refunds) == refunds


def test_bigcommerce_refunded_status_is_the_same_refund_as_the_status_webhook() -> None:
    status = fixture("bigcommerce", "store__order__statusUpdated")
    body = body_of({**status, "data": {**status["data"], "status": {"new_status_id": 4}}})
    delivery = ADAPTERS["bigcommerce"].parse(WebhookRequest({}, body, datetime.now(UTC)))
    (webhook_facts,) = delivery.orders
    fetched = bc_facts("250", bc_data(status_id=4))
    assert [r.refund_id for r in fetched.refunds] == [r.refund_id for r in webhook_facts.refunds]


def test_bigcommerce_deleted_order_is_cancelled() -> None:
    assert bc_facts("250", bc_data(is_deleted=True)).cancelled_at == MODIFIED


def test_bigcommerce_incomplete_checkout_is_not_an_order_yet() -> None:
    with pytest.raises(OrderNotReady, match="Incomplete"):
        bc_facts("250", bc_data(status_id=0))


def test_bigcommerce_refunds_name_their_products_by_order_line() -> None:
    documented = api("bigcommerce", "order_refunds")["data"]
    # The docs' refund is for another example order: its line 8 is not among these products.
    (refund,) = bc_facts("250", bc_data(status_id=14, refunds=documented)).refunds
    assert refund.refund_id == "1"  # the refund_id of store/order/refund/created
    assert refund.refunded_at == MODIFIED  # "created": "" in the docs
    assert refund.items == () and refund.full is None
    ours = copy.deepcopy(documented)
    ours[0]["items"][0]["item_id"] = 65
    ours[0]["created"] = "2019-03-12T08:00:00+00:00"
    (refund,) = bc_facts("250", bc_data(status_id=14, refunds=ours)).refunds
    assert refund.items == (RefundedItem(product_id="77", quantity=1),)
    assert refund.refunded_at == utc(2019, 3, 12, 8)


def test_bigcommerce_custom_products_and_unmappable_answers() -> None:
    products = api("bigcommerce", "order_products")
    custom = [{**products[0], "product_id": 0, "base_price": None, "price_ex_tax": "9.5"}]
    details = bc_facts("250", bc_data(products=custom)).details
    assert details is not None
    assert [(i.product_id, i.unit_price) for i in details.items] == [("line:65", Decimal("9.5"))]
    with pytest.raises(PayloadError, match="products: no product"):
        bc_facts("250", bc_data(products=[]))
    with pytest.raises(PayloadError, match=r"order\.date_created"):
        bc_facts("250", bc_data(date_created="yesterday"))
    with pytest.raises(PayloadError, match="currency"):
        bc_facts("250", bc_data(default_currency_code="", currency_code=None))


def test_bigcommerce_dates_without_a_zone_are_utc() -> None:
    facts = bc_facts("250", bc_data(date_created="Tue, 05 Mar 2019 21:40:11 -0000"))
    assert facts.details is not None
    assert facts.details.placed_at == utc(2019, 3, 5, 21, 40, 11)


# -- Ecwid mapping --------------------------------------------------------------------------


def test_ecwid_documented_order_becomes_order_facts() -> None:
    facts = ecwid_facts("XJ12H", api("ecwid", "order"), "EUR")
    assert (facts.order_id, facts.platform) == ("XJ12H", "ecwid")
    updated = utc(2018, 5, 31, 15, 9, 35)
    assert facts.observed_at == updated
    details = facts.details
    assert details is not None
    assert details.placed_at == utc(2018, 5, 31, 15, 8, 36)
    assert details.currency == "EUR"  # the shop's: Ecwid orders name none
    customer = details.customer
    assert (customer.customer_id, customer.email, customer.name, customer.country) == (
        "40201284",
        "name@example.com",
        "Michael Scott",
        "US",
    )
    assert [(i.product_id, i.sku, i.name, i.quantity, i.unit_price) for i in details.items] == [
        ("66722487", "ABCA-IAC", "iMac", 1, Decimal("1060")),
        ("66821181", "001001", "Mug", 1, Decimal("16.64")),
    ]
    assert details.shipping_country == "US"
    assert details.b2b is False
    # PARTIALLY_REFUNDED and DELIVERED, as of the last update.
    assert facts.paid_at == facts.fulfilled_at == facts.delivered_at == updated
    assert facts.cancelled_at is None
    (refund,) = facts.refunds
    assert refund.refund_id == "refund:2017-09-12T10:12:56+00:00:3.5"
    assert refund.refunded_at == utc(2017, 9, 12, 10, 12, 56)


@pytest.mark.parametrize(
    ("payment", "fulfillment", "expect"),
    [
        ("AWAITING_PAYMENT", "AWAITING_PROCESSING", set()),
        ("PAID", "PROCESSING", {"paid"}),
        ("PAID", "SHIPPED", {"paid", "fulfilled"}),
        ("PAID", "OUT_FOR_DELIVERY", {"paid", "fulfilled"}),
        ("PAID", "READY_FOR_PICKUP", {"paid", "fulfilled"}),
        ("PAID", "DELIVERED", {"paid", "fulfilled", "delivered"}),
        ("CANCELLED", "AWAITING_PROCESSING", {"cancelled"}),
        ("PAID", "WILL_NOT_DELIVER", {"paid", "cancelled"}),
        ("REFUNDED", "RETURNED", {"paid", "fulfilled", "refunded", "returned"}),
    ],
)
def test_ecwid_statuses(payment, fulfillment, expect) -> None:
    order = ecwid_order(paymentStatus=payment, fulfillmentStatus=fulfillment, refunds=[])
    facts = ecwid_facts("XJ12H", order, "EUR")
    seen = {
        name
        for name, value in (
            ("paid", facts.paid_at),
            ("fulfilled", facts.fulfilled_at),
            ("delivered", facts.delivered_at),
            ("cancelled", facts.cancelled_at),
            ("refunded", facts.refunds),
            ("returned", facts.returns),
        )
        if value
    }
    assert seen == expect
    if "refunded" in expect:
        assert [r.refund_id for r in facts.refunds] == ["order:XJ12H:full"]
        assert [r.return_id for r in facts.returns] == ["order:XJ12H:returned"]


def test_ecwid_partial_refund_without_a_refund_list_is_one_refund() -> None:
    order = ecwid_order(paymentStatus="PARTIALLY_REFUNDED", refunds=[])
    (refund,) = ecwid_facts("XJ12H", order, "EUR").refunds
    assert (refund.refund_id, refund.full) == ("order:XJ12H:partial", False)


def test_ecwid_current_fields_b2b_and_language() -> None:
    # Current answers carry a string id (the webhook's orderId), b2b_b2c and the language.
    order = ecwid_order(id="K8XTQ", internalId=516483487, b2b_b2c="b2b", lang="de")
    details = ecwid_facts("K8XTQ", order, "EUR").details
    assert details is not None
    assert (details.b2b, details.customer.locale) == (True, "de")


def test_ecwid_incomplete_checkout_and_unmappable_answers() -> None:
    with pytest.raises(OrderNotReady, match="INCOMPLETE"):
        ecwid_facts("XJ12H", ecwid_order(paymentStatus="INCOMPLETE"), "EUR")
    with pytest.raises(PayloadError, match="createDate"):
        ecwid_facts("XJ12H", ecwid_order(createDate="2018-05-31T15:08:36Z"), "EUR")
    with pytest.raises(PayloadError, match="items: no item"):
        ecwid_facts("XJ12H", ecwid_order(items=[]), "EUR")


def test_a_thin_webhook_then_fetches_announce_every_fact_once() -> None:
    """The webhook marks the order; the first fetch announces it; later fetches of the same or
    an unchanged order add nothing."""
    payload = fixture("ecwid", "order.created")
    thin = ADAPTERS["ecwid"].parse(WebhookRequest({}, body_of(payload), datetime.now(UTC)))
    (thin_facts,) = thin.orders
    state = new_state("shop", thin_facts)
    state, events = apply(state, thin_facts)
    assert events == [] and state.needs_fetch

    fetched = ecwid_facts("XJ12H", api("ecwid", "order"), "EUR")
    state, events = apply(state, fetched)
    assert [e.type for e in events] == [
        "order.placed",
        "order.paid",
        "order.fulfilled",
        "order.delivered",
        "order.refunded",
    ]
    assert not state.needs_fetch
    again, events = apply(state, ecwid_facts("XJ12H", api("ecwid", "order"), "EUR"))
    assert events == [] and again == state


# -- credentials ----------------------------------------------------------------------------


def test_credentials_defaults_validation_and_secrecy() -> None:
    bc = BigCommerceCredentials(store_hash="abc123", access_token=TOKEN)
    assert bc.api_base_url == "https://api.bigcommerce.com"
    assert TOKEN not in repr(bc) and TOKEN not in bc.model_dump_json()
    assert bc.stored() == {
        "store_hash": "abc123",
        "access_token": TOKEN,
        "api_base_url": "https://api.bigcommerce.com",
    }
    ec = EcwidCredentials.model_validate(
        {
            "store_id": 1003,
            "access_token": TOKEN,
            "currency": "eur",
            "api_base_url": "http://127.0.0.1:9999/",
        }
    )
    assert (ec.store_id, ec.currency, ec.api_base_url) == ("1003", "EUR", "http://127.0.0.1:9999")
    for bad in (
        {"store_id": "1003", "access_token": TOKEN},  # no currency
        {"store_id": "1003", "access_token": TOKEN, "currency": "EUR", "api_base_url": "ftp://x"},
        {"store_id": "../1", "access_token": TOKEN, "currency": "EUR"},
        {"store_hash": "abc", "access_token": TOKEN, "currency": "EUR"},
    ):
        with pytest.raises(ValidationError):
            EcwidCredentials.model_validate(bad)


# -- clients --------------------------------------------------------------------------------

Handler = Callable[[httpx.Request], httpx.Response]


def mock_http(handler: Handler) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.MockTransport(handler))


BC = BigCommerceCredentials(store_hash="abc123", access_token=TOKEN, api_base_url="https://bc.test")
EC = EcwidCredentials(
    store_id="1003", access_token=TOKEN, currency="EUR", api_base_url="https://ecwid.test"
)


def bc_api(order: dict[str, Any], seen: list[httpx.Request]) -> Handler:
    answers = {
        "/stores/abc123/v2/orders/250": order,
        "/stores/abc123/v2/orders/250/products": api("bigcommerce", "order_products"),
        "/stores/abc123/v3/orders/250/payment_actions/refunds": api("bigcommerce", "order_refunds"),
    }

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.headers.get("x-auth-token") != TOKEN:
            return httpx.Response(401)
        if request.url.path.endswith("/shipping_addresses"):
            return httpx.Response(204)  # what BigCommerce answers for an empty collection
        if request.url.path not in answers:
            return httpx.Response(404)
        return httpx.Response(200, text=json.dumps(answers[request.url.path], default=str))

    return handle


async def test_bigcommerce_client_asks_for_the_order_its_lines_and_refunds() -> None:
    seen: list[httpx.Request] = []
    order = {**api("bigcommerce", "order"), "status_id": 14, "refunded_amount": "20.8300"}
    async with mock_http(bc_api(order, seen)) as http:
        data = await bigcommerce.fetch_order(http, BC, "250")
    assert [r.url.path for r in seen] == [
        "/stores/abc123/v2/orders/250",
        "/stores/abc123/v2/orders/250/products",
        "/stores/abc123/v2/orders/250/shipping_addresses",
        "/stores/abc123/v3/orders/250/payment_actions/refunds",
    ]
    assert all(r.headers["accept"] == "application/json" for r in seen)
    assert dict(seen[1].url.params) == {"limit": "250", "page": "1"}
    assert data.shipping_addresses == [] and [r["id"] for r in data.refunds] == [1]
    facts = bc_facts("250", data)
    assert facts.details is not None
    assert facts.details.shipping_country == "US"  # billing country when nothing was shipped
    assert facts.details.items[0].unit_price == Decimal("55.99")


async def test_bigcommerce_client_skips_refunds_when_nothing_was_refunded() -> None:
    seen: list[httpx.Request] = []
    async with mock_http(bc_api(api("bigcommerce", "order"), seen)) as http:
        data = await bigcommerce.fetch_order(http, BC, "250")
    assert data.refunds == [] and not any("/v3/" in r.url.path for r in seen)


async def test_bigcommerce_client_pages_through_long_orders() -> None:
    line = api("bigcommerce", "order_products")[0]
    pages = {"1": [line] * bigcommerce.PAGE_SIZE, "2": [line] * 3}

    def handle(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/products"):
            return httpx.Response(200, json=pages[request.url.params["page"]])
        if request.url.path.endswith("/shipping_addresses"):
            return httpx.Response(200, json=[])
        return httpx.Response(200, text=json.dumps(api("bigcommerce", "order"), default=str))

    async with mock_http(handle) as http:
        data = await bigcommerce.fetch_order(http, BC, "250")
    assert len(data.products) == bigcommerce.PAGE_SIZE + 3


async def test_ecwid_client_sends_the_bearer_token() -> None:
    seen: list[httpx.Request] = []

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, text=(API / "ecwid" / "order.json").read_text())

    async with mock_http(handle) as http:
        facts = await fetch_facts(http, "ecwid", EC.stored(), "XJ12H")
    (request,) = seen
    assert str(request.url) == "https://ecwid.test/api/v3/1003/orders/XJ12H"
    assert request.headers["authorization"] == f"Bearer {TOKEN}"
    assert facts.details is not None and facts.details.currency == "EUR"


def raising(exc: Exception) -> Handler:
    def handle(request: httpx.Request) -> httpx.Response:
        raise exc

    return handle


@pytest.mark.parametrize(
    ("handler", "error", "message"),
    [
        (lambda r: httpx.Response(404), OrderNotFound, "404"),
        (lambda r: httpx.Response(401), FetchError, "HTTP 401"),
        (lambda r: httpx.Response(429), FetchError, "HTTP 429"),
        (lambda r: httpx.Response(503), FetchError, "HTTP 503"),
        (lambda r: httpx.Response(200, text="<html>"), FetchError, "not JSON"),
        (lambda r: httpx.Response(200, json=[1]), FetchError, "not an order"),
        (raising(httpx.ReadTimeout("slow")), FetchError, "timed out"),
        (raising(httpx.ConnectError("refused")), FetchError, "ConnectError"),
    ],
)
async def test_failed_answers_become_fetch_errors_without_the_token(
    handler, error, message
) -> None:
    for platform, credentials in (("ecwid", EC.stored()), ("bigcommerce", BC.stored())):
        async with mock_http(handler) as http:
            with pytest.raises(error, match=message) as caught:
                await fetch_facts(http, platform, credentials, "250")
        assert TOKEN not in str(caught.value)


async def test_fetch_needs_valid_credentials_and_mappable_values() -> None:
    async with mock_http(lambda r: httpx.Response(500)) as http:
        with pytest.raises(FetchError, match="credentials are not valid"):
            await fetch_facts(http, "ecwid", {"store_id": "1003"}, "1")
        with pytest.raises(FetchError, match="no order API"):
            await fetch_facts(http, "shopify", {}, "1")
    too_long = {**json.loads((API / "ecwid" / "order.json").read_text()), "lang": "x" * 40}
    async with mock_http(lambda r: httpx.Response(200, json=too_long)) as http:
        with pytest.raises(PayloadError, match="locale"):
            await fetch_facts(http, "ecwid", EC.stored(), "XJ12H")
