"""Shop facts from `shop.updated` (the registry's profile, event-carried state), and what a
change of the shop's timing does to the emails still waiting."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from services.survey.follow_ups.handlers import reschedule_follow_ups
from services.survey.settings import SurveySettings
from services.survey.shops import repository as shops
from services.survey.shops.policy import announce
from services.survey.surveys.handlers import reschedule_invitations
from shared.db.pool import Connection
from shared.db.unit_of_work import within
from shared.events.shops import ShopUpdated
from shared.kafka.consumer import ConsumerSpec
from shared.kafka.handlers import Handlers
from shared.shop_facts import repository as shop_facts
from shared.topics import SHOPS


@dataclass(frozen=True)
class Rescheduled:
    invitations: int = 0
    follow_ups: int = 0


async def reschedule(
    conn: Connection,
    settings: SurveySettings,
    shop_id: str,
    now: datetime,
    *,
    invitations: bool = True,
    follow_ups: bool = True,
) -> Rescheduled:
    """The shop's pending emails computed again by the rules that set them, in the caller's
    transaction (with the change that made it necessary)."""
    return Rescheduled(
        await reschedule_invitations(conn, settings, shop_id, now) if invitations else 0,
        await reschedule_follow_ups(conn, shop_id, now) if follow_ups else 0,
    )


def shop_consumer(settings: SurveySettings, clock: Callable[[], datetime]) -> ConsumerSpec:
    async def on_shop_updated(conn: Connection, event: ShopUpdated) -> None:
        applied = await shop_facts.record(conn, event)
        if applied is None:
            return  # older than what is stored: nothing changed
        before, after = applied.before, event.payload
        # Every profile applied announces the review policy again: a shop registered before
        # the announcement existed, or whose copy was lost, is caught up by its next profile
        # (`reviewloop shops announce` sends every profile again).
        shop = await shops.get(conn, event.shop_id)
        await announce(within(conn), event.shop_id, shop.settings, shop.settings_version, clock())
        # The time zone sets the send window's clock; the country decides which zone a customer
        # is in and whether shipping is domestic.
        if before is None or (before.timezone, before.country) != (after.timezone, after.country):
            await reschedule(conn, settings, event.shop_id, clock())

    return ConsumerSpec(
        name="survey.shops", topics=(SHOPS,), handlers=Handlers().on(ShopUpdated, on_shop_updated)
    )
