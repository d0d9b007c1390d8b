"""An attempt that fails in a way nobody foresaw (a bug in an adapter, a receiver's answer that
breaks a parser) is still an attempt, with real PostgreSQL and a real receiver: the publication
goes back to `pending` with the backoff, and fails at the attempt limit, instead of staying
`delivering` until its lease runs out and being sent again forever. The fault is injected by
making the answer's Retry-After reading raise, since every known input is now read safely."""

from datetime import timedelta

import pytest

from services.responder.publishing import transport
from tests.integration.test_responder_platforms import (
    connect,
    manager_of,
    publication,
    queue_reply,
)
from tests.support.receiver import Answer, Receiver
from tests.support.responder import T0, running_responder, shop_event

pytestmark = pytest.mark.integration


def broken(value: str | None, now: object = None) -> float | None:
    raise RuntimeError("a bug")


async def test_an_attempt_that_raises_is_retried_then_failed_at_the_limit(
    make_settings, monkeypatch
) -> None:
    monkeypatch.setattr(transport, "retry_after_seconds", broken)
    async with running_responder(
        make_settings, connector_max_attempts=2, outbound_allow_private_networks=True
    ) as responder:
        await responder.feed(shop_event("s1"))
        with Receiver(status=503) as receiver:
            receiver.script(Answer(503, {"error": "busy"}, {"Retry-After": "5"}))
            async with responder.http() as http:
                manager = await manager_of(http)
                assert (await connect(http, manager, "webhook", receiver)).status_code == 200
                await queue_reply(responder, http, manager, "webhook")

                assert await responder.publish() == 1
                waiting = await publication(http, manager, "webhook")
                assert waiting["status"] == "pending" and waiting["attempts"] == 1
                assert waiting["last_error"] == "unexpected error: RuntimeError"
                # Not before the backoff.
                responder.clock.now = T0 + timedelta(seconds=10)
                assert await responder.publish() == 0
                responder.clock.now = T0 + timedelta(minutes=5)
                assert await responder.publish() == 1
                failed = await publication(http, manager, "webhook")
        assert failed["status"] == "failed" and failed["attempts"] == 2
        assert len(receiver.calls) == 2
