"""`GET /v1/shops/{shop_id}/products/{product_id}/jsonld`: the product's schema.org JSON-LD, for
a shop that writes it into its product page itself (the widget can embed the same text)."""

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Request, Response

from services.responder.storefront.deps import StorefrontPool, StorefrontSettingsDep
from services.responder.storefront.http import public_response
from services.responder.storefront.structured_data import service
from services.responder.storefront.widget.endpoints import COMMON

router = APIRouter(tags=["storefront"])

LD_JSON = "application/ld+json"
Id = Annotated[str, Path(min_length=1, max_length=255)]


@router.get(
    "/v1/shops/{shop_id}/products/{product_id}/jsonld",
    response_class=Response,
    summary="schema.org Product JSON-LD with the product's rating and newest reviews",
    responses={
        200: {
            "description": "schema.org `Product`; `aggregateRating` and `review` only when the "
            "product has published reviews. `<`, `>` and `&` are JSON escapes (safe inside a "
            '`<script type="application/ld+json">` element).',
            "content": {LD_JSON: {"schema": {"type": "object"}}},
        },
        404: {"description": "No such shop or product, or no name known for the product."},
        **COMMON,
    },
)
async def product_jsonld(
    request: Request,
    shop_id: Id,
    product_id: Id,
    pool: StorefrontPool,
    settings: StorefrontSettingsDep,
) -> Response:
    try:
        text = await service.jsonld(pool, shop_id, product_id)
    except (service.NoSuchShop, service.NoSuchProduct) as refused:
        # The app's error handler answers it: JSON with the reason, never cached.
        raise HTTPException(404, str(refused)) from None
    return public_response(request, settings, text.encode(), LD_JSON)
