"""Subcommands that go through the services' operator HTTP APIs, so operators need a URL and a
token, not database access: shops and customer redaction (ingest, admin token), users and API
keys (responder, the bootstrap admin key or an admin's API key)."""

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Any
from urllib.parse import quote

import httpx

from services.cli.common import CliError, env
from services.cli.output import Progress

TIMEOUT_S = 15.0
SHOP_PAGE = 500
INGEST_URL = "http://127.0.0.1:8001"
RESPONDER_URL = "http://127.0.0.1:8004"
SURVEY_URL = "http://127.0.0.1:8002"
NOTIFIER_URL = "http://127.0.0.1:8003"

INGEST_URL_ENV = "REVIEWLOOP_INGEST_URL"
INGEST_TOKEN_ENVS = ("REVIEWLOOP_INGEST_ADMIN_TOKEN", "INGEST_ADMIN_TOKEN")
RESPONDER_URL_ENV = "REVIEWLOOP_RESPONDER_URL"
RESPONDER_TOKEN_ENVS = ("REVIEWLOOP_RESPONDER_TOKEN", "RESPONDER_BOOTSTRAP_ADMIN_KEY")
SURVEY_URL_ENV = "REVIEWLOOP_SURVEY_URL"
SURVEY_TOKEN_ENVS = ("REVIEWLOOP_SURVEY_TOKEN", "SURVEY_API_TOKEN")
NOTIFIER_URL_ENV = "REVIEWLOOP_NOTIFIER_URL"
NOTIFIER_TOKEN_ENVS = ("REVIEWLOOP_NOTIFIER_TOKEN", "NOTIFIER_API_TOKEN")


class Api:
    """One service's HTTP API with a bearer token; every failure becomes a one-line CliError."""

    def __init__(self, client: httpx.Client, service: str, url: str) -> None:
        self.client = client
        self.service = service
        self.url = url

    def call(
        self,
        method: str,
        path: str,
        body: dict[str, Any] | None = None,
        params: dict[str, Any] | None = None,
    ) -> Any:
        try:
            response = self.client.request(method, path, json=body, params=params)
        except httpx.TimeoutException:
            raise CliError(f"{self.service} at {self.url} did not answer in time") from None
        except httpx.HTTPError as exc:
            raise CliError(f"cannot reach {self.service} at {self.url}: {exc}") from None
        if response.status_code >= 400:
            raise CliError(
                f"{self.service} refused {method} {path} "
                f"({response.status_code}): {_reason(response)}"
            )
        return response.json() if response.content else None


def _reason(response: httpx.Response) -> str:
    try:
        detail = response.json().get("detail")
    except (ValueError, AttributeError):
        return response.text.strip()[:200] or response.reason_phrase
    if isinstance(detail, list) and detail and isinstance(detail[0], dict):
        # FastAPI's validation errors: name the first offending field.
        first = detail[0]
        where = ".".join(str(p) for p in first.get("loc", ()) if p != "body")
        return f"{where}: {first.get('msg')}" if where else str(first.get("msg"))
    return str(detail) if detail else response.reason_phrase


def _part(value: str) -> str:
    """A path segment: whatever an operator typed cannot leave the intended path."""
    return quote(value, safe="")


@contextmanager
def _api(
    service: str,
    url: str | None,
    token: str | None,
    token_envs: tuple[str, ...],
    url_env: str,
    default_url: str,
) -> Iterator[Api]:
    token = token or env(*token_envs)
    if not token:
        raise CliError(f"no {service} token: pass --token or set {' or '.join(token_envs)}")
    base = (url or env(url_env) or default_url).rstrip("/")
    headers = {"Authorization": f"Bearer {token}", "User-Agent": "reviewloop-cli"}
    with httpx.Client(base_url=base, headers=headers, timeout=TIMEOUT_S) as client:
        yield Api(client, service, base)


def ingest(url: str | None, token: str | None) -> AbstractContextManager[Api]:
    """Ingest's operator API: --url, else REVIEWLOOP_INGEST_URL; --token, else the env."""
    return _api("ingest", url, token, INGEST_TOKEN_ENVS, INGEST_URL_ENV, INGEST_URL)


def responder(url: str | None, token: str | None) -> AbstractContextManager[Api]:
    return _api("responder", url, token, RESPONDER_TOKEN_ENVS, RESPONDER_URL_ENV, RESPONDER_URL)


def survey(url: str | None, token: str | None) -> AbstractContextManager[Api]:
    """The survey's API (its API token): --url, else REVIEWLOOP_SURVEY_URL."""
    return _api("survey", url, token, SURVEY_TOKEN_ENVS, SURVEY_URL_ENV, SURVEY_URL)


def notifier(url: str | None, token: str | None) -> AbstractContextManager[Api]:
    """The notifier's API (its API token): --url, else REVIEWLOOP_NOTIFIER_URL."""
    return _api("notifier", url, token, NOTIFIER_TOKEN_ENVS, NOTIFIER_URL_ENV, NOTIFIER_URL)


# -- shops (ingest) -------------------------------------------------------------------------


def create_shop(api: Api, body: dict[str, Any]) -> dict[str, Any]:
    shop: dict[str, Any] = api.call("POST", "/v1/admin/shops", body)
    return shop


def rotate_secret(api: Api, shop_id: str, secret: str | None) -> dict[str, Any]:
    body = {"webhook_secret": secret} if secret else None
    shop: dict[str, Any] = api.call(
        "POST", f"/v1/admin/shops/{_part(shop_id)}/secrets/rotate", body
    )
    return shop


def list_shops(api: Api) -> list[dict[str, Any]]:
    """Every shop, page by page."""
    shops: list[dict[str, Any]] = []
    with Progress("shops") as progress:
        after: str | None = None
        while True:
            params: dict[str, Any] = {"limit": SHOP_PAGE}
            if after:
                params["after"] = after
            page: list[dict[str, Any]] = api.call("GET", "/v1/admin/shops", params=params)
            shops += page
            progress.advance(len(page))
            if len(page) < SHOP_PAGE:
                break
            after = page[-1]["shop_id"]
    return shops


# -- GDPR (ingest) --------------------------------------------------------------------------


def redact_customer(api: Api, shop_id: str, body: dict[str, Any]) -> dict[str, Any]:
    accepted: dict[str, Any] = api.call(
        "POST", f"/v1/admin/shops/{_part(shop_id)}/customer-redactions", body
    )
    return accepted


# -- users and API keys (responder) ---------------------------------------------------------


def create_user(api: Api, body: dict[str, Any], shops: list[str]) -> dict[str, Any]:
    # The API grants any shop id to the bootstrap key: a typo would make a user of a shop
    # that does not exist. The caller's shops are the ones the responder knows (every
    # known shop for the bootstrap key, their own for an admin).
    known = {s["shop_id"] for s in api.call("GET", "/v1/shops")}
    unknown = sorted(set(shops) - known)
    if unknown:
        raise CliError(
            f"unknown shop {', '.join(unknown)}: the responder knows no such shop "
            "(create it with `reviewloop shops create`, or check the id with "
            "`reviewloop shops list`)"
        )
    user: dict[str, Any] = api.call("POST", "/v1/users", body)
    return user


def list_users(api: Api) -> list[dict[str, Any]]:
    users: list[dict[str, Any]] = api.call("GET", "/v1/users")
    return users


def create_key(api: Api, user_id: int, name: str) -> dict[str, Any]:
    key: dict[str, Any] = api.call("POST", f"/v1/users/{user_id}/api-keys", {"name": name})
    return key
