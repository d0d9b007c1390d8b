"""Storing a survey answer and announcing it: one `review.submitted` per rated product
(source survey, verified purchase) and one `survey.answered` with the NPS score."""

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from services.survey.orders.view import OrderView
from services.survey.responses import repository
from services.survey.shops.repository import ShopRow
from services.survey.surveys.repository import SurveyRow
from shared.db.pool import Connection
from shared.events.reviews import ReviewSubmitted, ReviewSubmittedPayload
from shared.events.surveys import SurveyAnswered, SurveyAnsweredPayload
from shared.logging import correlation_id_var
from shared.outbox import repository as outbox

EDIT_WINDOW = timedelta(hours=24)
MAX_TEXT = 2000


class SurveyClosed(Exception):
    pass


@dataclass(frozen=True)
class Answer:
    ratings: dict[str, int]  # product id -> 1..5
    texts: dict[str, str]
    nps: int | None
    comment: str | None


def review_id(public_ref: str, product_id: str) -> str:
    # Stable per survey and product: an edit updates the same review downstream.
    return f"survey-{public_ref}-{product_id}"


async def submit(
    conn: Connection,
    survey: SurveyRow,
    order: OrderView,
    shop: ShopRow,
    answer: Answer,
    language: str,
    now: datetime,
) -> None:
    """Call inside a transaction. Raises SurveyClosed after the edit window."""
    await repository.lock_survey(conn, survey.id)
    previous = await repository.get(conn, survey.id)
    if previous is not None and previous.submitted_at is not None:
        if now - previous.submitted_at > EDIT_WINDOW:
            raise SurveyClosed
    await repository.save(
        conn,
        survey.id,
        answer.nps,
        answer.comment,
        language,
        {pid: (rating, answer.texts.get(pid) or None) for pid, rating in answer.ratings.items()},
        now,
    )
    correlation_id = correlation_id_var.get()
    review_ids = []
    for product_id, rating in answer.ratings.items():
        rid = review_id(survey.public_ref, product_id)
        review_ids.append(rid)
        event = ReviewSubmitted(
            event_id=uuid.uuid4(),
            occurred_at=now,
            shop_id=survey.shop_id,
            payload=ReviewSubmittedPayload(
                review_id=rid,
                source="survey",
                order_id=survey.order_id,
                product_id=product_id,
                rating=rating,
                text=answer.texts.get(product_id) or None,
                language=language,
                verified_purchase=True,
                incentivized=shop.settings.incentive_code is not None,
                submitted_at=now,
            ),
        )
        await outbox.add(conn, event, correlation_id)
    answered = SurveyAnswered(
        occurred_at=now,
        shop_id=survey.shop_id,
        payload=SurveyAnsweredPayload(
            survey_id=survey.id,
            order_id=survey.order_id,
            nps=answer.nps,
            comment=answer.comment,
            language=language,
            review_ids=review_ids,
            answered_at=now,
        ),
    )
    await outbox.add(conn, answered, correlation_id)
