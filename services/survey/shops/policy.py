"""The facts of how this service invites a shop's customers, announced as
`shop.review_policy.changed` for the responder's public disclosure page: the survey owns its
settings, the page states them. Facts only: whether an incentive exists, never its code."""

from datetime import datetime

from services.survey.shops.config import DEFAULT_CATEGORY_DELAYS, SurveyShopSettings
from shared.db.unit_of_work import UnitOfWork
from shared.events.shops import ShopReviewPolicyChanged

# The settings members the announcement is made of: a change of any other one (the brand, the
# send window) leaves the disclosure as it was and announces nothing.
POLICY = frozenset(
    {
        "category_delays_days",
        "default_delay_days",
        "reminder_enabled",
        "reminder_delay_days",
        "consent",
        "incentive_code",
        "refunded_orders",
        "survey_b2b",
        "cooldown_days",
        "max_order_age_days",
    }
)


def review_policy(
    shop_id: str, settings: SurveyShopSettings, version: int, at: datetime
) -> ShopReviewPolicyChanged:
    return ShopReviewPolicyChanged(
        shop_id=shop_id,
        occurred_at=at,
        payload={
            "version": version,
            # The delays that apply: the built-in ones with the shop's own over them.
            "category_delays_days": {**DEFAULT_CATEGORY_DELAYS, **settings.category_delays_days},
            "default_delay_days": settings.default_delay_days,
            "reminder_enabled": settings.reminder_enabled,
            "reminder_delay_days": settings.reminder_delay_days,
            "consent": settings.consent.model_dump(mode="json"),
            "incentive_offered": bool(settings.incentive_code),
            "refunded_orders_surveyed": settings.refunded_orders == "service_survey",
            "b2b_surveyed": settings.survey_b2b,
            "cooldown_days": settings.cooldown_days,
            "max_order_age_days": settings.max_order_age_days,
        },
    )


async def announce(
    uow: UnitOfWork, shop_id: str, settings: SurveyShopSettings, version: int, at: datetime
) -> None:
    """In the caller's transaction (the outbox): announced if and only if it commits."""
    await uow.emit(review_policy(shop_id, settings, version, at))
