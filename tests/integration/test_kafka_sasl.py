"""Kafka with SASL: a private single-node KRaft broker (the local stack's jars and settings, on
ports of its own) with a SASL_PLAINTEXT listener taking PLAIN. The services' own clients, built
from their settings, get through with the right credentials and are refused with wrong ones or
none. The shared broker on 19092 is not touched."""

import logging
import random
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from aiokafka import AIOKafkaConsumer
from aiokafka.errors import KafkaError
from pydantic import SecretStr

from deploy.local import stack
from services.cli.common import KafkaOptions
from services.cli.status import consumer_lag
from services.survey.settings import SurveySettings
from shared.kafka.admin import ensure_topics
from shared.kafka.producer import create_producer
from shared.topics import ORDERS, topic_name
from tests.faults.infra import PrivateKafka, pick_ports

pytestmark = pytest.mark.integration

USER = "reviewloop"
PASSWORD = "right-password-0123"


@dataclass
class SaslKafka(PrivateKafka):
    """PrivateKafka plus a SASL_PLAINTEXT listener. The PLAINTEXT one stays for the broker's
    own traffic and for the start-up probe of tests/faults/infra.py."""

    sasl_port: int = 0

    def _properties(self) -> str:
        settings: dict[str, str] = {}
        for line in super()._properties().splitlines():
            key, _, value = line.partition("=")
            settings[key] = value
        host = stack.LOCALHOST
        settings.update(
            {
                "listeners": f"PLAINTEXT://{host}:{self.port},"
                f"SASL_PLAINTEXT://{host}:{self.sasl_port},"
                f"CONTROLLER://{host}:{self.controller_port}",
                "advertised.listeners": f"PLAINTEXT://{host}:{self.port},"
                f"SASL_PLAINTEXT://{host}:{self.sasl_port}",
                "listener.security.protocol.map": "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,"
                "SASL_PLAINTEXT:SASL_PLAINTEXT",
                "sasl.enabled.mechanisms": "PLAIN",
                # The listener's JAAS configuration, inline: one user and its password.
                "listener.name.sasl_plaintext.plain.sasl.jaas.config": (
                    "org.apache.kafka.common.security.plain.PlainLoginModule required "
                    f'user_{USER}="{PASSWORD}";'
                ),
            }
        )
        return "".join(f"{k}={v}\n" for k, v in settings.items())

    @property
    def sasl_bootstrap(self) -> str:
        return f"{stack.LOCALHOST}:{self.sasl_port}"


@pytest.fixture(scope="module")
def sasl_kafka(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SaslKafka]:
    # Below the ephemeral range and above the fault run's 24000-28000.
    port, controller_port, sasl_port = pick_ports(3, 29_000 + random.randrange(2_500))
    run_dir: Path = tmp_path_factory.mktemp("sasl-kafka")
    broker = SaslKafka(run_dir, port, controller_port, sasl_port=sasl_port)
    try:
        broker.init()
        broker.start()
    except Exception as exc:
        broker.remove()
        log = broker.log_path.read_text()[-3000:] if broker.log_path.exists() else ""
        pytest.skip(f"the private SASL broker did not start ({exc!r}); its log ends:\n{log}")
    try:
        yield broker
    finally:
        broker.remove()


def settings(broker: SaslKafka, prefix: str, **kafka: object) -> SurveySettings:
    fields: dict[str, object] = {
        "environment": "test",
        "kafka_bootstrap_servers": broker.sasl_bootstrap,
        "kafka_topic_prefix": prefix,
        "kafka_security_protocol": "SASL_PLAINTEXT",
        "kafka_sasl_mechanism": "PLAIN",
        "kafka_sasl_username": USER,
        "kafka_sasl_password": SecretStr(PASSWORD),
    }
    fields.update(kafka)
    return SurveySettings(**fields)  # type: ignore[arg-type]


async def test_right_credentials_create_produce_consume_and_read_lag(sasl_kafka: SaslKafka) -> None:
    prefix = f"sasl-{uuid.uuid4().hex[:6]}."
    s = settings(sasl_kafka, prefix)
    topic = topic_name(ORDERS.name, prefix)
    await ensure_topics(
        s.kafka_bootstrap_servers, prefix, 1, topics=(ORDERS,), security=s.kafka_security
    )

    producer = create_producer(s)
    await producer.start()
    try:
        sent = await producer.send_and_wait(topic, b"over-sasl", key=b"k")
    finally:
        await producer.stop()
    assert sent.offset == 0

    group = f"{prefix}survey.orders"  # a Reviewloop group: status lists only those
    consumer = AIOKafkaConsumer(
        topic,
        bootstrap_servers=s.kafka_bootstrap_servers,
        group_id=group,
        auto_offset_reset="earliest",
        enable_auto_commit=False,
        **s.kafka_security.client_options(),
    )
    await consumer.start()
    try:
        batch = await consumer.getmany(timeout_ms=15_000)
        values = [r.value for records in batch.values() for r in records]
        assert values == [b"over-sasl"]
        await consumer.commit()
    finally:
        await consumer.stop()

    # The operator CLI's admin and consumer clients, with the same credentials.
    lag = await consumer_lag(
        KafkaOptions(s.kafka_bootstrap_servers, prefix, s.kafka_security), None
    )
    assert [(row.group, row.topic, row.committed, row.lag) for row in lag] == [(group, topic, 1, 0)]


@pytest.mark.parametrize(
    "kafka",
    [
        {"kafka_sasl_password": SecretStr("wrong-password")},
        {"kafka_sasl_username": "somebody-else"},
    ],
    ids=["wrong-password", "unknown-user"],
)
async def test_wrong_credentials_are_refused(
    sasl_kafka: SaslKafka, kafka: dict[str, object], caplog: pytest.LogCaptureFixture
) -> None:
    # The CLIs quiet aiokafka's logger (services/cli/main.py, deploy/local/cli.py); a CLI test
    # run earlier in this process leaves it at CRITICAL, and the broker's answer would be lost.
    caplog.set_level(logging.ERROR, logger="aiokafka")
    s = settings(sasl_kafka, "sasl-wrong.", **kafka)
    producer = create_producer(s)
    try:
        with pytest.raises(KafkaError) as caught:
            await producer.start()
        assert "Unable to bootstrap" in str(caught.value)
    finally:
        await producer.stop()
    # aiokafka reports only "Unable to bootstrap"; the broker's answer is in its log.
    assert "SaslAuthenticationFailed" in caplog.text
    assert "Invalid username or password" in caplog.text
    with pytest.raises(KafkaError):
        await ensure_topics(
            s.kafka_bootstrap_servers, "sasl-wrong.", 1, topics=(ORDERS,), security=s.kafka_security
        )


async def test_a_client_without_sasl_gets_nowhere_on_the_sasl_listener(
    sasl_kafka: SaslKafka,
) -> None:
    s = SurveySettings(environment="test", kafka_bootstrap_servers=sasl_kafka.sasl_bootstrap)
    producer = create_producer(s)
    producer.client._request_timeout_ms = 5_000
    try:
        with pytest.raises(KafkaError) as caught:
            await producer.start()
        assert "Unable to bootstrap" in str(caught.value)
    finally:
        await producer.stop()
