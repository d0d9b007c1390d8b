"""The `reviewloop` command: argument parsing, dispatch, and the rule that expected failures
end with one line on stderr and exit status 1 (usage errors: 2), never with a traceback."""

import argparse
import asyncio
import logging
import os
import signal
import sys
from collections.abc import Sequence
from typing import get_args

import asyncpg
from aiokafka.errors import KafkaError

from services.cli import api
from services.cli.common import (
    DEFAULT_BOOTSTRAP_SERVERS,
    SERVICES,
    CliError,
    KafkaOptions,
    env,
    kafka_security_from_env,
    one_line,
)
from shared.db.migrations import MigrationError
from shared.events.orders import Platform
from shared.topics import PRODUCT_TOPICS

PROG = "reviewloop"
BOOTSTRAP_ENV = "REVIEWLOOP_KAFKA_BOOTSTRAP_SERVERS"
PREFIX_ENV = "REVIEWLOOP_KAFKA_TOPIC_PREFIX"
ROLES = ("agent", "manager", "admin")
PLATFORMS: tuple[str, ...] = get_args(Platform)


# -- subcommands that need Kafka ------------------------------------------------------------


def _kafka(args: argparse.Namespace) -> KafkaOptions:
    return KafkaOptions(args.bootstrap_servers, args.topic_prefix, kafka_security_from_env())


def _dlq_replay(args: argparse.Namespace) -> int:
    from services.cli import dlq

    report = asyncio.run(
        dlq.replay(
            _kafka(args),
            args.topic,
            execute=args.execute,
            limit=args.limit,
            group=args.group,
            batch_size=args.batch_size,
            out=sys.stdout,
        )
    )
    print(dlq.summary(report, args.limit))
    return 0


def _status(args: argparse.Namespace) -> int:
    from services.cli import status

    services = list(SERVICES) if args.service == "all" else [args.service]
    result = asyncio.run(status.collect(_kafka(args), args.group, services))
    print(status.as_json(result) if args.json else status.as_text(result))
    if result.errors:
        raise CliError("status incomplete: " + "; ".join(result.errors))
    return 0


def _migrate(args: argparse.Namespace) -> int:
    from services.cli import database

    return database.run_migrate(args)


def _reconcile(args: argparse.Namespace) -> int:
    from services.cli import database

    return database.run_reconcile(args)


# -- the parser -----------------------------------------------------------------------------


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _kafka_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group(
        "Kafka",
        "TLS and SASL come from REVIEWLOOP_KAFKA_SECURITY_PROTOCOL, _SASL_MECHANISM, "
        "_SASL_USERNAME, _SASL_PASSWORD, _SSL_CA_FILE, _SSL_CERT_FILE, _SSL_KEY_FILE, "
        "_SSL_KEY_PASSWORD, _SSL_CHECK_HOSTNAME (each falling back to INGEST_KAFKA_...); "
        "default PLAINTEXT.",
    )
    group.add_argument(
        "--bootstrap-servers",
        default=env(BOOTSTRAP_ENV) or DEFAULT_BOOTSTRAP_SERVERS,
        help=f"brokers (env {BOOTSTRAP_ENV}; default %(default)s)",
    )
    group.add_argument(
        "--topic-prefix",
        default=env(PREFIX_ENV) or "",
        help=f"the services' *_KAFKA_TOPIC_PREFIX (env {PREFIX_ENV}; default none)",
    )


def _command(
    sub: "argparse._SubParsersAction[argparse.ArgumentParser]", name: str, help_text: str
) -> argparse.ArgumentParser:
    return sub.add_parser(name, help=help_text, description=help_text)


def _subcommands(
    parser: argparse.ArgumentParser, title: str
) -> "argparse._SubParsersAction[argparse.ArgumentParser]":
    return parser.add_subparsers(title=title, dest="action", required=True, metavar="ACTION")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Operate a Reviewloop installation: migrations, shops, users, dead "
        "letters, GDPR redaction, order reconciliation, lag and backlog.",
        epilog="Every command has --help. Databases are reached with each service's own "
        "settings (INGEST_DB_HOST, INGEST_DB_PASSWORD, ...), HTTP APIs with --url and --token.",
    )
    parser.add_argument(
        "--debug", action="store_true", help="log verbosely and show tracebacks of errors"
    )
    sub = parser.add_subparsers(title="commands", dest="command", required=True, metavar="COMMAND")

    # migrate
    p = _command(sub, "migrate", "Apply each service's database migrations (idempotent).")
    p.add_argument(
        "--service",
        choices=(*SERVICES, "all"),
        default="all",
        help="one service or all of them (default %(default)s)",
    )
    p.set_defaults(func=_migrate)

    # shops
    shops = _command(sub, "shops", "Register shops and rotate their webhook secrets (ingest).")
    shop_actions = _subcommands(shops, "actions")
    p = _command(shop_actions, "create", "Register a shop; prints its webhook secret once.")
    p.add_argument("shop_id", help="the shop (tenant) id, e.g. my-shop")
    p.add_argument("--platform", required=True, choices=PLATFORMS)
    p.add_argument("--name", required=True, help="display name")
    p.add_argument("--country", required=True, help="ISO 3166-1 alpha-2, e.g. SI")
    p.add_argument("--timezone", required=True, help="IANA name, e.g. Europe/Ljubljana")
    p.add_argument("--locale", default="en", help="default %(default)s")
    p.add_argument(
        "--contact-email", help="the shop's contact address (alerted while no support address)"
    )
    p.add_argument(
        "--webhook-secret", help="the secret the platform signs with (generated when left out)"
    )
    api.add_ingest_options(p)
    p.set_defaults(func=api.shops_create)
    p = _command(
        shop_actions,
        "rotate-secret",
        "Make a new webhook secret current; the previous one keeps verifying meanwhile.",
    )
    p.add_argument("shop_id")
    p.add_argument("--webhook-secret", help="the new secret (generated when left out)")
    api.add_ingest_options(p)
    p.set_defaults(func=api.shops_rotate_secret)
    p = _command(shop_actions, "list", "List every registered shop.")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    api.add_ingest_options(p)
    p.set_defaults(func=api.shops_list)

    # users / keys
    users = _command(sub, "users", "Manage the responder's staff users.")
    user_actions = _subcommands(users, "actions")
    p = _command(user_actions, "create", "Create a responder user.")
    p.add_argument("--name", required=True)
    p.add_argument("--email")
    p.add_argument("--role", required=True, choices=ROLES)
    p.add_argument(
        "--shop", required=True, action="append", help="a shop the user works on (repeatable)"
    )
    api.add_responder_options(p)
    p.set_defaults(func=api.users_create)
    p = _command(user_actions, "list", "List the responder's users.")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    api.add_responder_options(p)
    p.set_defaults(func=api.users_list)

    keys = _command(sub, "keys", "Manage the responder's API keys.")
    key_actions = _subcommands(keys, "actions")
    p = _command(key_actions, "create", "Create an API key for a user; prints it once.")
    p.add_argument("--user", required=True, type=_positive, help="the user's id")
    p.add_argument("--name", default="", help="what the key is for")
    api.add_responder_options(p)
    p.set_defaults(func=api.keys_create)

    # dlq
    dlq = _command(sub, "dlq", "Inspect and replay dead-lettered messages.")
    dlq_actions = _subcommands(dlq, "actions")
    p = _command(
        dlq_actions,
        "replay",
        "List (default) or replay the dead letters of a topic: read <topic>.dlq from the "
        "replay group's offsets and, with --execute, produce the messages again to <topic> "
        "(key, value and headers without x-dlq-*) and commit the offsets in the same Kafka "
        "transaction. Running it again replays only what was dead-lettered since.",
    )
    p.add_argument(
        "--topic",
        required=True,
        help="the original topic: " + ", ".join(t.name for t in PRODUCT_TOPICS),
    )
    mode = p.add_mutually_exclusive_group()
    mode.add_argument(
        "--dry-run",
        dest="execute",
        action="store_false",
        help="list what would be replayed, change nothing (the default)",
    )
    mode.add_argument("--execute", action="store_true", help="replay for real")
    # Explicitly: a store_false option would otherwise make executing the default.
    p.set_defaults(execute=False)
    p.add_argument("--limit", type=_positive, help="at most this many messages")
    p.add_argument(
        "--group", help="the replay's consumer group without prefix (default ops.dlq-replay)"
    )
    p.add_argument(
        "--batch-size",
        type=_positive,
        default=500,
        help="messages per Kafka transaction (default %(default)s)",
    )
    _kafka_options(p)
    p.set_defaults(func=_dlq_replay)

    # redact-customer
    p = _command(
        sub,
        "redact-customer",
        "Erase a customer everywhere, exactly as a platform's customers/redact webhook would "
        "(ingest redacts, then every service through reviewloop.privacy). Irreversible.",
    )
    p.add_argument("--shop", required=True)
    p.add_argument("--email", help="the customer's email")
    p.add_argument("--customer-id", help="the platform's customer id")
    p.add_argument("--order-id", action="append", help="an order to redact as well (repeatable)")
    p.add_argument("--request-id", help="your reference, e.g. a ticket (generated by default)")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    api.add_ingest_options(p)
    p.set_defaults(func=api.redact_customer)

    # reconcile
    p = _command(
        sub,
        "reconcile",
        "Emit the order events an export adds after lost webhooks (JSON lines in the "
        "platform's own format); already announced facts produce nothing. Uses INGEST_DB_*.",
    )
    p.add_argument("--shop", required=True)
    p.add_argument("path", metavar="FILE", help="JSON lines file, or - for standard input")
    p.set_defaults(func=_reconcile)

    # status
    p = _command(
        sub,
        "status",
        "Consumer lag per group, topic and partition, and each service's outbox backlog.",
    )
    p.add_argument(
        "--group",
        action="append",
        help="only this consumer group, without prefix (repeatable; default all under the prefix)",
    )
    p.add_argument(
        "--service",
        choices=(*SERVICES, "all"),
        default="all",
        help="whose outbox to read (default %(default)s; uses <SERVICE>_DB_*)",
    )
    p.add_argument("--json", action="store_true", help="print JSON instead of tables")
    _kafka_options(p)
    p.set_defaults(func=_status)
    return parser


def _logging(debug: bool) -> None:
    logging.basicConfig(
        level=logging.DEBUG if debug else logging.WARNING,
        stream=sys.stderr,
        format="%(levelname)s %(name)s: %(message)s",
    )
    if not debug:
        # The client logs every failed connection attempt; the error we print says it once.
        logging.getLogger("aiokafka").setLevel(logging.CRITICAL)


def _reader_gone() -> int:
    """The output's reader left (`reviewloop shops list | head -1`): what it did not read is
    not an error. Later writes, Python's own flush at exit included, go to /dev/null instead
    of raising again; the status is a shell's for a process ended by SIGPIPE."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    return 128 + signal.SIGPIPE


def main(argv: Sequence[str] | None = None) -> int:
    try:
        try:
            return _run(argv)
        finally:
            # Output still buffered (argparse's --help included) would otherwise meet the
            # closed pipe in Python's flush at exit, after this handler is gone.
            sys.stdout.flush()
    except BrokenPipeError:
        return _reader_gone()


def _run(argv: Sequence[str] | None) -> int:
    args = build_parser().parse_args(argv)
    _logging(args.debug)
    try:
        code: int = args.func(args)
    except CliError as exc:
        reason = str(exc)
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        raise  # our own output's reader left: not the OSError of a server (see main)
    except (KafkaError, asyncpg.PostgresError, MigrationError, OSError, TimeoutError) as exc:
        if args.debug:
            raise
        reason = one_line(exc)
    else:
        return code
    print(f"{PROG}: error: {reason}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
