"""Local Reviewloop stack without Docker: PostgreSQL, Kafka (KRaft), an SMTP sink, the services.

Used two ways:

* as a library by the pytest fixtures (``ensure_postgres()``, ``ensure_kafka()``, ...), which
  reuse whatever is already listening on the fixed ports and start the rest;
* as a CLI: ``python -m deploy.local.stack {up,down,status,infra-up,infra-down,prereqs,clean}``
  (or the ``deploy/local/stack`` wrapper, which also prepares the virtualenv).

All state (data, logs, pid files) lives in a state directory, ``<repo>/.local`` by default.
When run as root the PostgreSQL cluster itself lives under /var/lib/postgresql/reviewloop/
because the ``postgres`` OS user (initdb refuses to run as root) cannot reach the repository;
``<state>/pg`` is then a symlink to it.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import contextlib
import fcntl
import hashlib
import logging
import os
import pwd
import shutil
import signal
import smtplib
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Callable, Coroutine, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

REPO_ROOT: Path = Path(__file__).resolve().parents[2]
DEFAULT_STATE_DIR: Path = REPO_ROOT / ".local"

LOCALHOST = "127.0.0.1"
PG_PORT = 15432
KAFKA_PORT = 19092
KAFKA_CONTROLLER_PORT = 19093
SMTP_PORT = 2525
SERVICE_PORTS: dict[str, int] = {
    "ingest": 8001,
    "survey": 8002,
    "notifier": 8003,
    "responder": 8004,
}

PG_ADMIN_USER = "postgres"
PG_ADMIN_PASSWORD = "postgres-dev"
PG_MAX_CONNECTIONS = 300
PG_OS_USER = "postgres"
# Only used when running as root, see the module docstring.
PG_ROOT_BASE = Path("/var/lib/postgresql/reviewloop")

KAFKA_VERSION = "3.9.1"
KAFKA_CONF_DIR = Path(__file__).resolve().parent / "kafka"
KAFKA_POM = KAFKA_CONF_DIR / "pom.xml"
KAFKA_LOG4J = KAFKA_CONF_DIR / "log4j.properties"
KAFKA_STARTED_LINE = "Kafka Server started"
KAFKA_PROBE_TOPIC = "__reviewloop_probe"
KAFKA_HEAP = ("-Xms256m", "-Xmx768m")

TOPIC_PARTITIONS_ENV = "REVIEWLOOP_TOPIC_PARTITIONS"
STATE_DIR_ENV = "REVIEWLOOP_STATE_DIR"

PG_START_TIMEOUT = 60.0
KAFKA_START_TIMEOUT = 120.0
SMTP_START_TIMEOUT = 20.0
SERVICE_READY_TIMEOUT = 90.0
SERVICE_STOP_TIMEOUT = 15.0
KAFKA_STOP_TIMEOUT = 30.0
LOG_TAIL_LINES = 40

log = logging.getLogger("reviewloop.stack")

T = TypeVar("T")


class StackError(RuntimeError):
    """A component could not be installed, started or stopped; the message says why."""


@dataclass(frozen=True)
class PostgresInfo:
    host: str
    port: int
    admin_user: str
    admin_password: str
    started_here: bool

    @property
    def admin_dsn(self) -> str:
        password = urllib.parse.quote(self.admin_password, safe="")
        return f"postgresql://{self.admin_user}:{password}@{self.host}:{self.port}/postgres"


@dataclass(frozen=True)
class KafkaInfo:
    bootstrap_servers: str
    started_here: bool


@dataclass(frozen=True)
class SmtpInfo:
    host: str
    port: int
    maildir: Path
    started_here: bool


# --------------------------------------------------------------------------------------------
# Paths
# --------------------------------------------------------------------------------------------


def _state(state_dir: Path) -> Path:
    # Resolved once so that the pg data-dir hash and pid files don't depend on the caller's cwd.
    return Path(state_dir).expanduser().resolve()


def _logs_dir(state_dir: Path) -> Path:
    return state_dir / "logs"


def _run_dir(state_dir: Path) -> Path:
    return state_dir / "run"


def _pid_file(state_dir: Path, name: str) -> Path:
    return _run_dir(state_dir) / f"{name}.pid"


def _log_file(state_dir: Path, name: str) -> Path:
    return _logs_dir(state_dir) / f"{name}.log"


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "reviewloop"


def _kafka_home() -> Path:
    return _cache_dir() / f"kafka-{KAFKA_VERSION}"


def _kafka_lib() -> Path:
    return _kafka_home() / "lib"


def _kafka_marker() -> Path:
    return _kafka_home() / "lib.complete"


def _smtp_maildir(state_dir: Path) -> Path:
    return state_dir / "smtp" / "maildir"


def _is_root() -> bool:
    return os.geteuid() == 0


def _pg_home(state_dir: Path) -> Path:
    if _is_root():
        digest = hashlib.sha256(str(state_dir).encode()).hexdigest()[:12]
        return PG_ROOT_BASE / digest
    return state_dir / "pg"


def _pg_data(state_dir: Path) -> Path:
    return _pg_home(state_dir) / "data"


def _pg_log(state_dir: Path) -> Path:
    return _pg_home(state_dir) / "postgres.log"


# --------------------------------------------------------------------------------------------
# Small process / network helpers
# --------------------------------------------------------------------------------------------

# Popen objects of children we started, kept so that they are not garbage-collected (which
# warns "subprocess is still running") and so that stop_*() can reap them instead of leaving
# zombies that still look alive to kill(pid, 0).
_CHILDREN: dict[int, subprocess.Popen[bytes]] = {}

_lock_guard = threading.RLock()
_lock_depth = 0
_lock_fd: int | None = None


@contextlib.contextmanager
def _stack_lock() -> Iterator[None]:
    """Serialise start/stop across processes (e.g. several pytest-xdist workers).

    The ports are machine-wide, so the lock is per user rather than per state dir. Re-entrant
    within a process because ``up`` calls ``ensure_*`` which take the lock too.
    """
    global _lock_depth, _lock_fd
    with _lock_guard:
        if _lock_depth == 0:
            path = _cache_dir() / "stack.lock"
            path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
            fcntl.flock(fd, fcntl.LOCK_EX)
            _lock_fd = fd
        _lock_depth += 1
        try:
            yield
        finally:
            _lock_depth -= 1
            if _lock_depth == 0 and _lock_fd is not None:
                os.close(_lock_fd)  # also releases the flock
                _lock_fd = None


def _port_open(port: int, host: str = LOCALHOST, timeout: float = 0.5) -> bool:
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def _cmdline(pid: int) -> str:
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return ""
    return raw.replace(b"\0", b" ").decode(errors="replace").strip()


def _pid_alive(pid: int, marker: str | None = None) -> bool:
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
    return marker is None or marker in _cmdline(pid)


def _read_pid(pid_file: Path) -> int | None:
    try:
        # First line only: postmaster.pid carries more lines (data dir, port, ...) after the pid.
        return int(pid_file.read_text().split("\n", 1)[0].strip())
    except (OSError, ValueError):
        return None


def _running_pid(pid_file: Path, marker: str) -> int | None:
    pid = _read_pid(pid_file)
    if pid is not None and _pid_alive(pid, marker):
        return pid
    return None


def _listener_pid(port: int) -> int | None:
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


def _tail(path: Path, lines: int = LOG_TAIL_LINES) -> str:
    try:
        with path.open("rb") as fh:
            fh.seek(0, os.SEEK_END)
            size = fh.tell()
            fh.seek(max(0, size - 256 * 1024))
            data = fh.read()
    except OSError as exc:
        return f"(cannot read {path}: {exc})"
    return "\n".join(data.decode(errors="replace").splitlines()[-lines:])


def _spawn(
    argv: Sequence[str],
    *,
    log_path: Path,
    pid_path: Path,
    env: dict[str, str] | None = None,
    cwd: Path = REPO_ROOT,
) -> int:
    """Start a detached process (own session) logging to ``log_path``; write its pid file.

    Own session so that Ctrl-C in the terminal (or pytest being interrupted) doesn't take the
    servers down half-way, and so that stop can signal the whole process group.
    """
    log_path.parent.mkdir(parents=True, exist_ok=True)
    pid_path.parent.mkdir(parents=True, exist_ok=True)
    with log_path.open("ab") as log_fh:
        stamp = time.strftime("%Y-%m-%d %H:%M:%S")
        log_fh.write(f"\n===== {stamp} starting: {' '.join(argv)}\n".encode())
        log_fh.flush()
        proc = subprocess.Popen(
            list(argv),
            stdin=subprocess.DEVNULL,
            stdout=log_fh,
            stderr=subprocess.STDOUT,
            cwd=cwd,
            env=env,
            start_new_session=True,
            close_fds=True,
        )
    _CHILDREN[proc.pid] = proc
    pid_path.write_text(f"{proc.pid}\n")
    return proc.pid


def _signal_group(pid: int, sig: signal.Signals) -> None:
    try:
        # Our children are session leaders (start_new_session), so pgid == pid; signalling the
        # group also reaches anything they forked (uvicorn workers, etc.).
        if os.getpgid(pid) == pid:
            os.killpg(pid, sig)
        else:
            os.kill(pid, sig)
    except ProcessLookupError:
        pass


@dataclass(frozen=True)
class _Proc:
    pid: int
    marker: str
    name: str


def _stop_procs(procs: Sequence[_Proc], timeout: float) -> None:
    """SIGTERM all at once, wait up to ``timeout`` for all, then SIGKILL the stragglers.

    Signalling together keeps `down` at the slowest shutdown instead of the sum of them.
    """
    alive = [p for p in procs if _pid_alive(p.pid, p.marker)]
    for proc in alive:
        log.info("stopping %s (pid %d)", proc.name, proc.pid)
        _signal_group(proc.pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while alive and time.monotonic() < deadline:
        time.sleep(0.2)
        alive = [p for p in alive if _pid_alive(p.pid, p.marker)]
    for proc in alive:
        log.warning("%s (pid %d) ignored SIGTERM for %.0fs; SIGKILL", proc.name, proc.pid, timeout)
        _signal_group(proc.pid, signal.SIGKILL)
    kill_deadline = time.monotonic() + 10
    while alive and time.monotonic() < kill_deadline:
        time.sleep(0.1)
        alive = [p for p in alive if _pid_alive(p.pid, p.marker)]
    for proc in procs:
        child = _CHILDREN.pop(proc.pid, None)
        if child is not None:
            with contextlib.suppress(subprocess.TimeoutExpired):
                child.wait(timeout=5)
    if alive:
        raise StackError(f"could not stop {', '.join(f'{p.name} (pid {p.pid})' for p in alive)}")


def _stop_from_pid_files(entries: Sequence[tuple[Path, str, str]], timeout: float) -> None:
    """Stop the processes named by (pid file, cmdline marker, display name); drop the files."""
    procs = []
    for pid_file, marker, name in entries:
        pid = _read_pid(pid_file)
        if pid is not None:
            procs.append(_Proc(pid, marker, name))
    _stop_procs(procs, timeout)
    for pid_file, _, _ in entries:
        pid_file.unlink(missing_ok=True)


def _stop_from_pid_file(pid_file: Path, marker: str, name: str, timeout: float) -> None:
    _stop_from_pid_files([(pid_file, marker, name)], timeout)


def _run_async(factory: Callable[[], Coroutine[Any, Any, T]]) -> T:
    """Run a coroutine from sync code, even if the caller already runs an event loop.

    pytest-asyncio fixtures may call the sync ensure_* functions from inside a running loop,
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


def _run(
    argv: Sequence[str],
    *,
    what: str,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    check: bool = True,
    new_session: bool = False,
) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(
        list(argv),
        cwd=cwd,
        env=env,
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


def _wait_until(predicate: Callable[[], bool], timeout: float, interval: float = 0.25) -> bool:
    deadline = time.monotonic() + timeout
    while True:
        if predicate():
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(interval)


# --------------------------------------------------------------------------------------------
# Prerequisites
# --------------------------------------------------------------------------------------------


def _pg_bindirs() -> dict[int, Path]:
    found: dict[int, Path] = {}
    for initdb in Path("/usr/lib/postgresql").glob("*/bin/initdb"):
        version = initdb.parent.parent.name
        if version.isdigit() and (initdb.parent / "pg_ctl").exists():
            found[int(version)] = initdb.parent
    return found


def _pg_bindir(data_dir: Path | None = None) -> Path | None:
    """Server binaries; for an existing cluster the ones matching its PG_VERSION.

    A later ``apt-get install postgresql`` may bring a newer major version, which cannot open an
    older data directory.
    """
    bindirs = _pg_bindirs()
    if data_dir is not None:
        with contextlib.suppress(OSError, ValueError):
            version = int((data_dir / "PG_VERSION").read_text().strip())
            if version in bindirs:
                return bindirs[version]
            raise StackError(
                f"{data_dir} was created by PostgreSQL {version}, whose server binaries are not "
                f"installed (found: {sorted(bindirs) or 'none'}). Install postgresql-{version} "
                f"or run `clean` to start over."
            )
    if not bindirs:
        return None
    return bindirs[max(bindirs)]


def _java() -> str | None:
    java_home = os.environ.get("JAVA_HOME")
    if java_home and (Path(java_home) / "bin" / "java").exists():
        return str(Path(java_home) / "bin" / "java")
    return shutil.which("java")


def _apt_install(packages: Sequence[str]) -> None:
    cmd = f"apt-get update && apt-get install -y {' '.join(packages)}"
    if not _is_root():
        raise StackError(f"missing system packages; run as root: {cmd}")
    if shutil.which("apt-get") is None:
        raise StackError(f"missing system packages {list(packages)} and no apt-get to install them")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    log.info("installing %s with apt-get (one-off, may take a minute)", " ".join(packages))
    _run(["apt-get", "update"], what="apt-get update", env=env)
    _run(
        ["apt-get", "install", "-y", "--no-install-recommends", *packages],
        what="apt-get install",
        env=env,
    )


def _pom_digest() -> str:
    return hashlib.sha256(KAFKA_POM.read_bytes()).hexdigest()


def _kafka_jars_ready() -> bool:
    try:
        return _kafka_marker().read_text().strip() == _pom_digest() and _kafka_lib().is_dir()
    except OSError:
        return False


def _fetch_kafka_jars() -> None:
    mvn = shutil.which("mvn")
    if mvn is None:
        raise StackError("Maven (mvn) is required to fetch the Kafka jars; run `prereqs`")
    home = _kafka_home()
    home.mkdir(parents=True, exist_ok=True)
    partial = home / "lib.partial"
    shutil.rmtree(partial, ignore_errors=True)
    log.info("fetching Kafka %s jars from Maven Central into %s", KAFKA_VERSION, _kafka_lib())
    started = time.monotonic()
    _run(
        [
            mvn,
            "-q",
            "-B",
            "-f",
            str(KAFKA_POM),
            "dependency:copy-dependencies",
            "-DincludeScope=runtime",
            f"-DoutputDirectory={partial}",
        ],
        what="mvn dependency:copy-dependencies",
    )
    if not any(partial.glob(f"kafka_2.13-{KAFKA_VERSION}.jar")):
        raise StackError(f"mvn finished but {partial} has no kafka_2.13-{KAFKA_VERSION}.jar")
    # Swap in the complete directory and only then write the marker: an interrupted download
    # leaves no marker and is redone next time.
    _kafka_marker().unlink(missing_ok=True)
    shutil.rmtree(_kafka_lib(), ignore_errors=True)
    partial.rename(_kafka_lib())
    _kafka_marker().write_text(_pom_digest() + "\n")
    log.info("Kafka jars ready (%.1fs)", time.monotonic() - started)


def _ensure_kafka_jars() -> None:
    if _kafka_jars_ready():
        return
    with _stack_lock():
        if not _kafka_jars_ready():
            _fetch_kafka_jars()


def install_prerequisites(*, browser: bool = False) -> None:
    """Install what the local stack needs: PostgreSQL server, a JRE, Maven, the Kafka jars;
    with ``browser`` also Chromium and its driver for the browser tests (``prereqs``, which
    ``stack test`` and so CI run; the fixtures do not ask for it, so a developer without root
    is not stopped by a browser only some tests use).

    Idempotent and fast (a few stat calls) when everything is present.
    """
    with _stack_lock():
        missing: list[str] = []
        if browser and shutil.which("chromium") is None:
            missing.append("chromium")
        if browser and shutil.which("chromedriver") is None:
            missing.append("chromium-driver")
        if _pg_bindir() is None:
            missing.append("postgresql")
        if _java() is None:
            missing.append("openjdk-17-jre-headless")
        if not _kafka_jars_ready() and shutil.which("mvn") is None:
            missing.append("maven")
        if missing:
            _apt_install(missing)
        if _pg_bindir() is None:
            raise StackError("PostgreSQL server binaries still missing under /usr/lib/postgresql")
        if _java() is None:
            raise StackError("java still not found after installing openjdk-17-jre-headless")
        _ensure_kafka_jars()


# --------------------------------------------------------------------------------------------
# PostgreSQL
# --------------------------------------------------------------------------------------------


def _pg_info(started_here: bool) -> PostgresInfo:
    return PostgresInfo(
        host=LOCALHOST,
        port=PG_PORT,
        admin_user=PG_ADMIN_USER,
        admin_password=PG_ADMIN_PASSWORD,
        started_here=started_here,
    )


def _pg_cmd(argv: Sequence[str]) -> list[str]:
    if _is_root():
        return ["runuser", "-u", PG_OS_USER, "--", *argv]
    return list(argv)


def _pg_isready_bin() -> str | None:
    bindir = _pg_bindir()
    if bindir is not None and (bindir / "pg_isready").exists():
        return str(bindir / "pg_isready")
    return shutil.which("pg_isready")


def _postgres_ready() -> bool:
    if not _port_open(PG_PORT):
        return False
    isready = _pg_isready_bin()
    if isready is not None:
        proc = _run(
            [isready, "-q", "-h", LOCALHOST, "-p", str(PG_PORT), "-t", "3"],
            what="pg_isready",
            check=False,
        )
        return proc.returncode == 0
    return _run_async(_asyncpg_ping)


async def _asyncpg_ping() -> bool:
    import asyncpg

    try:
        conn = await asyncpg.connect(_pg_info(False).admin_dsn, timeout=3)
    except (OSError, asyncpg.PostgresError, TimeoutError):
        return False
    try:
        await conn.fetchval("SELECT 1")
        return True
    finally:
        await conn.close()


def _pg_locale() -> str:
    proc = _run(["locale", "-a"], what="locale -a", check=False)
    names = {line.strip().lower().replace("-", "") for line in proc.stdout.splitlines()}
    return "C.UTF-8" if "c.utf8" in names else "C"


def _symlink(link: Path, target: Path) -> None:
    if link.is_symlink():
        if Path(os.readlink(link)) == target:
            return
        link.unlink()
    elif link.exists():
        raise StackError(f"{link} exists and is not a symlink to {target}; move it away")
    link.parent.mkdir(parents=True, exist_ok=True)
    link.symlink_to(target)


def _prepare_pg_home(state_dir: Path) -> Path:
    home = _pg_home(state_dir)
    if _is_root():
        try:
            pw = pwd.getpwnam(PG_OS_USER)
        except KeyError as exc:
            raise StackError(
                f"running as root needs the '{PG_OS_USER}' OS user (created by the postgresql "
                "package); run `prereqs`"
            ) from exc
        for directory in (PG_ROOT_BASE, home):
            directory.mkdir(parents=True, exist_ok=True)
            os.chown(directory, pw.pw_uid, pw.pw_gid)
        home.chmod(0o700)
        (home / "STATE_DIR").write_text(f"{state_dir}\n")  # which checkout this cluster serves
        _symlink(state_dir / "pg", home)
    else:
        home.mkdir(parents=True, exist_ok=True)
    _symlink(_log_file(state_dir, "postgres"), _pg_log(state_dir))
    return home


def _initdb(bindir: Path, home: Path, data: Path) -> None:
    pwfile = home / ".pwfile"
    pwfile.write_text(PG_ADMIN_PASSWORD + "\n")
    pwfile.chmod(0o600)
    if _is_root():
        pw = pwd.getpwnam(PG_OS_USER)
        os.chown(pwfile, pw.pw_uid, pw.pw_gid)
    log.info("initialising PostgreSQL cluster in %s", data)
    try:
        _run(
            _pg_cmd(
                [
                    str(bindir / "initdb"),
                    "-D",
                    str(data),
                    "-U",
                    PG_ADMIN_USER,
                    f"--pwfile={pwfile}",
                    "--auth-local=trust",
                    "--auth-host=scram-sha-256",
                    "-E",
                    "UTF8",
                    f"--locale={_pg_locale()}",
                ]
            ),
            what="initdb",
            cwd=home,  # the postgres user may not be allowed to stay in the caller's cwd
        )
    finally:
        pwfile.unlink(missing_ok=True)


def _pg_socket_dir(home: Path) -> str:
    # Unix socket paths are limited to 107 bytes; deep pytest tmp dirs can exceed that, and
    # everything here connects over TCP anyway, so just disable the socket then.
    return str(home) if len(str(home)) + len(f"/.s.PGSQL.{PG_PORT}.lock") < 100 else ""


def ensure_postgres(state_dir: Path = DEFAULT_STATE_DIR) -> PostgresInfo:
    """Start our PostgreSQL cluster on 127.0.0.1:15432 unless something already answers there."""
    state_dir = _state(state_dir)
    with _stack_lock():
        if _postgres_ready():
            return _pg_info(started_here=False)
        if _port_open(PG_PORT):
            raise StackError(
                f"port {PG_PORT} is open but does not answer as PostgreSQL "
                f"(pid {_listener_pid(PG_PORT)}); stop whatever is using it"
            )
        if _pg_bindir() is None:
            install_prerequisites()
        home = _prepare_pg_home(state_dir)
        data = home / "data"
        if not (data / "PG_VERSION").exists():
            if data.exists() and any(data.iterdir()):
                raise StackError(f"{data} is not empty but has no PG_VERSION; remove it")
            bindir = _pg_bindir()
            assert bindir is not None  # install_prerequisites() guarantees it
            _initdb(bindir, home, data)
        bindir = _pg_bindir(data)
        assert bindir is not None
        options = " ".join(
            [
                f"-c listen_addresses={LOCALHOST}",
                f"-c port={PG_PORT}",
                f"-c unix_socket_directories='{_pg_socket_dir(home)}'",
                f"-c max_connections={PG_MAX_CONNECTIONS}",
            ]
        )
        started = time.monotonic()
        log.info("starting PostgreSQL on %s:%d", LOCALHOST, PG_PORT)
        proc = _run(
            _pg_cmd(
                [
                    str(bindir / "pg_ctl"),
                    "-D",
                    str(data),
                    "-l",
                    str(_pg_log(state_dir)),
                    "-o",
                    options,
                    "-w",
                    "-t",
                    str(int(PG_START_TIMEOUT)),
                    "start",
                ]
            ),
            what="pg_ctl start",
            cwd=home,
            check=False,
            new_session=True,
        )
        if proc.returncode != 0:
            raise StackError(
                f"pg_ctl start failed (exit {proc.returncode}): {proc.stdout}{proc.stderr}\n"
                f"--- last lines of {_pg_log(state_dir)}:\n{_tail(_pg_log(state_dir))}"
            )
        if not _wait_until(_postgres_ready, PG_START_TIMEOUT):
            raise StackError(
                f"PostgreSQL did not become ready within {PG_START_TIMEOUT:.0f}s\n"
                f"--- last lines of {_pg_log(state_dir)}:\n{_tail(_pg_log(state_dir))}"
            )
        log.info("PostgreSQL ready (%.1fs)", time.monotonic() - started)
        return _pg_info(started_here=True)


def _postgres_pid(state_dir: Path) -> int | None:
    pid = _read_pid(_pg_data(state_dir) / "postmaster.pid")
    return pid if pid is not None and _pid_alive(pid, "postgres") else None


def stop_postgres(state_dir: Path = DEFAULT_STATE_DIR) -> None:
    """Fast-shutdown our cluster (the one whose data dir belongs to ``state_dir``), if running."""
    state_dir = _state(state_dir)
    with _stack_lock():
        data = _pg_data(state_dir)
        if _postgres_pid(state_dir) is None:
            return
        bindir = _pg_bindir(data)
        if bindir is None:
            raise StackError("cannot stop PostgreSQL: server binaries not found")
        log.info("stopping PostgreSQL (%s)", data)
        _run(
            _pg_cmd(
                [str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "-t", "60", "stop"]
            ),
            what="pg_ctl stop",
            cwd=_pg_home(state_dir),
        )


# --------------------------------------------------------------------------------------------
# Kafka
# --------------------------------------------------------------------------------------------


def _kafka_bootstrap() -> str:
    return f"{LOCALHOST}:{KAFKA_PORT}"


def _kafka_dir(state_dir: Path) -> Path:
    return state_dir / "kafka"


def _kafka_properties(state_dir: Path) -> str:
    data = _kafka_dir(state_dir) / "data"
    settings = {
        "process.roles": "broker,controller",
        "node.id": "1",
        "controller.quorum.voters": f"1@{LOCALHOST}:{KAFKA_CONTROLLER_PORT}",
        "listeners": (
            f"PLAINTEXT://{LOCALHOST}:{KAFKA_PORT},CONTROLLER://{LOCALHOST}:{KAFKA_CONTROLLER_PORT}"
        ),
        "advertised.listeners": f"PLAINTEXT://{LOCALHOST}:{KAFKA_PORT}",
        "controller.listener.names": "CONTROLLER",
        "listener.security.protocol.map": "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
        "inter.broker.listener.name": "PLAINTEXT",
        "log.dirs": str(data),
        "num.partitions": "6",
        "offsets.topic.replication.factor": "1",
        # The default of 50 partitions takes seconds to create on a 2-core laptop/CI box and
        # delays the first consumer-group join; same for the transaction log.
        "offsets.topic.num.partitions": "6",
        "transaction.state.log.replication.factor": "1",
        "transaction.state.log.min.isr": "1",
        "transaction.state.log.num.partitions": "6",
        "group.initial.rebalance.delay.ms": "0",
        # Topics must come from shared.topics with explicit partition counts; a typo in a topic
        # name should fail loudly instead of silently creating a new topic.
        "auto.create.topics.enable": "false",
        "log.retention.hours": "168",
    }
    header = "# Generated by deploy/local/stack.py on every start; edit the generator, not this.\n"
    return header + "".join(f"{key}={value}\n" for key, value in settings.items())


def _kafka_java_cmd(main_class: str, *args: str, heap: Sequence[str] = KAFKA_HEAP) -> list[str]:
    java = _java()
    if java is None:
        raise StackError("java not found; run `prereqs` (installs openjdk-17-jre-headless)")
    return [
        java,
        *heap,
        "-XX:+UseG1GC",
        "-XX:MaxGCPauseMillis=20",
        "-Djava.awt.headless=true",
        f"-Dlog4j.configuration=file:{KAFKA_LOG4J}",
        "-cp",
        f"{_kafka_lib()}/*",
        main_class,
        *args,
    ]


def _kafka_format(state_dir: Path, properties: Path) -> None:
    cluster_id = "-"
    # One id in 64 starts with "-", which kafka-storage would read as an option.
    while cluster_id.startswith("-"):
        cluster_id = base64.urlsafe_b64encode(uuid.uuid4().bytes)[:22].decode()
    log.info("formatting Kafka storage (cluster id %s)", cluster_id)
    cmd = _kafka_java_cmd(
        "kafka.tools.StorageTool",
        "format",
        "-t",
        cluster_id,
        "-c",
        str(properties),
        heap=("-Xms64m", "-Xmx256m"),  # the formatter needs far less than the broker
    )
    _run(cmd, what="kafka StorageTool format")


async def _kafka_probe_async(bootstrap: str) -> None:
    """Create the probe topic, produce with acks=all, consume it in a fresh group and commit.

    Exercises metadata, the controller (CreateTopics), the log, and the group coordinator, i.e.
    everything the services need; a bare TCP connect says little while the broker is booting.
    """
    from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
    from aiokafka.admin import AIOKafkaAdminClient, NewTopic
    from aiokafka.errors import TopicAlreadyExistsError, for_code

    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap, request_timeout_ms=10_000)
    await admin.start()
    try:
        if KAFKA_PROBE_TOPIC not in await admin.list_topics():
            # Short retention with small segments keeps the ever-growing probe topic tiny.
            topic = NewTopic(
                KAFKA_PROBE_TOPIC,
                1,
                1,
                topic_configs={"retention.ms": "3600000", "segment.ms": "600000"},
            )
            response = await admin.create_topics([topic])
            for entry in response.topic_errors:
                error = for_code(entry[1])
                if entry[1] and error is not TopicAlreadyExistsError:
                    raise error(f"creating {KAFKA_PROBE_TOPIC}: {entry}")
    finally:
        await admin.close()

    token = uuid.uuid4().hex.encode()
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", request_timeout_ms=10_000)
    await producer.start()
    try:
        await producer.send_and_wait(KAFKA_PROBE_TOPIC, token)
    finally:
        await producer.stop()

    # A fresh group per probe so that concurrent probes (status while up is starting, parallel
    # test workers) never steal each other's partition.
    consumer = AIOKafkaConsumer(
        KAFKA_PROBE_TOPIC,
        bootstrap_servers=bootstrap,
        group_id=f"{KAFKA_PROBE_TOPIC}.{uuid.uuid4().hex[:12]}",
        auto_offset_reset="earliest",
        enable_auto_commit=False,
    )
    await consumer.start()
    try:
        while True:
            batches = await consumer.getmany(timeout_ms=1000)
            if any(rec.value == token for recs in batches.values() for rec in recs):
                await consumer.commit()
                return
    finally:
        await consumer.stop()


def _kafka_probe(bootstrap: str, timeout: float = 30.0) -> str | None:
    """Run the probe; return None on success or a short reason on failure."""

    async def bounded() -> None:
        await asyncio.wait_for(_kafka_probe_async(bootstrap), timeout)

    try:
        _run_async(bounded)
    except Exception as exc:
        return f"{type(exc).__name__}: {exc}"
    return None


def _kafka_pid(state_dir: Path) -> int | None:
    return _running_pid(_pid_file(state_dir, "kafka"), "kafka.Kafka")


def ensure_kafka(state_dir: Path = DEFAULT_STATE_DIR) -> KafkaInfo:
    """Start the single-node KRaft broker on 127.0.0.1:19092 unless one already answers there."""
    state_dir = _state(state_dir)
    bootstrap = _kafka_bootstrap()
    with _stack_lock():
        own_pid = _kafka_pid(state_dir)
        if own_pid is None and _port_open(KAFKA_PORT):
            failure = _kafka_probe(bootstrap)
            if failure is None:
                return KafkaInfo(bootstrap_servers=bootstrap, started_here=False)
            raise StackError(
                f"port {KAFKA_PORT} is open (pid {_listener_pid(KAFKA_PORT)}) but the Kafka probe "
                f"failed: {failure}"
            )
        _ensure_kafka_jars()
        log_path = _log_file(state_dir, "kafka")
        started_here = own_pid is None
        if own_pid is None:
            kafka_dir = _kafka_dir(state_dir)
            (kafka_dir / "data").mkdir(parents=True, exist_ok=True)
            properties = kafka_dir / "server.properties"
            properties.write_text(_kafka_properties(state_dir))
            if not (kafka_dir / "data" / "meta.properties").exists():
                _kafka_format(state_dir, properties)
            log_offset = log_path.stat().st_size if log_path.exists() else 0
            log.info("starting Kafka on %s", bootstrap)
            own_pid = _spawn(
                _kafka_java_cmd("kafka.Kafka", str(properties)),
                log_path=log_path,
                pid_path=_pid_file(state_dir, "kafka"),
            )
        else:
            # Ours and alive, maybe not answering yet (e.g. an earlier call timed out while it
            # was booting): wait for it rather than starting a second broker.
            log_offset = 0
        _wait_for_kafka(own_pid, log_path, log_offset, bootstrap, announce=started_here)
        return KafkaInfo(bootstrap_servers=bootstrap, started_here=started_here)


def _wait_for_kafka(
    pid: int, log_path: Path, log_offset: int, bootstrap: str, *, announce: bool
) -> None:
    started = time.monotonic()
    deadline = started + KAFKA_START_TIMEOUT
    failure = "broker has not logged 'Kafka Server started' yet"
    while time.monotonic() < deadline:
        if not _pid_alive(pid, "kafka.Kafka"):
            raise StackError(
                f"Kafka (pid {pid}) exited during startup\n"
                f"--- last lines of {log_path}:\n{_tail(log_path)}"
            )
        if _log_contains(log_path, log_offset, KAFKA_STARTED_LINE):
            remaining = max(5.0, deadline - time.monotonic())
            probe_failure = _kafka_probe(bootstrap, timeout=min(30.0, remaining))
            if probe_failure is None:
                if announce:
                    log.info("Kafka ready (%.1fs)", time.monotonic() - started)
                return
            failure = f"probe failed: {probe_failure}"
        time.sleep(0.5)
    raise StackError(
        f"Kafka did not become ready within {KAFKA_START_TIMEOUT:.0f}s ({failure})\n"
        f"--- last lines of {log_path}:\n{_tail(log_path)}"
    )


def _log_contains(path: Path, offset: int, needle: str) -> bool:
    try:
        with path.open("rb") as fh:
            fh.seek(offset)
            return needle.encode() in fh.read()
    except OSError:
        return False


def stop_kafka(state_dir: Path = DEFAULT_STATE_DIR) -> None:
    """SIGTERM our broker (controlled shutdown), SIGKILL after 30 s. No-op if not ours/running."""
    state_dir = _state(state_dir)
    with _stack_lock():
        _stop_from_pid_file(
            _pid_file(state_dir, "kafka"), "kafka.Kafka", "Kafka", KAFKA_STOP_TIMEOUT
        )


# --------------------------------------------------------------------------------------------
# SMTP sink
# --------------------------------------------------------------------------------------------

SMTP_MARKER = "aiosmtpd"


def _smtp_ready() -> bool:
    try:
        with smtplib.SMTP(LOCALHOST, SMTP_PORT, timeout=3) as smtp:
            code, _ = smtp.ehlo()
            return code == 250
    except (OSError, smtplib.SMTPException):
        return False


def _smtp_maildir_of(pid: int | None) -> Path | None:
    """The maildir an already-running aiosmtpd Mailbox sink writes to (its last CLI arg)."""
    if pid is None:
        return None
    try:
        args = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return None
    args = [a for a in args if a]
    if b"aiosmtpd.handlers.Mailbox" not in args or not args:
        return None
    return Path(args[-1].decode(errors="replace"))


def ensure_smtp(state_dir: Path = DEFAULT_STATE_DIR) -> SmtpInfo:
    """Start an aiosmtpd sink on 127.0.0.1:2525 storing every message in a Maildir."""
    state_dir = _state(state_dir)
    maildir = _smtp_maildir(state_dir)
    with _stack_lock():
        if _smtp_ready():
            # Someone else's sink (another checkout/state dir): report where *it* stores mail,
            # otherwise tests would wait for messages in the wrong directory.
            actual = _smtp_maildir_of(_listener_pid(SMTP_PORT)) or maildir
            if actual != maildir:
                log.warning("SMTP sink already running with maildir %s", actual)
            return SmtpInfo(host=LOCALHOST, port=SMTP_PORT, maildir=actual, started_here=False)
        if _port_open(SMTP_PORT):
            raise StackError(f"port {SMTP_PORT} is open but does not answer EHLO")
        # Drop a stale process that holds the pid file but never bound the port.
        _stop_from_pid_file(_pid_file(state_dir, "smtp"), SMTP_MARKER, "SMTP sink", 5)
        for sub in ("cur", "new", "tmp"):
            (maildir / sub).mkdir(parents=True, exist_ok=True)
        log_path = _log_file(state_dir, "smtp")
        started = time.monotonic()
        pid = _spawn(
            [
                sys.executable,
                "-m",
                "aiosmtpd",
                "-n",  # don't setuid to nobody, which could not write the maildir
                "-u",  # accept SMTPUTF8 so non-ASCII customer names/addresses get through
                "-l",
                f"{LOCALHOST}:{SMTP_PORT}",
                "-c",
                "aiosmtpd.handlers.Mailbox",
                str(maildir),
            ],
            log_path=log_path,
            pid_path=_pid_file(state_dir, "smtp"),
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )

        def ready() -> bool:
            if not _pid_alive(pid, SMTP_MARKER):
                raise StackError(f"SMTP sink exited during startup\n{_tail(log_path)}")
            return _smtp_ready()

        if not _wait_until(ready, SMTP_START_TIMEOUT):
            raise StackError(
                f"SMTP sink not ready within {SMTP_START_TIMEOUT:.0f}s\n{_tail(log_path)}"
            )
        log.info("SMTP sink ready (%.1fs)", time.monotonic() - started)
        return SmtpInfo(host=LOCALHOST, port=SMTP_PORT, maildir=maildir, started_here=True)


def stop_smtp(state_dir: Path = DEFAULT_STATE_DIR) -> None:
    state_dir = _state(state_dir)
    with _stack_lock():
        _stop_from_pid_file(_pid_file(state_dir, "smtp"), SMTP_MARKER, "SMTP sink", 10)


# --------------------------------------------------------------------------------------------
# Topics
# --------------------------------------------------------------------------------------------


def create_topics(bootstrap: str, prefix: str = "", partitions: int | None = None) -> None:
    """Create every topic of shared.topics.ALL_TOPICS (with ``prefix``); existing ones are kept.

    ``partitions`` overrides every topic's own count. An existing topic with fewer partitions
    than wanted is grown (Kafka cannot shrink one).
    """
    # Imported here so that the infrastructure part of this module (status/down/ensure_*) keeps
    # working while shared/ is broken mid-edit.
    from shared import topics

    wanted: dict[str, int] = {}
    for spec in topics.ALL_TOPICS:
        wanted[topics.topic_name(spec.name, prefix)] = partitions or spec.partitions
    _run_async(lambda: _create_topics_async(bootstrap, wanted))


async def _create_topics_async(bootstrap: str, wanted: dict[str, int]) -> None:
    from aiokafka.admin import AIOKafkaAdminClient, NewPartitions, NewTopic
    from aiokafka.errors import TopicAlreadyExistsError, for_code

    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap, request_timeout_ms=30_000)
    await admin.start()
    try:
        response = await admin.create_topics(
            [NewTopic(name, count, 1) for name, count in wanted.items()]
        )
        for entry in response.topic_errors:
            name, code = entry[0], entry[1]
            if code == 0:
                log.info("created topic %s (%d partitions)", name, wanted[name])
            elif for_code(code) is not TopicAlreadyExistsError:
                message = entry[2] if len(entry) > 2 else ""
                raise StackError(
                    f"creating topic {name} failed: {for_code(code).__name__} {message}"
                )

        # CreateTopics returns once the controller committed the topics; wait until the broker
        # also serves them with leaders, else the first produce in a test may hit
        # UNKNOWN_TOPIC_OR_PARTITION.
        deadline = time.monotonic() + 30
        grown: set[str] = set()
        warned: set[str] = set()
        while True:
            described = {t["topic"]: t for t in await admin.describe_topics(list(wanted))}
            grow: dict[str, Any] = {}
            pending: list[str] = []
            for name, count in wanted.items():
                info = described.get(name)
                parts = info.get("partitions", []) if info else []
                if info is None or info.get("error_code") or not parts:
                    pending.append(name)
                elif any(p.get("leader", -1) < 0 for p in parts):
                    pending.append(name)
                elif len(parts) < count and name in grown:
                    pending.append(name)  # grown already, metadata not caught up yet
                elif len(parts) < count:
                    grow[name] = NewPartitions(total_count=count)
                elif len(parts) > count and name not in warned:
                    warned.add(name)
                    log.warning(
                        "topic %s has %d partitions, more than the %d asked for; Kafka cannot "
                        "shrink a topic (run `clean` for a fresh cluster)",
                        name,
                        len(parts),
                        count,
                    )
            if grow:
                log.info("growing partitions: %s", {n: p.total_count for n, p in grow.items()})
                await admin.create_partitions(grow)
                grown.update(grow)
                continue
            if not pending:
                return
            if time.monotonic() > deadline:
                raise StackError(f"topics not ready after 30s: {pending}")
            await asyncio.sleep(0.2)
    finally:
        await admin.close()


# --------------------------------------------------------------------------------------------
# Services
# --------------------------------------------------------------------------------------------


def _service_marker(name: str) -> str:
    return f"services.{name}"


def _readyz(name: str, timeout: float = 2.0) -> int | None:
    url = f"http://{LOCALHOST}:{SERVICE_PORTS[name]}/readyz"
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return int(response.status)
    except urllib.error.HTTPError as exc:
        return exc.code
    except (OSError, ValueError):
        return None


def provision_database(pg: PostgresInfo) -> None:
    """Run shared.db.provision (creates the reviewloop DB, roles, schemas); it is idempotent."""
    log.info("provisioning database via shared.db.provision")
    _run(
        [sys.executable, "-m", "shared.db.provision"],
        what="python -m shared.db.provision",
        cwd=REPO_ROOT,
        env={**os.environ, "REVIEWLOOP_ADMIN_DSN": pg.admin_dsn},
    )


def start_services(state_dir: Path = DEFAULT_STATE_DIR, names: Sequence[str] | None = None) -> None:
    """Start the services (``python -m services.<name>``) and wait for their /readyz."""
    state_dir = _state(state_dir)
    names = list(names or SERVICE_PORTS)
    with _stack_lock():
        pids: dict[str, int | None] = {}
        for name in names:
            pid_path = _pid_file(state_dir, name)
            pid = _running_pid(pid_path, _service_marker(name))
            if pid is None and _port_open(SERVICE_PORTS[name]):
                # Not ours (e.g. started from an IDE): use it if healthy, don't fight over the port.
                log.warning("%s: port %d already in use, not starting", name, SERVICE_PORTS[name])
            elif pid is None:
                log.info("starting %s on port %d", name, SERVICE_PORTS[name])
                env = {
                    **os.environ,
                    f"{name.upper()}_ENVIRONMENT": "development",
                    "PYTHONUNBUFFERED": "1",
                }
                pid = _spawn(
                    [sys.executable, "-m", _service_marker(name)],
                    log_path=_log_file(state_dir, name),
                    pid_path=pid_path,
                    env=env,
                )
            pids[name] = pid
        _wait_for_services(state_dir, pids)


def _wait_for_services(state_dir: Path, pids: dict[str, int | None]) -> None:
    started = time.monotonic()
    deadline = started + SERVICE_READY_TIMEOUT
    pending = dict(pids)
    last_status: dict[str, str] = {}
    failed: dict[str, str] = {}
    while pending and time.monotonic() < deadline:
        for name, pid in list(pending.items()):
            if pid is not None and not _pid_alive(pid, _service_marker(name)):
                failed[name] = "process exited"
                del pending[name]
                continue
            status = _readyz(name)
            if status == 200:
                log.info("%s ready (%.1fs)", name, time.monotonic() - started)
                del pending[name]
            else:
                last_status[name] = f"/readyz -> {status or 'no answer'}"
        if pending:
            time.sleep(0.5)
    for name in pending:
        failed[name] = f"not ready after {SERVICE_READY_TIMEOUT:.0f}s ({last_status.get(name)})"
    if failed:
        report = "\n".join(
            f"--- {name}: {reason}; last lines of {_log_file(state_dir, name)}:\n"
            f"{_tail(_log_file(state_dir, name))}"
            for name, reason in failed.items()
        )
        raise StackError(f"services failed to start: {', '.join(failed)}\n{report}")


def stop_services(state_dir: Path = DEFAULT_STATE_DIR) -> None:
    state_dir = _state(state_dir)
    with _stack_lock():
        entries = [(_pid_file(state_dir, n), _service_marker(n), n) for n in SERVICE_PORTS]
        _stop_from_pid_files(entries, SERVICE_STOP_TIMEOUT)


# --------------------------------------------------------------------------------------------
# CLI
# --------------------------------------------------------------------------------------------


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
    pg = ensure_postgres(state_dir)
    kafka = ensure_kafka(state_dir)
    smtp = ensure_smtp(state_dir)
    create_topics(kafka.bootstrap_servers, partitions=_topic_partitions_from_env())

    def how(started_here: bool) -> str:
        return "started" if started_here else "already running"

    _print_table(
        ["component", "address", "state", "log"],
        [
            ["postgres", pg.admin_dsn, how(pg.started_here), str(_log_file(state_dir, "postgres"))],
            [
                "kafka",
                kafka.bootstrap_servers,
                how(kafka.started_here),
                str(_log_file(state_dir, "kafka")),
            ],
            [
                "smtp",
                f"smtp://{smtp.host}:{smtp.port} -> {smtp.maildir}",
                how(smtp.started_here),
                str(_log_file(state_dir, "smtp")),
            ],
        ],
    )
    return pg


def _cmd_up(state_dir: Path) -> None:
    pg = _infra_up(state_dir)
    provision_database(pg)
    start_services(state_dir)
    print()
    _print_table(
        ["service", "url", "log"],
        [
            [name, f"http://{LOCALHOST}:{port}", str(_log_file(state_dir, name))]
            for name, port in SERVICE_PORTS.items()
        ],
    )


def _cmd_infra_down(state_dir: Path) -> None:
    stop_smtp(state_dir)
    stop_kafka(state_dir)
    stop_postgres(state_dir)


def _stop_all(state_dir: Path) -> None:
    stop_services(state_dir)
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

    pg_up = _postgres_ready()
    pg_pid = _postgres_pid(state_dir)
    add(
        "postgres",
        pg_up,
        pg_pid or (_listener_pid(PG_PORT) if pg_up else None),
        f"{LOCALHOST}:{PG_PORT}",
        external(pg_pid, pg_up),
    )

    kafka_pid = _kafka_pid(state_dir)
    kafka_up = _port_open(KAFKA_PORT)
    if kafka_up:
        failure = _kafka_probe(_kafka_bootstrap(), timeout=15)
        kafka_detail = "probe ok" if failure is None else f"probe failed: {failure}"
        kafka_up = failure is None
    else:
        kafka_detail = "starting (port not open yet)" if kafka_pid is not None else ""
    add(
        "kafka",
        kafka_up,
        kafka_pid or _listener_pid(KAFKA_PORT),
        _kafka_bootstrap(),
        " ".join(filter(None, [kafka_detail, external(kafka_pid, kafka_up)])),
    )

    smtp_up = _smtp_ready()
    smtp_own = _running_pid(_pid_file(state_dir, "smtp"), SMTP_MARKER)
    smtp_pid = smtp_own or (_listener_pid(SMTP_PORT) if smtp_up else None)
    maildir = _smtp_maildir_of(smtp_pid) or _smtp_maildir(state_dir)
    add("smtp", smtp_up, smtp_pid, f"{LOCALHOST}:{SMTP_PORT}", f"maildir {maildir}")

    healthy = pg_up and kafka_up and smtp_up
    for name, port in SERVICE_PORTS.items():
        pid = _running_pid(_pid_file(state_dir, name), _service_marker(name))
        status = _readyz(name) if (pid is not None or _port_open(port)) else None
        healthy = healthy and status == 200
        detail = "" if status is None else f"/readyz {status}"
        add(name, status is not None, pid, f"http://{LOCALHOST}:{port}", detail)

    _print_table(["component", "state", "pid", "address", "detail"], rows)
    return 0 if healthy else 3


def _cmd_clean(state_dir: Path) -> None:
    _stop_all(state_dir)
    with _stack_lock():
        home = _pg_home(state_dir)
        if _is_root() and home.exists():
            shutil.rmtree(home)
        if state_dir.exists():
            shutil.rmtree(state_dir)
    print(f"removed {state_dir}" + (f" and {home}" if _is_root() else ""))


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
    state_dir = _state(args.state_dir)
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


if __name__ == "__main__":
    sys.exit(main())
