"""A refused delivery is answered with its reason and logged with it (docs/operations.md,
ReviewloopWebhookRejections: "ingest logs the reason per delivery")."""

import logging

import pytest
from fastapi import HTTPException

from services.ingest.webhooks import inbound
from services.ingest.webhooks.adapters.base import PayloadError


@pytest.mark.parametrize(
    ("raised", "code", "reason"),
    [
        (inbound.UnknownEndpoint(), 404, "unknown webhook endpoint"),
        (inbound.BadSignature(), 401, "invalid signature"),
        (inbound.UnsupportedMediaType(), 415, "expected application/json"),
        (PayloadError("orders/create: line_items: missing"), 422, "line_items: missing"),
    ],
)
def test_a_refusal_is_answered_and_logged_with_its_reason(
    caplog: pytest.LogCaptureFixture, raised: Exception, code: int, reason: str
) -> None:
    with (
        caplog.at_level(logging.WARNING, logger=inbound.__name__),
        pytest.raises(HTTPException) as refused,
    ):
        with inbound.refusals_as_http("webhook", "tea-shop", "shopify"):
            raise raised
    assert refused.value.status_code == code and reason in str(refused.value.detail)
    (record,) = caplog.records
    assert record.getMessage() == "delivery refused"
    logged = record.__dict__
    assert (logged["status"], logged["shop_id"], logged["source"]) == (code, "tea-shop", "shopify")
    assert reason in logged["reason"]


def test_what_is_not_a_refusal_passes_through_unlogged(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger=inbound.__name__):
        with inbound.refusals_as_http("review", "tea-shop", "generic"):
            pass
        with pytest.raises(RuntimeError), inbound.refusals_as_http("review", "t", "generic"):
            raise RuntimeError("a bug is a 500, not a refusal")
    assert caplog.records == []
