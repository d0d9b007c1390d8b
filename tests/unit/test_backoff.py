"""The one doubling rule (shared/backoff.py) every retry in the product waits by."""

from datetime import UTC, datetime, timedelta

import pytest

from shared.backoff import DURABLE, Backoff


def test_durable_retries_wait_30_s_then_double_up_to_an_hour() -> None:
    waits = [DURABLE.delay(n) for n in (0, 1, 2, 3, 4, 7, 8, 1000)]
    assert waits == [
        timedelta(seconds=30),
        timedelta(seconds=30),
        timedelta(minutes=1),
        timedelta(minutes=2),
        timedelta(minutes=4),
        timedelta(minutes=32),
        timedelta(hours=1),
        timedelta(hours=1),
    ]


def test_next_attempt_is_now_plus_the_delay() -> None:
    now = datetime(2026, 1, 1, tzinfo=UTC)
    minutes = Backoff(first_s=60, cap_s=3600)
    assert minutes.next_attempt(now, 3) == now + timedelta(minutes=4)


def test_without_a_cap_the_wait_keeps_doubling() -> None:
    assert [Backoff(0.2).seconds(n) for n in (1, 2, 3)] == [0.2, 0.4, 0.8]
    assert Backoff(0.2).seconds(10**6) < float("inf")


def test_in_process_waits_double_to_the_cap_and_start_over_after_a_success() -> None:
    waits = Backoff(first_s=0.5, cap_s=30.0).waits()
    assert [waits.next() for _ in range(8)] == [0.5, 1, 2, 4, 8, 16, 30, 30]
    waits.reset()
    assert waits.next() == 0.5


def test_jitter_shortens_a_wait_by_at_most_its_share() -> None:
    backoff = Backoff(first_s=10, cap_s=100, jitter=0.2)
    assert backoff.seconds(2, rand=lambda: 0.0) == 20
    assert backoff.seconds(2, rand=lambda: 0.999999) == pytest.approx(16, abs=1e-4)
    assert all(16 <= backoff.seconds(2) <= 20 for _ in range(100))


@pytest.mark.parametrize("fields", [{"first_s": -1}, {"first_s": 1, "jitter": 1.0}])
def test_a_backoff_that_makes_no_sense_is_refused(fields: dict[str, float]) -> None:
    with pytest.raises(ValueError, match="not a backoff"):
        Backoff(**fields)
