"""Privacy tests' helpers: a Shopify shop's customer taken through the loop by real processes
(order webhook, survey email in the SMTP sink's Maildir, the survey answered, platform reviews),
GDPR webhooks, and a search of every service schema for what is left of a customer."""

import json
import mailbox
import re
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import asyncpg
import httpx

from tests.support.platforms import (
    body_of,
    fixture,
    live_shopify_order,
    shopify_headers,
    standard_headers,
)
from tests.support.services import ServiceProcess

SECRET = "gdpr-secret-0123456789"

# Column types that can hold text someone wrote: scanned (bytea decoded as UTF-8, arrays and
# the search vector as their text form).
TEXT_TYPES = ("text", "varchar", "bpchar", "json", "jsonb", "bytea", "_text", "_varchar")
TEXT_TYPES_ALSO = ("tsvector", "_json", "_jsonb", "xml")
SERVICE_SCHEMAS = ("ingest", "survey", "notifier", "responder")


@dataclass
class Customer:
    """One person with every kind of personal data a shop sends, each value unique to the test
    so a hit can only be this customer."""

    tag: str = field(default_factory=lambda: uuid.uuid4().hex[:8])
    customer_id: int = field(default_factory=lambda: 10**9 + uuid.uuid4().int % 10**9)

    @property
    def email(self) -> str:
        return f"mirabel.{self.tag}@example.com"

    @property
    def first_name(self) -> str:
        return "Mirabel"

    @property
    def last_name(self) -> str:
        return f"Quist{self.tag}"

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def phone(self) -> str:
        return f"+386 40 {self.tag[:3]} {self.tag[3:6]}"

    @property
    def address1(self) -> str:
        return f"{self.tag} Linden Alley"

    @property
    def address2(self) -> str:
        return f"Flat {self.tag[::-1]}"

    def texts(self) -> dict[str, str]:
        """What the customer writes, by where it is written."""
        return {
            "survey comment": f"Courier left it at gate {self.tag} in the rain",
            "product review": f"The nib scratches, batch {self.tag}",
            "trustpilot review": f"Support ignored ticket {self.tag} for weeks",
            "trustpilot title": f"Ticket {self.tag} unanswered",
            "generic review": f"Parcel {self.tag} arrived opened",
        }

    def needles(self) -> dict[str, str]:
        return {
            "email": self.email,
            "name": self.name,
            "last name": self.last_name,
            "phone": self.phone,
            "address line 1": self.address1,
            "address line 2": self.address2,
            **self.texts(),
        }


def shopify_order(customer: Customer, order_id: int) -> dict[str, Any]:
    """Shopify's published orders/create, placed yesterday, for this customer."""
    order = live_shopify_order("orders__create.captured_test_order")
    placed = (datetime.now(UTC) - timedelta(days=1)).isoformat()
    address = {
        **order["shipping_address"],
        "first_name": customer.first_name,
        "last_name": customer.last_name,
        "name": customer.name,
        "address1": customer.address1,
        "address2": customer.address2,
        "phone": customer.phone,
    }
    return {
        **order,
        "id": order_id,
        "name": f"#{order_id}",
        "created_at": placed,
        "processed_at": placed,
        "email": customer.email,
        "contact_email": customer.email,
        "phone": customer.phone,
        "customer": {
            **order["customer"],
            "id": customer.customer_id,
            "email": customer.email,
            "first_name": customer.first_name,
            "last_name": customer.last_name,
            "phone": customer.phone,
        },
        "shipping_address": address,
        "billing_address": address,
    }


def post_shopify(ingest: ServiceProcess, shop_id: str, topic: str, payload: Any) -> None:
    body = body_of(payload)
    r = httpx.post(
        f"{ingest.url}/webhooks/shopify/{shop_id}",
        content=body,
        headers=shopify_headers(body, SECRET, topic),
        timeout=10,
    )
    assert r.status_code == 202, r.text


def post_review(ingest: ServiceProcess, shop_id: str, source: str, payload: Any) -> None:
    body = body_of(payload)
    r = httpx.post(
        f"{ingest.url}/reviews/{source}/{shop_id}",
        content=body,
        headers=standard_headers(body, SECRET),
        timeout=10,
    )
    assert r.status_code == 202, r.text


def redact_request(customer: Customer, order_ids: list[int]) -> dict[str, Any]:
    return {
        **fixture("shopify", "customers__redact"),
        "customer": {"id": customer.customer_id, "email": customer.email, "phone": customer.phone},
        "orders_to_redact": order_ids,
    }


def mails_to(maildir: Path, address: str) -> list[EmailMessage]:
    box = mailbox.Maildir(maildir, create=False)
    found = [message_from_bytes(box.get_bytes(k), policy=policy.default) for k in box.keys()]
    return [m for m in found if address in str(m["To"])]  # type: ignore[misc]


def wait_for_mails(maildir: Path, address: str, count: int, wait_s: float = 60) -> list[Any]:
    deadline = time.monotonic() + wait_s
    while True:
        mails = mails_to(maildir, address)
        if len(mails) >= count or time.monotonic() > deadline:
            return mails
        time.sleep(0.3)


def survey_link(mail: EmailMessage, survey: ServiceProcess) -> str:
    """The email's survey link, on the test's survey process (its public URL is the default)."""
    body = mail.get_body(("plain",))
    assert body is not None
    found = re.search(r"\S+/s/\S+", body.get_content())
    assert found is not None
    return survey.url + urlparse(found.group(0)).path


def unsubscribe_link(mail: EmailMessage, survey: ServiceProcess) -> str:
    return survey.url + urlparse(str(mail["List-Unsubscribe"]).strip("<>")).path


async def answer_survey(link: str, customer: Customer) -> None:
    """Every product rated 2 with the product review text, shown under the customer's full name
    (the display name a reviewer may choose), NPS 3 with the comment: the form's own field names
    are read from the page."""
    async with httpx.AsyncClient(timeout=10) as http:
        page = await http.get(link)
        assert page.status_code == 200, page.text
        form: dict[str, str] = {"nps": "3", "comment": customer.texts()["survey comment"]}
        for name in set(re.findall(r'name="(rating_[^"]+)"', page.text)):
            form[name] = "2"
        for name in set(re.findall(r'name="(text_[^"]+)"', page.text)):
            form[name] = customer.texts()["product review"]
        assert any(k.startswith("rating_") for k in form), page.text
        assert 'name="reviewer_name"' in page.text, page.text
        form["reviewer_name"] = customer.name
        done = await http.post(link, data=form)
        assert done.status_code == 200, done.text


async def text_columns(conn: asyncpg.Connection) -> list[tuple[str, str, str, str]]:
    """(schema, table, column, type) of every column of every table that can hold text, in
    every schema but PostgreSQL's own, read from the catalogue."""
    rows = await conn.fetch(
        """
        SELECT n.nspname AS schema, c.relname AS table, a.attname AS column,
               t.typname AS type
        FROM pg_catalog.pg_attribute a
        JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
        WHERE c.relkind IN ('r', 'p', 'm') AND a.attnum > 0 AND NOT a.attisdropped
          AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
          AND n.nspname NOT LIKE 'pg_temp%'
          AND t.typname = ANY($1::text[])
        ORDER BY 1, 2, 3
        """,
        [*TEXT_TYPES, *TEXT_TYPES_ALSO],
    )
    return [(r["schema"], r["table"], r["column"], r["type"]) for r in rows]


def _as_text(value: Any) -> str:
    if isinstance(value, bytes | bytearray | memoryview):
        text = bytes(value).decode("utf-8", errors="replace")
        try:
            # JSON bodies may escape characters (\u00e9, \/): compare the decoded text too.
            return text + "\n" + json.dumps(json.loads(text), ensure_ascii=False)
        except ValueError:
            return text
    return str(value)


async def scan(conn: asyncpg.Connection, needles: dict[str, str]) -> list[str]:
    """`schema.table.column: what` for every value that still holds one of the needles."""
    hits: list[str] = []
    for schema, table, column, type_ in await text_columns(conn):
        expr = (
            f'"{column}"'
            if type_ in ("bytea", "text", "varchar", "bpchar")
            else f'"{column}"::text'
        )
        values = await conn.fetch(
            f'SELECT {expr} AS v FROM "{schema}"."{table}" WHERE "{column}" IS NOT NULL'
        )
        texts = [_as_text(r["v"]).lower() for r in values]
        for what, needle in needles.items():
            if any(needle.lower() in t for t in texts):
                hits.append(f"{schema}.{table}.{column}: {what}")
    return hits
