"""`reviewloop status`: consumer lag per group, topic and partition (committed offsets against
the end of each log), the outbox backlog of each service's schema (rows not yet published
and the age of the oldest), and the reviews the notifier could not alert about for want of a
recipient."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import asdict, dataclass, field
from typing import Any

import asyncpg
from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.errors import KafkaError

from services.cli import repository
from services.cli.common import (
    SERVICES,
    CliError,
    KafkaOptions,
    database_label,
    one_line,
    service_settings,
)
from services.cli.output import Progress, age, table

CLIENT_ID = "reviewloop-cli"
CONNECT_TIMEOUT_S = 10.0


@dataclass(frozen=True)
class Lag:
    group: str
    topic: str
    partition: int
    committed: int | None  # None: the group never committed on this partition
    end: int | None  # None: the topic is gone
    lag: int | None


@dataclass(frozen=True)
class Backlog:
    service: str
    unsent: int | None
    oldest_age_s: float | None
    note: str = ""


@dataclass
class Status:
    lag: list[Lag] = field(default_factory=list)
    outbox: list[Backlog] = field(default_factory=list)
    # Per shop: reviews that needed an alert and had no recipient (no rule, no support or
    # contact address). None: not read (the notifier was not asked about, or not migrated).
    unroutable: dict[str, int] | None = None
    errors: list[str] = field(default_factory=list)

    def total_lag(self) -> dict[str, int]:
        totals: dict[str, int] = {}
        for r in self.lag:
            totals[r.group] = totals.get(r.group, 0) + (r.lag or 0)
        return totals


# Every consumer group of the product is named after its service (`survey.orders`,
# `notifier.events`) or is an operator's (`ops.dlq-replay`); probes, tests and other
# applications sharing the brokers are not Reviewloop's lag.
OWN_GROUP_PREFIXES = (*(f"{s}." for s in SERVICES), "ops.")


def reviewloop_group(name: str, topic_prefix: str) -> bool:
    return name.startswith(topic_prefix) and name.removeprefix(topic_prefix).startswith(
        OWN_GROUP_PREFIXES
    )


async def consumer_lag(kafka: KafkaOptions, groups: list[str] | None) -> list[Lag]:
    """Reviewloop's groups under the topic prefix (or the named ones): every partition of each
    topic a group committed on. A partition it never committed on counts from the start of
    the log, where the services' consumers (auto_offset_reset=earliest) would begin."""
    admin = AIOKafkaAdminClient(
        bootstrap_servers=kafka.bootstrap_servers,
        client_id=CLIENT_ID,
        request_timeout_ms=15_000,
        **kafka.client_options(),
    )
    await admin.start()
    try:
        listed = {str(g[0]) for g in await admin.list_consumer_groups()}
        wanted = (
            {f"{kafka.topic_prefix}{g}" for g in groups}
            if groups
            else {g for g in listed if reviewloop_group(g, kafka.topic_prefix)}
        )
        names = sorted(wanted & listed)
        committed: dict[str, dict[TopicPartition, int]] = {}
        with Progress("groups", total=len(names)) as progress:
            for name in names:
                offsets = await admin.list_consumer_group_offsets(name)
                committed[name] = {tp: om.offset for tp, om in offsets.items() if om.offset >= 0}
                progress.advance()
        topics = {tp.topic for offs in committed.values() for tp in offs}
        # Every topic (naming them could auto-create a deleted one on a broker that allows it);
        # a topic deleted since has no partitions, and its rows show no end.
        partitions: dict[str, list[int]] = {
            str(t["topic"]): sorted(int(p["partition"]) for p in t["partitions"])
            for t in (await admin.describe_topics() if topics else [])
            if t["topic"] in topics and not t["error_code"]
        }
    finally:
        await admin.close()
    tps = [TopicPartition(t, p) for t, ps in partitions.items() for p in ps]
    ends, starts = await _log_bounds(kafka, tps) if tps else ({}, {})

    rows = []
    for name, offsets in committed.items():
        own = {tp.topic for tp in offsets}
        every = {TopicPartition(t, p) for t in own for p in partitions.get(t, ())}
        for tp in sorted(every | set(offsets)):
            offset = offsets.get(tp)
            end = ends.get(tp)
            since = offset if offset is not None else starts.get(tp)
            lag = max(end - since, 0) if end is not None and since is not None else None
            rows.append(Lag(name, tp.topic, tp.partition, offset, end, lag))
    return rows


async def _log_bounds(
    kafka: KafkaOptions, tps: list[TopicPartition]
) -> tuple[dict[TopicPartition, int], dict[TopicPartition, int]]:
    """The end and the start of each partition's log (read_committed: a transaction still
    open is not lag yet)."""
    consumer = AIOKafkaConsumer(
        bootstrap_servers=kafka.bootstrap_servers,
        client_id=CLIENT_ID,
        isolation_level="read_committed",
        enable_auto_commit=False,
        **kafka.client_options(),
    )
    await consumer.start()
    try:
        return await consumer.end_offsets(tps), await consumer.beginning_offsets(tps)
    finally:
        await consumer.stop()


@asynccontextmanager
async def _schema(service: str) -> AsyncIterator[asyncpg.Connection]:
    """One connection to the service's database, on its schema, with its own settings."""
    settings = service_settings(service)
    try:
        conn = await asyncpg.connect(dsn=settings.db_dsn, timeout=CONNECT_TIMEOUT_S)
    except (OSError, TimeoutError, asyncpg.PostgresError) as exc:
        raise CliError(
            f"{service}: cannot connect to {database_label(settings)}: {one_line(exc)}"
        ) from None
    try:
        await repository.use_schema(conn, settings.db_schema)
        yield conn
    finally:
        await conn.close()


async def outbox_backlog(service: str) -> Backlog:
    try:
        async with _schema(service) as conn:
            unsent, oldest = await repository.outbox_backlog(conn)
    except asyncpg.UndefinedTableError:
        return Backlog(service, None, None, "not migrated")
    return Backlog(service, unsent, oldest if unsent else None)


async def unroutable_alerts() -> dict[str, int] | None:
    try:
        async with _schema("notifier") as conn:
            return await repository.unroutable_counts(conn)
    except asyncpg.UndefinedTableError:
        return None


async def collect(kafka: KafkaOptions, groups: list[str] | None, services: list[str]) -> Status:
    """Everything that can be read; what cannot goes to `errors` (the command exits 1)."""
    status = Status()
    try:
        status.lag = await consumer_lag(kafka, groups)
    except (KafkaError, OSError) as exc:
        status.errors.append(f"kafka {kafka.bootstrap_servers}: {one_line(exc)}")
    for service in services:
        try:
            status.outbox.append(await outbox_backlog(service))
        except CliError as exc:
            status.outbox.append(Backlog(service, None, None, "unreachable"))
            status.errors.append(str(exc))
    reached = {b.service for b in status.outbox if b.note != "unreachable"}
    if "notifier" in reached:
        try:
            status.unroutable = await unroutable_alerts()
        except CliError as exc:
            status.errors.append(str(exc))
    return status


def as_json(status: Status) -> dict[str, Any]:
    return {
        "consumer_lag": [asdict(r) for r in status.lag],
        "outbox": [asdict(b) for b in status.outbox],
        "alerts_unroutable": status.unroutable,
        "errors": status.errors,
    }


def over_lag(status: Status, limit: int) -> dict[str, int]:
    """The groups whose total lag is above `limit` (`status --fail-on-lag`)."""
    return {g: n for g, n in sorted(status.total_lag().items()) if n > limit}


def as_text(status: Status) -> str:
    parts = ["Consumer lag (committed offset vs. end of log)"]
    if status.lag:
        parts.append(
            table(
                ("GROUP", "TOPIC", "PARTITION", "COMMITTED", "END", "LAG"),
                ((r.group, r.topic, r.partition, r.committed, r.end, r.lag) for r in status.lag),
            )
        )
        totals = status.total_lag()
        parts.append("total lag: " + ", ".join(f"{g}={n}" for g, n in sorted(totals.items())))
    elif any(e.startswith("kafka ") for e in status.errors):
        parts.append("(unavailable: Kafka did not answer)")
    else:
        parts.append("(no consumer group with committed offsets)")
    parts += [
        "",
        "Outbox backlog (events not yet published)",
        table(
            ("SERVICE", "UNSENT", "OLDEST", "NOTE"),
            ((b.service, b.unsent, age(b.oldest_age_s), b.note) for b in status.outbox),
        ),
    ]
    if status.unroutable is not None:
        parts += ["", "Reviews not alerted: no recipient (no rule, support or contact address)"]
        parts.append(
            table(("SHOP", "REVIEWS"), sorted(status.unroutable.items()))
            if status.unroutable
            else "(none)"
        )
    return "\n".join(parts)
