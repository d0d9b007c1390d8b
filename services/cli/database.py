"""Subcommands that work on the services' databases directly, with each service's own settings
(INGEST_DB_HOST, INGEST_DB_PASSWORD, ...): `migrate` and `reconcile`."""

import asyncio
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

import asyncpg

from services.cli.common import (
    CliError,
    database_label,
    migrations_dir,
    one_line,
    service_settings,
)
from services.cli.output import Progress
from shared.db.migrations import MigrationError, apply_migrations, service_migrations
from shared.db.pool import Pool, create_pool
from shared.settings import ServiceSettings

if TYPE_CHECKING:
    from services.ingest.reconcile import ReconcileReport

CONNECT_TIMEOUT_S = 10.0


async def _pool(service: str, settings: ServiceSettings) -> Pool:
    try:
        return await create_pool(settings, timeout=CONNECT_TIMEOUT_S)
    except (OSError, TimeoutError, asyncpg.PostgresError) as exc:
        raise CliError(
            f"{service}: cannot connect to {database_label(settings)}: {one_line(exc)}"
        ) from None


# -- migrate --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Migrated:
    service: str
    applied: list[str]
    total: int


async def migrate(services: list[str]) -> list[Migrated]:
    """The same as each service does at start: shared files, then its own; stops at the first
    service that fails."""
    done: list[Migrated] = []
    with Progress("migrating", total=len(services)) as progress:
        for service in services:
            settings = service_settings(service)
            migrations = service_migrations(service, migrations_dir(service))
            pool = await _pool(service, settings)
            try:
                applied = await apply_migrations(pool, settings.db_schema, migrations)
            except MigrationError as exc:
                raise CliError(str(exc)) from None
            except asyncpg.PostgresError as exc:
                raise CliError(f"{service}: migration failed: {one_line(exc)}") from None
            finally:
                await pool.close()
            done.append(Migrated(service, applied, len(migrations)))
            progress.advance()
    return done


# -- reconcile ------------------------------------------------------------------------------


def _counted(lines: Iterable[str], progress: Progress) -> Iterator[str]:
    for line in lines:
        progress.advance()
        yield line


async def _reconcile(shop_id: str, lines: Iterable[str], total: int | None) -> "ReconcileReport":
    # Imported here: the order machinery is heavier than the other subcommands need.
    from services.ingest.reconcile import reconcile

    settings = service_settings("ingest")
    pool = await _pool("ingest", settings)
    try:
        with Progress("lines", total=total) as progress:
            return await reconcile(pool, shop_id, _counted(lines, progress))
    except LookupError as exc:
        raise CliError(str(exc.args[0]) if exc.args else str(exc)) from None
    finally:
        await pool.close()


def reconcile_file(shop_id: str, path: str) -> "ReconcileReport":
    """The export at `path` (- for standard input), its lines counted first for the bar."""
    # A command-line tool: reading the export with plain blocking I/O is fine here.
    if path == "-":
        return asyncio.run(_reconcile(shop_id, sys.stdin, None))
    try:
        source = open(path, encoding="utf-8")  # closed by the with below
    except OSError as exc:
        raise CliError(f"cannot read {path}: {one_line(exc)}") from None
    with source:
        try:
            total = sum(1 for _ in source)
        except (OSError, UnicodeDecodeError) as exc:
            raise CliError(f"cannot read {path}: {one_line(exc)}") from None
        source.seek(0)
        return asyncio.run(_reconcile(shop_id, source, total))
