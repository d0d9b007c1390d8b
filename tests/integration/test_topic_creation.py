"""Topics a service creates itself (no Strimzi) get the product's configs on the real broker:
a week's retention, 14 days for dead letters, the operator's overrides; the replication factor
asked for is what the broker is asked for (one broker here refuses two)."""

import pytest
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.admin.config_resource import ConfigResource, ConfigResourceType
from aiokafka.errors import InvalidReplicationFactorError

from shared.kafka.admin import ensure_topics
from shared.topics import ORDERS, dlq_of, topic_name

pytestmark = pytest.mark.integration


async def _configs(bootstrap: str, topic: str) -> dict[str, str]:
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        [response] = await admin.describe_configs([ConfigResource(ConfigResourceType.TOPIC, topic)])
    finally:
        await admin.close()
    [resource] = response.to_object()["resources"]
    return {entry["config_names"]: entry["config_value"] for entry in resource["config_entries"]}


async def test_created_topics_carry_retention_and_the_operators_configs(infra, prefix) -> None:
    overrides = {"*": {"compression.type": "zstd"}, "reviewloop.orders": {"segment.ms": "3600000"}}
    await ensure_topics(
        infra.kafka_bootstrap, prefix, 2, topics=(ORDERS, dlq_of(ORDERS)), configs=overrides
    )
    orders = await _configs(infra.kafka_bootstrap, topic_name(ORDERS.name, prefix))
    assert orders["retention.ms"] == "604800000"
    assert orders["cleanup.policy"] == "delete"
    assert orders["compression.type"] == "zstd"
    assert orders["segment.ms"] == "3600000"
    dlq = await _configs(infra.kafka_bootstrap, topic_name(dlq_of(ORDERS).name, prefix))
    assert dlq["retention.ms"] == "1209600000"
    assert dlq["compression.type"] == "zstd"
    assert dlq["segment.ms"] != "3600000"


async def test_the_replication_factor_reaches_the_broker(infra, prefix) -> None:
    with pytest.raises(InvalidReplicationFactorError, match="creating topic"):
        await ensure_topics(
            infra.kafka_bootstrap, prefix, 2, topics=(ORDERS,), replication_factor=2
        )


async def test_configs_for_a_topic_that_does_not_exist_are_refused(infra, prefix) -> None:
    with pytest.raises(ValueError, match="unknown topics"):
        await ensure_topics(
            infra.kafka_bootstrap, prefix, 2, configs={"reviewloop.order": {"retention.ms": "1"}}
        )
