"""`GET /v1/audit`: the change log of the caller's shops, newest first."""

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from services.responder.access.deps import Manager, ensure_shop
from services.responder.audit import repository as audit
from services.responder.web import pool_of
from shared.events.envelope import SHOP_ID_PATTERN

router = APIRouter(prefix="/v1", tags=["audit"])


@router.get("/audit")
async def audit_log(
    request: Request,
    principal: Manager,
    shop_id: Annotated[str | None, Query(pattern=SHOP_ID_PATTERN)] = None,
    before: Annotated[
        int | None, Query(ge=1, le=2**62, description="entries older than id")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> list[dict[str, Any]]:
    """One shop's entries, or (without shop_id) those of all the caller's shops. Changes to
    users and keys belong to no shop: only the bootstrap key sees them here."""
    shops = [ensure_shop(principal, shop_id)] if shop_id else principal.scope()
    async with pool_of(request).acquire() as conn:
        return await audit.for_shops(conn, shops, before, limit)
