"""The operator CLI run inside a service's pod (`kubectl exec deploy/reviewloop-survey --
python -m services.cli ...`): it takes that pod's brokers, topic prefix, credentials and
database, and reads no other service's settings."""

import os

import pytest

from services.cli.common import SERVICES, kafka_service, selected_services
from services.cli.main import _kafka
from services.cli.status import Lag, Status, over_lag, reviewloop_group

SURVEY_POD = {
    "SURVEY_KAFKA_BOOTSTRAP_SERVERS": "reviewloop-kafka-bootstrap:9093",
    "SURVEY_KAFKA_TOPIC_PREFIX": "prod-",
    "SURVEY_KAFKA_SECURITY_PROTOCOL": "SASL_SSL",
    "SURVEY_KAFKA_SASL_MECHANISM": "SCRAM-SHA-512",
    "SURVEY_KAFKA_SASL_USERNAME": "reviewloop-survey",
    "SURVEY_KAFKA_SASL_PASSWORD": "from-the-secret",
    "SURVEY_DB_HOST": "reviewloop-db",
    "SURVEY_DB_PASSWORD": "db-secret",
}


@pytest.fixture(autouse=True)
def bare_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    prefixes = ("REVIEWLOOP_", *(f"{s.upper()}_" for s in SERVICES))
    for name in list(os.environ):
        if name.startswith(prefixes):
            monkeypatch.delenv(name)


def test_in_a_survey_pod_the_pods_kafka_settings_are_used(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in SURVEY_POD.items():
        monkeypatch.setenv(name, value)
    assert kafka_service() == "survey"
    kafka = _kafka(None, None)
    assert kafka.bootstrap_servers == "reviewloop-kafka-bootstrap:9093"
    assert kafka.topic_prefix == "prod-"
    options = kafka.client_options()
    assert {k: v for k, v in options.items() if k != "ssl_context"} == {
        "security_protocol": "SASL_SSL",
        "sasl_mechanism": "SCRAM-SHA-512",
        "sasl_plain_username": "reviewloop-survey",
        "sasl_plain_password": "from-the-secret",
    }
    assert options["ssl_context"] is not None
    # Only the pod's own database: the other services' settings are not there.
    assert selected_services("all") == ["survey"]
    assert selected_services("ingest") == ["ingest"]


def test_the_clis_own_variables_and_options_win(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in SURVEY_POD.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("REVIEWLOOP_KAFKA_BOOTSTRAP_SERVERS", "other:9093")
    monkeypatch.setenv("REVIEWLOOP_KAFKA_SASL_USERNAME", "ops")
    kafka = _kafka(None, None)
    assert kafka.bootstrap_servers == "other:9093"
    assert kafka.client_options()["sasl_plain_username"] == "ops"
    assert kafka.topic_prefix == "prod-"
    assert _kafka("given:9092", "").bootstrap_servers == "given:9092"
    assert _kafka("given:9092", "").topic_prefix == ""


def test_an_ingest_pod_keeps_working_as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INGEST_KAFKA_BOOTSTRAP_SERVERS", "reviewloop-kafka-bootstrap:9093")
    monkeypatch.setenv("INGEST_DB_HOST", "reviewloop-db")
    assert kafka_service() == "ingest"
    assert _kafka(None, None).bootstrap_servers == "reviewloop-kafka-bootstrap:9093"
    assert selected_services("all") == ["ingest"]


def test_on_a_developers_machine_every_service_with_its_defaults() -> None:
    assert selected_services("all") == list(SERVICES)
    kafka = _kafka(None, None)
    assert (kafka.bootstrap_servers, kafka.topic_prefix) == ("127.0.0.1:19092", "")
    assert kafka.client_options() == {"security_protocol": "PLAINTEXT"}


@pytest.mark.parametrize(
    ("group", "prefix", "own"),
    [
        ("survey.orders", "", True),
        ("notifier.events", "", True),
        ("ops.dlq-replay", "", True),
        ("t1-responder.events", "t1-", True),
        ("responder.events", "t1-", False),  # another installation's prefix
        ("t1-probe", "t1-", False),
        ("console-consumer-4711", "", False),
        ("lag.test", "", False),
        ("surveyor.x", "", False),
    ],
)
def test_only_reviewloops_groups_count(group: str, prefix: str, own: bool) -> None:
    assert reviewloop_group(group, prefix) is own


def test_fail_on_lag_names_the_groups_above_the_limit() -> None:
    status = Status(
        lag=[
            Lag("survey.orders", "reviewloop.orders", 0, 10, 15, 5),
            Lag("survey.orders", "reviewloop.orders", 1, None, 7, 7),
            Lag("notifier.events", "reviewloop.reviews", 0, 3, 3, 0),
            Lag("notifier.events", "reviewloop.gone", 0, 3, None, None),
        ]
    )
    assert over_lag(status, 11) == {"survey.orders": 12}
    assert over_lag(status, 12) == {}
    assert over_lag(status, 0) == {"survey.orders": 12}
