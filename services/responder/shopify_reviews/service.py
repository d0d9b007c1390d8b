"""The rules of the Shopify review sync: what a published product review becomes in Shopify
(the standard `product_review` metaobject's fields), its stable handle, the product's global
id, and the shop's Shopify connection (set and removed by managers, audited, the token never
shown again)."""

import hashlib
import json
import re
from datetime import UTC, datetime
from typing import Any

from services.responder.access.principal import Principal
from services.responder.settings import ResponderSettings
from services.responder.shopify_reviews import repository
from services.responder.shopify_reviews.repository import ShopifyConnection
from services.responder.shopify_reviews.schemas import ShopifyConnectionIn, ShopifyConnectionOut
from services.responder.unit_of_work import unit_of_work
from shared.db.pool import Pool
from shared.http import outbound

# What Shopify shows as the review's origin (the definition's required `source` field).
SOURCE = "Reviewloop"
_PRODUCT_GID = "gid://shopify/Product/"
_NUMERIC = re.compile(r"[0-9]{1,20}")


class Refused(Exception):
    """Input the rules refuse (422); the message says why."""


class ConnectionNotFound(Exception):
    pass


def handle(shop_id: str, review_id: str) -> str:
    """The metaobject's handle: the same for the same review, forever (an upsert after a lost
    answer updates the entry it created), and nothing of the review's own id shown in it."""
    digest = hashlib.sha256(f"{shop_id}\x00{review_id}".encode()).hexdigest()[:32]
    return f"reviewloop-{digest}"


def product_gid(product_id: str) -> str | None:
    """Order lines from Shopify carry the product's numeric id; None for anything else (a
    product of another platform cannot be a Shopify product)."""
    if product_id.startswith(_PRODUCT_GID) and _NUMERIC.fullmatch(product_id[len(_PRODUCT_GID) :]):
        return product_id
    if _NUMERIC.fullmatch(product_id):
        return _PRODUCT_GID + product_id
    return None


def _instant(at: datetime) -> str:
    return at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def review_fields(review: dict[str, Any], gid: str) -> list[dict[str, str]]:
    """The metaobject's fields for a published review. Personal data: the display name the
    reviewer chose, nothing else (no customer or order reference, no email)."""
    fields = [
        {
            "key": "rating",
            "value": json.dumps(
                {"value": f"{review['rating']}.0", "scale_min": "1.0", "scale_max": "5.0"},
                separators=(",", ":"),
            ),
        },
        {"key": "submitted_at", "value": _instant(review["submitted_at"])},
        {"key": "source", "value": SOURCE},
        {"key": "product", "value": gid},
        {
            "key": "app_verification_status",
            # Verified means matched to an order of the shop: a buyer.
            "value": "verified_buyer" if review["verified"] else "unverified",
        },
        {"key": "language", "value": review["language"]},
    ]
    optional = {
        "title": review["title"],
        "body": review["body"],
        "author_display_name": review["display_name"],
        "published_at": review["published_at"],
        "merchant_reply": review["reply_text"],
        "merchant_replied_at": review["replied_at"] if review["reply_text"] else None,
    }
    for key, value in optional.items():
        if value is None or value == "":
            continue
        fields.append(
            {"key": key, "value": _instant(value) if isinstance(value, datetime) else value}
        )
    return fields


def fingerprint(value: Any) -> str:
    """What was written, to tell a change from a repeat without keeping the text."""
    raw = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(raw.encode()).hexdigest()


def _public(link: ShopifyConnection, counts: dict[str, int]) -> ShopifyConnectionOut:
    return ShopifyConnectionOut(**link.public(), **counts)


async def get_connection(pool: Pool, shop_id: str) -> ShopifyConnectionOut:
    async with pool.acquire() as conn:
        link = await repository.connection(conn, shop_id)
        if link is None:
            raise ConnectionNotFound("shopify connection")
        return _public(link, await repository.status_counts(conn, shop_id))


async def put_connection(
    pool: Pool,
    principal: Principal,
    settings: ResponderSettings,
    shop_id: str,
    body: ShopifyConnectionIn,
    now: datetime,
) -> ShopifyConnectionOut:
    base_url = body.base_url or f"https://{body.shop_domain}"
    if settings.environment not in ("development", "test") and not base_url.startswith("https:"):
        raise Refused("base_url: must be https (the access token is sent with every call)")
    unsafe = await outbound.policy_of(settings).refusal(base_url)
    if unsafe:
        raise Refused(f"base_url: {unsafe}")
    token = body.access_token.get_secret_value() if body.access_token is not None else None
    async with unit_of_work(pool, actor=principal.actor, at=now) as uow:
        before = await repository.connection(uow.conn, shop_id)
        after = await repository.put_connection(
            uow.conn, shop_id, body.shop_domain, base_url, body.api_version, token, now
        )
        if after is None:
            raise Refused("access_token: required for a new shopify connection")
        await uow.audit(
            "shop.shopify_connection_updated",
            "shop",
            shop_id,
            shop_id=shop_id,
            before=before.public() if before else None,
            after={**after.public(), "access_token_replaced": token is not None},
        )
        counts = await repository.status_counts(uow.conn, shop_id)
    return _public(after, counts)


async def delete_connection(pool: Pool, principal: Principal, shop_id: str, now: datetime) -> None:
    """The sync stops; what it already wrote stays in the store (the shop removes it there)."""
    async with unit_of_work(pool, actor=principal.actor, at=now) as uow:
        gone = await repository.delete_connection(uow.conn, shop_id)
        if gone is None:
            raise ConnectionNotFound("shopify connection")
        await uow.audit(
            "shop.shopify_connection_removed",
            "shop",
            shop_id,
            shop_id=shop_id,
            before=gone.public(),
            after=None,
        )
