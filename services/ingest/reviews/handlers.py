"""Reviews from our own surveys arrive as `review.submitted` on Kafka."""

from services.ingest.reviews.service import store
from services.ingest.reviews.sources.base import ReviewFact
from shared.db.pool import Connection
from shared.events.reviews import ReviewSubmitted
from shared.kafka.consumer import ConsumerSpec
from shared.kafka.handlers import Handlers
from shared.topics import REVIEWS


async def on_review_submitted(conn: Connection, event: ReviewSubmitted) -> None:
    p = event.payload
    fact = ReviewFact(
        source=p.source,
        source_review_id=p.review_id,
        operation="upsert",
        # An edit of the answer is a newer version of the same review.
        updated_at=event.occurred_at,
        created_at=p.submitted_at,
        rating=p.rating,
        title=p.title,
        text=p.text,
        language=p.language,
        reference_id=p.order_id,
        product_id=p.product_id,
        platform_verified=p.verified_purchase,
        # The display name the reviewer chose on the survey page (None: anonymous).
        reviewer_name=p.reviewer_name,
        incentivized=p.incentivized,
    )
    await store(conn, event.shop_id, [fact])


def survey_reviews_consumer() -> ConsumerSpec:
    return ConsumerSpec(
        name="ingest.survey-reviews",
        topics=(REVIEWS,),
        handlers=Handlers().on(ReviewSubmitted, on_review_submitted),
    )
