"""NPS answers and the customer's comment from `survey.answered` (an edit within 24 hours
replaces the answer)."""

from services.responder.analytics import repository
from shared.db.pool import Connection
from shared.events.surveys import SurveyAnswered


async def on_survey_answered(conn: Connection, event: SurveyAnswered) -> None:
    p = event.payload
    await repository.record_answer(
        conn, event.shop_id, p.survey_id, p.order_id, p.nps, p.answered_at, p.comment
    )
