"""All four services start against the real stack, report ready, and stop cleanly on SIGTERM."""

import time

import httpx
import pytest

from tests.conftest import service_env
from tests.support.services import ServiceProcess

pytestmark = pytest.mark.integration

SERVICES = ("ingest", "survey", "notifier", "responder")


def test_every_service_is_live_ready_and_stops_on_sigterm(infra, database, prefix, log_dir):
    procs = [ServiceProcess(n, service_env(n, infra, database, prefix), log_dir) for n in SERVICES]
    try:
        for p in procs:
            p.start()
        for p in procs:
            p.wait_ready()
            assert httpx.get(p.url + "/healthz").status_code == 200
            ready = httpx.get(p.url + "/readyz").json()
            assert ready["checks"] == {"postgres": True, "kafka": True}
            assert "reviewloop_outbox_published_total" in httpx.get(p.url + "/metrics").text
        for p in procs:
            started = time.monotonic()
            assert p.terminate(timeout=15), p.log_tail()
            assert time.monotonic() - started < 10
    finally:
        for p in procs:
            p.kill()
