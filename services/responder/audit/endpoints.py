"""`GET /v1/audit`: the change log of the caller's shops, newest first."""

from typing import Annotated

from fastapi import APIRouter, Query

from services.responder.access.deps import Manager
from services.responder.audit import service
from services.responder.audit.schemas import AuditRecord
from shared.events.envelope import SHOP_ID_PATTERN
from shared.http.deps import PoolDep

router = APIRouter(prefix="/v1", tags=["audit"])


@router.get("/audit", response_model=list[AuditRecord])
async def audit_log(
    pool: PoolDep,
    principal: Manager,
    shop_id: Annotated[str | None, Query(pattern=SHOP_ID_PATTERN)] = None,
    before: Annotated[
        int | None, Query(ge=1, le=2**62, description="entries older than id")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> list[AuditRecord]:
    """One shop's entries, or (without shop_id) those of all the caller's shops. Changes to
    users and keys belong to no shop: only the bootstrap key sees them here."""
    rows = await service.entries(pool, principal, shop_id, before, limit)
    return [AuditRecord.model_validate(r) for r in rows]
