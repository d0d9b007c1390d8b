"""Stored rows for the memory measurement: the table of each service that grows with the shop's
business, filled by COPY into the service's own schema (as bench/survey and bench/responder
seed), in chunks, up to a given total. Shops `bench-shop-000` .. `-099`; the workload's shop
is the first of them, so it holds its share of the rows too."""

import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import quote

import asyncpg

from bench.ingest.targets import Infra
from bench.survey import data as survey_data
from shared.db.provision import roles_from_env

CHUNK = 25_000
SHOPS = 100
WORKLOAD_SHOP = "bench-shop-000"
SPREAD = timedelta(days=365)


def shop_of(number: int) -> str:
    return f"bench-shop-{number % SHOPS:03d}"


def dsn(infra: Infra, database: str, schema: str) -> str:
    role = next(r for r in roles_from_env({}) if r.schema == schema)
    return (
        f"postgresql://{quote(role.user, safe='')}:{quote(role.password, safe='')}"
        f"@{infra.pg_host}:{infra.pg_port}/{quote(database, safe='')}"
    )


async def connect(infra: Infra, database: str, schema: str) -> asyncpg.Connection:
    # bench.survey's loader connection: binary jsonb codec for COPY. COPY names the schema
    # explicitly, so its search_path (survey) does not matter for the other services.
    return await survey_data.connect(dsn(infra, database, schema))


def _when(rng: random.Random, now: datetime) -> datetime:
    return now - timedelta(seconds=rng.random() * SPREAD.total_seconds())


# -- one chunk of rows per service ----------------------------------------------------------------

INGEST_COLUMNS = (
    "shop_id",
    "order_id",
    "platform",
    "placed_at",
    "details",
    "customer_email",
    "placed_emitted",
    "paid_at",
    "delivered_at",
)


def _ingest_rows(first: int, count: int, now: datetime) -> list[tuple[Any, ...]]:
    rng = random.Random(first)
    rows = []
    for number in range(first, first + count):
        placed = _when(rng, now)
        pid, name, category, price = survey_data.PRODUCTS[number % len(survey_data.PRODUCTS)]
        email = f"buyer{number}@example.com"
        details = {
            "currency": "EUR",
            "customer": {"email": email, "name": "Ana Novak", "country": "SI"},
            "items": [
                {
                    "product_id": pid,
                    "name": name,
                    "category": category,
                    "quantity": 1,
                    "unit_price": price,
                }
            ],
            "shipping_country": "SI",
        }
        rows.append(
            (
                shop_of(number),
                str(number),
                "standard",
                placed,
                details,
                email,
                True,
                placed + timedelta(minutes=5),
                placed + timedelta(days=3),
            )
        )
    return rows


NOTIFIER_COLUMNS = (
    "shop_id",
    "review_id",
    "revision",
    "source",
    "order_id",
    "rating",
    "sentiment",
    "severity",
    "topics",
    "created_at",
    "classified_at",
)
SENTIMENTS = (
    ("positive", 5, ["praise"]),
    ("neutral", 3, ["delivery"]),
    ("negative", 1, ["quality"]),
)


def _sentiment(number: int) -> tuple[str, int, list[str]]:
    # 70 / 15 / 15 %, as bench/responder seeds.
    bucket = number % 20
    return SENTIMENTS[0 if bucket < 14 else 1 if bucket < 17 else 2]


def _notifier_rows(first: int, count: int, now: datetime) -> list[tuple[Any, ...]]:
    rng = random.Random(first)
    rows = []
    for number in range(first, first + count):
        created = _when(rng, now)
        sentiment, rating, topics = _sentiment(number)
        rows.append(
            (
                shop_of(number),
                f"generic:seed-{number}",
                1,
                "generic",
                str(number),
                rating,
                sentiment,
                "low",
                topics,
                created,
                created + timedelta(seconds=1),
            )
        )
    return rows


RESPONDER_COLUMNS = (
    "shop_id",
    "review_id",
    "revision",
    "source",
    "source_review_id",
    "case_key",
    "rating",
    "title",
    "text",
    "reviewer_name",
    "product_id",
    "verified",
    "language",
    "sentiment",
    "severity",
    "topics",
    "classification",
    "created_at",
    "updated_at",
    "classified_at",
    "sla_due_at",
    "first_replied_at",
)
TEXTS = {
    "positive": "Arrived quickly and works as described, thank you.",
    "neutral": "It is fine, the delivery took a few days longer than promised.",
    "negative": "The handle broke after a week and nobody answers my emails.",
}


def _responder_rows(first: int, count: int, now: datetime) -> list[tuple[Any, ...]]:
    rng = random.Random(first)
    rows = []
    for number in range(first, first + count):
        created = _when(rng, now)
        sentiment, rating, topics = _sentiment(number)
        review_id = f"generic:seed-{number}"
        classification = {
            "model_version": "bench",
            "language": "en",
            "language_confidence": 0.9,
            "sentiment": sentiment,
            "sentiment_confidence": 0.9,
            "star_text_mismatch": False,
            "severity": "low",
            "severity_reasons": [],
            "removal_candidate": False,
            "topics": [{"name": t, "confidence": 0.8} for t in topics],
            "abuse": [],
            "question": None,
        }
        rows.append(
            (
                shop_of(number),
                review_id,
                1,
                "generic",
                f"seed-{number}",
                f"review:{review_id}",
                rating,
                "A review",
                TEXTS[sentiment],
                "Ana Novak",
                "mug",
                False,
                "en",
                sentiment,
                "low",
                topics,
                classification,
                created,
                created,
                created + timedelta(seconds=1),
                created + timedelta(hours=24),
                # Answered, as 93 % of negatives are in bench/responder's seed.
                created + timedelta(hours=6) if sentiment == "negative" else None,
            )
        )
    return rows


@dataclass(frozen=True)
class Seeder:
    """How one service's growing table is filled; `tables` are those its size is read from."""

    schema: str
    tables: tuple[str, ...]
    copy: Callable[[asyncpg.Connection, int, int], Awaitable[None]]
    prepare: Callable[[asyncpg.Connection, int], Awaitable[None]] | None = None


def _single_table(
    table: str,
    columns: tuple[str, ...],
    rows: Callable[[int, int, datetime], list[tuple[Any, ...]]],
    schema: str,
) -> Callable[[asyncpg.Connection, int, int], Awaitable[None]]:
    async def copy(conn: asyncpg.Connection, first: int, count: int) -> None:
        await conn.copy_records_to_table(
            table,
            records=rows(first, count, datetime.now(UTC)),
            columns=columns,
            schema_name=schema,
        )

    return copy


async def _survey_copy(conn: asyncpg.Connection, first: int, count: int) -> None:
    # bench.survey's rows: an order view, its survey and a pending invitation due in 1-31 days
    # (never within a run). Row numbers start at 1 there (they are the identity values).
    domain = "bench.invalid"
    send_at = datetime.now(UTC) + timedelta(days=1)
    for rows in survey_data.chunks(first + 1, count, send_at, 30 * 86_400.0, domain):
        await survey_data.copy_rows(conn, rows)


async def _survey_prepare(conn: asyncpg.Connection, total: int) -> None:
    await survey_data.load_shops(conn)
    await survey_data.reserve_ids(conn, total)


SEEDERS: dict[str, Seeder] = {
    "ingest": Seeder(
        "ingest", ("orders",), _single_table("orders", INGEST_COLUMNS, _ingest_rows, "ingest")
    ),
    "survey": Seeder(
        "survey", ("orders", "surveys", "survey_emails"), _survey_copy, _survey_prepare
    ),
    "notifier": Seeder(
        "notifier",
        ("reviews",),
        _single_table("reviews", NOTIFIER_COLUMNS, _notifier_rows, "notifier"),
    ),
    "responder": Seeder(
        "responder",
        ("reviews",),
        _single_table("reviews", RESPONDER_COLUMNS, _responder_rows, "responder"),
    ),
}


async def grow(conn: asyncpg.Connection, seeder: Seeder, have: int, want: int) -> None:
    """Rows number `have` .. `want - 1`, one transaction per chunk; then ANALYZE, so the
    service plans its statements on the real size."""
    for first in range(have, want, CHUNK):
        async with conn.transaction():
            await seeder.copy(conn, first, min(CHUNK, want - first))
    for table in seeder.tables:
        await conn.execute(f"ANALYZE {seeder.schema}.{table}")


async def table_mib(conn: asyncpg.Connection, seeder: Seeder) -> dict[str, float]:
    rows = await conn.fetch(
        "SELECT c.relname AS name, round(pg_total_relation_size(c.oid) / 1048576.0, 1) AS mib"
        " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
        " WHERE n.nspname = $1 AND c.relname = ANY($2::text[])",
        seeder.schema,
        list(seeder.tables),
    )
    return {r["name"]: float(r["mib"]) for r in rows}
