"""Topic creation with explicit partition counts (never the broker's default)."""

import asyncio
import logging
import time
from typing import Any

from aiokafka.admin import AIOKafkaAdminClient, NewPartitions, NewTopic
from aiokafka.errors import for_code

from shared.settings import KafkaSecurity
from shared.topics import ALL_TOPICS, TopicSpec, creation_configs, topic_name

log = logging.getLogger(__name__)

_TOPIC_ALREADY_EXISTS = 36
READY_TIMEOUT_S = 30.0


async def ensure_topics(
    bootstrap_servers: str,
    prefix: str = "",
    partitions: int | None = None,
    topics: tuple[TopicSpec, ...] = ALL_TOPICS,
    replication_factor: int = 1,
    security: KafkaSecurity | None = None,
    *,
    grow: bool = False,
    configs: dict[str, dict[str, str]] | None = None,
) -> None:
    """Create any missing topic (with `replication_factor` replicas and its configs:
    shared.topics.creation_configs, `configs` the operator's overrides) and wait until every
    partition of every wanted topic has a leader; `partitions` overrides every count when
    given. With `grow`, a topic with fewer partitions than wanted is grown (Kafka cannot shrink
    one). An existing topic's configs are left as they are: whoever changed them meant it."""
    unknown = sorted(set(configs or {}) - {spec.name for spec in ALL_TOPICS} - {"*"})
    if unknown:
        raise ValueError(f"topic configs for unknown topics: {unknown}")
    specs = {topic_name(spec.name, prefix): spec for spec in topics}
    wanted = {name: partitions or spec.partitions for name, spec in specs.items()}
    admin = AIOKafkaAdminClient(
        bootstrap_servers=bootstrap_servers, **(security or KafkaSecurity()).client_options()
    )
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        missing = [
            NewTopic(
                name=name,
                num_partitions=count,
                replication_factor=replication_factor,
                topic_configs=creation_configs(specs[name], replication_factor, configs),
            )
            for name, count in wanted.items()
            if name not in existing
        ]
        if missing:
            response = await admin.create_topics(missing)
            for name, code, *_ in response.topic_errors:
                if code not in (0, _TOPIC_ALREADY_EXISTS):
                    raise for_code(code)(f"creating topic {name}")
            log.info(
                "topics created",
                extra={
                    "topics": [t.name for t in missing],
                    "replication_factor": replication_factor,
                },
            )
        await _wait_for_leaders(admin, wanted, grow)
    finally:
        await admin.close()


async def _wait_for_leaders(admin: AIOKafkaAdminClient, wanted: dict[str, int], grow: bool) -> None:
    # CreateTopics returns once the controller committed the topics; the broker serves them a
    # moment later, and a produce before that fails with UNKNOWN_TOPIC_OR_PARTITION.
    deadline = time.monotonic() + READY_TIMEOUT_S
    grown: set[str] = set()
    warned: set[str] = set()
    while True:
        described = {t["topic"]: t for t in await admin.describe_topics(list(wanted))}
        to_grow: dict[str, Any] = {}
        pending: list[str] = []
        for name, count in wanted.items():
            info = described.get(name)
            parts = info.get("partitions", []) if info else []
            if info is None or info.get("error_code") or not parts:
                pending.append(name)
            elif any(p.get("leader", -1) < 0 for p in parts):
                pending.append(name)
            elif len(parts) < count and grow and name in grown:
                pending.append(name)  # grown already, metadata not caught up yet
            elif len(parts) < count and grow:
                to_grow[name] = NewPartitions(total_count=count)
            elif grow and len(parts) > count and name not in warned:
                warned.add(name)
                log.warning(
                    "topic %s has %d partitions, more than the %d asked for; Kafka cannot "
                    "shrink a topic (a new cluster or a new prefix starts over)",
                    name,
                    len(parts),
                    count,
                )
        if to_grow:
            log.info("growing partitions: %s", {n: p.total_count for n, p in to_grow.items()})
            await admin.create_partitions(to_grow)
            grown.update(to_grow)
            continue
        if not pending:
            return
        if time.monotonic() > deadline:
            raise TimeoutError(f"topics not ready after {READY_TIMEOUT_S:.0f}s: {pending}")
        await asyncio.sleep(0.2)
