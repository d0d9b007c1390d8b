"""A cap on a service's SMTP sessions across its replicas (issue #22): two survey email workers
in two processes, each with its own database pool and kept connections, send through one real
SMTP server that counts the sessions open at once; the slots are rows of the survey's schema in
a real PostgreSQL. Without the cap the same two open more sessions than it allows."""

import asyncio
import os
import sys
import threading
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session

from deploy.local.launcher import free_port
from deploy.local.smtp_sink import Sink
from deploy.local.stack import REPO_ROOT
from services.survey.app import MIGRATIONS
from services.survey.settings import SurveySettings
from shared.db.migrations import apply_migrations, service_migrations
from shared.db.pool import create_pool
from tests.conftest import connect_as, service_env

MESSAGES = 60


class _Sessions:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.open = 0
        self.most = 0

    def opened(self) -> None:
        with self.lock:
            self.open += 1
            self.most = max(self.most, self.open)

    def closed(self) -> None:
        with self.lock:
            self.open -= 1


class _SlowSink(Sink):
    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        await asyncio.sleep(0.02)  # long enough for sessions to overlap
        return await super().handle_DATA(server, session, envelope)


class _CountingSMTP(SMTP):
    def __init__(self, handler: Any, sessions: _Sessions, **kwargs: Any) -> None:
        super().__init__(handler, **kwargs)
        self.sessions = sessions

    def connection_made(self, transport: Any) -> None:
        self.sessions.opened()
        super().connection_made(transport)

    def connection_lost(self, exc: Exception | None) -> None:
        self.sessions.closed()
        super().connection_lost(exc)


class _CountingController(Controller):
    def __init__(self, handler: Any, sessions: _Sessions, **kwargs: Any) -> None:
        super().__init__(handler, **kwargs)
        self.sessions = sessions

    def factory(self) -> SMTP:
        return _CountingSMTP(self.handler, self.sessions, **self.SMTP_kwargs)


async def _two_replicas(
    infra: Any, database: str, prefix: str, make_settings: Any, cap: int | None
) -> tuple[int, list[str]]:
    """Two survey email workers as two processes (tests/support/smtp_replica.py), sharing one
    database and one SMTP server that counts the sessions open at once."""
    sessions = _Sessions()
    port = free_port()
    controller = _CountingController(_SlowSink(), sessions, hostname="127.0.0.1", port=port)
    controller.start()
    env = service_env("survey", infra, database, prefix) | {
        "SURVEY_SMTP_HOST": "127.0.0.1",
        "SURVEY_SMTP_PORT": str(port),
    }
    if cap is not None:
        env["SURVEY_SMTP_MAX_SESSIONS"] = str(cap)
    conn = await connect_as(infra, database, "survey")
    try:
        harness_pool = await create_pool(make_settings(SurveySettings))
        try:
            await apply_migrations(harness_pool, "survey", service_migrations("survey", MIGRATIONS))
        finally:
            await harness_pool.close()
        await conn.execute(
            "DROP TABLE IF EXISTS cap_test_queue, cap_test_sent;"
            "CREATE TABLE cap_test_queue (n int PRIMARY KEY);"
            "CREATE TABLE cap_test_sent (n int PRIMARY KEY, outcome text NOT NULL)"
        )
        await conn.execute("INSERT INTO cap_test_queue SELECT generate_series(1, $1)", MESSAGES)
        replicas = [
            await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                "tests.support.smtp_replica",
                cwd=REPO_ROOT,
                env={**os.environ, **env},
            )
            for _ in range(2)
        ]
        codes = [await asyncio.wait_for(r.wait(), 120) for r in replicas]
        assert codes == [0, 0]
        outcomes = [r["outcome"] for r in await conn.fetch("SELECT outcome FROM cap_test_sent")]
    finally:
        await conn.close()
        controller.stop()
    return sessions.most, outcomes


async def test_two_replicas_never_hold_more_sessions_than_the_cap(
    infra, database, prefix, make_settings
) -> None:
    most, outcomes = await _two_replicas(infra, database, prefix, make_settings, cap=2)
    assert outcomes == ["accepted"] * MESSAGES
    assert most <= 2, most


async def test_without_the_cap_two_replicas_open_more(
    infra, database, prefix, make_settings
) -> None:
    most, outcomes = await _two_replicas(infra, database, prefix, make_settings, cap=None)
    assert outcomes == ["accepted"] * MESSAGES
    assert most > 2, most
