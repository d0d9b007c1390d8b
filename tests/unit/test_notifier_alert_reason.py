"""An alert about stars and text that disagree says why (issue #21): a 5-star review alerted as
negative is otherwise a puzzle to the person who opens the mail."""

from datetime import UTC, datetime

from services.notifier.notifications.content import alert, mismatch_reason
from shared.events.reviews import ReviewClassifiedPayload
from tests.support.responder import classified

NOW = datetime(2026, 12, 7, 9, tzinfo=UTC)
REASON = (
    "5 stars but negative text (1.00 to the shop head); treated as negative until a person looks"
)
EXPLANATIONS = ["language en (0.99, words)", f"mismatch: {REASON}", "text negative (shop head)"]


def _review(mismatch: bool, explanations: list[str]) -> ReviewClassifiedPayload:
    review = classified("s1", "r:1", rating=5, mismatch=mismatch).payload
    c = review.classification.model_copy(update={"explanations": explanations})
    return review.model_copy(update={"classification": c})


def test_a_mismatch_alert_gives_the_classifiers_reason() -> None:
    content = alert("Shop", _review(True, EXPLANATIONS), NOW, "https://console.example/r")
    lines = content["text"].splitlines()
    assert "stars and text disagree" in lines[1]
    assert lines[2] == f"Why: {REASON}"
    assert f"Why: {REASON}" in content["html"].replace("&#x27;", "'")


def test_no_reason_line_without_a_mismatch_or_a_reason() -> None:
    for review in (_review(False, EXPLANATIONS), _review(True, ["language en (0.99, words)"])):
        content = alert("Shop", review, NOW, "https://console.example/r")
        assert "Why:" not in content["text"]


def test_the_reason_is_read_from_what_ingest_writes() -> None:
    """The notifier reads ingest's wording (services cannot share code beyond `shared/`): the
    classifier's mismatch explanation is the one it finds."""
    from services.ingest.classification.combine import combine
    from services.ingest.classification.sentiment import TextSentiment

    angry = TextSentiment("negative", 0.95, (0.95, 0.03, 0.02), "en", (), 1.0)
    combined = combine(angry, 5)
    assert combined.mismatch
    reason = mismatch_reason(["language en (0.99)", combined.explanation])
    assert reason is not None and reason.startswith("5 stars but negative text")
