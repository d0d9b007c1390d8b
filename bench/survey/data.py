"""Plausible survey data, bulk-loaded with COPY, and the steady trickle of newly due emails.

Every row is what the survey service itself would have stored after folding `order.placed` and
`order.delivered` and scheduling the invitation: an order in its order view, a survey, and one
pending invitation email with a deterministic Message-ID. Every customer has their own address,
no order is cancelled or refunded and nobody is suppressed, so every due email passes the
dispatcher's checks (cooldown included) and is really sent: the benchmark measures sending, not
skipping.

Ids: surveys and their invitations are loaded with explicit ids (survey id == email id == row
number), from ranges planned before anything runs; the identity sequences are moved past every
planned range first, so rows the service inserts itself (reminders) never collide with them.
"""

import json
import random
import secrets
import string
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import asyncpg

from services.survey.dispatch.compose import compose
from services.survey.orders.view import Item, OrderView
from services.survey.settings import SurveySettings
from services.survey.shops.config import SurveyShopSettings
from services.survey.shops.repository import ShopRow
from services.survey.surveys.handlers import message_id
from services.survey.surveys.repository import EmailRow, SurveyRow
from services.survey.tokens import Tokens

SCHEMA = "survey"
CHUNK = 25_000
# The same length as secrets.token_urlsafe(16), so a template message has the real size.
PUBLIC_REF_CHARS = 22
FIRST_ORDER_NUMBER = 700_000_000


@dataclass(frozen=True)
class Shop:
    shop_id: str
    name: str
    locale: str
    country: str
    timezone: str


SHOPS = (
    Shop("bench-tea", "Čaj & Co", "sl-SI", "SI", "Europe/Ljubljana"),
    Shop("bench-outdoor", "Bergwelt Outdoor", "de-AT", "AT", "Europe/Vienna"),
    Shop("bench-home", "Nordic Home", "en-IE", "IE", "Europe/Dublin"),
    Shop("bench-books", "Grāmatu Nams", "lv-LV", "LV", "Europe/Riga"),
    Shop("bench-beauty", "Frumusețe Naturală", "ro-RO", "RO", "Europe/Bucharest"),
)

# (product id, name, category, unit price)
PRODUCTS = (
    ("tea-green", "Organic green tea, 100 g", "Food > Tea", "4.50"),
    ("teapot", "Cast-iron teapot 0.8 l", "Home & Kitchen", "35.00"),
    ("boots", "Hiking boots Alpina GTX", "Shoes > Outdoor", "149.90"),
    ("jacket", "Rain jacket, women", "Clothing", "89.00"),
    ("lamp", "Oak desk lamp", "Furniture > Lighting", "64.00"),
    ("novel", "The Long Winter (paperback)", "Books", "12.99"),
    ("serum", "Vitamin C face serum 30 ml", "Beauty > Skin care", "24.50"),
    ("headphones", "Wireless headphones NC-700", "Electronics > Audio", "199.00"),
    ("dog-food", "Grain-free dog food 2 kg", "Pet supplies", "18.40"),
    ("mug", "Stoneware mug", "Home & Kitchen", "9.90"),
    ("backpack", "Day pack 22 l", "Sport > Hiking", "59.00"),
    ("puzzle", "Wooden puzzle, 500 pieces", "Toys", "21.00"),
)
FIRST_NAMES = ("Ana", "Jonas", "Marta", "Luka", "Ieva", "Sean", "Ioana", "Eva", "Matej", "Anna")
LAST_NAMES = ("Novak", "Huber", "Ozoliņa", "Murphy", "Popescu", "Kranjc", "Berzins", "Gruber")

ORDER_COLUMNS = (
    "shop_id",
    "order_id",
    "customer_email",
    "customer_name",
    "locale",
    "country",
    "shipping_country",
    "currency",
    "items",
    "placed_at",
    "fulfilled_at",
    "delivered_at",
    "marketing_consent",
)
SURVEY_COLUMNS = ("id", "shop_id", "order_id", "public_ref", "created_at")
EMAIL_COLUMNS = ("id", "survey_id", "shop_id", "kind", "send_at", "message_id")


@dataclass(frozen=True)
class Rows:
    orders: list[tuple[Any, ...]]
    surveys: list[tuple[Any, ...]]
    emails: list[tuple[Any, ...]]


def _order(rng: random.Random, number: int, shop: Shop, placed_at: datetime) -> tuple[Any, ...]:
    items = [
        {
            "product_id": pid,
            "name": name,
            "category": cat,
            "quantity": rng.randint(1, 3),
            "unit_price": price,
        }
        for pid, name, cat, price in rng.sample(PRODUCTS, rng.randint(1, 3))
    ]
    fulfilled = placed_at + timedelta(hours=rng.randint(4, 48))
    return (
        shop.shop_id,
        str(FIRST_ORDER_NUMBER + number),
        # One address per order: the cooldown check passes and every due email is sent.
        f"buyer{number}@example.com",
        f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
        shop.locale,
        shop.country,
        shop.country,
        "EUR",
        items,
        placed_at,
        fulfilled,
        fulfilled + timedelta(days=rng.randint(1, 4)),
        # Every customer ticked the box: the bench measures sending, and the Austrian shop's
        # customers need consent (or the shop's notice) to be asked at all.
        "granted",
    )


def make_rows(
    first: int, count: int, send_at: datetime, spread_s: float, domain: str, now: datetime
) -> Rows:
    """Rows number `first` .. `first + count - 1`; invitations due between `send_at` and
    `send_at + spread_s` (spread evenly, in row order)."""
    rng = random.Random(first)
    orders, surveys, emails = [], [], []
    step = spread_s / count if count else 0.0
    for i in range(count):
        number = first + i
        shop = SHOPS[number % len(SHOPS)]
        due = send_at + timedelta(seconds=i * step)
        placed_at = min(due, now) - timedelta(days=rng.randint(14, 40))
        order = _order(rng, number, shop, placed_at)
        ref = secrets.token_urlsafe(16)
        orders.append(order)
        surveys.append((number, shop.shop_id, order[1], ref, placed_at + timedelta(hours=1)))
        emails.append(
            (number, number, shop.shop_id, "invitation", due, message_id("invitation", ref, domain))
        )
    return Rows(orders, surveys, emails)


def chunks(
    first: int, count: int, send_at: datetime, spread_s: float, domain: str
) -> Iterator[Rows]:
    now = datetime.now(UTC)
    for offset in range(0, count, CHUNK):
        size = min(CHUNK, count - offset)
        part_start = send_at + timedelta(seconds=spread_s * offset / count) if count else send_at
        part_spread = spread_s * size / count if count else 0.0
        yield make_rows(first + offset, size, part_start, part_spread, domain, now)


async def connect(dsn: str) -> asyncpg.Connection:
    """The bench's loading connection. COPY encodes in binary, so jsonb gets a binary codec here
    (format version 1, then the JSON text); the service's pool uses the text form."""
    conn = await asyncpg.connect(dsn, server_settings={"search_path": SCHEMA})
    await conn.set_type_codec(
        "jsonb",
        encoder=lambda value: b"\x01" + json.dumps(value).encode(),
        decoder=lambda raw: json.loads(raw[1:]),
        schema="pg_catalog",
        format="binary",
    )
    return conn


async def copy_rows(conn: asyncpg.Connection, rows: Rows) -> None:
    await conn.copy_records_to_table(
        "orders", records=rows.orders, columns=ORDER_COLUMNS, schema_name=SCHEMA
    )
    # COPY writes the given ids even into GENERATED ALWAYS identity columns.
    await conn.copy_records_to_table(
        "surveys", records=rows.surveys, columns=SURVEY_COLUMNS, schema_name=SCHEMA
    )
    await conn.copy_records_to_table(
        "survey_emails", records=rows.emails, columns=EMAIL_COLUMNS, schema_name=SCHEMA
    )


async def load_shops(conn: asyncpg.Connection) -> None:
    await conn.executemany(
        "INSERT INTO shops (shop_id, display_name, locale, country, timezone) "
        "VALUES ($1, $2, $3, $4, $5)",
        [(s.shop_id, s.name, s.locale, s.country, s.timezone) for s in SHOPS],
    )


async def reserve_ids(conn: asyncpg.Connection, last_planned: int) -> None:
    """Identity values the service hands out start after every id the bench will COPY."""
    for table in ("surveys", "survey_emails"):
        await conn.execute(
            "SELECT setval(pg_get_serial_sequence($1, 'id'), $2)", f"{SCHEMA}.{table}", last_planned
        )


STEADY_SQL = """
WITH o AS (
    INSERT INTO orders (shop_id, order_id, customer_email, customer_name, locale, country,
                        shipping_country, currency, items, placed_at, fulfilled_at, delivered_at,
                        marketing_consent)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
), s AS (
    INSERT INTO surveys (shop_id, order_id, public_ref) VALUES ($1, $2, $14) RETURNING id
)
INSERT INTO survey_emails (survey_id, shop_id, kind, send_at, message_id)
SELECT id, $1, 'invitation', $15, $16 FROM s
"""


async def insert_due_now(
    conn: asyncpg.Connection, rng: random.Random, number: int, domain: str, send_at: datetime
) -> str:
    """One order with its survey and an invitation due at `send_at`, in one statement (one round
    trip, one transaction): the row appears the moment it is due. Returns its Message-ID."""
    shop = SHOPS[number % len(SHOPS)]
    order = _order(rng, number, shop, send_at - timedelta(days=rng.randint(14, 40)))
    ref = secrets.token_urlsafe(16)
    mid = message_id("invitation", ref, domain)
    await conn.execute(STEADY_SQL, *order, ref, send_at, mid)
    return mid


def template_message(settings: SurveySettings, tokens: Tokens) -> tuple[bytes, str]:
    """A rendered invitation like the loaded ones (median: two products), with a placeholder
    public reference of the real length; returns the bytes and the placeholder."""
    placeholder = "".join(random.Random(7).choices(string.ascii_letters, k=PUBLIC_REF_CHARS))
    shop = SHOPS[0]
    now = datetime.now(UTC)
    items = tuple(
        Item(pid, name, cat, 1, Decimal(price))
        for pid, name, cat, price in (PRODUCTS[0], PRODUCTS[1])
    )
    order = OrderView(
        shop_id=shop.shop_id,
        order_id=str(FIRST_ORDER_NUMBER),
        customer_email="buyer0@example.com",
        customer_name="Ana Novak",
        locale=shop.locale,
        country=shop.country,
        shipping_country=shop.country,
        items=items,
        placed_at=now,
    )
    mid = message_id("invitation", placeholder, settings.message_id_domain)
    email = EmailRow(
        0, 0, shop.shop_id, "invitation", "sending", now, 1, mid, None, None, None, None
    )
    survey = SurveyRow(0, shop.shop_id, order.order_id, placeholder, None, None, now)
    row = ShopRow(
        shop.shop_id, shop.name, shop.locale, shop.country, shop.timezone, SurveyShopSettings()
    )
    message = compose(email, survey, order, row, settings, tokens, now)
    # The placeholder also sits (signed, encoded) in the links; only the Message-ID is varied.
    return message, placeholder
