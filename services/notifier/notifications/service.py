"""What a shop's operators see of its notifications and webhook receivers, and resuming a
receiver that was paused after repeated failures."""

from dataclasses import asdict

from services.notifier.notifications import repository
from services.notifier.notifications.schemas import NotificationOut, ReceiverOut
from shared.db.pool import Pool


async def list_notifications(
    pool: Pool, shop_id: str, limit: int, review_id: str | None = None
) -> list[NotificationOut]:
    async with pool.acquire() as conn:
        rows = await repository.list_for_shop(conn, shop_id, limit, review_id)
    return [
        NotificationOut(
            **asdict(r), reason=repository.NO_RECIPIENT if r.status == "unroutable" else None
        )
        for r in rows
    ]


async def list_receivers(pool: Pool, shop_id: str) -> list[ReceiverOut]:
    async with pool.acquire() as conn:
        rows = await repository.receivers_of(conn, shop_id)
    return [ReceiverOut(**asdict(r)) for r in rows]


async def resume_receiver(pool: Pool, shop_id: str, url: str) -> int:
    """How many paused notifications go out again."""
    async with pool.acquire() as conn:
        return await repository.resume_receiver(conn, shop_id, url)
