"""The storefront process in-process against real PostgreSQL: its app over a read-only pool
(as `python -m services.responder.storefront` makes it), reached through httpx's ASGI transport
or served on a free local port (for Chromium), and helpers that write the public rows other
areas' tests read (until the responder's handlers write them, and for shapes no event makes)."""

import asyncio
import socket
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import httpx
import uvicorn
from fastapi import FastAPI

from services.responder.storefront.app import READ_ONLY, build
from services.responder.storefront.settings import StorefrontSettings
from shared.db.pool import Pool, create_pool
from tests.support.clock import T0, Clock


@dataclass
class Storefront:
    settings: StorefrontSettings
    app: FastAPI
    pool: Pool  # read-only, the app's own
    clock: Clock = field(default_factory=Clock)

    @asynccontextmanager
    async def http(self, client: str = "127.0.0.1") -> AsyncIterator[httpx.AsyncClient]:
        transport = httpx.ASGITransport(app=self.app, client=(client, 40000))
        async with httpx.AsyncClient(transport=transport, base_url="http://storefront") as c:
            yield c

    @asynccontextmanager
    async def serve(self) -> AsyncIterator[str]:
        """A real HTTP server on a free local port in this event loop; yields its base URL."""
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
        server = uvicorn.Server(uvicorn.Config(self.app, lifespan="off", log_level="warning"))
        task = asyncio.create_task(server.serve(sockets=[sock]))
        while not server.started:
            if task.done():
                task.result()
            await asyncio.sleep(0.01)
        try:
            yield f"http://127.0.0.1:{port}"
        finally:
            server.should_exit = True
            await task
            sock.close()


@asynccontextmanager
async def running_storefront(
    make_settings: Callable[..., StorefrontSettings], **overrides: Any
) -> AsyncIterator[Storefront]:
    """The app with its read-only pool; the responder's migrations must be applied already
    (`running_responder` does it)."""
    settings = make_settings(StorefrontSettings, **overrides)
    app = build(settings)
    pool = await create_pool(settings, server_settings=READ_ONLY)
    try:
        sf = Storefront(settings, app, pool)
        app.state.pool = pool
        app.state.clock = sf.clock
        yield sf
    finally:
        await pool.close()


async def insert_shop(
    pool: Pool, shop_id: str, *, display_name: str | None = None, locale: str = "en"
) -> None:
    await pool.execute(
        """INSERT INTO shops (shop_id, display_name, locale) VALUES ($1, $2, $3)
           ON CONFLICT (shop_id) DO NOTHING""",
        shop_id,
        display_name or f"Shop {shop_id}",
        locale,
    )


async def insert_product(
    pool: Pool,
    shop_id: str,
    product_id: str,
    *,
    name: str = "Teapot",
    sku: str | None = None,
    gtin: str | None = None,
    mpn: str | None = None,
    brand: str | None = None,
    at: datetime = T0,
) -> None:
    await pool.execute(
        """INSERT INTO public_products (shop_id, product_id, name, sku, gtin, mpn, brand,
                                        updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
           ON CONFLICT (shop_id, product_id) DO UPDATE SET name = EXCLUDED.name,
               sku = EXCLUDED.sku, gtin = EXCLUDED.gtin, mpn = EXCLUDED.mpn,
               brand = EXCLUDED.brand, updated_at = EXCLUDED.updated_at""",
        shop_id,
        product_id,
        name,
        sku,
        gtin,
        mpn,
        brand,
        at,
    )


async def insert_public_review(
    pool: Pool,
    shop_id: str,
    review_id: str,
    *,
    product_id: str | None = "pot",
    rating: int = 5,
    title: str | None = None,
    body: str | None = "Lovely teapot.",
    display_name: str | None = "Anna N.",
    language: str = "en",
    verified: bool = True,
    verified_by: str | None = "reference",
    incentivized: bool = False,
    status: str = "published",
    submitted_at: datetime = T0,
    order_id: str | None = "1001",
    reply_text: str | None = None,
    replied_at: datetime | None = None,
) -> None:
    """One row of responder.public_reviews, as the responder's handlers keep it (shop and
    product rows are added when missing)."""
    await insert_shop(pool, shop_id)
    if product_id is not None:
        await pool.execute(
            """INSERT INTO public_products (shop_id, product_id, name, updated_at)
               VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING""",
            shop_id,
            product_id,
            product_id.title(),
            submitted_at,
        )
    await pool.execute(
        """INSERT INTO public_reviews (shop_id, review_id, product_id, order_id, rating, title,
               body, display_name, language, verified, verified_by, incentivized, status,
               submitted_at, published_at, updated_at, reply_text, replied_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14, $14,
                   $15, $16)""",
        shop_id,
        review_id,
        product_id,
        order_id,
        rating,
        title,
        body,
        display_name,
        language,
        verified,
        verified_by,
        incentivized,
        status,
        submitted_at,
        reply_text,
        replied_at if replied_at is not None or reply_text is None else submitted_at,
    )


def days(n: float) -> timedelta:
    return timedelta(days=n)
