"""The four services of the local stack and the responder's storefront process: database
provisioning, start (``python -m services.<name>`` on its fixed port), readiness, stop."""

import json
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from deploy.local.launcher import (
    HealthWait,
    Launched,
    pid_alive,
    port_open,
    probe,
    python_module,
    run,
    running_pid,
    stop_pid_files,
    tail,
    wait_healthy,
)
from deploy.local.layout import (
    DEFAULT_STATE_DIR,
    LOCALHOST,
    REPO_ROOT,
    SERVICE_MODULES,
    SERVICE_PORTS,
    StackError,
    log,
    log_file,
    pid_file,
    resolve_state,
    stack_lock,
)
from deploy.local.postgres import PostgresInfo

SERVICE_READY_TIMEOUT = 90.0
SERVICE_STOP_TIMEOUT = 15.0


def marker(name: str) -> str:
    return SERVICE_MODULES.get(name, f"services.{name}")


def readyz_url(name: str) -> str:
    return f"http://{LOCALHOST}:{SERVICE_PORTS[name]}/readyz"


def readyz(name: str) -> int | None:
    """The status /readyz answers, None when nothing answers."""
    answer = probe(readyz_url(name))
    return None if answer is None else answer[0]


def own_pid(state_dir: Path, name: str) -> int | None:
    return running_pid(pid_file(state_dir, name), marker(name))


def provision_database(pg: PostgresInfo) -> None:
    """Run shared.db.provision (creates the reviewloop DB, roles, schemas); it is idempotent."""
    log.info("provisioning database via shared.db.provision")
    run(
        [sys.executable, "-m", "shared.db.provision"],
        what="python -m shared.db.provision",
        cwd=REPO_ROOT,
        env={**os.environ, "REVIEWLOOP_ADMIN_DSN": pg.admin_dsn},
    )


def start_services(state_dir: Path = DEFAULT_STATE_DIR, names: Sequence[str] | None = None) -> None:
    """Start the services (``python -m services.<name>``) and wait for their /readyz."""
    state_dir = resolve_state(state_dir)
    names = list(names or SERVICE_PORTS)
    with stack_lock():
        pids: dict[str, int | None] = {}
        for name in names:
            pid = own_pid(state_dir, name)
            if pid is None and port_open(SERVICE_PORTS[name]):
                # Not ours (e.g. started from an IDE): use it if healthy, don't fight over the port.
                log.warning("%s: port %d already in use, not starting", name, SERVICE_PORTS[name])
            elif pid is None:
                log.info("starting %s on port %d", name, SERVICE_PORTS[name])
                env = {
                    # The survey page links the shop's review policy on the local storefront.
                    **(
                        {"SURVEY_STOREFRONT_PUBLIC_URL": "http://127.0.0.1:8005"}
                        if name == "survey"
                        else {}
                    ),
                    **os.environ,
                    f"{name.upper()}_ENVIRONMENT": "development",
                    "PYTHONUNBUFFERED": "1",
                }
                pid = (
                    Launched(
                        name,
                        python_module(marker(name)),
                        log_path=log_file(state_dir, name),
                        pid_path=pid_file(state_dir, name),
                        env=env,
                    )
                    .start()
                    .pid
                )
            pids[name] = pid
        _wait_for_services(state_dir, pids)


def connected(status: int, body: bytes) -> bool:
    """Ready, and connected to Kafka where the service uses it: the services answer on
    PostgreSQL alone and set Kafka up in the background, but the stack is up only once their
    consumers and relays run (a test or a walk-through right after `up` needs them)."""
    if status != 200:
        return False
    try:
        checks = json.loads(body).get("checks", {})
    except ValueError:
        return False
    return checks.get("kafka") is not False


def _wait_for_services(state_dir: Path, pids: dict[str, int | None]) -> None:
    # One deadline for all: they start together, so waiting in turn costs no more than the
    # slowest of them.
    started = time.monotonic()
    deadline = started + SERVICE_READY_TIMEOUT
    failed: dict[str, str] = {}
    for name, pid in pids.items():

        def alive(pid: int | None = pid, name: str = name) -> bool:
            return pid is None or pid_alive(pid, marker(name))

        failure = wait_healthy(
            HealthWait(readyz_url(name), max(0.0, deadline - time.monotonic()), alive, connected)
        )
        if failure is None:
            log.info("%s ready (%.1fs)", name, time.monotonic() - started)
        else:
            failed[name] = failure
    if failed:
        report = "\n".join(
            f"--- {name}: {reason}; last lines of {log_file(state_dir, name)}:\n"
            f"{tail(log_file(state_dir, name))}"
            for name, reason in failed.items()
        )
        raise StackError(f"services failed to start: {', '.join(failed)}\n{report}")


def stop_services(state_dir: Path = DEFAULT_STATE_DIR) -> None:
    state_dir = resolve_state(state_dir)
    with stack_lock():
        entries = [(pid_file(state_dir, n), marker(n), n) for n in SERVICE_PORTS]
        stop_pid_files(entries, SERVICE_STOP_TIMEOUT)
