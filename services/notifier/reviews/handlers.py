"""What becomes of a stored review after it was classified: deleted, replied to (either ends
its reply deadlines), and the survey counts the digests and analytics report."""

from services.notifier.reviews import repository as reviews
from services.notifier.timers import repository as timers
from shared.db.pool import Connection
from shared.events.replies import ReplyPublished
from shared.events.reviews import ReviewDeleted
from shared.events.surveys import SurveyAnswered, SurveyScheduled


async def on_deleted(conn: Connection, event: ReviewDeleted) -> None:
    await reviews.mark_deleted(conn, event.shop_id, event.payload.review_id, event.occurred_at)
    await timers.cancel_for_review(conn, event.shop_id, event.payload.review_id)


async def on_reply(conn: Connection, event: ReplyPublished) -> None:
    p = event.payload
    await reviews.mark_replied(conn, event.shop_id, p.review_id, p.published_at)
    await timers.cancel_for_review(conn, event.shop_id, p.review_id)


async def on_survey_scheduled(conn: Connection, event: SurveyScheduled) -> None:
    await reviews.count_survey(conn, event.shop_id, event.occurred_at, "scheduled")


async def on_survey_answered(conn: Connection, event: SurveyAnswered) -> None:
    await reviews.count_survey(conn, event.shop_id, event.occurred_at, "answered")
