"""The local stack's own parts without its servers: the process launcher on small real
processes, the SMTP sink's scripted answers on a real socket, and the generated settings."""

import smtplib
import sys
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller

from deploy.local import broker, cli, smtp_sink
from deploy.local.launcher import (
    Launched,
    free_port,
    pid_alive,
    read_pid,
    stop_pid_files,
    wait_until,
)
from deploy.local.layout import KAFKA_PORT, StackError

SLEEPER = [sys.executable, "-c", "import time; time.sleep(60)"]
# Ignores SIGTERM, so only the SIGKILL after the grace period ends it.
STUBBORN = [
    sys.executable,
    "-c",
    "import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); print('up', flush=True);"
    " time.sleep(60)",
]
SERVER = [sys.executable, "-m", "http.server", "--bind", "127.0.0.1"]


def test_a_process_is_stopped_with_sigterm_and_its_pid_file_dropped(tmp_path: Path) -> None:
    pid_path = tmp_path / "run" / "sleeper.pid"
    process = Launched("sleeper", SLEEPER, log_path=tmp_path / "s.log", pid_path=pid_path)
    process.start()
    assert read_pid(pid_path) == process.pid
    assert pid_alive(process.pid, "time.sleep")
    assert process.stop(grace_s=5) == -15
    assert not pid_path.exists()
    assert "starting:" in process.log_tail()


def test_a_process_that_ignores_sigterm_is_killed(tmp_path: Path) -> None:
    process = Launched("stubborn", STUBBORN, log_path=tmp_path / "s.log").start()
    assert wait_until(lambda: process.log_tail().endswith("\nup"), 20)
    assert process.stop(grace_s=0.5) == -9


def test_a_pid_file_of_a_finished_process_stops_nothing(tmp_path: Path) -> None:
    pid_path = tmp_path / "gone.pid"
    pid_path.write_text("999999\n")
    stop_pid_files([(pid_path, "services.ingest", "ingest")], 1)
    assert not pid_path.exists()


def test_health_waits_for_the_url_and_reports_an_exit(tmp_path: Path) -> None:
    port = free_port()
    server = Launched("web", [*SERVER, str(port)], log_path=tmp_path / "w.log").start()
    try:
        server.wait_healthy(f"http://127.0.0.1:{port}/", limit_s=20)
    finally:
        server.stop(grace_s=5)
    quitter = Launched("quitter", [sys.executable, "-c", "pass"], log_path=tmp_path / "q.log")
    with pytest.raises(StackError, match="process exited"):
        quitter.start().wait_healthy(f"http://127.0.0.1:{free_port()}/", limit_s=20)


async def test_the_control_channel_is_one_line_each_way(tmp_path: Path) -> None:
    echo = "import sys\nfor line in sys.stdin: print('got', line.strip(), flush=True)"
    process = Launched(
        "echo", [sys.executable, "-c", echo], log_path=tmp_path / "e.log", control=True
    ).start()
    assert await process.send_line("hello") == "got hello"
    assert await process.stop_async(grace_s=5) in (0, -15)


def test_the_sink_answers_as_scripted_and_stores_in_its_maildir(tmp_path: Path) -> None:
    sink = smtp_sink.Sink(tmp_path / "maildir", temporary_failures=1, refused={"no@example.com"})
    port = free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    message = b"Subject: hi\r\nMessage-ID: <1@x>\r\n\r\nbody\r\n"
    try:
        with smtplib.SMTP("127.0.0.1", port) as client:
            with pytest.raises(smtplib.SMTPDataError):
                client.sendmail("a@example.com", ["b@example.com"], message)
            refused = client.sendmail("a@example.com", ["b@example.com", "no@example.com"], message)
    finally:
        controller.stop()
    assert refused == {"no@example.com": (550, b"5.1.1 mailbox unavailable")}
    assert sink.accepted == {"b@example.com": 1}
    assert len(list((tmp_path / "maildir" / "new").iterdir())) == 1


def test_the_maildir_of_a_running_sink_comes_from_its_command_line(tmp_path: Path) -> None:
    port = free_port()
    maildir = tmp_path / "mail"
    process = Launched(
        "sink", smtp_sink.command_line(port, maildir), log_path=tmp_path / "sink.log"
    ).start()
    try:
        # Right after the fork the command line is still the parent's: wait until it listens.
        assert wait_until(lambda: smtp_sink.smtp_ready(port), 20)
        assert smtp_sink.maildir_of(process.pid) == maildir
        assert smtp_sink.maildir_of(None) is None
    finally:
        process.stop(grace_s=5)


def test_the_broker_settings_keep_topics_explicit() -> None:
    properties = broker.server_properties(Path("/state"))
    assert "auto.create.topics.enable=false\n" in properties
    assert f"listeners=PLAINTEXT://127.0.0.1:{KAFKA_PORT}," in properties
    assert "log.dirs=/state/kafka/data\n" in properties


def test_the_topic_partitions_setting_must_be_a_positive_integer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(cli.TOPIC_PARTITIONS_ENV, raising=False)
    assert cli._topic_partitions_from_env() is None
    monkeypatch.setenv(cli.TOPIC_PARTITIONS_ENV, "3")
    assert cli._topic_partitions_from_env() == 3
    for bad in ("0", "three"):
        monkeypatch.setenv(cli.TOPIC_PARTITIONS_ENV, bad)
        with pytest.raises(StackError):
            cli._topic_partitions_from_env()
