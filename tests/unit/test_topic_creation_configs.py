"""What a service sets on a topic it creates itself (no Strimzi): shared/topics.py."""

from shared.topics import ORDERS, creation_configs, dlq_of


def test_product_topics_keep_a_week_and_dead_letters_two() -> None:
    assert creation_configs(ORDERS, 1) == {
        "retention.ms": "604800000",
        "cleanup.policy": "delete",
        "min.insync.replicas": "1",
    }
    assert creation_configs(dlq_of(ORDERS), 1)["retention.ms"] == "1209600000"


def test_three_replicas_need_two_in_sync() -> None:
    assert creation_configs(ORDERS, 3)["min.insync.replicas"] == "2"
    assert creation_configs(ORDERS, 2)["min.insync.replicas"] == "1"


def test_overrides_for_every_topic_then_the_topics_own() -> None:
    overrides = {
        "*": {"compression.type": "zstd", "retention.ms": "1"},
        "reviewloop.orders": {"retention.ms": "2"},
    }
    orders = creation_configs(ORDERS, 3, overrides)
    assert orders["compression.type"] == "zstd" and orders["retention.ms"] == "2"
    assert creation_configs(dlq_of(ORDERS), 3, overrides)["retention.ms"] == "1"
