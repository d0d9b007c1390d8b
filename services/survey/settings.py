"""Settings of the survey service (environment variables prefixed SURVEY_)."""

from pydantic import Field, SecretStr
from pydantic_settings import SettingsConfigDict

from shared.settings import ServiceSettings, dev_secret


class SurveySettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="SURVEY_", extra="ignore")

    service_name: str = "survey"
    http_port: int = 8002
    db_user: str = "survey"
    db_password: SecretStr = dev_secret("survey-db-password")

    # Domain of the deterministic Message-IDs (one per logical email).
    message_id_domain: str = "reviewloop.local"
    # Public address of this service: links in emails (survey page, unsubscribe) point here.
    public_base_url: str = "http://127.0.0.1:8002"
    # Signs the tokens in links; rotate it and older links stop working.
    token_secret: SecretStr = dev_secret("token-secret")
    token_max_age_days: int = 60
    # Keys the hashes the suppression list keeps instead of addresses (suppressions/). Changing
    # it loses every suppression: the old keys no longer match.
    suppression_pepper: SecretStr = dev_secret("suppression-pepper")
    unsubscribe_token_max_age_days: int = 400

    # Public base URL of the storefront process (services/responder/storefront): the survey page
    # links the shop's review policy there. None: no link (the notice is still shown).
    storefront_public_url: str | None = None

    from_address: str = "surveys@reviewloop.local"
    # Test copies of the customer emails per shop and hour (POST …/emails/{kind}/test).
    test_sends_per_hour: int = Field(default=10, ge=1, le=1000)

    dispatch_interval_s: float = 1.0
    dispatch_batch: int = 100
    # Emails sent at once, each on its own kept SMTP connection. With 8, 100,000 due emails
    # went into a Maildir sink at 325/s (bench/results/survey-20261124T025617Z.json); 4 gave
    # 294/s in quick mode. More lanes only wait for the 2 cores the sink shares.
    dispatch_concurrency: int = 8
    # A claim older than this was left by a dead worker: its email becomes 'unknown'.
    dispatch_claim_lease_s: int = 300
