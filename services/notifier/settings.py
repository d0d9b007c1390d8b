"""Settings of the notifier service (environment variables prefixed NOTIFIER_)."""

from pydantic import SecretStr
from pydantic_settings import SettingsConfigDict

from shared.settings import ServiceSettings, dev_secret


class NotifierSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="NOTIFIER_", extra="ignore")

    service_name: str = "notifier"
    http_port: int = 8003
    db_user: str = "notifier"
    db_password: SecretStr = dev_secret("notifier-db-password")
