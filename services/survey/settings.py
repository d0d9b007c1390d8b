"""Settings of the survey service (environment variables prefixed SURVEY_)."""

from pydantic import SecretStr
from pydantic_settings import SettingsConfigDict

from shared.settings import ServiceSettings, dev_secret


class SurveySettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="SURVEY_", extra="ignore")

    service_name: str = "survey"
    http_port: int = 8002
    db_user: str = "survey"
    db_password: SecretStr = dev_secret("survey-db-password")

    # Until delivery and category timing exist, a survey falls due this long after placement.
    fallback_delay_days: int = 14
