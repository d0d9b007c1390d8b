"""`reviewloop surveys`: why an order did (not) get a survey, and "send now", through the
survey's operator API (its API token): `GET /v1/shops/{shop}/surveys/{order}/explanation` and
`PUT /v1/shops/{shop}/surveys/{order}/send-at`.

Exit status: 0 when the service answered (whatever the decision: an excluded order is an
answer, not a failure), 1 when it refused or could not be reached (one line on stderr, e.g. an
order the survey has never heard of: 404), 2 for a usage error."""

from datetime import UTC, datetime
from typing import Annotated, Any
from urllib.parse import quote

import typer

from services.cli import api
from services.cli.common import CliError
from services.cli.output import fields, note, show, show_json

EXIT_CODES = (
    "Exit status: 0 answered (whatever the decision), 1 refused or unreachable (e.g. 404: the "
    "survey has never heard of the order), 2 usage error."
)

app = typer.Typer(
    help="Explain an order's survey decision and send its invitation now (survey).",
    no_args_is_help=True,
)

ShopArg = Annotated[str, typer.Argument(metavar="SHOP", help="the shop (tenant) id")]
OrderArg = Annotated[str, typer.Argument(metavar="ORDER", help="the platform's order id")]
Url = Annotated[
    str | None,
    typer.Option(
        "--url",
        help=f"the survey's base URL (env {api.SURVEY_URL_ENV}; default {api.SURVEY_URL})",
    ),
]
Token = Annotated[
    str | None,
    typer.Option(
        "--token", help=f"the survey's API token (env {' or '.join(api.SURVEY_TOKEN_ENVS)})"
    ),
]
Json = Annotated[bool, typer.Option("--json", help="print JSON instead of text")]


def _path(shop: str, order: str, action: str) -> str:
    return f"/v1/shops/{quote(shop, safe='')}/surveys/{quote(order, safe='')}/{action}"


def _summary(why: dict[str, Any]) -> dict[str, Any]:
    """The decision's `name  value` lines: only what this decision has."""
    head: dict[str, Any] = {"order": why["order_id"], "decision": why["decision"]}
    exclusion = why.get("exclusion")
    if exclusion:
        recorded = "recorded" if exclusion["recorded"] else "as the facts decide it when due"
        head["reason"] = f"{exclusion['reason']} ({recorded})"
    for key in ("due_at", "waiting_for", "sent_at", "message_id", "answered_at"):
        if why.get(key):
            head[key] = why[key]
    if why.get("provisional"):
        head["provisional"] = True
    for kind in ("invitation", "reminder"):
        if why.get(kind):
            head[kind] = why[kind]["status"]
    if why.get("follow_ups"):
        head["follow_ups"] = [f["status"] for f in why["follow_ups"]]
    return head


def _text(why: dict[str, Any]) -> str:
    lines = [fields(_summary(why)), "", why["text"]]
    if why["how"]:
        lines += ["", "how:"]
        lines += [
            f"  {n}. {s['step']:<15} {s['at']}  {s['text']}" for n, s in enumerate(why["how"], 1)
        ]
    if why["exclusion"] and why["exclusion"]["facts"]:
        lines += ["", "facts:"]
        lines += [f"  {k}: {v}" for k, v in why["exclusion"]["facts"].items()]
    emails = [why[k] for k in ("reminder",) if why.get(k)] + why["follow_ups"]
    if emails:
        lines += ["", "emails:"]
        lines += [f"  {e['kind']}: {e['text']}" for e in emails]
    if why["notes"]:
        lines += ["", "notes:"] + [f"  - {n}" for n in why["notes"]]
    return "\n".join(lines)


@app.command("explain", epilog=EXIT_CODES)
def explain(
    shop: ShopArg, order: OrderArg, url: Url = None, token: Token = None, as_json: Json = False
) -> None:
    """Why the order did (not) get a survey: queued (due time and how it was computed), sent,
    answered, excluded (the reason) or waiting (what for)."""
    with api.survey(url, token) as survey:
        why: dict[str, Any] = survey.call("GET", _path(shop, order, "explanation"))
    if as_json:
        show_json(why)
    else:
        show(_text(why))


@app.command("send-now", epilog=EXIT_CODES)
def send_now(
    shop: ShopArg,
    order: OrderArg,
    within_window: Annotated[
        bool,
        typer.Option(
            "--within-window",
            help="wait for the next moment inside the shop's send window instead",
        ),
    ] = False,
    url: Url = None,
    token: Token = None,
    as_json: Json = False,
) -> None:
    """Make the order's invitation due now, even outside the shop's send window unless
    `--within-window` (it is still checked for eligibility when it goes)."""
    now = datetime.now(UTC)
    with api.survey(url, token) as survey:
        listed: list[dict[str, Any]] = survey.call(
            "PUT",
            _path(shop, order, "send-at"),
            {"send_at": now.isoformat(), "outside_window": not within_window},
        )
    if not listed:
        raise CliError(f"the survey answered no survey for order {order}")
    moved = listed[0]
    if as_json:
        show_json(moved)
        return
    show(fields({k: moved[k] for k in ("order_id", "status", "send_at")}))
    if moved["status"] != "pending":
        note(
            f"# the invitation is {moved['status']} already: nothing more to send; "
            "`reviewloop surveys explain` says why"
        )
        return
    waits = " (inside the send window)" if within_window else ""
    note(f"# due at {moved['send_at']}{waits}; `reviewloop surveys explain` says why")
    # Due is not sent: the dispatcher checks eligibility when it goes. An order the facts
    # exclude already (cancelled, no consent, unsubscribed) must not read as on its way.
    with api.survey(url, token) as survey:
        why: dict[str, Any] = survey.call("GET", _path(shop, order, "explanation"))
    exclusion = why.get("exclusion")
    if exclusion:
        note(
            f"# it will not be sent as things stand: {exclusion['reason']}; "
            "`reviewloop surveys explain` says why"
        )
