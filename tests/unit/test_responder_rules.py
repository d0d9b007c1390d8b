"""Case workflow, SLA states, cursors, tokens, rate limits and settings of the responder."""

from datetime import UTC, datetime, timedelta

import jwt
import pytest
from pydantic import SecretStr, ValidationError

from services.responder.access import tokens
from services.responder.access.principal import Principal
from services.responder.access.ratelimit import TokenBuckets
from services.responder.cases.workflow import (
    NEXT,
    STATUSES,
    IllegalTransition,
    check,
    needs_case,
)
from services.responder.reviews.query import (
    InvalidCursor,
    decode_cursor,
    encode_cursor,
    sla_state,
)
from services.responder.settings import ResponderSettings
from shared.events import CaseFollowUpRequested, parse_event, serialize_event

NOW = datetime(2026, 11, 17, 9, 0, tzinfo=UTC)
LEGAL = {
    ("new", "in_progress"),
    ("new", "replied"),
    ("in_progress", "replied"),
    ("replied", "contacted"),
    ("replied", "resolved"),
    ("contacted", "resolved"),
    ("resolved", "followed_up"),
}


@pytest.mark.parametrize("current", STATUSES)
@pytest.mark.parametrize("wanted", STATUSES)
def test_workflow_allows_exactly_the_documented_steps(current: str, wanted: str) -> None:
    if (current, wanted) in LEGAL:
        check(current, wanted)  # type: ignore[arg-type]
    else:
        with pytest.raises(IllegalTransition, match=f"'{current}' cannot move to '{wanted}'"):
            check(current, wanted)  # type: ignore[arg-type]


def test_workflow_table_and_which_reviews_get_a_case() -> None:
    assert {(a, b) for a, nexts in NEXT.items() for b in nexts} == LEGAL
    assert needs_case("negative", "low", False)
    assert needs_case("neutral", "high", False)
    assert needs_case("positive", "low", True)
    assert not needs_case("positive", "medium", False)


def test_sla_states() -> None:
    soon = timedelta(hours=4)
    assert sla_state(NOW - timedelta(minutes=1), None, NOW, soon) == "overdue"
    assert sla_state(NOW + timedelta(hours=3), None, NOW, soon) == "due_soon"
    assert sla_state(NOW + timedelta(hours=5), None, NOW, soon) == "ok"
    assert sla_state(NOW - timedelta(days=1), NOW - timedelta(days=2), NOW, soon) == "ok"


def test_cursors_round_trip_and_refuse_tampering() -> None:
    row = {"urgency": 0, "sla_due_at": NOW, "review_id": "t:1", "created_at": NOW}
    assert decode_cursor("urgency", encode_cursor("urgency", row)) == (0, NOW, "t:1")
    assert decode_cursor("newest", encode_cursor("newest", row)) == (NOW, "t:1")
    with pytest.raises(InvalidCursor, match="another sort order"):
        decode_cursor("newest", encode_cursor("urgency", row))
    for bad in ("garbage", "e30", "W10", encode_cursor("urgency", row)[:-3]):
        with pytest.raises(InvalidCursor):
            decode_cursor("urgency", bad)


CONFIG = tokens.TokenConfig("a-secret-that-is-at-least-32-bytes!", "iss", "aud", 600)


def test_tokens_verify_by_the_service_clock_and_refuse_forgeries() -> None:
    token, ttl = tokens.issue(CONFIG, 42, 7, NOW)
    assert ttl == 600 and tokens.verify(CONFIG, token, NOW + timedelta(minutes=9)) == 42
    with pytest.raises(tokens.InvalidToken, match="expired"):
        tokens.verify(CONFIG, token, NOW + timedelta(minutes=11))
    other = tokens.TokenConfig("another-secret-of-at-least-32-bytes", "iss", "aud", 600)
    with pytest.raises(tokens.InvalidToken):
        tokens.verify(other, token, NOW)
    wrong_audience = tokens.TokenConfig(CONFIG.secret, "iss", "someone-else", 600)
    with pytest.raises(tokens.InvalidToken):
        tokens.verify(wrong_audience, token, NOW)
    claims = {"sub": "42", "iss": "iss", "aud": "aud", "iat": 0, "exp": 2**40}
    unsigned = jwt.encode(claims, None, algorithm="none")  # type: ignore[arg-type]
    with pytest.raises(tokens.InvalidToken):
        tokens.verify(CONFIG, unsigned, NOW)
    not_a_user = jwt.encode({**claims, "sub": "admin"}, CONFIG.secret, algorithm="HS256")
    with pytest.raises(tokens.InvalidToken, match="not a user"):
        tokens.verify(CONFIG, not_a_user, NOW)


def test_api_keys_are_random_and_only_their_hash_is_kept() -> None:
    first, second = tokens.new_api_key(), tokens.new_api_key()
    assert first.key != second.key and first.key.startswith("rlk_") and len(first.key) > 40
    assert first.key_hash == tokens.hash_key(first.key) and first.key not in first.key_hash
    assert first.key.startswith(first.prefix) and len(first.prefix) < 12


def test_token_buckets_refill_and_are_per_key() -> None:
    now = [0.0]
    buckets = TokenBuckets(per_minute=60, burst=2, clock=lambda: now[0], max_keys=2)
    assert [buckets.take("a") for _ in range(3)] == [0.0, 0.0, 1.0]
    assert buckets.take("b") == 0.0
    now[0] = 1.0
    assert buckets.take("a") == 0.0
    buckets.take("c")  # the oldest key is forgotten past max_keys
    assert len(buckets._buckets) == 2


def test_principal_scope() -> None:
    agent = Principal(1, "a", "agent", frozenset({"s1"}), "api_key", "key:1")
    bootstrap = Principal(None, "bootstrap", "admin", None, "bootstrap", "bootstrap")
    assert agent.can_access("s1") and not agent.can_access("s2") and agent.actor == "user:1"
    assert not agent.at_least("manager") and bootstrap.at_least("admin")
    assert bootstrap.can_access("anything") and bootstrap.scope() is None
    assert agent.covers(["s1"]) and not agent.covers(["s1", "s2"])


def test_production_refuses_the_development_bootstrap_key_and_jwt_secret() -> None:
    real = {
        "db_password": SecretStr("real"),
        "api_token": SecretStr("real"),
        # The console's calls to the other services (services/responder/console/peers.py).
        "ingest_admin_token": SecretStr("real"),
        "survey_api_token": SecretStr("real"),
        "notifier_api_token": SecretStr("real"),
        "kafka_create_topics": False,
    }
    with pytest.raises(ValidationError, match="bootstrap_admin_key") as exc:
        ResponderSettings(environment="production", **real)
    assert "jwt_secret" in str(exc.value)
    ok = ResponderSettings(
        environment="production",
        bootstrap_admin_key=SecretStr(""),
        jwt_secret=SecretStr("x" * 40),
        **real,
    )
    assert ok.bootstrap_admin_key.get_secret_value() == ""
    # The development default is long enough for HS256 (PyJWT warns below 32 bytes).
    assert len(ResponderSettings().jwt_secret.get_secret_value()) >= 32


def test_follow_up_event_is_in_the_catalogue() -> None:
    event = CaseFollowUpRequested(
        shop_id="s1",
        payload={
            "case_id": 1,
            "case_key": "order:1001",
            "review_id": "t:1",
            "review_ids": ["t:1", "g:2"],
            "order_id": "1001",
            "language": "de",
            "resolved_at": NOW,
        },
    )
    parsed = parse_event(serialize_event(event))
    assert parsed == event and event.partition_key() == "s1:t:1"
    assert event.topic.name == "reviewloop.replies"
