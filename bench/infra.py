"""How a benchmark run undoes what it made (processes, topics, a database, the infrastructure it
had to start), and what its result records about the infrastructure."""

import argparse
import secrets
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, TypeVar

from bench.ingest.kafka_watch import delete_topics
from bench.ingest.targets import (
    Infra,
    ServerProcess,
    create_database,
    remove_database,
    start_infra,
    stop_infra,
)
from bench.runner import Log
from shared.db.provision import roles_from_env
from shared.settings import ServiceSettings

S = TypeVar("S", bound=ServiceSettings)


class RunState:
    """What every benchmark run holds, for its `cleanup()` to undo whatever `start()` got to: a
    database and a topic prefix of its own (named `<name>` and a random token), a work
    directory, the infrastructure once started, and the cleanup's notes."""

    def __init__(self, name: str, args: argparse.Namespace) -> None:
        self.args = args
        token = secrets.token_hex(4)
        self.database = f"reviewloop_bench_{name}_{token}"
        self.prefix = f"bench-{name}-{token}."
        self.work_dir = Path(tempfile.mkdtemp(prefix=f"bench-{name}-"))
        self.infra: Infra | None = None
        self.database_created = False
        self.cleanup_notes: list[str] = []

    async def start_database(self, log: Log) -> Infra:
        """PostgreSQL and Kafka (reused when already running), and the run's own database."""
        log("starting PostgreSQL and Kafka (reused when already running)")
        self.infra = await start_infra()
        log(f"creating database {self.database}")
        await create_database(self.infra, self.database)
        self.database_created = True
        return self.infra

    def settings_as(self, kind: type[S], schema: str, **more: Any) -> S:
        """`kind` of settings on the run's database as `schema`'s own role, with a pool of one
        or two connections (the bench's own work on the service's tables)."""
        assert self.infra is not None
        role = next(r for r in roles_from_env({}) if r.schema == schema)
        return kind(
            environment="test",
            db_host=self.infra.pg_host,
            db_port=self.infra.pg_port,
            db_name=self.database,
            db_user=role.user,
            db_password=role.password,
            db_pool_min_size=1,
            db_pool_max_size=2,
            **more,
        )


# A cleanup step: its name in the result, and what it does (an optional note on how it went).
Step = tuple[str, Callable[[], Awaitable[str | None]]]


def stop_service(what: str, service: ServerProcess) -> Step:
    async def stop() -> str:
        await service.stop()
        return f"exit code {service.returncode}"

    return what, stop


def teardown_steps(infra: Infra, prefix: str, database: str | None, keep_infra: bool) -> list[Step]:
    """The run's topics (by prefix), its database (None: none was created), and PostgreSQL and
    Kafka if this run started them and `keep_infra` is off."""

    async def topics() -> str:
        deleted = await delete_topics(infra.bootstrap_servers, prefix)
        return f"{len(deleted)} topics with prefix {prefix} deleted"

    async def services() -> str:
        stopped = await stop_infra(infra)
        return "stopped " + " and ".join(stopped) if stopped else "none started here"

    steps: list[Step] = [("topics", topics)]
    if database is not None:
        name = database

        async def drop() -> str:
            await remove_database(infra, name)
            return f"database {name} dropped"

        steps.append(("database", drop))
    if not keep_infra:
        steps.append(("infrastructure", services))
    return steps


async def run_steps(steps: list[Step], notes: list[str], log: Log) -> None:
    # Each step on its own: one failure must not leave the rest running.
    for what, step in steps:
        try:
            outcome = await step()
            if outcome:
                notes.append(f"{what}: {outcome}")
        except Exception as exc:
            notes.append(f"{what}: FAILED {exc!r}")
            log(f"cleanup: {what} failed: {exc!r}")


def infra_record(infra: Infra | None, cleanup: list[str], **first: Any) -> dict[str, Any]:
    """The result's `infra` record: whether this run started PostgreSQL and Kafka, and how its
    cleanup went. `first`: keys that come before those."""
    return {
        **first,
        "postgres_started_here": infra.pg_started_here if infra else None,
        "kafka_started_here": infra.kafka_started_here if infra else None,
        "cleanup": cleanup,
    }
