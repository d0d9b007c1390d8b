"""Secrets and tokens never reach a log line, in the cases the real-process scan
(tests/integration/test_webhook_security.py) cannot reach: a survey answer PostgreSQL refuses
(the request log named the path, `/s/<the customer's token>`)."""

import logging
from collections.abc import AsyncIterator
from typing import Any

import pytest

from services.survey.settings import SurveySettings
from tests.integration.test_survey_pages import SHOP, sent_links
from tests.support.survey import SurveyHarness

pytestmark = pytest.mark.integration


@pytest.fixture
async def survey(infra: Any, make_settings: Any) -> AsyncIterator[SurveyHarness]:
    settings = make_settings(SurveySettings, smtp_host=infra.smtp_host, smtp_port=infra.smtp_port)
    harness = await SurveyHarness.start(settings, infra.maildir)
    await harness.shop(SHOP)
    yield harness
    await harness.close()


def _logged(records: list[logging.LogRecord]) -> str:
    """Every record of the service as the JSON formatter would see it: message and every
    extra. (httpx's are the test client's own requests.)"""
    return "\n".join(
        f"{r.getMessage()} {r.__dict__}" for r in records if not r.name.startswith("httpx")
    )


async def test_a_survey_answer_that_cannot_be_stored_logs_no_token(
    survey: SurveyHarness, caplog: pytest.LogCaptureFixture
) -> None:
    _, path, _ = await sent_links(survey, "o-nul")
    token = path.rsplit("/", 1)[1]
    caplog.set_level(logging.DEBUG)
    async with survey.http() as http:
        refused = await http.post(path, data={"nps": "6", "comment": "bad\x00byte"})
    assert refused.status_code == 422, refused.text
    text = _logged(caplog.records)
    assert "request value cannot be stored" in text
    assert token not in text, text
