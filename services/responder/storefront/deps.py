"""What storefront endpoints depend on: the pool, the settings and "now" of this process (it has
no Runtime: no Kafka, no outbox, no migrations)."""

from datetime import UTC, datetime
from typing import Annotated

from fastapi import Depends, Request

from services.responder.storefront.settings import StorefrontSettings
from shared.db.pool import Pool


# async: FastAPI runs a plain `def` dependency in its thread pool, a thread handoff for each
# on every request (a third of the process's CPU per request in bench/public_reviews).
async def storefront_pool(request: Request) -> Pool:
    pool: Pool = request.app.state.pool
    return pool


async def storefront_settings(request: Request) -> StorefrontSettings:
    settings: StorefrontSettings = request.app.state.settings
    return settings


async def storefront_now(request: Request) -> datetime:
    clock = getattr(request.app.state, "clock", None)
    return clock() if clock is not None else datetime.now(UTC)


StorefrontPool = Annotated[Pool, Depends(storefront_pool)]
StorefrontSettingsDep = Annotated[StorefrontSettings, Depends(storefront_settings)]
StorefrontNow = Annotated[datetime, Depends(storefront_now)]
