"""The fault run in its short form (docs/reliability.md): about 90 orders and 30 reviews over a
minute while every service is killed with SIGKILL once, Kafka and PostgreSQL restart, the SMTP
server refuses with 4xx and drops connections, the survey service scales to two instances and
poison messages arrive. Nothing may be lost or doubled; the SMTP "unknown" window is counted
apart. Takes 2-3 minutes on a busy 2-core machine: its own PostgreSQL and Kafka (started
and removed here) plus the load.

The full run: `python -m tests.faults --orders 10000 --reviews 2000`.
"""

import pytest

from deploy.local import packages
from tests.faults.faults import FaultConfig
from tests.faults.report import render
from tests.faults.run import RunConfig, run, save

pytestmark = [pytest.mark.integration, pytest.mark.timeout(600)]


def _prerequisites() -> str | None:
    if packages.pg_bindir() is None:
        return "PostgreSQL server binaries are not installed (deploy/local/stack prereqs)"
    if packages.java() is None or not packages.kafka_jars_ready():
        return "Java or the Kafka jars are missing (deploy/local/stack prereqs)"
    return None


async def test_no_effect_is_lost_or_doubled_under_faults() -> None:
    missing = _prerequisites()
    if missing:
        pytest.skip(missing)
    result = await run(
        RunConfig(
            orders=90,
            reviews=30,
            seed=3,
            duration_s=60,
            faults=FaultConfig(kills_per_service=1, kafka_restarts=1, pg_restarts=1),
            drain_timeout_s=240,
        )
    )
    report = render(result)
    print(report)
    save(result)
    f = result.findings
    assert result.drained, report
    assert f.lost == 0, report
    assert f.duplicated == 0, report
    assert f.unexpected == 0, report
    assert f.stuck_total == 0, report
    assert not f.problems, report
    # The run must have exercised what it claims to.
    hit = {x.kind for x in result.faults if x.injected is not None and "FAILED" not in x.detail}
    assert hit >= {"kill9", "kafka_restart", "pg_restart", "smtp_4xx", "smtp_drop", "scale_out"}
    assert sum(t.expected for t in f.tallies.values()) > 100, report
