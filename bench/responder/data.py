"""The seed: 100 shops of uneven size, their staff, a year of reviews with cases, replies and NPS
answers, generated day by day and written with COPY in the order production writes them.

Every review is a `Fact`: what the `review.classified` events carried (one per revision), and
what happened to it afterwards (deletion on the platform, the case workflow, the reply). Two
writers turn facts into rows:

- `rows_of()` builds the rows the responder's own code leaves behind for that history, for COPY
  (`copy_facts()`); this is how the million reviews are loaded;
- `bench/responder/check.py` replays the same history through the responder's own handlers and
  services, on a sample, and compares the tables both leave, so the COPY path cannot drift from
  what the code writes.

What is written, per table (the responder's migrations create them), and by which code of the
responder the live system writes it:

- shops: facts, settings (SLA), webhook connector: the `shop.updated` handler,
  `shops.put_settings`, `shops.set_connector` (called here, not mirrored);
- users, api_keys: 2-7 agents and a manager per shop, one key per agent:
  `access.repository.create_user`, `add_key` (called here);
- reviews: the read model: `reviews.repository.upsert`, `mark_deleted`, `mark_replied`;
- cases, case_events: a case per case key for reviews that need action, and its workflow:
  `cases.service.open_case`, `transition`, `assign`;
- drafts, publications: one published reply per answered review (except replies marked by
  hand): the reply flow up to `replies.service.confirm_published`;
- survey_answers: NPS answers: `analytics.repository.record_answer`;
- review_days, review_topic_days, nps_days: the analytics rollups those functions keep up;
  the seed computes them from the loaded rows (`write_rollups`).

Not written: `audit_log`, `outbox` and `inbox` rows of that history (no measured query reads
them; outbox and inbox are pruned in production anyway), notes, removal requests, templates
(the built-in library answers), the automation queue (no shop has automatic replies on).
"""

import bisect
import itertools
import json
import math
import random
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import asyncpg

from bench.responder import texts
from services.responder.access import repository as users
from services.responder.access import tokens
from services.responder.analytics import repository as analytics
from services.responder.replies import drafting, policy
from services.responder.replies import service as replies_service
from services.responder.replies.linter import blocking
from services.responder.reviews.handlers import on_shop
from services.responder.shops import repository as shops_repo
from services.responder.shops.config import ShopSettings
from services.responder.shops.repository import ShopRow
from shared.db.pool import Connection
from shared.events.shops import ShopUpdated, ShopUpdatedPayload, Sla

MODEL_VERSION = "2026.11.1"
DAY = timedelta(days=1)
HOUR = timedelta(hours=1)
YEAR_DAYS = 365
# Twice as many reviews a day at the end of the year as at its start.
GROWTH = 1.0
ZIPF_S = 0.8
CONNECTOR_URL = "http://127.0.0.1:9/bench-connector"  # never called: no reply is pending

REVIEW_COLUMNS = (
    "shop_id", "review_id", "revision", "source", "source_review_id", "case_key", "rating",
    "title", "text", "reviewer_name", "product_id", "verified", "match_method", "order_id",
    "order_context", "language", "sentiment", "severity", "topics", "removal_candidate",
    "classification", "created_at", "updated_at", "classified_at", "sla_due_at",
    "first_replied_at", "deleted_at", "person_reason",
)  # fmt: skip
CASE_COLUMNS = (
    "id", "shop_id", "case_key", "status", "assignee_id", "opened_by", "new_at",
    "in_progress_at", "replied_at", "contacted_at", "resolved_at", "followed_up_at", "updated_at",
)  # fmt: skip
CASE_EVENT_COLUMNS = (
    "case_id", "shop_id", "review_id", "at", "actor", "kind", "from_status", "to_status",
    "assignee_id",
)  # fmt: skip
DRAFT_COLUMNS = (
    "id", "shop_id", "review_id", "language", "text", "findings", "template", "status", "auto",
    "version", "created_by", "created_at", "updated_by", "updated_at", "approved_by",
    "approved_at",
)  # fmt: skip
PUBLICATION_COLUMNS = (
    "id", "shop_id", "review_id", "draft_id", "reply_id", "status", "auto", "attempts",
    "claimed_at", "last_error", "created_by", "created_at", "published_at", "channel",
)  # fmt: skip
ANSWER_COLUMNS = ("shop_id", "survey_id", "order_id", "nps", "answered_at")
TABLES = ("reviews", "cases", "case_events", "drafts", "publications", "survey_answers")
# Analytics rollups: computed from the loaded rows after the COPY (`write_rollups`).
ROLLUPS = ("review_days", "review_topic_days", "nps_days")

# Shares (of all reviews) and per-review odds: this project's estimate of a typical shop mix.
SENTIMENTS = (("positive", 0.70), ("neutral", 0.15), ("negative", 0.15))
SOURCES = (("survey", 0.40), ("trustpilot", 0.25), ("google", 0.25), ("generic", 0.10))
RATINGS = {
    "positive": ((5, 0.70), (4, 0.30)),
    "neutral": ((3, 0.70), (4, 0.20), (2, 0.10)),
    "negative": ((1, 0.65), (2, 0.30), (3, 0.05)),
}
NEGATIVE_TOPICS = (
    ("delivery_delay", 22), ("product_quality", 20), ("damaged_packaging", 12),
    ("returns_refunds", 11), ("customer_service", 10), ("wrong_item", 8), ("size_fit", 7),
    ("price_value", 4), ("website_checkout", 3), ("customs_fees", 3),
)  # fmt: skip
POSITIVE_TOPICS = (
    ("praise", 0.70),
    ("product_quality", 0.15),
    ("price_value", 0.08),
    ("customer_service", 0.06),
)
NEUTRAL_TOPICS = (
    ("size_fit", 0.25),
    ("product_quality", 0.25),
    ("price_value", 0.20),
    ("delivery_delay", 0.15),
)
HIGH_REASONS = ("legal_threat", "fraud_claim", "chargeback_threat", "safety", "health_injury")
STARS_ONLY = 0.12
TITLE_ODDS = {"trustpilot": 0.6, "generic": 0.4, "google": 0.0, "survey": 0.0}
HIGH_SEVERITY_OF_NEGATIVES = 0.08
REMOVAL_CANDIDATES = 0.012
QUESTIONS = 0.03
# Replies: who gets one, how fast (lognormal: median hours, sigma), per shop x a speed factor.
REPLY_ODDS = {"positive": 0.35, "neutral": 0.50, "case": 0.93}
REPLY_MEDIAN_H = {"positive": 20.0, "neutral": 12.0, "case": 6.0}
REPLY_SIGMA = 1.1
MANUAL_REPLY = 0.15  # of case replies: staff answered on the platform and marked it replied


@dataclass(frozen=True)
class Odds:
    """Rare events; the handler check raises them so its sample holds each of them."""

    sibling: float = 0.05  # a second review of the same order on another platform
    revision: float = 0.03  # the reviewer edited the review
    deleted: float = 0.004  # removed on the platform
    unmatched: float = 0.40  # platform reviews without a matched order


DEFAULT_ODDS = Odds()


class Weighted:
    """A weighted choice with the cumulative weights computed once."""

    def __init__(self, pairs: tuple[tuple[Any, float], ...]) -> None:
        self.values = [v for v, _ in pairs]
        self.cumulative = list(itertools.accumulate(w for _, w in pairs))
        self.total = self.cumulative[-1]

    def __call__(self, rng: random.Random) -> Any:
        return self.values[bisect.bisect(self.cumulative, rng.random() * self.total)]


def weighted(rng: random.Random, pairs: tuple[tuple[Any, float], ...]) -> Any:
    return Weighted(pairs)(rng)


PICK_SENTIMENT = Weighted(SENTIMENTS)
PICK_SOURCE = Weighted(SOURCES)
PICK_RATING = {k: Weighted(v) for k, v in RATINGS.items()}
PICK_NEGATIVE_TOPIC = Weighted(NEGATIVE_TOPICS)
PICK_POSITIVE_TOPIC = Weighted(POSITIVE_TOPICS)
PICK_NEUTRAL_TOPIC = Weighted(NEUTRAL_TOPICS)
PICK_TOPIC_COUNT = Weighted(((1, 0.60), (2, 0.35), (0, 0.05)))
PICK_NPS = Weighted(((10, 30), (9, 22), (8, 18), (7, 9), (6, 6), (5, 5), (4, 3), (3, 3), (0, 4)))


# -- shops and staff --------------------------------------------------------------------------

LOCALES = (
    # language, locale, country, timezone, weight
    ("en", "en-IE", "IE", "Europe/Dublin", 16),
    ("en", "en-GB", "GB", "Europe/London", 14),
    ("en", "en-US", "US", "America/New_York", 10),
    ("de", "de-DE", "DE", "Europe/Berlin", 15),
    ("de", "de-AT", "AT", "Europe/Vienna", 10),
    ("sl", "sl-SI", "SI", "Europe/Ljubljana", 12),
    ("lv", "lv-LV", "LV", "Europe/Riga", 11),
    ("ro", "ro-RO", "RO", "Europe/Bucharest", 12),
)
SHOP_WORDS = (
    "Nordic", "Alpine", "Harbour", "Cedar", "Linden", "Amber", "Birch", "Coral", "Delta", "Ember",
    "Fjord", "Granite", "Heather", "Iris", "Juniper", "Kestrel", "Lumen", "Maple", "Nova", "Orchid",
)  # fmt: skip
SHOP_KINDS = ("Home", "Outdoor", "Beauty", "Books", "Kitchen", "Kids", "Pets", "Sport", "Tea")


@dataclass(frozen=True)
class Shop:
    index: int
    shop_id: str
    name: str
    language: str
    locale: str
    country: str
    timezone: str
    sla_hours: int
    planned: int  # reviews over the year
    speed: float  # how fast its staff answer (multiplies reply delays)
    products: tuple[int, ...]  # indexes into texts.PRODUCTS


@dataclass
class Staff:
    agents: list[int] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)  # one API key per agent, same order
    manager: int = 0


def plan_shops(total: int, count: int, seed: int, prefix: str = "bench-shop-") -> list[Shop]:
    """`count` shops whose sizes follow a Zipf curve (a few shops with tens of thousands of
    reviews, a long tail of small ones), summing to `total`."""
    rng = random.Random(seed)
    weights = [1 / (k**ZIPF_S) for k in range(1, count + 1)]
    scale = total / sum(weights)
    sizes = [max(1, round(w * scale)) for w in weights]
    sizes[0] += total - sum(sizes)
    shops = []
    for i, size in enumerate(sizes):
        language, locale, country, tz, _ = weighted(rng, tuple((loc, loc[4]) for loc in LOCALES))
        name = f"{SHOP_WORDS[i % len(SHOP_WORDS)]} {SHOP_KINDS[(i * 7) % len(SHOP_KINDS)]}"
        shops.append(
            Shop(
                index=i,
                shop_id=f"{prefix}{i:03d}",
                name=name,
                language=language,
                locale=locale,
                country=country,
                timezone=tz,
                sla_hours=weighted(rng, ((24, 0.75), (48, 0.15), (12, 0.10))),
                planned=size,
                speed=round(rng.uniform(0.5, 2.0), 2),
                products=tuple(rng.sample(range(len(texts.PRODUCTS)), 12)),
            )
        )
    return shops


def shop_settings(shop: Shop) -> ShopSettings:
    return ShopSettings()


def shop_profile(shop: Shop) -> ShopUpdatedPayload:
    """What the registry announces: the SLA and the contact are the registry's."""
    return ShopUpdatedPayload(
        platform="shopify",
        display_name=shop.name,
        locale=shop.locale,
        country=shop.country,
        timezone=shop.timezone,
        contact_email=f"support@shop{shop.index}.example.com",
        sla=Sla(hours=shop.sla_hours),
    )


def shop_row(shop: Shop) -> ShopRow:
    """What `shops.get` returns for the shop once seeded (drafts are composed from it)."""
    return ShopRow(
        shop.shop_id,
        shop.name,
        shop.locale,
        shop.country,
        shop.timezone,
        shop_settings(shop),
        CONNECTOR_URL,
        "bench-connector-secret",
        shop_profile(shop),
    )


async def create_shops(conn: Connection, shops: list[Shop], at: datetime) -> None:
    """Through the responder's own code: the `shop.updated` handler, settings and connector."""
    for shop in shops:
        event = ShopUpdated(shop_id=shop.shop_id, occurred_at=at, payload=shop_profile(shop))
        async with conn.transaction():
            await on_shop(conn, event)
            await shops_repo.put_settings(conn, shop.shop_id, shop_settings(shop))
            await shops_repo.set_connector(
                conn, shop.shop_id, CONNECTOR_URL, "bench-connector-secret"
            )


def agents_for(shop: Shop) -> int:
    """Bigger shops employ more agents."""
    return min(7, 2 + shop.planned // 25_000)


async def create_staff(
    conn: Connection, shops: list[Shop], at: datetime, shared_by: list[Shop] | None = None
) -> dict[str, Staff]:
    """Agents (one API key each) and a manager per shop, through the access repository. With
    `shared_by`, one staff serves all those shops (the handler check's twin shops)."""
    staff: dict[str, Staff] = {}
    groups = [shared_by] if shared_by else [[s] for s in shops]
    for group in groups:
        first = group[0]
        ids = [s.shop_id for s in group]
        team = Staff()
        for n in range(agents_for(first)):
            user = await users.create_user(
                conn, f"Agent {n + 1} of {first.name}", f"agent{n}@{first.shop_id}.example.com",
                "agent", ids, at,
            )  # fmt: skip
            assert user is not None
            key = tokens.new_api_key()
            await users.add_key(conn, user.id, "bench", key.prefix, key.key_hash, at)
            team.agents.append(user.id)
            team.keys.append(key.key)
        manager = await users.create_user(
            conn, f"Manager of {first.name}", f"manager@{first.shop_id}.example.com", "manager",
            ids, at,
        )  # fmt: skip
        assert manager is not None
        team.manager = manager.id
        for shop_id in ids:
            staff[shop_id] = team
    return staff


# -- facts ------------------------------------------------------------------------------------


@dataclass(slots=True)
class Revision:
    revision: int
    updated_at: datetime
    classified_at: datetime  # the event's occurred_at
    title: str | None
    text: str | None


@dataclass(slots=True)
class Reply:
    at: datetime  # published (or marked replied by hand)
    manual: bool
    agent: int
    manager: int
    draft_id: int = 0
    publication_id: int = 0
    draft_created_at: datetime | None = None
    approved_at: datetime | None = None
    claimed_at: datetime | None = None
    reply_id: str = ""


@dataclass(slots=True)
class Step:
    at: datetime
    kind: str  # "status" or "assigned"
    to_status: str | None
    actor: str
    assignee: int | None = None


@dataclass(slots=True)
class CasePlan:
    id: int
    opened_at: datetime
    steps: list[Step]


@dataclass(slots=True)
class Fact:
    shop: Shop
    review_id: str
    source: str
    source_review_id: str
    case_key: str
    rating: int | None
    reviewer_name: str
    product_id: str | None
    match_method: str | None
    order_id: str | None
    order_context: dict[str, Any] | None
    language: str
    sentiment: str
    severity: str
    topics: list[str]
    removal_candidate: bool
    classification: dict[str, Any]
    created_at: datetime
    revisions: list[Revision]
    deleted_at: datetime | None = None
    reply: Reply | None = None
    case: CasePlan | None = None  # only on the review that opened it

    @property
    def verified(self) -> bool:
        return self.match_method is not None

    @property
    def needs_case(self) -> bool:
        # services.responder.cases.workflow.needs_case
        return self.sentiment == "negative" or self.severity == "high" or self.removal_candidate

    @property
    def first_replied_at(self) -> datetime | None:
        return self.reply.at if self.reply else None


@dataclass
class Ids:
    """Id counters, advanced in generation order (so a seed is reproducible)."""

    case: int = 0
    draft: int = 0
    publication: int = 0
    order: int = 7_300_000_000
    survey: int = 40_000_000
    generic: int = 0

    def next(self, name: str) -> int:
        value: int = getattr(self, name) + 1
        setattr(self, name, value)
        return value


@dataclass
class Answer:
    shop_id: str
    survey_id: int
    order_id: str
    nps: int | None
    answered_at: datetime


def _lognormal(rng: random.Random, median_h: float, sigma: float) -> timedelta:
    return timedelta(hours=rng.lognormvariate(math.log(median_h), sigma))


class Generator:
    """Facts in time order, day by day. `now` is the end of the year of history: nothing is
    later. The same `seed` gives the same facts."""

    def __init__(
        self,
        shops: list[Shop],
        staff: dict[str, Staff],
        now: datetime,
        seed: int,
        odds: Odds = DEFAULT_ODDS,
        days: int = YEAR_DAYS,
    ) -> None:
        self.shops = shops
        self.staff = staff
        self.now = now
        self.start = now - days * DAY
        self.days = days
        self.seed = seed
        self.odds = odds
        self.ids = Ids()
        # Second reviews of an order that land on a later day, by day.
        self.later: dict[int, list[Fact]] = {}
        self.owners: dict[str, Fact] = {}
        self.skipped_after_now = 0

    def _share_until(self, x: float) -> float:
        # Density 1 + GROWTH * x over the year (x in [0, 1]).
        return (x + GROWTH * x * x / 2) / (1 + GROWTH / 2)

    def days_iter(self) -> Iterator[tuple[list[Fact], list[Answer]]]:
        for day in range(self.days):
            yield self.day(day)

    def day(self, day: int) -> tuple[list[Fact], list[Answer]]:
        rng = random.Random(self.seed * 1_000_003 + day)
        lo, hi = day / self.days, (day + 1) / self.days
        facts: list[Fact] = list(self.later.pop(day, []))
        answers: list[Answer] = []
        day_start = self.start + day * DAY
        for shop in self.shops:
            n = round(shop.planned * self._share_until(hi)) - round(
                shop.planned * self._share_until(lo)
            )
            for _ in range(n):
                created = day_start + timedelta(seconds=rng.random() * 86_400)
                fact = self.review(rng, shop, created)
                if fact is None:
                    continue
                facts.append(fact)
                if fact.source == "survey":
                    answers.append(self._answer_of(rng, fact))
                if fact.order_id and rng.random() < self.odds.sibling:
                    self._sibling(rng, fact, day)
                # NPS answers of customers who wrote no review (~0.6 per review).
                if rng.random() < 0.6:
                    answers.append(self._bare_answer(rng, shop, created))
        facts.sort(key=lambda f: f.revisions[0].classified_at)
        for f in facts:
            self._history(rng, f)
        return facts, answers

    # -- one review ----------------------------------------------------------------------------

    def review(self, rng: random.Random, shop: Shop, created: datetime) -> Fact | None:
        sentiment = PICK_SENTIMENT(rng)
        source = PICK_SOURCE(rng)
        ids = self.ids
        if source == "survey":
            source_review_id = str(ids.next("survey"))
            match: str | None = "survey"
        elif source == "generic":
            source_review_id = f"gen-{ids.next('generic')}"
            match = "email_product" if rng.random() < 0.4 else None
        else:
            source_review_id = f"{rng.getrandbits(96):024x}"
            match = (
                None
                if rng.random() < self.odds.unmatched
                else ("reference" if rng.random() < 0.5 else "email_product")
            )
        review_id = f"{source}:{source_review_id}"
        order_id = str(ids.next("order")) if match else None
        language = shop.language
        x = rng.random()
        if x < 0.12 and language != "en":
            language = "en"
        elif x < 0.17:
            language = rng.choice(texts.LANGUAGES)
        rating: int | None = PICK_RATING[sentiment](rng)
        if source == "generic" and rng.random() < 0.1:
            rating = None
        topics = self._topics(rng, sentiment)
        severity, reasons = "low", []
        if sentiment == "negative":
            if rng.random() < HIGH_SEVERITY_OF_NEGATIVES:
                severity, reasons = "high", [rng.choice(HIGH_REASONS)]
            else:
                severity, reasons = "medium", ["negative_review"]
        removal = rng.random() < REMOVAL_CANDIDATES
        question = None
        if sentiment != "negative" and rng.random() < QUESTIONS:
            question = rng.choice(("shipping_time", "stock", "free_delivery"))
        stars_only = rng.random() < STARS_ONLY and question is None
        title, text = (None, None) if stars_only else self._text(rng, language, sentiment, topics)
        if question and text is not None:
            text += " " + rng.choice(texts.PHRASES[language][f"question:{question}"])
        if title is None and text is not None and rng.random() < TITLE_ODDS[source]:
            title = rng.choice(texts.PHRASES[language][f"title:{sentiment}"])
        lang = "und" if stars_only else language
        names = texts.FIRST_NAMES[language]
        first, last = rng.choice(names), rng.choice(texts.LAST_NAMES[language])
        reviewer = f"{first} {last}" if source == "survey" else f"{first} {last[0]}."
        products = [f"p{10_000 + shop.products[i]}" for i in rng.sample(range(12), 3)]
        context = None
        product_id = None
        if order_id:
            context = self._order(rng, order_id, created, products[: rng.choice((1, 1, 2, 3))])
            if match != "reference":
                product_id = products[0]
            if sentiment == "negative" and "returns_refunds" in topics and rng.random() < 0.3:
                context["refunded"] = True
        elif rng.random() < 0.5:
            product_id = products[0]
        abuse = []
        if removal:
            abuse = [{"name": rng.choice(("spam", "off_target", "profanity")), "confidence": 0.9}]
        classification = {
            "model_version": MODEL_VERSION,
            "language": lang,
            "language_confidence": 0.0 if stars_only else round(rng.uniform(0.7, 0.99), 2),
            "sentiment": sentiment,
            "sentiment_confidence": round(rng.uniform(0.6, 0.98), 2),
            "star_text_mismatch": False,
            "severity": severity,
            "severity_reasons": reasons,
            "topics": [{"name": t, "confidence": round(rng.uniform(0.6, 0.95), 2)} for t in topics],
            "abuse": abuse,
            "removal_candidate": removal,
            "question": {"name": question, "confidence": 0.85} if question else None,
            "explanations": [f"topic {t}" for t in topics],
        }
        delay = (
            timedelta(seconds=rng.uniform(1, 20))
            if source == "survey"
            else timedelta(minutes=rng.uniform(1, 30))  # platforms are polled
        )
        classified = created + delay
        if classified > self.now:
            self.skipped_after_now += 1
            return None
        return Fact(
            shop=shop,
            review_id=review_id,
            source=source,
            source_review_id=source_review_id,
            case_key=f"order:{order_id}" if order_id else f"review:{review_id}",
            rating=rating,
            reviewer_name=reviewer,
            product_id=product_id,
            match_method=match,
            order_id=order_id,
            order_context=context,
            language=lang,
            sentiment=sentiment,
            severity=severity,
            topics=topics,
            removal_candidate=removal,
            classification=classification,
            created_at=created,
            revisions=[Revision(1, created, classified, title, text)],
        )

    def _topics(self, rng: random.Random, sentiment: str) -> list[str]:
        if sentiment == "positive":
            return [] if rng.random() < 0.15 else [PICK_POSITIVE_TOPIC(rng)]
        if sentiment == "neutral":
            return [] if rng.random() < 0.15 else [PICK_NEUTRAL_TOPIC(rng)]
        count = PICK_TOPIC_COUNT(rng)
        found: list[str] = []
        while len(found) < count:
            t = PICK_NEGATIVE_TOPIC(rng)
            if t not in found:
                found.append(t)
        return found

    def _text(
        self, rng: random.Random, language: str, sentiment: str, topics: list[str]
    ) -> tuple[str | None, str]:
        p = texts.PHRASES[language]
        parts = [rng.choice(p[f"{sentiment}:{t}"]) for t in topics if f"{sentiment}:{t}" in p]
        if not parts or rng.random() < 0.5:
            parts.append(rng.choice(p[sentiment]))
        if rng.random() < 0.05:  # the occasional long review
            parts += [rng.choice(p[sentiment]) for _ in range(rng.randint(3, 8))]
        return None, " ".join(parts)

    def _order(
        self, rng: random.Random, order_id: str, created: datetime, items: list[str]
    ) -> dict[str, Any]:
        # OrderContext.model_dump(mode="json"), as the ingest service puts it on the event.
        placed = created - timedelta(days=rng.uniform(5, 40))
        delivered = placed + timedelta(days=rng.uniform(1, 4))
        return {
            "order_id": order_id,
            "placed_at": _json_time(placed),
            "delivered_at": _json_time(delivered) if rng.random() < 0.9 else None,
            "refunded": False,
            "items": [
                {
                    "product_id": pid,
                    "sku": None,
                    "name": texts.PRODUCTS[int(pid[1:]) - 10_000][0],
                    "category": texts.PRODUCTS[int(pid[1:]) - 10_000][1],
                    "quantity": rng.choice((1, 1, 1, 2)),
                    "unit_price": texts.PRODUCTS[int(pid[1:]) - 10_000][2],
                }
                for pid in items
            ],
        }

    def _sibling(self, rng: random.Random, first: Fact, day: int) -> None:
        """The same customer reviews the same order on another platform a few days later: the
        same case key, the same judgement."""
        created = first.created_at + timedelta(days=rng.uniform(0.5, 6))
        source = rng.choice([s for s in ("trustpilot", "google") if s != first.source])
        sid = f"{rng.getrandbits(96):024x}"
        classified = created + timedelta(minutes=rng.uniform(1, 30))
        if classified > self.now:
            return
        rev = first.revisions[0]
        sibling = Fact(
            shop=first.shop,
            review_id=f"{source}:{sid}",
            source=source,
            source_review_id=sid,
            case_key=first.case_key,
            rating=first.rating,
            reviewer_name=first.reviewer_name.split()[0] + " " + first.reviewer_name[-2:],
            product_id=first.product_id,
            match_method="email_product",
            order_id=first.order_id,
            order_context=first.order_context,
            language=first.language,
            sentiment=first.sentiment,
            severity=first.severity,
            topics=first.topics,
            removal_candidate=first.removal_candidate,
            classification=first.classification,
            created_at=created,
            revisions=[Revision(1, created, classified, rev.title, rev.text)],
        )
        later_day = int((created - self.start) / DAY)
        self.later.setdefault(max(later_day, day), []).append(sibling)

    def _answer_of(self, rng: random.Random, fact: Fact) -> Answer:
        nps = {
            "positive": rng.choice((8, 9, 9, 10, 10, 10)),
            "neutral": rng.choice((5, 6, 7, 7, 8)),
            "negative": rng.choice((0, 1, 2, 3, 4, 5, 6)),
        }[fact.sentiment]
        assert fact.order_id is not None
        return Answer(
            fact.shop.shop_id, int(fact.source_review_id), fact.order_id, nps, fact.created_at
        )

    def _bare_answer(self, rng: random.Random, shop: Shop, created: datetime) -> Answer:
        at = created - timedelta(hours=rng.uniform(0, 48))
        nps = None if rng.random() < 0.05 else PICK_NPS(rng)
        survey_id, order_id = self.ids.next("survey"), str(self.ids.next("order"))
        return Answer(shop.shop_id, survey_id, order_id, nps, max(at, self.start))

    # -- what happened afterwards --------------------------------------------------------------

    def _history(self, rng: random.Random, fact: Fact) -> None:
        """Edits, deletion, the case workflow and the reply, cut off at `now`."""
        now = self.now
        staff = self.staff[fact.shop.shop_id]
        first = fact.revisions[0]
        if rng.random() < self.odds.revision and first.text:
            updated = fact.created_at + timedelta(hours=rng.uniform(1, 120))
            classified = updated + timedelta(minutes=rng.uniform(1, 30))
            if classified <= now:
                extra = rng.choice(texts.PHRASES[_text_language(fact)][fact.sentiment])
                fact.revisions.append(
                    Revision(2, updated, classified, first.title, f"{first.text} {extra}")
                )
        if len(fact.revisions) == 1 and rng.random() < self.odds.deleted:
            deleted = first.classified_at + timedelta(days=rng.uniform(1, 20))
            if deleted <= now:
                fact.deleted_at = deleted
        first_of_case = self.owners.get(fact.case_key) if fact.order_id else None
        if first_of_case is not None:
            self._sibling_reply(rng, fact, first_of_case, staff)
            return
        if fact.order_id:
            self._own(fact)
        kind = "case" if fact.needs_case else fact.sentiment
        reply_at = None
        if rng.random() < REPLY_ODDS[kind]:
            reply_at = first.classified_at + _lognormal(
                rng, REPLY_MEDIAN_H[kind] * fact.shop.speed, REPLY_SIGMA
            )
        agent = rng.choice(staff.agents)
        manual = kind == "case" and rng.random() < MANUAL_REPLY
        cutoff = min(now, fact.deleted_at) if fact.deleted_at else now
        if fact.needs_case:
            case = self._case(rng, fact, agent, reply_at, manual)
            # The plan may have moved the reply behind the case's own earlier steps.
            reply_at = next((s.at for s in case.steps if s.to_status == "replied"), None)
            case.steps = [s for s in case.steps if s.at <= cutoff]
            fact.case = case
        if reply_at is not None and reply_at <= cutoff:
            fact.reply = self._reply(rng, fact, reply_at, manual, agent, staff.manager)

    def _own(self, fact: Fact) -> None:
        """Remember the first review of each case key (a second one follows within days)."""
        self.owners[fact.case_key] = fact
        if len(self.owners) > 200_000:
            for key in list(self.owners)[:100_000]:
                del self.owners[key]

    def _case(
        self,
        rng: random.Random,
        fact: Fact,
        agent: int,
        reply_at: datetime | None,
        manual: bool,
    ) -> CasePlan:
        opened = fact.revisions[0].classified_at
        speed = fact.shop.speed
        actor = f"user:{agent}"
        steps: list[Step] = []
        t = opened
        if rng.random() < 0.6:
            t = t + _lognormal(rng, 1.0 * speed, 1.0)
            steps.append(Step(t, "assigned", None, actor, agent))
        if rng.random() < 0.65:
            t = t + _lognormal(rng, 0.5 * speed, 1.0)
            steps.append(Step(t, "status", "in_progress", actor))
        if reply_at is not None:
            reply_at = max(reply_at, t + timedelta(minutes=1))
            steps.append(Step(reply_at, "status", "replied", actor if manual else "connector"))
            t = reply_at
            if rng.random() < 0.3:
                t = t + _lognormal(rng, 20, 0.8)
                steps.append(Step(t, "status", "contacted", actor))
            if rng.random() < 0.8:
                t = t + _lognormal(rng, 48, 0.8)
                steps.append(Step(t, "status", "resolved", actor))
                if rng.random() < 0.4:
                    t = t + timedelta(days=rng.uniform(7, 10))
                    steps.append(Step(t, "status", "followed_up", actor))
        return CasePlan(self.ids.next("case"), opened, steps)

    def _reply(
        self,
        rng: random.Random,
        fact: Fact,
        at: datetime,
        manual: bool,
        agent: int,
        manager: int,
    ) -> Reply:
        if manual:
            return Reply(at, True, agent, manager)
        claimed = at - timedelta(seconds=rng.uniform(0.1, 0.6))
        approved = claimed - timedelta(seconds=rng.uniform(0.0, 0.5))
        drafted = approved - _lognormal(rng, 0.5, 1.0)
        return Reply(
            at,
            False,
            agent,
            manager,
            draft_id=self.ids.next("draft"),
            publication_id=self.ids.next("publication"),
            draft_created_at=max(drafted, fact.revisions[0].classified_at),
            approved_at=approved,
            claimed_at=claimed,
            reply_id=f"reply_{rng.getrandbits(128):032x}",
        )

    def _sibling_reply(self, rng: random.Random, fact: Fact, first: Fact, staff: Staff) -> None:
        """The second review of a case is answered after the first, so its reply never moves
        the case (already `replied` or further); an unanswered first leaves it unanswered."""
        if first.reply is None:
            return
        at = max(first.reply.at, fact.revisions[-1].classified_at) + timedelta(
            minutes=rng.uniform(5, 180)
        )
        cutoff = min(self.now, fact.deleted_at) if fact.deleted_at else self.now
        if at <= cutoff:
            fact.reply = self._reply(rng, fact, at, False, first.reply.agent, staff.manager)


def _json_time(t: datetime) -> str:
    # pydantic's JSON form of an aware UTC datetime.
    return t.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _text_language(fact: Fact) -> str:
    return fact.language if fact.language in texts.PHRASES else fact.shop.language


# -- rows -------------------------------------------------------------------------------------


@dataclass
class Rows:
    reviews: list[tuple[Any, ...]] = field(default_factory=list)
    cases: list[tuple[Any, ...]] = field(default_factory=list)
    case_events: list[tuple[Any, ...]] = field(default_factory=list)
    drafts: list[tuple[Any, ...]] = field(default_factory=list)
    publications: list[tuple[Any, ...]] = field(default_factory=list)
    survey_answers: list[tuple[Any, ...]] = field(default_factory=list)

    def count(self) -> dict[str, int]:
        return {t: len(getattr(self, t)) for t in TABLES}


PLACEHOLDER = re.compile(r"\[\[[^\]]*\]\]")


def staff_edit(text: str, language: str) -> str:
    """The agent's edit of a library reply the linter blocks: the FAQ placeholder becomes the
    shop's answer."""
    answer = texts.FAQ_ANSWERS.get(language, texts.FAQ_ANSWERS["en"])
    return PLACEHOLDER.sub(answer, text)


def edited_at(reply: Reply) -> datetime:
    assert reply.draft_created_at is not None and reply.approved_at is not None
    return reply.draft_created_at + (reply.approved_at - reply.draft_created_at) / 2


@dataclass(frozen=True)
class DraftText:
    text: str
    language: str
    template: str
    findings: str  # JSON
    edited: bool  # the library text was blocked and the agent edited it (version 2)


class DraftTexts:
    """Draft texts composed by the responder's own drafting code (built-in library, the shop's
    settings), edited by the agent where the linter blocks them. Composition is cached by
    everything it reads (shop, sentiment, language, topics, question, the reviewer's first
    name, the product); lint findings once per template: linting every text would cost a
    millisecond per reply, and no measured query reads them."""

    def __init__(self) -> None:
        self.shops: dict[str, ShopRow] = {}
        self.findings: dict[tuple[str, bool], tuple[str, bool]] = {}
        self.composed: dict[tuple[Any, ...], tuple[str, str, str]] = {}

    def compose(self, fact: Fact) -> DraftText:
        question = fact.classification["question"]
        review = review_dict(fact)
        key = (
            fact.shop.shop_id, fact.sentiment, fact.language, tuple(fact.topics),
            question["name"] if question else None, fact.reviewer_name.split()[0],
            drafting.product_name(review),
        )  # fmt: skip
        shop = self.shops.get(fact.shop.shop_id)
        if shop is None:
            shop = self.shops[fact.shop.shop_id] = shop_row(fact.shop)
        composed = self.composed.get(key)
        if composed is None:
            composed = self.composed[key] = replies_service.compose(review, shop, [])
            if len(self.composed) > 100_000:
                self.composed.clear()
        text, language, template = composed
        blocked = self.findings.get((template, False))
        if blocked is None:
            found = replies_service.check(text, review, shop)
            blocked = self.findings[(template, False)] = (
                json.dumps([f.model_dump() for f in found]),
                bool(blocking(found)),
            )
        if not blocked[1]:
            return DraftText(text, language, template, blocked[0], False)
        text = staff_edit(text, language)
        edited = self.findings.get((template, True))
        if edited is None:
            found = replies_service.check(text, review, shop)
            edited = self.findings[(template, True)] = (
                json.dumps([f.model_dump() for f in found]),
                bool(blocking(found)),
            )
        return DraftText(text, language, template, edited[0], True)


def review_dict(fact: Fact) -> dict[str, Any]:
    """The review as `reviews.get` returns it, as far as drafting reads it."""
    return {
        "review_id": fact.review_id,
        "sentiment": fact.sentiment,
        "language": fact.language,
        "reviewer_name": fact.reviewer_name,
        "order_id": fact.order_id,
        "order_context": fact.order_context,
        "product_id": fact.product_id,
        "classification": fact.classification,
    }


def rows_of(facts: list[Fact], answers: list[Answer], drafts: DraftTexts) -> Rows:
    """The rows the responder's code leaves for these histories (see the module docstring)."""
    rows = Rows()
    for f in facts:
        shop_id = f.shop.shop_id
        last = f.revisions[-1]
        rows.reviews.append(
            (
                shop_id, f.review_id, last.revision, f.source, f.source_review_id, f.case_key,
                f.rating, last.title, last.text, f.reviewer_name, f.product_id, f.verified,
                f.match_method, f.order_id,
                json.dumps(f.order_context) if f.order_context is not None else None,
                f.language, f.sentiment, f.severity, f.topics, f.removal_candidate,
                json.dumps(f.classification), f.created_at, last.updated_at, last.classified_at,
                f.created_at + timedelta(hours=f.shop.sla_hours), f.first_replied_at,
                f.deleted_at, policy.person_reason(f.classification, f.rating, f.order_id),
            )
        )  # fmt: skip
        if f.case is not None:
            _case_rows(rows, f, f.case)
        r = f.reply
        if r is not None and not r.manual:
            assert r.draft_created_at and r.approved_at and r.claimed_at
            d = drafts.compose(f)
            agent, manager = f"user:{r.agent}", f"user:{r.manager}"
            updated = edited_at(r) if d.edited else r.draft_created_at
            rows.drafts.append(
                (
                    r.draft_id, shop_id, f.review_id, d.language, d.text, d.findings, d.template,
                    "published", False, 2 if d.edited else 1, agent, r.draft_created_at, agent,
                    updated, manager, r.approved_at,
                )
            )  # fmt: skip
            rows.publications.append(
                (
                    r.publication_id, shop_id, f.review_id, r.draft_id, r.reply_id, "published",
                    False, 1, r.claimed_at, None, manager, r.approved_at, r.at, "webhook",
                )
            )  # fmt: skip
    for a in answers:
        rows.survey_answers.append((a.shop_id, a.survey_id, a.order_id, a.nps, a.answered_at))
    return rows


def _case_rows(rows: Rows, fact: Fact, case: CasePlan) -> None:
    shop_id = fact.shop.shop_id
    status = "new"
    reached: dict[str, datetime] = {"new": case.opened_at}
    assignee: int | None = None
    updated = case.opened_at
    rows.case_events.append(
        (case.id, shop_id, fact.review_id, case.opened_at, "system", "opened", None, "new", None)
    )
    for s in case.steps:
        if s.kind == "assigned":
            assignee = s.assignee
            rows.case_events.append(
                (case.id, shop_id, fact.review_id, s.at, s.actor, "assigned", None, None, assignee)
            )
        else:
            assert s.to_status is not None
            rows.case_events.append(
                (case.id, shop_id, fact.review_id, s.at, s.actor, "status", status, s.to_status,
                 None)
            )  # fmt: skip
            status = s.to_status
            reached.setdefault(status, s.at)
        updated = s.at
    rows.cases.append(
        (
            case.id, shop_id, fact.case_key, status, assignee, "system", case.opened_at,
            reached.get("in_progress"), reached.get("replied"), reached.get("contacted"),
            reached.get("resolved"), reached.get("followed_up"), updated,
        )
    )  # fmt: skip


COLUMNS = {
    "reviews": REVIEW_COLUMNS,
    "cases": CASE_COLUMNS,
    "case_events": CASE_EVENT_COLUMNS,
    "drafts": DRAFT_COLUMNS,
    "publications": PUBLICATION_COLUMNS,
    "survey_answers": ANSWER_COLUMNS,
}


async def copy_rows(conn: asyncpg.Connection, rows: Rows) -> None:
    """One COPY per table, parents first (case events need their case, publications their
    draft). `conn` has no jsonb codec: jsonb values are JSON text."""
    for table in TABLES:
        records = getattr(rows, table)
        if records:
            await conn.copy_records_to_table(table, records=records, columns=COLUMNS[table])


async def write_rollups(conn: asyncpg.Connection, shop_ids: list[str]) -> None:
    """The analytics rollups of the loaded shops, by the responder's own rebuild from the rows
    (the handlers keep them event by event; the handler check compares the two)."""
    await analytics.rebuild_rollups(conn, shop_ids)


async def move_sequences(conn: asyncpg.Connection) -> None:
    """Identity sequences past the loaded ids, so rows the service inserts never collide."""
    for table in ("cases", "drafts", "publications"):
        await conn.execute(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'),"
            f" coalesce((SELECT max(id) FROM {table}), 0) + 1, false)"
        )


# -- the bulk load ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Plan:
    """Everything the producer process needs (picklable)."""

    shops: list[Shop]
    staff: dict[str, Staff]
    now: datetime
    seed: int
    chunk: int


def produce(plan: Plan, emit: Callable[[object], None]) -> None:
    """The year of facts, day by day, as Rows of about `chunk` reviews each, then a dict of
    figures (`bench/responder/produce.py` runs this in its own process: generating is Python
    work, and there it overlaps with the COPY and the encoding in the bench process)."""
    generator = Generator(plan.shops, plan.staff, plan.now, plan.seed)
    drafts = DraftTexts()
    facts: list[Fact] = []
    answers: list[Answer] = []
    for day_facts, day_answers in generator.days_iter():
        facts += day_facts
        answers += day_answers
        if len(facts) >= plan.chunk:
            emit(rows_of(facts, answers, drafts))
            facts, answers = [], []
    if facts or answers:
        emit(rows_of(facts, answers, drafts))
    emit({"skipped_after_now": generator.skipped_after_now, "ids": vars(generator.ids)})
