"""The four services as real processes, each settable only through its environment (what an
operator could set), with kill -9, restart and a second instance of one of them."""

import asyncio
import os
import signal
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from tests.support.services import ServiceProcess

SERVICES = ("ingest", "survey", "notifier", "responder")


class ProcessExited(RuntimeError):
    pass


@dataclass
class FleetConfig:
    pg_port: int
    database: str
    bootstrap: str
    topic_prefix: str
    smtp_port: int
    log_dir: Path
    # A claim older than this was left by a killed worker (SURVEY_DISPATCH_CLAIM_LEASE_S,
    # NOTIFIER_DELIVERY_CLAIM_LEASE_S): the default, 300 s, is longer than a short run, and
    # every outcome must be final before the checks. 30 s is far above a send to the sink.
    claim_lease_s: int = 30
    session_timeout_ms: int = 6000


def service_env(name: str, cfg: FleetConfig) -> dict[str, str]:
    p = name.upper() + "_"
    env = {
        p + "ENVIRONMENT": "test",
        p + "LOG_LEVEL": "INFO",
        p + "DB_HOST": "127.0.0.1",
        p + "DB_PORT": str(cfg.pg_port),
        p + "DB_NAME": cfg.database,
        p + "KAFKA_BOOTSTRAP_SERVERS": cfg.bootstrap,
        p + "KAFKA_TOPIC_PREFIX": cfg.topic_prefix,
        p + "KAFKA_SESSION_TIMEOUT_MS": str(cfg.session_timeout_ms),
        p + "SMTP_HOST": "127.0.0.1",
        p + "SMTP_PORT": str(cfg.smtp_port),
        p + "SMTP_TIMEOUT_S": "10",
    }
    if name == "survey":
        env[p + "DISPATCH_CLAIM_LEASE_S"] = str(cfg.claim_lease_s)
    if name == "notifier":
        env[p + "DELIVERY_CLAIM_LEASE_S"] = str(cfg.claim_lease_s)
    return env


@dataclass
class Instance:
    name: str
    process: ServiceProcess
    index: int
    starts: int = 0
    kills: int = 0
    # Exits the run did not cause (e.g. refusing to start while Kafka is down).
    crashes: int = 0
    wanted: bool = False
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)

    @property
    def label(self) -> str:
        return f"{self.name}#{self.index}"

    @property
    def alive(self) -> bool:
        proc = self.process.proc
        return proc is not None and proc.poll() is None


@dataclass
class Fleet:
    cfg: FleetConfig
    instances: dict[str, list[Instance]] = field(default_factory=dict)
    _restarts: set[asyncio.Task[float]] = field(default_factory=set)

    def add(self, name: str) -> Instance:
        env = service_env(name, self.cfg)
        process = ServiceProcess(name, env, self.cfg.log_dir)
        instance = Instance(name, process, len(self.instances.get(name, [])) + 1)
        if name == "survey":
            # Links in survey emails point at the first instance (the public address).
            first = self.instances.get(name, [instance])[0]
            process.env["SURVEY_PUBLIC_BASE_URL"] = first.process.url
        self.instances.setdefault(name, []).append(instance)
        return instance

    def url(self, name: str) -> str:
        return self.instances[name][0].process.url

    def all(self) -> list[Instance]:
        return [i for group in self.instances.values() for i in group]

    async def start(self, instance: Instance, limit_s: float = 180.0) -> float:
        """Start and wait until /readyz answers 200; returns the seconds it took. A process
        that exits while starting (a service refuses to start while Kafka or PostgreSQL is
        down) is started again after a pause, as an orchestrator would."""
        started = time.monotonic()
        deadline = started + limit_s
        backoff = 1.0
        async with instance.lock:
            instance.wanted = True
            while True:
                if not instance.alive:
                    instance.process.start()
                    instance.starts += 1
                try:
                    await self.wait_ready(instance, max(deadline - time.monotonic(), 1.0))
                    return time.monotonic() - started
                except ProcessExited:
                    if not instance.wanted:
                        return time.monotonic() - started  # killed on purpose meanwhile
                    instance.crashes += 1
                    if time.monotonic() + backoff > deadline:
                        raise
                    await asyncio.sleep(backoff)
                    backoff = min(backoff * 2, 10.0)

    async def wait_ready(self, instance: Instance, limit_s: float = 120.0) -> None:
        deadline = time.monotonic() + limit_s
        async with httpx.AsyncClient(timeout=2) as http:
            while time.monotonic() < deadline:
                if not instance.alive:
                    raise ProcessExited(f"{instance.label} exited:\n{instance.process.log_tail(5)}")
                try:
                    if (await http.get(instance.process.url + "/readyz")).status_code == 200:
                        return
                except httpx.HTTPError:
                    pass
                await asyncio.sleep(0.25)
        raise RuntimeError(f"{instance.label} not ready in {limit_s:.0f}s")

    async def supervise(self) -> None:
        """Restart any instance that died on its own (not one the run killed on purpose)."""
        while True:
            for instance in self.all():
                if instance.wanted and not instance.alive and not instance.lock.locked():
                    instance.crashes += 1
                    task = asyncio.create_task(self.start(instance))
                    self._restarts.add(task)
                    task.add_done_callback(self._restarts.discard)
            await asyncio.sleep(1.0)

    def kill9(self, instance: Instance) -> None:
        instance.wanted = False
        proc = instance.process.proc
        if proc is not None and proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(10)
        instance.kills += 1

    async def ready_all(self) -> bool:
        async with httpx.AsyncClient(timeout=2) as http:
            for instance in self.all():
                try:
                    r = await http.get(instance.process.url + "/readyz")
                except httpx.HTTPError:
                    return False
                if r.status_code != 200:
                    return False
        return True

    def stop_all(self) -> None:
        for instance in self.all():
            instance.wanted = False
        for instance in self.all():
            proc = instance.process.proc
            if proc is None or proc.poll() is not None:
                continue
            proc.send_signal(signal.SIGTERM)
        for instance in self.all():
            proc = instance.process.proc
            if proc is None:
                continue
            try:
                proc.wait(15)
            except Exception:
                proc.kill()
                proc.wait(5)
