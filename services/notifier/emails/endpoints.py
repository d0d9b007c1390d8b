"""Previews and test copies of the notifier's emails (bearer token)."""

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Path, Query, status

from services.notifier.emails import service
from services.notifier.emails.samples import Language
from services.notifier.emails.schemas import EmailKind, EmailPreview, TestSendIn, TestSent
from services.notifier.settings import NotifierSettings
from shared.email import test_copies
from shared.http.auth import ApiToken
from shared.http.deps import ClockDep, PoolDep, settings_of
from shared.http.params import ShopIdPath

router = APIRouter(prefix="/v1/shops/{shop_id}/emails", tags=["notifications"])

NotifierSettingsDep = Annotated[NotifierSettings, Depends(settings_of(NotifierSettings))]
KindPath = Annotated[EmailKind, Path(description="alert, escalation or digest.")]


@router.get("/{kind}/preview", response_model=EmailPreview)
async def preview(
    shop_id: ShopIdPath,
    kind: KindPath,
    pool: PoolDep,
    settings: NotifierSettingsDep,
    now: ClockDep,
    _: ApiToken,
    language: Annotated[
        Language | None,
        Query(description="The made-up review's language; the shop's locale if left out."),
    ] = None,
) -> EmailPreview:
    """The email as the shop's staff would get it now (the shop's name, SLA and time zone from
    the registry), built from a made-up review: never a real one."""
    return await service.preview(pool, settings, shop_id, kind, language, now)


@router.post(
    "/{kind}/test",
    response_model=TestSent,
    responses={
        429: {"description": "The shop's test copies for this hour are sent; `Retry-After`."},
        502: {"description": "The mail server did not take the test copy; `detail` says why."},
    },
)
async def send_test(
    shop_id: ShopIdPath,
    kind: KindPath,
    body: TestSendIn,
    pool: PoolDep,
    settings: NotifierSettingsDep,
    now: ClockDep,
    _: ApiToken,
) -> TestSent:
    """One copy of the preview to `to`, its subject marked `[TEST]`, sent through the
    notifier's mail server at once; no review or notification is touched."""
    try:
        return await service.send_test(
            pool, settings, shop_id, kind, str(body.to), body.language, now
        )
    except service.UnknownShop as exc:
        raise HTTPException(status.HTTP_404_NOT_FOUND, str(exc)) from None
    except test_copies.TooManyTests as exc:
        raise HTTPException(
            status.HTTP_429_TOO_MANY_REQUESTS,
            f"at most {settings.test_sends_per_hour} test copies per shop and hour",
            headers={"Retry-After": str(exc.retry_after)},
        ) from None
    except test_copies.NotSent as exc:
        raise HTTPException(status.HTTP_502_BAD_GATEWAY, str(exc)) from None
