"""Every Kafka topic of the product, in one place.

Keys: order events are keyed `<shop_id>:<order_id>` and review events `<shop_id>:<review_id>`,
so all events of one order or review land on one partition and keep their order.
Partition counts bound how many consumer replicas can share the work.
"""

from dataclasses import dataclass

DLQ_SUFFIX = ".dlq"
DAY_MS = 24 * 3600 * 1000
# Consumers catch up within hours; a week covers a long outage and a replay. Dead letters wait
# for an operator, and the consumers' inboxes remember event ids 14 days, so whatever can still
# be replayed is still deduplicated (docs/operations.md, "Replaying a dead-letter topic").
RETENTION_MS = 7 * DAY_MS
DLQ_RETENTION_MS = 14 * DAY_MS


@dataclass(frozen=True)
class TopicSpec:
    name: str
    partitions: int
    key: str
    description: str
    retention_ms: int = RETENTION_MS


ORDERS = TopicSpec(
    "reviewloop.orders", 6, "<shop_id>:<order_id>", "Order lifecycle events from ingest."
)
SURVEYS = TopicSpec(
    "reviewloop.surveys", 6, "<shop_id>:<order_id>", "Survey scheduling and answers."
)
REVIEWS = TopicSpec(
    "reviewloop.reviews", 6, "<shop_id>:<review_id>", "Reviews submitted through surveys."
)
CLASSIFIED = TopicSpec(
    "reviewloop.reviews.classified",
    6,
    "<shop_id>:<review_id>",
    "Every review once stored, matched and classified (and its updates and deletions).",
)
REPLIES = TopicSpec(
    "reviewloop.replies", 6, "<shop_id>:<review_id>", "Replies drafted, approved, published."
)

SHOPS = TopicSpec("reviewloop.shops", 3, "<shop_id>", "Shop registrations and settings.")
PRIVACY = TopicSpec(
    "reviewloop.privacy", 3, "<shop_id>", "GDPR redaction and data-export requests."
)

PRODUCT_TOPICS: tuple[TopicSpec, ...] = (
    ORDERS,
    SURVEYS,
    REVIEWS,
    CLASSIFIED,
    REPLIES,
    SHOPS,
    PRIVACY,
)


def dlq_of(spec: TopicSpec) -> TopicSpec:
    # Poison messages are rare: fewer partitions, keyed like the source topic.
    return TopicSpec(
        spec.name + DLQ_SUFFIX, 2, spec.key, f"Dead letters of {spec.name}.", DLQ_RETENTION_MS
    )


ALL_TOPICS: tuple[TopicSpec, ...] = PRODUCT_TOPICS + tuple(dlq_of(t) for t in PRODUCT_TOPICS)


def topic_name(name: str, prefix: str = "") -> str:
    """The broker-side name: tests and parallel stacks put a prefix in front."""
    return f"{prefix}{name}"


def dlq_name(topic: str) -> str:
    return topic + DLQ_SUFFIX


def creation_configs(
    spec: TopicSpec, replication_factor: int, overrides: dict[str, dict[str, str]] | None = None
) -> dict[str, str]:
    """The topic configs a service sets when it creates `spec` (the same as
    deploy/k8s/base/kafka/topics.yaml gives Strimzi): its retention, delete cleanup, and with
    three or more replicas two in sync for a write, so one broker may be down; then the
    operator's overrides, those for every topic (`"*"`) first, the topic's own last."""
    configs = {
        "retention.ms": str(spec.retention_ms),
        "cleanup.policy": "delete",
        "min.insync.replicas": "2" if replication_factor >= 3 else "1",
    }
    overrides = overrides or {}
    return configs | overrides.get("*", {}) | overrides.get(spec.name, {})
