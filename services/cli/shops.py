"""`reviewloop shops show SHOP`: the shop's profile and its readiness checklist (ingest's
`GET /v1/admin/shops/{shop}` and `GET /v1/admin/shops/{shop}/setup`, admin token). Exits 0 when
the shop is ready and 1 when a blocker fails, so onboarding scripts can wait on it; warnings
are printed but do not change the status. `reviewloop shops announce [SHOP]...` publishes
profiles again (`POST /v1/admin/shops/{shop}/announce`)."""

from typing import Annotated, Any
from urllib.parse import quote

import typer

from services.cli import api
from services.cli.common import CliError
from services.cli.output import fields, note, show, show_json, table

Url = Annotated[
    str | None,
    typer.Option(
        "--url",
        help=f"ingest's base URL (env {api.INGEST_URL_ENV}; default {api.INGEST_URL})",
        rich_help_panel="ingest operator API",
    ),
]
Token = Annotated[
    str | None,
    typer.Option(
        "--token",
        help=f"ingest's admin token (env {' or '.join(api.INGEST_TOKEN_ENVS)})",
        rich_help_panel="ingest operator API",
    ),
]
Json = Annotated[bool, typer.Option("--json", help="print JSON instead of text")]


def _path(shop_id: str, *rest: str) -> str:
    # Whatever an operator typed cannot leave the intended path.
    return "/".join(("/v1/admin/shops", quote(shop_id, safe=""), *rest))


def _profile(ingest: api.Api, shop_id: str) -> dict[str, Any] | None:
    """The registry's profile of the shop; None (with a note) when this ingest cannot show it,
    so the checklist, which matters more, is still printed."""
    try:
        profile: dict[str, Any] = ingest.call("GET", _path(shop_id))
    except CliError as exc:
        note(f"# profile not shown: {exc}")
        return None
    return profile


def _checklist(setup: dict[str, Any]) -> str:
    rows = (
        [i["key"], "ok" if i["ok"] else "MISSING", i["severity"], i["what"]] for i in setup["items"]
    )
    lines = [table(("CHECK", "STATUS", "SEVERITY", "WHAT"), rows)]
    for i in setup["items"]:
        if not i["ok"]:
            lines += ["", f"{i['key']}: {i['why_it_matters']}", f"  fix: {i['how_to_fix']}"]
    return "\n".join(lines)


def show_shop(
    shop_id: Annotated[str, typer.Argument(metavar="SHOP", help="the shop (tenant) id")],
    url: Url = None,
    token: Token = None,
    as_json: Json = False,
) -> None:
    """Show a shop's profile and readiness checklist; exit 1 while a blocker fails."""
    with api.ingest(url, token) as ingest:
        # The checklist first: an unknown shop fails here, with ingest's own reason.
        setup: dict[str, Any] = ingest.call("GET", _path(shop_id, "setup"))
        profile = _profile(ingest, shop_id)
    if as_json:
        show_json({"profile": profile, "setup": setup})
    else:
        if profile is not None:
            show(fields(profile))
            show("")
        show(_checklist(setup))
    blockers = [i["key"] for i in setup["items"] if not i["ok"] and i["severity"] == "blocker"]
    if blockers:
        raise CliError(f"shop {shop_id} is not ready: {', '.join(blockers)}")
    warnings = [i["key"] for i in setup["items"] if not i["ok"]]
    note(f"# shop {shop_id} is ready" + (f" (warnings: {', '.join(warnings)})" if warnings else ""))


def announce_shops(
    shop_ids: Annotated[
        list[str] | None,
        typer.Argument(metavar="[SHOP]...", help="the shops to announce; every shop when none"),
    ] = None,
    url: Url = None,
    token: Token = None,
    as_json: Json = False,
) -> None:
    """Publish each shop's current profile again (`shop.updated` at its version), for a
    service whose copy was lost after the shops topic's 7-day retention."""
    with api.ingest(url, token) as ingest:
        ids = shop_ids or [s["shop_id"] for s in api.list_shops(ingest)]
        announced = [
            {"shop_id": s["shop_id"], "version": s["version"]}
            for s in (ingest.call("POST", _path(shop_id, "announce")) for shop_id in ids)
        ]
    if as_json:
        show_json(announced)
        return
    show(table(("SHOP", "VERSION"), ([a["shop_id"], a["version"]] for a in announced)))
    note(f"# {len(announced)} shop(s) announced")


def register(shops: typer.Typer) -> None:
    """Add these commands to `reviewloop shops`."""
    shops.command("show")(show_shop)
    shops.command("announce")(announce_shops)
