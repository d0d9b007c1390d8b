"""Settings of the ingest service (environment variables prefixed INGEST_)."""

from pydantic import SecretStr
from pydantic_settings import SettingsConfigDict

from shared.settings import ServiceSettings, dev_secret


class IngestSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="INGEST_", extra="ignore")

    service_name: str = "ingest"
    http_port: int = 8001
    db_user: str = "ingest"
    db_password: SecretStr = dev_secret("ingest-db-password")
