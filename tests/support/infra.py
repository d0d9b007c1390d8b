"""The real servers a test session talks to: testcontainers when a Docker engine answers,
otherwise the project's local stack (deploy/local/stack.py), started if it is not running."""

import contextlib
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Infra:
    pg_host: str
    pg_port: int
    admin_dsn: str
    kafka_bootstrap: str
    smtp_host: str
    smtp_port: int
    maildir: Path
    origin: str  # "testcontainers" or "local"


def docker_engine_answers() -> bool:
    if os.environ.get("REVIEWLOOP_TEST_NO_DOCKER"):
        return False
    try:
        import docker

        docker.from_env(timeout=3).ping()
    except Exception:
        return False
    return True


@contextlib.contextmanager
def _containers(smtp: "SmtpEndpoint") -> Iterator[Infra]:
    from testcontainers.kafka import KafkaContainer
    from testcontainers.postgres import PostgresContainer

    with (
        PostgresContainer("postgres:15", username="postgres", password="postgres") as pg,
        KafkaContainer("confluentinc/cp-kafka:7.6.1").with_kraft() as kafka,
    ):
        host = pg.get_container_host_ip()
        port = int(pg.get_exposed_port(5432))
        yield Infra(
            pg_host=host,
            pg_port=port,
            admin_dsn=f"postgresql://postgres:postgres@{host}:{port}/postgres",
            kafka_bootstrap=kafka.get_bootstrap_server(),
            smtp_host=smtp.host,
            smtp_port=smtp.port,
            maildir=smtp.maildir,
            origin="testcontainers",
        )


@dataclass(frozen=True)
class SmtpEndpoint:
    host: str
    port: int
    maildir: Path


@contextlib.contextmanager
def real_infra() -> Iterator[Infra]:
    """Yield the servers; stop at the end only what this session started."""
    from deploy.local import stack

    stops = []
    try:
        smtp_info = stack.ensure_smtp()
        if smtp_info.started_here:
            stops.append(stack.stop_smtp)
        smtp = SmtpEndpoint(smtp_info.host, smtp_info.port, smtp_info.maildir)
        if docker_engine_answers():
            with _containers(smtp) as infra:
                yield infra
            return
        pg = stack.ensure_postgres()
        if pg.started_here:
            stops.append(stack.stop_postgres)
        kafka = stack.ensure_kafka()
        if kafka.started_here:
            stops.append(stack.stop_kafka)
        yield Infra(
            pg_host=pg.host,
            pg_port=pg.port,
            admin_dsn=pg.admin_dsn,
            kafka_bootstrap=kafka.bootstrap_servers,
            smtp_host=smtp.host,
            smtp_port=smtp.port,
            maildir=smtp.maildir,
            origin="local",
        )
    finally:
        for stop in reversed(stops):
            stop()
