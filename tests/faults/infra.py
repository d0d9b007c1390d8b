"""A PostgreSQL cluster and a Kafka broker of the fault run's own, on their own ports.

The run restarts both, so it cannot use the shared local stack (127.0.0.1:15432 and 19092):
other tests and benchmarks on the machine would see their broker vanish. The binaries, the
Kafka jars and the broker settings are those of the local stack (deploy/local/postgres.py and
broker.py); only the ports, the data directories and the lifetime differ. Everything lives in
the run directory (PostgreSQL's data under /var/lib/postgresql/reviewloop-faults/ when run as
root, because initdb refuses root) and is removed at the end unless the run is kept.
"""

import base64
import contextlib
import logging
import os
import pwd
import shutil
import signal
import socket
import subprocess
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from deploy.local import broker, packages, postgres, stack

log = logging.getLogger(__name__)

PG_ROOT_BASE = Path("/var/lib/postgresql/reviewloop-faults")
KAFKA_STARTED = "Kafka Server started"


def port_free(port: int) -> bool:
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((stack.LOCALHOST, port))
        except OSError:
            return False
    return True


def pick_ports(count: int, start: int) -> list[int]:
    """Free ports below the ephemeral range (32768+), where an outgoing connection could hold
    the number while a server is down and make its restart fail (docs/decisions.md)."""
    found: list[int] = []
    port = start
    while len(found) < count:
        if port >= 32_000:
            raise RuntimeError(f"no free ports between {start} and 32000")
        if port_free(port):
            found.append(port)
        port += 1
    return found


def _wait(predicate: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise RuntimeError(f"{what} not ready within {timeout:.0f}s")
        time.sleep(0.2)


@dataclass
class PrivatePostgres:
    run_dir: Path
    port: int
    home: Path = field(init=False)

    def __post_init__(self) -> None:
        if os.geteuid() == 0:
            self.home = PG_ROOT_BASE / self.run_dir.name
        else:
            self.home = self.run_dir / "pg"

    @property
    def data(self) -> Path:
        return self.home / "data"

    @property
    def log_path(self) -> Path:
        return self.home / "postgres.log"

    @property
    def admin_dsn(self) -> str:
        return (
            f"postgresql://{stack.PG_ADMIN_USER}:{stack.PG_ADMIN_PASSWORD}"
            f"@{stack.LOCALHOST}:{self.port}/postgres"
        )

    def _bindir(self) -> Path:
        bindir = packages.pg_bindir(self.data if (self.data / "PG_VERSION").exists() else None)
        if bindir is None:
            raise RuntimeError("PostgreSQL server binaries not found (deploy/local/stack prereqs)")
        return bindir

    def init(self) -> None:
        self.home.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            pw = pwd.getpwnam(postgres.PG_OS_USER)
            for directory in (PG_ROOT_BASE, self.home):
                os.chown(directory, pw.pw_uid, pw.pw_gid)
        self.home.chmod(0o700)
        postgres.initdb(self._bindir(), self.home, self.data)

    def start(self) -> None:
        options = " ".join(
            [
                f"-c listen_addresses={stack.LOCALHOST}",
                f"-c port={self.port}",
                "-c unix_socket_directories=''",
                "-c max_connections=300",
            ]
        )
        cmd = postgres.as_pg_user(
            [
                str(self._bindir() / "pg_ctl"),
                "-D",
                str(self.data),
                "-l",
                str(self.log_path),
                "-o",
                options,
                "-w",
                "-t",
                "60",
                "start",
            ]
        )
        subprocess.run(cmd, cwd=self.home, check=True, capture_output=True, start_new_session=True)

    def stop(self, mode: str = "fast") -> None:
        """`immediate` is a crash: no checkpoint, WAL recovery at the next start."""
        if not (self.data / "postmaster.pid").exists():
            return
        cmd = postgres.as_pg_user(
            [str(self._bindir() / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop"]
        )
        subprocess.run(cmd, cwd=self.home, check=False, capture_output=True)

    def remove(self) -> None:
        self.stop("immediate")
        shutil.rmtree(self.home, ignore_errors=True)


@dataclass
class PrivateKafka:
    run_dir: Path
    port: int
    controller_port: int
    proc: subprocess.Popen[bytes] | None = None

    @property
    def bootstrap(self) -> str:
        return f"{stack.LOCALHOST}:{self.port}"

    @property
    def dir(self) -> Path:
        return self.run_dir / "kafka"

    @property
    def log_path(self) -> Path:
        return self.run_dir / "logs" / "kafka.log"

    def _properties(self) -> str:
        # The local stack's broker settings, on this run's ports and data directory.
        settings: dict[str, str] = {}
        for line in broker.server_properties(self.run_dir).splitlines():
            if line and not line.startswith("#"):
                key, _, value = line.partition("=")
                settings[key] = value
        host = stack.LOCALHOST
        settings.update(
            {
                "controller.quorum.voters": f"1@{host}:{self.controller_port}",
                "listeners": f"PLAINTEXT://{host}:{self.port},CONTROLLER://{host}:"
                f"{self.controller_port}",
                "advertised.listeners": f"PLAINTEXT://{host}:{self.port}",
                "log.dirs": str(self.dir / "data"),
            }
        )
        return "".join(f"{k}={v}\n" for k, v in settings.items())

    def init(self) -> None:
        packages.ensure_kafka_jars()
        (self.dir / "data").mkdir(parents=True, exist_ok=True)
        properties = self.dir / "server.properties"
        properties.write_text(self._properties())
        # As deploy/local/broker.py formats the storage, but with `--cluster-id=`: a random id
        # may begin with "-", which the tool would take for an option.
        cluster_id = base64.urlsafe_b64encode(uuid.uuid4().bytes)[:22].decode()
        cmd = broker.java_cmd(
            "kafka.tools.StorageTool",
            "format",
            f"--cluster-id={cluster_id}",
            "-c",
            str(properties),
            heap=("-Xms64m", "-Xmx256m"),
        )
        subprocess.run(cmd, check=True, capture_output=True)

    def start(self, timeout: float = 120.0) -> None:
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        offset = self.log_path.stat().st_size if self.log_path.exists() else 0
        with self.log_path.open("ab") as out:
            self.proc = subprocess.Popen(
                broker.java_cmd("kafka.Kafka", str(self.dir / "server.properties")),
                stdout=out,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
            )

        def started() -> bool:
            if self.proc is not None and self.proc.poll() is not None:
                raise RuntimeError(f"Kafka exited during startup; see {self.log_path}")
            with self.log_path.open("rb") as fh:
                fh.seek(offset)
                return KAFKA_STARTED.encode() in fh.read()

        _wait(started, timeout, "Kafka")
        failure = broker.probe(self.bootstrap, timeout=60)
        if failure is not None:
            raise RuntimeError(f"Kafka probe failed: {failure}")

    def stop(self, timeout: float = 30.0) -> None:
        """SIGTERM (controlled shutdown), SIGKILL after `timeout`."""
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(10)

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)

    def remove(self) -> None:
        with contextlib.suppress(Exception):
            self.stop(timeout=10)
        shutil.rmtree(self.dir, ignore_errors=True)
