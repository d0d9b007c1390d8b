"""What the subcommands share: the expected-error type, environment fallbacks and the services'
settings."""

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from services.ingest.settings import IngestSettings
from services.notifier.settings import NotifierSettings
from services.responder.settings import ResponderSettings
from services.survey.settings import SurveySettings
from shared.settings import KafkaSecurity, ServiceSettings

SERVICES: tuple[str, ...] = ("ingest", "survey", "notifier", "responder")
_SETTINGS: dict[str, type[ServiceSettings]] = {
    "ingest": IngestSettings,
    "survey": SurveySettings,
    "notifier": NotifierSettings,
    "responder": ResponderSettings,
}
_SERVICES_DIR = Path(__file__).resolve().parents[1]

DEFAULT_BOOTSTRAP_SERVERS = "127.0.0.1:19092"


class CliError(Exception):
    """An expected failure (bad input, unreachable server, refused request): the command
    prints `reviewloop: error: <message>` and exits 1, without a traceback."""


def env(*names: str) -> str | None:
    """The first of the environment variables that is set and not empty."""
    for name in names:
        value = os.environ.get(name)
        if value:
            return value
    return None


def service_settings(service: str) -> ServiceSettings:
    """The service's own settings from its environment variables (INGEST_DB_HOST, ...), so the
    command reaches the database exactly as the service does."""
    try:
        return _SETTINGS[service]()
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "settings"
        raise CliError(f"{service} settings: {where}: {first['msg']}") from None


def migrations_dir(service: str) -> Path:
    return _SERVICES_DIR / service / "migrations"


def database_label(settings: ServiceSettings) -> str:
    return f"{settings.db_user}@{settings.db_host}:{settings.db_port}/{settings.db_name}"


def configured(service: str) -> bool:
    """Whether this environment holds the service's database or Kafka settings: a pod has only
    its own service's (`<SERVICE>_DB_HOST`, `<SERVICE>_KAFKA_BOOTSTRAP_SERVERS`, ...)."""
    prefixes = (f"{service.upper()}_DB_", f"{service.upper()}_KAFKA_")
    return any(name.startswith(prefixes) and value for name, value in os.environ.items())


def selected_services(choice: str) -> list[str]:
    """`all` means the services configured here (inside a pod, its own), or every service
    with its defaults where none is (a developer's machine and the local stack)."""
    if choice != "all":
        return [choice]
    return [s for s in SERVICES if configured(s)] or list(SERVICES)


def kafka_service() -> str:
    """The service whose Kafka settings the commands fall back to: the first one configured
    here (inside a pod, the pod's), else ingest."""
    return next(
        (s for s in SERVICES if env(f"{s.upper()}_KAFKA_BOOTSTRAP_SERVERS") is not None),
        "ingest",
    )


def kafka_env(suffix: str) -> str | None:
    """REVIEWLOOP_KAFKA_<SUFFIX>, else the pod's service's own <SERVICE>_KAFKA_<SUFFIX>."""
    return env(f"REVIEWLOOP_KAFKA_{suffix}", f"{kafka_service().upper()}_KAFKA_{suffix}")


@dataclass(frozen=True)
class KafkaOptions:
    bootstrap_servers: str
    topic_prefix: str
    security: KafkaSecurity = field(default_factory=KafkaSecurity)

    def client_options(self) -> dict[str, Any]:
        """TLS and SASL keyword arguments for every aiokafka client the commands create."""
        return self.security.client_options()


# KafkaSecurity's fields, read as REVIEWLOOP_KAFKA_<NAME> or else as the pod's service's own
# <SERVICE>_KAFKA_<NAME> (kafka_service): inside a pod (`kubectl exec`) the command uses the
# pod's brokers and credentials without them ever appearing on a command line.
_KAFKA_SECURITY_ENV = {
    "protocol": "SECURITY_PROTOCOL",
    "sasl_mechanism": "SASL_MECHANISM",
    "sasl_username": "SASL_USERNAME",
    "sasl_password": "SASL_PASSWORD",
    "ssl_ca_file": "SSL_CA_FILE",
    "ssl_cert_file": "SSL_CERT_FILE",
    "ssl_key_file": "SSL_KEY_FILE",
    "ssl_key_password": "SSL_KEY_PASSWORD",
    "ssl_check_hostname": "SSL_CHECK_HOSTNAME",
}


def kafka_security_from_env() -> KafkaSecurity:
    values = {
        name: value
        for name, suffix in _KAFKA_SECURITY_ENV.items()
        if (value := kafka_env(suffix)) is not None
    }
    try:
        return KafkaSecurity.model_validate(values)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        message = str(first["msg"]).removeprefix("Value error, ")
        raise CliError(f"Kafka settings: {where + ': ' if where else ''}{message}") from None


def one_line(exc: BaseException) -> str:
    name = type(exc).__name__
    lines = str(exc).strip().splitlines()
    if not lines:
        return name
    # Some clients (aiokafka) already start the message with the class name.
    return lines[0] if lines[0].startswith(name) else f"{name}: {lines[0]}"
