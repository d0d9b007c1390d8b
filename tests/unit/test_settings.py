import ast
from pathlib import Path

import pytest
from pydantic import SecretStr, ValidationError

from services.ingest.settings import IngestSettings
from services.notifier.settings import NotifierSettings
from services.responder.settings import ResponderSettings
from services.survey.settings import SurveySettings

ALL = [IngestSettings, SurveySettings, NotifierSettings, ResponderSettings]


@pytest.mark.parametrize("cls", ALL)
def test_production_refuses_development_secrets(cls: type) -> None:
    with pytest.raises(ValidationError, match="db_password"):
        cls(environment="production", api_token=SecretStr("a-real-token"))


@pytest.mark.parametrize("cls", ALL)
def test_production_accepts_real_secrets(cls: type) -> None:
    secrets = {
        name: SecretStr(f"real-{name}")
        for name, field in cls.model_fields.items()
        if field.annotation is SecretStr
    }
    settings = cls(environment="production", kafka_topic_replication_factor=3, **secrets)
    assert settings.environment == "production"


def test_fault_injection_is_refused_in_production() -> None:
    secrets = {
        name: SecretStr(f"real-{name}")
        for name, field in SurveySettings.model_fields.items()
        if field.annotation is SecretStr
    }
    with pytest.raises(ValidationError, match="fault injection"):
        SurveySettings(
            environment="production",
            fault_crash_after_db_commit=True,
            kafka_create_topics=False,
            **secrets,
        )


@pytest.mark.parametrize("cls", ALL)
def test_production_refuses_to_create_topics_with_one_replica(cls: type) -> None:
    secrets = {
        name: SecretStr(f"real-{name}")
        for name, field in cls.model_fields.items()
        if field.annotation is SecretStr
    }
    prefix = cls.model_config["env_prefix"]
    with pytest.raises(ValidationError, match=f"{prefix}KAFKA_TOPIC_REPLICATION_FACTOR"):
        cls(environment="production", **secrets)
    # Replicated, or the topics are someone else's (Strimzi, a managed Kafka).
    assert cls(environment="production", kafka_topic_replication_factor=3, **secrets)
    assert cls(environment="production", kafka_create_topics=False, **secrets)
    # Development and tests run on one broker.
    assert cls(environment="test").kafka_topic_replication_factor == 1


def test_topic_configs_name_topics_without_prefix(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(
        "INGEST_KAFKA_TOPIC_CONFIGS",
        '{"*": {"compression.type": "zstd"}, "reviewloop.orders.dlq": {}}',
    )
    assert IngestSettings().kafka_topic_configs["*"] == {"compression.type": "zstd"}
    with pytest.raises(ValidationError, match="unknown topics"):
        IngestSettings(kafka_topic_configs={"prod-reviewloop.orders": {"retention.ms": "1"}})


def test_each_service_reads_its_own_prefix(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SURVEY_HTTP_PORT", "9100")
    monkeypatch.setenv("INGEST_HTTP_PORT", "9200")
    assert SurveySettings().http_port == 9100
    assert IngestSettings().http_port == 9200
    assert NotifierSettings().http_port == 8003


def test_defaults_give_each_service_its_own_port_role_and_schema() -> None:
    settings = [cls() for cls in ALL]
    assert len({s.http_port for s in settings}) == 4
    assert [s.db_schema for s in settings] == ["ingest", "survey", "notifier", "responder"]
    assert [s.db_user for s in settings] == ["ingest", "survey", "notifier", "responder"]


def test_shared_settings_imports_nothing_of_the_product() -> None:
    """Every module reads settings: one that settings imports back closes a circle (it was
    settings -> email/smtp -> tracing -> settings). Any import, at any depth of the module."""
    path = Path(__file__).resolve().parents[2] / "shared" / "settings.py"
    tree = ast.parse(path.read_text(), str(path))
    imported: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            imported.append("." * node.level + (node.module or ""))
    product = [
        name for name in imported if name.startswith((".", "shared", "services", "tests", "bench"))
    ]
    assert product == []


def test_alert_links_name_the_host_the_console_signs_in_at(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The browser keeps the console's session cookie per host: an alert's link to
    127.0.0.1 would ask a user signed in at localhost to sign in again."""
    for name in ("NOTIFIER_RESPONDER_BASE_URL", "RESPONDER_CONSOLE_PUBLIC_URL"):
        monkeypatch.delenv(name, raising=False)
    assert NotifierSettings().responder_base_url == ResponderSettings().console_public_url
