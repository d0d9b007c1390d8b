"""Services under test run as real processes: `python -m services.<name>`."""

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from deploy.local.stack import REPO_ROOT


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


class ServiceProcess:
    def __init__(self, name: str, env: dict[str, str], log_dir: Path) -> None:
        self.name = name
        self.port = free_port()
        prefix = name.upper() + "_"
        self.env = {**os.environ, **env, prefix + "HTTP_PORT": str(self.port)}
        self.log_path = log_dir / f"{name}-{self.port}.log"
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, extra_env: dict[str, str] | None = None) -> "ServiceProcess":
        env = {**self.env, **(extra_env or {})}
        log = self.log_path.open("ab")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", f"services.{self.name}"],
            cwd=REPO_ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
        return self

    def wait_ready(self, timeout: float = 60.0, kafka: bool = True) -> None:
        """Until /readyz answers 200 and, with `kafka`, reports Kafka set up as well: ingest is
        ready on PostgreSQL alone, while the tests that follow mostly need its topics, relay and
        consumers."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.proc is not None
            if self.proc.poll() is not None:
                raise AssertionError(
                    f"{self.name} exited {self.proc.returncode}:\n{self.log_tail()}"
                )
            try:
                r = httpx.get(self.url + "/readyz", timeout=5)
                if r.status_code == 200 and (not kafka or r.json()["checks"]["kafka"]):
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        raise AssertionError(f"{self.name} not ready in {timeout}s:\n{self.log_tail()}")

    def wait_exit(self, timeout: float) -> int:
        assert self.proc is not None
        return self.proc.wait(timeout)

    def terminate(self, timeout: float = 15.0) -> bool:
        """SIGTERM; True when the process shut down cleanly (uvicorn re-raises the signal
        after its graceful shutdown, so the exit status is -SIGTERM or 0)."""
        assert self.proc is not None
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        code = self.proc.wait(timeout)
        return code in (0, -signal.SIGTERM) and "Application shutdown complete" in self.log_tail()

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)

    def log_tail(self, lines: int = 40) -> str:
        if not self.log_path.exists():
            return ""
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
