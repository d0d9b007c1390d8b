"""What the subcommands share: the expected-error type, environment fallbacks, the services'
settings, plain-text tables and a progress bar."""

import os
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any, Self, TextIO

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


def selected_services(choice: str) -> list[str]:
    return list(SERVICES) if choice == "all" else [choice]


@dataclass(frozen=True)
class KafkaOptions:
    bootstrap_servers: str
    topic_prefix: str
    security: KafkaSecurity = field(default_factory=KafkaSecurity)

    def client_options(self) -> dict[str, Any]:
        """TLS and SASL keyword arguments for every aiokafka client the commands create."""
        return self.security.client_options()


# KafkaSecurity's fields, read as REVIEWLOOP_KAFKA_<NAME> or else as ingest's own
# INGEST_KAFKA_<NAME>: inside an ingest pod (`kubectl exec`) the command uses the pod's
# credentials without them ever appearing on a command line.
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
        if (value := env(f"REVIEWLOOP_KAFKA_{suffix}", f"INGEST_KAFKA_{suffix}")) is not None
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


# -- output ---------------------------------------------------------------------------------


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "no"
    # Lists and objects from the APIs (a user's shops): words for people, not Python reprs.
    if isinstance(value, list | tuple):
        return ", ".join(_cell(v) for v in value) or "-"
    if isinstance(value, dict):
        return ", ".join(f"{k}={_cell(v)}" for k, v in value.items()) or "-"
    return str(value)


def table(headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    cells = [list(headers), *([_cell(v) for v in row] for row in rows)]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    return "\n".join(
        "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells
    )


def fields(values: dict[str, Any]) -> str:
    width = max((len(k) for k in values), default=0)
    return "\n".join(f"{k.ljust(width)}  {_cell(v)}" for k, v in values.items())


def age(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    s = max(int(seconds), 0)
    if s < 60:
        return f"{s}s"
    if s < 3600:
        return f"{s // 60}m {s % 60:02d}s"
    if s < 86_400:
        return f"{s // 3600}h {s % 3600 // 60:02d}m"
    return f"{s // 86_400}d {s % 86_400 // 3600:02d}h"


class Progress:
    """A bar (known total) or a counter on stderr, redrawn at most ten times a second; silent
    when stderr is not a terminal, so logs and pipes get only the results."""

    WIDTH = 30

    def __init__(
        self,
        label: str,
        total: int | None = None,
        stream: TextIO | None = None,
        enabled: bool | None = None,
    ) -> None:
        self.label = label
        self.total = total
        self.done = 0
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self._drawn_at = 0.0
        self._width = 0

    def advance(self, n: int = 1) -> None:
        self.done += n
        now = time.monotonic()
        if now - self._drawn_at >= 0.1:
            self._drawn_at = now
            self._draw()

    def _draw(self) -> None:
        if not self.enabled:
            return
        if self.total:
            share = min(self.done / self.total, 1.0)
            filled = int(share * self.WIDTH)
            bar = "#" * filled + "-" * (self.WIDTH - filled)
            text = f"{self.label} [{bar}] {self.done}/{self.total} {share:4.0%}"
        else:
            text = f"{self.label} {self.done}"
        self.stream.write("\r" + text.ljust(self._width))
        self._width = len(text)
        self.stream.flush()

    def close(self) -> None:
        if self.enabled and self._width:
            self._draw()
            self.stream.write("\n")
            self.stream.flush()
            self._width = 0

    def __enter__(self) -> Self:
        self._draw()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
