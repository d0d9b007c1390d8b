"""The responder benchmark's harness, end to end at a small size: the handler check, the seed, the
real responder process, both load runs, the query plans, the report and the cleanup. Figures
are not checked (a test run shares the machine); that everything ran and was undone is."""

import asyncio
from datetime import UTC, datetime

import asyncpg
import pytest

from bench.responder import __main__ as bench
from bench.responder import plan, report
from tests.support.infra import Infra

pytestmark = [pytest.mark.integration, pytest.mark.timeout(180)]


async def test_quick_core_runs_and_cleans_up(infra: Infra) -> None:
    if infra.origin != "local":
        pytest.skip("the benchmark runs against the local stack (deploy/local/stack.py)")
    args = bench.parse_args(
        [
            "--quick",
            "--reviews", "4000",
            "--shops", "20",
            "--requests", "60",
            "--concurrent-requests", "60",
            "--concurrency", "4",
            "--warmup", "10",
            "--check-reviews", "40",
            "--keep-infra",
        ]
    )  # fmt: skip
    started = datetime.now(UTC)
    result = await asyncio.wait_for(bench.benchmark(args, started), 170)

    assert result["check"]["identical"], result["check"]["tables"]
    assert result["check"]["tables"]["reviews"]["rows"] > 0
    seed = result["seed"]
    assert 3_500 < seed["reviews"] < 4_500
    assert seed["tables"]["cases"]["rows"] > 0 and seed["tables"]["drafts"]["rows"] > 0
    assert seed["largest_shop"] > seed["smallest_shop"]
    for phase in result["phases"]:
        assert phase["figures"]["overall"]["errors"] == 0, phase["first_error"]
        assert phase["figures"]["overall"]["count"] == phase["requests"]
        assert set(phase["figures"]["kinds"]) == set(plan.KINDS)
        assert phase["cpu"]["responder_cores"] > 0
    assert [p["concurrency"] for p in result["phases"]] == [1, 4]
    assert set(result["plans"]) == set(plan.KINDS)
    for p in result["plans"].values():
        assert all(s["execution_ms"] is not None for s in p["statements"].values())
    assert "| **all** |" in report.markdown(result)

    # Nothing left behind: the database is gone, the infrastructure was reused.
    assert any("dropped" in note for note in result["infra"]["cleanup"])
    admin = await asyncpg.connect(infra.admin_dsn)
    try:
        left = await admin.fetchval(
            "SELECT count(*) FROM pg_database WHERE datname = $1", result["infra"]["database"]
        )
    finally:
        await admin.close()
    assert left == 0
