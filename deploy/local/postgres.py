"""The local PostgreSQL cluster: initdb once, pg_ctl start/stop, readiness."""

import os
import pwd
import shutil
import time
import urllib.parse
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from deploy.local import packages
from deploy.local.launcher import (
    listener_pid,
    pid_alive,
    port_open,
    read_pid,
    run,
    run_async,
    tail,
    wait_until,
)
from deploy.local.layout import (
    DEFAULT_STATE_DIR,
    LOCALHOST,
    PG_PORT,
    PG_ROOT_BASE,
    StackError,
    is_root,
    log,
    log_file,
    pg_data,
    pg_home,
    pg_log,
    resolve_state,
    stack_lock,
)

PG_ADMIN_USER = "postgres"
PG_ADMIN_PASSWORD = "postgres-dev"
PG_MAX_CONNECTIONS = 300
PG_OS_USER = "postgres"
PG_START_TIMEOUT = 60.0


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


def _info(started_here: bool) -> PostgresInfo:
    return PostgresInfo(
        host=LOCALHOST,
        port=PG_PORT,
        admin_user=PG_ADMIN_USER,
        admin_password=PG_ADMIN_PASSWORD,
        started_here=started_here,
    )


def as_pg_user(argv: Sequence[str]) -> list[str]:
    """``argv`` run as the ``postgres`` OS user when we are root (initdb refuses root)."""
    if is_root():
        return ["runuser", "-u", PG_OS_USER, "--", *argv]
    return list(argv)


def _isready_bin() -> str | None:
    bindir = packages.pg_bindir()
    if bindir is not None and (bindir / "pg_isready").exists():
        return str(bindir / "pg_isready")
    return shutil.which("pg_isready")


def ready() -> bool:
    if not port_open(PG_PORT):
        return False
    isready = _isready_bin()
    if isready is not None:
        proc = run(
            [isready, "-q", "-h", LOCALHOST, "-p", str(PG_PORT), "-t", "3"],
            what="pg_isready",
            check=False,
        )
        return proc.returncode == 0
    return run_async(_asyncpg_ping)


async def _asyncpg_ping() -> bool:
    import asyncpg

    try:
        conn = await asyncpg.connect(_info(False).admin_dsn, timeout=3)
    except (OSError, asyncpg.PostgresError, TimeoutError):
        return False
    try:
        await conn.fetchval("SELECT 1")
        return True
    finally:
        await conn.close()


def _locale() -> str:
    proc = run(["locale", "-a"], what="locale -a", check=False)
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


def _prepare_home(state_dir: Path) -> Path:
    home = pg_home(state_dir)
    if is_root():
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
    _symlink(log_file(state_dir, "postgres"), pg_log(state_dir))
    return home


def initdb(bindir: Path, home: Path, data: Path) -> None:
    pwfile = home / ".pwfile"
    pwfile.write_text(PG_ADMIN_PASSWORD + "\n")
    pwfile.chmod(0o600)
    if is_root():
        pw = pwd.getpwnam(PG_OS_USER)
        os.chown(pwfile, pw.pw_uid, pw.pw_gid)
    log.info("initialising PostgreSQL cluster in %s", data)
    try:
        run(
            as_pg_user(
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
                    f"--locale={_locale()}",
                ]
            ),
            what="initdb",
            cwd=home,  # the postgres user may not be allowed to stay in the caller's cwd
        )
    finally:
        pwfile.unlink(missing_ok=True)


def _socket_dir(home: Path) -> str:
    # Unix socket paths are limited to 107 bytes; deep pytest tmp dirs can exceed that, and
    # everything here connects over TCP anyway, so just disable the socket then.
    return str(home) if len(str(home)) + len(f"/.s.PGSQL.{PG_PORT}.lock") < 100 else ""


def ensure_postgres(state_dir: Path = DEFAULT_STATE_DIR) -> PostgresInfo:
    """Start our PostgreSQL cluster on 127.0.0.1:15432 unless something already answers there."""
    state_dir = resolve_state(state_dir)
    with stack_lock():
        if ready():
            return _info(started_here=False)
        if port_open(PG_PORT):
            raise StackError(
                f"port {PG_PORT} is open but does not answer as PostgreSQL "
                f"(pid {listener_pid(PG_PORT)}); stop whatever is using it"
            )
        if packages.pg_bindir() is None:
            packages.install_prerequisites()
        home = _prepare_home(state_dir)
        data = home / "data"
        if not (data / "PG_VERSION").exists():
            if data.exists() and any(data.iterdir()):
                raise StackError(f"{data} is not empty but has no PG_VERSION; remove it")
            bindir = packages.pg_bindir()
            assert bindir is not None  # install_prerequisites() guarantees it
            initdb(bindir, home, data)
        bindir = packages.pg_bindir(data)
        assert bindir is not None
        options = " ".join(
            [
                f"-c listen_addresses={LOCALHOST}",
                f"-c port={PG_PORT}",
                f"-c unix_socket_directories='{_socket_dir(home)}'",
                f"-c max_connections={PG_MAX_CONNECTIONS}",
            ]
        )
        started = time.monotonic()
        log.info("starting PostgreSQL on %s:%d", LOCALHOST, PG_PORT)
        proc = run(
            as_pg_user(
                [
                    str(bindir / "pg_ctl"),
                    "-D",
                    str(data),
                    "-l",
                    str(pg_log(state_dir)),
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
                f"--- last lines of {pg_log(state_dir)}:\n{tail(pg_log(state_dir))}"
            )
        if not wait_until(ready, PG_START_TIMEOUT):
            raise StackError(
                f"PostgreSQL did not become ready within {PG_START_TIMEOUT:.0f}s\n"
                f"--- last lines of {pg_log(state_dir)}:\n{tail(pg_log(state_dir))}"
            )
        log.info("PostgreSQL ready (%.1fs)", time.monotonic() - started)
        return _info(started_here=True)


def own_pid(state_dir: Path) -> int | None:
    """The postmaster of this state dir's cluster, if it runs."""
    pid = read_pid(pg_data(state_dir) / "postmaster.pid")
    return pid if pid is not None and pid_alive(pid, "postgres") else None


def stop_postgres(state_dir: Path = DEFAULT_STATE_DIR) -> None:
    """Fast-shutdown our cluster (the one whose data dir belongs to ``state_dir``), if running."""
    state_dir = resolve_state(state_dir)
    with stack_lock():
        data = pg_data(state_dir)
        if own_pid(state_dir) is None:
            return
        bindir = packages.pg_bindir(data)
        if bindir is None:
            raise StackError("cannot stop PostgreSQL: server binaries not found")
        log.info("stopping PostgreSQL (%s)", data)
        run(
            as_pg_user(
                [str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "-t", "60", "stop"]
            ),
            what="pg_ctl stop",
            cwd=pg_home(state_dir),
        )
