"""Topic creation with explicit partition counts (never the broker's default)."""

import logging

from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import for_code

from shared.kafka.security import KafkaSecurity
from shared.topics import ALL_TOPICS, TopicSpec, topic_name

log = logging.getLogger(__name__)

_TOPIC_ALREADY_EXISTS = 36


async def ensure_topics(
    bootstrap_servers: str,
    prefix: str = "",
    partitions: int | None = None,
    topics: tuple[TopicSpec, ...] = ALL_TOPICS,
    replication_factor: int = 1,
    security: KafkaSecurity | None = None,
) -> None:
    """Create any missing topic; `partitions` overrides every count when given."""
    admin = AIOKafkaAdminClient(
        bootstrap_servers=bootstrap_servers, **(security or KafkaSecurity()).client_options()
    )
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        wanted = [
            NewTopic(
                name=topic_name(spec.name, prefix),
                num_partitions=partitions or spec.partitions,
                replication_factor=replication_factor,
            )
            for spec in topics
            if topic_name(spec.name, prefix) not in existing
        ]
        if not wanted:
            return
        response = await admin.create_topics(wanted)
        for name, code, *_ in response.topic_errors:
            if code not in (0, _TOPIC_ALREADY_EXISTS):
                raise for_code(code)(f"creating topic {name}")
        log.info("topics created", extra={"topics": [t.name for t in wanted]})
    finally:
        await admin.close()
