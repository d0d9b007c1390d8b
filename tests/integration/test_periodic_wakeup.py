"""Periodic workers woken by PostgreSQL NOTIFY: work committed by another transaction starts a
pass at once instead of at the next poll, also after the listening connection was killed."""

import asyncio
import time

import pytest

from services.notifier.app import MIGRATIONS
from services.notifier.settings import NotifierSettings
from shared.db.migrations import apply_migrations, service_migrations
from shared.db.pool import Pool, create_pool
from shared.periodic import PeriodicTask, run_periodically

pytestmark = pytest.mark.integration

# Far longer than any wait below: a pass within a few seconds can only come from a NOTIFY.
POLL_S = 120.0


async def _passes_until(passes: list[float], count: int, within_s: float) -> bool:
    deadline = time.monotonic() + within_s
    while time.monotonic() < deadline:
        if len(passes) >= count:
            return True
        await asyncio.sleep(0.02)
    return len(passes) >= count


async def _queue(pool: Pool) -> None:
    async with pool.acquire() as conn, conn.transaction():
        await conn.execute("INSERT INTO jobs DEFAULT VALUES")


async def test_commit_wakes_the_worker_and_rollback_does_not(make_settings) -> None:
    settings = make_settings(NotifierSettings)
    pool = await create_pool(settings)
    stopping = asyncio.Event()
    passes: list[float] = []
    try:
        await apply_migrations(pool, "notifier", service_migrations("notifier", MIGRATIONS))
        await pool.execute(
            """
            CREATE TABLE jobs (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY);
            CREATE TRIGGER jobs_wake AFTER INSERT ON jobs
                FOR EACH STATEMENT EXECUTE FUNCTION wake_worker('jobs');
            """
        )

        async def run(pool: Pool) -> int:
            passes.append(time.monotonic())
            return 0  # idle pass: the worker sleeps until woken or POLL_S

        task = PeriodicTask("jobs", POLL_S, run, wake_on="jobs")
        worker = asyncio.create_task(run_periodically(task, pool, stopping, settings.db_schema))
        # The first pass at start, and one more when the listener is in place (anything
        # committed before it listened must not wait for the poll).
        assert await _passes_until(passes, 2, 10)
        await asyncio.sleep(0.3)
        idle = len(passes)

        async with pool.acquire() as conn:
            tx = conn.transaction()
            await tx.start()
            await conn.execute("INSERT INTO jobs DEFAULT VALUES")
            await tx.rollback()
        await asyncio.sleep(0.5)
        assert len(passes) == idle, "a rolled-back insert woke the worker"

        started = time.monotonic()
        await _queue(pool)
        assert await _passes_until(passes, idle + 1, 5)
        assert passes[idle] - started < 2.0

        # Kill the listening backend: the listener reconnects, and wakes work again.
        killed = await pool.fetchval(
            """
            SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid()
              AND query ILIKE 'LISTEN%'
            """
        )
        assert killed == 1
        woken = len(passes)
        # Reconnecting counts as a wake-up (a NOTIFY may have been missed meanwhile).
        assert await _passes_until(passes, woken + 1, 10)
        await asyncio.sleep(0.3)
        again = len(passes)
        await _queue(pool)
        assert await _passes_until(passes, again + 1, 5)

        stopping.set()
        await asyncio.wait_for(worker, 5)
    finally:
        stopping.set()
        await pool.close()
