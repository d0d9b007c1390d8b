"""The responder's one consumer: classified reviews, shops, survey answers (NPS), privacy."""

from services.responder.analytics.handlers import on_survey_answered
from services.responder.privacy.handlers import on_customer_redact, on_data_request, on_shop_redact
from services.responder.reviews.handlers import on_classified, on_deleted, on_shop
from shared.kafka.consumer import ConsumerSpec, Handler
from shared.topics import CLASSIFIED, PRIVACY, SHOPS, SURVEYS

HANDLERS: dict[str, Handler] = {
    "review.classified": on_classified,
    "review.deleted": on_deleted,
    "shop.updated": on_shop,
    "survey.answered": on_survey_answered,
    "customer.redact_requested": on_customer_redact,
    "shop.redact_requested": on_shop_redact,
    "customer.data_requested": on_data_request,
}


def consumer() -> ConsumerSpec:
    return ConsumerSpec(
        name="responder.events",
        topics=(CLASSIFIED, SHOPS, SURVEYS, PRIVACY),
        handlers=HANDLERS,
    )
