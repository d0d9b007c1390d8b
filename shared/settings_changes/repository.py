"""All SQL of the settings audit trail of the services that keep no general audit log (ingest,
survey, notifier): one `settings_changes` row per change, written in the change's own
transaction as a unit of work's audit writer. The responder writes to its `audit_log`."""

import json
from datetime import datetime
from typing import Any

from pydantic import BaseModel

from shared.db.pool import Connection
from shared.db.unit_of_work import AuditEntry
from shared.json_value import Json


class SettingsChange(BaseModel):
    at: datetime
    # The token kind, and the person named in `Reviewloop-Actor` if any: `api-token:ana@…`.
    actor: str
    action: str
    entity: str
    # The settings' version this change made (their `ETag` from then on).
    version: int | None
    # What the change touched, before and after it.
    before: Json
    after: Json


def _jsonable(value: Any) -> Any:
    if value is None:
        return None
    if hasattr(value, "model_dump"):
        value = value.model_dump(mode="json")
    return json.loads(json.dumps(value, default=str))


async def write(conn: Connection, entry: AuditEntry) -> None:
    if entry.shop_id is None:
        raise ValueError("a settings change belongs to a shop")
    version = entry.entity_id if isinstance(entry.entity_id, int) else None
    await conn.execute(
        """
        INSERT INTO settings_changes (shop_id, at, actor, action, entity, version, before, after)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
        """,
        entry.shop_id,
        entry.at,
        entry.actor,
        entry.action,
        entry.entity,
        version,
        _jsonable(entry.before),
        _jsonable(entry.after),
    )


async def for_shop(conn: Connection, shop_id: str, limit: int = 100) -> list[SettingsChange]:
    rows = await conn.fetch(
        """
        SELECT at, actor, action, entity, version, before, after FROM settings_changes
        WHERE shop_id = $1 ORDER BY id DESC LIMIT $2
        """,
        shop_id,
        limit,
    )
    return [SettingsChange(**dict(r)) for r in rows]


async def forget_shop(conn: Connection, shop_id: str) -> None:
    """Shop redaction: the trail holds staff addresses and the shop's contact."""
    await conn.execute("DELETE FROM settings_changes WHERE shop_id = $1", shop_id)
