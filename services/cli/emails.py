"""`reviewloop emails`: preview any email a shop's customers or staff get, in any language, and
send one test copy. The survey owns the customer emails (invitation, reminder, follow_up), the
notifier the staff emails (alert, escalation, digest); the kind decides which API is asked,
through its operator route `/v1/shops/{shop}/emails/{kind}/preview|test`."""

from typing import Annotated, Any, Literal, get_args
from urllib.parse import quote

import typer

from services.cli import api
from services.cli.common import CliError
from services.cli.output import fields, note, show, show_json

Kind = Literal["invitation", "reminder", "follow_up", "alert", "escalation", "digest"]
SURVEY_KINDS = ("invitation", "reminder", "follow_up")
Language = Literal["en", "de", "sl", "lv", "ro"]

app = typer.Typer(
    help="Preview the emails of a shop and send test copies (survey: invitation, reminder, "
    "follow_up; notifier: alert, escalation, digest).",
    no_args_is_help=True,
)

ShopArg = Annotated[str, typer.Argument(metavar="SHOP", help="the shop (tenant) id")]
KindArg = Annotated[Kind, typer.Argument(metavar="KIND", help=", ".join(get_args(Kind)))]
LanguageOpt = Annotated[
    Language | None, typer.Option(help="the email's language (default: the shop's locale)")
]
Url = Annotated[
    str | None,
    typer.Option(
        "--url",
        help=f"the survey's base URL for customer emails (env {api.SURVEY_URL_ENV}; default "
        f"{api.SURVEY_URL}), the notifier's for staff emails (env {api.NOTIFIER_URL_ENV}; "
        f"default {api.NOTIFIER_URL})",
    ),
]
Token = Annotated[
    str | None,
    typer.Option(
        "--token",
        help=f"that service's API token (env {' or '.join(api.SURVEY_TOKEN_ENVS)}, or "
        f"{' or '.join(api.NOTIFIER_TOKEN_ENVS)})",
    ),
]
Json = Annotated[bool, typer.Option("--json", help="print JSON instead of text")]
Refunded = Annotated[
    bool,
    typer.Option(
        "--refunded", help="a returned or refunded order: the service-only invitation or reminder"
    ),
]


def _call(kind: Kind, url: str | None, token: str | None, method: str, path: str, **kw: Any) -> Any:
    owner = api.survey if kind in SURVEY_KINDS else api.notifier
    with owner(url, token) as service:
        try:
            return service.call(method, path, **kw)
        except CliError as exc:
            # A notifier without the routes answers FastAPI's bare "Not Found".
            if owner is api.notifier and str(exc).endswith("(404): Not Found"):
                raise CliError(
                    f"the notifier at {service.url} has no email previews or test copies "
                    f"({kind}): it predates them"
                ) from None
            raise


def _path(shop: str, kind: Kind, action: str) -> str:
    return f"/v1/shops/{quote(shop, safe='')}/emails/{kind}/{action}"


@app.command("preview")
def preview(
    shop: ShopArg,
    kind: KindArg,
    language: LanguageOpt = None,
    html: Annotated[bool, typer.Option("--html", help="print the HTML part only")] = False,
    refunded: Refunded = False,
    url: Url = None,
    token: Token = None,
    as_json: Json = False,
) -> None:
    """Show an email as the shop's customers (or staff) would get it now, from a made-up order
    or review (its links lead nowhere)."""
    params: dict[str, Any] = {"language": language} if language else {}
    if refunded:
        params["refunded"] = "true"
    email: dict[str, Any] = _call(
        kind, url, token, "GET", _path(shop, kind, "preview"), params=params or None
    )
    if as_json:
        show_json(email)
    elif html:
        show(email["html"])
    else:
        head: dict[str, Any] = {k: email[k] for k in ("kind", "language", "subject") if k in email}
        if "reply_to" in email:
            head["reply_to"] = email["reply_to"] or "(none: the shop has no contact address)"
        show(fields(head))
        show("")
        show(email["text"].rstrip("\n"))


@app.command("test")
def test(
    shop: ShopArg,
    kind: KindArg,
    to: Annotated[str, typer.Option("--to", help="the one address the test copy goes to")],
    language: LanguageOpt = None,
    refunded: Refunded = False,
    url: Url = None,
    token: Token = None,
    as_json: Json = False,
) -> None:
    """Send one test copy, its subject marked [TEST], to --to (a few per shop and hour); no
    order, survey or review is touched."""
    body: dict[str, Any] = {"to": to}
    if language:
        body["language"] = language
    if refunded:
        body["refunded"] = True
    sent: dict[str, Any] = _call(kind, url, token, "POST", _path(shop, kind, "test"), body=body)
    if as_json:
        show_json(sent)
    else:
        show(fields({k: sent[k] for k in ("to", "subject", "message_id") if k in sent}))
        note(f"# one test copy of the {kind} email sent to {to}")
