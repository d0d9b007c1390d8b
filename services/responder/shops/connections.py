"""Bodies of a shop's platform connections: where the platform's API is, the ids its paths
need, and the access token (write-only: never shown again once stored)."""

from typing import Annotated
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, SecretStr

from services.responder.publishing import google, trustpilot


def _base_url(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise ValueError("must be an http(s) URL")
    if parts.query or parts.fragment or parts.username or parts.password:
        raise ValueError("must have no credentials, query or fragment")
    return value.rstrip("/")


# Another root than the platform's (a proxy, a sandbox, a local test server) is allowed on
# purpose; outside development and test it must be https, since every call carries the token.
BaseUrl = Annotated[str, Field(max_length=255), AfterValidator(_base_url)]
# Ids become URL path segments: a conservative alphabet keeps them recognisable ids.
PlatformIdField = Annotated[str, Field(min_length=1, max_length=128, pattern=r"^[A-Za-z0-9_.:-]+$")]
AccessToken = Annotated[
    SecretStr,
    Field(
        min_length=1,
        max_length=4096,
        description="Bearer token for the platform's API. Omit it to keep the stored one.",
    ),
]


class TrustpilotConnectionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    base_url: BaseUrl = trustpilot.DEFAULT_BASE_URL
    business_user_id: PlatformIdField = Field(
        description="The business user replies are posted as (authorBusinessUserId)."
    )
    access_token: AccessToken | None = None

    def ids(self) -> dict[str, str]:
        return {"business_user_id": self.business_user_id}


class GoogleConnectionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    base_url: BaseUrl = google.DEFAULT_BASE_URL
    account_id: PlatformIdField
    location_id: PlatformIdField
    access_token: AccessToken | None = None

    def ids(self) -> dict[str, str]:
        return {"account_id": self.account_id, "location_id": self.location_id}


ConnectionIn = TrustpilotConnectionIn | GoogleConnectionIn
