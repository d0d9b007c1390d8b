"""Settings of the ingest service (environment variables prefixed INGEST_)."""

from pydantic import Field, SecretStr
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
    # Group commit of webhook deliveries: at most this many in one transaction, and this many
    # transactions in flight per replica (the rest wait for the next batch).
    webhook_batch_max: int = Field(default=100, ge=1, le=1000)
    webhook_commits_in_flight: int = Field(default=2, ge=1, le=32)

    # Fetching thin orders (BigCommerce, Ecwid) from the platform's API.
    fetch_interval_s: float = 2.0
    fetch_batch_size: int = Field(default=20, ge=1, le=1000)
    # Parallel API calls per replica, all shops together...
    fetch_concurrency: int = Field(default=4, ge=1, le=64)
    # ...and to one shop across all replicas (platforms rate-limit per store): each call holds
    # a leased slot in ingest's schema (shared/slots/leases.py).
    fetch_max_per_shop: int = Field(default=4, ge=1, le=64)
    fetch_timeout_s: float = Field(default=5.0, gt=0, le=120)
    # A failed fetch is retried after base * 2^(attempts - 1) seconds, at most retry_max_s...
    fetch_retry_base_s: float = 30.0
    fetch_retry_max_s: float = 3600.0
    # ...until this many attempts; a new webhook for the order starts the count again.
    fetch_max_attempts: int = 12
    # Orders of shops without API credentials are looked at again after this long.
    fetch_without_credentials_delay_s: float = 600.0

    # "fast" (lexicons + linear model, thousands per second) or "embedding" (multilingual
    # embedding model shipped in a PyPI package; optional, slower, better on hard cases).
    classifier: str = "fast"
    classify_interval_s: float = 0.5
    # The second pass (docs/classification.md, "Two passes"): after the first classifier's
    # announcement, this one classifies every review again and announces the final word. Empty
    # turns it off. "embedding" needs the optional package (pip install '.[embedding]').
    second_pass_classifier: str = "embedding"
    # The e5 encoder's BLAS threads (~40 reviews per CPU-second on the bench mix). One by default:
    # with two on a 2-core machine the alert p99 at 100 reviews/s went from 0.47 s to 1.12 s
    # even in the idle scheduling class (docs/classification.md, "Two passes").
    second_pass_threads: int = Field(default=1, ge=1, le=16)
    # A batch is leased (not locked) while e5 reads it in one forward pass and announced when
    # all of it is read: larger batches multiply larger matrices (e5 reads ~2x the reviews per
    # CPU-second at 16 as one at a time), smaller ones announce sooner.
    second_pass_batch_size: int = Field(default=16, ge=1, le=500)
    second_pass_interval_s: float = Field(default=1.0, gt=0, le=3600)
    # Nice value of the second pass's threads: it uses the CPU the fast pass, the webhooks and
    # the alerts leave; 19 also puts them in Linux's idle scheduling class (SCHED_IDLE).
    second_pass_nice: int = Field(default=19, ge=0, le=19)
