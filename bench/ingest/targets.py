"""What the benchmark runs against: the local infrastructure, a throwaway database, the real
ingest process and the bare ceiling process. Everything is started here and undone here."""

import asyncio
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from bench.ingest.machine import process_cpu_seconds
from bench.ingest.payloads import SHOP_ID
from deploy.local import stack
from deploy.local.launcher import Launched, free_port, python_module
from shared.db.provision import drop_database, provision, roles_from_env
from shared.settings import dev_secret

HOST = "127.0.0.1"
SERVICES = ("ingest", "survey", "notifier", "responder")
READY_TIMEOUT_S = 90.0
STOP_TIMEOUT_S = 15.0
ADMIN_HEADERS = {"Authorization": f"Bearer {dev_secret('admin-token').get_secret_value()}"}


@dataclass(frozen=True)
class Infra:
    admin_dsn: str
    pg_host: str
    pg_port: int
    bootstrap_servers: str
    pg_started_here: bool
    kafka_started_here: bool


async def start_infra() -> Infra:
    # The stack functions block (and may run their own event loop): keep them off ours.
    pg = await asyncio.to_thread(stack.ensure_postgres)
    try:
        kafka = await asyncio.to_thread(stack.ensure_kafka)
    except BaseException:
        if pg.started_here:
            await asyncio.to_thread(stack.stop_postgres)
        raise
    return Infra(
        admin_dsn=pg.admin_dsn,
        pg_host=pg.host,
        pg_port=pg.port,
        bootstrap_servers=kafka.bootstrap_servers,
        pg_started_here=pg.started_here,
        kafka_started_here=kafka.started_here,
    )


async def stop_infra(infra: Infra) -> list[str]:
    """Stop only what this run started; a stack someone else runs is left alone."""
    stopped = []
    if infra.kafka_started_here:
        await asyncio.to_thread(stack.stop_kafka)
        stopped.append("kafka")
    if infra.pg_started_here:
        await asyncio.to_thread(stack.stop_postgres)
        stopped.append("postgres")
    return stopped


async def create_database(infra: Infra, name: str) -> None:
    await provision(infra.admin_dsn, name, roles_from_env({}))


async def remove_database(infra: Infra, name: str) -> None:
    await drop_database(infra.admin_dsn, name)


@dataclass
class ServerProcess:
    """`python -m <module> <args>` on `port`, by the local stack's launcher."""

    name: str
    module: str
    args: list[str]
    env: dict[str, str]
    port: int
    log_path: Path
    process: Launched = field(init=False)

    def __post_init__(self) -> None:
        self.process = Launched(
            self.name,
            python_module(self.module, *self.args),
            log_path=self.log_path,
            env=self.env,
        )

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    @property
    def pid(self) -> int:
        return self.process.pid

    @property
    def returncode(self) -> int | None:
        return self.process.returncode

    async def start(self) -> None:
        self.process.start()

    async def wait_ready(self, path: str) -> None:
        await self.process.wait_healthy_async(self.url + path, READY_TIMEOUT_S)

    def cpu_seconds(self) -> float:
        return process_cpu_seconds(self.pid)

    async def stop(self) -> None:
        """SIGTERM (graceful: the relay finishes its batch), SIGKILL if it hangs."""
        await self.process.stop_async(STOP_TIMEOUT_S)

    def log_tail(self, lines: int = 30) -> str:
        return self.process.log_tail(lines)


def clean_environ() -> dict[str, str]:
    """The caller's environment without any service setting (INGEST_*, SURVEY_*, ...): settings
    from the caller's shell must not leak into a measured process."""
    prefixes = tuple(f"{s.upper()}_" for s in SERVICES)
    return {k: v for k, v in os.environ.items() if not k.startswith(prefixes)}


def service_process(
    name: str,
    infra: Infra,
    database: str,
    prefix: str,
    log_dir: Path,
    *,
    smtp_port: int | None = None,
    settings: Mapping[str, str] | None = None,
    overrides: Mapping[str, str] | None = None,
) -> ServerProcess:
    """`python -m services.<name>` against the bench database, topic prefix and (when given)
    SMTP sink, logging warnings only (per-batch INFO lines are not part of what is measured).
    `settings`: more of its settings, without the `<NAME>_` prefix; `overrides` (from --env,
    `<NAME>_...=value`) win over everything."""
    p = name.upper() + "_"
    port = free_port()
    env = {
        **clean_environ(),
        p + "ENVIRONMENT": "test",
        p + "DB_HOST": infra.pg_host,
        p + "DB_PORT": str(infra.pg_port),
        p + "DB_NAME": database,
        p + "KAFKA_BOOTSTRAP_SERVERS": infra.bootstrap_servers,
        p + "KAFKA_TOPIC_PREFIX": prefix,
        p + "HTTP_HOST": HOST,
        p + "HTTP_PORT": str(port),
        p + "LOG_LEVEL": "WARNING",
        **({} if smtp_port is None else {p + "SMTP_HOST": HOST, p + "SMTP_PORT": str(smtp_port)}),
        **{p + key: value for key, value in (settings or {}).items()},
        **{k: v for k, v in (overrides or {}).items() if k.startswith(p)},
    }
    return ServerProcess(name, f"services.{name}", [], env, port, log_dir / f"{name}.log")


async def start_service(
    name: str, infra: Infra, database: str, prefix: str, log_dir: Path, **options: Any
) -> ServerProcess:
    """`service_process(...)` (`options` are its keyword arguments), started and ready; stopped
    again if it does not get ready."""
    service = service_process(name, infra, database, prefix, log_dir, **options)
    try:
        await service.start()
        await service.wait_ready("/readyz")
    except BaseException:
        await service.stop()
        raise
    return service


def bare_process(log_dir: Path) -> ServerProcess:
    port = free_port()
    return ServerProcess(
        "bare", "bench.ingest.bare_app", [str(port)], clean_environ(), port, log_dir / "bare.log"
    )


def durable_process(log_dir: Path, infra: Infra, database: str, secret: str) -> ServerProcess:
    """The durable ceiling (bench/ingest/durable_app.py) on the bench database."""
    port = free_port()
    dsn = infra.admin_dsn.rsplit("/", 1)[0] + "/" + database
    env = clean_environ() | {"BENCH_CEILING_DSN": dsn, "BENCH_CEILING_SECRET": secret}
    return ServerProcess(
        "durable", "bench.ingest.durable_app", [str(port)], env, port, log_dir / "durable.log"
    )


async def create_shop(ingest: ServerProcess, secret: str) -> None:
    body = {
        "shop_id": SHOP_ID,
        "platform": "shopify",
        "display_name": "Bench",
        "locale": "en",
        "country": "US",
        "timezone": "UTC",
        "contact_email": "owner@bench.example",
        "webhook_secret": secret,
    }
    async with httpx.AsyncClient(timeout=10.0) as client:
        r = await client.post(f"{ingest.url}/v1/admin/shops", json=body, headers=ADMIN_HEADERS)
    if r.status_code != 201:
        raise RuntimeError(f"creating the bench shop: {r.status_code} {r.text}")
