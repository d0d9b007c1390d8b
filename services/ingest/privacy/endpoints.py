"""`GET /v1/admin/shops/{shop_id}/data-requests/{request_id}`: the assembled answer to a GDPR
data request (admin token)."""

from typing import Any

from fastapi import APIRouter, HTTPException, Request, status

from services.ingest.privacy import repository
from services.ingest.shops.endpoints import AdminToken
from shared.http.params import ShopIdPath
from shared.runtime import Runtime

router = APIRouter(prefix="/v1/admin/shops/{shop_id}/data-requests", tags=["privacy"])

# Services that hold personal data and answer data requests.
EXPECTED_PARTS = ("ingest", "survey", "notifier")


@router.get("/{request_id}")
async def get_data_export(
    shop_id: ShopIdPath, request_id: str, request: Request, _: AdminToken
) -> dict[str, Any]:
    runtime: Runtime = request.app.state.runtime
    async with runtime.db.acquire() as conn:
        export = await repository.get_export(conn, shop_id, request_id)
    if export is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "no such data request")
    missing = [s for s in EXPECTED_PARTS if s not in export["parts"]]
    return {**export, "complete": not missing, "missing_parts": missing}
