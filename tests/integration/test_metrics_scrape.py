"""Every service's /metrics, scraped as Prometheus would while real traffic flows: order
webhooks whose surveys are due at once (sent, and one skipped), a negative review that alerts
support, a poison record that lands in the dead-letter topic."""

import asyncio
import mailbox
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from email import message_from_bytes, policy
from typing import Any

import httpx
import pytest

from shared.topics import ORDERS, topic_name
from tests.conftest import service_env
from tests.support.admin import API, create_shop
from tests.support.kafka import produce
from tests.support.observability import DUE_AT_ONCE, Scrape, order_webhook, scrape
from tests.support.platforms import body_of, standard_headers
from tests.support.services import ServiceProcess, running_services, smtp_env

pytestmark = pytest.mark.integration

SERVICES = ("ingest", "survey", "notifier", "responder")
WHSEC = "whsec_bWV0cmljcy1zZWNyZXQtMDEyMzQ1Njc4OWFiY2Q="


@pytest.fixture
def stack(infra, database, prefix, log_dir) -> Iterator[dict[str, ServiceProcess]]:
    envs = {n: {**service_env(n, infra, database, prefix), **smtp_env(n, infra)} for n in SERVICES}
    with running_services(envs, log_dir) as procs:
        yield procs


def negative_review(review_id: str) -> dict[str, Any]:
    return {
        "type": "review.created",
        "data": {
            "review_id": review_id,
            "rating": 1,
            "title": "Broken and no answer",
            "text": "The package arrived damaged and the teapot was broken. Nobody answers.",
            "language": "en",
            "created_at": datetime.now(UTC).isoformat(),
            "reviewer": {"name": "Ana"},
        },
    }


def mails_to(maildir, address: str) -> int:
    box = mailbox.Maildir(maildir, create=False)
    found = [message_from_bytes(box.get_bytes(k), policy=policy.default) for k in box.keys()]
    return sum(1 for m in found if address in str(m["To"]))


def wait_for(check, what: str, procs: dict[str, ServiceProcess], wait_s: float = 60.0) -> None:
    deadline = time.monotonic() + wait_s
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.3)
    tails = "\n".join(f"--- {n}\n{p.log_tail(20)}" for n, p in procs.items())
    raise AssertionError(f"timed out waiting for {what}\n{tails}")


def grew(before: Scrape, after: Scrape, name: str, by: float = 1, **labels: str) -> bool:
    return after.value(name, **labels) - before.value(name, **labels) >= by


def test_every_service_exports_the_named_series_and_they_move(stack, infra, prefix) -> None:
    ingest, survey = stack["ingest"], stack["survey"]
    before = {name: scrape(p.url) for name, p in stack.items()}

    shop_id = f"met-{uuid.uuid4().hex[:6]}"
    support = f"support-{uuid.uuid4().hex[:8]}@example.com"
    customers = [f"buyer{i}-{uuid.uuid4().hex[:6]}@example.com" for i in range(2)]
    # The alert's recipient is the registry's (#18): the shop's contact address.
    create_shop(ingest.url, shop_id, "standard", WHSEC, contact_email=support)
    r = httpx.put(f"{survey.url}/v1/shops/{shop_id}/survey-settings", json=DUE_AT_ONCE, headers=API)
    assert r.status_code == 200, r.text

    # Two surveys to send, one to skip (a business order), one webhook that matches no shop.
    orders = [order_webhook(f"o-{i}", email) for i, email in enumerate(customers)]
    orders.append(order_webhook("o-b2b", f"company-{uuid.uuid4().hex[:6]}@example.com", b2b=True))
    for payload in orders:
        body = body_of(payload)
        posted = httpx.post(
            f"{ingest.url}/webhooks/standard/{shop_id}",
            content=body,
            headers=standard_headers(body, WHSEC),
            timeout=10,
        )
        assert posted.status_code == 202, posted.text
    body = body_of(orders[0])
    missing = httpx.post(
        f"{ingest.url}/webhooks/standard/no-such-shop",
        content=body,
        headers=standard_headers(body, WHSEC),
        timeout=10,
    )
    assert missing.status_code == 404

    body = body_of(negative_review("neg-1"))
    posted = httpx.post(
        f"{ingest.url}/reviews/generic/{shop_id}",
        content=body,
        headers=standard_headers(body, WHSEC),
        timeout=10,
    )
    assert posted.status_code == 202, posted.text

    # A record no consumer can parse: survey's order consumer dead-letters it.
    asyncio.run(
        produce(infra.kafka_bootstrap, topic_name(ORDERS.name, prefix), b"not an event", key=b"x:y")
    )

    wait_for(
        lambda: all(mails_to(infra.maildir, c) == 1 for c in customers),
        "the survey invitations",
        stack,
    )
    wait_for(lambda: mails_to(infra.maildir, support) == 1, "the alert email", stack)
    wait_for(
        lambda: scrape(survey.url).has("reviewloop_emails_skipped_total", reason="b2b"),
        "the skipped business survey",
        stack,
    )
    wait_for(
        lambda: scrape(survey.url).has("reviewloop_dlq_messages_total", topic=ORDERS.name),
        "the dead letter",
        stack,
    )
    # The outbox gauges refresh every few seconds; the lag gauge every second.
    time.sleep(6)
    after = {name: scrape(p.url) for name, p in stack.items()}

    # -- every service: HTTP by route template, outbox gauges, consumer lag ----------------
    for name in SERVICES:
        a, b = after[name], before[name]
        assert grew(b, a, "reviewloop_http_requests_total", route="/metrics", status="200"), name
        assert a.has("reviewloop_http_request_duration_seconds_bucket", route="/metrics"), name
        assert a.has("reviewloop_outbox_backlog_events"), name
        assert a.has("reviewloop_outbox_oldest_age_seconds"), name
        assert a.has("reviewloop_consumer_lag_messages"), name
        for lag in a.labels_of("reviewloop_consumer_lag_messages"):
            # Logical topic names (no test prefix) and partition numbers only.
            assert lag["topic"].startswith("reviewloop."), lag
            assert lag["partition"].isdigit(), lag
        for family in (
            "reviewloop_events_consumed",
            "reviewloop_events_failed",
            "reviewloop_events_produced",
            "reviewloop_dlq_messages",
            "reviewloop_event_latency_seconds",
            "reviewloop_emails_sent",
            "reviewloop_emails_failed",
            "reviewloop_emails_skipped",
            "reviewloop_alerts_sent",
            "reviewloop_sla_breaches",
        ):
            assert family in a.families, (name, family)
        # No raw paths, no shop ids in any label.
        for (_, pairs), _value in a.samples.items():
            assert all(shop_id not in v for _, v in pairs), pairs

    # -- ingest: webhooks and reviews in, events out -----------------------------------------
    i, i0 = after["ingest"], before["ingest"]
    webhook_route = "/webhooks/{platform}/{shop_id}"
    assert grew(i0, i, "reviewloop_http_requests_total", 3, route=webhook_route, status="202")
    assert grew(i0, i, "reviewloop_http_requests_total", 1, route=webhook_route, status="404")
    assert grew(i0, i, "reviewloop_http_request_duration_seconds_count", 4, route=webhook_route)
    assert grew(i0, i, "reviewloop_http_requests_total", route="/reviews/{source}/{shop_id}")
    assert grew(i0, i, "reviewloop_events_produced_total", 3, topic=ORDERS.name)
    assert grew(i0, i, "reviewloop_events_produced_total", topic="reviewloop.reviews.classified")
    assert grew(i0, i, "reviewloop_outbox_published_total", 4)
    assert i.value("reviewloop_outbox_backlog_events") == 0

    # -- survey: orders consumed, latency observed, emails sent and skipped, a dead letter --
    s, s0 = after["survey"], before["survey"]
    assert grew(s0, s, "reviewloop_events_consumed_total", 4, topic=ORDERS.name)
    assert grew(s0, s, "reviewloop_event_latency_seconds_count", 3, event_type="order.placed")
    assert grew(s0, s, "reviewloop_emails_sent_total", 2, kind="invitation")
    assert grew(s0, s, "reviewloop_emails_skipped_total", 1, kind="invitation", reason="b2b")
    assert grew(s0, s, "reviewloop_events_failed_total", 1, topic=ORDERS.name, reason="invalid")
    assert grew(s0, s, "reviewloop_dlq_messages_total", 1, topic=ORDERS.name, reason="invalid")
    assert grew(s0, s, "reviewloop_events_produced_total", 1, topic=ORDERS.name + ".dlq")
    assert grew(s0, s, "reviewloop_events_produced_total", 3, topic="reviewloop.surveys")
    assert s.has("reviewloop_consumer_lag_messages", topic=ORDERS.name)
    assert s.value("reviewloop_consumer_lag_messages", topic=ORDERS.name) == 0

    # -- notifier: the classified review consumed, the alert email sent -----------------------
    n, n0 = after["notifier"], before["notifier"]
    classified = "reviewloop.reviews.classified"
    assert grew(n0, n, "reviewloop_events_consumed_total", topic=classified)
    assert grew(n0, n, "reviewloop_event_latency_seconds_count", event_type="review.classified")
    assert grew(n0, n, "reviewloop_emails_sent_total", kind="alert")
    assert grew(n0, n, "reviewloop_alerts_sent_total", kind="alert", channel="email")

    # -- responder: consumes the classified review too -----------------------------------------
    r_, r0 = after["responder"], before["responder"]
    assert grew(r0, r_, "reviewloop_events_consumed_total", topic=classified)
