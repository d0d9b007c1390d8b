"""SQL the shop's moderation ledger page needs beyond the API's ledger
(`moderation/service.py::ledger`): how many of the shop's reviews each public status holds."""

from shared.db.pool import Connection

STATUSES = ("published", "held", "rejected")


async def status_counts(conn: Connection, shop_id: str) -> dict[str, int]:
    """How many of the shop's survey reviews are published, held and rejected now."""
    rows = await conn.fetch(
        "SELECT status, count(*) AS n FROM public_reviews WHERE shop_id = $1 GROUP BY status",
        shop_id,
    )
    found = dict.fromkeys(STATUSES, 0)
    found.update({r["status"]: int(r["n"]) for r in rows})
    return found
