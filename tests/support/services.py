"""Services under test run as real processes: `python -m services.<name>`, started and stopped
by the local stack's launcher (deploy/local/launcher.py)."""

import contextlib
import json
import os
import signal
import subprocess
from collections.abc import Iterator, Mapping
from pathlib import Path

from deploy.local.launcher import Launched, free_port, python_module
from deploy.local.layout import StackError
from tests.support.infra import Infra

__all__ = ["ServiceProcess", "free_port", "running_services", "smtp_env"]


class ServiceProcess:
    def __init__(self, name: str, env: dict[str, str], log_dir: Path) -> None:
        self.name = name
        self.port = free_port()
        prefix = name.upper() + "_"
        self.env = {**os.environ, **env, prefix + "HTTP_PORT": str(self.port)}
        self.log_path = log_dir / f"{name}-{self.port}.log"
        self.process: Launched | None = None

    @property
    def proc(self) -> subprocess.Popen[bytes] | None:
        """The running process (None before the first start), for callers that signal it."""
        return None if self.process is None else self.process.proc

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _started(self) -> Launched:
        assert self.process is not None, f"{self.name} was never started"
        return self.process

    def start(self, extra_env: dict[str, str] | None = None) -> "ServiceProcess":
        # In the test's own session: a Ctrl-C on pytest stops the services with it.
        self.process = Launched(
            self.name,
            python_module(f"services.{self.name}"),
            log_path=self.log_path,
            env={**self.env, **(extra_env or {})},
            own_session=False,
        ).start()
        return self

    def wait_ready(self, timeout: float = 60.0, kafka: bool = True) -> None:
        """Until /readyz answers 200 and, with `kafka`, reports Kafka set up as well: ingest is
        ready on PostgreSQL alone, while the tests that follow mostly need its topics, relay and
        consumers."""

        # "responder.storefront" answers as "storefront". Another service that got the same
        # port (it answers /readyz too) must not pass for this one.
        expected = self.name.rsplit(".", 1)[-1]

        def ready(status: int, body: bytes) -> bool:
            if status != 200:
                return False
            answer = json.loads(body)
            if answer.get("service") != expected:
                raise AssertionError(f"{self.url} is {answer.get('service')}, not {expected}")
            return not kafka or bool(answer["checks"]["kafka"])

        try:
            self._started().wait_healthy(self.url + "/readyz", timeout, ready)
        except StackError as exc:
            raise AssertionError(str(exc)) from None

    def wait_exit(self, timeout: float) -> int:
        assert self.proc is not None, f"{self.name} was never started"
        return self.proc.wait(timeout)

    def terminate(self, timeout: float = 15.0) -> bool:
        """SIGTERM; True when the process shut down cleanly (uvicorn re-raises the signal
        after its graceful shutdown, so the exit status is -SIGTERM or 0)."""
        process = self._started()
        if process.running():
            process.signal(signal.SIGTERM)
        code = self.wait_exit(timeout)
        return code in (0, -signal.SIGTERM) and "Application shutdown complete" in self.log_tail()

    def kill(self) -> None:
        if self.process is not None:
            self.process.kill()

    def log_tail(self, lines: int = 40) -> str:
        return "" if self.process is None else self.process.log_tail(lines)


def smtp_env(name: str, infra: Infra) -> dict[str, str]:
    """The settings that send `name`'s email to the session's SMTP sink."""
    p = name.upper() + "_"
    return {p + "SMTP_HOST": infra.smtp_host, p + "SMTP_PORT": str(infra.smtp_port)}


@contextlib.contextmanager
def running_services(
    envs: Mapping[str, dict[str, str]], log_dir: Path
) -> Iterator[dict[str, ServiceProcess]]:
    """One process per service (by name, with its environment), all started, then all ready;
    killed at the end, also when one does not get ready."""
    procs = {name: ServiceProcess(name, env, log_dir) for name, env in envs.items()}
    try:
        for p in procs.values():
            p.start()
        for p in procs.values():
            p.wait_ready()
        yield procs
    finally:
        for p in procs.values():
            p.kill()
