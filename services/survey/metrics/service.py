"""What the responder's analytics need from surveys: invitation states, response rates by the
category of the order's main item, and NPS in both variants."""

from collections import defaultdict
from dataclasses import asdict
from datetime import datetime, timedelta

from services.survey.metrics import repository
from services.survey.metrics.categories import TYPICAL_RESPONSE_RATES, canonical_category
from services.survey.metrics.nps import nps, preferred_variant
from services.survey.metrics.schemas import CategoryRates, NpsScore, NpsVariants, SurveyMetrics
from services.survey.shops import repository as shops
from shared.db.pool import Pool
from shared.time_bounds import TimeOutOfBounds, query_period

DEFAULT_PERIOD = timedelta(days=30)


class BadPeriod(ValueError):
    """A period that cannot be asked for: 422 with this reason."""


def _rate(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def period(
    since: datetime | None, until: datetime | None, now: datetime
) -> tuple[datetime, datetime]:
    """The period asked for: up to now and 30 days long unless given. Raises BadPeriod."""
    try:
        return query_period(since, until, now, default=DEFAULT_PERIOD)
    except TimeOutOfBounds as exc:
        raise BadPeriod(str(exc)) from None


async def survey_metrics(
    pool: Pool, shop_id: str, since: datetime | None, until: datetime | None, now: datetime
) -> SurveyMetrics:
    """Raises BadPeriod."""
    since, until = period(since, until, now)
    async with pool.acquire() as conn:
        counts = await repository.email_counts(conn, shop_id, since, until)
        per_survey = await repository.sent_and_answered_by_first_item_category(
            conn, shop_id, since, until
        )
        answers = await repository.nps_counts(conn, shop_id, since, until)
        shop = await shops.get(conn, shop_id)
    by_category: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for category, answered in per_survey:
        bucket = by_category[canonical_category(category)]
        bucket[0] += 1
        bucket[1] += int(answered)
    return SurveyMetrics(
        shop_id=shop_id,
        since=since,
        until=until,
        **asdict(counts),
        response_rate=_rate(counts.answered, counts.sent),
        by_category=[
            CategoryRates(
                category=name,
                sent=sent,
                answered=answered,
                response_rate=_rate(answered, sent),
                typical_response_rate=TYPICAL_RESPONSE_RATES.get(name),
            )
            for name, (sent, answered) in sorted(by_category.items())
        ],
        nps=NpsVariants(
            standard=NpsScore(**asdict(nps(answers, "standard"))),
            european=NpsScore(**asdict(nps(answers, "european"))),
            preferred=preferred_variant(shop.country),
        ),
    )
