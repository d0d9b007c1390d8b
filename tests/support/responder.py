"""The responder in-process against real PostgreSQL, with a clock the test moves: events are
fed straight to the consumer's handlers, HTTP goes through httpx's ASGI transport, and the
workers run when the test says so."""

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import httpx

from services.responder.app import MIGRATIONS, build
from services.responder.consumer import HANDLERS
from services.responder.publishing.automation import AutomationWorker
from services.responder.publishing.worker import PublishWorker
from services.responder.settings import ResponderSettings
from shared.db.migrations import apply_migrations, service_migrations
from shared.db.pool import Pool, create_pool
from shared.events import ReviewClassified, ShopUpdated
from shared.events.envelope import EventEnvelope
from tests.support.clock import T0, Clock

BOOTSTRAP = {"Authorization": "Bearer bootstrap-admin-key-dev-only"}


@dataclass
class Responder:
    settings: ResponderSettings
    pool: Pool
    clock: Clock = field(default_factory=Clock)

    async def feed(self, event: EventEnvelope[Any]) -> None:
        async with self.pool.acquire() as conn, conn.transaction():
            await HANDLERS[event.type](conn, event)  # type: ignore[arg-type]

    async def publish(self) -> int:
        return await PublishWorker(self.pool, self.settings, self.clock).run_once()

    async def automate(self) -> int:
        return await AutomationWorker(self.pool, self.settings, self.clock).run_once()

    @asynccontextmanager
    async def http(self) -> AsyncIterator[httpx.AsyncClient]:
        app, runtime = build(self.settings)
        runtime.pool = self.pool
        runtime.clock = self.clock
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://responder") as client:
            yield client

    async def outbox(self, event_type: str) -> list[dict[str, Any]]:
        import json

        rows = await self.pool.fetch(
            "SELECT body FROM outbox WHERE event_type = $1 ORDER BY id", event_type
        )
        return [json.loads(r["body"]) for r in rows]


@asynccontextmanager
async def running_responder(
    make_settings: Callable[..., ResponderSettings], **overrides: Any
) -> AsyncIterator[Responder]:
    settings = make_settings(ResponderSettings, **overrides)
    pool = await create_pool(settings)
    try:
        await apply_migrations(pool, "responder", service_migrations("responder", MIGRATIONS))
        yield Responder(settings, pool)
    finally:
        await pool.close()


def bearer(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


async def user_with_key(
    http: httpx.AsyncClient, role: str, shop_ids: list[str], name: str | None = None
) -> tuple[int, dict[str, str]]:
    """A user and the headers of a fresh API key of theirs."""
    r = await http.post(
        "/v1/users",
        headers=BOOTSTRAP,
        json={
            "name": name or f"{role} of {','.join(shop_ids)}",
            "role": role,
            "shop_ids": shop_ids,
        },
    )
    assert r.status_code == 201, r.text
    user_id = r.json()["id"]
    k = await http.post(f"/v1/users/{user_id}/api-keys", headers=BOOTSTRAP, json={})
    assert k.status_code == 201, k.text
    return user_id, bearer(k.json()["key"])


def shop_event(
    shop_id: str,
    country: str = "SI",
    *,
    version: int = 0,
    timezone: str = "Europe/Ljubljana",
    contact_email: str | None = None,
    contact_url: str | None = None,
    contact_phone: str | None = None,
    **sla: Any,
) -> ShopUpdated:
    """The registry's announcement of the shop; `sla` members (`hours`, `due_soon_hours`,
    `business_hours_only`, ...) and the contact are the registry's, not the responder's."""
    return ShopUpdated(
        shop_id=shop_id,
        occurred_at=T0 - timedelta(days=30),
        payload={
            "version": version,
            "platform": "standard",
            "display_name": f"Shop {shop_id}",
            "locale": "en",
            "country": country,
            "timezone": timezone,
            "contact_email": contact_email,
            "contact_url": contact_url,
            "contact_phone": contact_phone,
            "sla": sla,
        },
    )


def classified(
    shop_id: str,
    review_id: str,
    *,
    sentiment: str = "negative",
    rating: int | None = 1,
    revision: int = 1,
    created: datetime = T0,
    severity: str = "low",
    topics: tuple[str, ...] = (),
    language: str = "en",
    text: str = "The teapot arrived broken and nobody answers.",
    reviewer_name: str | None = "Anna Novak",
    order_id: str | None = "1001",
    verified: bool = True,
    source: str = "trustpilot",
    confidence: float = 0.95,
    question: tuple[str, float] | None = None,
    removal_candidate: bool = False,
    abuse: tuple[str, ...] = (),
    case_key: str | None = None,
    product_id: str | None = "pot",
    title: str | None = None,
    mismatch: bool = False,
) -> ReviewClassified:
    return ReviewClassified(
        occurred_at=created,
        shop_id=shop_id,
        payload={
            "review_id": review_id,
            "source": source,
            "source_review_id": review_id.split(":")[-1],
            "case_key": case_key or (f"order:{order_id}" if order_id else f"review:{review_id}"),
            "revision": revision,
            "rating": rating,
            "title": title,
            "text": text,
            "reviewer_name": reviewer_name,
            "product_id": product_id,
            "verified": verified,
            "match_method": "reference" if order_id else None,
            "order": (
                {
                    "order_id": order_id,
                    "placed_at": created - timedelta(days=5),
                    "items": [
                        {"product_id": "pot", "name": "Teapot", "quantity": 1, "unit_price": "35"}
                    ],
                }
                if order_id
                else None
            ),
            "created_at": created,
            "updated_at": created,
            "classification": {
                "model_version": "test",
                "language": language,
                "language_confidence": 0.9,
                "sentiment": sentiment,
                "sentiment_confidence": confidence,
                "star_text_mismatch": mismatch,
                "severity": severity,
                "severity_reasons": ["safety"] if severity == "high" else [],
                "removal_candidate": removal_candidate,
                "topics": [{"name": t, "confidence": 0.8} for t in topics],
                "abuse": [{"name": a, "confidence": 0.9} for a in abuse],
                "question": (
                    {"name": question[0], "confidence": question[1]} if question else None
                ),
            },
        },
    )
