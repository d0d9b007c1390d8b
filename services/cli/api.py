"""Subcommands that go through the services' operator HTTP APIs, so operators need a URL and a
token, not database access: shops and customer redaction (ingest, admin token), users and API
keys (responder, the bootstrap admin key or an admin's API key)."""

import argparse
import json
import sys
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Any
from urllib.parse import quote

import httpx

from services.cli.common import CliError, Progress, env, fields, table

TIMEOUT_S = 15.0
SHOP_PAGE = 500

INGEST_URL_ENV = "REVIEWLOOP_INGEST_URL"
INGEST_TOKEN_ENVS = ("REVIEWLOOP_INGEST_ADMIN_TOKEN", "INGEST_ADMIN_TOKEN")
RESPONDER_URL_ENV = "REVIEWLOOP_RESPONDER_URL"
RESPONDER_TOKEN_ENVS = ("REVIEWLOOP_RESPONDER_TOKEN", "RESPONDER_BOOTSTRAP_ADMIN_KEY")


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
def _api(args: argparse.Namespace, service: str, token_envs: tuple[str, ...]) -> Iterator[Api]:
    token = args.token or env(*token_envs)
    if not token:
        raise CliError(f"no {service} token: pass --token or set {' or '.join(token_envs)}")
    url = args.url.rstrip("/")
    headers = {"Authorization": f"Bearer {token}", "User-Agent": "reviewloop-cli"}
    with httpx.Client(base_url=url, headers=headers, timeout=TIMEOUT_S) as client:
        yield Api(client, service, url)


def ingest(args: argparse.Namespace) -> AbstractContextManager[Api]:
    return _api(args, "ingest", INGEST_TOKEN_ENVS)


def responder(args: argparse.Namespace) -> AbstractContextManager[Api]:
    return _api(args, "responder", RESPONDER_TOKEN_ENVS)


def add_ingest_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("ingest operator API")
    group.add_argument(
        "--url",
        default=env(INGEST_URL_ENV) or "http://127.0.0.1:8001",
        help=f"ingest's base URL (env {INGEST_URL_ENV}; default %(default)s)",
    )
    group.add_argument(
        "--token",
        help=f"ingest's admin token (env {' or '.join(INGEST_TOKEN_ENVS)})",
    )


def add_responder_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("responder API")
    group.add_argument(
        "--url",
        default=env(RESPONDER_URL_ENV) or "http://127.0.0.1:8004",
        help=f"responder's base URL (env {RESPONDER_URL_ENV}; default %(default)s)",
    )
    group.add_argument(
        "--token",
        help="the bootstrap admin key or an admin's API key "
        f"(env {' or '.join(RESPONDER_TOKEN_ENVS)})",
    )


# -- shops (ingest) -------------------------------------------------------------------------

_SHOWN_ONCE = "the webhook secret is shown only now: configure it on the platform"


def shops_create(args: argparse.Namespace) -> int:
    body: dict[str, Any] = {
        "shop_id": args.shop_id,
        "platform": args.platform,
        "display_name": args.name,
        "locale": args.locale,
        "country": args.country,
        "timezone": args.timezone,
    }
    if args.webhook_secret:
        body["webhook_secret"] = args.webhook_secret
    if args.contact_email:
        body["contact_email"] = args.contact_email
    with ingest(args) as api:
        shop = api.call("POST", "/v1/admin/shops", body)
    print(fields(shop))
    print(f"# {_SHOWN_ONCE}", file=sys.stderr)
    return 0


def shops_rotate_secret(args: argparse.Namespace) -> int:
    body = {"webhook_secret": args.webhook_secret} if args.webhook_secret else None
    with ingest(args) as api:
        shop = api.call("POST", f"/v1/admin/shops/{_part(args.shop_id)}/secrets/rotate", body)
    print(fields(shop))
    print(
        f"# {_SHOWN_ONCE}; the previous secret keeps verifying until the next rotation",
        file=sys.stderr,
    )
    return 0


def shops_list(args: argparse.Namespace) -> int:
    shops: list[dict[str, Any]] = []
    with ingest(args) as api, Progress("shops") as progress:
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
    if args.json:
        print(json.dumps(shops, indent=2))
        return 0
    print(
        table(
            ("SHOP", "PLATFORM", "NAME", "COUNTRY", "TIMEZONE", "API CREDS", "PREV SECRET"),
            (
                (
                    s["shop_id"],
                    s["platform"],
                    s["display_name"],
                    s["country"],
                    s["timezone"],
                    s["has_api_credentials"],
                    s["has_previous_secret"],
                )
                for s in shops
            ),
        )
    )
    print(f"{len(shops)} shop(s)", file=sys.stderr)
    return 0


# -- GDPR (ingest) --------------------------------------------------------------------------


def redact_customer(args: argparse.Namespace) -> int:
    if not (args.email or args.customer_id):
        raise CliError("name the customer: --email and/or --customer-id")
    who = " / ".join(x for x in (args.customer_id, args.email) if x)
    if not args.yes:
        if not sys.stdin.isatty():
            raise CliError("a redaction cannot be undone: pass --yes to confirm")
        answer = input(f"Erase customer {who} of shop {args.shop} from every service? [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            raise CliError("cancelled")
    body: dict[str, Any] = {"order_ids": args.order_id or []}
    if args.email:
        body["email"] = args.email
    if args.customer_id:
        body["customer_id"] = args.customer_id
    if args.request_id:
        body["request_id"] = args.request_id
    with ingest(args) as api:
        accepted = api.call("POST", f"/v1/admin/shops/{_part(args.shop)}/customer-redactions", body)
    print(fields(accepted))
    print(
        f"# customer {who} is redacted in ingest; the other services follow through "
        "reviewloop.privacy",
        file=sys.stderr,
    )
    return 0


# -- users and API keys (responder) ---------------------------------------------------------


def users_create(args: argparse.Namespace) -> int:
    body: dict[str, Any] = {"name": args.name, "role": args.role, "shop_ids": args.shop}
    if args.email:
        body["email"] = args.email
    with responder(args) as api:
        # The API grants any shop id to the bootstrap key: a typo would make a user of a shop
        # that does not exist. The caller's shops are the ones the responder knows (every
        # known shop for the bootstrap key, their own for an admin).
        known = {s["shop_id"] for s in api.call("GET", "/v1/shops")}
        unknown = sorted(set(args.shop) - known)
        if unknown:
            raise CliError(
                f"unknown shop {', '.join(unknown)}: the responder knows no such shop "
                "(create it with `reviewloop shops create`, or check the id with "
                "`reviewloop shops list`)"
            )
        user = api.call("POST", "/v1/users", body)
    print(fields(user))
    return 0


def users_list(args: argparse.Namespace) -> int:
    with responder(args) as api:
        users: list[dict[str, Any]] = api.call("GET", "/v1/users")
    if args.json:
        print(json.dumps(users, indent=2))
        return 0
    print(
        table(
            ("ID", "NAME", "EMAIL", "ROLE", "SHOPS", "ACTIVE"),
            (
                (u["id"], u["name"], u["email"], u["role"], ",".join(u["shop_ids"]), u["active"])
                for u in users
            ),
        )
    )
    return 0


def keys_create(args: argparse.Namespace) -> int:
    with responder(args) as api:
        key = api.call("POST", f"/v1/users/{args.user}/api-keys", {"name": args.name})
    print(fields(key))
    print("# the key is shown only now: hand it to its user", file=sys.stderr)
    return 0
