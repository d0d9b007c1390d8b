"""What the benchmark runs against: the local infrastructure, a throwaway database, the real
ingest process and the bare ceiling process. Everything is started here and undone here."""

import asyncio
import os
import signal
import socket
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from bench.ingest.machine import process_cpu_seconds
from bench.ingest.payloads import REPO_ROOT, SHOP_ID
from deploy.local import stack
from shared.db.provision import drop_database, provision, roles_from_env
from shared.settings import dev_secret

HOST = "127.0.0.1"
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


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        port: int = s.getsockname()[1]
        return port


@dataclass
class ServerProcess:
    name: str
    module: str
    args: list[str]
    env: dict[str, str]
    port: int
    log_path: Path
    proc: asyncio.subprocess.Process | None = field(default=None, init=False)

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    @property
    def pid(self) -> int:
        assert self.proc is not None
        return self.proc.pid

    async def start(self) -> None:
        with self.log_path.open("ab") as log:
            self.proc = await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                self.module,
                *self.args,
                cwd=REPO_ROOT,
                env=self.env,
                stdin=asyncio.subprocess.DEVNULL,
                stdout=log,
                stderr=asyncio.subprocess.STDOUT,
                # Its own process group, so a Ctrl-C on the bench reaches the bench first
                # and the bench shuts the servers down in order.
                start_new_session=True,
            )

    async def wait_ready(self, path: str) -> None:
        assert self.proc is not None
        deadline = time.monotonic() + READY_TIMEOUT_S
        async with httpx.AsyncClient(timeout=2.0) as client:
            while time.monotonic() < deadline:
                if self.proc.returncode is not None:
                    raise RuntimeError(
                        f"{self.name} exited with {self.proc.returncode}:\n{self.log_tail()}"
                    )
                try:
                    if (await client.get(self.url + path)).status_code == 200:
                        return
                except httpx.HTTPError:
                    pass
                await asyncio.sleep(0.2)
        raise RuntimeError(f"{self.name} not ready in {READY_TIMEOUT_S:.0f}s:\n{self.log_tail()}")

    def cpu_seconds(self) -> float:
        return process_cpu_seconds(self.pid)

    async def stop(self) -> None:
        """SIGTERM (graceful: the relay finishes its batch), SIGKILL if it hangs."""
        if self.proc is None or self.proc.returncode is not None:
            return
        self.proc.send_signal(signal.SIGTERM)
        try:
            await asyncio.wait_for(self.proc.wait(), STOP_TIMEOUT_S)
        except TimeoutError:
            self.proc.kill()
            await self.proc.wait()

    def log_tail(self, lines: int = 30) -> str:
        if not self.log_path.exists():
            return ""
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])


def _clean_environ() -> dict[str, str]:
    # Settings from the caller's shell (INGEST_*) must not leak into the measured process.
    return {k: v for k, v in os.environ.items() if not k.startswith("INGEST_")}


def ingest_process(
    infra: Infra, database: str, prefix: str, partitions: int, log_dir: Path
) -> ServerProcess:
    port = free_port()
    env = {
        **_clean_environ(),
        "INGEST_ENVIRONMENT": "test",
        "INGEST_DB_HOST": infra.pg_host,
        "INGEST_DB_PORT": str(infra.pg_port),
        "INGEST_DB_NAME": database,
        "INGEST_KAFKA_BOOTSTRAP_SERVERS": infra.bootstrap_servers,
        "INGEST_KAFKA_TOPIC_PREFIX": prefix,
        "INGEST_KAFKA_TOPIC_PARTITIONS": str(partitions),
        "INGEST_HTTP_HOST": HOST,
        "INGEST_HTTP_PORT": str(port),
        "INGEST_LOG_LEVEL": "WARNING",
    }
    return ServerProcess("ingest", "services.ingest", [], env, port, log_dir / "ingest.log")


def bare_process(log_dir: Path) -> ServerProcess:
    port = free_port()
    return ServerProcess(
        "bare", "bench.ingest.bare_app", [str(port)], _clean_environ(), port, log_dir / "bare.log"
    )


async def create_shop(ingest: ServerProcess, secret: str) -> None:
    body = {
        "shop_id": SHOP_ID,
        "platform": "shopify",
        "display_name": "Bench",
        "locale": "en",
        "country": "US",
        "timezone": "UTC",
        "webhook_secret": secret,
    }
    async with httpx.AsyncClient(timeout=10.0) as client:
        r = await client.post(f"{ingest.url}/v1/admin/shops", json=body, headers=ADMIN_HEADERS)
    if r.status_code != 201:
        raise RuntimeError(f"creating the bench shop: {r.status_code} {r.text}")
