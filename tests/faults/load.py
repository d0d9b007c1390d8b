"""The load generator: shops on three platforms, orders through their lifecycle, duplicate
deliveries, platform reviews of mixed sentiment, survey answers from the emails that arrive.

Time. The survey service keeps the real clock; what the run controls is platform time, the
dates inside the payloads (delivered at, shipped at, placed at), exactly as a platform reports
them. With the shop's survey settings (send window 00-24 every day, the usage delays of
docs/surveys.md, a 90-day fallback), an invitation is due at `delivered_at + usage delay`; the
generator dates each delivery `usage delay` before the moment it wants the survey to fall due,
a few seconds after the delivery webhook. Every order category thereby reaches its due time
during the run, before or after a cancellation or refund as the category asks.

Categories and the invitations they must produce:

| category | lifecycle | invitations |
|---|---|---|
| delivered | placed, shipped, delivered | 1 |
| shipped_only | placed, shipped (due = shipped + shipping estimate + usage delay) | 1 |
| partial_refund | one of the items refunded before the delivery | 1 |
| cancel_after / refund_after | cancelled / fully refunded after the email arrived | 1 |
| cancel_before / refund_before | cancelled / fully refunded before the delivery (due) | 0 |
| b2b | a company's order | 0 |
| no_email | the platform has no address | 0 |
| not_due | placed and paid, never shipped (due in 90 days) | 0 |

Deliveries are retried like a platform retries (connection refused, 5xx) and a share is sent
twice on purpose (same delivery identity), some of them concurrently.
"""

import asyncio
import contextlib
import functools
import logging
import random
import re
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from services.survey.shops.config import SurveyShopSettings
from tests.faults.payloads import (
    CATALOGUE,
    Line,
    OrderSpec,
    Request,
    ReviewSpec,
    review_request,
    shopify,
    shopify_fulfillment,
    shopify_order_body,
    shopify_refund,
    standard_order,
    woo,
)
from tests.faults.smtp import FaultySmtp, Received

log = logging.getLogger(__name__)

PLATFORMS = ("standard", "shopify", "woocommerce")

ELIGIBLE = ("delivered", "shipped_only", "partial_refund", "cancel_after", "refund_after")
INELIGIBLE = ("cancel_before", "refund_before", "b2b", "no_email", "not_due")
CATEGORY_WEIGHTS = {
    "delivered": 40,
    "shipped_only": 8,
    "partial_refund": 7,
    "cancel_after": 6,
    "refund_after": 6,
    "cancel_before": 9,
    "refund_before": 9,
    "b2b": 5,
    "no_email": 3,
    "not_due": 7,
}
# WooCommerce reports no delivery, no B2B and no refunded lines: those categories map here.
WOO_CATEGORY = {"delivered": "shipped_only", "partial_refund": "shipped_only", "b2b": "not_due"}

SURVEY_SETTINGS: dict[str, Any] = {
    # What an operator sets so that surveys can fall due at any hour of a test run.
    "send_window_start_hour": 0,
    "send_window_end_hour": 24,
    "skip_sundays": False,
    "reminder_enabled": False,
    "fallback_days": 90,
    "domestic_shipping_days": 3,
    "default_delay_days": 10,
    "follow_up_enabled": False,
    # The categories above expect an order refunded before its survey is due to get nothing;
    # the default service-only survey for refunded orders (#18) is tested in
    # tests/integration/test_survey_consent.py.
    "refunded_orders": "none",
}

REVIEW_TEXTS: dict[str, list[tuple[int, str, str]]] = {
    "negative": [
        (
            1,
            "Broken on arrival",
            "The package arrived damaged and the teapot was broken. Nobody answers my emails.",
        ),
        (1, "Terrible", "Terrible quality, it stopped working after two days. I want a refund."),
        (2, "Disappointed", "Very disappointed, the item was late and the box was crushed."),
        (1, "Never arrived", "My order never arrived and support ignores me. Awful service."),
        (2, "Poor", "Poor quality, cheap material, fell apart after one wash."),
        (1, "Wrong item", "They sent the wrong item and the refund still has not come."),
    ],
    "positive": [
        (5, "Excellent", "Excellent quality and fast delivery. Very happy with it, thank you!"),
        (5, "Love it", "I love this tea, great taste and lovely packaging."),
        (4, "Good", "Good product, works as described, arrived on time."),
        (5, "Perfect", "Perfect fit and beautiful colour. Would buy again."),
        (4, "Nice", "Nice design and it works well."),
    ],
    "neutral": [
        (3, "Okay", "It is okay. Does the job."),
        (3, "Average", "Average product, nothing special."),
        (3, "Fine", "Fine for the price, nothing more."),
    ],
}
EDIT_SUFFIX = {
    "negative": " Update: still no answer after a week.",
    "positive": " Update: still love it.",
    "neutral": " Update: nothing to add.",
}
SENTIMENT_WEIGHTS = {"negative": 35, "positive": 50, "neutral": 15}
ANSWERS = {
    "negative": (1, "Broken on arrival and nobody answers my emails."),
    "positive": (5, "Great, works well. Very happy with it."),
}


@dataclass
class Shop:
    shop_id: str
    platform: str
    secret: str
    settings: SurveyShopSettings
    support_email: str
    lead_email: str
    digest_email: str
    rules: dict[str, int] = field(default_factory=dict)


@dataclass
class PlannedOrder:
    spec: OrderSpec
    category: str
    answer: str | None = None
    target_due: datetime | None = None
    after_action: str = ""  # "", "sent", "skipped: ..."
    answered_items: int = 0
    answer_status: str = ""

    @property
    def expected(self) -> int:
        return 1 if self.category in ELIGIBLE else 0


@dataclass
class PlannedReview:
    spec: ReviewSpec
    accepted: bool = False
    edited: bool = False


@dataclass
class LoadStats:
    requests: Counter[str] = field(default_factory=Counter)
    answers: Counter[int] = field(default_factory=Counter)
    retries: int = 0
    duplicates: int = 0
    duplicates_concurrent: int = 0
    redeliveries_new_id: int = 0
    failures: list[str] = field(default_factory=list)
    # Seconds per answered delivery (ingest's answer time as the platform sees it).
    latencies: list[float] = field(default_factory=list)
    # When deliveries were answered 2xx, and when an attempt failed (refused, 5xx, 401).
    answered_at: list[float] = field(default_factory=list)
    refused_at: list[float] = field(default_factory=list)

    def during(self, start: float | None, end: float | None) -> tuple[int, int]:
        """Deliveries answered and attempts failed between two moments."""
        if start is None or end is None:
            return 0, 0
        ok = sum(1 for t in self.answered_at if start <= t <= end)
        failed = sum(1 for t in self.refused_at if start <= t <= end)
        return ok, failed

    def latency_percentiles(self) -> dict[str, float]:
        if not self.latencies:
            return {}
        ordered = sorted(self.latencies)

        def at(q: float) -> float:
            return round(ordered[min(int(q * len(ordered)), len(ordered) - 1)] * 1000, 1)

        return {"p50_ms": at(0.5), "p95_ms": at(0.95), "p99_ms": at(0.99)}


@dataclass
class LoadConfig:
    orders: int
    reviews: int
    duration_s: float
    seed: int
    shops: int = 6
    duplicate_share: float = 0.2
    concurrent_duplicate_share: float = 0.25  # of the duplicates
    redelivery_share: float = 0.05
    edit_share: float = 0.1
    answer_share: float = 0.25
    lead_s: tuple[float, float] = (3.0, 15.0)
    step_s: tuple[float, float] = (0.3, 1.5)


def usage_delay(settings: SurveyShopSettings, lines: list[Line], platform: str) -> timedelta:
    """As survey computes it: Shopify and WooCommerce order payloads name no category, so
    their orders get the shop's default delay."""
    return timedelta(
        days=max(
            settings.delay_for(line.product.category if platform == "standard" else None)
            for line in lines
        )
    )


class LoadGenerator:
    def __init__(
        self,
        cfg: LoadConfig,
        shops: list[Shop],
        ingest_url: Callable[[], str],
        smtp: FaultySmtp,
        email_state: Callable[[str, str], Awaitable[str | None]],
    ) -> None:
        self.cfg = cfg
        self.shops = shops
        self.ingest_url = ingest_url
        self.smtp = smtp
        self.email_state = email_state
        self.rng = random.Random(cfg.seed)
        self.stats = LoadStats()
        self.orders: list[PlannedOrder] = []
        self.reviews: list[PlannedReview] = []
        self.http = httpx.AsyncClient(
            timeout=httpx.Timeout(15.0), limits=httpx.Limits(max_connections=64)
        )
        self.gate = asyncio.Semaphore(48)
        self._mail: dict[str, list[Received]] = {}
        self._mail_seen = 0
        self._waiters: dict[str, asyncio.Event] = {}
        self._background: set[asyncio.Task[None]] = set()
        # What each lifecycle is doing (by task name), for a run that does not finish.
        self.stage: dict[str, str] = {}
        self.deadline = float("inf")
        self._order_ids = 100_000 + self.rng.randrange(10**6) * 100

    # -- plan --------------------------------------------------------------------------------

    def plan(self) -> None:
        rng = self.rng
        names = list(CATEGORY_WEIGHTS)
        weights = list(CATEGORY_WEIGHTS.values())
        for i in range(self.cfg.orders):
            shop = self.shops[i % len(self.shops)]
            category = rng.choices(names, weights)[0]
            if shop.platform == "woocommerce":
                category = WOO_CATEGORY.get(category, category)
            self._order_ids += 1
            count = rng.choice((1, 1, 2, 2, 3))
            products = rng.sample(CATALOGUE, count)
            lines = [
                Line(self._order_ids * 10 + n, p, rng.choice((1, 1, 2)))
                for n, p in enumerate(products, 1)
            ]
            spec = OrderSpec(
                shop_id=shop.shop_id,
                platform=shop.platform,
                order_id=str(self._order_ids),
                email=None if category == "no_email" else f"o{self._order_ids}@example.com",
                lines=lines,
                b2b=category == "b2b",
            )
            order = PlannedOrder(spec, category)
            if category in ("delivered", "shipped_only", "partial_refund"):
                if rng.random() < self.cfg.answer_share:
                    order.answer = rng.choice(("negative", "positive", "positive"))
            self.orders.append(order)
        sentiments = list(SENTIMENT_WEIGHTS)
        sweights = list(SENTIMENT_WEIGHTS.values())
        for i in range(self.cfg.reviews):
            shop = self.shops[(i * 7 + 3) % len(self.shops)]
            sentiment = rng.choices(sentiments, sweights)[0]
            rating, title, text = rng.choice(REVIEW_TEXTS[sentiment])
            source = rng.choice(("trustpilot", "google", "generic"))
            reference = None
            if source == "trustpilot" and rng.random() < 0.3:
                same_shop = [o for o in self.orders if o.spec.shop_id == shop.shop_id]
                if same_shop:
                    reference = rng.choice(same_shop).spec.order_id
            self.reviews.append(
                PlannedReview(
                    ReviewSpec(
                        shop_id=shop.shop_id,
                        source=source,
                        review_id=f"r{self.cfg.seed}x{i}x{rng.randrange(10**9)}",
                        rating=rating,
                        title=title,
                        text=text,
                        sentiment=sentiment,
                        created_at=datetime.now(UTC),
                        reference=reference,
                    )
                )
            )

    def shop(self, shop_id: str) -> Shop:
        return next(s for s in self.shops if s.shop_id == shop_id)

    # -- mail --------------------------------------------------------------------------------

    async def watch_mail(self) -> None:
        while True:
            messages = self.smtp.messages()
            for m in messages[self._mail_seen :]:
                self._mail.setdefault(m.recipient, []).append(m)
                waiter = self._waiters.get(m.recipient)
                if waiter is not None:
                    waiter.set()
            self._mail_seen = len(messages)
            await asyncio.sleep(0.3)

    async def wait_invitation(self, order: PlannedOrder) -> Received | None:
        """The invitation as it reached the sink; None when survey settled otherwise (skipped,
        failed, unknown) or the run's deadline passed."""
        email = order.spec.email
        assert email is not None
        event = self._waiters.setdefault(email, asyncio.Event())
        checked = time.monotonic()
        self._stage(f"waiting for the invitation ({order.category})")
        while time.monotonic() < self.deadline:
            for m in self._mail.get(email, []):
                if m.message_id.startswith("<invitation."):
                    return m
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(event.wait(), 2.0)
            event.clear()
            if time.monotonic() - checked > 5:
                checked = time.monotonic()
                state = await self.email_state(order.spec.shop_id, order.spec.order_id)
                if state in ("skipped", "failed", "unknown", "not due in this run"):
                    order.after_action = f"skipped: invitation {state}"
                    return None
        return None

    # -- sending -----------------------------------------------------------------------------

    async def deliver(self, request: Request, kind: str) -> int:
        """POST until the platform would stop retrying: a 2xx, or a 4xx other than an expired
        signature. Returns the final status."""
        delay = 0.2
        attempt = 0
        self._stage(f"delivering {kind}")
        while True:
            attempt += 1
            try:
                async with self.gate:
                    sent_at = time.monotonic()
                    r = await self.http.post(
                        self.ingest_url() + request.url_path,
                        content=request.body,
                        headers=request.fresh_headers(),
                    )
                status = r.status_code
            except httpx.TransportError:
                status = 0
            if 200 <= status < 300:
                self.stats.requests[f"{kind} {status}"] += 1
                self.stats.latencies.append(time.monotonic() - sent_at)
                self.stats.answered_at.append(time.monotonic())
                return status
            self.stats.refused_at.append(time.monotonic())
            if status not in (0, 401, 429) and status < 500:
                self.stats.requests[f"{kind} {status}"] += 1
                self.stats.failures.append(f"{kind}: {status} {r.text[:200]}")
                return status
            if time.monotonic() > self.deadline:
                self.stats.failures.append(f"{kind}: gave up after {attempt} attempts ({status})")
                return status
            self.stats.retries += 1
            await asyncio.sleep(delay * (0.5 + self.rng.random()))
            delay = min(delay * 1.6, 3.0)

    async def send(self, request: Request, kind: str) -> None:
        """One delivery, and sometimes the same delivery again (a platform's retry)."""
        if self.rng.random() < self.cfg.duplicate_share:
            self.stats.duplicates += 1
            if self.rng.random() < self.cfg.concurrent_duplicate_share:
                self.stats.duplicates_concurrent += 1
                await asyncio.gather(self.deliver(request, kind), self.deliver(request, kind))
                return
            await self.deliver(request, kind)
            self._later(self.rng.uniform(0.2, 8.0), self.deliver(request, kind + " (dup)"))
            return
        await self.deliver(request, kind)

    def _stage(self, what: str) -> None:
        task = asyncio.current_task()
        if task is not None:
            self.stage[task.get_name()] = what

    def _later(self, seconds: float, coro: Awaitable[Any]) -> None:
        async def run() -> None:
            await asyncio.sleep(seconds)
            await coro

        task = asyncio.create_task(run())
        self._background.add(task)
        task.add_done_callback(self._background.discard)

    async def pause(self) -> None:
        await asyncio.sleep(self.rng.uniform(*self.cfg.step_s))

    # -- orders ------------------------------------------------------------------------------

    def _dates(self, order: PlannedOrder, lead_s: float) -> None:
        """Platform time: the survey falls due `lead_s` from now (after the due-setting
        webhook, which comes within a few steps)."""
        spec = order.spec
        shop = self.shop(spec.shop_id)
        delay = usage_delay(shop.settings, spec.lines, spec.platform)
        target = datetime.now(UTC) + timedelta(seconds=lead_s)
        order.target_due = target
        shipping = timedelta(days=shop.settings.domestic_shipping_days)
        if order.category == "shipped_only" or spec.platform == "woocommerce":
            spec.fulfilled_at = target - delay - shipping
        else:
            spec.delivered_at = target - delay
            spec.fulfilled_at = target - delay - timedelta(days=1)
        spec.placed_at = spec.fulfilled_at - timedelta(days=1, hours=3)
        spec.paid_at = spec.placed_at + timedelta(minutes=4)

    async def run_order(self, order: PlannedOrder) -> None:
        steps = 4
        lead = self.rng.uniform(*self.cfg.lead_s) + steps * self.cfg.step_s[1]
        self._dates(order, lead)
        spec = order.spec
        shop = self.shop(spec.shop_id)
        delivered_at, fulfilled_at = spec.delivered_at, spec.fulfilled_at
        spec.delivered_at = spec.fulfilled_at = None
        try:
            if spec.platform == "standard":
                await self._standard(order, shop, fulfilled_at, delivered_at)
            elif spec.platform == "shopify":
                await self._shopify(order, shop, fulfilled_at, delivered_at)
            else:
                await self._woo(order, shop, fulfilled_at)
            if order.category in ("cancel_after", "refund_after") or order.answer:
                await self._after_email(order, shop)
        except Exception as exc:
            log.exception("order %s failed", spec.order_id)
            self.stats.failures.append(f"order {spec.order_id}: {exc!r}")

    def _now(self) -> datetime:
        return datetime.now(UTC)

    async def _standard(
        self,
        order: PlannedOrder,
        shop: Shop,
        fulfilled_at: datetime | None,
        delivered_at: datetime | None,
    ) -> None:
        spec = order.spec

        async def post(kind: str) -> None:
            request = standard_order(spec, shop.secret, kind, self._now())
            await self.send(request, "standard order")
            if self.rng.random() < self.cfg.redelivery_share:
                # The same state again under a new delivery id: nothing new to announce.
                self.stats.redeliveries_new_id += 1
                again = standard_order(spec, shop.secret, "order.updated", self._now())
                await self.deliver(again, "standard order (same state)")

        await post("order.created")
        if order.category == "not_due":
            return
        await self.pause()
        spec.fulfilled_at = fulfilled_at
        await post("order.updated")
        if await self._before(order, shop):
            await post("order.updated")
        if delivered_at is not None:
            await self.pause()
            spec.delivered_at = delivered_at
            await post("order.updated")

    async def _before(self, order: PlannedOrder, shop: Shop) -> bool:
        """The cancellation or refund that comes before the survey is due."""
        spec = order.spec
        if order.category == "cancel_before":
            await self.pause()
            assert spec.fulfilled_at is not None
            spec.cancelled_at = spec.fulfilled_at + timedelta(hours=2)
            return True
        if order.category in ("refund_before", "partial_refund"):
            await self.pause()
            lines = [line.line_id for line in spec.lines]
            if order.category == "partial_refund":
                lines = lines[:1] if len(lines) > 1 else []
                if not lines:
                    return False
            spec.refunds.append((str(spec.lines[0].line_id * 3), self._now(), lines))
            return True
        return False

    async def _shopify(
        self,
        order: PlannedOrder,
        shop: Shop,
        fulfilled_at: datetime | None,
        delivered_at: datetime | None,
    ) -> None:
        spec = order.spec

        async def post(topic: str, payload: dict[str, Any]) -> None:
            await self.send(shopify(spec, shop.secret, topic, payload, self._now()), "shopify")

        await post("orders/create", shopify_order_body(spec, self._now(), None))
        if order.category == "not_due":
            return
        await self.pause()
        spec.fulfilled_at = fulfilled_at
        await post("fulfillments/create", shopify_fulfillment(spec, delivered=False))
        await self.pause()
        await post("orders/fulfilled", shopify_order_body(spec, self._now(), "fulfilled"))
        if self.rng.random() < self.cfg.redelivery_share:
            self.stats.redeliveries_new_id += 1
            await post("orders/updated", shopify_order_body(spec, self._now(), "fulfilled"))
        if await self._before(order, shop):
            if spec.cancelled_at is not None:
                await post("orders/cancelled", shopify_order_body(spec, self._now(), "fulfilled"))
            else:
                refund_id, at, lines = spec.refunds[-1]
                await post("refunds/create", shopify_refund(spec, refund_id, at, lines))
        if delivered_at is not None:
            await self.pause()
            spec.delivered_at = delivered_at
            await post("fulfillments/update", shopify_fulfillment(spec, delivered=True))

    def _woo_modified(self, spec: OrderSpec) -> None:
        # WooCommerce identifies a delivery by (order, date_modified_gmt), in whole seconds.
        now = self._now().replace(microsecond=0)
        if spec.modified_at is not None and now <= spec.modified_at:
            now = spec.modified_at + timedelta(seconds=1)
        spec.modified_at = now

    async def _woo(self, order: PlannedOrder, shop: Shop, fulfilled_at: datetime | None) -> None:
        spec = order.spec

        async def post(status: str) -> None:
            self._woo_modified(spec)
            await self.send(woo(spec, shop.secret, status), "woocommerce")

        await post("processing")
        if order.category == "not_due":
            return
        await self.pause()
        if order.category == "cancel_before":
            spec.cancelled_at = self._now()
            await post("cancelled")
            return
        if order.category == "refund_before":
            spec.refunds.append((str(spec.lines[0].line_id * 3), self._now(), []))
            await post("refunded")
            return
        spec.fulfilled_at = fulfilled_at
        await post("completed")

    async def _after_email(self, order: PlannedOrder, shop: Shop) -> None:
        mail = await self.wait_invitation(order)
        if mail is None:
            order.after_action = order.after_action or "skipped: no invitation arrived"
            return
        spec = order.spec
        if order.category in ("cancel_after", "refund_after"):
            await self.pause()
            if order.category == "cancel_after":
                spec.cancelled_at = self._now()
            else:
                spec.refunds.append(
                    (str(spec.lines[0].line_id * 3), self._now(), [x.line_id for x in spec.lines])
                )
            if spec.platform == "standard":
                request = standard_order(spec, shop.secret, "order.updated", self._now())
                await self.send(request, "standard order")
            elif spec.platform == "shopify":
                if spec.cancelled_at is not None:
                    body = shopify_order_body(spec, self._now(), "fulfilled")
                    await self.send(
                        shopify(spec, shop.secret, "orders/cancelled", body, self._now()),
                        "shopify",
                    )
                else:
                    refund_id, at, lines = spec.refunds[-1]
                    body = shopify_refund(spec, refund_id, at, lines)
                    await self.send(
                        shopify(spec, shop.secret, "refunds/create", body, self._now()), "shopify"
                    )
            else:
                self._woo_modified(spec)
                status = "cancelled" if spec.cancelled_at is not None else "refunded"
                await self.send(woo(spec, shop.secret, status), "woocommerce")
            order.after_action = "sent"
        if order.answer:
            await self._answer(order, mail)

    async def _answer(self, order: PlannedOrder, mail: Received) -> None:
        match = re.search(r"(https?://\S+/s/[A-Za-z0-9._\-]+)", mail.text)
        if match is None:
            order.answer_status = "no survey link in the email"
            return
        refunded = {i for _, _, lines in order.spec.refunds for i in lines}
        remaining = [line for line in order.spec.lines if line.line_id not in refunded]
        rating, text = ANSWERS[order.answer or "positive"]
        form: dict[str, str] = {"nps": "2" if rating == 1 else "9"}
        for index in range(len(remaining)):
            form[f"rating_{index}"] = str(rating)
            form[f"text_{index}"] = text
        delay = 0.3
        self._stage("answering the survey")
        while time.monotonic() < self.deadline:
            try:
                async with self.gate:
                    r = await self.http.post(match.group(1), data=form)
                status = r.status_code
            except httpx.TransportError:
                status = 0
            self.stats.answers[status] += 1
            if status == 200:
                order.answered_items = len(remaining)
                order.answer_status = "answered"
                return
            if 0 < status < 500:
                order.answer_status = f"refused {status}"
                self.stats.failures.append(f"survey answer {match.group(1)}: {status}")
                return
            order.answer_status = f"retrying after {status}"
            await asyncio.sleep(delay)
            delay = min(delay * 1.6, 3.0)
        order.answer_status = "gave up"

    # -- reviews -----------------------------------------------------------------------------

    async def run_review(self, review: PlannedReview) -> None:
        spec = review.spec
        shop = self.shop(spec.shop_id)
        spec.created_at = self._now()
        try:
            status = 0
            request = review_request(spec, shop.secret, None)
            if self.rng.random() < self.cfg.duplicate_share:
                self.stats.duplicates += 1
                results = await asyncio.gather(
                    self.deliver(request, f"review {spec.source}"),
                    self.deliver(request, f"review {spec.source} (dup)"),
                )
                status = results[0]
            else:
                status = await self.deliver(request, f"review {spec.source}")
            review.accepted = 200 <= status < 300
            if review.accepted and self.rng.random() < self.cfg.edit_share:
                await asyncio.sleep(self.rng.uniform(0.5, 5.0))
                spec.text += EDIT_SUFFIX[spec.sentiment]
                edit = review_request(spec, shop.secret, spec.created_at + timedelta(minutes=1))
                await self.send(edit, f"review {spec.source} edit")
                review.edited = True
        except Exception as exc:
            log.exception("review %s failed", spec.review_id)
            self.stats.failures.append(f"review {spec.review_id}: {exc!r}")

    # -- the whole load ----------------------------------------------------------------------

    async def run(self) -> None:
        """Start orders and reviews evenly over the load phase; return when every lifecycle
        (including the actions that wait for an email) is done or the deadline passed."""
        watcher = asyncio.create_task(self.watch_mail())
        work: list[tuple[float, Callable[[], Coroutine[Any, Any, None]]]] = []
        span = self.cfg.duration_s
        for i, order in enumerate(self.orders):
            at = span * i / max(len(self.orders), 1)
            work.append((at, functools.partial(self.run_order, order)))
        for i, review in enumerate(self.reviews):
            at = span * (i + 0.5) / max(len(self.reviews), 1)
            work.append((at, functools.partial(self.run_review, review)))
        work.sort(key=lambda w: w[0])
        started = time.monotonic()
        tasks: list[asyncio.Task[None]] = []
        for at, job in work:
            wait = started + at - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)
            tasks.append(asyncio.create_task(job(), name=f"job-{len(tasks)}"))
        pending = set(tasks)
        while pending:
            _, pending = await asyncio.wait(pending, timeout=30)
            if pending:
                waiting = Counter(self.stage.get(t.get_name(), "?") for t in pending)
                log.info("load: %d lifecycles still running: %s", len(pending), dict(waiting))
        while self._background:
            await asyncio.gather(*list(self._background))
        watcher.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await watcher

    async def close(self) -> None:
        await self.http.aclose()
