"""How long personal data outlives a redaction on Kafka (docs/security.md, "Customer data and
redaction"): redaction cannot take messages out of a topic, so the bound is each topic's
retention, and a consumer that re-reads within it must not bring redacted data back."""

from datetime import timedelta

import pytest

from shared.periodic import INBOX_RETENTION
from shared.topics import ALL_TOPICS
from tests.support.k8s import OVERLAYS, render

SOURCE_RETENTION = timedelta(days=7)
DLQ_RETENTION = timedelta(days=14)


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_every_topic_deletes_its_messages_within_the_documented_bound(overlay: str) -> None:
    topics = [o for o in render(overlay) if o["kind"] == "KafkaTopic"]
    assert len(topics) == len(ALL_TOPICS)
    for topic in topics:
        config = topic["spec"]["config"]
        name = topic["spec"]["topicName"]
        # Deleted by age, never compacted: no key's last message is kept for good.
        assert config["cleanup.policy"] == "delete", name
        bound = DLQ_RETENTION if name.endswith(".dlq") else SOURCE_RETENTION
        assert timedelta(milliseconds=int(config["retention.ms"])) <= bound, name
        # Whatever a consumer re-reads is still in its inbox and skipped: a replay cannot undo
        # a redaction.
        assert timedelta(milliseconds=int(config["retention.ms"])) <= INBOX_RETENTION, name
