"""The rules of a shop's responder settings and reply connectors; every change is audited,
and a connector set or removed is announced (`shop.connector.changed`) for the registry's
readiness checklist."""

import base64
import secrets
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from pydantic import SecretStr, TypeAdapter

from services.responder.access.principal import Principal
from services.responder.replies.library import FAQ_TYPES, NEGATIVE_TOPICS, SAFETY
from services.responder.settings import ResponderSettings
from services.responder.shops import repository as shops
from services.responder.shops.config import MOVED, SUPPORTED_LANGUAGES, ShopSettings
from services.responder.shops.connections import ConnectionIn
from services.responder.shops.repository import PlatformConnection
from services.responder.shops.schemas import (
    Connection,
    Connector,
    ConnectorIn,
    ConnectorSet,
    Platform,
    Shop,
)
from services.responder.unit_of_work import unit_of_work
from shared.db.pool import Pool
from shared.db.unit_of_work import UnitOfWork
from shared.events.shops import ConnectorPlatform, ShopConnectorChanged
from shared.http import merge_patch, outbound, versioned
from shared.settings_changes import ownership


class Refused(Exception):
    """Input the rules refuse (422); the message says why."""


class ConnectionNotFound(Exception):
    pass


_CONNECTION: TypeAdapter[Connection] = TypeAdapter(Connection)


def _public(link: PlatformConnection) -> Connection:
    return _CONNECTION.validate_python(link.public())


async def list_shops(pool: Pool, principal: Principal) -> list[Shop]:
    """The caller's shops, with what `shop.updated` told about them so far."""
    async with pool.acquire() as conn:
        known = {s.shop_id: s for s in await shops.list_known(conn, principal.scope())}
    ids = principal.scope() or sorted(known)
    return [
        Shop(**known[i].facts()) if i in known else Shop(shop_id=i, connector_configured=False)
        for i in ids
    ]


async def get_settings(pool: Pool, shop_id: str) -> tuple[ShopSettings, int]:
    """The settings and their version (the `ETag`)."""
    async with pool.acquire() as conn:
        shop = await shops.get(conn, shop_id)
    return shop.settings, shop.settings_version


# The keys drafting looks up (drafting.values_for): a remedy per negative topic, the safety
# reply's and "default"; an answer per question type; each optionally ":<language>".
REMEDY_KEYS = frozenset({*NEGATIVE_TOPICS, SAFETY, "default"})
FAQ_KEYS = frozenset({*FAQ_TYPES, "other"})


def unknown_keys(before: ShopSettings, after: ShopSettings) -> str | None:
    """Why a changed remedy or FAQ answer can never be used, or None. Keys stored before this
    check stand (only the ones a change adds or rewrites are checked)."""
    for name, table, old, allowed in (
        ("remedies", after.remedies, before.remedies, REMEDY_KEYS),
        ("faq_answers", after.faq_answers, before.faq_answers, FAQ_KEYS),
    ):
        for key, value in table.items():
            if old.get(key) == value:
                continue
            base, _, language = key.partition(":")
            if base not in allowed or (language and language not in SUPPORTED_LANGUAGES):
                return (
                    f"{name}: unknown key {key!r}; one of {', '.join(sorted(allowed))}, "
                    f"optionally ':<language>' ({', '.join(SUPPORTED_LANGUAGES)})"
                )
    return None


async def patch_settings(
    pool: Pool,
    principal: Principal,
    shop_id: str,
    patch: dict[str, Any],
    now: datetime,
    if_match: str | None = None,
) -> tuple[ShopSettings, int]:
    """The new settings and their new version. Raises ownership's OwnedElsewhere and
    StaleVersion (nothing changes), or Refused."""
    ownership.refuse_foreign(shop_id, patch, MOVED)
    async with unit_of_work(pool, actor=principal.actor, at=now) as uow:
        await shops.lock_settings(uow.conn, shop_id)
        shop = await shops.get(uow.conn, shop_id)
        if not versioned.matches(if_match, shop.settings_version):
            raise ownership.StaleVersion(shop.settings_version)
        before = shop.settings
        body = merge_patch.apply(before, patch)
        unknown = unknown_keys(before, body)
        if unknown:
            raise Refused(unknown)
        refused = sorted(set(body.automation.sentiments) - {"positive"})
        if refused:
            raise Refused(
                f"automatic replies are only for positive reviews and FAQ questions; {refused} "
                "reviews always wait for a person"
            )
        version = await shops.put_settings(uow.conn, shop_id, body)
        await uow.audit(
            "shop.settings_updated", "shop", shop_id, shop_id=shop_id, before=before, after=body
        )
    return body, version


async def get_connector(pool: Pool, shop_id: str) -> Connector:
    async with pool.acquire() as conn:
        shop = await shops.get(conn, shop_id)
        connections = await shops.connections(conn, shop_id)
    return Connector(
        url=shop.connector_url,
        configured=shop.connector_url is not None,
        platforms={name: _public(link) for name, link in connections.items()},
    )


async def set_connector(
    pool: Pool,
    principal: Principal,
    settings: ResponderSettings,
    shop_id: str,
    body: ConnectorIn,
    now: datetime,
) -> ConnectorSet:
    """A new signing secret each time, shown only in this answer."""
    url = str(body.url)
    refused = await outbound.policy_of(settings).refusal(url)
    if refused:
        raise Refused(f"url: {refused}")
    secret = "whsec_" + base64.b64encode(secrets.token_bytes(24)).decode()
    async with unit_of_work(pool, actor=principal.actor, at=now) as uow:
        before = await shops.get(uow.conn, shop_id)
        await shops.set_connector(uow.conn, shop_id, url, secret)
        await uow.audit(
            "shop.connector_updated",
            "shop",
            shop_id,
            shop_id=shop_id,
            before={"url": before.connector_url},
            after={"url": url, "secret_rotated": True},
        )
        await _announce(uow, shop_id, "webhook", True, now)
    return ConnectorSet(url=url, configured=True, signing_secret=secret)


def tls_refusal(environment: str, base_url: str) -> str | None:
    """The token travels with every call: plain http only where nothing real is at stake."""
    if environment in ("development", "test") or urlsplit(base_url).scheme == "https":
        return None
    return "base_url: must be https (the access token is sent with every call)"


def _reveal(token: SecretStr | None) -> str | None:
    return token.get_secret_value() if token is not None else None


async def put_connection(
    pool: Pool,
    principal: Principal,
    settings: ResponderSettings,
    shop_id: str,
    platform: Platform,
    body: ConnectionIn,
    now: datetime,
) -> Connection:
    """The token is stored and never shown again; without one, the stored one is kept."""
    refused = tls_refusal(settings.environment, body.base_url)
    if refused:
        raise Refused(refused)
    unsafe = await outbound.policy_of(settings).refusal(body.base_url)
    if unsafe:
        raise Refused(f"base_url: {unsafe}")
    token = _reveal(body.access_token)
    async with unit_of_work(pool, actor=principal.actor, at=now) as uow:
        before = (await shops.connections(uow.conn, shop_id)).get(platform)
        after = await shops.put_connection(
            uow.conn, shop_id, platform, body.base_url, body.ids(), token, now
        )
        if after is None:
            raise Refused(f"access_token: required for a new {platform} connection")
        await _audit_connection(
            uow,
            shop_id,
            before.public() if before else None,
            {**after.public(), "access_token_replaced": token is not None},
        )
        await _announce(uow, shop_id, platform, True, now)
    return _public(after)


async def delete_connection(
    pool: Pool, principal: Principal, shop_id: str, platform: Platform, now: datetime
) -> None:
    """The platform's reviews go back to the signed webhook (if there is one)."""
    async with unit_of_work(pool, actor=principal.actor, at=now) as uow:
        gone = await shops.delete_connection(uow.conn, shop_id, platform)
        if gone is None:
            raise ConnectionNotFound(f"{platform} connection")
        await _audit_connection(uow, shop_id, gone.public(), None)
        await _announce(uow, shop_id, platform, False, now)


async def announce_connectors(uow: UnitOfWork, shop_id: str, at: datetime) -> None:
    """Every reply connector's state, answered to each profile the registry announces: a
    registry that missed a change (connectors set before it listened, a lost copy) catches up
    with `reviewloop shops announce`."""
    shop = await shops.get(uow.conn, shop_id)
    linked = await shops.connections(uow.conn, shop_id)
    await _announce(uow, shop_id, "webhook", shop.connector_url is not None, at)
    for platform in ("trustpilot", "google"):
        await _announce(uow, shop_id, platform, platform in linked, at)


async def _announce(
    uow: UnitOfWork, shop_id: str, platform: ConnectorPlatform, connected: bool, at: datetime
) -> None:
    """In the change's own transaction (the outbox): announced if and only if it happened."""
    await uow.emit(
        ShopConnectorChanged(
            shop_id=shop_id,
            occurred_at=at,
            payload={"platform": platform, "connected": connected},
        )
    )


async def _audit_connection(
    uow: UnitOfWork, shop_id: str, before: dict[str, Any] | None, after: dict[str, Any] | None
) -> None:
    action = "shop.platform_connection_updated" if after else "shop.platform_connection_removed"
    await uow.audit(action, "shop", shop_id, shop_id=shop_id, before=before, after=after)
