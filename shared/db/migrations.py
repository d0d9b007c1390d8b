"""Versioned SQL migrations per service, applied at start.

A small runner instead of Alembic: our SQL is plain asyncpg (no SQLAlchemy models to diff), and
every service needs the same two steps: the shared infrastructure tables (inbox, outbox) and
its own files. Each file runs in its own transaction; a session advisory lock keeps two replicas
starting at once from racing; a checksum refuses to start when an applied file was edited.
"""

import hashlib
import logging
from dataclasses import dataclass
from pathlib import Path

from shared.db.pool import Connection, Pool

log = logging.getLogger(__name__)

SHARED_MIGRATIONS = Path(__file__).parent / "sql"


class MigrationError(RuntimeError):
    pass


@dataclass(frozen=True)
class Migration:
    version: str  # "<namespace>:<file stem>", e.g. "shared:0001_inbox_outbox"
    sql: str

    @property
    def checksum(self) -> str:
        return hashlib.sha256(self.sql.encode()).hexdigest()


def load_migrations(namespace: str, folder: Path) -> list[Migration]:
    files = sorted(folder.glob("*.sql"))
    return [Migration(f"{namespace}:{f.stem}", f.read_text()) for f in files]


def service_migrations(service: str, folder: Path) -> list[Migration]:
    """Shared infrastructure first, then the service's own files."""
    return load_migrations("shared", SHARED_MIGRATIONS) + load_migrations(service, folder)


async def apply_migrations(pool: Pool, schema: str, migrations: list[Migration]) -> list[str]:
    """Apply what is missing; return the versions applied now."""
    applied_now: list[str] = []
    async with pool.acquire() as conn:
        lock_key = await conn.fetchval("SELECT hashtext($1)", f"migrations:{schema}")
        await conn.execute("SELECT pg_advisory_lock($1)", lock_key)
        try:
            await _ensure_table(conn)
            done = {
                r["version"]: r["checksum"]
                for r in await conn.fetch("SELECT version, checksum FROM schema_migrations")
            }
            for migration in migrations:
                if migration.version in done:
                    if done[migration.version] != migration.checksum:
                        raise MigrationError(
                            f"{schema}: applied migration {migration.version} was edited; "
                            "add a new migration instead"
                        )
                    continue
                async with conn.transaction():
                    await conn.execute(migration.sql)
                    await conn.execute(
                        "INSERT INTO schema_migrations (version, checksum) VALUES ($1, $2)",
                        migration.version,
                        migration.checksum,
                    )
                applied_now.append(migration.version)
                log.info("migration applied", extra={"version": migration.version})
        finally:
            await conn.execute("SELECT pg_advisory_unlock($1)", lock_key)
    return applied_now


async def _ensure_table(conn: Connection) -> None:
    await conn.execute(
        """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version    text PRIMARY KEY,
            checksum   text NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now()
        )
        """
    )
