"""An in-process survey service for tests: real PostgreSQL, real SMTP, a clock the test moves."""

import asyncio
import contextlib
import mailbox
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import datetime
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import httpx

from services.survey import suppressions
from services.survey.app import MIGRATIONS, build
from services.survey.dispatch.worker import Dispatcher
from services.survey.follow_ups.handlers import follow_up_consumer
from services.survey.follow_ups.worker import FollowUpDispatcher
from services.survey.moderation_notices.worker import ModerationNoticeDispatcher
from services.survey.privacy.handlers import privacy_consumer
from services.survey.settings import SurveySettings
from services.survey.shops.handlers import shop_consumer
from services.survey.surveys.handlers import order_consumer
from shared.db.migrations import apply_migrations, service_migrations
from shared.db.pool import Pool, create_pool
from shared.events import OrderPlaced, serialize_event
from shared.events.envelope import EventEnvelope
from shared.events.shops import ShopUpdated
from shared.kafka.admin import ensure_topics
from shared.kafka.consumer import ConsumerRunner, ConsumerSpec
from shared.kafka.producer import create_producer
from shared.topics import topic_name
from tests.support.clock import T0, Clock
from tests.support.kafka import produce


@dataclass
class SurveyHarness:
    settings: SurveySettings
    pool: Pool
    maildir: Path
    clock: Clock = field(default_factory=Clock)

    @classmethod
    async def start(cls, settings: SurveySettings, maildir: Path) -> "SurveyHarness":
        pool = await create_pool(settings)
        await apply_migrations(pool, "survey", service_migrations("survey", MIGRATIONS))
        return cls(settings, pool, maildir)

    async def close(self) -> None:
        await self.pool.close()

    def consumer_specs(self) -> list[ConsumerSpec]:
        """The service's consumers, on the test's clock."""
        return [
            order_consumer(self.settings, self.clock),
            shop_consumer(self.settings, self.clock),
            privacy_consumer(self.settings.suppression_pepper),
            follow_up_consumer(self.settings, self.clock),
        ]

    async def feed(self, event: EventEnvelope[Any]) -> None:
        """Apply an event as the consumer would (inbox aside), in one transaction."""
        specs = self.consumer_specs()
        handler = next(s.handlers[event.type] for s in specs if event.type in s.handlers)
        async with self.pool.acquire() as conn, conn.transaction():
            await handler(conn, event)  # type: ignore[arg-type]

    @contextlib.asynccontextmanager
    async def consuming(self, *names: str) -> AsyncIterator[None]:
        """The named consumers (e.g. "survey.replies") running against real Kafka, with the
        inbox and dead-letter handling of the service itself."""
        s = self.settings
        await ensure_topics(s.kafka_bootstrap_servers, s.kafka_topic_prefix, 2)
        producer = create_producer(s)
        await producer.start()
        runners = [
            ConsumerRunner(spec, s, self.pool, producer)
            for spec in self.consumer_specs()
            if spec.name in names
        ]
        assert len(runners) == len(names), "unknown consumer name"
        tasks = [asyncio.create_task(r.run()) for r in runners]
        try:
            yield
        finally:
            for runner in runners:
                await runner.stop()
            await asyncio.wait_for(asyncio.gather(*tasks), 15)
            await producer.stop()

    async def publish(self, event: EventEnvelope[Any]) -> None:
        """Produce the event to its (prefixed) topic as a service's outbox relay would."""
        await produce(
            self.settings.kafka_bootstrap_servers,
            topic_name(event.topic.name, self.settings.kafka_topic_prefix),
            serialize_event(event),
            key=event.partition_key().encode(),
        )

    async def shop(self, shop_id: str, country: str = "SI", tz: str = "Europe/Ljubljana") -> None:
        await self.feed(
            ShopUpdated(
                shop_id=shop_id,
                payload={
                    "platform": "standard",
                    "display_name": "Čaj & Co",
                    "locale": "sl",
                    "country": country,
                    "timezone": tz,
                },
            )
        )

    async def suppression(self, email: str) -> str | None:
        """The address's suppression reason (the list keeps keyed hashes, not addresses)."""
        reason: str | None = await self.pool.fetchval(
            "SELECT reason FROM suppressions WHERE email_key = $1",
            suppressions.address_key(email, self.settings.suppression_pepper),
        )
        return reason

    def dispatcher(self, tokens: Any = None) -> Dispatcher:
        app, _ = build(self.settings)
        return Dispatcher(self.pool, self.settings, tokens or app.state.tokens, self.clock)

    def follow_up_dispatcher(self, tokens: Any = None) -> FollowUpDispatcher:
        app, _ = build(self.settings)
        return FollowUpDispatcher(self.pool, self.settings, tokens or app.state.tokens, self.clock)

    def moderation_notice_dispatcher(self) -> ModerationNoticeDispatcher:
        return ModerationNoticeDispatcher(self.pool, self.settings, self.clock)

    def http(self) -> httpx.AsyncClient:
        app, runtime = build(self.settings)
        runtime.pool = self.pool
        runtime.clock = self.clock
        return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://survey")

    def mails_to(self, recipient: str) -> list[EmailMessage]:
        box = mailbox.Maildir(self.maildir, create=False)
        found = []
        for key in box.keys():
            parsed = message_from_bytes(box.get_bytes(key), policy=policy.default)
            assert isinstance(parsed, EmailMessage)
            if recipient in str(parsed["To"] or ""):
                found.append(parsed)
        return sorted(found, key=lambda m: m["Date"].datetime)

    async def status_of(self, shop_id: str, order_id: str) -> tuple[str, str | None]:
        row = await self.pool.fetchrow(
            """
            SELECT e.status, e.skip_reason FROM survey_emails e JOIN surveys s ON s.id = e.survey_id
            WHERE s.shop_id = $1 AND s.order_id = $2 AND e.kind = 'invitation'
            """,
            shop_id,
            order_id,
        )
        assert row is not None, "no invitation scheduled"
        return row["status"], row["skip_reason"]


@contextlib.asynccontextmanager
async def running_survey(
    infra: Any, make_settings: Any, shop: str, *, smtp_port: int | None = None
) -> AsyncIterator[SurveyHarness]:
    """A harness on its own database with `shop` set up, sending to the session's SMTP sink
    (or to 127.0.0.1:`smtp_port`), with the public URL and Message-ID domain the tests expect."""
    settings = make_settings(
        SurveySettings,
        smtp_host=infra.smtp_host if smtp_port is None else "127.0.0.1",
        smtp_port=infra.smtp_port if smtp_port is None else smtp_port,
        public_base_url="https://surveys.example.com",
        message_id_domain="surveys.example.com",
    )
    harness = await SurveyHarness.start(settings, infra.maildir)
    try:
        await harness.shop(shop)
        yield harness
    finally:
        await harness.close()


def unique_email() -> str:
    return f"buyer-{uuid.uuid4().hex[:10]}@example.com"


def placed(
    shop_id: str, order_id: str, email: str, at: datetime = T0, locale: str = "sl-SI", **kw: Any
) -> OrderPlaced:
    payload = {
        "order_id": order_id,
        "platform": "standard",
        "placed_at": at,
        "currency": "EUR",
        "customer": {"email": email, "name": "Ana Novak", "locale": locale, "country": "SI"},
        "items": [
            {
                "product_id": "tea",
                "name": "Zeleni čaj <b>bio</b>",
                "category": "Food",
                "quantity": 2,
                "unit_price": "4.50",
            },
            {
                "product_id": "pot",
                "name": "Čajnik",
                "category": "Home",
                "quantity": 1,
                "unit_price": "35.00",
            },
        ],
        "shipping_country": "SI",
    }
    payload.update(kw)
    return OrderPlaced(shop_id=shop_id, payload=payload)
