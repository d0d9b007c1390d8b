"""Starting, watching and stopping processes: the one launcher of the local stack, the tests'
service processes and the benchmarks.

A process is started with its environment and a log file (`Launched`), waited for until its
health URL answers (`wait_healthy`), and stopped with SIGTERM, then SIGKILL after a grace period
(`Launched.stop`, or `stop_pids` for processes another invocation started and only a pid file
names). Sync and async callers share the same code; the async variants only poll with
`asyncio.sleep` instead of `time.sleep`.
"""

import asyncio
import contextlib
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Coroutine, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Self, TypeVar

from deploy.local.layout import LOCALHOST, REPO_ROOT, StackError, log

LOG_TAIL_LINES = 40


T = TypeVar("T")

# Popen objects of children we started, kept so that they are not garbage-collected (which
# warns "subprocess is still running") and so that a stop can reap them instead of leaving
# zombies that still look alive to kill(pid, 0).
_CHILDREN: dict[int, subprocess.Popen[bytes]] = {}


def python_module(module: str, *args: str) -> list[str]:
    """The command line that runs ``python -m module`` with this interpreter."""
    return [sys.executable, "-m", module, *args]


def port_open(port: int, host: str = LOCALHOST, timeout: float = 0.5) -> bool:
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


# Ports this process handed out: the kernel may give a port that was free a moment ago to the
# next bind(0) as well, and two services of one test run must never share one.
_handed_out: set[int] = set()


def free_port(host: str = LOCALHOST) -> int:
    while True:
        with socket.socket() as s:
            s.bind((host, 0))
            port: int = s.getsockname()[1]
        if port not in _handed_out:
            _handed_out.add(port)
            return port


def cmdline(pid: int) -> list[str]:
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return []
    return [arg.decode(errors="replace") for arg in raw.split(b"\0") if arg]


def pid_alive(pid: int, marker: str | None = None) -> bool:
    """True if ``pid`` runs and (when given) its command line contains ``marker``.

    The marker check guards against pid reuse after a reboot or a crash: a stale pid file must
    never make us signal an unrelated process.
    """
    if pid <= 0:
        return False
    child = _CHILDREN.get(pid)
    if child is not None:
        # Our own child: poll() is authoritative, and right after fork its cmdline is still
        # ours (exec pending), so the marker check would wrongly say "exited".
        if child.poll() is None:
            return True
        _CHILDREN.pop(pid, None)
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    # Field 3 (after the parenthesised comm, which may contain spaces) is the state.
    if stat.rsplit(")", 1)[-1].split()[0] in ("Z", "X"):
        return False
    return marker is None or marker in " ".join(cmdline(pid))


def read_pid(path: Path) -> int | None:
    try:
        # First line only: postmaster.pid carries more lines (data dir, port, ...) after the pid.
        return int(path.read_text().split("\n", 1)[0].strip())
    except (OSError, ValueError):
        return None


def running_pid(path: Path, marker: str) -> int | None:
    pid = read_pid(path)
    if pid is not None and pid_alive(pid, marker):
        return pid
    return None


def listener_pid(port: int) -> int | None:
    """Pid of the process listening on ``port`` (via /proc), for status and reuse decisions."""
    inodes: set[str] = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            if len(fields) < 10 or fields[3] != "0A":  # 0A == LISTEN
                continue
            if int(fields[1].rsplit(":", 1)[1], 16) == port:
                inodes.add(fields[9])
    if not inodes:
        return None
    targets = {f"socket:[{inode}]" for inode in inodes}
    procs = sorted(
        (p for p in Path("/proc").iterdir() if p.name.isdigit()), key=lambda p: int(p.name)
    )
    for proc in procs:
        try:
            fds = list((proc / "fd").iterdir())
        except OSError:
            continue
        for fd in fds:
            try:
                if os.readlink(fd) in targets:
                    return int(proc.name)
            except OSError:
                continue
    return None


def tail(path: Path, lines: int = LOG_TAIL_LINES) -> str:
    try:
        with path.open("rb") as fh:
            fh.seek(0, os.SEEK_END)
            size = fh.tell()
            fh.seek(max(0, size - 256 * 1024))
            data = fh.read()
    except OSError as exc:
        return f"(cannot read {path}: {exc})"
    return "\n".join(data.decode(errors="replace").splitlines()[-lines:])


def signal_group(pid: int, sig: signal.Signals) -> None:
    try:
        # A child started in its own session is its group's leader (pgid == pid); signalling
        # the group also reaches anything it forked (uvicorn workers, etc.).
        if os.getpgid(pid) == pid:
            os.killpg(pid, sig)
        else:
            os.kill(pid, sig)
    except ProcessLookupError:
        pass


@dataclass(frozen=True)
class Stoppable:
    pid: int
    marker: str | None
    name: str


def _reap(procs: Sequence[Stoppable]) -> None:
    for proc in procs:
        child = _CHILDREN.pop(proc.pid, None)
        if child is not None:
            with contextlib.suppress(subprocess.TimeoutExpired):
                child.wait(timeout=5)


def _term_then_kill(procs: Sequence[Stoppable], timeout: float) -> list[Stoppable]:
    alive = [p for p in procs if pid_alive(p.pid, p.marker)]
    for proc in alive:
        log.info("stopping %s (pid %d)", proc.name, proc.pid)
        signal_group(proc.pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while alive and time.monotonic() < deadline:
        time.sleep(0.2)
        alive = [p for p in alive if pid_alive(p.pid, p.marker)]
    for proc in alive:
        log.warning("%s (pid %d) ignored SIGTERM for %.0fs; SIGKILL", proc.name, proc.pid, timeout)
        signal_group(proc.pid, signal.SIGKILL)
    kill_deadline = time.monotonic() + 10
    while alive and time.monotonic() < kill_deadline:
        time.sleep(0.1)
        alive = [p for p in alive if pid_alive(p.pid, p.marker)]
    _reap(procs)
    return alive


def stop_pids(procs: Sequence[Stoppable], timeout: float) -> None:
    """SIGTERM all at once, wait up to ``timeout`` for all, then SIGKILL the stragglers.

    Signalling together keeps a stop at the slowest shutdown instead of the sum of them.
    """
    alive = _term_then_kill(procs, timeout)
    if alive:
        raise StackError(f"could not stop {', '.join(f'{p.name} (pid {p.pid})' for p in alive)}")


def stop_pid_files(entries: Sequence[tuple[Path, str, str]], timeout: float) -> None:
    """Stop the processes named by (pid file, cmdline marker, display name); drop the files."""
    procs = []
    for path, marker, name in entries:
        pid = read_pid(path)
        if pid is not None:
            procs.append(Stoppable(pid, marker, name))
    stop_pids(procs, timeout)
    for path, _, _ in entries:
        path.unlink(missing_ok=True)


def run(
    argv: Sequence[str],
    *,
    what: str,
    cwd: Path | None = None,
    env: Mapping[str, str] | None = None,
    check: bool = True,
    new_session: bool = False,
) -> subprocess.CompletedProcess[str]:
    """Run a command to its end, output captured; with ``check`` a failure raises StackError."""
    proc = subprocess.run(
        list(argv),
        cwd=cwd,
        env=None if env is None else dict(env),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        start_new_session=new_session,
        check=False,
    )
    if check and proc.returncode != 0:
        output = (proc.stdout + proc.stderr).strip()
        raise StackError(f"{what} failed (exit {proc.returncode}): {' '.join(argv)}\n{output}")
    return proc


def wait_until(predicate: Callable[[], bool], timeout: float, interval: float = 0.25) -> bool:
    deadline = time.monotonic() + timeout
    while True:
        if predicate():
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(interval)


def run_async(factory: Callable[[], Coroutine[Any, Any, T]]) -> T:
    """Run a coroutine from sync code, even if the caller already runs an event loop.

    pytest-asyncio fixtures may call the sync stack functions from inside a running loop,
    where asyncio.run() is forbidden; a helper thread gets its own loop then.
    """
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(factory())
    result: list[T] = []
    error: list[BaseException] = []

    def runner() -> None:
        try:
            result.append(asyncio.run(factory()))
        except BaseException as exc:
            error.append(exc)

    thread = threading.Thread(target=runner, name="reviewloop-stack-async")
    thread.start()
    thread.join()
    if error:
        raise error[0]
    return result[0]


# A busy machine (a test run next to the services) can take seconds to answer one GET.
HEALTH_TIMEOUT_S = 5.0

# What a health answer must show to count as ready: by default a 200.
Ready = Callable[[int, bytes], bool]


def status_200(status: int, body: bytes) -> bool:
    return status == 200


def probe(url: str, timeout: float = 2.0) -> tuple[int, bytes] | None:
    """One GET of ``url``: (status, body), or None when nothing answered."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return int(response.status), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()
    except (OSError, ValueError):
        return None


@dataclass
class HealthWait:
    """One wait for a health URL: ``ready`` must accept an answer before ``limit_s`` runs out,
    while ``alive`` says the process still runs. The sync and async waits share its rules."""

    url: str
    limit_s: float
    alive: Callable[[], bool]
    ready: Ready = status_200

    def __post_init__(self) -> None:
        self.deadline = time.monotonic() + self.limit_s

    def verdict(self, answer: tuple[int, bytes] | None) -> tuple[bool, str | None]:
        """(finished, why it failed: None when ready) after one ``probe`` of the URL."""
        if answer is not None and self.ready(*answer):
            return True, None
        if time.monotonic() >= self.deadline:
            last = answer[0] if answer else "no answer"
            return True, f"not ready after {self.limit_s:.0f}s ({self.url} -> {last})"
        return False, None


def wait_healthy(wait: HealthWait, interval: float = 0.2) -> str | None:
    """Poll until ``wait`` is finished; None when ready, else why not (the process ended, or
    the last answer when the time ran out). Asks at least once."""
    while wait.alive():
        finished, failure = wait.verdict(probe(wait.url, HEALTH_TIMEOUT_S))
        if finished:
            return failure
        time.sleep(interval)
    return "process exited"


async def wait_healthy_async(wait: HealthWait, interval: float = 0.2) -> str | None:
    """`wait_healthy` for a caller on an event loop (the GET runs in a thread)."""
    while wait.alive():
        finished, failure = wait.verdict(await asyncio.to_thread(probe, wait.url, HEALTH_TIMEOUT_S))
        if finished:
            return failure
        await asyncio.sleep(interval)
    return "process exited"


class Launched:
    """One process started here with its environment, output appended to ``log_path``.

    ``own_session``: in its own session, so that Ctrl-C in the terminal reaches the caller
    first (which then stops the process in order) and a stop can signal the whole group.
    ``pid_path``: also written to a pid file, for a later invocation to find it.
    ``control``: stdin and stdout are pipes (a line protocol, e.g. the SMTP sink's); stderr
    then goes to the log.
    """

    def __init__(
        self,
        name: str,
        argv: Sequence[str],
        *,
        log_path: Path,
        env: Mapping[str, str] | None = None,
        cwd: Path = REPO_ROOT,
        pid_path: Path | None = None,
        own_session: bool = True,
        control: bool = False,
    ) -> None:
        self.name = name
        self.argv = list(argv)
        self.log_path = log_path
        self.env = dict(os.environ if env is None else env)
        self.cwd = cwd
        self.pid_path = pid_path
        self.own_session = own_session
        self.control = control
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self, extra_env: Mapping[str, str] | None = None) -> Self:
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        with self.log_path.open("ab") as log_fh:
            stamp = time.strftime("%Y-%m-%d %H:%M:%S")
            log_fh.write(f"\n===== {stamp} starting: {' '.join(self.argv)}\n".encode())
            log_fh.flush()
            pipe = subprocess.PIPE if self.control else None
            self.proc = subprocess.Popen(
                self.argv,
                stdin=pipe or subprocess.DEVNULL,
                stdout=pipe or log_fh,
                stderr=log_fh if self.control else subprocess.STDOUT,
                cwd=self.cwd,
                env={**self.env, **(extra_env or {})},
                start_new_session=self.own_session,
                close_fds=True,
            )
        _CHILDREN[self.proc.pid] = self.proc
        if self.pid_path is not None:
            self.pid_path.parent.mkdir(parents=True, exist_ok=True)
            self.pid_path.write_text(f"{self.proc.pid}\n")
        return self

    @property
    def pid(self) -> int:
        assert self.proc is not None, f"{self.name} was never started"
        return self.proc.pid

    @property
    def returncode(self) -> int | None:
        """None while it runs (or before it started)."""
        return None if self.proc is None else self.proc.poll()

    def running(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def _failed(self, reason: str) -> StackError:
        code = "" if self.returncode is None else f" (exit {self.returncode})"
        return StackError(f"{self.name}: {reason}{code}\n{self.log_tail()}")

    def wait_healthy(self, url: str, limit_s: float, ready: Ready = status_200) -> None:
        """Until ``url`` answers as ``ready`` wants; StackError with the log's tail if the
        process exits or ``limit_s`` runs out first."""
        failure = wait_healthy(HealthWait(url, limit_s, self.running, ready))
        if failure is not None:
            raise self._failed(failure)

    async def wait_healthy_async(self, url: str, limit_s: float, ready: Ready = status_200) -> None:
        failure = await wait_healthy_async(HealthWait(url, limit_s, self.running, ready))
        if failure is not None:
            raise self._failed(failure)

    def stop(self, grace_s: float) -> int | None:
        """SIGTERM, SIGKILL after ``grace_s``; its exit status (None if it never started)."""
        if self.proc is None:
            return None
        if self.proc.poll() is None:
            _term_then_kill([Stoppable(self.proc.pid, None, self.name)], grace_s)
        if self.pid_path is not None:
            self.pid_path.unlink(missing_ok=True)
        return self.proc.wait()

    def kill(self) -> None:
        """SIGKILL, no grace: a crash, as the fault tests want one."""
        if self.running():
            self.signal(signal.SIGKILL)
            assert self.proc is not None
            self.proc.wait(10)

    async def wait_exit_async(self, limit_s: float) -> int | None:
        """Its exit status once it ends within ``limit_s``, else None."""
        if self.proc is None:
            return None
        try:
            return await asyncio.to_thread(self.proc.wait, limit_s)
        except subprocess.TimeoutExpired:
            return None

    async def stop_async(self, grace_s: float) -> int | None:
        """`stop` for a caller on an event loop."""
        if self.proc is None:
            return None
        if self.proc.poll() is None:
            self.signal(signal.SIGTERM)
            if await self.wait_exit_async(grace_s) is None:
                self.signal(signal.SIGKILL)
                await asyncio.to_thread(self.proc.wait)
        _CHILDREN.pop(self.proc.pid, None)
        if self.pid_path is not None:
            self.pid_path.unlink(missing_ok=True)
        return self.proc.poll()

    def signal(self, sig: signal.Signals) -> None:
        """Send ``sig`` to it (to its group when it runs in its own session)."""
        assert self.proc is not None
        if self.own_session:
            signal_group(self.proc.pid, sig)
        else:
            self.proc.send_signal(sig)

    # The control channel (``control=True``): one line out, one line back.

    def _pipes(self) -> tuple[IO[bytes], IO[bytes]]:
        assert self.proc is not None and self.proc.stdin is not None
        assert self.proc.stdout is not None, f"{self.name} has no control channel"
        return self.proc.stdin, self.proc.stdout

    async def read_line(self) -> str:
        _, stdout = self._pipes()
        return (await asyncio.to_thread(stdout.readline)).decode().strip()

    def write_line(self, line: str) -> None:
        stdin, _ = self._pipes()
        stdin.write(f"{line}\n".encode())
        stdin.flush()

    async def send_line(self, line: str) -> str:
        """Write ``line`` to the process and return the line it answers."""
        self.write_line(line)
        return await self.read_line()

    def log_tail(self, lines: int = LOG_TAIL_LINES) -> str:
        if not self.log_path.exists():
            return ""
        return tail(self.log_path, lines)
