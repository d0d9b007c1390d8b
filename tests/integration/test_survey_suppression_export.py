"""A customer's data export lists the suppressions of the asking shop's tenant group only."""

from collections.abc import AsyncIterator

import pytest

from services.survey import suppressions
from services.survey.settings import SurveySettings
from shared.events import CustomerDataRequested, parse_event
from tests.support.survey import SurveyHarness, unique_email


@pytest.fixture
async def survey(infra, make_settings) -> AsyncIterator[SurveyHarness]:
    settings = make_settings(SurveySettings, smtp_host=infra.smtp_host, smtp_port=infra.smtp_port)
    harness = await SurveyHarness.start(settings, infra.maildir)
    await harness.shop("shop-a")
    await harness.shop("shop-b")
    yield harness
    await harness.close()


async def exported_suppressions(survey: SurveyHarness, shop: str, email: str) -> list[str]:
    await survey.feed(
        CustomerDataRequested(shop_id=shop, payload={"request_id": f"d-{shop}", "email": email})
    )
    body = await survey.pool.fetchval(
        "SELECT body FROM outbox WHERE event_type = 'customer.data_exported' ORDER BY id DESC"
    )
    data = parse_event(bytes(body)).payload.data
    return [s["tenant_group"] for s in data["suppressions"]]


async def test_an_export_tells_nothing_of_another_tenants_suppressions(survey) -> None:
    email = unique_email()
    pepper = survey.settings.suppression_pepper
    async with survey.pool.acquire() as conn:
        # The customer unsubscribed from shop B's emails; shop A is another tenant.
        await suppressions.add(conn, "shop-b", email, "unsubscribed", pepper)
    assert await exported_suppressions(survey, "shop-a", email) == []
    assert await exported_suppressions(survey, "shop-b", email) == ["shop-b"]
