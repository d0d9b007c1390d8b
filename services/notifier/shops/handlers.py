"""The registry's profile from `shop.updated`: recipients, contact and the SLA the notifier
alerts and escalates by. A changed SLA or time zone moves the escalations still pending, so
they stay due when the responder shows the review due."""

import logging

from services.notifier.notifications.sla import escalation_deadlines
from services.notifier.shops import repository as shops
from services.notifier.timers import repository as timers
from shared.db.pool import Connection
from shared.events.shops import ShopUpdated
from shared.shop_facts import repository as shop_facts

log = logging.getLogger(__name__)


async def on_shop(conn: Connection, event: ShopUpdated) -> None:
    applied = await shop_facts.record(conn, event)
    if applied is None:
        return  # older than what is stored
    before, after = applied.before, event.payload
    # Reviews classified before the first announcement were timed by the default SLA in UTC.
    if before is not None and before.sla == after.sla and before.timezone == after.timezone:
        return
    shop = await shops.get(conn, event.shop_id)
    moved = 0
    for pending in await timers.pending_escalations(conn, event.shop_id):
        first, second = escalation_deadlines(pending.created_at, shop.sla, shop.tz)
        moved += await timers.move(
            conn, pending.timer_id, first if pending.kind == "sla1" else second
        )
    if moved:
        log.info(
            "shop SLA or time zone changed: pending escalations moved",
            extra={"shop_id": event.shop_id, "moved": moved},
        )
