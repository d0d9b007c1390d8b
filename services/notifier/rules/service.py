"""A shop's alert rules: listing, creating (with a signing secret for webhooks), deleting."""

import base64
import secrets

from services.notifier.rules import repository
from services.notifier.rules.model import Rule
from services.notifier.rules.schemas import RuleIn, RuleOut
from shared.db.pool import Pool
from shared.http.outbound import OutboundPolicy


class BadRule(ValueError):
    """A rule that cannot deliver (no recipients, no or a refused URL): 422 with this reason."""


class NoSuchRule(LookupError):
    pass


def _out(rule: Rule, secret: str | None = None) -> RuleOut:
    if rule.id is None:
        raise ValueError("the built-in default rule is not stored")
    return RuleOut(
        id=rule.id,
        name=rule.name,
        channel=rule.channel,
        recipients=rule.recipients,
        url=rule.url,
        format=rule.format,
        mode=rule.mode,
        filters=rule.filters,
        signing_secret=secret,
    )


async def list_rules(pool: Pool, shop_id: str) -> list[RuleOut]:
    async with pool.acquire() as conn:
        return [_out(r) for r in await repository.list_for_shop(conn, shop_id)]


async def create_rule(pool: Pool, outbound: OutboundPolicy, shop_id: str, body: RuleIn) -> RuleOut:
    """Raises BadRule. A webhook rule's signing secret is in the answer, and only there."""
    if body.channel == "email" and not body.recipients:
        raise BadRule("email rules need recipients")
    if body.channel == "webhook" and body.url is None:
        raise BadRule("webhook rules need a url")
    if body.channel == "webhook" and body.url is not None:
        refused = await outbound.refusal(str(body.url))
        if refused:
            raise BadRule(f"url: {refused}")
    secret = (
        "whsec_" + base64.b64encode(secrets.token_bytes(24)).decode()
        if body.channel == "webhook"
        else None
    )
    rule = Rule(
        id=None,
        shop_id=shop_id,
        name=body.name,
        channel=body.channel,
        recipients=[str(r) for r in body.recipients],
        url=str(body.url) if body.url else None,
        format=body.format,
        secret=secret,
        mode=body.mode,
        filters=body.filters,
    )
    async with pool.acquire() as conn:
        stored = await repository.insert(conn, rule)
    return _out(stored, secret)


async def delete_rule(pool: Pool, shop_id: str, rule_id: int) -> None:
    """Raises NoSuchRule."""
    async with pool.acquire() as conn:
        if not await repository.delete(conn, shop_id, rule_id):
            raise NoSuchRule(rule_id)
