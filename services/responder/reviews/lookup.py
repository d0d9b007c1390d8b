"""Finding the review a request is about, inside the caller's shops only."""

from typing import Any

from services.responder.access.principal import Principal
from services.responder.reviews import repository as reviews
from shared.db.pool import Connection


class ReviewNotFound(LookupError):
    """No shop of the caller has this review (404), whether or not another shop does."""


class AmbiguousReview(ValueError):
    """Several of the caller's shops have a review with this id (422: pass shop_id)."""


async def review_for(
    conn: Connection, principal: Principal, review_id: str, shop_id: str | None = None
) -> dict[str, Any]:
    if shop_id is not None and not principal.can_access(shop_id):
        raise ReviewNotFound("review")
    found = await reviews.find(conn, principal.scope(), review_id, shop_id)
    if not found:
        raise ReviewNotFound("review")
    if len(found) > 1:
        raise AmbiguousReview("several of your shops have a review with this id: pass shop_id")
    return found[0]
