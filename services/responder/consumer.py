"""The responder's one consumer: classified reviews, shops, survey answers (NPS), privacy."""

from services.responder.analytics.handlers import on_survey_answered
from services.responder.analytics.repository import folded
from services.responder.privacy.handlers import on_customer_redact, on_data_request, on_shop_redact
from services.responder.reviews.handlers import on_classified, on_deleted, on_shop
from services.responder.shops.handlers import on_review_policy
from shared.events.privacy import (
    CustomerDataRequested,
    CustomerRedactRequested,
    ShopRedactRequested,
)
from shared.events.reviews import ReviewClassified, ReviewDeleted
from shared.events.shops import ShopReviewPolicyChanged, ShopUpdated
from shared.events.surveys import SurveyAnswered
from shared.kafka.consumer import ConsumerSpec
from shared.kafka.handlers import Handlers
from shared.topics import CLASSIFIED, PRIVACY, SHOPS, SURVEYS

HANDLERS = (
    Handlers()
    .on(ReviewClassified, on_classified)
    .on(ReviewDeleted, on_deleted)
    .on(ShopUpdated, on_shop)
    .on(ShopReviewPolicyChanged, on_review_policy)
    .on(SurveyAnswered, on_survey_answered)
    .on(CustomerRedactRequested, on_customer_redact)
    .on(ShopRedactRequested, on_shop_redact)
    .on(CustomerDataRequested, on_data_request)
)


def consumer() -> ConsumerSpec:
    return ConsumerSpec(
        name="responder.events",
        topics=(CLASSIFIED, SHOPS, SURVEYS, PRIVACY),
        handlers=HANDLERS,
        # The analytics rollups of a transaction's reviews and answers are written once per
        # shop and day at its end, not once per record (analytics.repository.folded).
        transaction_scope=folded,
    )
