"""Connections that never finish a request, against the real processes of every service, over
raw sockets: an idle connection, a request head trickled a byte at a time (slow loris), a body
that stops half way and a keep-alive connection left idle are all closed by the server within
their deadline (shared/http/server.py). An aborted upload is one INFO line in the log, never an
ERROR with a traceback (anyone could flood the log with them), and the service stays healthy."""

import json
import socket
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from shared.settings import ServiceSettings
from tests.conftest import service_env
from tests.support.admin import create_shop
from tests.support.services import ServiceProcess

pytestmark = pytest.mark.integration

SERVICES = ("ingest", "survey", "notifier", "responder")
HEAD_S, BODY_S, KEEP_ALIVE_S = 1.5, 2.5, 1
SLACK_S = 1.5
WHSEC = "whsec_Y29ubmVjdGlvbnMtc2hvcC1zZWNyZXQtMDEyMzQ1"


@pytest.fixture(scope="module")
def procs(
    infra, module_database, module_prefix, tmp_path_factory
) -> Iterator[dict[str, ServiceProcess]]:
    logs = tmp_path_factory.mktemp("connection-logs")
    started: dict[str, ServiceProcess] = {}
    try:
        for name in SERVICES:
            env = service_env(name, infra, module_database, module_prefix)
            p = name.upper() + "_"
            env[p + "HTTP_HEAD_TIMEOUT_S"] = str(HEAD_S)
            env[p + "HTTP_BODY_TIMEOUT_S"] = str(BODY_S)
            env[p + "HTTP_KEEP_ALIVE_S"] = str(KEEP_ALIVE_S)
            started[name] = ServiceProcess(name, env, logs).start()
        for proc in started.values():
            proc.wait_ready(kafka=False)
        create_shop(started["ingest"].url, "conn-shop", "standard", WHSEC)
        yield started
    finally:
        for proc in started.values():
            proc.kill()


def connect(proc: ServiceProcess) -> socket.socket:
    return socket.create_connection(("127.0.0.1", proc.port), timeout=30)


def seconds_until_closed(sock: socket.socket, limit: float, trickle: bytes = b"") -> float:
    """How long until the server closes the connection (EOF or reset), sending `trickle` one
    byte every 0.3 s meanwhile; `limit` + 5 when it is still open by then."""
    start = time.monotonic()
    sock.settimeout(0.3)
    pending = list(trickle)
    with sock:
        while time.monotonic() - start < limit + 5:
            try:
                data = sock.recv(65536)
            except TimeoutError:
                if pending:
                    try:
                        sock.sendall(bytes([pending.pop(0)]))
                    except OSError:
                        return time.monotonic() - start
                continue
            except OSError:
                return time.monotonic() - start
            if not data:
                return time.monotonic() - start
        return limit + 5


def idle(proc: ServiceProcess) -> float:
    return seconds_until_closed(connect(proc), HEAD_S)


def slow_loris(proc: ServiceProcess) -> float:
    sock = connect(proc)
    sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
    return seconds_until_closed(sock, HEAD_S, trickle=b"X-Slow: " + b"a" * 100)


def half_a_body(proc: ServiceProcess) -> float:
    sock = connect(proc)
    sock.sendall(
        b"POST /healthz HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        b'Content-Length: 1000\r\n\r\n{"a": '
    )
    return seconds_until_closed(sock, BODY_S)


def idle_after_a_response(proc: ServiceProcess) -> float:
    sock = connect(proc)
    sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
    sock.settimeout(5)
    assert sock.recv(65536).startswith(b"HTTP/1.1 200"), proc.name
    return seconds_until_closed(sock, KEEP_ALIVE_S)


@pytest.mark.parametrize("service", SERVICES)
def test_connections_that_never_finish_a_request_are_closed_in_time(procs, service) -> None:
    proc = procs[service]
    cases = {
        "idle": (idle, HEAD_S),
        "slow loris": (slow_loris, HEAD_S),
        "half a body": (half_a_body, BODY_S),
        "idle after a response": (idle_after_a_response, KEEP_ALIVE_S),
    }
    with ThreadPoolExecutor(len(cases)) as pool:
        futures = {name: pool.submit(check, proc) for name, (check, _) in cases.items()}
        took = {name: f.result() for name, f in futures.items()}
    for name, (_, bound) in cases.items():
        assert took[name] <= bound + SLACK_S, (service, name, took)
    # A slow but complete request is still answered.
    assert httpx.get(f"{proc.url}/healthz", timeout=10).status_code == 200


def test_a_body_that_keeps_arriving_is_not_cut_off(procs) -> None:
    """The body deadline is for a stalled sender: chunks 1 s apart, 5 s in all (past the
    2.5 s deadline), still get an answer."""
    chunks = [b'{"order_id": ', b'"slow-1", ', b'"currency": ', b'"EUR", ', b'"items": []}']
    sock = connect(procs["ingest"])
    with sock:
        sock.sendall(
            b"POST /v1/shops/conn-shop/orders HTTP/1.1\r\nHost: x\r\n"
            b"Authorization: Bearer api-token-dev-only\r\nContent-Type: application/json\r\n"
            b"Content-Length: " + str(sum(map(len, chunks))).encode() + b"\r\n\r\n"
        )
        for chunk in chunks:
            time.sleep(1.0)
            sock.sendall(chunk)
        sock.settimeout(10)
        answer = sock.recv(65536)
    assert answer.startswith(b"HTTP/1.1 4"), answer[:200]


def log_records(path: Path, since: int) -> list[dict[str, object]]:
    lines = path.read_bytes()[since:].decode("utf-8", "replace").splitlines()
    return [json.loads(line) for line in lines if line.startswith("{")]


def test_an_aborted_upload_is_one_info_line_without_a_traceback(procs) -> None:
    proc = procs["ingest"]
    before = proc.log_path.stat().st_size
    paths = ["/reviews/generic/conn-shop", "/webhooks/standard/conn-shop"]
    for n in range(6):
        sock = connect(proc)
        sock.sendall(
            f"POST {paths[n % 2]} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            "Content-Length: 900000\r\n\r\n".encode()
            + b'{"type": "review.created", "data": {"text": "'
            + b"a" * 20000
        )
        time.sleep(0.1)
        sock.close()
    time.sleep(1)
    assert httpx.get(f"{proc.url}/healthz", timeout=10).status_code == 200
    text = proc.log_path.read_bytes()[before:].decode("utf-8", "replace")
    assert "Traceback" not in text and "ClientDisconnect" not in text, text[-3000:]
    records = log_records(proc.log_path, before)
    assert not [r for r in records if r.get("level") in ("ERROR", "CRITICAL")], records
    gone = [r for r in records if "client disconnected" in str(r.get("message", ""))]
    assert len(gone) == 6 and {r["level"] for r in gone} == {"INFO"}, records
    # The route's template, never the path (a survey's path holds the customer's token).
    routes = {r.get("route") for r in gone}
    assert routes == {"/reviews/{source}/{shop_id}", "/webhooks/{platform}/{shop_id}"}, gone


def test_the_deadlines_are_bounded_by_default() -> None:
    defaults = ServiceSettings()
    assert defaults.http_keep_alive_s <= 10
    assert defaults.http_head_timeout_s <= 30
    assert defaults.http_body_timeout_s <= 60
    with pytest.raises(ValueError):
        ServiceSettings(http_head_timeout_s=0)
    with pytest.raises(ValueError):
        ServiceSettings(http_body_timeout_s=86400)
