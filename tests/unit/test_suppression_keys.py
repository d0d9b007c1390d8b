"""The suppression list's keys (services/survey/suppressions/): what they depend on, and that
production refuses the development pepper."""

import pytest
from pydantic import SecretStr, ValidationError

from services.survey.settings import SurveySettings
from services.survey.suppressions import address_key

PEPPER = SecretStr("a-real-pepper")


def test_the_key_is_of_the_normalised_address_and_hides_it() -> None:
    key = address_key("  Ana.Novak@Example.COM ", PEPPER)
    assert key == address_key("ana.novak@example.com", PEPPER)
    assert key != address_key("ana.novak@example.org", PEPPER)
    assert "ana" not in key and len(key) == 64


def test_the_key_depends_on_the_pepper() -> None:
    # Without the deployment's pepper, a list of guessed addresses cannot be matched.
    assert address_key("ana@example.com", PEPPER) != address_key(
        "ana@example.com", SecretStr("another-pepper")
    )


def test_production_refuses_the_development_pepper() -> None:
    secrets = {
        name: SecretStr(f"real-{name}")
        for name, field in SurveySettings.model_fields.items()
        if field.annotation is SecretStr and name != "suppression_pepper"
    }
    with pytest.raises(ValidationError, match="suppression_pepper"):
        SurveySettings(environment="production", **secrets)
    SurveySettings(
        environment="production",
        suppression_pepper=PEPPER,
        kafka_topic_replication_factor=3,
        **secrets,
    )
