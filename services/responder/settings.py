"""Settings of the responder service (environment variables prefixed RESPONDER_)."""

from pydantic import Field, SecretStr
from pydantic_settings import SettingsConfigDict

from shared.settings import ServiceSettings, dev_secret

# HS256 is only as strong as its key: RFC 7518 asks for at least the hash size (32 bytes);
# shorter keys are logged as an error at start.
MIN_JWT_SECRET_BYTES = 32


class ResponderSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="RESPONDER_", extra="ignore")

    service_name: str = "responder"
    http_port: int = 8004
    db_user: str = "responder"
    db_password: SecretStr = dev_secret("responder-db-password")
    # Staff's list and analytics queries are short: on the measured 1,000,000-review database,
    # starting parallel workers cost ~100 ms on a busy machine and saved ~10 (bench/responder).
    db_parallel_workers: int | None = 0

    # Creates the first users (role admin, every shop). Empty disables it: set it for the first
    # setup, create real admins with their own keys, then remove it.
    bootstrap_admin_key: SecretStr = dev_secret("bootstrap-admin-key")
    # Signs and verifies bearer tokens (HS256). Anyone holding it can mint tokens for any user.
    jwt_secret: SecretStr = dev_secret("jwt-secret-responder-hs256")
    jwt_issuer: str = "reviewloop-responder"
    jwt_audience: str = "reviewloop-responder"
    jwt_ttl_s: int = Field(default=3600, ge=60, le=7 * 86_400)

    # Token bucket per user, whichever of their keys or tokens they use, and for the bootstrap
    # key (in-process: per replica).
    rate_limit_per_minute: float = Field(default=600.0, gt=0)
    rate_limit_burst: int = Field(default=120, ge=1)
    # Failed authentications per client address and per API key prefix; past the burst, 429.
    auth_failures_per_minute: float = Field(default=10.0, gt=0)
    auth_failure_burst: int = Field(default=20, ge=1)
    # Active (unrevoked) API keys a user may hold at once.
    max_api_keys_per_user: int = Field(default=10, ge=1, le=1000)

    # Publishing replies through each shop's connector.
    publish_interval_s: float = 0.5
    publish_batch: int = 20
    publish_claim_lease_s: int = 120
    connector_timeout_s: float = 10.0
    connector_max_attempts: int = 8
    # Automatic replies (positive reviews and FAQ questions, where a shop enables them).
    automation_interval_s: float = 5.0
    # Published product reviews copied into connected Shopify stores (shopify_reviews/).
    shopify_sync_interval_s: float = 30.0
    shopify_sync_batch: int = Field(default=100, ge=1, le=1000)

    # The staff web console (/console, docs/console.md).
    # Secure cookies need HTTPS; browsers also accept them from http://localhost and 127.0.0.1.
    console_cookie_secure: bool = True
    # A session ends this long after sign-in, or after this long without a request.
    console_session_ttl_s: int = Field(default=12 * 3600, ge=300, le=30 * 86_400)
    console_idle_timeout_s: int = Field(default=2 * 3600, ge=60, le=30 * 86_400)
    # Failed sign-ins per client address and per email address; past the burst, 429.
    console_login_failures_per_minute: float = Field(default=5.0, gt=0)
    console_login_failure_burst: int = Field(default=10, ge=1)
    # Where staff open the console: one-time sign-in links are made of it (the API hands them
    # to an admin, who has no other way to know the address users reach the service at).
    console_public_url: str = "http://localhost:8004"
    # Other services' HTTP APIs, for what the console shows or edits that they own (the shop
    # profile and readiness checklist, webhook endpoints, email previews and test sends).
    # Empty URL: that part of the setup page says it is not configured.
    ingest_url: str = "http://127.0.0.1:8001"
    ingest_admin_token: SecretStr = dev_secret("admin-token")
    # The address platforms post webhooks to, as shown on the setup page.
    ingest_public_url: str = "http://localhost:8001"
    survey_url: str = "http://127.0.0.1:8002"
    survey_api_token: SecretStr = dev_secret("api-token")
    notifier_url: str = "http://127.0.0.1:8003"
    notifier_api_token: SecretStr = dev_secret("api-token")
