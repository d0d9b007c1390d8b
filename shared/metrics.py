"""Prometheus metrics shared by every service (names: reviewloop_<thing>_<unit>)."""

from prometheus_client import Counter, Histogram

CONSUMER_MESSAGES = Counter(
    "reviewloop_consumer_messages_total",
    "Kafka messages seen by a consumer, by outcome.",
    ["consumer", "outcome"],  # processed | duplicate | skipped | dead_lettered | retried
)
CONSUMER_HANDLE_SECONDS = Histogram(
    "reviewloop_consumer_handle_seconds",
    "Time to handle one message, database transaction included.",
    ["consumer"],
)
OUTBOX_PUBLISHED = Counter(
    "reviewloop_outbox_published_total",
    "Outbox rows published to Kafka.",
    ["service"],
)
SURVEY_EMAILS = Counter(
    "reviewloop_survey_emails_total",
    "Survey emails handled by the dispatcher, by kind and outcome.",
    ["kind", "outcome"],  # accepted | retry | permanent | unknown | skipped_<reason>
)
NOTIFICATIONS = Counter(
    "reviewloop_notifications_total",
    "Staff notifications handled by the notifier, by channel and outcome.",
    ["channel", "outcome"],
)
RESPONDER_REPLIES = Counter(
    "reviewloop_responder_replies_total",
    "Replies handled by the responder's connector worker, by outcome.",
    ["outcome"],  # published | retry | failed
)
