"""Consent per country, no gating and refunded orders in the survey's eligibility rule
(issue #18). Pure logic: services/survey/scheduling/{consent,eligibility}.py."""

import ast
import inspect
import re
import typing
from dataclasses import fields
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from pydantic import BaseModel, ValidationError

from services.survey.orders.view import Item, OrderView
from services.survey.scheduling import eligibility
from services.survey.scheduling.consent import (
    DEFAULT_CONSENT_COUNTRIES,
    MAX_CONSENT_COUNTRIES,
    ConsentPolicy,
    consent_reason,
    customer_country,
)
from services.survey.scheduling.eligibility import skip_reason
from services.survey.shops.config import SurveyShopSettings
from shared.countries import iso_countries

T = datetime(2026, 11, 16, 12, 0, tzinfo=UTC)
CFG = SurveyShopSettings()
NOTICE = SurveyShopSettings.model_validate({"consent": {"existing_customer_notice": True}})


def order(**kw) -> OrderView:
    base = {
        "shop_id": "s",
        "order_id": "o",
        "customer_email": "ana@example.com",
        "country": "SI",
        "items": (
            Item("tea", "Tea", None, 1, Decimal("5"), 0),
            Item("pot", "Pot", None, 1, Decimal("30"), 1),
        ),
        "placed_at": T,
        "delivered_at": T + timedelta(days=2),
    }
    base.update(kw)
    return OrderView(**base)


def reason(o: OrderView, cfg: SurveyShopSettings = CFG, shop_country: str | None = "SI"):
    return skip_reason(o, cfg, "invitation", None, False, False, shop_country=shop_country)


# -- consent -----------------------------------------------------------------------------------


def test_default_policy_is_documented_de_and_at_need_consent_or_notice() -> None:
    policy = ConsentPolicy()
    assert (
        policy.countries
        == DEFAULT_CONSENT_COUNTRIES
        == {
            "DE": "consent_or_notice",
            "AT": "consent_or_notice",
        }
    )
    assert policy.default == "none" and policy.existing_customer_notice is False
    assert CFG.consent == policy and CFG.refunded_orders == "service_survey"


@pytest.mark.parametrize(
    ("consent", "country", "notice", "expected"),
    [
        ("unknown", "DE", False, "no_consent"),
        ("granted", "DE", False, None),
        ("unknown", "DE", True, None),
        ("unknown", "AT", False, "no_consent"),
        ("unknown", "de", False, "no_consent"),
        ("unknown", "SI", False, None),
        ("unknown", None, False, None),
        # An explicit opt-out counts everywhere, whatever the notice or the country.
        ("denied", "SI", False, "marketing_opt_out"),
        ("denied", "DE", True, "marketing_opt_out"),
        ("denied", None, False, "marketing_opt_out"),
    ],
)
def test_consent_reason(consent, country, notice, expected) -> None:
    policy = ConsentPolicy(existing_customer_notice=notice)
    assert consent_reason(consent, country, policy) == expected


def test_consent_alone_is_not_satisfied_by_the_notice() -> None:
    strict = ConsentPolicy(countries={"FR": "consent"}, default="consent_or_notice")
    assert strict.rule_for("FR") == "consent"
    noticed = strict.model_copy(update={"existing_customer_notice": True})
    assert consent_reason("unknown", "FR", noticed) == "no_consent"
    assert consent_reason("granted", "FR", strict) is None
    # Not listed: the default applies (DE is no longer listed in this policy either).
    assert consent_reason("unknown", "US", strict) == "no_consent"
    assert consent_reason("unknown", "DE", strict) == "no_consent"


def test_customer_country_is_billing_then_shipping_then_the_shop() -> None:
    assert customer_country("DE", "AT", "SI") == "DE"
    assert customer_country(None, "AT", "SI") == "AT"
    assert customer_country(None, None, "SI") == "SI"
    assert customer_country(None, None, None) is None


def test_the_customer_country_decides_in_eligibility() -> None:
    assert reason(order(country="DE")) == "no_consent"
    assert reason(order(country="DE", marketing_consent="granted")) is None
    assert reason(order(country="DE"), NOTICE) is None
    assert reason(order(country=None, shipping_country="AT")) == "no_consent"
    # No country on the order: the shop's.
    assert reason(order(country=None), shop_country="DE") == "no_consent"
    assert reason(order(country=None), shop_country="SI") is None
    assert reason(order(country="SI")) is None
    assert reason(order(country="SI", marketing_consent="denied")) == "marketing_opt_out"
    # Reminders too: consent is needed for every email.
    assert (
        skip_reason(order(country="DE"), CFG, "reminder", None, False, False, shop_country="SI")
        == "no_consent"
    )
    # An unsubscribe is the more specific reason.
    assert (
        skip_reason(order(country="DE"), CFG, "invitation", "unsubscribed", False, False)
        == "unsubscribed"
    )


def test_the_policy_is_bounded() -> None:
    for bad in (
        {"countries": {"XX": "consent"}},  # not an ISO 3166-1 code
        {"countries": {"de": "consent"}},  # upper case, as ISO writes them
        {"countries": {"DEU": "consent"}},
        {"countries": {"DE": "always"}},
        {"default": "sometimes"},
        {"unknown_member": True},
    ):
        with pytest.raises(ValidationError):
            SurveyShopSettings.model_validate({"consent": bad})
    every = sorted(iso_countries())
    assert len(every) > MAX_CONSENT_COUNTRIES and {"DE", "AT", "SI", "US"} <= set(every)
    with pytest.raises(ValidationError):
        ConsentPolicy(countries=dict.fromkeys(every[: MAX_CONSENT_COUNTRIES + 1], "consent"))
    ConsentPolicy(countries=dict.fromkeys(every[:MAX_CONSENT_COUNTRIES], "consent"))


# -- refunded, returned, cancelled ---------------------------------------------------------------


def test_refunded_and_returned_orders_get_a_service_survey_by_default() -> None:
    cases = {
        "refunded": order(fully_refunded=True),
        "every item refunded": order(refunded={"tea": 1, "pot": 1}),
        "returned": order(returned=True),
        "cancelled after delivery": order(cancelled_at=T + timedelta(days=5)),
    }
    for name, o in cases.items():
        assert reason(o) is None, name
        assert o.service_only(), name
        assert o.survey_items(CFG.max_products) == [], name
    # A partial refund still rates what was kept.
    partial = order(refunded={"pot": 1})
    assert not partial.service_only()
    assert [i.product_id for i in partial.survey_items(5)] == ["tea"]


def test_refunded_orders_none_leaves_them_out() -> None:
    none = SurveyShopSettings(refunded_orders="none")
    assert reason(order(fully_refunded=True), none) == "refunded"
    assert reason(order(refunded={"tea": 1, "pot": 1}), none) == "refunded"
    assert reason(order(returned=True), none) == "returned"
    assert reason(order(cancelled_at=T + timedelta(days=5)), none) == "refunded"
    assert reason(order(), none) is None
    with pytest.raises(ValidationError):
        SurveyShopSettings.model_validate({"refunded_orders": "some"})


def test_cancelled_before_shipping_gets_nothing() -> None:
    for o in (
        order(cancelled_at=T, delivered_at=None),
        order(cancelled_at=T + timedelta(days=1)),  # before the delivery
        order(cancelled_at=T, delivered_at=None, fulfilled_at=T + timedelta(hours=1)),
    ):
        assert reason(o) == "cancelled"
        assert reason(o, SurveyShopSettings(refunded_orders="none")) == "cancelled"


# -- no gating, by construction ------------------------------------------------------------------

# Anything that would carry what a customer thinks.
_OPINION = re.compile(r"rating|stars?\b|nps|score|sentiment|comment|opinion|answer_|review_text")


def _names(model: type) -> set[str]:
    """Every field name reachable from a dataclass or pydantic model."""
    names: set[str] = set()
    if isinstance(model, type) and issubclass(model, BaseModel):
        for name, info in model.model_fields.items():
            names.add(name)
            for arg in typing.get_args(info.annotation) or (info.annotation,):
                for inner in typing.get_args(arg) or (arg,):
                    if isinstance(inner, type) and issubclass(inner, BaseModel):
                        names |= _names(inner)
    else:
        names = {f.name for f in fields(model)}
    if model is OrderView:
        names |= {f.name for f in fields(Item)}
    return names


def test_eligibility_has_no_input_that_could_carry_a_rating_or_sentiment() -> None:
    """Who is asked can never depend on what they think: the rule's inputs are fixed, and none
    of them holds a rating, an NPS, a comment or a past review. A new input fails this test on
    purpose: whoever adds one must show it carries no opinion."""
    params = inspect.signature(skip_reason).parameters
    assert list(params) == [
        "order",
        "cfg",
        "kind",
        "suppression",
        "surveyed_recently",
        "answered",
        "too_old",
        "shop_country",
    ]
    hints = typing.get_type_hints(skip_reason)
    assert hints["order"] is OrderView and hints["cfg"] is SurveyShopSettings
    # `answered` says whether this survey was answered (no reminder then), not how.
    for name in ("surveyed_recently", "answered", "too_old"):
        assert hints[name] is bool
    assert hints["shop_country"] == str | None
    for model in (OrderView, SurveyShopSettings):
        opinions = {n for n in _names(model) if _OPINION.search(n)}
        assert opinions == set(), f"{model.__name__} carries {opinions}"


def test_eligibility_reads_nothing_of_answers_or_reviews() -> None:
    source = Path(inspect.getfile(eligibility)).read_text()
    imported = {
        node.module
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.ImportFrom) and node.module
    }
    assert imported == {
        "typing",
        "services.survey.orders.view",
        "services.survey.scheduling.consent",
        "services.survey.shops.config",
    }
