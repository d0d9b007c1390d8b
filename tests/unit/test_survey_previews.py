"""Pure parts of the survey email previews: the languages offered are the ones translated, an
unknown kind names the kinds there are, and a test copy is re-addressed and marked."""

from email import policy
from email.parser import BytesParser
from typing import get_args

import pytest

from services.survey.email.translations import TEXTS
from services.survey.previews import service
from services.survey.previews.schemas import Language
from services.survey.settings import SurveySettings
from services.survey.shops.config import SurveyShopSettings
from services.survey.shops.repository import ShopRow
from tests.support.clock import T0


def test_the_languages_offered_are_the_translated_ones() -> None:
    assert set(get_args(Language)) == set(TEXTS)


def test_an_unknown_kind_names_the_survey_emails_and_the_notifier() -> None:
    assert service.kind_of("follow_up") == "follow_up"
    with pytest.raises(service.UnknownKind, match=r"invitation, reminder, follow_up.*notifier"):
        service.kind_of("digest")


def test_a_test_copy_goes_to_the_address_given_with_a_marked_subject() -> None:
    shop = ShopRow("tea", "Čaj & Co", "sl-SI", "SI", "Europe/Ljubljana", SurveyShopSettings())
    rendered = service.render(SurveySettings(), shop, "invitation", None, "<p@x>", T0)
    assert rendered.language == "sl"
    message, subject = service._as_test(rendered.message, "ops@example.com")
    parsed = BytesParser(policy=policy.default).parsebytes(message)
    assert str(parsed["Subject"]) == subject
    assert subject == "[TEST] Kako ste zadovoljni z naročilom pri Čaj & Co?"
    assert parsed["To"] == "ops@example.com"
    assert "customer@example.invalid" not in message.decode()
