"""GET the public reviews of a product or of a shop (JSON, cacheable, CORS-open)."""

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request, Response

from services.responder.storefront.deps import StorefrontPool, StorefrontSettingsDep
from services.responder.storefront.http import JSON, public_response
from services.responder.storefront.reviews import service
from services.responder.storefront.reviews.schemas import (
    DEFAULT_PER_PAGE,
    MAX_PAGE,
    MAX_PER_PAGE,
    ReviewsPage,
    Sort,
)
from services.responder.storefront.widget.texts import base_language

router = APIRouter(tags=["public reviews"])

SortQuery = Annotated[
    Sort, Query(description="newest (default), oldest, highest or lowest rating first.")
]
LanguageQuery = Annotated[
    str | None,
    Query(
        min_length=2,
        max_length=8,
        pattern=r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,4})?$",
        description="Only reviews in this language (ISO 639-1, e.g. `de`; a tag such as "
        "`de-AT` asks for its language).",
    ),
]
PageQuery = Annotated[int, Query(ge=1, le=MAX_PAGE)]
PerPageQuery = Annotated[int, Query(ge=1, le=MAX_PER_PAGE)]

_ERRORS: dict[int | str, dict[str, str]] = {
    404: {"description": "No such shop or product."},
    429: {"description": "Too many requests from this client; retry after `Retry-After`."},
}


async def _answer(
    request: Request,
    pool: StorefrontPool,
    settings: StorefrontSettingsDep,
    shop_id: str,
    product_id: str | None,
    sort: Sort,
    language: str | None,
    page: int,
    per_page: int,
) -> Response:
    try:
        result = await service.reviews_page(
            pool,
            shop_id,
            product_id,
            sort=sort,
            # Reviews carry the language the classifier read (`de`), never a region.
            language=base_language(language),
            page=page,
            per_page=per_page,
        )
    except service.NoSuchShop:
        raise HTTPException(404, "no such shop") from None
    except service.NoSuchProduct:
        raise HTTPException(404, "no such product in this shop") from None
    return public_response(request, settings, result.model_dump_json().encode(), JSON)


@router.get(
    "/v1/shops/{shop_id}/products/{product_id}/reviews",
    response_model=ReviewsPage,
    responses=_ERRORS,
)
async def product_reviews(
    request: Request,
    pool: StorefrontPool,
    settings: StorefrontSettingsDep,
    shop_id: str,
    product_id: str,
    sort: SortQuery = Sort.newest,
    language: LanguageQuery = None,
    page: PageQuery = 1,
    per_page: PerPageQuery = DEFAULT_PER_PAGE,
) -> Response:
    """A product's published reviews: the aggregate (count, mean, stars 1-5) and one page,
    newest first by default."""
    return await _answer(
        request, pool, settings, shop_id, product_id, sort, language, page, per_page
    )


@router.get("/v1/shops/{shop_id}/reviews", response_model=ReviewsPage, responses=_ERRORS)
async def shop_reviews(
    request: Request,
    pool: StorefrontPool,
    settings: StorefrontSettingsDep,
    shop_id: str,
    sort: SortQuery = Sort.newest,
    language: LanguageQuery = None,
    page: PageQuery = 1,
    per_page: PerPageQuery = DEFAULT_PER_PAGE,
) -> Response:
    """The shop's own published reviews (not of a product), same shape."""
    return await _answer(request, pool, settings, shop_id, None, sort, language, page, per_page)
