"""The `reviewloop` command: its commands and options (typer), what they print (tables or
--json), and the rule that expected failures end with one line on stderr and exit status 1
(usage errors: 2), never with a traceback. What the commands do lives in api.py (the operator
HTTP APIs), database.py (migrate, reconcile), dlq.py (replay) and status.py."""

import asyncio
import logging
import os
import signal
import sys
from collections.abc import Sequence
from dataclasses import asdict
from importlib import metadata
from typing import Annotated, Any, Literal

import asyncpg
import typer
from aiokafka import ConsumerRecord
from aiokafka.errors import KafkaError

from services.cli import api
from services.cli import shops as shops_commands
from services.cli.common import (
    DEFAULT_BOOTSTRAP_SERVERS,
    CliError,
    KafkaOptions,
    kafka_env,
    kafka_security_from_env,
    one_line,
    selected_services,
)
from services.cli.emails import app as emails_app
from services.cli.output import ReaderGone, fields, note, show, show_json, table
from services.cli.surveys import app as surveys_app
from shared.db.migrations import MigrationError
from shared.events.orders import Platform
from shared.topics import PRODUCT_TOPICS

PROG = "reviewloop"
BOOTSTRAP_ENV = "REVIEWLOOP_KAFKA_BOOTSTRAP_SERVERS"
PREFIX_ENV = "REVIEWLOOP_KAFKA_TOPIC_PREFIX"
Role = Literal["agent", "manager", "admin"]
ServiceChoice = Literal["ingest", "survey", "notifier", "responder", "all"]
INTERRUPTED = 130
KAFKA_SECURITY = (
    "Kafka TLS and SASL come from REVIEWLOOP_KAFKA_SECURITY_PROTOCOL, _SASL_MECHANISM, "
    "_SASL_USERNAME, _SASL_PASSWORD, _SSL_CA_FILE, _SSL_CERT_FILE, _SSL_KEY_FILE, "
    "_SSL_KEY_PASSWORD, _SSL_CHECK_HOSTNAME (each falling back to the pod's "
    "<SERVICE>_KAFKA_...); "
    "default PLAINTEXT."
)


class _Run:
    """Set by the root options, read when an unexpected error decides whether to show its
    traceback."""

    debug = False


def _positive(value: int | None) -> int | None:
    if value is not None and value < 1:
        raise typer.BadParameter("must be at least 1")
    return value


# -- shared options -------------------------------------------------------------------------

Json = Annotated[bool, typer.Option("--json", help="print JSON instead of text")]
Service = Annotated[ServiceChoice, typer.Option(help="one service or all of them")]
BootstrapServers = Annotated[
    str | None,
    typer.Option(
        help=f"brokers (env {BOOTSTRAP_ENV}, else the pod's <SERVICE>_KAFKA_BOOTSTRAP_SERVERS; "
        f"default {DEFAULT_BOOTSTRAP_SERVERS})",
        rich_help_panel="Kafka",
    ),
]
TopicPrefix = Annotated[
    str | None,
    typer.Option(
        help=f"the services' *_KAFKA_TOPIC_PREFIX (env {PREFIX_ENV}, else the pod's "
        "<SERVICE>_KAFKA_TOPIC_PREFIX; default none)",
        rich_help_panel="Kafka",
    ),
]
IngestUrl = Annotated[
    str | None,
    typer.Option(
        "--url",
        help=f"ingest's base URL (env {api.INGEST_URL_ENV}; default {api.INGEST_URL})",
        rich_help_panel="ingest operator API",
    ),
]
IngestToken = Annotated[
    str | None,
    typer.Option(
        "--token",
        help=f"ingest's admin token (env {' or '.join(api.INGEST_TOKEN_ENVS)})",
        rich_help_panel="ingest operator API",
    ),
]
ResponderUrl = Annotated[
    str | None,
    typer.Option(
        "--url",
        help=f"responder's base URL (env {api.RESPONDER_URL_ENV}; default {api.RESPONDER_URL})",
        rich_help_panel="responder API",
    ),
]
ResponderToken = Annotated[
    str | None,
    typer.Option(
        "--token",
        help="the bootstrap admin key or an admin's API key "
        f"(env {' or '.join(api.RESPONDER_TOKEN_ENVS)})",
        rich_help_panel="responder API",
    ),
]


def _kafka(bootstrap_servers: str | None, topic_prefix: str | None) -> KafkaOptions:
    """Brokers, prefix and security from the options, else REVIEWLOOP_KAFKA_*, else the pod's
    service's own settings (kafka_service), so all three always come from the same place."""
    return KafkaOptions(
        bootstrap_servers or kafka_env("BOOTSTRAP_SERVERS") or DEFAULT_BOOTSTRAP_SERVERS,
        topic_prefix if topic_prefix is not None else kafka_env("TOPIC_PREFIX") or "",
        kafka_security_from_env(),
    )


def _one(value: dict[str, Any], as_json: bool) -> None:
    if as_json:
        show_json(value)
    else:
        show(fields(value))


# -- the application ------------------------------------------------------------------------

_SETTINGS = {"help_option_names": ["-h", "--help"]}

app = typer.Typer(
    name=PROG,
    help="Operate a Reviewloop installation: migrations, shops, users, dead letters, GDPR "
    "redaction, order reconciliation, lag and backlog.",
    epilog="Every command has --help. Databases are reached with each service's own settings "
    "(INGEST_DB_HOST, INGEST_DB_PASSWORD, ...), HTTP APIs with --url and --token.",
    context_settings=_SETTINGS,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
shops_app = typer.Typer(
    help="Register shops, rotate their webhook secrets, show their readiness (ingest).",
    no_args_is_help=True,
)
users_app = typer.Typer(help="Manage the responder's staff users.", no_args_is_help=True)
keys_app = typer.Typer(help="Manage the responder's API keys.", no_args_is_help=True)
dlq_app = typer.Typer(help="Inspect and replay dead-lettered messages.", no_args_is_help=True)
app.add_typer(shops_app, name="shops")
shops_commands.register(shops_app)
app.add_typer(users_app, name="users")
app.add_typer(keys_app, name="keys")
app.add_typer(dlq_app, name="dlq")
app.add_typer(emails_app, name="emails")
app.add_typer(surveys_app, name="surveys")


def _version(value: bool) -> None:
    if value:
        try:
            version = metadata.version(PROG)
        except metadata.PackageNotFoundError:
            version = "unknown (not installed)"
        show(f"{PROG} {version}")
        raise typer.Exit()


@app.callback()
def _root(
    debug: Annotated[
        bool, typer.Option("--debug", help="log verbosely and show tracebacks of errors")
    ] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="print the version"),
    ] = False,
) -> None:
    _Run.debug = debug
    logging.basicConfig(
        level=logging.DEBUG if debug else logging.WARNING,
        stream=sys.stderr,
        format="%(levelname)s %(name)s: %(message)s",
    )
    if not debug:
        # The client logs every failed connection attempt; the error we print says it once.
        logging.getLogger("aiokafka").setLevel(logging.CRITICAL)


# -- migrate, reconcile (databases) ---------------------------------------------------------


@app.command()
def migrate(service: Service = "all", as_json: Json = False) -> None:
    """Apply each service's database migrations (idempotent)."""
    from services.cli import database

    results = asyncio.run(database.migrate(selected_services(service)))
    if as_json:
        show_json([asdict(r) for r in results])
        return
    for result in results:
        if result.applied:
            show(
                f"{result.service}: applied {len(result.applied)} of {result.total} "
                f"migration(s): {', '.join(result.applied)}"
            )
        else:
            show(f"{result.service}: up to date ({result.total} migration(s))")


@app.command(
    help=(
        "Emit the order events an export adds after lost webhooks (JSON lines in the "
        "platform's own format); already announced facts produce nothing. Uses INGEST_DB_*."
    )
)
def reconcile(
    shop: Annotated[str, typer.Option(help="the shop the export belongs to")],
    path: Annotated[str, typer.Argument(metavar="FILE", help="JSON lines file, or - for stdin")],
    as_json: Json = False,
) -> None:
    from services.cli import database

    report = database.reconcile_file(shop, path)
    if as_json:
        show_json(
            {
                "lines": report.lines,
                "orders": report.orders,
                "events": report.events,
                "errors": [{"line": n, "reason": r} for n, r in report.errors],
            }
        )
    else:
        show(f"lines: {report.lines}  orders applied: {report.orders}")
        if report.events:
            show("events emitted:")
            for event_type, count in sorted(report.events.items()):
                show(f"  {count:>6}  {event_type}")
        else:
            show("events emitted: none (everything was known already)")
        for number, reason in report.errors:
            show(f"line {number}: {reason}")
    if report.errors:
        raise CliError(f"{len(report.errors)} line(s) could not be read (listed above)")


# -- shops (ingest) -------------------------------------------------------------------------

_SHOWN_ONCE = "the webhook secret is shown only now: configure it on the platform"


@shops_app.command("create")
def shops_create(
    shop_id: Annotated[
        str, typer.Argument(metavar="SHOP", help="the shop (tenant) id, e.g. my-shop")
    ],
    platform: Annotated[Platform, typer.Option()],
    name: Annotated[str, typer.Option(help="display name")],
    country: Annotated[str, typer.Option(help="ISO 3166-1 alpha-2, e.g. SI")],
    timezone: Annotated[str, typer.Option(help="IANA name, e.g. Europe/Ljubljana")],
    contact_email: Annotated[
        str,
        typer.Option(
            help="the shop's contact address: survey emails' Reply-To and the alert "
            "recipient by default"
        ),
    ],
    locale: Annotated[str, typer.Option()] = "en",
    webhook_secret: Annotated[
        str | None,
        typer.Option(help="the secret the platform signs with (generated when left out)"),
    ] = None,
    url: IngestUrl = None,
    token: IngestToken = None,
    as_json: Json = False,
) -> None:
    """Register a shop; prints its webhook secret once."""
    body: dict[str, Any] = {
        "shop_id": shop_id,
        "platform": platform,
        "display_name": name,
        "locale": locale,
        "country": country,
        "timezone": timezone,
        "contact_email": contact_email,
    }
    if webhook_secret:
        body["webhook_secret"] = webhook_secret
    with api.ingest(url, token) as ingest:
        shop = api.create_shop(ingest, body)
    _one(shop, as_json)
    note(f"# {_SHOWN_ONCE}")


@shops_app.command("rotate-secret")
def shops_rotate_secret(
    shop_id: Annotated[str, typer.Argument(metavar="SHOP")],
    webhook_secret: Annotated[
        str | None, typer.Option(help="the new secret (generated when left out)")
    ] = None,
    url: IngestUrl = None,
    token: IngestToken = None,
    as_json: Json = False,
) -> None:
    """Make a new webhook secret current; the previous one keeps verifying meanwhile."""
    with api.ingest(url, token) as ingest:
        shop = api.rotate_secret(ingest, shop_id, webhook_secret)
    _one(shop, as_json)
    note(f"# {_SHOWN_ONCE}; the previous secret keeps verifying until the next rotation")


# Header: the API's field.
_SHOP_COLUMNS = {
    "SHOP": "shop_id",
    "PLATFORM": "platform",
    "NAME": "display_name",
    "COUNTRY": "country",
    "TIMEZONE": "timezone",
    "API CREDS": "has_api_credentials",
    "PREV SECRET": "has_previous_secret",
}


@shops_app.command("list")
def shops_list(url: IngestUrl = None, token: IngestToken = None, as_json: Json = False) -> None:
    """List every registered shop."""
    with api.ingest(url, token) as ingest:
        shops = api.list_shops(ingest)
    if as_json:
        show_json(shops)
        return
    show(table(tuple(_SHOP_COLUMNS), ([s[k] for k in _SHOP_COLUMNS.values()] for s in shops)))
    note(f"{len(shops)} shop(s)")


# -- GDPR (ingest) --------------------------------------------------------------------------


@app.command(
    "redact-customer",
    help=(
        "Erase a customer everywhere, exactly as a platform's customers/redact webhook would "
        "(ingest redacts, then every service through reviewloop.privacy). Irreversible."
    ),
)
def redact_customer(
    shop: Annotated[str, typer.Option()],
    email: Annotated[str | None, typer.Option(help="the customer's email")] = None,
    customer_id: Annotated[str | None, typer.Option(help="the platform's customer id")] = None,
    order_id: Annotated[
        list[str] | None, typer.Option(help="an order to redact as well (repeatable)")
    ] = None,
    request_id: Annotated[
        str | None, typer.Option(help="your reference, e.g. a ticket (generated by default)")
    ] = None,
    yes: Annotated[bool, typer.Option("--yes", help="do not ask for confirmation")] = False,
    url: IngestUrl = None,
    token: IngestToken = None,
    as_json: Json = False,
) -> None:
    if not (email or customer_id):
        raise CliError("name the customer: --email and/or --customer-id")
    who = " / ".join(x for x in (customer_id, email) if x)
    if not yes:
        if not sys.stdin.isatty():
            raise CliError("a redaction cannot be undone: pass --yes to confirm")
        answer = input(f"Erase customer {who} of shop {shop} from every service? [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            raise CliError("cancelled")
    body: dict[str, Any] = {"order_ids": order_id or []}
    if email:
        body["email"] = email
    if customer_id:
        body["customer_id"] = customer_id
    if request_id:
        body["request_id"] = request_id
    with api.ingest(url, token) as ingest:
        accepted = api.redact_customer(ingest, shop, body)
    _one(accepted, as_json)
    note(
        f"# customer {who} is redacted in ingest; the other services follow through "
        "reviewloop.privacy"
    )


# -- users and API keys (responder) ---------------------------------------------------------


@users_app.command("create")
def users_create(
    name: Annotated[str, typer.Option()],
    role: Annotated[Role, typer.Option()],
    shop: Annotated[list[str], typer.Option(help="a shop the user works on (repeatable)")],
    email: Annotated[str | None, typer.Option()] = None,
    url: ResponderUrl = None,
    token: ResponderToken = None,
    as_json: Json = False,
) -> None:
    """Create a responder user."""
    body: dict[str, Any] = {"name": name, "role": role, "shop_ids": shop}
    if email:
        body["email"] = email
    with api.responder(url, token) as responder:
        user = api.create_user(responder, body, shop)
    _one(user, as_json)


@users_app.command("list")
def users_list(
    url: ResponderUrl = None, token: ResponderToken = None, as_json: Json = False
) -> None:
    """List the responder's users."""
    with api.responder(url, token) as responder:
        users = api.list_users(responder)
    if as_json:
        show_json(users)
        return
    show(
        table(
            ("ID", "NAME", "EMAIL", "ROLE", "SHOPS", "ACTIVE"),
            (
                (u["id"], u["name"], u["email"], u["role"], ",".join(u["shop_ids"]), u["active"])
                for u in users
            ),
        )
    )


@keys_app.command("create")
def keys_create(
    user: Annotated[int, typer.Option(callback=_positive, help="the user's id")],
    name: Annotated[str, typer.Option(help="what the key is for")] = "",
    url: ResponderUrl = None,
    token: ResponderToken = None,
    as_json: Json = False,
) -> None:
    """Create an API key for a user; prints it once."""
    with api.responder(url, token) as responder:
        key = api.create_key(responder, user, name)
    _one(key, as_json)
    note("# the key is shown only now: hand it to its user")


# -- dlq replay, status (Kafka) -------------------------------------------------------------


@dlq_app.command(
    "replay",
    epilog=KAFKA_SECURITY,
    help=(
        "List (default) or replay the dead letters of a topic: read <topic>.dlq from the "
        "replay group's offsets and, with --execute, produce the messages again to <topic> "
        "(key, value and headers without x-dlq-*) and commit the offsets in the same Kafka "
        "transaction. Running it again replays only what was dead-lettered since."
    ),
)
def dlq_replay(
    topic: Annotated[
        str,
        typer.Option(help="the original topic: " + ", ".join(t.name for t in PRODUCT_TOPICS)),
    ],
    dry_run: Annotated[
        bool,
        typer.Option("--dry-run", help="list what would be replayed, change nothing (default)"),
    ] = False,
    execute: Annotated[bool, typer.Option("--execute", help="replay for real")] = False,
    limit: Annotated[
        int | None, typer.Option(callback=_positive, help="at most this many messages")
    ] = None,
    group: Annotated[
        str | None,
        typer.Option(help="the replay's consumer group without prefix (default ops.dlq-replay)"),
    ] = None,
    batch_size: Annotated[
        int, typer.Option(callback=_positive, help="messages per Kafka transaction")
    ] = 500,
    bootstrap_servers: BootstrapServers = None,
    topic_prefix: TopicPrefix = None,
    as_json: Json = False,
) -> None:
    from services.cli import dlq

    if dry_run and execute:
        raise typer.BadParameter("not allowed with --dry-run", param_hint="'--execute'")
    records: list[dict[str, Any]] = []

    def listed(record: ConsumerRecord) -> None:
        if as_json:
            records.append(dlq.as_dict(record))
        else:
            show(dlq.describe(record))

    report = asyncio.run(
        dlq.replay(
            _kafka(bootstrap_servers, topic_prefix),
            topic,
            execute=execute,
            limit=limit,
            group=group,
            batch_size=batch_size,
            on_record=listed,
        )
    )
    if as_json:
        show_json({**dlq.report_dict(report), "records": records})
    else:
        show(dlq.summary(report, limit))


@app.command(epilog=KAFKA_SECURITY)
def status(
    group: Annotated[
        list[str] | None,
        typer.Option(
            help="only this consumer group, without prefix (repeatable; default Reviewloop's "
            "groups under the prefix)"
        ),
    ] = None,
    service: Annotated[
        ServiceChoice,
        typer.Option(
            help="whose outbox to read (uses <SERVICE>_DB_*; all: the services configured in "
            "this environment, inside a pod its own, else every one)"
        ),
    ] = "all",
    fail_on_lag: Annotated[
        int | None,
        typer.Option(
            help="exit 1 when a group's total lag is above this many messages (for scripts)",
            min=0,
        ),
    ] = None,
    bootstrap_servers: BootstrapServers = None,
    topic_prefix: TopicPrefix = None,
    as_json: Json = False,
) -> None:
    """Consumer lag per group, topic and partition, and each service's outbox backlog."""
    from services.cli import status as reading

    kafka = _kafka(bootstrap_servers, topic_prefix)
    result = asyncio.run(reading.collect(kafka, group or None, selected_services(service)))
    if as_json:
        show_json(reading.as_json(result))
    else:
        show(reading.as_text(result))
    if result.errors:
        raise CliError("status incomplete: " + "; ".join(result.errors))
    if fail_on_lag is not None and (over := reading.over_lag(result, fail_on_lag)):
        raise CliError(
            f"lag above {fail_on_lag}: " + ", ".join(f"{g}={n}" for g, n in over.items())
        )


# -- running it -----------------------------------------------------------------------------


def _reader_gone() -> int:
    """The output's reader left (`reviewloop shops list | head -1`): what it did not read is
    not an error. Later writes, Python's own flush at exit included, go to /dev/null instead
    of raising again; the status is a shell's for a process ended by SIGPIPE."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    return 128 + signal.SIGPIPE


def main(argv: Sequence[str] | None = None) -> int:
    """The console script. Help, --version and usage errors end with SystemExit (0 and 2), as
    they always did; everything else returns the exit status."""
    try:
        try:
            return _run(argv)
        finally:
            # Output still buffered (--help included) would otherwise meet the closed pipe in
            # Python's flush at exit, after this handler is gone.
            sys.stdout.flush()
    except BrokenPipeError:
        return _reader_gone()


def _usage_error(exc: typer.TyperException) -> None:
    ctx: typer.Context | None = getattr(exc, "ctx", None)
    if exc.__class__.__name__ == "NoArgsIsHelpError":
        return  # a group without its command: typer has printed the group's help
    if ctx is not None:
        print(ctx.get_usage(), file=sys.stderr)
        print(f"Try '{ctx.command_path} -h' for help.", file=sys.stderr)
    print(f"{PROG}: error: {exc.format_message()}", file=sys.stderr)


def _run(argv: Sequence[str] | None) -> int:
    _Run.debug = False
    command = typer.main.get_command(app)
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        ended = command.main(args=args, prog_name=PROG, standalone_mode=False)
    except typer.TyperException as exc:  # usage errors: what was wrong, and where to look
        _usage_error(exc)
        raise SystemExit(exc.exit_code) from None
    except CliError as exc:
        reason = str(exc)
    except typer.Abort:  # end of input at a prompt
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except ReaderGone:
        raise BrokenPipeError from None  # our own output's reader left (see main)
    except SystemExit as exc:
        # Inside a command only a closed stdout exits 1 this way: rich's console (--help into
        # `| head`) and typer end a broken pipe so on their own.
        if exc.code == 1:
            return _reader_gone()
        raise
    except (KafkaError, asyncpg.PostgresError, MigrationError, OSError, TimeoutError) as exc:
        if _Run.debug:
            raise
        reason = one_line(exc)
    else:
        if ended == INTERRUPTED:  # typer's own status for ^C
            print(f"{PROG}: interrupted", file=sys.stderr)
            return INTERRUPTED
        if isinstance(ended, int):
            raise SystemExit(ended)  # --help, --version, completion: typer's own exit
        return 0
    print(f"{PROG}: error: {reason}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
