"""SSRF guard on outgoing requests to configured URLs (shared/http/outbound.py), against real
HTTP servers on loopback: the connect-time check (the address that was checked is the one
connected to, a name that now resolves inside is refused, redirects are not followed), and each
service's use of it: 422 at configuration time, a failed delivery at connect time.

DNS answers that change between configuration and connection are played by resolver functions
handed to the guard: this machine's resolver cannot be told to lie."""

import ipaddress
import re
from collections.abc import Iterable
from typing import Any

import httpcore
import httpx
import pytest

from services.ingest.app import build as build_ingest
from services.ingest.settings import IngestSettings
from services.responder.shops import repository as shops
from shared.http.outbound import (
    ForbiddenDestination,
    GuardedBackend,
    GuardedTransport,
    IPAddress,
    OutboundPolicy,
    Resolver,
    client,
)
from tests.integration.test_notifier import AUTH, Notifier, classified, notifier, shop
from tests.integration.test_responder_platforms import manager_of, publication, queue_reply
from tests.support.receiver import Answer, Receiver
from tests.support.responder import Responder, running_responder, shop_event, user_with_key

pytestmark = pytest.mark.integration

__all__ = ["notifier"]  # the fixture, shared with test_notifier.py

PUBLIC = "93.184.215.14"
LOOPBACK_ONLY = OutboundPolicy(
    require_https=False, allowed_networks=(ipaddress.ip_network("127.0.0.1/32"),)
)
STRICT_HTTP = OutboundPolicy(require_https=False)


def answering(*addresses: str, log: list[str] | None = None) -> Resolver:
    async def resolve(host: str, port: int) -> list[IPAddress]:
        if log is not None:
            log.append(host)
        return [ipaddress.ip_address(a) for a in addresses]

    return resolve


def port_of(receiver: Receiver) -> int:
    return int(receiver.base_url.rsplit(":", 1)[1])


async def test_loopback_receiver_is_refused_before_any_byte_is_sent() -> None:
    with Receiver() as receiver:
        async with client(STRICT_HTTP, timeout=5) as http:
            for url in (
                receiver.url,
                f"http://localhost:{port_of(receiver)}/hook",
                f"http://2130706433:{port_of(receiver)}/hook",
                f"http://0177.1:{port_of(receiver)}/hook",
                f"http://0x7f.0.0.1:{port_of(receiver)}/hook",
                f"http://127.1:{port_of(receiver)}/hook",
                f"http://[::ffff:127.0.0.1]:{port_of(receiver)}/hook",
            ):
                with pytest.raises(ForbiddenDestination, match="loopback"):
                    await http.post(url, content=b"{}")
            # httpx itself refuses a dotted quad that is not decimal.
            with pytest.raises(httpx.InvalidURL):
                await http.post(f"http://0177.0.0.1:{port_of(receiver)}/hook", content=b"{}")
        assert receiver.calls == []


async def test_the_allowance_reaches_the_same_receiver() -> None:
    with Receiver(status=204) as receiver:
        open_ = OutboundPolicy(allow_private_networks=True, require_https=False)
        async with client(open_, timeout=5) as http:
            answer = await http.post(receiver.url, content=b"{}")
    assert answer.status_code == 204 and len(receiver.calls) == 1


async def test_the_connection_goes_to_the_checked_address() -> None:
    """The host name exists only in the guard's resolver: that the request arrives at all shows
    the connection used the address the guard checked, not a second lookup."""
    asked: list[str] = []
    with Receiver(status=200) as receiver:
        resolve = answering("127.0.0.1", log=asked)
        async with client(LOOPBACK_ONLY, timeout=5, resolve=resolve) as http:
            answer = await http.post(
                f"http://hooks.reviewloop.test:{port_of(receiver)}/hook", content=b"{}"
            )
    assert answer.status_code == 200
    assert asked == ["hooks.reviewloop.test"]
    (call,) = receiver.calls
    assert call.headers["host"] == f"hooks.reviewloop.test:{port_of(receiver)}"


async def test_a_name_that_now_resolves_inside_is_refused_at_connect_time() -> None:
    """DNS rebinding: public when the URL was configured, loopback when the request is made."""
    with Receiver() as receiver:
        url = f"http://rebind.reviewloop.test:{port_of(receiver)}/hook"
        assert await STRICT_HTTP.refusal(url, answering(PUBLIC)) is None
        async with client(STRICT_HTTP, timeout=5, resolve=answering("127.0.0.1")) as http:
            refused = re.escape("rebind.reviewloop.test -> 127.0.0.1")
            with pytest.raises(ForbiddenDestination, match=refused):
                await http.post(url, content=b"{}")
    assert receiver.calls == []


class Recording(httpcore.AsyncNetworkBackend):
    def __init__(self) -> None:
        self.connects: list[tuple[str, int]] = []

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,  # noqa: ASYNC109
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        self.connects.append((host, port))
        raise httpcore.ConnectError("recorded only")


async def test_one_internal_address_among_public_ones_refuses_the_whole_name() -> None:
    inner = Recording()
    guard = GuardedBackend(STRICT_HTTP, answering(PUBLIC, "2606:4700::1", "10.0.0.7"), inner)
    with pytest.raises(ForbiddenDestination, match=re.escape("10.0.0.7 is a private address")):
        await guard.connect_tcp("mixed.reviewloop.test", 443)
    assert inner.connects == []
    # All public: the first address is tried, by its number.
    guard = GuardedBackend(STRICT_HTTP, answering(PUBLIC, "2606:4700::1"), inner)
    with pytest.raises(httpcore.ConnectError):
        await guard.connect_tcp("public.reviewloop.test", 443)
    assert inner.connects == [(PUBLIC, 443), ("2606:4700::1", 443)]


async def test_redirects_are_answers_and_a_redirect_inside_is_refused_even_when_followed() -> None:
    with Receiver() as receiver:
        inside = f"http://127.0.0.2:{port_of(receiver)}/metadata"
        receiver.script(Answer(302, None, {"Location": inside}))
        async with client(LOOPBACK_ONLY, timeout=5) as http:
            answer = await http.post(receiver.url, content=b"{}")
        assert answer.status_code == 302 and len(receiver.calls) == 1
        # A client that did follow redirects would still meet the guard at the next hop.
        receiver.script(Answer(307, None, {"Location": inside}))
        transport = GuardedTransport(LOOPBACK_ONLY)
        async with httpx.AsyncClient(transport=transport, follow_redirects=True) as http:
            refused = re.escape("127.0.0.2 is a loopback address")
            with pytest.raises(ForbiddenDestination, match=refused):
                await http.post(receiver.url, content=b"{}")
        assert [c.path for c in receiver.calls] == ["/hook", "/hook"]


async def test_plain_http_is_refused_at_connect_time_in_production() -> None:
    production = OutboundPolicy(allow_private_networks=True, require_https=True)
    with Receiver() as receiver:
        async with client(production, timeout=5) as http:
            with pytest.raises(ForbiddenDestination, match="must be https"):
                await http.post(receiver.url, content=b"{}")
    assert receiver.calls == []


# The services.


async def test_notifier_refuses_internal_webhook_urls_and_deliveries(notifier: Notifier) -> None:
    notifier.settings.outbound_allow_private_networks = False
    await shop(notifier, "ssrf-1")
    async with notifier.http() as http:
        for url, kind in (
            ("http://127.0.0.1:9/x", "loopback"),
            ("http://localhost:9/x", "loopback"),
            ("http://169.254.169.254/latest/meta-data/", "link-local"),
            ("http://2130706433/x", "loopback"),
            ("http://[::ffff:10.0.0.1]/x", "private"),
            ("http://[fd00::1]/x", "private"),
            ("http://0.0.0.0:8003/x", "unspecified"),
        ):
            refused = await http.post(
                "/v1/shops/ssrf-1/rules",
                headers=AUTH,
                json={"name": "hook", "channel": "webhook", "url": url},
            )
            assert refused.status_code == 422, (url, refused.text)
            assert refused.json()["detail"].startswith("url: ") and kind in refused.text, url
        ok = await http.post(
            "/v1/shops/ssrf-1/rules",
            headers=AUTH,
            json={"name": "hook", "channel": "webhook", "url": "https://hooks.example.com/x"},
        )
        assert ok.status_code == 201, ok.text

    with Receiver() as receiver:
        # A rule stored while loopback was allowed (or whose name resolved elsewhere then).
        notifier.settings.outbound_allow_private_networks = True
        async with notifier.http() as http:
            made = await http.post(
                "/v1/shops/ssrf-1/rules",
                headers=AUTH,
                json={"name": "inside", "channel": "webhook", "url": receiver.url},
            )
            assert made.status_code == 201, made.text
        notifier.settings.outbound_allow_private_networks = False
        await notifier.feed(classified("ssrf-1", "t:ssrf"))
        await notifier.deliver()
        assert receiver.calls == []
    async with notifier.http() as http:
        sent = (await http.get("/v1/shops/ssrf-1/notifications", headers=AUTH)).json()
    inside = [n for n in sent if n["target"] == receiver.url]
    assert len(inside) == 1 and inside[0]["status"] == "failed", inside
    assert "destination refused" in inside[0]["last_error"]
    assert "loopback" in inside[0]["last_error"]


async def test_responder_refuses_internal_connector_urls_and_deliveries(make_settings) -> None:
    async with running_responder(make_settings) as responder:
        await responder.feed(shop_event("s1"))
        async with responder.http() as http:
            _, manager = await user_with_key(http, "manager", ["s1"])
            for url in ("http://127.0.0.1:9/x", "http://[::1]/x", "http://192.168.0.10/x"):
                put = await http.put("/v1/shops/s1/connector", json={"url": url}, headers=manager)
                assert put.status_code == 422, (url, put.text)
                assert put.json()["detail"].startswith("url: ")
            for platform, ids in (
                ("trustpilot", {"business_user_id": "bu-1"}),
                ("google", {"account_id": "a", "location_id": "l"}),
            ):
                put = await http.put(
                    f"/v1/shops/s1/connector/{platform}",
                    json={"base_url": "http://169.254.169.254", "access_token": "t", **ids},
                    headers=manager,
                )
                assert put.status_code == 422, put.text
                assert "base_url: 169.254.169.254 is a link-local address" in put.text
            ok = await http.put(
                "/v1/shops/s1/connector", json={"url": "https://replies.example.com/x"}
            )
            assert ok.status_code in (401, 403)  # no key: the URL itself would pass
            ok = await http.put(
                "/v1/shops/s1/connector",
                json={"url": "https://replies.example.com/x"},
                headers=manager,
            )
            assert ok.status_code == 200, ok.text
        await delivery_to_loopback_fails(responder)


async def delivery_to_loopback_fails(responder: Responder) -> None:
    with Receiver() as receiver:
        async with responder.pool.acquire() as conn:
            # Stored as an older version would have (or before the name moved inside).
            await shops.set_connector(conn, "s1", receiver.url, "whsec_c2VjcmV0LXNlY3JldA==")
        async with responder.http() as http:
            manager = await manager_of(http)
            await queue_reply(responder, http, manager, "webhook")
            await responder.publish()
            latest = await publication(http, manager, "webhook")
    assert receiver.calls == []
    assert latest["status"] == "failed", latest
    assert "destination refused" in latest["last_error"]


async def test_ingest_refuses_internal_platform_api_roots(make_settings) -> None:
    settings = make_settings(IngestSettings)
    app, _ = build_ingest(settings)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://i") as h:
        admin = {"Authorization": f"Bearer {settings.admin_token.get_secret_value()}"}
        body = {"store_hash": "abc", "access_token": "t", "api_base_url": "http://10.1.2.3"}
        put = await h.put("/v1/admin/shops/any/api-credentials", json=body, headers=admin)
    assert put.status_code == 422, put.text
    assert put.json()["detail"] == "api_base_url: 10.1.2.3 is a private address"
