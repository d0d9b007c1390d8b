"""Prometheus metrics shared by every service (names: reviewloop_<thing>_<unit>[_total]).

Labels stay low-cardinality: route templates instead of paths, topics without the test prefix,
kinds and reasons from closed lists; never shop, order or review ids. docs/operations.md
("Observability") lists every series and what moves it.
"""

import platform
from importlib import metadata

from prometheus_client import Counter, Gauge, Histogram, disable_created_metrics

# Every counter and histogram would also export a `_created` series (its creation time): twice
# the series for nothing a dashboard or an alert reads.
disable_created_metrics()  # type: ignore[no-untyped-call]

# -- the process --------------------------------------------------------------------------------

BUILD_INFO = Gauge(
    "reviewloop_build_info",
    "Always 1; the labels say which release and Python the process runs.",
    ["service", "version", "python"],
)
DB_POOL_CONNECTIONS = Gauge(
    "reviewloop_db_pool_connections",
    "The service's PostgreSQL pool at the scrape: connections open and in use, open and idle.",
    ["service", "state"],  # in_use | idle
)
DB_POOL_MAX_CONNECTIONS = Gauge(
    "reviewloop_db_pool_max_connections",
    "The most connections the service's pool opens (db_pool_max_size).",
    ["service"],
)

# -- HTTP (shared/http/metrics.py) ---------------------------------------------------------------

HTTP_REQUESTS = Counter(
    "reviewloop_http_requests_total",
    "HTTP requests answered, by method, route template and status code.",
    ["method", "route", "status"],
)
HTTP_REQUEST_SECONDS = Histogram(
    "reviewloop_http_request_duration_seconds",
    "Time from the request's arrival to the end of its response, by route template.",
    ["method", "route"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
)

# -- Kafka consumers (shared/kafka/consumer.py) --------------------------------------------------

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
EVENTS_CONSUMED = Counter(
    "reviewloop_events_consumed_total",
    "Kafka records taken by a consumer (duplicates and events it ignores included), by topic.",
    ["consumer", "topic"],
)
EVENTS_FAILED = Counter(
    "reviewloop_events_failed_total",
    "Failed attempts to handle a record, by topic and reason.",
    ["consumer", "topic", "reason"],  # invalid | handler_error | infrastructure
)
DLQ_MESSAGES = Counter(
    "reviewloop_dlq_messages_total",
    "Records sent to the dead-letter topic, by the topic they came from.",
    ["consumer", "topic", "reason"],  # invalid | handler_error
)
CONSUMER_LAG = Gauge(
    "reviewloop_consumer_lag_messages",
    "Records between the consumer's position and the partition's end (last stable offset).",
    ["consumer", "topic", "partition"],
)
EVENT_LATENCY_SECONDS = Histogram(
    "reviewloop_event_latency_seconds",
    "End to end: from the event's occurred_at to the end of its handling by this consumer.",
    ["consumer", "event_type"],
    buckets=(0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 300.0, 900.0, 3600.0),
)

# -- Producing (shared/outbox/relay.py, dead letters) -------------------------------------------

EVENTS_PRODUCED = Counter(
    "reviewloop_events_produced_total",
    "Records acknowledged by Kafka, by topic (dead letters under <topic>.dlq).",
    ["topic"],
)
KAFKA_UP = Gauge(
    "reviewloop_kafka_up",
    "1 when the service's producer reached the brokers at its last check (start, each readiness "
    "probe), else 0. Readiness needs PostgreSQL only: this is the Kafka signal.",
    ["service"],
)
OUTBOX_PUBLISHED = Counter(
    "reviewloop_outbox_published_total",
    "Outbox rows published to Kafka.",
    ["service"],
)
OUTBOX_BACKLOG = Gauge(
    "reviewloop_outbox_backlog_events",
    "Outbox rows not yet published.",
    ["service"],
)
OUTBOX_OLDEST_AGE = Gauge(
    "reviewloop_outbox_oldest_age_seconds",
    "Age of the oldest outbox row not yet published (0 when none waits).",
    ["service"],
)

# -- Email and alerts ------------------------------------------------------------------------

EMAILS_SENT = Counter(
    "reviewloop_emails_sent_total",
    "Emails the SMTP server accepted, by kind.",
    ["kind"],  # invitation | reminder | follow_up | alert | escalation | digest | ...
)
EMAILS_FAILED = Counter(
    "reviewloop_emails_failed_total",
    "Emails the SMTP server did not accept, by kind and reason.",
    ["kind", "reason"],  # retry | permanent | unknown
)
EMAILS_SKIPPED = Counter(
    "reviewloop_emails_skipped_total",
    "Emails decided against when due, by kind and reason.",
    ["kind", "reason"],  # unsubscribed | bounced | cooldown | answered | refunded | ...
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
ALERTS_SENT = Counter(
    "reviewloop_alerts_sent_total",
    "Staff notifications delivered (email accepted, webhook answered 2xx), by kind and channel.",
    ["kind", "channel"],  # alert | escalation | digest | ... ; email | webhook
)
ALERTS_UNROUTABLE = Counter(
    "reviewloop_alerts_unroutable_total",
    "Reviews that needed an alert while their shop had no recipient (no rule, no support or "
    "contact address): recorded as 'not alerted: no recipient'.",
)
SLA_BREACHES = Counter(
    "reviewloop_sla_breaches_total",
    "Reviews still unanswered at an SLA deadline, by level.",
    ["level"],  # first | second
)
RESPONDER_REPLIES = Counter(
    "reviewloop_responder_replies_total",
    "Replies handled by the responder's connector worker, by outcome.",
    ["outcome"],  # published | retry | failed
)


def count_email(kind: str, outcome: str) -> None:
    """One SMTP answer (shared.email.smtp.SendResult.outcome) for an email of this kind."""
    if outcome == "accepted":
        EMAILS_SENT.labels(kind).inc()
    else:
        EMAILS_FAILED.labels(kind, outcome).inc()


def announce_build(service: str) -> None:
    """reviewloop_build_info for this process: the installed release (pyproject) and Python."""
    try:
        version = metadata.version("reviewloop")
    except metadata.PackageNotFoundError:
        version = "unknown"
    BUILD_INFO.labels(service, version, platform.python_version()).set(1)
