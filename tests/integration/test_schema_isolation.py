"""Each service's database role reaches its own schema only: for every ordered pair of services,
reading, writing, changing and creating anything in the other's schema is refused."""

import itertools

import asyncpg
import pytest

from services.ingest.app import MIGRATIONS as INGEST
from services.ingest.settings import IngestSettings
from services.notifier.app import MIGRATIONS as NOTIFIER
from services.notifier.settings import NotifierSettings
from services.responder.app import MIGRATIONS as RESPONDER
from services.responder.settings import ResponderSettings
from services.survey.app import MIGRATIONS as SURVEY
from services.survey.settings import SurveySettings
from shared.db.migrations import apply_migrations, service_migrations
from shared.db.pool import create_pool
from tests.conftest import connect_as

pytestmark = pytest.mark.integration

SERVICES = {
    "ingest": (IngestSettings, INGEST),
    "survey": (SurveySettings, SURVEY),
    "notifier": (NotifierSettings, NOTIFIER),
    "responder": (ResponderSettings, RESPONDER),
}


async def test_no_service_role_reads_or_writes_another_services_schema(
    infra, database, make_settings
) -> None:
    for name, (settings_class, migrations) in SERVICES.items():
        pool = await create_pool(make_settings(settings_class))
        try:
            await apply_migrations(pool, name, service_migrations(name, migrations))
        finally:
            await pool.close()

    admin = await asyncpg.connect(infra.admin_dsn.rsplit("/", 1)[0] + "/" + database)
    try:
        tables = {
            name: [
                r["tablename"]
                for r in await admin.fetch(
                    "SELECT tablename FROM pg_tables WHERE schemaname = $1 ORDER BY 1", name
                )
            ]
            for name in SERVICES
        }
    finally:
        await admin.close()
    assert all(tables.values()), tables

    allowed: list[str] = []
    for own, other in itertools.permutations(SERVICES, 2):
        conn = await connect_as(infra, database, own)
        try:
            # Its own schema works (the refusals below are not a broken connection).
            assert await conn.fetchval(f"SELECT count(*) FROM {own}.{tables[own][0]}") >= 0
            statements = [f"CREATE TABLE {other}.sneaky (id int)", f"SET ROLE {other}"]
            for table in tables[other]:
                qualified = f"{other}.{table}"
                statements += [
                    f"SELECT * FROM {qualified} LIMIT 1",
                    f"INSERT INTO {qualified} DEFAULT VALUES",
                    f"UPDATE {qualified} SET {await first_column(conn, other, table)} = NULL",
                    f"DELETE FROM {qualified}",
                    f"TRUNCATE {qualified}",
                    f"ALTER TABLE {qualified} ADD COLUMN sneaky int",
                    f"DROP TABLE {qualified}",
                ]
            for sql in statements:
                try:
                    await conn.execute(sql)
                except asyncpg.InsufficientPrivilegeError:
                    continue
                allowed.append(f"{own}: {sql}")
        finally:
            await conn.close()
    assert not allowed, "\n".join(allowed)


async def first_column(conn: asyncpg.Connection, schema: str, table: str) -> str:
    """A column name of the other schema's table, from the catalogue every role may read."""
    name: str = await conn.fetchval(
        """
        SELECT a.attname FROM pg_attribute a
        JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = $1 AND c.relname = $2 AND a.attnum > 0 AND NOT a.attisdropped
        ORDER BY a.attnum LIMIT 1
        """,
        schema,
        table,
    )
    return f'"{name}"'
