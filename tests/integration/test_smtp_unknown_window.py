"""The SMTP "unknown" window (the server stored the message, the connection dropped before its
"250"), against the real fault SMTP sink: customer emails are at most once, staff notifications
at least once (tests/integration/test_notifier.py has the alert side)."""

from collections.abc import AsyncIterator, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from shared.events import OrderDelivered
from tests.faults.smtp import FaultySmtp
from tests.support.services import free_port
from tests.support.survey import T0, SurveyHarness, placed, running_survey, unique_email

pytestmark = pytest.mark.integration

SHOP = "tea-shop"


class StoredThenDropped:
    """The fault sink's per-connection dice, loaded: every transaction is stored, then the
    connection closes without the "250"."""

    def choice(self, phases: tuple[str, ...]) -> str:
        return "data_stored"


@pytest.fixture
def sink(tmp_path: Path) -> Iterator[FaultySmtp]:
    server = FaultySmtp(free_port(), tmp_path / "maildir")
    server.random = StoredThenDropped()  # type: ignore[assignment]
    server.start()
    yield server
    server.stop()


@pytest.fixture
async def survey(infra: Any, make_settings: Any, sink: FaultySmtp) -> AsyncIterator[SurveyHarness]:
    async with running_survey(infra, make_settings, SHOP, smtp_port=sink.port) as harness:
        yield harness


async def test_a_survey_email_in_the_unknown_window_is_never_sent_again(
    survey: SurveyHarness, sink: FaultySmtp
) -> None:
    email = unique_email()
    await survey.feed(placed(SHOP, "o-window", email))
    await survey.feed(
        OrderDelivered(
            shop_id=SHOP, payload={"order_id": "o-window", "delivered_at": T0 + timedelta(days=1)}
        )
    )
    survey.clock.advance(days=30)
    sink.set_mode("drop")
    await survey.dispatcher().run_once()
    assert [m.recipient for m in sink.messages()] == [email]
    status, _ = await survey.status_of(SHOP, "o-window")
    assert status == "unknown"
    sink.set_mode("ok")
    for _ in range(3):
        survey.clock.advance(days=1)
        await survey.dispatcher().run_once()
    assert [m.recipient for m in sink.messages()] == [email]
