"""What the end-to-end benchmark runs against, besides PostgreSQL and Kafka (started and stopped
by `bench.ingest.targets`): the four services as real processes, the recording SMTP sink, the
bench shops, and the database readings that split a latency into its stages."""

import asyncio
import base64
import re
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import asyncpg
import httpx

from bench.e2e import sink
from bench.ingest.targets import ADMIN_HEADERS, ServerProcess
from deploy.local.launcher import free_port
from deploy.local.smtp_sink import SinkProcess
from shared.settings import dev_secret

API_HEADERS = {"Authorization": f"Bearer {dev_secret('api-token').get_secret_value()}"}
# What the bench shop of the survey flow sets through the survey's settings API: ask right after
# delivery (no usage delay for products without a category), at any hour, on any day.
SURVEY_SHOP_SETTINGS = {
    "default_delay_days": 0,
    "send_window_start_hour": 0,
    "send_window_end_hour": 24,
    "skip_sundays": False,
}


@dataclass(frozen=True)
class SinkRecord:
    at: float
    rcpt: str
    message_id: str
    marker: str
    subject: str


class Sink(SinkProcess):
    """The sink with `bench.e2e.sink`'s recorder, in its own process (see there)."""

    def __init__(self, log_path: Path) -> None:
        super().__init__(log_path, free_port(), control=sink.CONTROL)

    async def count(self) -> int:
        return int((await self.command("count")).split()[1])

    async def matched(self, prefix: str) -> int:
        return int((await self.command(f"matched {prefix}")).split()[1])

    async def clear(self) -> None:
        await self.command("clear")

    async def dump(self, path: Path) -> list[SinkRecord]:
        await self.command(f"dump {path}")
        text = await asyncio.to_thread(path.read_text)
        records = []
        for line in text.splitlines():
            at, rcpt, mid, marker, subject = line.split("\t", 4)
            records.append(SinkRecord(float(at), rcpt, mid, marker, subject))
        return records


def new_webhook_secret() -> str:
    return "whsec_" + base64.b64encode(secrets.token_bytes(32)).decode()


async def _call(client: httpx.AsyncClient, method: str, url: str, **kwargs: Any) -> Any:
    r = await client.request(method, url, **kwargs)
    if r.status_code >= 300:
        raise RuntimeError(f"{method} {url}: {r.status_code} {r.text[:300]}")
    return r.json()


async def create_shop(
    services: dict[str, ServerProcess], shop_id: str, secret: str, flow: str, support: str
) -> None:
    """One `standard` shop in ingest, and what its flow needs: an alert recipient (the shop's
    contact address, which the registry announces to the notifier) with the daily digest off,
    or the always-open, no-delay survey settings."""
    body = {
        "shop_id": shop_id,
        "platform": "standard",
        "display_name": f"Bench {shop_id}",
        "locale": "en",
        "country": "SI",
        "timezone": "Europe/Ljubljana",
        "webhook_secret": secret,
        # Required by the registry (#18), and the alert recipient by default: the alert flow
        # counts the emails to it.
        "contact_email": support,
    }
    async with httpx.AsyncClient(timeout=30.0) as client:
        await _call(
            client,
            "POST",
            f"{services['ingest'].url}/v1/admin/shops",
            json=body,
            headers=ADMIN_HEADERS,
        )
        if flow == "alert":
            await _call(
                client,
                "PUT",
                f"{services['notifier'].url}/v1/shops/{shop_id}/notification-settings",
                json={"digest_enabled": False},
                headers=API_HEADERS,
            )
        else:
            await _call(
                client,
                "PUT",
                f"{services['survey'].url}/v1/shops/{shop_id}/survey-settings",
                json=SURVEY_SHOP_SETTINGS,
                headers=API_HEADERS,
            )


# -- where the time goes -------------------------------------------------------------------------
# Timestamps the services write anyway, read after a step with the admin role. PostgreSQL's
# now() is the start of the writing transaction, so each one marks when that step *began*.

ALERT_STAGES_SQL = """
SELECT r.source_review_id AS marker,
       extract(epoch FROM r.received_at)::float8 AS stored,
       extract(epoch FROM o.created_at)::float8 AS classified,
       extract(epoch FROM o.sent_at)::float8 AS relayed,
       extract(epoch FROM n.created_at)::float8 AS consumed,
       extract(epoch FROM n.claimed_at)::float8 AS claimed
FROM ingest.reviews r
LEFT JOIN ingest.outbox o
       ON o.event_type = 'review.classified' AND o.partition_key = r.shop_id || ':' || r.review_id
LEFT JOIN notifier.notifications n
       ON n.shop_id = r.shop_id AND n.review_id = r.review_id AND n.kind = 'alert'
WHERE r.shop_id = $1
"""

SURVEY_STAGES_SQL = """
SELECT s.order_id AS marker,
       extract(epoch FROM d.created_at)::float8 AS stored,
       extract(epoch FROM d.sent_at)::float8 AS relayed,
       extract(epoch FROM i.processed_at)::float8 AS consumed,
       extract(epoch FROM e.claimed_at)::float8 AS claimed
FROM survey.surveys s
JOIN survey.survey_emails e ON e.survey_id = s.id AND e.kind = 'invitation'
LEFT JOIN ingest.outbox d
       ON d.event_type = 'order.delivered' AND d.partition_key = s.shop_id || ':' || s.order_id
LEFT JOIN survey.inbox i ON i.event_id = d.event_id
WHERE s.shop_id = $1
"""

# (stage name, from column, to column); "scheduled" is the item's scheduled send time and
# "accepted" the SMTP sink's accept time.
ALERT_STAGES = (
    ("ingest: request until its transaction", "scheduled", "stored"),
    ("ingest: wait for the classifier, classify", "stored", "classified"),
    ("ingest: outbox relay picks the event up", "classified", "relayed"),
    ("Kafka + notifier consumer picks it up", "relayed", "consumed"),
    ("notifier: handler, then wait for the delivery worker", "consumed", "claimed"),
    ("notifier: SMTP until the sink accepts", "claimed", "accepted"),
)
SURVEY_STAGES = (
    ("ingest: both requests until the delivery's transaction", "scheduled", "stored"),
    ("ingest: outbox relay picks the event up", "stored", "relayed"),
    ("Kafka + survey consumer picks it up", "relayed", "consumed"),
    ("survey: handler, then wait for the dispatcher", "consumed", "claimed"),
    ("survey: checks, rendering, SMTP until the sink accepts", "claimed", "accepted"),
)


async def stage_times(
    admin_dsn: str, database: str, flow: str, shop_id: str
) -> dict[str, dict[str, Any]]:
    """Per marker: the services' own timestamps of the stages an item went through."""
    conn = await asyncpg.connect(admin_dsn, database=database)
    try:
        sql = ALERT_STAGES_SQL if flow == "alert" else SURVEY_STAGES_SQL
        rows = await conn.fetch(sql, shop_id)
    finally:
        await conn.close()
    return {r["marker"]: dict(r) for r in rows}


_HANDLE = re.compile(
    r'^reviewloop_consumer_handle_seconds_(sum|count)\{consumer="([^"]+)"\} ([0-9.eE+-]+)$',
    re.MULTILINE,
)


async def consumer_totals(services: dict[str, ServerProcess]) -> dict[str, dict[str, float]]:
    """Per consumer (`<service>/<consumer>`): messages handled and seconds spent handling them
    so far (each service's own `reviewloop_consumer_handle_seconds` histogram, database
    transaction included)."""
    totals: dict[str, dict[str, float]] = {}
    async with httpx.AsyncClient(timeout=10.0) as client:
        for name, service in services.items():
            try:
                text = (await client.get(f"{service.url}/metrics")).text
            except httpx.HTTPError:
                continue
            for kind, consumer, value in _HANDLE.findall(text):
                totals.setdefault(f"{name}/{consumer}", {"sum": 0.0, "count": 0.0})[kind] = float(
                    value
                )
    return totals


def consumer_figures(
    before: dict[str, dict[str, float]], after: dict[str, dict[str, float]], window_s: float
) -> dict[str, dict[str, float]]:
    """Messages, mean handling time and busy share of each consumer over a window: a consumer
    handles one message at a time, so a busy share near 1 means it was the bottleneck."""
    out = {}
    for key, now in after.items():
        then = before.get(key, {"sum": 0.0, "count": 0.0})
        count = now["count"] - then["count"]
        seconds = now["sum"] - then["sum"]
        if count <= 0:
            continue
        out[key] = {
            "messages": int(count),
            "mean_ms": round(seconds / count * 1000, 2),
            "busy_share": round(seconds / window_s, 2) if window_s > 0 else 0.0,
        }
    return out
