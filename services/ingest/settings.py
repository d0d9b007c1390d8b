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

    # Operator API (shop registry). Separate from api_token: it can read webhook secrets.
    admin_token: SecretStr = dev_secret("admin-token")
    # Raw webhook payloads are kept this long for replay and debugging, then deleted.
    raw_payload_retention_days: int = 14
    # Shops are read on every webhook: cache them in process for this long.
    shop_cache_ttl_s: float = 30.0
