"""Create the database, one login role per service and the schema each role owns.

Run once per environment with an administrator DSN (locally by `deploy/local/stack up`, in
Docker Compose and Kubernetes by the one-shot migration step). Each role gets rights on its own
schema only: no service can read another service's tables, which the tests check.

    REVIEWLOOP_ADMIN_DSN=postgresql://postgres:...@host/postgres python -m shared.db.provision

Role passwords come from the same variables the services read (`INGEST_DB_PASSWORD`, ...).
"""

import argparse
import asyncio
import os
from dataclasses import dataclass

import asyncpg

from shared.settings import dev_secret

SERVICES = ("ingest", "survey", "notifier", "responder")


@dataclass(frozen=True)
class ServiceRole:
    schema: str
    user: str
    password: str


def default_db_password(service: str) -> str:
    return dev_secret(f"{service}-db-password").get_secret_value()


def roles_from_env(env: dict[str, str] | None = None) -> list[ServiceRole]:
    env = dict(os.environ) if env is None else env
    roles = []
    for service in SERVICES:
        prefix = service.upper() + "_"
        roles.append(
            ServiceRole(
                schema=service,
                user=env.get(prefix + "DB_USER", service),
                password=env.get(prefix + "DB_PASSWORD", default_db_password(service)),
            )
        )
    return roles


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


async def provision(admin_dsn: str, database: str, roles: list[ServiceRole]) -> None:
    admin = await asyncpg.connect(admin_dsn)
    try:
        # Roles are cluster-wide: two provisioners (replicas' migration jobs, parallel test
        # runs) altering one role at once fail with "tuple concurrently updated". Closing the
        # connection releases the lock.
        await admin.execute("SELECT pg_advisory_lock(hashtext('reviewloop:provision-roles'))")
        for role in roles:
            exists = await admin.fetchval("SELECT 1 FROM pg_roles WHERE rolname = $1", role.user)
            verb = "ALTER" if exists else "CREATE"
            # DDL takes no bind parameters; names and the password are quoted here.
            await admin.execute(
                f"{verb} ROLE {_ident(role.user)} LOGIN PASSWORD {_literal(role.password)}"
            )
        if not await admin.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", database):
            await admin.execute(f"CREATE DATABASE {_ident(database)}")
    finally:
        await admin.close()

    db = await asyncpg.connect(admin_dsn, database=database)
    try:
        await db.execute(f"REVOKE ALL ON DATABASE {_ident(database)} FROM PUBLIC")
        await db.execute("REVOKE ALL ON SCHEMA public FROM PUBLIC")
        for role in roles:
            user = _ident(role.user)
            await db.execute(f"GRANT CONNECT, TEMPORARY ON DATABASE {_ident(database)} TO {user}")
            await db.execute(
                f"CREATE SCHEMA IF NOT EXISTS {_ident(role.schema)} AUTHORIZATION {user}"
            )
            await db.execute(f"ALTER SCHEMA {_ident(role.schema)} OWNER TO {user}")
            await db.execute(
                f"ALTER ROLE {user} IN DATABASE {_ident(database)} "
                f"SET search_path = {_ident(role.schema)}"
            )
    finally:
        await db.close()


async def drop_database(admin_dsn: str, database: str) -> None:
    admin = await asyncpg.connect(admin_dsn)
    try:
        await admin.execute(f"DROP DATABASE IF EXISTS {_ident(database)} WITH (FORCE)")
    finally:
        await admin.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--admin-dsn", default=os.environ.get("REVIEWLOOP_ADMIN_DSN"))
    parser.add_argument("--database", default=os.environ.get("REVIEWLOOP_DB_NAME", "reviewloop"))
    args = parser.parse_args()
    if not args.admin_dsn:
        parser.error("set REVIEWLOOP_ADMIN_DSN or pass --admin-dsn")
    asyncio.run(provision(args.admin_dsn, args.database, roles_from_env()))
    print(f"provisioned database {args.database} with schemas {', '.join(SERVICES)}")


if __name__ == "__main__":
    main()
