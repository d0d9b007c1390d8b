"""What the setup page reads and changes at the settings' owners: the registry's profile, its
readiness checklist and webhook secret (ingest's admin API), the email previews and test copies
(survey and notifier). The responder's own settings and connectors go through
`services/responder/shops/service.py`, as the API's do.

Every call to ingest that changes something names the staff member (`Reviewloop-Actor:
user:<id>`), so the registry's change log says who; a secret issued here is also written to the
responder's audit log (without the secret)."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from services.responder.access import repository as users
from services.responder.access.principal import Principal
from services.responder.console.peers import Peer, PeerError, call
from services.responder.settings import ResponderSettings
from services.responder.shops import repository as shops
from services.responder.unit_of_work import unit_of_work
from shared.db.pool import Pool
from shared.events.shops import ShopUpdatedPayload

SURVEY_KINDS = ("invitation", "reminder", "follow_up")
NOTIFIER_KINDS = ("alert", "escalation", "digest")
KINDS = SURVEY_KINDS + NOTIFIER_KINDS
LANGUAGES = ("en", "de", "sl", "lv", "ro")
ORDER_PLATFORMS = ("shopify", "woocommerce", "bigcommerce", "ecwid", "standard")
REVIEW_SOURCES = ("trustpilot", "google", "generic")


def owner_of(kind: str) -> Peer | None:
    if kind in SURVEY_KINDS:
        return "survey"
    if kind in NOTIFIER_KINDS:
        return "notifier"
    return None


def _actor(principal: Principal) -> dict[str, str]:
    return {"Reviewloop-Actor": principal.actor}


@dataclass(frozen=True)
class Profile:
    """The registry's answer: the profile and the secrets' state, and its version (ETag)."""

    data: dict[str, Any]
    version: str


class Stale(Exception):
    """412: someone changed the profile since the form was read."""


async def profile(settings: ResponderSettings, shop_id: str) -> Profile:
    r = await call(settings, "ingest", "GET", f"/v1/admin/shops/{shop_id}")
    data: dict[str, Any] = r.json()
    return Profile(data, r.headers.get("etag", f'"{data.get("version", "")}"'))


async def checklist(settings: ResponderSettings, shop_id: str) -> dict[str, Any]:
    r = await call(settings, "ingest", "GET", f"/v1/admin/shops/{shop_id}/setup")
    result: dict[str, Any] = r.json()
    return result


async def patch_profile(
    settings: ResponderSettings,
    principal: Principal,
    shop_id: str,
    patch: dict[str, Any],
    if_match: str,
) -> Profile:
    """Raises Stale (412) or PeerError (the registry's refusal, or unreachable)."""
    try:
        r = await call(
            settings,
            "ingest",
            "PATCH",
            f"/v1/admin/shops/{shop_id}",
            json=patch,
            headers={"If-Match": if_match, **_actor(principal)},
        )
    except PeerError as exc:
        if exc.status == 412:
            raise Stale(exc.detail) from None
        raise
    data: dict[str, Any] = r.json()
    return Profile(data, r.headers.get("etag", ""))


SecretAction = Literal["rotate", "retire"]


async def change_secret(
    pool: Pool,
    settings: ResponderSettings,
    principal: Principal,
    shop_id: str,
    action: SecretAction,
    now: datetime,
) -> dict[str, Any]:
    """The registry's answer (after a rotation: with the new secret, shown once), then the
    audit entry. The call is made outside any transaction (no connection held while ingest
    answers); a refused call writes no entry."""
    if action == "rotate":
        r = await call(
            settings,
            "ingest",
            "POST",
            f"/v1/admin/shops/{shop_id}/secrets/rotate",
            headers=_actor(principal),
        )
    else:
        r = await call(
            settings,
            "ingest",
            "DELETE",
            f"/v1/admin/shops/{shop_id}/secrets/previous",
            headers=_actor(principal),
        )
    answer: dict[str, Any] = r.json()
    async with unit_of_work(pool, actor=principal.actor, at=now) as uow:
        await uow.audit(
            "shop.webhook_secret_rotated" if action == "rotate" else "shop.webhook_secret_retired",
            "shop",
            shop_id,
            shop_id=shop_id,
            before=None,
            after={
                "secret_rotated_at": answer.get("secret_rotated_at"),
                "has_previous_secret": answer.get("has_previous_secret"),
                "shown_in_console": action == "rotate",
            },
        )
    return answer


async def preview(
    settings: ResponderSettings, shop_id: str, kind: str, language: str | None
) -> dict[str, Any]:
    peer = owner_of(kind)
    if peer is None:
        raise LookupError(kind)
    params = {"language": language} if language else None
    r = await call(
        settings, peer, "GET", f"/v1/shops/{shop_id}/emails/{kind}/preview", params=params
    )
    result: dict[str, Any] = r.json()
    return result


async def send_test(
    settings: ResponderSettings,
    principal: Principal,
    shop_id: str,
    kind: str,
    to: str,
    language: str | None,
) -> dict[str, Any]:
    peer = owner_of(kind)
    if peer is None:
        raise LookupError(kind)
    body: dict[str, Any] = {"to": to}
    if language:
        body["language"] = language
    r = await call(
        settings,
        peer,
        "POST",
        f"/v1/shops/{shop_id}/emails/{kind}/test",
        json=body,
        headers=_actor(principal),
    )
    result: dict[str, Any] = r.json()
    return result


async def own_email(pool: Pool, principal: Principal) -> str:
    """Where a test copy goes unless the form says otherwise."""
    if principal.user_id is None:
        return ""
    async with pool.acquire() as conn:
        user = await users.get_user(conn, principal.user_id)
    return (user.email or "") if user else ""


async def stored_profile(pool: Pool, shop_id: str) -> ShopUpdatedPayload | None:
    """The registry's profile as `shop.updated` last told the responder (shown while the
    registry cannot be asked)."""
    async with pool.acquire() as conn:
        return (await shops.get(conn, shop_id)).profile


async def shop_users(pool: Pool, shop_id: str) -> list[users.User]:
    async with pool.acquire() as conn:
        return [u for u in await users.list_users(conn, [shop_id]) if shop_id in u.shop_ids]
