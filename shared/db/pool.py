"""The asyncpg pool of a service, pinned to the service's own schema."""

import json
from collections.abc import Mapping
from typing import Any

import asyncpg
from asyncpg import Connection, Pool

from shared.metrics import DB_POOL_CONNECTIONS, DB_POOL_MAX_CONNECTIONS
from shared.settings import ServiceSettings

__all__ = ["Connection", "Pool", "create_pool", "measure_pool", "ping"]


async def _init_connection(conn: Connection) -> None:
    # jsonb columns come back as Python objects and accept them on the way in.
    await conn.set_type_codec("jsonb", encoder=json.dumps, decoder=json.loads, schema="pg_catalog")


async def _keep_session(conn: Connection) -> None:
    """Release without asyncpg's default reset, a round trip on every release (advisory
    unlock, CLOSE ALL, UNLISTEN *, RESET ALL). No code here leaves session state behind:
    transactions are rolled back by asyncpg itself before this is called, the relay removes its
    listener, migrations release their advisory lock, and nothing uses SET outside a
    transaction."""


def _server_settings(settings: ServiceSettings) -> dict[str, str]:
    # search_path makes unqualified names mean this service's schema and nothing else.
    values = {
        "search_path": settings.db_schema,
        "application_name": f"reviewloop-{settings.service_name}",
    }
    if settings.db_parallel_workers is not None:
        values["max_parallel_workers_per_gather"] = str(settings.db_parallel_workers)
    return values


async def create_pool(
    settings: ServiceSettings, *, server_settings: Mapping[str, str] | None = None, **overrides: Any
) -> Pool:
    """`server_settings` add to (or replace) the service's session settings, e.g. read-only
    transactions for a process that must never write."""
    pool = await asyncpg.create_pool(
        dsn=settings.db_dsn,
        min_size=settings.db_pool_min_size,
        max_size=settings.db_pool_max_size,
        server_settings={**_server_settings(settings), **(server_settings or {})},
        init=_init_connection,
        reset=_keep_session,
        **overrides,
    )
    assert pool is not None
    return pool


async def ping(pool: Pool) -> None:
    """One round trip on a pooled connection; raises if the database does not answer."""
    async with pool.acquire() as conn:
        await conn.fetchval("SELECT 1")


def measure_pool(pool: Pool, service: str) -> None:
    """The pool's gauges, read at each scrape (asyncpg keeps the counts itself): a pool always
    in use at its maximum is the first sign of too small a pool or too slow a query."""
    idle = pool.get_idle_size()
    DB_POOL_CONNECTIONS.labels(service, "idle").set(idle)
    DB_POOL_CONNECTIONS.labels(service, "in_use").set(pool.get_size() - idle)
    DB_POOL_MAX_CONNECTIONS.labels(service).set(pool.get_max_size())
