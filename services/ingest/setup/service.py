"""The readiness checklist: pure rules over a shop's facts (`checklist`), and the use case that
fetches those facts (`readiness`). A failing blocker means the loop would silently lose
something for this shop (an alert, an order, a customer's answer); a warning means a part of
it is not set up yet but nothing is lost meanwhile."""

from pydantic import SecretStr

from services.ingest.settings import IngestSettings
from services.ingest.setup import repository
from services.ingest.setup.repository import ShopState
from services.ingest.setup.schemas import SetupItem, Severity, ShopSetup
from shared.db.pool import Pool
from shared.settings import DEV_SECRET_MARKER

REGISTRY = "PATCH /v1/admin/shops/{shop}"
# Platforms whose webhooks only name the order: ingest fetches it with the shop's API access.
FETCHED = {"bigcommerce": "store_hash", "ecwid": "store_id and currency"}
# The responder's connector each review source can be answered through, besides the shop's
# signed webhook, which takes every source (services/responder/publishing/routing.py).
OWN_CONNECTOR = {"trustpilot": "trustpilot", "google": "google"}
SOURCE_NAMES = {
    "trustpilot": "Trustpilot",
    "google": "Google",
    "generic": "generic",
    "survey": "survey",
}


class UnknownShop(LookupError):
    pass


def _item(key: str, ok: bool, severity: Severity, what: str, why: str, fix: str) -> SetupItem:
    return SetupItem.model_validate(
        {
            "key": key,
            "ok": ok,
            "severity": severity,
            "what": what,
            "why_it_matters": why,
            "how_to_fix": fix,
        }
    )


def _alert_recipient(shop: ShopState) -> SetupItem:
    if shop.alert_recipients:
        what = "alerts go to " + ", ".join(shop.alert_recipients)
    elif shop.contact_email:
        what = f"no alert recipients set: alerts go to the contact address {shop.contact_email}"
    else:
        what = "no alert recipient and no contact address: alerts go to nobody"
    return _item(
        "alert_recipient",
        bool(shop.alert_recipients or shop.contact_email),
        "blocker",
        what,
        "a 1-star review would alert nobody: the notifier records it as not alerted "
        "(no recipient) and nobody answers it within the SLA",
        f'{REGISTRY} {{"alert_recipients": ["support@your-shop.example"]}}',
    )


def _contact(shop: ShopState) -> SetupItem:
    return _item(
        "contact",
        shop.contact_email is not None,
        "blocker",
        f"contact address {shop.contact_email}" if shop.contact_email else "no contact address set",
        "customers' answers to survey emails go to it (Reply-To), the follow-up and public "
        "replies name it as the private channel, and alerts fall back to it",
        f'{REGISTRY} {{"contact_email": "hello@your-shop.example"}}',
    )


def _first_webhook(shop: ShopState) -> SetupItem:
    if shop.platform == "direct":
        fix = "POST the shop's orders to /v1/shops/{shop}/orders (API token)"
    else:
        fix = (
            f"subscribe the store's order webhooks to /webhooks/{shop.platform}/{{shop}}, "
            "signed with the shop's webhook secret (POST /v1/admin/shops/{shop}/secrets/rotate "
            "makes a new one)"
        )
    if shop.orders_received:
        what = "orders have arrived"
    elif shop.deliveries_received:
        what = "deliveries arrive but none carried an order: no order topic is subscribed"
    else:
        what = "no order has arrived yet"
    return _item(
        "first_webhook",
        shop.orders_received,
        "blocker",
        what,
        "surveys are sent for the orders ingest receives: until one arrives, the loop has "
        "nothing to start from and a wrong URL or secret goes unnoticed",
        fix,
    )


def _order_api_credentials(shop: ShopState) -> SetupItem:
    needs = FETCHED.get(shop.platform)
    if needs is None:
        return _item(
            "order_api_credentials",
            True,
            "blocker",
            f"{shop.platform} deliveries carry the whole order: no API access needed",
            "only BigCommerce and Ecwid orders are fetched from the store's API",
            "nothing to do",
        )
    return _item(
        "order_api_credentials",
        shop.has_api_credentials,
        "blocker",
        "API credentials set" if shop.has_api_credentials else "no API credentials set",
        f"{shop.platform} webhooks only name the order: without API access ingest cannot "
        "fetch it, so no survey is ever sent",
        f"PUT /v1/admin/shops/{{shop}}/api-credentials with {needs} and access_token",
    )


def _review_connectors(shop: ShopState) -> SetupItem:
    webhook = shop.connectors.get("webhook", False)
    sources = sorted(s for s, count in shop.review_sources.items() if count)
    missing = [
        s
        for s in sources
        # Replies to survey reviews are shown where Reviewloop publishes the review: no
        # connector needed (the responder's `reviewloop` channel).
        if s != "survey" and not webhook and not shop.connectors.get(OWN_CONNECTOR.get(s, ""))
    ]
    if not sources:
        what = "no reviews yet: nothing to reply to"
    elif missing:
        what = "no reply connector for " + ", ".join(
            f"{SOURCE_NAMES.get(s, s)} reviews ({shop.review_sources[s]})" for s in missing
        )
    else:
        what = "every review source has a reply connector: " + ", ".join(
            SOURCE_NAMES.get(s, s) for s in sources
        )
    return _item(
        "review_connectors",
        not missing,
        "warning",
        what,
        "approved replies to those reviews cannot be published (the responder refuses them "
        "with 409) until the platform, or the shop's signed webhook, is connected; alerts "
        "and drafts still work",
        _connector_fix(missing),
    )


def _connector_fix(missing: list[str]) -> str:
    own = sorted({OWN_CONNECTOR[s] for s in missing if s in OWN_CONNECTOR})
    webhook = 'PUT /v1/shops/{shop}/connector {"url": ...} (the signed webhook, for every source)'
    platforms = [f"PUT /v1/shops/{{shop}}/connector/{p}" for p in own]
    return "on the responder (managers): " + " or ".join([*platforms, webhook])


def _default_secrets(environment: str, defaults: list[str]) -> SetupItem:
    # Outside development and test the service refuses to start with a default secret, so a
    # failing blocker cannot show there; the severity says what it would be.
    severity: Severity = "warning" if environment in ("development", "test") else "blocker"
    return _item(
        "default_secrets",
        not defaults,
        severity,
        f"ingest runs with the development defaults of: {', '.join(defaults)}"
        if defaults
        else "ingest's secrets are not the development defaults",
        "the defaults are in the source code: anyone could use the admin API (which shows "
        "webhook secrets) or post orders",
        "set INGEST_ADMIN_TOKEN, INGEST_API_TOKEN and INGEST_DB_PASSWORD (and each "
        "service's own) to random values, e.g. `openssl rand -hex 32`",
    )


def checklist(shop: ShopState, environment: str, default_secrets: list[str]) -> ShopSetup:
    """Every item, in the order an operator fixes them."""
    items = [
        _alert_recipient(shop),
        _contact(shop),
        _first_webhook(shop),
        _order_api_credentials(shop),
        _review_connectors(shop),
        _default_secrets(environment, default_secrets),
    ]
    # The fixes name this shop, so they can be pasted as they are.
    items = [
        i.model_copy(update={"how_to_fix": i.how_to_fix.replace("{shop}", shop.shop_id)})
        for i in items
    ]
    ready = all(i.ok for i in items if i.severity == "blocker")
    return ShopSetup(shop_id=shop.shop_id, ready=ready, items=items)


def default_secrets(settings: IngestSettings) -> list[str]:
    """The settings still holding their development default (shared/settings.py marks them)."""
    return sorted(
        name
        for name, value in settings
        if isinstance(value, SecretStr) and DEV_SECRET_MARKER in value.get_secret_value()
    )


async def readiness(pool: Pool, settings: IngestSettings, shop_id: str) -> ShopSetup:
    async with pool.acquire() as conn:
        shop = await repository.shop_state(conn, shop_id)
    if shop is None:
        raise UnknownShop(shop_id)
    return checklist(shop, settings.environment, default_secrets(settings))
