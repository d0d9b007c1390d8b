"""The CLI's own SQL: the status command reads other services' schemas with one connection
each, outside their pools, so it points the connection at the schema itself. The reads are the
services' own repository queries (the relay's backlog, the notifier's unroutable counts)."""

from services.notifier.notifications import repository as notifications
from shared.db.pool import Connection
from shared.outbox import repository as outbox


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


async def use_schema(conn: Connection, schema: str) -> None:
    await conn.execute(f"SET search_path = {_ident(schema)}")


async def outbox_backlog(conn: Connection) -> tuple[int, float]:
    return await outbox.backlog(conn)


async def unroutable_counts(conn: Connection) -> dict[str, int]:
    return dict(await notifications.unroutable_counts(conn))
