"""What the survey benchmark runs against, besides the shared PostgreSQL and Kafka (started and
stopped by `bench.ingest.targets`): the real survey service process, the SMTP sinks, and
readings of a process's memory and CPU."""

import asyncio
import contextlib
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import aiosmtplib

from bench.ingest import machine
from bench.ingest.payloads import REPO_ROOT
from bench.ingest.targets import HOST, Infra, ServerProcess, free_port
from bench.survey.sink import READY_LINE

SINK_START_TIMEOUT_S = 20.0
SINK_COMMAND_TIMEOUT_S = 60.0
STOP_TIMEOUT_S = 10.0


def clean_environ() -> dict[str, str]:
    # Settings from the caller's shell (SURVEY_*) must not leak into the measured process.
    return {k: v for k, v in os.environ.items() if not k.startswith("SURVEY_")}


def survey_process(
    infra: Infra,
    database: str,
    prefix: str,
    smtp_port: int,
    log_dir: Path,
    overrides: dict[str, str],
) -> ServerProcess:
    """`python -m services.survey` against the bench database, sink and topic prefix. Dispatch
    settings stay at their defaults unless `overrides` (from --env) set them."""
    port = free_port()
    env = {
        **clean_environ(),
        "SURVEY_ENVIRONMENT": "test",
        "SURVEY_DB_HOST": infra.pg_host,
        "SURVEY_DB_PORT": str(infra.pg_port),
        "SURVEY_DB_NAME": database,
        "SURVEY_KAFKA_BOOTSTRAP_SERVERS": infra.bootstrap_servers,
        "SURVEY_KAFKA_TOPIC_PREFIX": prefix,
        "SURVEY_HTTP_HOST": HOST,
        "SURVEY_HTTP_PORT": str(port),
        "SURVEY_SMTP_HOST": HOST,
        "SURVEY_SMTP_PORT": str(smtp_port),
        # Like bench.ingest: per-batch INFO lines are not part of what is measured.
        "SURVEY_LOG_LEVEL": "WARNING",
        **overrides,
    }
    return ServerProcess("survey", "services.survey", [], env, port, log_dir / "survey.log")


async def _smtp_answers(port: int) -> bool:
    client = aiosmtplib.SMTP(hostname=HOST, port=port, timeout=3)
    try:
        await client.connect()
        await client.quit()
        return True
    except (aiosmtplib.SMTPException, OSError):
        client.close()
        return False


async def _stop(proc: asyncio.subprocess.Process) -> None:
    if proc.returncode is not None:
        return
    proc.terminate()
    try:
        await asyncio.wait_for(proc.wait(), STOP_TIMEOUT_S)
    except TimeoutError:
        proc.kill()
        await proc.wait()


@dataclass
class RepoSink:
    """The repo's own sink, started exactly as `deploy/local/stack.py` starts it, but on a free
    port with a throwaway Maildir: 100,000 messages must not land in the shared sink that tests
    read. It records nothing; the raw loop counts its answers."""

    maildir: Path
    log_path: Path
    port: int = field(default_factory=free_port)
    proc: asyncio.subprocess.Process | None = None

    @property
    def pid(self) -> int:
        assert self.proc is not None
        return self.proc.pid

    async def start(self) -> None:
        for sub in ("cur", "new", "tmp"):
            (self.maildir / sub).mkdir(parents=True, exist_ok=True)
        with self.log_path.open("ab") as log:
            self.proc = await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                "aiosmtpd",
                "-n",
                "-u",
                "-l",
                f"{HOST}:{self.port}",
                "-c",
                "aiosmtpd.handlers.Mailbox",
                str(self.maildir),
                cwd=REPO_ROOT,
                stdin=asyncio.subprocess.DEVNULL,
                stdout=log,
                stderr=asyncio.subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + SINK_START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.proc.returncode is not None:
                raise RuntimeError(f"repo SMTP sink exited with {self.proc.returncode}")
            if await _smtp_answers(self.port):
                return
            await asyncio.sleep(0.2)
        raise RuntimeError(f"repo SMTP sink not ready in {SINK_START_TIMEOUT_S:.0f}s")

    async def stop(self) -> None:
        if self.proc is not None:
            await _stop(self.proc)


@dataclass
class BenchSink:
    """`bench.survey.sink`: aiosmtpd that records accept times per Message-ID (see there)."""

    maildir: Path
    log_path: Path
    port: int = field(default_factory=free_port)
    proc: asyncio.subprocess.Process | None = None
    _lock: asyncio.Lock = field(default_factory=asyncio.Lock)

    @property
    def pid(self) -> int:
        assert self.proc is not None
        return self.proc.pid

    async def start(self) -> None:
        with self.log_path.open("ab") as log:
            self.proc = await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                "bench.survey.sink",
                str(self.port),
                str(self.maildir),
                cwd=REPO_ROOT,
                stdin=asyncio.subprocess.PIPE,
                stdout=asyncio.subprocess.PIPE,
                stderr=log,
                start_new_session=True,
            )
        assert self.proc.stdout is not None
        async with asyncio.timeout(SINK_START_TIMEOUT_S):
            line = (await self.proc.stdout.readline()).decode().strip()
        if not line.startswith(READY_LINE):
            raise RuntimeError(f"bench SMTP sink said {line!r}; see {self.log_path}")

    async def command(self, line: str) -> str:
        assert self.proc is not None and self.proc.stdin is not None
        assert self.proc.stdout is not None
        async with self._lock, asyncio.timeout(SINK_COMMAND_TIMEOUT_S):
            self.proc.stdin.write(f"{line}\n".encode())
            await self.proc.stdin.drain()
            answer = (await self.proc.stdout.readline()).decode().strip()
        if not answer or answer.startswith("error"):
            raise RuntimeError(f"bench SMTP sink: {line!r} -> {answer!r}")
        return answer

    async def set_mode(self, mode: str) -> None:
        await self.command(f"mode {mode}")

    async def count(self) -> tuple[int, int]:
        _, messages, size = (await self.command("count")).split()
        return int(messages), int(size)

    async def dump(self, path: Path) -> list[tuple[str, float]]:
        await self.command(f"dump {path}")
        records = []
        text = await asyncio.to_thread(path.read_text)
        for line in text.splitlines():
            mid, at = line.split("\t")
            records.append((mid, float(at)))
        return records

    async def stop(self) -> None:
        if self.proc is None or self.proc.returncode is not None:
            return
        try:
            assert self.proc.stdin is not None
            self.proc.stdin.write(b"stop\n")
            await self.proc.stdin.drain()
            await asyncio.wait_for(self.proc.wait(), STOP_TIMEOUT_S)
        except (OSError, TimeoutError):
            await _stop(self.proc)


def _status_kib(pid: int, key: str) -> int | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return None


def rss_mib(pid: int) -> float | None:
    kib = _status_kib(pid, "VmRSS")
    return None if kib is None else round(kib / 1024, 1)


def hwm_mib(pid: int) -> float | None:
    """The kernel's own peak RSS of the process since it started (catches short spikes)."""
    kib = _status_kib(pid, "VmHWM")
    return None if kib is None else round(kib / 1024, 1)


class RssSampler:
    """VmRSS of one process every `interval_s` while a phase runs."""

    def __init__(self, pid: int, interval_s: float = 0.5) -> None:
        self.pid = pid
        self.interval_s = interval_s
        self.samples: list[float] = []
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._run())

    async def _run(self) -> None:
        while True:
            value = rss_mib(self.pid)
            if value is not None:
                self.samples.append(value)
            await asyncio.sleep(self.interval_s)

    async def stop(self) -> dict[str, float | None]:
        if self._task is not None:
            self._task.cancel()
            try:
                await self._task
            except asyncio.CancelledError:
                pass
        end = rss_mib(self.pid)
        return {
            "start_mib": self.samples[0] if self.samples else None,
            "peak_mib": max(self.samples) if self.samples else None,
            "end_mib": end,
            "hwm_since_start_mib": hwm_mib(self.pid),
            "samples": len(self.samples),
        }


class CpuWindow:
    """CPU used between creation and `stop()` by the named processes, PostgreSQL, Kafka, and
    the whole machine; whatever none of them used is other work on the machine (noise).

    PostgreSQL backends come and go (the service's pool closes connections idle for 5 minutes
    and opens new ones): the infrastructure is read every `interval_s`, so a backend that ends
    during the window still counts up to its last reading."""

    def __init__(self, pids: dict[str, int], interval_s: float = 2.0) -> None:
        self.pids = pids
        self.interval_s = interval_s
        self.started = time.monotonic()
        self.machine = machine.cpu_times()
        self.infra = machine.infra_cpu_seconds()
        self.seen = {group: dict(pids) for group, pids in self.infra.items()}
        self.procs = {name: _cpu_or_zero(pid) for name, pid in pids.items()}
        self._task = asyncio.create_task(self._sample())

    async def _sample(self) -> None:
        while True:
            await asyncio.sleep(self.interval_s)
            self._read_infra()

    def _read_infra(self) -> None:
        for group, pids in machine.infra_cpu_seconds().items():
            self.seen.setdefault(group, {}).update(pids)

    async def stop(self, extra_seconds: dict[str, float] | None = None) -> dict[str, float]:
        self._task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._task
        window = max(time.monotonic() - self.started, 1e-9)
        self._read_infra()
        infra = machine.infra_cpu_delta(self.infra, self.seen)
        busy = machine.busy_cores(self.machine, machine.cpu_times())
        used = {name: _cpu_or_zero(pid) - self.procs[name] for name, pid in self.pids.items()}
        used.update(extra_seconds or {})
        used["postgres"] = infra["postgres"]
        used["kafka"] = infra["kafka"]
        cores = {f"{name}_cores": round(seconds / window, 2) for name, seconds in used.items()}
        accounted = sum(used.values()) / window
        return {
            "window_s": round(window, 3),
            **cores,
            "machine_busy_cores": busy,
            "unaccounted_cores": round(max(0.0, busy - accounted), 2),
        }


def _cpu_or_zero(pid: int) -> float:
    try:
        return machine.process_cpu_seconds(pid)
    except OSError:
        return 0.0
