"""Settings shared by every service; each service subclasses with its own env prefix.

Secrets have development defaults so `deploy/local/stack up` works out of the box, and
the validator refuses to start with any of those defaults outside development and test.

The values the settings hand out (`SmtpServer`, `KafkaSecurity`) are defined here too: this
module imports nothing of the product, so any module may read settings without a circle.
"""

import ipaddress
import os
import ssl
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal, Self

from aiokafka.helpers import create_ssl_context
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SecretStr,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_settings import BaseSettings, SettingsConfigDict

Environment = Literal["development", "test", "production"]

_RATIO_SAMPLERS = ("traceidratio", "parentbased_traceidratio")
_FIXED_SAMPLERS = {
    "always_on": 1.0,
    "parentbased_always_on": 1.0,
    "always_off": 0.0,
    "parentbased_always_off": 0.0,
}


def standard_otel_settings(environ: Mapping[str, str]) -> dict[str, Any]:
    """ServiceSettings fields from the OpenTelemetry SDK's standard environment variables
    (opentelemetry.io/docs/specs/otel/configuration/sdk-environment-variables), for what they
    share: the traces exporter, the OTLP endpoint, the sampling ratio."""
    values: dict[str, Any] = {}
    exporter = environ.get("OTEL_TRACES_EXPORTER", "").split(",")[0].strip().lower()
    if exporter in ("otlp", "console", "none"):
        values["otel_exporter"] = exporter
    if environ.get("OTEL_SDK_DISABLED", "").strip().lower() == "true":
        values["otel_exporter"] = "none"
    if endpoint := environ.get("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "").strip():
        values["otel_endpoint"] = endpoint
    elif endpoint := environ.get("OTEL_EXPORTER_OTLP_ENDPOINT", "").strip():
        # The base URL: each signal's path goes after it (the specification's rule).
        values["otel_endpoint"] = endpoint.rstrip("/") + "/v1/traces"
    sampler = environ.get("OTEL_TRACES_SAMPLER", "").strip().lower()
    if sampler in _FIXED_SAMPLERS:
        values["otel_sample_ratio"] = _FIXED_SAMPLERS[sampler]
    elif sampler in ("", *_RATIO_SAMPLERS) and (ratio := environ.get("OTEL_TRACES_SAMPLER_ARG")):
        values["otel_sample_ratio"] = ratio
    return values


DEV_SECRET_MARKER = "-dev-"


def dev_secret(name: str) -> SecretStr:
    """A default secret that is recognisably for development only."""
    return SecretStr(f"{name}{DEV_SECRET_MARKER}only")


@dataclass(frozen=True)
class SmtpServer:
    host: str
    port: int
    username: str | None = None
    password: str | None = None
    starttls: bool = False
    tls: bool = False
    # PEM bundle to verify the server's certificate with, for relays signed by a private CA;
    # None: the system's trust store. Certificates are always verified.
    ca_file: str | None = None
    timeout_s: float = 20.0


# TLS and SASL for every Kafka client the services and the operator CLI create: one mapping
# from settings to aiokafka's keyword arguments, so that a process's producer, consumers and
# admin clients can never disagree on how they reach the brokers (docs/operations.md, "Kafka
# TLS and SASL").
SecurityProtocol = Literal["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"]
SaslMechanism = Literal["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"]


class KafkaSecurity(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    protocol: SecurityProtocol = "PLAINTEXT"
    # Strimzi's `scram-sha-512` authentication is the common case in Kubernetes.
    sasl_mechanism: SaslMechanism = "SCRAM-SHA-512"
    sasl_username: str | None = None
    sasl_password: SecretStr | None = None
    # Without a CA file the system's trust store verifies the brokers.
    ssl_ca_file: str | None = None
    # Client certificate and key: mutual TLS (Strimzi's `tls` authentication).
    ssl_cert_file: str | None = None
    ssl_key_file: str | None = None
    ssl_key_password: SecretStr | None = None
    ssl_check_hostname: bool = True

    @property
    def uses_sasl(self) -> bool:
        return self.protocol.startswith("SASL_")

    @property
    def uses_tls(self) -> bool:
        return self.protocol in ("SSL", "SASL_SSL")

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        # A setting the protocol ignores is a misconfiguration that would otherwise only show
        # as a refused connection (or, worse, as credentials silently not used).
        password = self.sasl_password.get_secret_value() if self.sasl_password else ""
        if self.uses_sasl and not (self.sasl_username and password):
            raise ValueError(
                f"security protocol {self.protocol} needs a SASL username and password"
            )
        if not self.uses_sasl and (self.sasl_username or password):
            raise ValueError(
                f"SASL credentials are set but security protocol {self.protocol} does not use SASL"
            )
        tls_files = (self.ssl_ca_file, self.ssl_cert_file, self.ssl_key_file, self.ssl_key_password)
        if not self.uses_tls and any(tls_files):
            raise ValueError(
                f"TLS files are set but security protocol {self.protocol} does not use TLS"
            )
        if bool(self.ssl_cert_file) != bool(self.ssl_key_file):
            raise ValueError("a client certificate and its key go together")
        if self.ssl_key_password and not self.ssl_key_file:
            raise ValueError("a key password without a key file")
        return self

    def ssl_context(self) -> ssl.SSLContext:
        key_password = self.ssl_key_password.get_secret_value() if self.ssl_key_password else None
        context: ssl.SSLContext = create_ssl_context(
            cafile=self.ssl_ca_file,
            certfile=self.ssl_cert_file,
            keyfile=self.ssl_key_file,
            password=key_password,
        )
        # The certificate chain is still verified; only the name check can be turned off, for
        # brokers reached by an address their certificate does not list.
        context.check_hostname = self.ssl_check_hostname
        return context

    def client_options(self) -> dict[str, Any]:
        """Keyword arguments for AIOKafkaProducer, AIOKafkaConsumer and AIOKafkaAdminClient.

        Files are read here, on each call: a client made after a certificate was renewed (a
        restarted consumer) picks up the new one.
        """
        options: dict[str, Any] = {"security_protocol": self.protocol}
        if self.uses_tls:
            options["ssl_context"] = self.ssl_context()
        if self.uses_sasl:
            assert self.sasl_password is not None  # checked by _consistent
            options["sasl_mechanism"] = self.sasl_mechanism
            # aiokafka takes the SCRAM credentials under the same names as PLAIN's.
            options["sasl_plain_username"] = self.sasl_username
            options["sasl_plain_password"] = self.sasl_password.get_secret_value()
        return options


class ServiceSettings(BaseSettings):
    """Fields every service has. Subclasses set `model_config` with their env prefix."""

    model_config = SettingsConfigDict(extra="ignore")

    service_name: str = "service"
    environment: Environment = "development"
    log_level: str = "INFO"

    http_host: str = "127.0.0.1"
    http_port: int = 8000
    http_max_body_bytes: int = 1024 * 1024
    # Connections that hold a socket without finishing a request are closed (shared/http/
    # server.py): idle after a response, before a request's head is in, before its body is in.
    http_keep_alive_s: int = Field(default=5, ge=1, le=120)
    http_head_timeout_s: float = Field(default=10.0, gt=0, le=120)
    http_body_timeout_s: float = Field(default=30.0, gt=0, le=600)
    # Bearer token for the service's own HTTP API (operators, tests, other tools).
    api_token: SecretStr = dev_secret("api-token")

    db_host: str = "127.0.0.1"
    db_port: int = 15432
    db_name: str = "reviewloop"
    db_user: str = "service"
    db_password: SecretStr = dev_secret("db-password")
    db_pool_min_size: int = 1
    db_pool_max_size: int = 10
    # PostgreSQL's max_parallel_workers_per_gather for this service's sessions; None keeps the
    # server's. Short interactive queries lose more to starting workers than they gain.
    db_parallel_workers: int | None = None

    kafka_bootstrap_servers: str = "127.0.0.1:19092"
    # Prefix for every topic and consumer group: lets tests and several stacks share a broker.
    kafka_topic_prefix: str = ""
    # In production Strimzi (or the operator) owns topics; locally the service creates them.
    kafka_create_topics: bool = True
    kafka_topic_partitions: int | None = None
    # Used only when this service creates topics (kafka_create_topics). Production refuses 1:
    # one broker's disk would then hold the only copy of every event.
    kafka_topic_replication_factor: int = Field(default=1, ge=1, le=16)
    # Topic configs set on creation over the product's own (retention 7 days, dead letters 14,
    # delete cleanup, min.insync.replicas 2 from three replicas; shared/topics.py), as JSON:
    # {"*": {"compression.type": "zstd"}, "reviewloop.orders": {"retention.ms": "1209600000"}}.
    kafka_topic_configs: dict[str, dict[str, str]] = Field(default_factory=dict)
    kafka_max_poll_interval_ms: int = 300_000
    kafka_session_timeout_ms: int = 10_000
    # TLS and SASL towards the brokers (`KafkaSecurity` above), for every client the service
    # makes: producer, consumers, topic admin. PLAINTEXT is the local stack's broker.
    kafka_security_protocol: SecurityProtocol = "PLAINTEXT"
    kafka_sasl_mechanism: SaslMechanism = "SCRAM-SHA-512"
    kafka_sasl_username: str | None = None
    kafka_sasl_password: SecretStr | None = None
    kafka_ssl_ca_file: str | None = None
    kafka_ssl_cert_file: str | None = None
    kafka_ssl_key_file: str | None = None
    kafka_ssl_key_password: SecretStr | None = None
    kafka_ssl_check_hostname: bool = True

    # Test-only fault point: exit the process right after a consumer's database commit and
    # before the Kafka offset commit, to prove the inbox absorbs the redelivery.
    fault_crash_after_db_commit: bool = False

    # Outgoing email (survey invitations, staff alerts); unused by services that send none.
    smtp_host: str = "127.0.0.1"
    smtp_port: int = 2525
    smtp_username: str | None = None
    smtp_password: SecretStr | None = None
    smtp_starttls: bool = False
    smtp_tls: bool = False
    smtp_ca_file: str | None = None
    smtp_timeout_s: float = 20.0
    # The SMTP sessions this service holds open towards its relay across all its replicas
    # (shared/email/session_slots.py); unset: each replica opens as many as its lanes.
    smtp_max_sessions: int | None = Field(default=None, ge=1, le=1000)

    # Tracing (shared/tracing.py; docs/operations.md, "Observability"). "none" sets nothing up
    # and makes no network call; "otlp" sends OTLP over HTTP to otel_endpoint; "console" prints
    # spans to stdout; "file" appends them as JSON lines to otel_file_path (tests, debugging).
    otel_exporter: Literal["none", "otlp", "console", "file"] = "none"
    otel_endpoint: str = "http://127.0.0.1:4318/v1/traces"
    otel_file_path: str | None = None
    # Share of the traces this service starts that are recorded; a trace that arrives from
    # another service (HTTP or Kafka headers) keeps that service's decision.
    otel_sample_ratio: float = Field(default=1.0, ge=0.0, le=1.0)

    # Outgoing HTTP to URLs that shops, staff or operators configure (webhooks, reply
    # connectors, platform API roots; shared/http/outbound.py). Loopback, private, link-local
    # and other non-public addresses are refused unless this is true; unset means true in
    # development only, so tests and production must ask for it.
    outbound_allow_private_networks: bool | None = None
    # CIDR ranges reachable even so (JSON list in the environment), e.g. an internal relay.
    outbound_allowed_networks: list[str] = Field(default_factory=list)

    @field_validator("outbound_allowed_networks")
    @classmethod
    def _networks(cls, value: list[str]) -> list[str]:
        for network in value:
            ipaddress.ip_network(network, strict=False)
        return value

    @property
    def allows_private_networks(self) -> bool:
        if self.outbound_allow_private_networks is None:
            return self.environment == "development"
        return self.outbound_allow_private_networks

    @property
    def smtp_server(self) -> SmtpServer:
        return SmtpServer(
            host=self.smtp_host,
            port=self.smtp_port,
            username=self.smtp_username,
            password=self.smtp_password.get_secret_value() if self.smtp_password else None,
            starttls=self.smtp_starttls,
            tls=self.smtp_tls,
            ca_file=self.smtp_ca_file,
            timeout_s=self.smtp_timeout_s,
        )

    @property
    def kafka_security(self) -> KafkaSecurity:
        return KafkaSecurity(
            protocol=self.kafka_security_protocol,
            sasl_mechanism=self.kafka_sasl_mechanism,
            sasl_username=self.kafka_sasl_username,
            sasl_password=self.kafka_sasl_password,
            ssl_ca_file=self.kafka_ssl_ca_file,
            ssl_cert_file=self.kafka_ssl_cert_file,
            ssl_key_file=self.kafka_ssl_key_file,
            ssl_key_password=self.kafka_ssl_key_password,
            ssl_check_hostname=self.kafka_ssl_check_hostname,
        )

    @property
    def db_dsn(self) -> str:
        password = self.db_password.get_secret_value()
        return (
            f"postgresql://{self.db_user}:{password}@{self.db_host}:{self.db_port}/{self.db_name}"
        )

    @property
    def db_schema(self) -> str:
        return self.service_name

    @model_validator(mode="after")
    def _kafka_security_consistent(self) -> Self:
        # At start, in every environment: a half-configured TLS or SASL setup would otherwise
        # surface only as connection errors in the background loops.
        try:
            self.kafka_security  # noqa: B018
        except ValidationError as exc:
            raise ValueError(
                "kafka: " + exc.errors()[0]["msg"].removeprefix("Value error, ")
            ) from None
        return self

    @model_validator(mode="before")
    @classmethod
    def _standard_otel_variables(cls, data: Any) -> Any:
        """OpenTelemetry's standard variables (OTEL_TRACES_EXPORTER, OTEL_EXPORTER_OTLP_ENDPOINT,
        OTEL_TRACES_SAMPLER(_ARG), OTEL_SDK_DISABLED), which a cluster may set for every
        workload (the OpenTelemetry Operator's injection); the service's own <PREFIX>OTEL_*
        win."""
        if not isinstance(data, dict):
            return data
        return standard_otel_settings(os.environ) | data

    @field_validator("kafka_topic_configs")
    @classmethod
    def _known_topics(cls, value: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
        # The exact names are checked where topics are created (shared/kafka/admin.py): this
        # module imports nothing of the product.
        unknown = sorted(k for k in value if k != "*" and not k.startswith("reviewloop."))
        if unknown:
            raise ValueError(
                f"unknown topics {unknown}: use a topic's name without prefix "
                "(reviewloop.orders, reviewloop.orders.dlq, ...) or * for every topic"
            )
        return value

    @model_validator(mode="after")
    def _refuse_dev_secrets_outside_development(self) -> Self:
        if self.environment in ("development", "test"):
            return self
        offending = [
            name
            for name, value in self
            if isinstance(value, SecretStr) and DEV_SECRET_MARKER in value.get_secret_value()
        ]
        if offending:
            raise ValueError(
                f"{self.environment} refuses development default secrets for: "
                + ", ".join(sorted(offending))
            )
        if self.fault_crash_after_db_commit:
            raise ValueError("fault injection is only allowed in development and test")
        return self

    @model_validator(mode="after")
    def _replicated_topics_in_production(self) -> Self:
        if (
            self.environment == "production"
            and self.kafka_create_topics
            and self.kafka_topic_replication_factor < 2
        ):
            prefix = str(self.model_config.get("env_prefix", ""))
            raise ValueError(
                "production refuses to create topics with one replica: set "
                f"{prefix}KAFKA_TOPIC_REPLICATION_FACTOR (3 on a cluster of three brokers), or "
                f"{prefix}KAFKA_CREATE_TOPICS=false where the topics are managed (Strimzi "
                "KafkaTopic, a managed Kafka's console)"
            )
        return self
