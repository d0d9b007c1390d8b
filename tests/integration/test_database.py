"""Migrations and schema isolation against the real PostgreSQL."""

from pathlib import Path

import asyncpg
import pytest

from services.ingest.app import MIGRATIONS as INGEST_MIGRATIONS
from services.ingest.settings import IngestSettings
from shared.db.migrations import MigrationError, apply_migrations, service_migrations
from shared.db.pool import create_pool
from tests.conftest import connect_as

pytestmark = pytest.mark.integration


async def test_migrations_apply_once_and_refuse_edited_files(make_settings, tmp_path: Path) -> None:
    settings = make_settings(IngestSettings)
    pool = await create_pool(settings)
    try:
        first = await apply_migrations(
            pool, "ingest", service_migrations("ingest", INGEST_MIGRATIONS)
        )
        again = await apply_migrations(
            pool, "ingest", service_migrations("ingest", INGEST_MIGRATIONS)
        )
        expected = [m.version for m in service_migrations("ingest", INGEST_MIGRATIONS)]
        assert first == expected
        # The shared tables (inbox, outbox) come first, then the service's own.
        shared = [v for v in expected if v.startswith("shared:")]
        assert shared[0] == "shared:0001_inbox_outbox"
        assert expected[: len(shared)] == shared
        assert expected[len(shared)] == "ingest:0001_orders"
        assert again == []

        extra = tmp_path / "migrations"
        extra.mkdir()
        (extra / "0001_orders.sql").write_text("SELECT 'edited';")
        with pytest.raises(MigrationError, match="was edited"):
            await apply_migrations(pool, "ingest", service_migrations("ingest", extra))
    finally:
        await pool.close()


async def test_a_service_role_cannot_read_another_services_schema(
    infra, database, make_settings
) -> None:
    settings = make_settings(IngestSettings)
    pool = await create_pool(settings)
    try:
        await apply_migrations(pool, "ingest", service_migrations("ingest", INGEST_MIGRATIONS))
    finally:
        await pool.close()

    survey = await connect_as(infra, database, "survey")
    try:
        with pytest.raises(asyncpg.InsufficientPrivilegeError):
            await survey.fetch("SELECT * FROM ingest.orders")
        with pytest.raises(asyncpg.InsufficientPrivilegeError):
            await survey.execute("CREATE TABLE public.sneaky (id int)")
        # Its own schema is where unqualified names go.
        assert await survey.fetchval("SELECT current_schema()") == "survey"
    finally:
        await survey.close()
