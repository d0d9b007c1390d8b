"""`reviewloop dlq replay`: put dead letters back on the topic they came from.

The consumer runner (shared/kafka/consumer.py) dead-letters a message to `<topic>.dlq` with its
key, value and headers unchanged plus `x-dlq-*` headers saying which consumer failed, how and
when. A replay reads `<topic>.dlq` from the offsets committed by its own consumer group
(`<prefix>ops.dlq-replay`), up to the end of the log as it was when the replay started (so what
fails again and is dead-lettered anew waits for the next replay instead of looping), and:

* by default (dry run) lists what it would replay and changes nothing;
* with `--execute` produces each message again to the original topic (same key and value, the
  headers without `x-dlq-*`) and commits the group's DLQ offsets in the same Kafka transaction,
  after every copy was acknowledged. Either the copies and the offsets both become visible or
  neither does (the services consume with `isolation_level=read_committed`), so a crash or a
  broker failure mid-replay never loses a dead letter and a second replay never repeats one.
  The transactional id is fixed per group and DLQ: a new replay fences off an older one still
  running and waits for its last transaction to finish before reading the offsets.

The consumers would drop a doubled message through their inbox anyway; the replay does not
rely on it.
"""

import asyncio
import time
from collections import Counter
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from typing import Any

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, ConsumerRecord, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient

from services.cli.common import CliError, KafkaOptions
from services.cli.output import Progress
from shared.topics import DLQ_SUFFIX, PRODUCT_TOPICS, dlq_name, topic_name

REPLAY_GROUP = "ops.dlq-replay"
DLQ_HEADER_PREFIX = "x-dlq-"
CLIENT_ID = "reviewloop-cli"
# Reading stops with an error when the log does not advance for this long.
STALL_S = 30.0
ERROR_WIDTH = 100


@dataclass
class ReplayReport:
    dlq_topic: str
    target_topic: str
    group: str
    # Dead letters after the group's committed offsets when the replay started.
    pending: int = 0
    # Dead letters removed by retention before anyone replayed them.
    expired: int = 0
    selected: int = 0
    replayed: int = 0
    executed: bool = False
    causes: Counter[tuple[str, str]] = field(default_factory=Counter)
    committed: dict[int, int] = field(default_factory=dict)


def resolve_topic(name: str) -> str:
    """The product topic whose dead letters to replay (`reviewloop.orders` or its `.dlq`)."""
    base = name.removesuffix(DLQ_SUFFIX)
    known = [t.name for t in PRODUCT_TOPICS]
    if base not in known:
        raise CliError(f"unknown topic {name!r}; one of: {', '.join(known)}")
    return base


def header(record: ConsumerRecord, name: str) -> str | None:
    for key, value in record.headers or ():
        if key == name:
            text: str = value.decode(errors="replace") if value is not None else ""
            return text
    return None


def original_headers(record: ConsumerRecord) -> list[tuple[str, bytes]]:
    return [(k, v) for k, v in record.headers or () if not k.startswith(DLQ_HEADER_PREFIX)]


def _key(record: ConsumerRecord) -> str:
    return record.key.decode(errors="replace") if record.key is not None else "-"


def as_dict(record: ConsumerRecord) -> dict[str, Any]:
    """A dead letter for --json: where it lies and what the x-dlq-* headers say."""
    return {
        "partition": record.partition,
        "offset": record.offset,
        "key": record.key.decode(errors="replace") if record.key is not None else None,
        "consumer": header(record, "x-dlq-consumer"),
        "error_type": header(record, "x-dlq-error-type"),
        "error": header(record, "x-dlq-error"),
        "attempts": header(record, "x-dlq-attempts"),
        "failed_at": header(record, "x-dlq-failed-at"),
    }


def report_dict(report: ReplayReport) -> dict[str, Any]:
    return {
        "dlq_topic": report.dlq_topic,
        "target_topic": report.target_topic,
        "group": report.group,
        "pending": report.pending,
        "expired": report.expired,
        "selected": report.selected,
        "executed": report.executed,
        "replayed": report.replayed,
        "causes": [
            {"consumer": consumer, "error_type": error, "count": count}
            for (consumer, error), count in sorted(report.causes.items())
        ],
        "committed": {str(p): o for p, o in sorted(report.committed.items())},
    }


def describe(record: ConsumerRecord) -> str:
    error = (header(record, "x-dlq-error") or "").replace("\n", " ")
    if len(error) > ERROR_WIDTH:
        error = error[: ERROR_WIDTH - 1] + "…"
    return (
        f"p{record.partition}@{record.offset}  key={_key(record)}"
        f"  consumer={header(record, 'x-dlq-consumer') or '-'}"
        f"  error={header(record, 'x-dlq-error-type') or '-'}: {error or '-'}"
        f"  attempts={header(record, 'x-dlq-attempts') or '-'}"
        f"  failed_at={header(record, 'x-dlq-failed-at') or '-'}"
    )


async def replay(
    kafka: KafkaOptions,
    topic: str,
    *,
    execute: bool,
    limit: int | None,
    group: str | None,
    batch_size: int,
    on_record: Callable[[ConsumerRecord], None],
) -> ReplayReport:
    source = topic_name(resolve_topic(topic), kafka.topic_prefix)
    report = ReplayReport(
        dlq_topic=dlq_name(source),
        target_topic=source,
        group=topic_name(group or REPLAY_GROUP, kafka.topic_prefix),
        executed=execute,
    )
    producer: AIOKafkaProducer | None = None
    consumer = AIOKafkaConsumer(
        bootstrap_servers=kafka.bootstrap_servers,
        group_id=report.group,
        client_id=CLIENT_ID,
        enable_auto_commit=False,
        auto_offset_reset="earliest",
        isolation_level="read_committed",
        **kafka.client_options(),
    )
    try:
        if execute:
            producer = AIOKafkaProducer(
                bootstrap_servers=kafka.bootstrap_servers,
                client_id=CLIENT_ID,
                transactional_id=f"reviewloop-dlq-replay:{report.group}:{report.dlq_topic}",
                enable_idempotence=True,
                acks="all",
                request_timeout_ms=15_000,
                **kafka.client_options(),
            )
            # init_transactions: fences an older replay of this DLQ, finishes its transaction.
            await producer.start()
        await consumer.start()
        tps = await _partitions(kafka, consumer, report, need_target=execute)
        start, end = await _window(consumer, tps, report)
        wanted = report.pending if limit is None else min(report.pending, limit)
        with Progress("replaying" if execute else "reading", total=wanted) as progress:
            async for chunk in _chunks(consumer, start, end, wanted, batch_size):
                for record in chunk:
                    report.causes[
                        (
                            header(record, "x-dlq-consumer") or "-",
                            header(record, "x-dlq-error-type") or "-",
                        )
                    ] += 1
                if producer is not None:
                    await _replay_chunk(producer, report, chunk)
                # Executed: a record of what went back, written once its transaction committed.
                for record in chunk:
                    on_record(record)
                report.selected += len(chunk)
                progress.advance(len(chunk))
    finally:
        await consumer.stop()
        if producer is not None:
            await producer.stop()
    return report


async def _partitions(
    kafka: KafkaOptions, consumer: AIOKafkaConsumer, report: ReplayReport, need_target: bool
) -> list[TopicPartition]:
    admin = AIOKafkaAdminClient(
        bootstrap_servers=kafka.bootstrap_servers, client_id=CLIENT_ID, **kafka.client_options()
    )
    await admin.start()
    try:
        described = await admin.describe_topics([report.dlq_topic, report.target_topic])
    finally:
        await admin.close()
    partitions = {
        t["topic"]: sorted(p["partition"] for p in t["partitions"])
        for t in described
        if t["error_code"] == 0
    }
    if not partitions.get(report.dlq_topic):
        raise CliError(f"topic {report.dlq_topic} does not exist (wrong --topic-prefix?)")
    if need_target and not partitions.get(report.target_topic):
        raise CliError(f"topic {report.target_topic} does not exist")
    tps = [TopicPartition(report.dlq_topic, p) for p in partitions[report.dlq_topic]]
    consumer.assign(tps)
    return tps


async def _window(
    consumer: AIOKafkaConsumer, tps: list[TopicPartition], report: ReplayReport
) -> tuple[dict[TopicPartition, int], dict[TopicPartition, int]]:
    """Where the replay starts (the committed offsets, else the log start) and ends (the end
    of each partition now)."""
    first: dict[TopicPartition, int] = await consumer.beginning_offsets(tps)
    end: dict[TopicPartition, int] = await consumer.end_offsets(tps)
    start: dict[TopicPartition, int] = {}
    for tp in tps:
        committed: int | None = await consumer.committed(tp)
        if committed is None:
            start[tp] = first[tp]
        else:
            report.expired += max(first[tp] - committed, 0)
            start[tp] = max(committed, first[tp])
        consumer.seek(tp, start[tp])
        report.pending += max(end[tp] - start[tp], 0)
    return start, end


async def _chunks(
    consumer: AIOKafkaConsumer,
    start: dict[TopicPartition, int],
    end: dict[TopicPartition, int],
    wanted: int,
    batch_size: int,
) -> AsyncIterator[list[ConsumerRecord]]:
    """Records from `start` up to `end`, at most `wanted`; each partition's records in order
    and without gaps, so each chunk ends at an offset that can be committed."""
    open_tps = {tp for tp in start if start[tp] < end[tp]}
    taken = 0
    progressed_at = time.monotonic()
    while open_tps and taken < wanted:
        batch: dict[TopicPartition, list[ConsumerRecord]] = await consumer.getmany(
            *sorted(open_tps), timeout_ms=500, max_records=min(batch_size, wanted - taken)
        )
        chunk: list[ConsumerRecord] = []
        for tp, records in sorted(batch.items()):
            chunk += [r for r in records if r.offset < end[tp]]
        chunk = chunk[: wanted - taken]
        for tp in list(open_tps):
            if await consumer.position(tp) >= end[tp]:
                open_tps.discard(tp)
        if chunk:
            taken += len(chunk)
            progressed_at = time.monotonic()
            yield chunk
        elif time.monotonic() - progressed_at > STALL_S:
            raise CliError(f"no progress reading {sorted(open_tps)} for {STALL_S:.0f}s")


async def _replay_chunk(
    producer: AIOKafkaProducer, report: ReplayReport, chunk: list[ConsumerRecord]
) -> None:
    offsets: dict[TopicPartition, int] = {}
    async with producer.transaction():
        sent: list[asyncio.Future[Any]] = []
        for record in chunk:
            sent.append(
                await producer.send(
                    report.target_topic,
                    value=record.value,
                    key=record.key,
                    headers=original_headers(record),
                )
            )
            tp = TopicPartition(record.topic, record.partition)
            offsets[tp] = max(offsets.get(tp, 0), record.offset + 1)
        # Every copy acknowledged first; then the offsets join the same transaction.
        await asyncio.gather(*sent)
        await producer.send_offsets_to_transaction(offsets, report.group)
    report.replayed += len(chunk)
    for tp, offset in offsets.items():
        report.committed[tp.partition] = offset


def summary(report: ReplayReport, limit: int | None) -> str:
    lines = [
        f"DLQ {report.dlq_topic} -> {report.target_topic} (replay group {report.group})",
        f"{report.pending} dead letter(s) not yet replayed"
        + (f"; {report.selected} selected by --limit {limit}" if limit is not None else ""),
    ]
    if report.expired:
        lines.append(
            f"warning: {report.expired} dead letter(s) expired (retention) before being replayed"
        )
    if report.causes:
        lines.append("by consumer and error:")
        for (consumer, error), count in sorted(report.causes.items()):
            lines.append(f"  {count:>6}  {consumer}  {error}")
    if report.executed:
        lines.append(f"replayed {report.replayed} message(s) to {report.target_topic}")
        if report.committed:
            lines.append(
                "committed offsets: "
                + ", ".join(f"p{p}={o}" for p, o in sorted(report.committed.items()))
            )
    elif report.selected:
        lines.append("dry run: nothing was produced or committed; add --execute to replay")
    return "\n".join(lines)
