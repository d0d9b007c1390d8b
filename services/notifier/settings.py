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

    # Links in alerts point at the review in the responder's console: the same host as the
    # console's own links (RESPONDER_CONSOLE_PUBLIC_URL), or the browser's session cookie,
    # kept per host, is not sent and a signed-in user is asked to sign in again.
    responder_base_url: str = "http://localhost:8004"
    from_address: str = "alerts@reviewloop.local"
    message_id_domain: str = "reviewloop.local"
    delivery_interval_s: float = 0.5
    delivery_batch: int = 50
    delivery_concurrency: int = 4
    delivery_claim_lease_s: int = 300
    webhook_timeout_s: float = 5.0
    webhook_max_attempts: int = 8
    # A receiver failing this many times in a row is paused until an operator resumes it.
    receiver_pause_after: int = 5
    timer_interval_s: float = 1.0
    # Negative-share and topic-spike alarms are checked this long after a shop's reviews change
    # (at most once per delay per shop), by a worker polling at the interval.
    alarm_check_delay_s: float = 30.0
    alarm_interval_s: float = 5.0
    # Test copies of its emails a shop may send through the API per hour.
    test_sends_per_hour: int = 10
