"""A shop's Shopify connection for the review sync: where the store's Admin API is and the
access token the sync uses (write-only: never shown again once stored)."""

from collections.abc import Iterator
from contextlib import contextmanager

from fastapi import APIRouter, Response, status

from services.responder.access.deps import Manager, ensure_shop
from services.responder.shopify_reviews import service
from services.responder.shopify_reviews.schemas import ShopifyConnectionIn, ShopifyConnectionOut
from services.responder.web import ResponderSettingsDep, Responses, invalid, not_found
from shared.http.deps import ClockDep, PoolDep
from shared.http.params import ShopIdPath

router = APIRouter(prefix="/v1/shops", tags=["shops"])

_REFUSED: Responses = {
    422: {"description": "Invalid input, or a value the rules refuse; `detail` says why."}
}
_MISSING: Responses = {404: {"description": "The shop has no Shopify connection."}}


@contextmanager
def _answers() -> Iterator[None]:
    """The service's refusals as HTTP answers."""
    try:
        yield
    except service.Refused as exc:
        raise invalid(str(exc)) from None
    except service.ConnectionNotFound as exc:
        raise not_found(str(exc)) from None


@router.get("/{shop_id}/connector/shopify", response_model=ShopifyConnectionOut, responses=_MISSING)
async def get_shopify(
    shop_id: ShopIdPath, pool: PoolDep, principal: Manager
) -> ShopifyConnectionOut:
    """The store the sync writes to, whether the product_review definition is enabled there,
    and how many reviews have a copy or wait for a retry. Never the token."""
    ensure_shop(principal, shop_id)
    with _answers():
        return await service.get_connection(pool, shop_id)


@router.put("/{shop_id}/connector/shopify", response_model=ShopifyConnectionOut, responses=_REFUSED)
async def put_shopify(
    shop_id: ShopIdPath,
    body: ShopifyConnectionIn,
    pool: PoolDep,
    now: ClockDep,
    settings: ResponderSettingsDep,
    principal: Manager,
) -> ShopifyConnectionOut:
    """Published product reviews of this shop are copied into this Shopify store (standard
    product review metaobjects, the product's rating and count). The token is stored and
    never shown again."""
    ensure_shop(principal, shop_id)
    with _answers():
        return await service.put_connection(pool, principal, settings, shop_id, body, now)


@router.delete(
    "/{shop_id}/connector/shopify",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    response_model=None,
    responses=_MISSING,
)
async def delete_shopify(
    shop_id: ShopIdPath, pool: PoolDep, now: ClockDep, principal: Manager
) -> None:
    """The sync stops; what it already wrote stays in the store."""
    ensure_shop(principal, shop_id)
    with _answers():
        await service.delete_connection(pool, principal, shop_id, now)
