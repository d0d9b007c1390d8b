"""``python -m deploy.local.stack {up,down,status,infra-up,infra-down,prereqs,clean}``: the
commands (the ``deploy/local/stack`` wrapper also prepares the virtualenv and runs ``test``)."""

import argparse
import logging
import os
import shutil
import signal
import sys
from collections.abc import Sequence
from pathlib import Path

from deploy.local import broker, postgres, services, smtp_sink
from deploy.local.launcher import listener_pid, port_open
from deploy.local.layout import (
    DEFAULT_STATE_DIR,
    KAFKA_PORT,
    LOCALHOST,
    PG_PORT,
    SERVICE_PORTS,
    SMTP_PORT,
    STATE_DIR_ENV,
    StackError,
    is_root,
    log_file,
    pg_home,
    resolve_state,
    stack_lock,
)
from deploy.local.packages import install_prerequisites
from deploy.local.postgres import PostgresInfo

TOPIC_PARTITIONS_ENV = "REVIEWLOOP_TOPIC_PARTITIONS"


def _topic_partitions_from_env() -> int | None:
    raw = os.environ.get(TOPIC_PARTITIONS_ENV, "").strip()
    if not raw:
        return None
    try:
        value = int(raw)
    except ValueError as exc:
        raise StackError(f"{TOPIC_PARTITIONS_ENV}={raw!r} is not an integer") from exc
    if value < 1:
        raise StackError(f"{TOPIC_PARTITIONS_ENV} must be >= 1, got {value}")
    return value


def _print_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, ["-" * w for w in widths], *rows]:
        cells = (str(cell).ljust(width) for cell, width in zip(row, widths, strict=True))
        print("  ".join(cells).rstrip())


def _infra_up(state_dir: Path) -> PostgresInfo:
    install_prerequisites()
    pg = postgres.ensure_postgres(state_dir)
    kafka = broker.ensure_kafka(state_dir)
    smtp = smtp_sink.ensure_smtp(state_dir)
    broker.create_topics(kafka.bootstrap_servers, partitions=_topic_partitions_from_env())

    def how(started_here: bool) -> str:
        return "started" if started_here else "already running"

    _print_table(
        ["component", "address", "state", "log"],
        [
            ["postgres", pg.admin_dsn, how(pg.started_here), str(log_file(state_dir, "postgres"))],
            [
                "kafka",
                kafka.bootstrap_servers,
                how(kafka.started_here),
                str(log_file(state_dir, "kafka")),
            ],
            [
                "smtp",
                f"smtp://{smtp.host}:{smtp.port} -> {smtp.maildir}",
                how(smtp.started_here),
                str(log_file(state_dir, "smtp")),
            ],
        ],
    )
    return pg


def _cmd_up(state_dir: Path) -> None:
    pg = _infra_up(state_dir)
    services.provision_database(pg)
    services.start_services(state_dir)
    print()
    _print_table(
        ["service", "url", "log"],
        [
            [name, f"http://{LOCALHOST}:{port}", str(log_file(state_dir, name))]
            for name, port in SERVICE_PORTS.items()
        ],
    )


def _cmd_infra_down(state_dir: Path) -> None:
    smtp_sink.stop_smtp(state_dir)
    broker.stop_kafka(state_dir)
    postgres.stop_postgres(state_dir)


def _stop_all(state_dir: Path) -> None:
    services.stop_services(state_dir)
    _cmd_infra_down(state_dir)


def _cmd_down(state_dir: Path) -> None:
    _stop_all(state_dir)
    print("stopped (data kept; `clean` wipes it)")


def _cmd_status(state_dir: Path) -> int:
    """Print what runs; exit status 0 only if everything (infra and services) is healthy."""
    rows: list[list[str]] = []

    def add(name: str, up: bool, pid: int | None, address: str, detail: str = "") -> None:
        rows.append([name, "running" if up else "stopped", str(pid or "-"), address, detail])

    def external(own_pid: int | None, up: bool) -> str:
        return "not started from this state dir" if up and own_pid is None else ""

    pg_up = postgres.ready()
    pg_pid = postgres.own_pid(state_dir)
    add(
        "postgres",
        pg_up,
        pg_pid or (listener_pid(PG_PORT) if pg_up else None),
        f"{LOCALHOST}:{PG_PORT}",
        external(pg_pid, pg_up),
    )

    kafka_pid = broker.own_pid(state_dir)
    kafka_up = port_open(KAFKA_PORT)
    if kafka_up:
        failure = broker.probe(broker.bootstrap(), timeout=15)
        kafka_detail = "probe ok" if failure is None else f"probe failed: {failure}"
        kafka_up = failure is None
    else:
        kafka_detail = "starting (port not open yet)" if kafka_pid is not None else ""
    add(
        "kafka",
        kafka_up,
        kafka_pid or listener_pid(KAFKA_PORT),
        broker.bootstrap(),
        " ".join(filter(None, [kafka_detail, external(kafka_pid, kafka_up)])),
    )

    smtp_up = smtp_sink.smtp_ready()
    smtp_own = smtp_sink.own_pid(state_dir)
    smtp_pid = smtp_own or (listener_pid(SMTP_PORT) if smtp_up else None)
    maildir = smtp_sink.maildir_of(smtp_pid) or smtp_sink.maildir_in(state_dir)
    add("smtp", smtp_up, smtp_pid, f"{LOCALHOST}:{SMTP_PORT}", f"maildir {maildir}")

    healthy = pg_up and kafka_up and smtp_up
    for name, port in SERVICE_PORTS.items():
        pid = services.own_pid(state_dir, name)
        status = services.readyz(name) if (pid is not None or port_open(port)) else None
        healthy = healthy and status == 200
        detail = "" if status is None else f"/readyz {status}"
        add(name, status is not None, pid, f"http://{LOCALHOST}:{port}", detail)

    _print_table(["component", "state", "pid", "address", "detail"], rows)
    return 0 if healthy else 3


def _cmd_clean(state_dir: Path) -> None:
    _stop_all(state_dir)
    with stack_lock():
        home = pg_home(state_dir)
        if is_root() and home.exists():
            shutil.rmtree(home)
        if state_dir.exists():
            shutil.rmtree(state_dir)
    print(f"removed {state_dir}" + (f" and {home}" if is_root() else ""))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m deploy.local.stack",
        description="Run the Reviewloop stack locally without Docker.",
    )
    parser.add_argument(
        "command",
        choices=["up", "down", "status", "infra-up", "infra-down", "prereqs", "clean"],
        help=(
            "up: infra + DB provisioning + services; infra-up: PostgreSQL, Kafka, SMTP sink and "
            "topics only; down/infra-down: stop them; status: what runs; prereqs: install "
            "PostgreSQL/Java/Maven, the Kafka jars and Chromium; clean: down and delete all "
            "local data"
        ),
    )
    parser.add_argument(
        "--state-dir",
        type=Path,
        default=Path(os.environ.get(STATE_DIR_ENV) or DEFAULT_STATE_DIR),
        help=f"where data, logs and pid files live (default: ${STATE_DIR_ENV} or .local/)",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="only print warnings")
    args = parser.parse_args(argv)
    # `stack status | head` should end quietly, not with a BrokenPipeError traceback.
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    logging.basicConfig(
        level=logging.WARNING if args.quiet else logging.INFO,
        format="%(asctime)s %(levelname)s %(message)s",
        datefmt="%H:%M:%S",
    )
    # aiokafka logs every failed connection attempt while the broker boots; our own messages say
    # enough.
    logging.getLogger("aiokafka").setLevel(logging.CRITICAL)
    state_dir = resolve_state(args.state_dir)
    try:
        match args.command:
            case "prereqs":
                install_prerequisites(browser=True)
            case "infra-up":
                _infra_up(state_dir)
            case "up":
                _cmd_up(state_dir)
            case "infra-down":
                _cmd_infra_down(state_dir)
            case "down":
                _cmd_down(state_dir)
            case "status":
                return _cmd_status(state_dir)
            case "clean":
                _cmd_clean(state_dir)
    except StackError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    return 0
