"""Kafka TLS and SASL settings: what each combination turns into for aiokafka, that every client
the services and the CLI make gets it, and that inconsistent settings are refused at start."""

import ast
import shutil
import ssl
import subprocess
from pathlib import Path
from typing import Any

import pytest
from aiokafka import AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient
from pydantic import SecretStr, ValidationError

from services.cli.common import CliError, KafkaOptions, kafka_security_from_env
from services.ingest.settings import IngestSettings
from services.notifier.settings import NotifierSettings
from services.responder.settings import ResponderSettings
from services.survey.settings import SurveySettings
from shared.kafka import admin as kafka_admin
from shared.kafka.producer import create_producer
from shared.settings import KafkaSecurity, ServiceSettings

SETTINGS: tuple[type[ServiceSettings], ...] = (
    IngestSettings,
    SurveySettings,
    NotifierSettings,
    ResponderSettings,
)


@pytest.fixture(scope="module")
def tls_files(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """A self-signed CA and a client certificate and key signed by nobody but themselves:
    enough for an SSLContext to load them."""
    if shutil.which("openssl") is None:
        pytest.fail("openssl is needed to make the test certificates")
    folder = tmp_path_factory.mktemp("kafka-tls")
    ca, cert, key = folder / "ca.pem", folder / "client.pem", folder / "client.key"
    for out, keyout in ((ca, folder / "ca.key"), (cert, key)):
        subprocess.run(
            [
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "2",
                "-subj",
                "/CN=reviewloop-test",
                "-keyout",
                str(keyout),
                "-out",
                str(out),
            ],
            check=True,
            capture_output=True,
        )
    return ca, cert, key


def test_plaintext_is_the_default_and_adds_nothing_else() -> None:
    assert KafkaSecurity().client_options() == {"security_protocol": "PLAINTEXT"}
    assert IngestSettings().kafka_security == KafkaSecurity()


@pytest.mark.parametrize("mechanism", ["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"])
def test_sasl_plaintext_passes_the_mechanism_and_credentials(mechanism: str) -> None:
    security = KafkaSecurity.model_validate(
        {
            "protocol": "SASL_PLAINTEXT",
            "sasl_mechanism": mechanism,
            "sasl_username": "ingest",
            "sasl_password": "pw-1",
        }
    )
    assert security.client_options() == {
        "security_protocol": "SASL_PLAINTEXT",
        "sasl_mechanism": mechanism,
        "sasl_plain_username": "ingest",
        "sasl_plain_password": "pw-1",
    }


def test_sasl_ssl_verifies_the_brokers_with_the_given_ca(
    tls_files: tuple[Path, Path, Path],
) -> None:
    ca, _, _ = tls_files
    security = KafkaSecurity(
        protocol="SASL_SSL",
        sasl_username="survey",
        sasl_password=SecretStr("pw-2"),
        ssl_ca_file=str(ca),
    )
    options = security.client_options()
    context = options.pop("ssl_context")
    assert options == {
        "security_protocol": "SASL_SSL",
        "sasl_mechanism": "SCRAM-SHA-512",
        "sasl_plain_username": "survey",
        "sasl_plain_password": "pw-2",
    }
    assert isinstance(context, ssl.SSLContext)
    assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname
    assert [c["subject"] for c in context.get_ca_certs()] == [
        ((("commonName", "reviewloop-test"),),)
    ]


def test_ssl_with_a_client_certificate_and_no_name_check(
    tls_files: tuple[Path, Path, Path],
) -> None:
    ca, cert, key = tls_files
    security = KafkaSecurity(
        protocol="SSL",
        ssl_ca_file=str(ca),
        ssl_cert_file=str(cert),
        ssl_key_file=str(key),
        ssl_check_hostname=False,
    )
    options = security.client_options()
    assert set(options) == {"security_protocol", "ssl_context"}
    context = options["ssl_context"]
    # Still verifies the chain; only the host name is not compared.
    assert context.verify_mode == ssl.CERT_REQUIRED and not context.check_hostname


def test_ssl_without_a_ca_file_trusts_the_system_store() -> None:
    context = KafkaSecurity(protocol="SSL").client_options()["ssl_context"]
    assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname


def test_a_missing_certificate_file_fails_when_a_client_is_made(tmp_path: Path) -> None:
    security = KafkaSecurity(protocol="SSL", ssl_ca_file=str(tmp_path / "missing.pem"))
    with pytest.raises(OSError):
        security.client_options()


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"protocol": "SASL_SSL"}, "needs a SASL username and password"),
        ({"protocol": "SASL_PLAINTEXT", "sasl_username": "u"}, "needs a SASL username"),
        (
            {"protocol": "SASL_PLAINTEXT", "sasl_username": "u", "sasl_password": ""},
            "needs a SASL username",
        ),
        ({"sasl_username": "u", "sasl_password": "p"}, "does not use SASL"),
        ({"protocol": "SSL", "sasl_password": "p"}, "does not use SASL"),
        ({"ssl_ca_file": "/ca.pem"}, "does not use TLS"),
        (
            {
                "protocol": "SASL_PLAINTEXT",
                "sasl_username": "u",
                "sasl_password": "p",
                "ssl_ca_file": "/ca.pem",
            },
            "does not use TLS",
        ),
        ({"protocol": "SSL", "ssl_cert_file": "/c.pem"}, "go together"),
        ({"protocol": "SSL", "ssl_key_file": "/k.pem"}, "go together"),
        ({"protocol": "SSL", "ssl_key_password": "p"}, "key password without a key file"),
        ({"protocol": "TLS"}, "PLAINTEXT"),
        ({"protocol": "SASL_SSL", "sasl_mechanism": "GSSAPI"}, "SCRAM-SHA-512"),
    ],
)
def test_inconsistent_settings_are_refused(fields: dict[str, Any], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        KafkaSecurity.model_validate(fields)


@pytest.mark.parametrize("cls", SETTINGS)
def test_every_service_reads_the_settings_from_its_environment(
    cls: type[ServiceSettings], monkeypatch: pytest.MonkeyPatch
) -> None:
    prefix = cls.model_config.get("env_prefix", "")
    monkeypatch.setenv(prefix + "KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT")
    monkeypatch.setenv(prefix + "KAFKA_SASL_MECHANISM", "SCRAM-SHA-256")
    monkeypatch.setenv(prefix + "KAFKA_SASL_USERNAME", "svc")
    monkeypatch.setenv(prefix + "KAFKA_SASL_PASSWORD", "from-a-secret")
    settings = cls()
    assert settings.kafka_security.client_options()["sasl_plain_password"] == "from-a-secret"
    assert settings.kafka_security.sasl_mechanism == "SCRAM-SHA-256"
    # A secret: never printed with the settings.
    assert "from-a-secret" not in repr(settings)


@pytest.mark.parametrize("cls", SETTINGS)
def test_a_service_refuses_to_start_with_half_the_settings(
    cls: type[ServiceSettings], monkeypatch: pytest.MonkeyPatch
) -> None:
    prefix = cls.model_config.get("env_prefix", "")
    monkeypatch.setenv(prefix + "KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
    monkeypatch.setenv(prefix + "KAFKA_SASL_USERNAME", "svc")
    with pytest.raises(ValidationError, match="kafka: security protocol SASL_SSL needs"):
        cls()


SASL = {
    "kafka_security_protocol": "SASL_PLAINTEXT",
    "kafka_sasl_mechanism": "PLAIN",
    "kafka_sasl_username": "svc",
    "kafka_sasl_password": SecretStr("pw-3"),
}
EXPECTED = {
    "security_protocol": "SASL_PLAINTEXT",
    "sasl_mechanism": "PLAIN",
    "sasl_plain_username": "svc",
    "sasl_plain_password": "pw-3",
}


def _client_options(client: Any) -> dict[str, Any]:
    """What an aiokafka client was really built with (its connection settings)."""
    kafka_client = client.client if isinstance(client, AIOKafkaProducer) else client._client
    return {
        "security_protocol": kafka_client._security_protocol,
        "sasl_mechanism": kafka_client._sasl_mechanism,
        "sasl_plain_username": kafka_client._sasl_plain_username,
        "sasl_plain_password": kafka_client._sasl_plain_password,
    }


async def test_the_services_producer_uses_the_settings() -> None:
    producer = create_producer(SurveySettings(**SASL))
    try:
        assert _client_options(producer) == EXPECTED
    finally:
        await producer.stop()


async def test_topic_creation_uses_the_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[AIOKafkaAdminClient] = []

    class Recorded(AIOKafkaAdminClient):  # type: ignore[misc]
        def __init__(self, **kwargs: Any) -> None:
            super().__init__(**kwargs)
            made.append(self)

        async def start(self) -> None:
            raise RuntimeError("stop here")

    monkeypatch.setattr(kafka_admin, "AIOKafkaAdminClient", Recorded)
    with pytest.raises(RuntimeError, match="stop here"):
        await kafka_admin.ensure_topics(
            "127.0.0.1:1", security=SurveySettings(**SASL).kafka_security
        )
    assert _client_options(made[0]) == EXPECTED


def test_the_cli_reads_its_own_variables_then_ingests(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("SECURITY_PROTOCOL", "SASL_MECHANISM", "SASL_USERNAME", "SASL_PASSWORD"):
        monkeypatch.delenv(f"REVIEWLOOP_KAFKA_{name}", raising=False)
        monkeypatch.delenv(f"INGEST_KAFKA_{name}", raising=False)
    assert kafka_security_from_env() == KafkaSecurity()
    # Inside an ingest pod: the pod's own settings.
    monkeypatch.setenv("INGEST_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT")
    monkeypatch.setenv("INGEST_KAFKA_SASL_USERNAME", "ingest")
    monkeypatch.setenv("INGEST_KAFKA_SASL_PASSWORD", "ingest-pw")
    assert kafka_security_from_env().sasl_username == "ingest"
    # The CLI's own variables win.
    monkeypatch.setenv("REVIEWLOOP_KAFKA_SASL_USERNAME", "ops")
    monkeypatch.setenv("REVIEWLOOP_KAFKA_SASL_PASSWORD", "ops-pw")
    monkeypatch.setenv("REVIEWLOOP_KAFKA_SASL_MECHANISM", "PLAIN")
    options = KafkaOptions("b:9092", "", kafka_security_from_env()).client_options()
    assert options == {
        "security_protocol": "SASL_PLAINTEXT",
        "sasl_mechanism": "PLAIN",
        "sasl_plain_username": "ops",
        "sasl_plain_password": "ops-pw",
    }
    monkeypatch.setenv("REVIEWLOOP_KAFKA_SASL_MECHANISM", "MD5")
    with pytest.raises(CliError, match="sasl_mechanism"):
        kafka_security_from_env()


KAFKA_CLIENTS = {"AIOKafkaProducer", "AIOKafkaConsumer", "AIOKafkaAdminClient"}


def test_every_kafka_client_in_the_code_gets_the_security_options() -> None:
    """Each AIOKafka*(...) made in shared/ and services/ (the services' producer and consumers,
    topic creation, the CLI's replay and status) passes **<...>.client_options(), so a client
    added later without TLS and SASL fails here rather than against a secured cluster."""
    root = Path(__file__).resolve().parents[2]
    found: list[str] = []
    for path in sorted([*(root / "shared").rglob("*.py"), *(root / "services").rglob("*.py")]):
        tree = ast.parse(path.read_text(), str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else None
            if name not in KAFKA_CLIENTS:
                continue
            where = f"{path.relative_to(root)}:{node.lineno}"
            found.append(where)
            spread = [k.value for k in node.keywords if k.arg is None]
            assert any(
                isinstance(v, ast.Call)
                and isinstance(v.func, ast.Attribute)
                and v.func.attr == "client_options"
                for v in spread
            ) or any(  # ensure_topics: **(security or KafkaSecurity()).client_options()
                isinstance(v, ast.Call) and ast.unparse(v).endswith(".client_options()")
                for v in spread
            ), f"{where}: {name} without **...client_options()"
    # The producer, the consumer runner, topic creation, dlq replay (3), status (2).
    assert len(found) >= 8, found
