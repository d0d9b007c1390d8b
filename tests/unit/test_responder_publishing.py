"""Reply connectors without a network: the requests each adapter builds, how answers are
classified (accepted, retried with Retry-After, refused for good with a reason), which
connector a review's reply goes through, and what a connection may be configured with."""

from datetime import UTC, datetime, timedelta

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from services.responder.publishing import routing, transport
from services.responder.publishing.base import Reply, Result
from services.responder.publishing.connector import WebhookAdapter
from services.responder.publishing.google import GoogleAdapter
from services.responder.publishing.reviewloop import ReviewloopAdapter
from services.responder.publishing.trustpilot import TrustpilotAdapter
from services.responder.publishing.worker import MAX_RETRY_AFTER_S, backoff, retry_delay
from services.responder.shops.config import ShopSettings
from services.responder.shops.connections import GoogleConnectionIn, TrustpilotConnectionIn
from services.responder.shops.repository import PlatformConnection, ShopRow
from shared.standard_webhooks import verify

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
FUZZ = settings(
    max_examples=200, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck)
)
TEXT = "Hi Anna, we are sorry the teapot arrived broken. — Ana, Teashop"


def reply(**changes: object) -> Reply:
    fields: dict[str, object] = {
        "shop_id": "s1",
        "review_id": "trustpilot:5e3de1b4",
        "source": "trustpilot",
        "source_review_id": "5e3de1b4",
        "product_id": None,
        "reply_id": "reply_abc",
        "language": "en",
        "text": TEXT,
        "attempt": 1,
    }
    fields.update(changes)
    return Reply(**fields)  # type: ignore[arg-type]


TRUSTPILOT = TrustpilotAdapter("https://tp.example/", "bu-789", "tp-token")
GOOGLE = GoogleAdapter("https://g.example", "111", "222", "g-token")


# -- request building ------------------------------------------------------------------------


def test_trustpilot_service_review_reply() -> None:
    call = TRUSTPILOT.service_reply(reply())
    assert call.method == "POST"
    assert call.url == "https://tp.example/v1/private/reviews/5e3de1b4/reply"
    assert call.headers["Authorization"] == "Bearer tp-token"
    assert call.headers["Content-Type"] == "application/json"
    assert call.json() == {"authorBusinessUserId": "bu-789", "message": TEXT}
    # Non-ASCII text is sent as UTF-8, not escaped.
    assert "—".encode() in call.content


def test_trustpilot_product_review_goes_through_a_conversation() -> None:
    product = reply(product_id="JKT-1", source_review_id="p1")
    create = TRUSTPILOT.create_conversation(product)
    assert create.method == "POST" and create.content == b""
    assert create.url == "https://tp.example/v1/private/product-reviews/p1/create-conversation"
    assert "Content-Type" not in create.headers
    assert create.headers["Authorization"] == "Bearer tp-token"
    comment = TRUSTPILOT.comment("c-9", product)
    assert comment.url == "https://tp.example/v1/private/conversations/c-9/comments"
    assert comment.method == "POST" and comment.json() == {"content": TEXT}
    seen = TRUSTPILOT.conversation("c-9")
    assert (seen.method, seen.url) == ("GET", "https://tp.example/v1/private/conversations/c-9")


def test_google_reply() -> None:
    call = GOOGLE.request(reply(source="google", source_review_id="AbC-12_x"))
    assert call.method == "PUT"
    assert call.url == "https://g.example/v4/accounts/111/locations/222/reviews/AbC-12_x/reply"
    assert call.headers["Authorization"] == "Bearer g-token"
    assert call.json() == {"comment": TEXT}


def test_ids_cannot_leave_their_path_segment() -> None:
    call = GOOGLE.request(reply(source_review_id="../../locations/9/reviews/x"))
    assert call.url.startswith("https://g.example/v4/accounts/111/locations/222/reviews/")
    assert "/../" not in call.url and "..%2F..%2Flocations%2F9" in call.url
    assert TRUSTPILOT.service_reply(reply(source_review_id="a?b#c")).url.endswith(
        "/reviews/a%3Fb%23c/reply"
    )


def test_webhook_request_is_signed_with_the_reply_id() -> None:
    adapter = WebhookAdapter("https://shop.example/hook", "whsec_c2VjcmV0", NOW.timestamp())
    call = adapter.request(reply(source="survey"))
    assert call.method == "POST" and call.url == "https://shop.example/hook"
    headers = {k.lower(): v for k, v in call.headers.items()}
    assert headers["webhook-id"] == "reply_abc"
    assert verify(headers, call.content, ["whsec_c2VjcmV0"], NOW)
    assert call.json() == {
        "type": "review.reply.publish",
        "shop_id": "s1",
        "review_id": "trustpilot:5e3de1b4",
        "source": "survey",
        "source_review_id": "5e3de1b4",
        "reply_id": "reply_abc",
        "language": "en",
        "text": TEXT,
    }


# -- classification --------------------------------------------------------------------------


def answer(status: int, headers: dict[str, str] | None = None, text: str = "") -> httpx.Response:
    return httpx.Response(status, headers=headers, text=text)


@pytest.mark.parametrize("status", [200, 201, 204])
def test_2xx_is_accepted(status: int) -> None:
    assert transport.classify(answer(status)).outcome == "published"


@pytest.mark.parametrize("status", [500, 502, 503, 504, 429, 408, 425])
def test_server_errors_and_rate_limits_are_retried(status: int) -> None:
    result = transport.classify(answer(status))
    assert result == Result("retry", f"HTTP {status}", None)


def test_retry_after_seconds_and_dates_are_kept() -> None:
    busy = transport.classify(answer(503, {"Retry-After": "120"}))
    assert busy.retry_after_s == 120 and busy.detail == "HTTP 503 (Retry-After 120 s)"
    date = "Mon, 23 Nov 2026 12:05:00 GMT"
    limited = transport.classify(answer(429, {"Retry-After": date}), now=NOW)
    assert limited.outcome == "retry" and limited.retry_after_s == 300
    assert transport.retry_after_seconds("Mon, 23 Nov 2026 11:00:00 GMT", NOW) == 0
    assert transport.retry_after_seconds("soon", NOW) is None
    assert transport.retry_after_seconds(None) is None


@FUZZ
@given(value=st.one_of(st.text(), st.text(alphabet="0123456789\u00b2\u0663\u2075 +-.e")))
def test_any_retry_after_is_read_or_ignored_never_raises(value: str) -> None:
    wait = transport.retry_after_seconds(value, NOW)
    assert wait is None or 0 <= wait <= transport.MAX_RETRY_AFTER_S
    # As it comes off the wire: bytes, which httpx decodes (ASCII, else UTF-8, else latin-1).
    raw = httpx.Response(503, headers={"Retry-After": value.encode("utf-8", "replace")})
    assert transport.classify(raw, now=NOW).outcome == "retry"


@pytest.mark.parametrize(
    "value", ["\u00b2", "\u0663", "9" * 400, "Fri, 31 Dec 9999 23:59:59 GMT", "Mon, 1 Jan 0001"]
)
def test_unicode_digits_and_extreme_retry_afters_are_bounded(value: str) -> None:
    wait = transport.retry_after_seconds(value, NOW)
    assert wait is None or 0 <= wait <= transport.MAX_RETRY_AFTER_S


@pytest.mark.parametrize("status", [400, 401, 403, 404])
def test_refusals_fail_for_good_with_the_reason(status: int) -> None:
    from services.responder.publishing.trustpilot import REASONS

    result = transport.classify(answer(status, text='{"message": "nope"}'), reasons=REASONS)
    assert result.outcome == "failed"
    # The platform's body stays out of what staff can read (issue #16, item 13).
    assert result.detail == f"HTTP {status} ({REASONS[status]})"
    assert "nope" not in (result.detail or "")
    assert result.retry_after_s is None


def test_a_409_is_retried_for_webhooks_only() -> None:
    from services.responder.publishing import connector

    conflict = answer(409)
    assert transport.classify(conflict, retryable=connector.RETRYABLE).outcome == "retry"
    assert transport.classify(conflict).outcome == "failed"


def test_worker_waits_at_least_the_backoff_and_the_retry_after() -> None:
    assert retry_delay(1, Result("retry")) == backoff(1) == timedelta(seconds=30)
    assert retry_delay(1, Result("retry", retry_after_s=120)) == timedelta(seconds=120)
    assert retry_delay(4, Result("retry", retry_after_s=5)) == timedelta(minutes=4)
    assert retry_delay(1, Result("retry", retry_after_s=10**9)) == timedelta(
        seconds=MAX_RETRY_AFTER_S
    )


# -- deliveries, on a transport that never leaves the process -----------------------------


async def deliver(
    adapter: TrustpilotAdapter, r: Reply, answers: list[httpx.Response]
) -> tuple[Result, list[httpx.Request]]:
    seen: list[httpx.Request] = []

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return answers.pop(0)

    async with httpx.AsyncClient(transport=httpx.MockTransport(handle)) as http:
        return await adapter.deliver(http, r), seen


async def test_trustpilot_product_reply_creates_a_conversation_then_comments() -> None:
    product = reply(product_id="JKT-1")
    result, seen = await deliver(
        TRUSTPILOT, product, [httpx.Response(200, json={"conversationId": "c-9"}), answer(201)]
    )
    assert result.outcome == "published"
    assert [r.url.path for r in seen] == [
        "/v1/private/product-reviews/5e3de1b4/create-conversation",
        "/v1/private/conversations/c-9/comments",
    ]


async def test_trustpilot_product_retry_does_not_comment_twice() -> None:
    again = reply(product_id="JKT-1", attempt=2)
    conversation = {"comments": [{"content": TEXT, "author": {"type": "businessUser"}}]}
    result, seen = await deliver(
        TRUSTPILOT,
        again,
        [
            httpx.Response(200, json={"conversationId": "c-9"}),
            httpx.Response(200, json=conversation),
        ],
    )
    assert result.outcome == "published" and len(seen) == 2
    assert seen[1].method == "GET"
    # Not there yet: the comment is posted.
    result, seen = await deliver(
        TRUSTPILOT,
        again,
        [
            httpx.Response(200, json={"conversationId": "c-9"}),
            httpx.Response(200, json={"comments": []}),
            answer(201),
        ],
    )
    assert result.outcome == "published" and seen[-1].method == "POST"


async def test_trustpilot_product_steps_stop_on_refusal_or_missing_id() -> None:
    product = reply(product_id="JKT-1")
    refused, seen = await deliver(TRUSTPILOT, product, [answer(401)])
    assert refused.outcome == "failed" and "access token" in refused.detail and len(seen) == 1
    odd, _ = await deliver(TRUSTPILOT, product, [httpx.Response(200, json={})])
    assert odd.outcome == "retry" and "conversationId" in odd.detail


async def test_no_answer_is_retried() -> None:
    def handle(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    async with httpx.AsyncClient(transport=httpx.MockTransport(handle)) as http:
        result = await GOOGLE.deliver(http, reply())
    assert result == Result("retry", "connection: ConnectError")


# -- routing ---------------------------------------------------------------------------------


def shop(url: str | None = "https://shop.example/hook") -> ShopRow:
    secret = "whsec_c2VjcmV0" if url else None
    return ShopRow("s1", None, None, None, None, ShopSettings(), url, secret)


def link(platform: str, **ids: str) -> PlatformConnection:
    return PlatformConnection("s1", platform, "https://api.example", ids, "tok-SECRET", NOW)


def test_replies_go_to_the_reviews_platform_else_to_the_webhook() -> None:
    links = {
        "trustpilot": link("trustpilot", business_user_id="bu"),
        "google": link("google", account_id="1", location_id="2"),
    }
    at = NOW.timestamp()
    tp = routing.adapter_for(shop(), links, "trustpilot", at)
    assert isinstance(tp, TrustpilotAdapter) and tp.business_user_id == "bu"
    g = routing.adapter_for(shop(), links, "google", at)
    assert isinstance(g, GoogleAdapter) and (g.account_id, g.location_id) == ("1", "2")
    hook = routing.adapter_for(shop(), links, "generic", at)
    assert isinstance(hook, WebhookAdapter) and hook.channel == "webhook"
    # A platform without a connection falls back to the webhook; nothing at all: no connector.
    assert isinstance(routing.adapter_for(shop(), {}, "google", at), WebhookAdapter)
    assert routing.adapter_for(shop(url=None), {}, "trustpilot", at) is None


async def test_replies_to_survey_reviews_are_shown_by_reviewloop_itself() -> None:
    # Reviewloop publishes survey reviews: their replies need no webhook and no HTTP call.
    at = NOW.timestamp()
    for s in (shop(), shop(url=None)):
        own = routing.adapter_for(s, {}, "survey", at)
        assert isinstance(own, ReviewloopAdapter) and own.channel == "reviewloop"
    async with httpx.AsyncClient(transport=httpx.MockTransport(_no_call)) as http:
        result = await ReviewloopAdapter().deliver(http, reply(source="survey"))
    assert result.outcome == "published"


def _no_call(request: httpx.Request) -> httpx.Response:
    raise AssertionError(f"no HTTP call expected, got {request.method} {request.url}")


# -- connection settings ---------------------------------------------------------------------


def test_connection_bodies_keep_the_token_out_of_sight() -> None:
    body = TrustpilotConnectionIn.model_validate(
        {"business_user_id": "bu-1", "access_token": "s3cret"}
    )
    assert body.base_url == "https://api.trustpilot.com" and body.ids() == {
        "business_user_id": "bu-1"
    }
    assert "s3cret" not in repr(body) and "s3cret" not in body.model_dump_json()
    google = GoogleConnectionIn.model_validate(
        {"base_url": "http://127.0.0.1:8080/", "account_id": "1", "location_id": "2"}
    )
    assert google.base_url == "http://127.0.0.1:8080" and google.access_token is None
    stored = link("google", account_id="1", location_id="2")
    assert "tok-SECRET" not in str(stored.public())


@pytest.mark.parametrize(
    "change",
    [
        {"base_url": "ftp://api.example"},
        {"base_url": "https://api.example/?key=1"},
        {"base_url": "https://user:pw@api.example"},
        {"account_id": "1/../2"},
        {"location_id": ""},
        {"access_token": ""},
        {"client_secret": "x"},
    ],
)
def test_connection_bodies_refuse_what_could_misroute_a_reply(change: dict[str, str]) -> None:
    with pytest.raises(ValidationError):
        GoogleConnectionIn.model_validate({"account_id": "1", "location_id": "2", **change})


def test_plain_http_base_urls_only_outside_production() -> None:
    from services.responder.shops.service import tls_refusal

    assert tls_refusal("test", "http://127.0.0.1:8080") is None
    assert tls_refusal("development", "http://receiver:8080") is None
    assert tls_refusal("production", "https://api.trustpilot.com") is None
    assert "https" in (tls_refusal("production", "http://api.trustpilot.com") or "")


def test_tokens_stay_out_of_reprs() -> None:
    stored = link("trustpilot", business_user_id="bu")
    hook = WebhookAdapter("https://shop.example/hook", "whsec_c2VjcmV0", 0.0)
    for thing, secret in (
        (stored, "tok-SECRET"),
        (routing.platform_adapter(stored), "tok-SECRET"),
        (GOOGLE, "g-token"),
        (hook, "whsec_c2VjcmV0"),
    ):
        assert secret not in repr(thing)
