"""Storing a survey answer and announcing it: one `review.submitted` per rated order line
(source survey, verified purchase) and one `survey.answered` with the NPS score."""

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from services.survey.orders.view import OrderView
from services.survey.responses import repository
from services.survey.responses.repository import LineReview
from services.survey.shops.repository import ShopRow
from services.survey.surveys.repository import SurveyRow
from shared.db.pool import Pool
from shared.db.unit_of_work import unit_of_work
from shared.events.reviews import ReviewSubmitted, ReviewSubmittedPayload
from shared.events.surveys import SurveyAnswered, SurveyAnsweredPayload

EDIT_WINDOW = timedelta(hours=24)
MAX_TEXT = 2000


class SurveyClosed(Exception):
    pass


@dataclass(frozen=True)
class Answer:
    reviews: list[LineReview]  # rated order lines, 1..5 stars each
    nps: int | None
    comment: str | None
    # The name the reviewer chose to be shown with their published reviews (None: anonymous).
    reviewer_name: str | None = None


def review_id(public_ref: str, order: OrderView, review: LineReview) -> str:
    """Stable per survey and order line: an edit updates the same review downstream. A
    product's first line keeps the id reviews had when they were keyed by product; a further
    line of the same product (another variant) adds its line number."""
    first = min(i.line for i in order.items if i.product_id == review.product_id)
    if review.line == first:
        return f"survey-{public_ref}-{review.product_id}"
    return f"survey-{public_ref}-{review.product_id}-{review.line}"


async def submit(
    pool: Pool,
    survey: SurveyRow,
    order: OrderView,
    shop: ShopRow,
    answer: Answer,
    language: str,
    now: datetime,
) -> None:
    """Stores the answer and its events in one transaction. Raises SurveyClosed after the
    edit window."""
    async with unit_of_work(pool) as uow:
        await repository.lock_survey(uow.conn, survey.id)
        previous = await repository.get(uow.conn, survey.id)
        if previous is not None and previous.submitted_at is not None:
            if now - previous.submitted_at > EDIT_WINDOW:
                raise SurveyClosed
        await repository.save(
            uow.conn,
            survey.id,
            answer.nps,
            answer.comment,
            answer.reviewer_name,
            language,
            [(r, review_id(survey.public_ref, order, r)) for r in answer.reviews],
            now,
        )
        await uow.emit(*_events(survey, order, shop, answer, language, now))


def _events(
    survey: SurveyRow,
    order: OrderView,
    shop: ShopRow,
    answer: Answer,
    language: str,
    now: datetime,
) -> list[ReviewSubmitted | SurveyAnswered]:
    """One `review.submitted` per rated line, then the `survey.answered` that names them."""
    events: list[ReviewSubmitted | SurveyAnswered] = []
    review_ids = []
    for review in answer.reviews:
        rid = review_id(survey.public_ref, order, review)
        review_ids.append(rid)
        event = ReviewSubmitted(
            event_id=uuid.uuid4(),
            occurred_at=now,
            shop_id=survey.shop_id,
            payload=ReviewSubmittedPayload(
                review_id=rid,
                source="survey",
                order_id=survey.order_id,
                product_id=review.product_id,
                rating=review.rating,
                text=review.text,
                language=language,
                verified_purchase=True,
                reviewer_name=answer.reviewer_name,
                incentivized=shop.settings.incentive_code is not None,
                submitted_at=now,
            ),
        )
        events.append(event)
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
    events.append(answered)
    return events
