"""How a shop is doing with its reviews over a period, against the period before it."""

from datetime import UTC, date, datetime, time, timedelta

from services.responder.analytics import repository
from services.responder.analytics.nps import nps, preferred
from services.responder.analytics.schemas import (
    Analytics,
    Cases,
    FirstReply,
    NegativeShare,
    NpsReport,
    Period,
    SurveyResponseRates,
    TopicTrend,
    Week,
    WeeklyAnalytics,
    WeekTopic,
    WithinSla,
)
from services.responder.shops import repository as shops
from shared.db.pool import Pool
from shared.time_bounds import TimeOutOfBounds, query_period

NEGATIVE_SHARE_THRESHOLD = 0.10
MAX_PERIOD = timedelta(days=366)
DEFAULT_PERIOD = timedelta(days=30)
MAX_WEEKS = 52
DEFAULT_WEEKS = 12


class BadPeriod(Exception):
    """A period the report is not made for (422); the message says why."""


def period(
    since: datetime | None, until: datetime | None, now: datetime
) -> tuple[datetime, datetime]:
    """[from, to): by default the 30 days up to now, at most 366 days."""
    try:
        return query_period(since, until, now, default=DEFAULT_PERIOD, longest=MAX_PERIOD)
    except TimeOutOfBounds as exc:
        raise BadPeriod(str(exc)) from None


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _hours(seconds: float | None) -> float | None:
    return None if seconds is None else round(seconds / 3600, 2)


async def report(
    pool: Pool, shop_id: str, since: datetime | None, until: datetime | None, now: datetime
) -> Analytics:
    since, until = period(since, until, now)
    previous = (since - (until - since), since)
    async with pool.acquire() as conn:
        stats = await repository.review_stats(conn, shop_id, since, until, now)
        topics = await repository.topic_counts(conn, shop_id, since, until)
        before = await repository.topic_counts(conn, shop_id, *previous)
        opened, resolved = await repository.case_stats(conn, shop_id, since, until)
        answers = await repository.nps_counts(conn, shop_id, since, until)
        shop = await shops.get(conn, shop_id)
    negative_share = _share(stats.negatives, stats.volume)
    top = sorted(topics.items(), key=lambda kv: (-kv[1], kv[0]))[:10]
    return Analytics(
        shop_id=shop_id,
        since=since,
        until=until,
        volume=stats.volume,
        average_rating=(
            round(stats.average_rating, 2) if stats.average_rating is not None else None
        ),
        rated=stats.rated,
        sentiments=stats.sentiments,
        sentiment_shares={k: _share(v, stats.volume) for k, v in stats.sentiments.items()},
        negative_share=NegativeShare(
            value=negative_share,
            threshold=NEGATIVE_SHARE_THRESHOLD,
            above_threshold=negative_share is not None
            and negative_share > NEGATIVE_SHARE_THRESHOLD,
        ),
        first_reply_to_negatives=FirstReply(
            answered=stats.negatives_answered,
            unanswered=stats.negatives - stats.negatives_answered,
            median_hours=_hours(stats.reply_median_s),
            p90_hours=_hours(stats.reply_p90_s),
        ),
        negatives_within_sla=WithinSla(
            within=stats.negatives_within_sla,
            decided=stats.negatives_due,
            share=_share(stats.negatives_within_sla, stats.negatives_due),
        ),
        top_topics=[
            TopicTrend(
                topic=topic,
                count=count,
                share=_share(count, stats.volume),
                previous_count=before.get(topic, 0),
                change=count - before.get(topic, 0),
            )
            for topic, count in top
        ],
        previous_period=Period(since=previous[0], until=previous[1]),
        cases=Cases(opened=opened, resolved=resolved, resolution_rate=_share(resolved, opened)),
        nps=NpsReport(
            standard=nps(answers, "standard"),
            european=nps(answers, "european"),
            preferred=preferred(shop.country),
        ),
        survey_response_rates=SurveyResponseRates(
            source=f"survey service: GET /v1/shops/{shop_id}/survey-metrics"
        ),
    )


def week_starts(now: datetime, weeks: int) -> list[date]:
    """The Mondays (UTC) of the last `weeks` weeks, oldest first; the last is this week's."""
    today = now.astimezone(UTC).date()
    this_week = today - timedelta(days=today.weekday())
    return [this_week - timedelta(weeks=weeks - 1 - i) for i in range(weeks)]


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time(), tzinfo=UTC)


async def weekly(pool: Pool, shop_id: str, weeks: int, now: datetime) -> WeeklyAnalytics:
    """The shop's figures per UTC week. Counts come from the daily rollups (a week is whole
    days); one more week before the first is read for its topics' week-over-week change."""
    mondays = week_starts(now, weeks)
    first, end = mondays[0], mondays[-1] + timedelta(weeks=1)
    async with pool.acquire() as conn:
        counts = await repository.weekly_review_counts(conn, shop_id, first, end)
        topics = await repository.weekly_topic_counts(
            conn, shop_id, first - timedelta(weeks=1), end
        )
        answers = await repository.weekly_nps_counts(conn, shop_id, first, end)
        replies = await repository.weekly_reply_times(conn, shop_id, first, end, now)
        shop = await shops.get(conn, shop_id)
    series = []
    for monday in mondays:
        volume, negative = counts.get(monday, (0, 0))
        share = _share(negative, volume)
        times = replies.get(monday, repository.ReplyTimes(0, 0, 0, 0, None, None))
        now_topics = topics.get(monday, {})
        before = topics.get(monday - timedelta(weeks=1), {})
        names = sorted(
            set(now_topics) | set(before),
            key=lambda t: (-now_topics.get(t, 0), -before.get(t, 0), t),
        )
        counted = answers.get(monday, {})
        series.append(
            Week(
                since=_midnight(monday),
                until=_midnight(monday + timedelta(weeks=1)),
                volume=volume,
                negative=negative,
                negative_share=share,
                above_threshold=share is not None and share > NEGATIVE_SHARE_THRESHOLD,
                first_reply_to_negatives=FirstReply(
                    answered=times.answered,
                    unanswered=times.negatives - times.answered,
                    median_hours=_hours(times.median_s),
                    p90_hours=_hours(times.p90_s),
                ),
                negatives_within_sla=WithinSla(
                    within=times.within_sla,
                    decided=times.due,
                    share=_share(times.within_sla, times.due),
                ),
                nps={"standard": nps(counted, "standard"), "european": nps(counted, "european")},
                topics=[
                    WeekTopic(
                        topic=t,
                        count=now_topics.get(t, 0),
                        previous_count=before.get(t, 0),
                        change=now_topics.get(t, 0) - before.get(t, 0),
                    )
                    for t in names
                ],
            )
        )
    return WeeklyAnalytics(
        shop_id=shop_id,
        weeks=weeks,
        threshold=NEGATIVE_SHARE_THRESHOLD,
        sla_hours=shop.sla.hours,
        business_hours_only=shop.sla.business_hours_only,
        preferred_nps=preferred(shop.country),
        series=series,
    )
