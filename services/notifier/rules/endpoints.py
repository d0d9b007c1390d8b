"""A shop's alert rules (bearer token)."""

from fastapi import APIRouter, HTTPException, Response, status

from services.notifier.rules import service
from services.notifier.rules.schemas import RuleIn, RuleOut
from shared.http import outbound
from shared.http.auth import ApiToken
from shared.http.deps import PoolDep, SettingsDep
from shared.http.params import ShopIdPath

router = APIRouter(prefix="/v1/shops/{shop_id}", tags=["notifications"])


@router.get("/rules", response_model=list[RuleOut])
async def list_rules(shop_id: ShopIdPath, pool: PoolDep, _: ApiToken) -> list[RuleOut]:
    return await service.list_rules(pool, shop_id)


@router.post("/rules", status_code=status.HTTP_201_CREATED, response_model=RuleOut)
async def create_rule(
    shop_id: ShopIdPath, body: RuleIn, pool: PoolDep, settings: SettingsDep, _: ApiToken
) -> RuleOut:
    try:
        return await service.create_rule(pool, outbound.policy_of(settings), shop_id, body)
    except service.BadRule as exc:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, str(exc)) from None


@router.delete("/rules/{rule_id}", status_code=status.HTTP_204_NO_CONTENT, response_class=Response)
async def delete_rule(shop_id: ShopIdPath, rule_id: int, pool: PoolDep, _: ApiToken) -> None:
    try:
        await service.delete_rule(pool, shop_id, rule_id)
    except service.NoSuchRule:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "no such rule") from None
