"""Session fixtures: real PostgreSQL, Kafka and SMTP; a fresh database and topic prefix per run."""

import contextlib
import itertools
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import TypeVar

import asyncpg
import pytest

from shared.db.provision import default_db_password, drop_database, provision, roles_from_env
from shared.settings import ServiceSettings
from tests.support.infra import Infra, docker_engine_answers, real_infra

S = TypeVar("S", bound=ServiceSettings)

_counter = itertools.count()


_SHARED_INFRA = pytest.StashKey[contextlib.ExitStack]()


def _xdist_controller(config: pytest.Config) -> bool:
    """True in the process that hands tests to pytest-xdist's workers (`-n N`, N > 0)."""
    workers = getattr(config.option, "numprocesses", None)
    return bool(workers) and not hasattr(config, "workerinput")


def pytest_sessionstart(session: pytest.Session) -> None:
    # With workers, the servers start once, here, before any worker asks for them: each
    # worker's `infra` fixture then finds them running and reuses them (real_infra stops only
    # what it started itself), and the controller stops them at the end.
    if _xdist_controller(session.config) and not docker_engine_answers():
        servers = contextlib.ExitStack()
        servers.enter_context(real_infra())
        session.config.stash[_SHARED_INFRA] = servers


def pytest_sessionfinish(session: pytest.Session) -> None:
    servers = session.config.stash.get(_SHARED_INFRA, None)
    if servers is not None:
        servers.close()


@pytest.fixture(scope="session")
def run_id() -> str:
    return "t" + uuid.uuid4().hex[:8]


@pytest.fixture(scope="session")
def infra() -> Iterator[Infra]:
    with real_infra() as servers:
        yield servers


@pytest.fixture
async def database(infra: Infra, run_id: str) -> AsyncIterator[str]:
    """A fresh, provisioned database for each test: no test sees another's rows."""
    name = f"reviewloop_{run_id}_{next(_counter)}"
    await provision(infra.admin_dsn, name, roles_from_env({}))
    yield name
    await drop_database(infra.admin_dsn, name)


@pytest.fixture
async def admin_db(infra: Infra, database: str) -> AsyncIterator[asyncpg.Connection]:
    """The test database as its owner sees it: every service schema at once."""
    conn = await asyncpg.connect(infra.admin_dsn, database=database)
    try:
        yield conn
    finally:
        await conn.close()


@pytest.fixture(scope="module")
async def module_database(infra: Infra, run_id: str) -> AsyncIterator[str]:
    """One database for a module whose tests share a running service."""
    name = f"reviewloop_{run_id}_m{next(_counter)}"
    await provision(infra.admin_dsn, name, roles_from_env({}))
    yield name
    await drop_database(infra.admin_dsn, name)


@pytest.fixture(scope="module")
def module_prefix(run_id: str) -> str:
    return f"{run_id}-m{next(_counter)}."


@pytest.fixture
def prefix(run_id: str) -> str:
    """A topic and consumer-group prefix of this test alone."""
    return f"{run_id}-{next(_counter)}."


@pytest.fixture(scope="session")
def log_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("service-logs")


def service_env(service: str, infra: Infra, database: str, prefix: str) -> dict[str, str]:
    p = service.upper() + "_"
    return {
        p + "ENVIRONMENT": "test",
        p + "DB_HOST": infra.pg_host,
        p + "DB_PORT": str(infra.pg_port),
        p + "DB_NAME": database,
        p + "KAFKA_BOOTSTRAP_SERVERS": infra.kafka_bootstrap,
        p + "KAFKA_TOPIC_PREFIX": prefix,
        p + "KAFKA_TOPIC_PARTITIONS": "2",
    }


@pytest.fixture
def make_settings(infra: Infra, database: str, prefix: str) -> Callable[[type[S]], S]:
    def make(cls: type[S], **overrides: object) -> S:
        return cls(
            environment="test",
            db_host=infra.pg_host,
            db_port=infra.pg_port,
            db_name=database,
            kafka_bootstrap_servers=infra.kafka_bootstrap,
            kafka_topic_prefix=prefix,
            kafka_topic_partitions=2,
            **overrides,
        )

    return make  # type: ignore[return-value]


async def connect_as(infra: Infra, database: str, service: str) -> asyncpg.Connection:
    """A connection as the service's own role (what the service itself can see)."""
    return await asyncpg.connect(
        host=infra.pg_host,
        port=infra.pg_port,
        database=database,
        user=service,
        password=default_db_password(service),
    )
