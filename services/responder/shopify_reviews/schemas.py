"""Request and response bodies of a shop's Shopify connection (the review sync's)."""

from datetime import datetime
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, SecretStr

from services.responder.shops.connections import BaseUrl

# Shopify's release names (quarterly): YYYY-MM, or "unstable".
ApiVersion = Annotated[str, Field(pattern=r"^(20[0-9]{2}-(01|04|07|10)|unstable)$")]
DEFAULT_API_VERSION = "2025-07"


def _shop_domain(value: str) -> str:
    return value.lower()


ShopDomain = Annotated[
    str,
    Field(
        max_length=255,
        pattern=r"^[A-Za-z0-9][A-Za-z0-9-]*\.myshopify\.com$",
        description="The store's permanent domain, e.g. teashop.myshopify.com.",
    ),
    AfterValidator(_shop_domain),
]


class ShopifyConnectionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    shop_domain: ShopDomain
    access_token: (
        Annotated[
            SecretStr,
            Field(
                min_length=1,
                max_length=4096,
                description="Admin API access token (X-Shopify-Access-Token). Omit it to keep "
                "the stored one.",
            ),
        ]
        | None
    ) = None
    api_version: ApiVersion = DEFAULT_API_VERSION
    base_url: BaseUrl | None = Field(
        default=None,
        description="Where the Admin API is; https://<shop_domain> when omitted (another root "
        "only for a proxy or a test server).",
    )


class ShopifyConnectionOut(BaseModel):
    shop_domain: str
    base_url: str
    api_version: str
    access_token_set: bool
    definition_enabled: bool = Field(
        description="Whether the store answered standardMetaobjectDefinitionEnable for "
        "product_review (the sync asks at its first pass)."
    )
    updated_at: datetime
    synced: int = Field(description="Reviews with a copy in the store now.")
    retrying: int = Field(
        description="Reviews whose last attempt failed and waits to be tried again."
    )
