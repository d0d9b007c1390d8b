"""Settings of the storefront process (environment variables prefixed STOREFRONT_). It reads the
responder's schema as the responder's database role, in read-only transactions."""

from pydantic import Field, SecretStr
from pydantic_settings import SettingsConfigDict

from shared.settings import ServiceSettings, dev_secret


class StorefrontSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="STOREFRONT_", extra="ignore")

    # The schema it reads is the responder's: migrations, search_path and role are the
    # responder's (it applies the migrations; this process never writes).
    service_name: str = "responder"
    http_port: int = 8005
    db_user: str = "responder"
    db_password: SecretStr = dev_secret("responder-db-password")
    db_parallel_workers: int | None = 0
    # No route of this process takes a bearer token: nothing to configure (production would
    # otherwise refuse to start on the inherited development default).
    api_token: SecretStr = SecretStr("")
    # No Kafka client at all: it creates no topics, whatever the environment.
    kafka_create_topics: bool = False
    # Where shoppers and Google reach this process: links in the widget, the feed's review
    # URLs, the disclosure page.
    public_url: str = "http://localhost:8005"
    # In-process response cache per URL; 0 turns it off (ETag and Cache-Control stay).
    cache_seconds: float = Field(default=10.0, ge=0, le=3600)
    # What browsers and CDNs may keep (Cache-Control: public, max-age=...).
    max_age_s: int = Field(default=60, ge=0, le=86_400)
    # Token bucket per client address (in-process: per replica).
    rate_limit_per_minute: float = Field(default=600.0, gt=0)
    rate_limit_burst: int = Field(default=120, ge=1)
    # Proxies whose X-Forwarded-For names the client (the ingress); empty: the peer address.
    trusted_proxies: list[str] = Field(default_factory=list, max_length=50)
