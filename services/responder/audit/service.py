"""Reading the audit log: what the caller's role and shops let them see."""

from typing import Any

from services.responder.access.deps import ensure_shop
from services.responder.access.principal import Principal
from services.responder.audit import repository as audit
from shared.db.pool import Pool


async def entries(
    pool: Pool, principal: Principal, shop_id: str | None, before: int | None, limit: int
) -> list[dict[str, Any]]:
    """One shop's entries, or (without shop_id) those of all the caller's shops. Changes to
    users and keys belong to no shop: only the bootstrap key sees them here."""
    shops = [ensure_shop(principal, shop_id)] if shop_id else principal.scope()
    async with pool.acquire() as conn:
        return await audit.for_shops(conn, shops, before, limit)
