"""What the survey benchmark runs against, besides the shared PostgreSQL and Kafka and the survey
service (started and stopped by `bench.ingest.targets`): the SMTP sinks, and readings of a
process's memory and CPU."""

import asyncio
import contextlib
import time
from pathlib import Path

from bench.ingest import machine
from bench.survey import sink
from deploy.local.launcher import free_port
from deploy.local.smtp_sink import SinkProcess


def repo_sink(maildir: Path, log_path: Path) -> SinkProcess:
    """The local stack's sink, started as the stack starts it but on a free port with a
    throwaway Maildir: 100,000 messages must not land in the shared sink that tests read. It
    records nothing; the raw loop counts its answers."""
    return SinkProcess(log_path, free_port(), maildir)


class BenchSink(SinkProcess):
    """The sink with `bench.survey.sink`'s recorder: accept times per Message-ID (see there)."""

    def __init__(self, maildir: Path, log_path: Path) -> None:
        super().__init__(log_path, free_port(), maildir, sink.CONTROL)

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
