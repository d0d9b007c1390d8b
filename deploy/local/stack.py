"""Local Reviewloop stack without Docker: PostgreSQL, Kafka (KRaft), an SMTP sink, the services.

Used two ways:

* as a library by the pytest fixtures and the benchmarks (``ensure_postgres()``,
  ``ensure_kafka()``, ...), which reuse whatever is already listening on the fixed ports and
  start the rest;
* as a CLI: ``python -m deploy.local.stack {up,down,status,infra-up,infra-down,prereqs,clean}``
  (or the ``deploy/local/stack`` wrapper, which also prepares the virtualenv).

The parts live next to this module, each named for what it holds: ``layout`` (ports, paths,
the lock), ``launcher`` (starting and stopping processes), ``packages`` (apt, Maven),
``postgres``, ``broker`` (Kafka), ``smtp_sink``, ``services`` and ``cli``.
"""

import sys

from deploy.local.broker import KafkaInfo, create_topics, ensure_kafka, stop_kafka
from deploy.local.cli import main
from deploy.local.layout import DEFAULT_STATE_DIR, LOCALHOST, REPO_ROOT, StackError
from deploy.local.packages import install_prerequisites
from deploy.local.postgres import (
    PG_ADMIN_PASSWORD,
    PG_ADMIN_USER,
    PostgresInfo,
    ensure_postgres,
    stop_postgres,
)
from deploy.local.services import provision_database, start_services, stop_services
from deploy.local.smtp_sink import SmtpInfo, ensure_smtp, stop_smtp

__all__ = [
    "DEFAULT_STATE_DIR",
    "LOCALHOST",
    "PG_ADMIN_PASSWORD",
    "PG_ADMIN_USER",
    "REPO_ROOT",
    "KafkaInfo",
    "PostgresInfo",
    "SmtpInfo",
    "StackError",
    "create_topics",
    "ensure_kafka",
    "ensure_postgres",
    "ensure_smtp",
    "install_prerequisites",
    "main",
    "provision_database",
    "start_services",
    "stop_kafka",
    "stop_postgres",
    "stop_services",
    "stop_smtp",
]

if __name__ == "__main__":
    sys.exit(main())
