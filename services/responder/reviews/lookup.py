"""Finding the review a request is about, inside the caller's shops only."""

from typing import Any

from services.responder.access.principal import Principal
from services.responder.reviews import repository as reviews
from services.responder.web import invalid, not_found
from shared.db.pool import Connection


async def review_for(
    conn: Connection, principal: Principal, review_id: str, shop_id: str | None = None
) -> dict[str, Any]:
    """404 when no shop of the caller has this review (whether or not another shop does)."""
    if shop_id is not None and not principal.can_access(shop_id):
        raise not_found("review")
    found = await reviews.find(conn, principal.scope(), review_id, shop_id)
    if not found:
        raise not_found("review")
    if len(found) > 1:
        raise invalid("several of your shops have a review with this id: pass shop_id")
    return found[0]
