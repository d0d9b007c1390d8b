"""The JSON-lines review import (reading, recognising, refusing lines) and how a backfilled
review is told apart downstream."""

import io
import json
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from services.ingest.reviews.backfill import Line, parse_line, read_lines
from services.ingest.reviews.sources import recognise
from services.ingest.webhooks.adapters.base import PayloadError
from services.notifier.notifications.sla import escalation_start, overdue_backfill
from shared.events import parse_event, serialize_event
from shared.events.reviews import ReviewClassified
from shared.events.shops import Sla
from tests.support.platforms import fixture

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
GOOGLE = {
    "reviewId": "g-1",
    "starRating": "TWO",
    "comment": "Slow",
    "createTime": "2025-01-02T10:00:00Z",
}
GENERIC = {
    "type": "review.created",
    "data": {"review_id": "x-1", "rating": 5, "text": "Fine", "created_at": "2025-02-01T08:00:00Z"},
}


def line(payload: object, number: int = 1) -> Line:
    return Line(number, json.dumps(payload).encode() + b"\n")


def test_lines_are_numbered_and_an_overlong_one_is_skipped_without_losing_the_next() -> None:
    data = b'{"a": 1}\n\n' + b"x" * 50 + b"\n" + b'{"b": 2}'
    lines = list(read_lines(io.BytesIO(data), limit=20))
    assert [(n.number, n.too_long) for n in lines] == [
        (1, False),
        (2, False),
        (3, True),
        (4, False),
    ]
    assert lines[3].data == b'{"b": 2}'
    # A line of exactly the limit (plus its newline) is not too long.
    (exact,) = read_lines(io.BytesIO(b"y" * 20 + b"\n"), limit=20)
    assert not exact.too_long


def test_each_line_is_read_in_its_own_format_and_marked_as_backfill() -> None:
    tp = parse_line(line(fixture("trustpilot", "service-review-created")), "auto", NOW)
    g = parse_line(line(GOOGLE), "auto", NOW)
    x = parse_line(line(GENERIC), "auto", NOW)
    assert [f.review_id for f in tp + g + x] == [
        "trustpilot:53bffd360000640002975387",
        "google:g-1",
        "generic:x-1",
    ]
    assert all(f.backfill for f in tp + g + x)
    assert g[0].created_at == datetime(2025, 1, 2, 10, tzinfo=UTC)
    assert recognise({"reviews": [GOOGLE]}) == "google"
    assert recognise({"eventType": "NEW_REVIEW", "review": GOOGLE}) == "google"
    assert recognise([GOOGLE]) is None


@pytest.mark.parametrize(
    ("data", "source", "reason"),
    [
        (b"{broken\n", "auto", "not valid JSON"),
        (b'"\xff"\n', "auto", "not valid JSON"),
        (json.dumps({"id": 1}).encode(), "auto", "not a review in a known format"),
        # An explicit source is held to: a Google review is not read as generic.
        (json.dumps(GOOGLE).encode(), "generic", "review webhook"),
        (json.dumps({**GOOGLE, "starRating": "SIX"}).encode(), "auto", "starRating"),
    ],
)
def test_lines_that_cannot_be_mapped_are_refused_with_the_reason(
    data: bytes, source: str, reason: str
) -> None:
    with pytest.raises(PayloadError, match=reason):
        parse_line(Line(7, data), source, NOW)


def test_a_past_review_without_a_date_is_refused_rather_than_passed_off_as_new() -> None:
    payload = fixture("trustpilot", "service-review-created")
    del payload["events"][0]["eventData"]["createdAt"]
    with pytest.raises(PayloadError, match="no creation date"):
        parse_line(line(payload), "trustpilot", NOW)
    # A deletion needs no date.
    deleted = {"eventType": "DELETED_REVIEW", "review": {"reviewId": "g-1"}}
    (fact,) = parse_line(line(deleted), "auto", NOW)
    assert fact.operation == "delete" and fact.backfill


def test_an_overlong_line_is_refused() -> None:
    with pytest.raises(PayloadError, match="longer than"):
        parse_line(Line(3, b"", too_long=True), "auto", NOW)


def classified(backfill: bool) -> ReviewClassified:
    return ReviewClassified(
        shop_id="s",
        payload={
            "review_id": "google:g-1",
            "source": "google",
            "source_review_id": "g-1",
            "case_key": "review:google:g-1",
            "revision": 1,
            "rating": 2,
            "verified": False,
            "created_at": NOW,
            "updated_at": NOW,
            "backfill": backfill,
            "classification": {
                "model_version": "t",
                "language": "en",
                "language_confidence": 1,
                "sentiment": "negative",
                "sentiment_confidence": 1,
                "star_text_mismatch": False,
                "severity": "low",
                "removal_candidate": False,
            },
        },
    )


def test_the_backfill_flag_is_on_the_wire_only_when_set() -> None:
    live, past = classified(False), classified(True)
    assert b"backfill" not in serialize_event(live)
    assert b'"backfill":true' in serialize_event(past)
    assert parse_event(serialize_event(live)) == live
    assert parse_event(serialize_event(past)) == past


def test_only_a_backfilled_review_past_its_deadline_is_overdue_on_arrival() -> None:
    cfg = Sla(hours=24)
    tz = ZoneInfo("Europe/Ljubljana")
    old, recent = NOW - timedelta(days=30), NOW - timedelta(hours=2)
    assert overdue_backfill(True, old, NOW, cfg, tz)
    assert not overdue_backfill(True, recent, NOW, cfg, tz)
    # A live review is news whatever its date.
    assert not overdue_backfill(False, old, NOW, cfg, tz)
    # Counted in business hours: Friday 16:00 plus 24 working hours is still open on Monday.
    hours = Sla(hours=24, business_hours_only=True)
    friday = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)  # 16:00 in Ljubljana
    monday = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
    assert not overdue_backfill(True, friday, monday, hours, tz)
    assert overdue_backfill(True, friday, monday + timedelta(days=3), hours, tz)
    # A live review's escalations count from its writing, or from its arrival when that came
    # after its deadline (an old review edited on its platform).
    assert escalation_start(recent, NOW, cfg, tz) == recent
    assert escalation_start(old, NOW, cfg, tz) == NOW
    assert escalation_start(friday, monday, hours, tz) == friday
