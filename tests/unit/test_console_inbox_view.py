"""The inbox's pure parts: the filter form's values, the API filter they make, links that change
one filter, and the SLA countdown in words."""

from datetime import UTC, datetime, timedelta

import pytest

from services.responder.console.inbox import view

NOW = datetime(2026, 11, 17, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("due", "expected"),
    [
        (NOW + timedelta(hours=3, minutes=10), ("inbox.due_in", 3, "h")),
        (NOW - timedelta(hours=2), ("inbox.overdue_by", 2, "h")),
        (NOW + timedelta(minutes=12), ("inbox.due_in", 12, "min")),
        (NOW + timedelta(seconds=5), ("inbox.due_in", 1, "min")),
        (NOW, ("inbox.overdue_by", 1, "min")),
        (NOW + timedelta(minutes=59, seconds=50), ("inbox.due_in", 1, "h")),
        (NOW + timedelta(hours=47), ("inbox.due_in", 47, "h")),
        (NOW - timedelta(days=3, hours=5), ("inbox.overdue_by", 3, "d")),
    ],
)
def test_countdown_in_words(due: datetime, expected: tuple[str, int, str]) -> None:
    c = view.countdown(due, NOW)
    assert (c.key, c.amount, c.unit) == expected


def test_the_form_maps_to_the_api_filter() -> None:
    q = view.parse(
        {"state": "unanswered", "sentiment": "negative", "mismatch": "yes", "language": "DE "}
    )
    f = view.review_filter(q, "shop-a", NOW)
    assert f.answered is False and f.sentiments == ["negative"] and f.mismatch is True
    assert f.languages == ["de"] and f.statuses == [] and f.sort == "urgency"
    assert view.review_filter(view.parse({"state": "no_case"}), "s", NOW).statuses == ["none"]
    assert view.review_filter(view.parse({"state": "resolved"}), "s", NOW).statuses == ["resolved"]
    assert view.review_filter(view.parse({"removal": "no"}), "s", NOW).removal_candidate is False


@pytest.mark.parametrize(
    "query",
    [{"sentiment": "furious"}, {"state": "lost"}, {"assigned": "-1"}, {"q": "x" * 201}],
)
def test_values_the_form_never_sends_are_refused(query: dict[str, str]) -> None:
    with pytest.raises(view.BadFilter):
        view.parse(query)


def test_links_change_one_filter_and_keep_the_others() -> None:
    q = view.parse({"shop_id": "shop-a", "sentiment": "negative", "cursor": "abc"})
    assert q.params(cursor="", sla="overdue") == "shop_id=shop-a&sentiment=negative&sla=overdue"
    assert q.filtered and not view.InboxQuery(shop_id="x", cursor="y").filtered
    by = {"language": {"de": 2, "en": 1}, "topic": {}}
    facets = dict((key, values) for key, _, values in view.facets(q, by))
    assert facets["language"][0] == (
        "de", "DE", "/console/inbox?shop_id=shop-a&sentiment=negative&language=de"
    )  # fmt: skip
    assert "topic" not in facets  # none found: not listed
    assert ("none", "inbox.state_no_case", "/console/inbox?shop_id=shop-a&sentiment=negative"
            "&state=no_case") in facets["status"]  # fmt: skip


def test_excerpt_is_one_line_and_bounded() -> None:
    assert view.excerpt("a\n\n b  c") == "a b c"
    assert view.excerpt("word " * 100, 20).endswith("…")
    assert len(view.excerpt("word " * 100, 20)) <= 20
    assert view.excerpt(None) == ""
