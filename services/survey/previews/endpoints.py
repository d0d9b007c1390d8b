"""Previews and test copies of the survey's customer emails (bearer token)."""

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query, status

from services.survey.deps import SurveySettingsDep
from services.survey.previews import service
from services.survey.previews.schemas import (
    REFUNDED,
    EmailPreview,
    Language,
    TestSendIn,
    TestSent,
)
from shared.email import test_copies
from shared.http.auth import ApiToken
from shared.http.deps import ClockDep, PoolDep
from shared.http.params import ShopIdPath

router = APIRouter(prefix="/v1/shops/{shop_id}/emails", tags=["surveys"])

# A plain string, so an unknown kind is a 404 naming the kinds there are.
KindPath = Annotated[str, Path(max_length=40, description="invitation, reminder or follow_up.")]
LanguageQuery = Annotated[
    Language | None,
    Query(description="en, de, sl, lv or ro; the shop's locale if left out."),
]


@router.get("/{kind}/preview", response_model=EmailPreview)
async def preview(
    shop_id: ShopIdPath,
    kind: KindPath,
    pool: PoolDep,
    settings: SurveySettingsDep,
    now: ClockDep,
    _: ApiToken,
    language: LanguageQuery = None,
    refunded: Annotated[bool, Query(description=REFUNDED)] = False,
) -> EmailPreview:
    """The email as a customer of the shop would get it now (its name, contact as Reply-To,
    branding and reminder settings), built from a made-up order: never a real one. Its links
    lead nowhere. A shop the survey has not heard of gets the defaults."""
    try:
        return await service.preview(pool, settings, shop_id, kind, language, now, refunded)
    except service.UnknownKind as exc:
        raise HTTPException(status.HTTP_404_NOT_FOUND, str(exc)) from None


@router.post(
    "/{kind}/test",
    response_model=TestSent,
    responses={
        409: {"description": "The address is on the shop's suppression list."},
        429: {"description": "The shop's test copies for this hour are sent; `Retry-After`."},
        502: {"description": "The mail server did not take the test copy; `detail` says why."},
    },
)
async def send_test(
    shop_id: ShopIdPath,
    kind: KindPath,
    body: TestSendIn,
    pool: PoolDep,
    settings: SurveySettingsDep,
    now: ClockDep,
    _: ApiToken,
) -> TestSent:
    """One copy of the preview to `to`, its subject marked `[TEST]`, sent through the
    survey's mail server at once; no order, survey, suppression or cooldown row is touched.
    Only for shops the registry announced (404 otherwise)."""
    try:
        return await service.send_test(
            pool, settings, shop_id, kind, str(body.to), body.language, now, body.refunded
        )
    except (service.UnknownKind, service.UnknownShop) as exc:
        raise HTTPException(status.HTTP_404_NOT_FOUND, str(exc)) from None
    except service.Suppressed as exc:
        raise HTTPException(status.HTTP_409_CONFLICT, str(exc)) from None
    except test_copies.TooManyTests as exc:
        raise HTTPException(
            status.HTTP_429_TOO_MANY_REQUESTS,
            f"at most {settings.test_sends_per_hour} test copies per shop and hour",
            headers={"Retry-After": str(exc.retry_after)},
        ) from None
    except test_copies.NotSent as exc:
        raise HTTPException(status.HTTP_502_BAD_GATEWAY, str(exc)) from None
