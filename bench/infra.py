"""How a benchmark run undoes what it made (processes, topics, a database, the infrastructure it
had to start), and what its result records about the infrastructure."""

from collections.abc import Awaitable, Callable
from typing import Any

from bench.ingest.kafka_watch import delete_topics
from bench.ingest.targets import Infra, ServerProcess, remove_database, stop_infra
from bench.runner import Log

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
