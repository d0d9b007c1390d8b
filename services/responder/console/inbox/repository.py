"""All SQL of the inbox's live feed (the list itself is `reviews/repository.py`'s)."""

from shared.db.pool import Connection


async def probe(conn: Connection) -> None:
    """A round trip on the listening connection: a dead one fails here, not silently."""
    await conn.execute("SELECT 1", timeout=5)
