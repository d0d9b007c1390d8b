"""The public reviews of a product or of a shop: the aggregate over everything published, then
one page in the order asked for (newest first unless the caller sorts by rating)."""

from services.responder.storefront.reviews import repository
from services.responder.storefront.reviews.schemas import (
    MAX_PAGE,
    Aggregate,
    PublicReview,
    Reply,
    ReviewsPage,
    Sort,
)
from shared.db.pool import Pool


class NoSuchShop(Exception):
    pass


class NoSuchProduct(Exception):
    pass


def aggregate_of(stars: dict[int, int]) -> Aggregate:
    count = sum(stars.values())
    mean = round(sum(r * n for r, n in stars.items()) / count, 2) if count else None
    return Aggregate(
        count=count,
        mean=mean,
        distribution={str(r): stars.get(r, 0) for r in range(1, 6)},
    )


async def reviews_page(
    pool: Pool,
    shop_id: str,
    product_id: str | None,
    *,
    sort: Sort,
    language: str | None,
    page: int,
    per_page: int,
) -> ReviewsPage:
    """Raises NoSuchShop / NoSuchProduct when nothing is published and the shop (product) is
    unknown."""
    offset = (page - 1) * per_page
    async with pool.acquire() as conn:
        found = await repository.find(
            conn,
            shop_id,
            product_id,
            sort=sort,
            language=language,
            limit=per_page,
            offset=offset,
        )
        aggregate = aggregate_of(found.stars)
        if aggregate.count == 0:
            if product_id is None and not await repository.shop_exists(conn, shop_id):
                raise NoSuchShop(shop_id)
            if product_id is not None and not await repository.product_exists(
                conn, shop_id, product_id
            ):
                raise NoSuchProduct(product_id)
    total = aggregate.count if found.in_language is None else found.in_language
    rows = found.rows
    reviews = [
        PublicReview(
            id=r["review_id"],
            rating=r["rating"],
            title=r["title"],
            body=r["body"],
            display_name=r["display_name"],
            language=r["language"],
            submitted_at=r["submitted_at"],
            verified=r["verified"],
            verified_by=r["verified_by"],
            incentivized=r["incentivized"],
            reply=(
                Reply(text=r["reply_text"], published_at=r["replied_at"])
                if r["reply_text"] is not None
                else None
            ),
        )
        for r in rows
    ]
    return ReviewsPage(
        shop_id=shop_id,
        product_id=product_id,
        aggregate=aggregate,
        reviews=reviews,
        page=page,
        per_page=per_page,
        total=total,
        next_page=page + 1 if offset + per_page < total and page < MAX_PAGE else None,
    )
