"""The machine a run happened on, and how busy it was: figures from a loaded or small machine
must not be read as if they came from a quiet one."""

import importlib.util
import os
import platform
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.ingest.payloads import REPO_ROOT


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _mem_total_gib() -> float | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return None


def _git(*args: str) -> str:
    try:
        out = subprocess.run(
            ["git", *args], cwd=REPO_ROOT, capture_output=True, text=True, timeout=10, check=True
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    return out.stdout.strip()


def uvicorn_implementations() -> dict[str, str]:
    """What uvicorn's "auto" picks in this virtualenv, for ingest and the ceiling alike."""
    from uvicorn.protocols.http.auto import AutoHTTPProtocol

    loop = "uvloop" if importlib.util.find_spec("uvloop") else "asyncio"
    return {"loop": loop, "http": AutoHTTPProtocol.__name__}


def describe() -> dict[str, Any]:
    return {
        "nproc": os.cpu_count(),
        "usable_cpus": len(os.sched_getaffinity(0)),
        "cpu_model": cpu_model(),
        "mem_total_gib": _mem_total_gib(),
        "kernel": platform.release(),
        "python": platform.python_version(),
        "uvicorn": uvicorn_implementations(),
        **git_state(),
    }


def git_state() -> dict[str, Any]:
    return {
        "git_commit": _git("rev-parse", "HEAD"),
        # Changed tracked files only: new result files must not mark a run as dirty.
        "git_dirty": bool(_git("status", "--porcelain", "--untracked-files=no")),
    }


def loadavg() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def load_span(before: list[float]) -> dict[str, list[float]]:
    """The load averages around a phase: `before` as taken at its start, and now."""
    return {"load_before": before, "load_after": loadavg()}


def record(load_before: list[float], **extra: Any) -> dict[str, Any]:
    """The result's `machine` record: what ran the benchmark (with `extra`), and the load
    averages around the whole run."""
    return {**describe(), **extra, **load_span(load_before)}


@dataclass(frozen=True)
class CpuTimes:
    busy: int
    total: int


def cpu_times() -> CpuTimes:
    """Machine-wide jiffies from the first line of /proc/stat."""
    fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]
    # user nice system idle iowait irq softirq steal; guest time is already inside user.
    values = [int(v) for v in fields[:8]]
    idle = values[3] + values[4]
    return CpuTimes(busy=sum(values) - idle, total=sum(values))


CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def _stat_cpu_seconds(stat: str) -> float:
    # The command name may contain spaces; the fields after its closing parenthesis do not.
    fields = stat[stat.rindex(")") + 2 :].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def process_cpu_seconds(pid: int) -> float:
    """User plus system CPU time of a process so far, from /proc/<pid>/stat."""
    return _stat_cpu_seconds(Path(f"/proc/{pid}/stat").read_text())


def infra_cpu_seconds() -> dict[str, dict[int, float]]:
    """CPU time so far of every PostgreSQL process and of the Kafka broker, by pid."""
    found: dict[str, dict[int, float]] = {"postgres": {}, "kafka": {}}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            comm = stat[stat.index("(") + 1 : stat.rindex(")")]
            if comm == "postgres":
                group = "postgres"
            elif comm == "java" and b"kafka.Kafka" in (entry / "cmdline").read_bytes():
                group = "kafka"
            else:
                continue
            found[group][int(entry.name)] = _stat_cpu_seconds(stat)
        except (OSError, ValueError):
            continue  # the process ended while we looked
    return found


def infra_cpu_delta(
    before: dict[str, dict[int, float]], after: dict[str, dict[int, float]]
) -> dict[str, float]:
    """CPU seconds spent between two readings; a process that started in between counts whole.
    (One that ended in between is lost: PostgreSQL backends of a pool live longer than this.)"""
    return {
        group: sum(cpu - before[group].get(pid, 0.0) for pid, cpu in pids.items())
        for group, pids in after.items()
    }


def busy_cores(before: CpuTimes, after: CpuTimes) -> float:
    """How many CPUs were busy on average between two readings (all processes)."""
    total = after.total - before.total
    if total <= 0:
        return 0.0
    return round((after.busy - before.busy) / total * (os.cpu_count() or 1), 2)
