"""Names that platforms send HTML-escaped are plain text from ingest on (issue #16)."""

from datetime import UTC, datetime

from services.ingest.webhooks.adapters import ADAPTERS
from services.ingest.webhooks.adapters.base import WebhookRequest, unescape_html
from tests.support.platforms import body_of, fixture, woo_headers

SECRET = "test-secret-0123456789"


def woo_order(payload: dict) -> list[str]:
    body = body_of(payload)
    headers = {k.lower(): v for k, v in woo_headers(body, SECRET, "order.created").items()}
    (facts,) = (
        ADAPTERS["woocommerce"].parse(WebhookRequest(headers, body, datetime.now(UTC))).orders
    )
    assert facts.details is not None
    return [i.name for i in facts.details.items] + [facts.details.customer.name or ""]


def test_woocommerce_product_names_arrive_decoded() -> None:
    # The published example order names its variation "Ship Your Idea &ndash; Color: ...".
    names = woo_order(fixture("woocommerce", "order.created"))
    assert names[:2] == ["Woo Single #1", "Ship Your Idea \u2013 Color: Black, Size: M Test"]
    assert not any("&" in n for n in names)


def test_ampersands_and_customer_names_are_decoded_once() -> None:
    payload = fixture("woocommerce", "order.created")
    payload["line_items"][0]["name"] = "Tea &amp; Co &#8211; 500&nbsp;g &amp;ndash;"
    payload["billing"]["first_name"] = "Ana &amp; Jo"
    names = woo_order(payload)
    assert names[0] == "Tea & Co \u2013 500\xa0g &ndash;"  # one pass: a literal stays literal
    assert names[-1] == "Ana & Jo Doe"
    assert unescape_html("<b>bold</b> 5 < 6") == "<b>bold</b> 5 < 6"  # nothing else changes
