"""All SQL of alert rules."""

from typing import Any

from services.notifier.rules.model import Rule, RuleFilters
from shared.db.pool import Connection

_COLUMNS = "id, shop_id, name, channel, recipients, url, format, secret, mode, filters"


def _rule(row: Any) -> Rule:
    return Rule(
        id=row["id"],
        shop_id=row["shop_id"],
        name=row["name"],
        channel=row["channel"],
        recipients=list(row["recipients"]),
        url=row["url"],
        format=row["format"],
        secret=row["secret"],
        mode=row["mode"],
        filters=RuleFilters.model_validate(row["filters"]),
    )


async def enabled_for_shop(conn: Connection, shop_id: str) -> list[Rule]:
    rows = await conn.fetch(
        f"SELECT {_COLUMNS} FROM rules WHERE shop_id = $1 AND enabled ORDER BY id", shop_id
    )
    return [_rule(r) for r in rows]


async def list_for_shop(conn: Connection, shop_id: str) -> list[Rule]:
    rows = await conn.fetch(f"SELECT {_COLUMNS} FROM rules WHERE shop_id = $1 ORDER BY id", shop_id)
    return [_rule(r) for r in rows]


async def insert(conn: Connection, rule: Rule) -> Rule:
    row = await conn.fetchrow(
        f"""
        INSERT INTO rules (shop_id, name, channel, recipients, url, format, secret, mode, filters)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
        RETURNING {_COLUMNS}
        """,
        rule.shop_id,
        rule.name,
        rule.channel,
        rule.recipients,
        rule.url,
        rule.format,
        rule.secret,
        rule.mode,
        rule.filters.model_dump(mode="json", exclude_none=True),
    )
    return _rule(row)


async def delete(conn: Connection, shop_id: str, rule_id: int) -> bool:
    result: str = await conn.execute(
        "DELETE FROM rules WHERE shop_id = $1 AND id = $2", shop_id, rule_id
    )
    return result.endswith(" 1")


async def get(conn: Connection, shop_id: str, rule_id: int) -> Rule | None:
    row = await conn.fetchrow(
        f"SELECT {_COLUMNS} FROM rules WHERE shop_id = $1 AND id = $2", shop_id, rule_id
    )
    return _rule(row) if row else None
