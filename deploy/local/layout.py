"""Where the local stack listens and keeps its files, and the lock that serialises its starts.

All state (data, logs, pid files) lives in a state directory, ``<repo>/.local`` by default.
When run as root the PostgreSQL cluster itself lives under /var/lib/postgresql/reviewloop/
because the ``postgres`` OS user (initdb refuses to run as root) cannot reach the repository;
``<state>/pg`` is then a symlink to it.
"""

import contextlib
import fcntl
import hashlib
import logging
import os
import threading
from collections.abc import Iterator
from pathlib import Path

REPO_ROOT: Path = Path(__file__).resolve().parents[2]
DEFAULT_STATE_DIR: Path = REPO_ROOT / ".local"
STATE_DIR_ENV = "REVIEWLOOP_STATE_DIR"

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
    # The responder's public, read-only storefront process (its own module, not a service).
    "storefront": 8005,
}
# Processes whose module is not services.<name>.
SERVICE_MODULES: dict[str, str] = {"storefront": "services.responder.storefront"}

# Only used when running as root, see the module docstring.
PG_ROOT_BASE = Path("/var/lib/postgresql/reviewloop")

KAFKA_VERSION = "3.9.1"
KAFKA_CONF_DIR = Path(__file__).resolve().parent / "kafka"


# The stack's progress lines: the CLI shows them at INFO, the fixtures and benches leave them quiet.
log = logging.getLogger("reviewloop.stack")


class StackError(RuntimeError):
    """A component could not be installed, started or stopped; the message says why."""


def resolve_state(state_dir: Path) -> Path:
    # Resolved once so that the pg data-dir hash and pid files don't depend on the caller's cwd.
    return Path(state_dir).expanduser().resolve()


def pid_file(state_dir: Path, name: str) -> Path:
    return state_dir / "run" / f"{name}.pid"


def log_file(state_dir: Path, name: str) -> Path:
    return state_dir / "logs" / f"{name}.log"


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "reviewloop"


def kafka_home() -> Path:
    return cache_dir() / f"kafka-{KAFKA_VERSION}"


def kafka_lib() -> Path:
    return kafka_home() / "lib"


def is_root() -> bool:
    return os.geteuid() == 0


def pg_home(state_dir: Path) -> Path:
    if is_root():
        digest = hashlib.sha256(str(state_dir).encode()).hexdigest()[:12]
        return PG_ROOT_BASE / digest
    return state_dir / "pg"


def pg_data(state_dir: Path) -> Path:
    return pg_home(state_dir) / "data"


def pg_log(state_dir: Path) -> Path:
    return pg_home(state_dir) / "postgres.log"


_lock_guard = threading.RLock()
_lock_depth = 0
_lock_fd: int | None = None


@contextlib.contextmanager
def stack_lock() -> Iterator[None]:
    """Serialise start/stop across processes (e.g. several pytest-xdist workers).

    The ports are machine-wide, so the lock is per user rather than per state dir. Re-entrant
    within a process because ``up`` calls ``ensure_*`` which take the lock too.
    """
    global _lock_depth, _lock_fd
    with _lock_guard:
        if _lock_depth == 0:
            path = cache_dir() / "stack.lock"
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
