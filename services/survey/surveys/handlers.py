"""Reactions to order events. Database and outbox only: emails are sent by a worker."""

from datetime import timedelta

from services.survey.settings import SurveySettings
from services.survey.surveys import repository
from shared.db.pool import Connection
from shared.events.catalogue import Event
from shared.events.orders import OrderPlaced
from shared.events.surveys import SurveyScheduled, SurveyScheduledPayload
from shared.kafka.consumer import ConsumerSpec, Handler
from shared.logging import correlation_id_var
from shared.outbox import repository as outbox
from shared.topics import ORDERS


def order_consumer(settings: SurveySettings) -> ConsumerSpec:
    fallback_delay = timedelta(days=settings.fallback_delay_days)

    async def on_order_placed(conn: Connection, event: Event) -> None:
        assert isinstance(event, OrderPlaced)
        p = event.payload
        due_at = p.placed_at + fallback_delay
        survey_id = await repository.insert_pending(
            conn, event.shop_id, p.order_id, p.customer.email, p.placed_at, due_at
        )
        if survey_id is None:
            return
        scheduled = SurveyScheduled(
            shop_id=event.shop_id,
            payload=SurveyScheduledPayload(survey_id=survey_id, order_id=p.order_id, due_at=due_at),
        )
        await outbox.add(conn, scheduled, correlation_id_var.get())

    handlers: dict[str, Handler] = {"order.placed": on_order_placed}
    return ConsumerSpec(name="survey.orders", topics=(ORDERS,), handlers=handlers)
