"""The readiness checklist's rules (services/ingest/setup/service.py), on facts given by hand."""

from dataclasses import replace

import pytest
from pydantic import SecretStr

from services.ingest.settings import IngestSettings
from services.ingest.setup.repository import ShopState
from services.ingest.setup.schemas import SetupItem, ShopSetup
from services.ingest.setup.service import checklist, default_secrets

READY = ShopState(
    shop_id="tea-shop",
    platform="shopify",
    contact_email="hello@tea.example",
    alert_recipients=["support@tea.example"],
    has_api_credentials=False,
    orders_received=True,
    deliveries_received=True,
    review_sources={"trustpilot": 3},
    connectors={"trustpilot": True},
)


def item(setup: ShopSetup, key: str) -> SetupItem:
    (found,) = [i for i in setup.items if i.key == key]
    return found


def test_a_shop_with_everything_is_ready_and_every_item_is_listed() -> None:
    setup = checklist(READY, "production", [])
    assert setup.ready
    assert [i.key for i in setup.items] == [
        "alert_recipient",
        "contact",
        "first_webhook",
        "order_api_credentials",
        "review_connectors",
        "default_secrets",
    ]
    assert all(i.ok for i in setup.items)
    assert all(i.what and i.why_it_matters and i.how_to_fix for i in setup.items)


def test_no_alert_recipient_and_no_contact_is_a_blocker() -> None:
    setup = checklist(replace(READY, alert_recipients=[], contact_email=None), "test", [])
    alert = item(setup, "alert_recipient")
    assert not alert.ok and alert.severity == "blocker"
    assert "1-star review would alert nobody" in alert.why_it_matters
    assert not item(setup, "contact").ok
    assert not setup.ready
    # The fix names the shop, ready to paste.
    assert "/v1/admin/shops/tea-shop" in alert.how_to_fix


def test_the_contact_address_stands_in_for_missing_alert_recipients() -> None:
    setup = checklist(replace(READY, alert_recipients=[]), "test", [])
    alert = item(setup, "alert_recipient")
    assert alert.ok and "hello@tea.example" in alert.what
    assert setup.ready


def test_alert_recipients_without_a_contact_still_block_on_the_contact() -> None:
    setup = checklist(replace(READY, contact_email=None), "test", [])
    assert item(setup, "alert_recipient").ok
    contact = item(setup, "contact")
    assert not contact.ok and contact.severity == "blocker" and "Reply-To" in contact.why_it_matters
    assert not setup.ready


def test_no_order_yet_blocks_and_says_whether_anything_arrived() -> None:
    nothing = checklist(
        replace(READY, orders_received=False, deliveries_received=False), "test", []
    )
    first = item(nothing, "first_webhook")
    assert not first.ok and first.severity == "blocker" and not nothing.ready
    assert first.what == "no order has arrived yet"
    assert "/webhooks/shopify/tea-shop" in first.how_to_fix

    ignored_only = item(
        checklist(replace(READY, orders_received=False), "test", []), "first_webhook"
    )
    assert not ignored_only.ok and "no order topic is subscribed" in ignored_only.what

    direct = checklist(replace(READY, platform="direct", orders_received=False), "test", [])
    assert "/v1/shops/tea-shop/orders" in item(direct, "first_webhook").how_to_fix


@pytest.mark.parametrize("platform", ["bigcommerce", "ecwid"])
def test_fetched_platforms_need_api_credentials(platform: str) -> None:
    without = checklist(replace(READY, platform=platform), "test", [])
    creds = item(without, "order_api_credentials")
    assert not creds.ok and creds.severity == "blocker" and not without.ready
    assert "/v1/admin/shops/tea-shop/api-credentials" in creds.how_to_fix
    with_them = checklist(replace(READY, platform=platform, has_api_credentials=True), "test", [])
    assert item(with_them, "order_api_credentials").ok and with_them.ready


def test_platforms_that_deliver_the_whole_order_need_no_credentials() -> None:
    for platform in ("shopify", "woocommerce", "standard", "direct"):
        assert item(
            checklist(replace(READY, platform=platform), "test", []), "order_api_credentials"
        ).ok


def test_reviews_from_a_platform_without_a_connector_warn() -> None:
    shop = replace(READY, review_sources={"trustpilot": 3, "google": 2}, connectors={})
    setup = checklist(shop, "test", [])
    connectors = item(setup, "review_connectors")
    assert not connectors.ok and connectors.severity == "warning"
    assert "Trustpilot reviews (3)" in connectors.what and "Google reviews (2)" in connectors.what
    assert "/v1/shops/tea-shop/connector/trustpilot" in connectors.how_to_fix
    assert "/v1/shops/tea-shop/connector/google" in connectors.how_to_fix
    # A warning: the loop loses nothing meanwhile.
    assert setup.ready

    only_trustpilot = replace(shop, connectors={"trustpilot": True})
    connectors = item(checklist(only_trustpilot, "test", []), "review_connectors")
    assert not connectors.ok and "Trustpilot" not in connectors.what and "Google" in connectors.what
    assert "connector/trustpilot" not in connectors.how_to_fix

    # A removed connection counts as none.
    removed = replace(shop, connectors={"trustpilot": False, "google": True})
    assert "Trustpilot" in item(checklist(removed, "test", []), "review_connectors").what


def test_the_signed_webhook_answers_every_source() -> None:
    shop = replace(
        READY,
        review_sources={"trustpilot": 1, "google": 1, "generic": 1, "survey": 1},
        connectors={"webhook": True},
    )
    assert item(checklist(shop, "test", []), "review_connectors").ok
    # Generic reviews have no platform connection: only the webhook answers them.
    no_webhook = replace(shop, connectors={"trustpilot": True, "google": True})
    what = item(checklist(no_webhook, "test", []), "review_connectors").what
    assert "generic reviews (1)" in what and "survey" not in what


def test_survey_reviews_need_no_connector() -> None:
    # Reviewloop shows survey reviews and the shop's replies to them itself.
    only_surveys = replace(READY, review_sources={"survey": 4}, connectors={})
    assert item(checklist(only_surveys, "test", []), "review_connectors").ok


def test_no_reviews_need_no_connector() -> None:
    setup = checklist(replace(READY, review_sources={}, connectors={}), "test", [])
    assert item(setup, "review_connectors").ok


def test_default_secrets_warn_in_development_and_name_the_settings() -> None:
    setup = checklist(READY, "development", ["admin_token", "api_token"])
    secrets = item(setup, "default_secrets")
    assert not secrets.ok and secrets.severity == "warning" and setup.ready
    assert "admin_token, api_token" in secrets.what
    assert item(checklist(READY, "production", ["admin_token"]), "default_secrets").severity == (
        "blocker"
    )


def test_default_secrets_are_found_by_their_development_marker() -> None:
    dev = IngestSettings(environment="development")
    assert {"admin_token", "api_token", "db_password"} <= set(default_secrets(dev))
    chosen = IngestSettings(
        environment="development",
        admin_token=SecretStr("x" * 32),
        api_token=SecretStr("y" * 32),
        db_password=SecretStr("z" * 32),
    )
    assert not {"admin_token", "api_token", "db_password"} & set(default_secrets(chosen))
