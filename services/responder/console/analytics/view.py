"""What the analytics page shows: the weekly API's figures (analytics.service.weekly) and the
survey service's response rates, drawn as charts with their tables.

The alarm history is the weeks whose negative share is above the 10 % line, computed from the
responder's own reviews. The alarm email is the notifier's decision (services/notifier/alarms:
a trailing window, the shop's own threshold and minimum of reviews); the console does not read
the notifier's tables, and the notifier publishes no event of its alarms."""

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from services.responder.analytics.schemas import Week, WeeklyAnalytics
from services.responder.console.analytics.charts import (
    Chart,
    Reference,
    Series,
    bar_chart,
    line_chart,
    percent,
)
from services.responder.console.peers import PeerError, call
from services.responder.settings import ResponderSettings

Text = Callable[..., str]
TOPICS_IN_CHART = 6


def _number(value: float | int) -> str:
    return f"{value:g}"


@dataclass(frozen=True)
class Labels:
    t: Text

    def tick(self, day: date) -> str:
        return f"{day.day} {self.t(f'analytics.month_{day.month}')}"

    def week(self, week: Week) -> str:
        return week.since.date().isoformat()


def negative_share(data: WeeklyAnalytics, t: Text) -> tuple[Chart, list[str]]:
    labels = Labels(t)
    weeks = data.series
    shares = [w.negative_share for w in weeks]
    above = [w for w in weeks if w.above_threshold]
    latest = weeks[-1].negative_share
    chart = line_chart(
        "chart-negative",
        t("analytics.negative_title"),
        t(
            "analytics.negative_desc",
            above=len(above),
            count=len(weeks),
            latest=t("analytics.no_value") if latest is None else percent(latest),
        ),
        [labels.tick(w.since.date()) for w in weeks],
        [Series(t("analytics.negative_series"), shares, "s0")],
        fmt=percent,
        references=[Reference(data.threshold, t("analytics.threshold"), "threshold")],
        ceiling=1,
        highlight=lambda v: v > data.threshold,
    )
    blank = t("analytics.no_value")
    chart = replace(
        chart,
        headers=[
            t("analytics.week"),
            t("analytics.reviews"),
            t("analytics.negatives"),
            t("analytics.negative_series"),
        ],
        rows=[
            [
                labels.week(w),
                str(w.volume),
                str(w.negative),
                blank if w.negative_share is None else percent(w.negative_share),
            ]
            for w in weeks
        ],
    )
    history = [
        t(
            "analytics.alarm_week",
            week=labels.week(w),
            share=percent(w.negative_share or 0),
            negative=w.negative,
            volume=w.volume,
        )
        for w in reversed(above)
    ]
    return chart, history


def nps(data: WeeklyAnalytics, t: Text) -> Chart:
    labels = Labels(t)
    weeks = data.series
    standard = [w.nps["standard"].score for w in weeks]
    european = [w.nps["european"].score for w in weeks]
    blank = t("analytics.no_value")
    last = weeks[-1].nps
    chart = line_chart(
        "chart-nps",
        t("analytics.nps_title"),
        t(
            "analytics.nps_desc",
            standard=blank if last["standard"].score is None else _number(last["standard"].score),
            european=blank if last["european"].score is None else _number(last["european"].score),
            responses=last["standard"].responses,
            preferred=t(f"analytics.variant_{data.preferred_nps}"),
        ),
        [labels.tick(w.since.date()) for w in weeks],
        [
            Series(t("analytics.nps_standard"), standard, "s0"),
            Series(t("analytics.nps_european"), european, "s1"),
        ],
        fmt=_number,
        references=[Reference(0, t("analytics.nps_zero"), "zero")],
        floor=-100,
        ceiling=100,
        fixed=True,
    )
    return replace(
        chart,
        headers=[t("analytics.week"), *chart.headers[1:], t("analytics.nps_responses")],
        rows=[
            [labels.week(w), *row[1:], str(w.nps["standard"].responses)]
            for w, row in zip(weeks, chart.rows, strict=True)
        ],
    )


def first_reply(data: WeeklyAnalytics, t: Text) -> Chart:
    labels = Labels(t)
    weeks = data.series
    blank = t("analytics.no_value")

    def hours(value: float | int) -> str:
        return t("analytics.hours", hours=_number(value))

    last = weeks[-1].first_reply_to_negatives
    chart = line_chart(
        "chart-reply",
        t("analytics.reply_title"),
        t(
            "analytics.reply_desc",
            sla=data.sla_hours,
            business=t("analytics.reply_business") if data.business_hours_only else "",
            median=blank if last.median_hours is None else hours(last.median_hours),
            p90=blank if last.p90_hours is None else hours(last.p90_hours),
        ),
        [labels.tick(w.since.date()) for w in weeks],
        [
            Series(
                t("analytics.reply_median"),
                [w.first_reply_to_negatives.median_hours for w in weeks],
                "s0",
            ),
            Series(
                t("analytics.reply_p90"),
                [w.first_reply_to_negatives.p90_hours for w in weeks],
                "s1",
            ),
        ],
        fmt=hours,
        references=[
            Reference(data.sla_hours, t("analytics.reply_sla", hours=data.sla_hours), "threshold")
        ],
        highlight=lambda v: v > data.sla_hours,
    )
    return replace(
        chart,
        headers=[
            t("analytics.week"),
            *chart.headers[1:],
            t("analytics.reply_within"),
            t("analytics.reply_unanswered"),
        ],
        rows=[
            [
                labels.week(w),
                *row[1:],
                blank
                if w.negatives_within_sla.share is None
                else f"{percent(w.negatives_within_sla.share)} "
                f"({w.negatives_within_sla.within}/{w.negatives_within_sla.decided})",
                str(w.first_reply_to_negatives.unanswered),
            ]
            for w, row in zip(weeks, chart.rows, strict=True)
        ],
    )


def topics(data: WeeklyAnalytics, t: Text) -> tuple[Chart | None, list[dict[str, Any]]]:
    this_week = data.series[-1].topics
    rows = [
        {
            "topic": x.topic,
            "count": x.count,
            "previous": x.previous_count,
            "change": f"{x.change:+d}" if x.change else "0",
            "direction": "up" if x.change > 0 else "down" if x.change < 0 else "same",
        }
        for x in this_week
    ]
    if not this_week:
        return None, rows
    shown = this_week[:TOPICS_IN_CHART]
    chart = bar_chart(
        "chart-topics",
        t("analytics.topics_title"),
        t(
            "analytics.topics_desc",
            count=len(this_week),
            top=", ".join(f"{x.topic} ({x.count})" for x in shown),
        ),
        [x.topic for x in shown],
        [
            Series(t("analytics.topics_this_week"), [x.count for x in shown], "s0"),
            Series(t("analytics.topics_last_week"), [x.previous_count for x in shown], "s1"),
        ],
        fmt=_number,
        whole=True,
    )
    return chart, rows


async def response_rates(
    settings: ResponderSettings, shop_id: str, data: WeeklyAnalytics, t: Text
) -> dict[str, Any]:
    """The survey service's response rates per category over the same weeks, or its error."""
    since = data.series[0].since
    until = data.series[-1].since + timedelta(weeks=1)
    try:
        r = await call(
            settings,
            "survey",
            "GET",
            f"/v1/shops/{shop_id}/survey-metrics",
            params={"from": since.isoformat(), "to": until.isoformat()},
        )
    except PeerError as exc:
        return {"error": t("analytics.rates_unavailable", error=str(exc)), "chart": None}
    categories = r.json().get("by_category", [])
    if not categories:
        return {"error": None, "chart": None}
    blank = t("analytics.no_value")
    chart = bar_chart(
        "chart-rates",
        t("analytics.rates_title"),
        t("analytics.rates_desc", count=len(categories)),
        [c["category"] for c in categories],
        [
            Series(t("analytics.rates_shop"), [c["response_rate"] for c in categories], "s0"),
            Series(
                t("analytics.rates_typical"),
                [c["typical_response_rate"] for c in categories],
                "s1",
            ),
        ],
        fmt=percent,
        ceiling=1,
    )
    chart = replace(
        chart,
        headers=[
            t("analytics.rates_category"),
            t("analytics.rates_sent"),
            t("analytics.rates_answered"),
            t("analytics.rates_shop"),
            t("analytics.rates_typical"),
        ],
        rows=[
            [
                str(c["category"]),
                str(c["sent"]),
                str(c["answered"]),
                blank if c["response_rate"] is None else percent(c["response_rate"]),
                blank
                if c["typical_response_rate"] is None
                else percent(c["typical_response_rate"]),
            ]
            for c in categories
        ],
    )
    return {"error": None, "chart": chart}
