"""Surveys as operators see them: listing, and moving one order's send time by hand."""

from dataclasses import asdict
from datetime import datetime

from services.survey.settings import SurveySettings
from services.survey.surveys import repository
from services.survey.surveys.handlers import schedule
from services.survey.surveys.schemas import SurveyOut
from shared.db.pool import Pool


class NoSurvey(LookupError):
    """The order has no survey (yet): 404."""


async def list_surveys(
    pool: Pool, shop_id: str, order_id: str | None, limit: int
) -> list[SurveyOut]:
    rows = await repository.list_for_shop(pool, shop_id, order_id, limit)
    return [SurveyOut(**asdict(r)) for r in rows]


async def override_send_at(
    pool: Pool,
    settings: SurveySettings,
    shop_id: str,
    order_id: str,
    send_at: datetime | None,
    now: datetime,
    outside_window: bool = False,
) -> list[SurveyOut]:
    """Per-order send time (None returns to the computed one), rescheduled at once; with
    `outside_window` the time holds even outside the shop's send window. Raises NoSurvey."""
    async with pool.acquire() as conn, conn.transaction():
        survey = await repository.get_by_order(conn, shop_id, order_id)
        if survey is None:
            raise NoSurvey(order_id)
        await repository.set_override(conn, survey.id, send_at, outside_window)
        await schedule(conn, settings, shop_id, order_id, now)
        # Read before the commit: once it commits, the dispatcher may claim a survey that is
        # now due, and the answer must say what this request did, not what came after it.
        rows = await repository.list_for_shop(conn, shop_id, order_id, 1)
    return [SurveyOut(**asdict(r)) for r in rows]
