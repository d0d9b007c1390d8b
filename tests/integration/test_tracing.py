"""One trace from an order webhook to the survey email it causes, through real processes:
ingest's HTTP span -> (outbox) -> the relay's Kafka send -> survey's consume span -> (the email
row) -> the dispatcher's SMTP span. Each service writes its spans as JSON lines to a file (the
`file` exporter), which the test reads."""

import json
import mailbox
import time
import uuid
from collections.abc import Iterator
from email import message_from_bytes, policy
from pathlib import Path
from typing import Any

import httpx
import pytest

from shared.topics import ORDERS, topic_name
from tests.conftest import service_env
from tests.support.admin import API, create_shop
from tests.support.observability import DUE_AT_ONCE, order_webhook
from tests.support.platforms import body_of, standard_headers
from tests.support.services import ServiceProcess

pytestmark = pytest.mark.integration

WHSEC = "whsec_dHJhY2luZy1zZWNyZXQtMDEyMzQ1Njc4OWFiY2Q="


@pytest.fixture
def traced(infra, database, prefix, log_dir, tmp_path) -> Iterator[dict[str, Any]]:
    procs = {}
    spans = {}
    for name in ("ingest", "survey"):
        p = name.upper() + "_"
        spans[name] = tmp_path / f"{name}-spans.jsonl"
        env = {
            **service_env(name, infra, database, prefix),
            p + "SMTP_HOST": infra.smtp_host,
            p + "SMTP_PORT": str(infra.smtp_port),
            p + "OTEL_EXPORTER": "file",
            p + "OTEL_FILE_PATH": str(spans[name]),
        }
        procs[name] = ServiceProcess(name, env, log_dir)
    try:
        for proc in procs.values():
            proc.start()
        for proc in procs.values():
            proc.wait_ready()
        yield {"procs": procs, "spans": spans}
    finally:
        for proc in procs.values():
            proc.kill()


def read_spans(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def mails_to(maildir, address: str) -> list:
    box = mailbox.Maildir(maildir, create=False)
    found = [message_from_bytes(box.get_bytes(k), policy=policy.default) for k in box.keys()]
    return [m for m in found if address in str(m["To"])]


def test_one_trace_links_the_webhook_the_kafka_consumer_and_the_smtp_send(
    traced, infra, prefix
) -> None:
    ingest, survey = traced["procs"]["ingest"], traced["procs"]["survey"]
    shop_id = f"trc-{uuid.uuid4().hex[:6]}"
    customer = f"traced-{uuid.uuid4().hex[:8]}@example.com"
    create_shop(ingest.url, shop_id, "standard", WHSEC)
    r = httpx.put(f"{survey.url}/v1/shops/{shop_id}/survey-settings", json=DUE_AT_ONCE, headers=API)
    assert r.status_code == 200, r.text

    body = body_of(order_webhook("o-traced", customer))
    posted = httpx.post(
        f"{ingest.url}/webhooks/standard/{shop_id}",
        content=body,
        headers=standard_headers(body, WHSEC),
        timeout=10,
    )
    assert posted.status_code == 202, posted.text

    def smtp_spans() -> list[dict[str, Any]]:
        return [s for s in read_spans(traced["spans"]["survey"]) if s["name"] == "smtp send"]

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (smtp_spans() and mails_to(infra.maildir, customer)):
        time.sleep(0.3)
    assert mails_to(infra.maildir, customer), ingest.log_tail() + survey.log_tail()
    assert smtp_spans(), survey.log_tail()

    ingest_spans = read_spans(traced["spans"]["ingest"])
    survey_spans = read_spans(traced["spans"]["survey"])
    by_id = {s["context"]["span_id"]: s for s in ingest_spans + survey_spans}

    # The webhook's server span in ingest, named by route template.
    [server] = [
        s
        for s in ingest_spans
        if s["kind"] == "SpanKind.SERVER" and "/webhooks/{platform}/{shop_id}" in s["name"]
    ]
    trace_id = server["context"]["trace_id"]
    assert server["resource"]["attributes"]["service.name"] == "reviewloop-ingest"

    def in_trace(spans: list[dict[str, Any]], kind: str, name_part: str) -> list[dict[str, Any]]:
        return [
            s
            for s in spans
            if s["context"]["trace_id"] == trace_id and s["kind"] == kind and name_part in s["name"]
        ]

    orders_topic = topic_name(ORDERS.name, prefix)
    # The relay published the outbox row inside the request's trace...
    [send] = in_trace(ingest_spans, "SpanKind.PRODUCER", f"{orders_topic} send")
    # ...the webhook's own database work is in it too...
    assert in_trace(ingest_spans, "SpanKind.CLIENT", "INSERT")
    # ...survey handled the record as a child of that send...
    [process] = in_trace(survey_spans, "SpanKind.CONSUMER", f"{orders_topic} process")
    assert process["parent_id"] == send["context"]["span_id"]
    assert process["attributes"]["reviewloop.event.type"] == "order.placed"
    assert process["resource"]["attributes"]["service.name"] == "reviewloop-survey"
    # ...and the invitation it scheduled went out over SMTP in the same trace.
    [smtp] = in_trace(survey_spans, "SpanKind.CLIENT", "smtp send")
    assert smtp["attributes"]["reviewloop.smtp.outcome"] == "accepted"
    assert smtp["attributes"]["server.port"] == infra.smtp_port

    # Every one of those spans reaches the webhook's server span by its parents.
    for span in (send, process, smtp):
        chain = [span["name"]]
        while span["parent_id"] is not None:
            span = by_id[span["parent_id"]]
            chain.append(span["name"])
        assert span is server, chain

    # Probes and scrapes are not traced; queries outside any trace are not recorded.
    assert not [s for s in ingest_spans + survey_spans if "/readyz" in s["name"]]
    assert all(
        s["parent_id"] is not None
        for s in ingest_spans + survey_spans
        if s["kind"] == "SpanKind.CLIENT" and "db.system" in str(s["attributes"])
    )
