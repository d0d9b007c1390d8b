"""Settings of the responder service (environment variables prefixed RESPONDER_)."""

from pydantic import SecretStr
from pydantic_settings import SettingsConfigDict

from shared.settings import ServiceSettings, dev_secret


class ResponderSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="RESPONDER_", extra="ignore")

    service_name: str = "responder"
    http_port: int = 8004
    db_user: str = "responder"
    db_password: SecretStr = dev_secret("responder-db-password")
