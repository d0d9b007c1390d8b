"""TLS and SASL for every Kafka client the services and the operator CLI create.

One mapping from settings to aiokafka's keyword arguments, so that a process's producer,
consumers and admin clients can never disagree on how they reach the brokers
(docs/operations.md, "Kafka TLS and SASL").
"""

import ssl
from typing import Any, Literal, Self

from aiokafka.helpers import create_ssl_context
from pydantic import BaseModel, ConfigDict, SecretStr, model_validator

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
