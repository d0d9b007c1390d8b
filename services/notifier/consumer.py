"""The notifier's one consumer: classified reviews, replies, shops, surveys, privacy."""

from services.notifier.alerts.handlers import on_classified, on_sentiment_corrected
from services.notifier.privacy.handlers import on_customer_redact, on_data_request, on_shop_redact
from services.notifier.reviews.handlers import (
    on_deleted,
    on_reply,
    on_survey_answered,
    on_survey_scheduled,
)
from services.notifier.settings import NotifierSettings
from services.notifier.shops.handlers import on_shop
from shared.events.privacy import (
    CustomerDataRequested,
    CustomerRedactRequested,
    ShopRedactRequested,
)
from shared.events.replies import ReplyPublished, ReviewSentimentCorrected
from shared.events.reviews import ReviewClassified, ReviewDeleted
from shared.events.shops import ShopUpdated
from shared.events.surveys import SurveyAnswered, SurveyScheduled
from shared.kafka.consumer import ConsumerSpec
from shared.kafka.handlers import Handlers
from shared.topics import CLASSIFIED, PRIVACY, REPLIES, SHOPS, SURVEYS


def consumer(settings: NotifierSettings) -> ConsumerSpec:
    handlers = (
        Handlers()
        .on(ReviewClassified, lambda conn, event: on_classified(settings, conn, event))
        .on(ReviewDeleted, on_deleted)
        .on(ReplyPublished, on_reply)
        .on(ReviewSentimentCorrected, on_sentiment_corrected)
        .on(ShopUpdated, on_shop)
        .on(SurveyScheduled, on_survey_scheduled)
        .on(SurveyAnswered, on_survey_answered)
        .on(CustomerRedactRequested, on_customer_redact)
        .on(ShopRedactRequested, on_shop_redact)
        .on(CustomerDataRequested, on_data_request)
    )
    return ConsumerSpec(
        name="notifier.events",
        topics=(CLASSIFIED, REPLIES, SHOPS, SURVEYS, PRIVACY),
        handlers=handlers,
    )
