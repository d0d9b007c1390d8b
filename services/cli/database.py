"""Subcommands that work on the services' databases directly, with each service's own settings
(INGEST_DB_HOST, INGEST_DB_PASSWORD, ...): `migrate` and `reconcile`."""

import argparse
import asyncio
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import asyncpg

from services.cli.common import (
    CliError,
    Progress,
    database_label,
    migrations_dir,
    one_line,
    selected_services,
    service_settings,
)
from shared.db.migrations import MigrationError, apply_migrations, service_migrations
from shared.db.pool import Pool, create_pool
from shared.settings import ServiceSettings

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


def run_migrate(args: argparse.Namespace) -> int:
    for result in asyncio.run(migrate(selected_services(args.service))):
        if result.applied:
            print(
                f"{result.service}: applied {len(result.applied)} of {result.total} "
                f"migration(s): {', '.join(result.applied)}"
            )
        else:
            print(f"{result.service}: up to date ({result.total} migration(s))")
    return 0


# -- reconcile ------------------------------------------------------------------------------


def _counted(lines: Iterable[str], progress: Progress) -> Iterator[str]:
    for line in lines:
        progress.advance()
        yield line


async def _reconcile(shop_id: str, lines: Iterable[str], total: int | None) -> int:
    # Imported here: the order machinery is heavier than the other subcommands need.
    from services.ingest.reconcile import reconcile

    settings = service_settings("ingest")
    pool = await _pool("ingest", settings)
    try:
        with Progress("lines", total=total) as progress:
            report = await reconcile(pool, shop_id, _counted(lines, progress))
    except LookupError as exc:
        raise CliError(str(exc.args[0]) if exc.args else str(exc)) from None
    finally:
        await pool.close()
    print(f"lines: {report.lines}  orders applied: {report.orders}")
    if report.events:
        print("events emitted:")
        for event_type, count in sorted(report.events.items()):
            print(f"  {count:>6}  {event_type}")
    else:
        print("events emitted: none (everything was known already)")
    for number, reason in report.errors:
        print(f"line {number}: {reason}")
    if report.errors:
        raise CliError(f"{len(report.errors)} line(s) could not be read (listed above)")
    return 0


def run_reconcile(args: argparse.Namespace) -> int:
    # A command-line tool: reading the export with plain blocking I/O is fine here.
    if args.path == "-":
        return asyncio.run(_reconcile(args.shop, sys.stdin, None))
    try:
        source = open(args.path, encoding="utf-8")  # closed by the with below
    except OSError as exc:
        raise CliError(f"cannot read {args.path}: {one_line(exc)}") from None
    with source:
        try:
            total = sum(1 for _ in source)
        except (OSError, UnicodeDecodeError) as exc:
            raise CliError(f"cannot read {args.path}: {one_line(exc)}") from None
        source.seek(0)
        return asyncio.run(_reconcile(args.shop, source, total))
